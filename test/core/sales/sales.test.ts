import { salesJob, type SalesSection } from '../../../src/core/sales/job';
import { formatChange } from '../../../src/core/sales/report';
import { splitAmount } from '../../../src/core/sales/lines';
import { translator, type Lang } from '../../../src/core/i18n';
import type { JobContext, OptionValues } from '../../../src/core/job-definition';
import type { AnyTypedTable, TypedTable } from '../../../src/core/tables/typed-table';
import type { RowsByKind, TableKind } from '../../../src/core/tables/kinds';
import { asFen, asIsoDate, asRate } from '../../../src/core/values/brand';

function table<K extends TableKind>(kind: K, sheet: string, rows: RowsByKind[K][]): AnyTypedTable {
  const t: TypedTable<K> = { kind, sheet, confidence: 1, headerRows: [1], firstDataRow: 2, lastDataRow: rows.length + 1, columns: {}, rows: rows.map((fields, i) => ({ sourceRow: i + 2, fields })) };
  return t as unknown as AnyTypedTable;
}
const d = asIsoDate;
const y = (yuan: number) => asFen(Math.round(yuan * 100));

const customers = table('customers', '客户档案', [
  { name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related' },
  { name: '无锡锐达汽车部件有限公司', group: 'external' },
]);
const contracts = table('contracts', '合同台账', [{ contractNo: 'HT-2025-001', customer: '华工精密', part: 'GZ-01', quantity: 1, goodsClass: 'tooling', taxRate: asRate(0.13) }]);
const invoices = table('invoices', '开票明细', [
  { invoiceNo: '00000001', date: d('2025-01-15'), customer: '苏州华工精密模具有限公司', amount: y(16950), taxRate: asRate(0.13), goodsClass: 'batch' },
  { invoiceNo: '00000002', date: d('2025-12-10'), customer: '苏州华工精密模具（有限公司）', amount: y(11300), contractNo: 'ht-2025-001' },
  { invoiceNo: '00000003', date: d('2026-01-05'), customer: '华工精密', amount: y(22600), amountNet: y(20000), goodsClass: 'batch' },
  { invoiceNo: '00000004', date: d('2026-01-20'), customer: '无锡锐达汽车部件有限公司', amount: y(-1130), tax: y(-130), goodsClass: 'batch' },
  { invoiceNo: '00000005', date: d('2026-01-25'), customer: '锐达汽车', amount: y(5450), taxRate: asRate(0.09) },
]);

function ctx(options: OptionValues, lang: Lang = 'zh-CN'): JobContext {
  return { asOf: d('2026-01-31'), lang, t: translator(lang), options };
}
const run = (tables: AnyTypedTable[], options: OptionValues = { month: '2026-01' }, lang: Lang = 'zh-CN') =>
  salesJob.run({ grids: [], tables, issues: [] }, ctx(options, lang));

describe('sales on the invoice basis, across a year boundary', () => {
  const out = run([customers, contracts, invoices]);
  const s = out.result as unknown as SalesSection;

  test('the window is the 12 months ending in the chosen month, each present even when empty', () => {
    expect(s.months).toHaveLength(12);
    expect(s.months[0]).toBe('2025-02');
    expect(s.months[11]).toBe('2026-01');
    expect(s.totals.months[9]).toBe(0); // 2025-11: no sales, shown as 0
  });

  test('net amounts from every way an invoice states tax; the red invoice nets in its month', () => {
    // 2025-12: 11,300 at the contract's 13% → 10,000; 2026-01: 20,000 − 1,000 + 5,450/1.09 = 24,000
    expect(s.totals.months[10]).toBe(10000);
    expect(s.totals.months[11]).toBe(24000);
    expect(s.totals.total).toBe(34000);
  });

  test('month on month, year on year and year to date', () => {
    expect(s.totals.mom).toBeCloseTo(1.4, 10); // 24,000 vs 10,000
    expect(s.totals.yoy).toBeCloseTo(0.6, 10); // vs 15,000 in 2025-01
    expect(s.totals.ytd).toEqual({ current: 24000, previous: 15000, change: 0.6 });
  });

  test('customers resolve through aliases and bracket spellings, with their group', () => {
    expect(s.customers.map((c) => [c.name, c.related, c.total])).toEqual([
      ['苏州华工精密模具有限公司', true, 30000],
      ['无锡锐达汽车部件有限公司', false, 4000],
    ]);
  });

  test('goods class comes from the invoice, else from its contract, else other', () => {
    const byClass = Object.fromEntries(s.classes.map((c) => [c.class, c.total]));
    expect(byClass).toEqual({ batch: 19000, tooling: 10000, material: 0, finished: 0, 'semi-finished': 0, project: 0, other: 5000 });
  });

  test('with tax on, the JSON sums gross amounts', () => {
    const gross = run([customers, contracts, invoices], { month: '2026-01', withTax: true }).result as unknown as SalesSection;
    expect(gross.totals.months[11]).toBe(22600 - 1130 + 5450);
  });

  test('the sheets open with the written summary', () => {
    expect(out.sheets.map((x) => x.name)).toEqual(['销售_月度客户', '销售_产品类别', '销售_关联外部', '销售_同比环比', '销售_客户排名']);
    expect(out.sheets[0].title[1]).toBe('2026年1月销售额（不含税）¥24,000.00，环比 +140.0%，同比 +60.0%；前三名客户占 100%');
    const en = run([customers, contracts, invoices], { month: '2026-01' }, 'en-US');
    expect(en.sheets[0].title[1]).toBe('Sales in 2026-01 (without tax) ¥24,000.00; month on month +140.0%, year on year +60.0%; top three customers 100%');
  });

  test('every month × customer table has 12 month columns and a totals row that ties', () => {
    const table = out.sheets[0].tables[0];
    expect(table.columns).toHaveLength(2 + 12 + 1);
    const totals = table.totals as number[];
    const sumOfRows = table.rows.reduce((sum, r) => sum + (r[14] as number), 0);
    expect(totals[14]).toBeCloseTo(sumOfRows, 6);
    expect(out.sheets[1].charts?.[0].kind).toBe('column');
    expect(out.sheets[3].charts?.[0].kind).toBe('line');
  });
});

describe('edge cases', () => {
  test('no prior year gives a dash, not a division error', () => {
    const only = table('invoices', '开票', [{ invoiceNo: '1', date: d('2026-01-05'), customer: '华工精密', amount: y(1130), taxRate: asRate(0.13) }]);
    const out = run([customers, only]);
    const s = out.result as unknown as SalesSection;
    expect(s.totals.yoy).toBeNull();
    expect(s.totals.mom).toBeNull();
    expect(out.sheets[0].title[1]).toContain('环比 —，同比 —');
    const changes = out.sheets[3].tables[1];
    expect(changes.rows[0][6]).toBe('—'); // yoy column of the customer row
    // Last year's month and last year's year-to-date had no sales: '—', not ¥0.00.
    const col = (key: string) => changes.columns.findIndex((c) => c.key === key);
    expect([changes.rows[0][col('lastYear')], changes.rows[0][col('ytdPrior')]]).toEqual(['—', '—']);
  });

  test('a month with no sales at all still has its row, with zeros, and a finding says so', () => {
    const out = run([customers, invoices], { month: '2025-11' });
    const s = out.result as unknown as SalesSection;
    expect(s.totals.months[11]).toBe(0);
    expect(out.findings.map((f) => f.code)).toContain('sales-empty-month');
  });

  test('shipment basis: quantity × price, and a return netted in the month it comes back', () => {
    const shipments = table('shipments', '出货清单', [
      { date: d('2026-01-03'), deliveryNo: 'DN0001', customer: '华工精密', part: 'A-1', quantity: 100, unitPrice: y(113), taxRate: asRate(0.13), goodsClass: 'material' },
      { date: d('2025-12-28'), deliveryNo: 'DN0002', customer: '锐达汽车', part: 'B-1', quantity: 10, amount: y(1130), contractNo: 'HT-2025-001' },
    ]);
    const returns = table('returns', '退货记录', [{ date: d('2026-01-15'), customer: '华工精密', deliveryNo: '送0001', part: 'A-1', quantity: 10, unitPrice: y(113) }]);
    const s = run([customers, contracts, shipments, returns], { month: '2026-01', basis: 'shipments' }).result as unknown as SalesSection;
    expect(s.basis).toBe('shipments');
    expect(s.totals.months[11]).toBe(10000 - 1000);
    expect(s.totals.months[10]).toBe(1000); // rate and class borrowed from the contract
    expect(s.classes.find((c) => c.class === 'tooling')?.total).toBe(1000);
    expect(s.classes.find((c) => c.class === 'material')?.total).toBe(9000);
  });

  test('a line with no tax information anywhere assumes 13% and says so', () => {
    const bare = table('invoices', '开票', [{ invoiceNo: '9', date: d('2026-01-09'), customer: '新客户', amount: y(113) }]);
    const out = run([bare]);
    expect((out.result as unknown as SalesSection).totals.months[11]).toBe(100);
    const f = out.findings.find((x) => x.code === 'sales-assumed-rate');
    expect(f?.cells).toEqual([{ sheet: '开票', cell: 'A2' }]);
  });
});

describe('helpers', () => {
  test('formatChange uses a real minus and the dash', () => {
    expect(formatChange(0.123, '—')).toBe('+12.3%');
    expect(formatChange(-0.04, '—')).toBe('−4.0%');
    expect(formatChange(null, '—')).toBe('—');
    expect(formatChange(0, '—')).toBe('0.0%');
  });

  test('splitAmount prefers stated figures over rates', () => {
    expect(splitAmount({ gross: y(113), net: y(100) })?.amount).toEqual({ gross: 11300, net: 10000 });
    expect(splitAmount({ gross: y(113), tax: y(13) })?.amount).toEqual({ gross: 11300, net: 10000 });
    expect(splitAmount({ net: y(100), rate: asRate(0.06) })?.amount).toEqual({ gross: 10600, net: 10000 });
    expect(splitAmount({ gross: y(100.01), rate: asRate(0.13) })?.amount.net).toBe(8850); // 88.504… → 88.50
    expect(splitAmount({})).toBeNull();
  });
});
