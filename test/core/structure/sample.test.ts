import { readFileSync } from 'fs';
import { join } from 'path';
import { XlsxHost } from '../../../src/xlsx';
import { structureWorkbook, type StructureResult } from '../../../src/core/structure';
import type { Grid } from '../../../src/core/grid';

/**
 * Every sheet of the sample workbook (assets/sample, built by scripts/sample): its kind, header, extent, and the
 * exact set of bad cells planted in it for structure (planted.json), nothing more.
 */

const dir = join(__dirname, '../../../assets/sample');
interface Planted {
  cases: { job: string; code: string; sheet: string; cell: string; nearMiss: boolean }[];
}
const planted = JSON.parse(readFileSync(join(dir, 'planted.json'), 'utf8')) as Planted;

let grids: Grid[];
let r: StructureResult;
beforeAll(async () => {
  const host = await XlsxHost.open(join(dir, 'clerk-sample.xlsx'));
  grids = (await host.readWorkbook()).grids;
  r = structureWorkbook(grids, { defaultYear: 2026 });
});

const SHEETS: [string, string, number[]][] = [
  ['客户档案', 'customers', [3]],
  ['报价台账', 'quotes', [3]],
  ['合同台账', 'contracts', [3]],
  ['出货明细2025.11-2026.06', 'shipments', [3]],
  ['7月出货清单', 'shipments', [4, 5]],
  ['8月出货清单', 'shipments', [4, 5]],
  ['9月出货清单', 'shipments', [4, 5]],
  ['10月出货清单', 'shipments', [4, 5]],
  ['对账单-华工精密', 'statements', [5]],
  ['对账单-无锡华工', 'statements', [4]],
  ['对账单-嘉兴华工', 'statements', [5]],
  ['开票明细', 'invoices', [2]],
  ['回款明细', 'receipts', [2]],
  ['客户财产台账', 'property', [3]],
  ['盘点表', 'propertyCounts', [3]],
  ['退货记录', 'returns', [2]],
  ['样品登记', 'samples', [2]],
];

describe('the sample workbook', () => {
  it('structures every sheet, each as the kind it is, with no ambiguity and no required column missing', () => {
    expect(r.detections.map((d) => [d.sheet, d.kind, d.headerRows])).toEqual(SHEETS);
    for (const d of r.detections) {
      expect({ sheet: d.sheet, alternatives: d.alternatives, missing: d.missingRequired }).toEqual({ sheet: d.sheet, alternatives: [], missing: [] });
      expect(d.confidence).toBeGreaterThan(0.9);
    }
    expect(r.findings).toEqual([]);
  });

  it('reports exactly the bad cells planted for structure, with their addresses and problem codes', () => {
    const expected = planted.cases.filter((c) => c.job === 'structure' && !c.nearMiss).map((c) => `${c.sheet}!${c.cell} ${c.code}`);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(r.issues.map((i) => `${i.sheet}!${i.cell} ${i.problem}`).sort()).toEqual(expected.sort());
  });

  it('skips the month, customer and grand subtotal rows and the sign-off lines', () => {
    const july = r.tables.find((t) => t.sheet === '7月出货清单')!;
    const subtotalRows = grids
      .find((g) => g.name === '7月出货清单')!
      .values.map((row, i) => (row?.some((v) => typeof v === 'string' && /小计|合计/.test(v)) ? i + 1 : 0))
      .filter((n) => n > 0);
    expect(subtotalRows.length).toBeGreaterThan(3);
    for (const n of subtotalRows) expect(july.rows.some((x) => x.sourceRow === n)).toBe(false);
    const jx = r.tables.find((t) => t.sheet === '对账单-嘉兴华工')!;
    expect(jx.lastDataRow).toBe(13);
  });

  it('fills each statement’s counterparty from its title block', () => {
    const cp = (sheet: string) => new Set(r.tables.find((t) => t.sheet === sheet)!.rows.map((x) => (x.fields as { counterparty?: string }).counterparty));
    expect(cp('对账单-华工精密')).toEqual(new Set(['苏州华工精密模具有限公司']));
    expect(cp('对账单-无锡华工')).toEqual(new Set(['无锡华工汽车部件有限公司']));
    expect(cp('对账单-嘉兴华工')).toEqual(new Set(['嘉兴华工新材料科技有限公司']));
  });

  it('reads the two-row 单价/金额 header of the monthly shipping lists into with- and without-tax fields', () => {
    const oct = r.detections.find((d) => d.sheet === '10月出货清单')!;
    expect(oct.columns).toMatchObject({ unitPriceWithTax: 'K', unitPriceNet: 'L', amount: 'M', amountNet: 'N', taxRate: 'O' });
  });
});
