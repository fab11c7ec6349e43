import { runWorkbook } from '../../../src/core/pipeline';
import type { Grid } from '../../../src/core/grid';
import { isSheetLink, type SheetSpec, type SheetLink } from '../../../src/core/sheet-spec';
import { asIsoDate } from '../../../src/core/values/brand';
import type { Lang } from '../../../src/core/i18n';
import { err, sheet, specToGrid } from './grid-builder';

const RUIDA = '宁波锐达汽车零部件有限公司';

const shipments = (name: string): Grid =>
  sheet(name, [
    ['2026年10月出货清单'],
    ['送货日期', '送货单号', '客户', '物料编码', '数量', '含税单价', '金额', '税率', '类别'],
    ['2026-10-05', 'DN2610001', RUIDA, 'RD-1001', 100, 45, 4500, 0.13, '批量'],
    ['2026-10-06', 'DN2610002', RUIDA, 'RD-1002', 'abc', 6.8, err('#N/A'), '13%', '工装'],
  ]);
const statement = sheet('锐达对账单', [
  [`${RUIDA} 2026年10月对账单`],
  ['日期', '单据号', '物料编码', '数量', '单价', '金额'],
  ['10月5日', 'DN2610001', 'RD-1001', 100, 45, 4500],
]);
const notes = sheet('说明', [['本工作簿由销售内务维护']]);

const run = (grids: Grid[], lang: Lang = 'zh-CN', typedTables = true) =>
  runWorkbook(grids, { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang, options: { typedTables } });
const byPurpose = (sheets: SheetSpec[], purpose = 'structure') => sheets.filter((s) => s.purpose === purpose);

describe('the structure job', () => {
  const longName = '2026年10月份出货清单（仓库导出原始数据）第二版最终确认稿';
  const out = run([shipments(longName), shipments('表_出货'), statement, notes, shipments('出货')]);
  const sheets = byPurpose(out.sheets);

  it('writes the typed copies only when asked: by default just the sheet that says how each sheet was read', () => {
    const plain = run([shipments('出货'), statement], 'zh-CN', false);
    expect(plain.sheets.map((s) => s.name)).toEqual(['识别结果', '问题清单', 'ClerkDesk_state']);
    const other = runWorkbook([shipments('出货'), statement], { jobs: ['quotes'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { typedTables: true } });
    expect(other.sheets.some((s) => s.name === '识别结果' || s.name.startsWith('表_'))).toBe(false);
  });

  it('writes one owned sheet per typed table, with valid unique names that avoid the clerk’s own sheets', () => {
    const names = sheets.map((s) => s.name);
    expect([...names[1]].length).toBe(31);
    expect(names).toEqual(['识别结果', [...`表_${longName}`].slice(0, 31).join(''), '表_表_出货', '表_锐达对账单', '表_出货_2']);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    const tableNames = sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(tableNames.map((n) => n.toLowerCase())).size).toBe(tableNames.length);
    for (const n of tableNames) expect(n).toMatch(/^[\p{L}_][\p{L}\p{N}_.]*$/u);
  });

  it('types the columns so hosts apply money, date, quantity and rate formats, and links each row to its source', () => {
    const table = sheets[4].tables[0];
    expect(table.columns.map((c) => [c.key, c.type])).toEqual([
      ['source', 'link'],
      ['date', 'date'],
      ['deliveryNo', 'text'],
      ['customer', 'text'],
      ['part', 'text'],
      ['quantity', 'quantity'],
      ['unitPriceWithTax', 'money'],
      ['taxRate', 'rate'],
      ['amount', 'money'],
      ['goodsClass', 'text'],
    ]);
    expect(table.columns.map((c) => c.header)).toEqual(['来源行', '送货日期', '送货单号', '客户', '物料编码', '数量', '含税单价', '税率', '金额(含税)', '货物类别']);
    expect(table.rows[0]).toEqual([{ text: '出货!A3', target: { sheet: '出货', cell: 'A3' } }, '2026-10-05', 'DN2610001', RUIDA, 'RD-1001', 100, 45, 0.13, 4500, '批量产品']);
    expect(table.rows[1]).toEqual([{ text: '出货!A4', target: { sheet: '出货', cell: 'A4' } }, '2026-10-06', 'DN2610002', RUIDA, 'RD-1002', null, 6.8, 0.13, null, '工装']);
  });

  it('shows a statement’s counterparty taken from its title as a column', () => {
    const table = sheets[3].tables[0];
    expect(table.columns[1].key).toBe('counterparty');
    expect(table.rows[0][1]).toBe(RUIDA);
    expect(sheets[3].title).toContain(`对方单位（取自标题）：${RUIDA}`);
  });

  it('lists every CellIssue on the run’s 问题清单 with a link to the source cell', () => {
    const [findingsSheet] = byPurpose(out.sheets, 'findings');
    expect(findingsSheet.name).toBe('问题清单');
    const issues = findingsSheet.tables[0];
    const links = issues.rows.map((r) => r[3] as SheetLink);
    expect(links.every(isSheetLink)).toBe(true);
    // The six unreadable cells (errors, listed first), then the note that 说明 is not a table.
    expect(links.map((l) => `${l.target.sheet}!${l.target.cell}`)).toEqual([...out.structure.issues.map((i) => `${i.sheet}!${i.cell}`), '说明!A1']);
    expect(out.structure.issues.length).toBe(6); // E4 and G4 on each of the three shipment sheets
    expect(issues.rows[0]).toEqual(['结构化', '错误', '「数量」列的「abc」不是数字', { text: `${longName}!E4`, target: { sheet: longName, cell: 'E4' } }, null]);
  });

  it('says how every sheet was read, including the one that is not a table', () => {
    const det = sheets[0].tables[0];
    expect(det.rows.map((r) => [(r[0] as SheetLink).target.sheet, r[1], r[7]])).toEqual([
      [longName, '出货清单', 2],
      ['表_出货', '出货清单', 2],
      ['锐达对账单', '对账单', 0],
      ['说明', '（不是数据表）', 0],
      ['出货', '出货清单', 2],
    ]);
  });

  it('gives one finding per CellIssue, and the pipeline’s JSON has the tables and issues in the issue’s shape', () => {
    const cellFindings = out.findings.filter((f) => f.cells.length === 1 && out.structure.issues.some((i) => i.cell === f.cells[0].cell && i.sheet === f.cells[0].sheet && i.problem === f.code));
    expect(cellFindings).toHaveLength(6);
    expect(cellFindings.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'error']);
    const summary = out.summary as { tables: unknown[]; issues: unknown[] };
    expect(summary.tables[3]).toEqual({
      sheet: '出货', kind: 'shipments', confidence: expect.any(Number), headerRow: [2], firstDataRow: 3, lastDataRow: 4, rows: 2,
      columns: { date: 'A', deliveryNo: 'B', customer: 'C', part: 'D', quantity: 'E', unitPriceWithTax: 'F', taxRate: 'H', amount: 'G', goodsClass: 'I' },
    });
    expect(summary.issues[0]).toEqual({ sheet: longName, cell: 'E4', value: 'abc', field: 'quantity', problem: 'not-a-number' });
    expect(JSON.parse(JSON.stringify(out.summary))).toEqual(out.summary);
  });

  it('writes English names and headers when the language is en-US', () => {
    const { sheets: all } = run([shipments('出货')], 'en-US');
    const en = byPurpose(all);
    expect(en.map((s) => s.name)).toEqual(['Detected tables', 'T_出货']);
    expect(en[1].tables[0].columns.map((c) => c.header).slice(0, 3)).toEqual(['Source row', 'Ship date', 'Delivery note no.']);
    const [findings] = byPurpose(all, 'findings');
    expect(findings.name).toBe('Findings');
    expect(findings.tables[0].rows[0][2]).toBe('"abc" in column "数量" is not a number');
  });

  it('is the same on a re-run: its own sheets are replaced, not copied', () => {
    const grids = [shipments('出货')];
    const first = run(grids);
    const again = run([...grids, ...first.sheets.map(specToGrid)]);
    expect(again.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    expect(again.summary).toEqual(first.summary);
  });
});
