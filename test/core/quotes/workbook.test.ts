import type { Grid, GridValue } from '../../../src/core/grid';
import { runWorkbook } from '../../../src/core/pipeline';
import type { QuotesSection } from '../../../src/core/quotes/report';
import { asIsoDate } from '../../../src/core/values/brand';

/** Grids as a host would read them: title rows, Chinese headers, dates and amounts in the clerk's own forms. */
function grid(name: string, rows: GridValue[][]): Grid {
  return { name, values: rows, formats: rows.map((r) => r.map(() => null)), merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
}

const customers = grid('客户档案', [
  ['客户编码', '客户名称', '简称', '类别', '账期(天)'],
  ['C001', '苏州华工精密模具有限公司', '华工精密', '关联', 30],
  ['C002', '无锡锐达汽车部件有限公司', '锐达', '外部', 60],
]);

const quotes = grid('报价台账', [
  ['2026年报价台账', null, null, null, null, null, null, null, null],
  ['报价单号', '报价日期', '客户名称', '物料编码', '物料名称', '含税单价', '税率', '起订量', '有效期至'],
  ['BJ-2026-031', '2026-03-01', '华工精密', 'HG-1001', '定位销', 12.5, '13%', 100, '2026-06-30'],
  ['BJ-2026-031', '2026-03-01', '华工精密', 'HG-1001', '定位销', 11.8, '13%', 500, '2026-06-30'],
  ['BJ-2026-032', '2026-03-05', '锐达', 'RD-7', '支架', 45.2, '13%', null, '2026-12-31'],
]);

const contracts = grid('合同台账', [
  ['销售合同台账', null, null, null, null, null, null, null, null, null, null],
  ['合同编号', '签订日期', '客户名称', '报价单号', '物料编码', '物料名称', '数量', '含税单价', '税率', '价税合计', '合同总额'],
  ['HT-2026-0415', '2026-04-15', '苏州华工精密模具有限公司', null, 'HG-1001', '定位销', 200, 12.5, '13%', 2500, 2940],
  ['HT-2026-0415', '2026-04-15', '苏州华工精密模具有限公司', null, 'HG-1001', '定位销', 50, 12.5, '13%', 625, null],
  ['HT-2026-0420', '2026-04-20', '锐达', 'BJ-2026-031', 'HG-1001', '定位销', 600, 11.81, '13%', 7086, null],
  ['HT-2026-0701', '2026-07-01', '锐达', null, 'RD-7', '支架', 10, 45.2, '9%', 452.01, null],
]);

describe('the quote check on a workbook, through structure and the pipeline', () => {
  const out = runWorkbook([customers, quotes, contracts], { jobs: ['quotes'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
  const q = out.summary.quotes as unknown as QuotesSection;

  test('structure finds the three tables', () => {
    expect(out.structure.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ['客户档案', 'customers'],
      ['报价台账', 'quotes'],
      ['合同台账', 'contracts'],
    ]);
  });

  test('the planted findings, and only those', () => {
    expect(q.checked).toBe(4);
    expect(q.findings.map((f) => [f.rule, f.contractNo, f.cell])).toEqual([
      // 200 + 50 at ¥12.50 = ¥3,125.00, stated ¥2,940.00 on the first line
      ['total-mismatch', 'HT-2026-0415', 'K3'],
      ['duplicate-line', 'HT-2026-0415', 'E4'],
      // 50 is under the quote's first break of 100
      ['below-minimum-quantity', 'HT-2026-0415', 'G4'],
      // 600 falls in the 500 tier (¥11.80); the quote is 华工精密's, the contract 锐达's
      ['price-mismatch', 'HT-2026-0420', 'H5'],
      ['customer-mismatch', 'HT-2026-0420', 'D5'],
      // 9% against the quote's 13%; 10 × ¥45.20 against ¥452.01 is one fen of rounding
      ['tax-rate-mismatch', 'HT-2026-0701', 'I6'],
    ]);
  });

  test('the check sheet is written, owned by quotes', () => {
    expect(out.sheets.map((s) => s.name)).toContain('核对_报价合同');
  });
});
