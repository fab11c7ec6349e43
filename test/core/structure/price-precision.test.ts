import fc from 'fast-check';
import type { Grid, GridValue } from '../../../src/core/grid';
import { runWorkbook } from '../../../src/core/pipeline';
import type { QuotesSection } from '../../../src/core/quotes/report';
import { structureWorkbook } from '../../../src/core/structure';
import { asIsoDate } from '../../../src/core/values/brand';

/**
 * Unit prices keep their precision: 0.0235 yuan is 2.35 fen, not 2 fen, so that 10,000 × ¥0.0235 is the ¥235.00
 * on the line and no rule fires on a difference that only rounding on reading made. Amounts stay whole fen.
 */

function grid(name: string, rows: GridValue[][]): Grid {
  return { name, values: rows, formats: rows.map((r) => r.map(() => null)), merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
}

describe('unit prices in fractions of a fen', () => {
  it('reads 0.0235, 21.004, ¥1,035.39823 and 12.5元/件 exactly, amounts in whole fen', () => {
    const r = structureWorkbook([
      grid('出货清单', [
        ['送货日期', '物料编码', '数量', '单价', '金额'],
        ['2026-10-05', 'PIN-1', 10000, 0.0235, 235],
        ['2026-10-05', 'PIN-2', 3, 21.004, 63.01],
        ['2026-10-06', 'PIN-3', 20, '¥1,035.39823', 20707.96],
        ['2026-10-06', 'PIN-4', 2, '12.5元/件', '25.00'],
      ]),
    ]);
    expect(r.tables[0].rows.map((x) => [(x.fields as { unitPrice?: number }).unitPrice, (x.fields as { amount?: number }).amount])).toEqual([
      [2.35, 23500],
      [2100.4, 6301],
      [103539.823, 2070796],
      [1250, 2500],
    ]);
  });

  it('any price to six decimals of a yuan is read as that many ten-thousandths of a fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), fc.boolean(), (micro, asText) => {
        const yuan = micro / 1_000_000;
        const cell: GridValue = asText ? `¥${yuan.toFixed(6)}` : yuan;
        const r = structureWorkbook([grid('出货', [['送货日期', '物料编码', '数量', '单价'], ['2026-10-05', 'P', 1, cell]])]);
        expect((r.tables[0].rows[0].fields as { unitPrice?: number }).unitPrice).toBe(micro / 10_000);
      }),
    );
  });

  it('a contract at the quoted ¥0.0235 for 10,000 pieces and ¥235.00 breaks no quote rule', () => {
    const out = runWorkbook(
      [
        grid('报价台账', [
          ['报价单号', '报价日期', '客户名称', '物料编码', '含税单价', '有效期至'],
          ['BJ-1', '2026-03-01', '苏州华工精密模具有限公司', 'PIN-1', 0.0235, '2026-12-31'],
          ['BJ-2', '2026-03-01', '苏州华工精密模具有限公司', 'PIN-2', 21.004, '2026-12-31'],
        ]),
        grid('合同台账', [
          ['合同编号', '签订日期', '客户名称', '报价单号', '物料编码', '数量', '含税单价', '价税合计'],
          ['HT-1', '2026-04-15', '苏州华工精密模具有限公司', 'BJ-1', 'PIN-1', 10000, 0.0235, 235],
          ['HT-2', '2026-04-15', '苏州华工精密模具有限公司', 'BJ-2', 'PIN-2', 3, 21.004, 63.01],
        ]),
      ],
      { jobs: ['quotes'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' },
    );
    const q = out.summary.quotes as unknown as QuotesSection;
    expect(q.checked).toBe(2);
    expect(q.findings).toEqual([]);
  });
});
