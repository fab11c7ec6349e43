/**
 * The one period rule (src/core/period.ts): with no option, each job works on the period the workbook is about;
 * an explicit option wins. Expected periods are read off the data by hand, never computed by the rule under test.
 */
import fc from 'fast-check';
import { closeMonth, dataEnd, dominantMonth, periodInTitle, periodLines, reconcilePeriod, salesMonth, statementPeriod } from '../../src/core/period';
import { reconcileJob } from '../../src/core/reconcile/job';
import { salesJob } from '../../src/core/sales/job';
import { translator } from '../../src/core/i18n';
import type { JobContext, OptionValues } from '../../src/core/job-definition';
import type { AnyTypedTable, TypedTable } from '../../src/core/tables/typed-table';
import { asIsoDate, type IsoDate } from '../../src/core/values/brand';
import { typedTable, yuan } from '../helpers/typed';

const d = asIsoDate;

function statement(sheet: string, title: string[], dates: string[]): AnyTypedTable {
  const t = typedTable(
    'statements',
    sheet,
    dates.map((date, i) => ({ date: d(date), docNo: `DN${i + 1}`, part: 'GZ-01', quantity: 10, unitPrice: yuan(5), amount: yuan(50) })),
  ) as TypedTable<'statements'>;
  t.titleText = title;
  return t as unknown as AnyTypedTable;
}

const customers = typedTable('customers', '客户档案', [{ name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related' }]);
const shipments = (dates: string[]) =>
  typedTable('shipments', '出货清单', dates.map((date, i) => ({ date: d(date), deliveryNo: `DN${i + 1}`, customer: '华工精密', part: 'GZ-01', quantity: 10, unitPrice: yuan(5), amount: yuan(50) })));
const invoices = (dates: string[]) =>
  typedTable('invoices', '开票明细', dates.map((date, i) => ({ invoiceNo: `F${i}`, date: d(date), customer: '华工精密', amount: yuan(113), amountNet: yuan(100) })));

describe('the 对账期间 of a statement title block', () => {
  test.each([
    [['苏州华工精密模具有限公司', '对 账 单', '对账期间：2026-10-01至2026-10-31'], '2026-10', '2026-10-01', '2026-10-31'],
    [['对账单', '对账期间：2026-10-01至2026-10-31 打印时间：2026-11-02 09:14'], '2026-10', '2026-10-01', '2026-10-31'],
    [['对帐期间：２０２６年１０月１日－２０２６年１０月３１日'], '2026-10', '2026-10-01', '2026-10-31'],
    [['结算期间：2026年9月26日至10月25日'], '2026-09-26..2026-10-25', '2026-09-26', '2026-10-25'],
    [['结算期间：2025年12月26日至1月25日'], '2025-12-26..2026-01-25', '2025-12-26', '2026-01-25'],
    [['对账月份：2026年10月'], '2026-10', '2026-10-01', '2026-10-31'],
    [['Statement period: 2026.10.01 - 2026.10.31'], '2026-10', '2026-10-01', '2026-10-31'],
  ])('%j → %s', (title, label, from, to) => {
    expect(periodInTitle(title)).toEqual({ label, from, to });
  });

  test('a printing date alone, or no date at all, states no period', () => {
    expect(periodInTitle(['对账单', '打印日期：2026-11-02'])).toBeUndefined();
    expect(periodInTitle(['无锡华工汽车部件有限公司  对账单', '单位：元'])).toBeUndefined();
  });

  test('a full month written as a range, in any date form, is labelled by its month (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('-', '.', '/', '年'), (y, m, sep) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        const day = (dd: number) => (sep === '年' ? `${y}年${m}月${dd}日` : `${y}${sep}${m}${sep}${dd}`);
        const month = `${y}-${String(m).padStart(2, '0')}`;
        expect(periodInTitle([`对账期间：${day(1)} 至 ${day(last)}`])?.label).toBe(month);
      }),
    );
  });
});

describe('a statement’s own period', () => {
  test('from its title when it states one, else the month most of its lines fall in', () => {
    const titled = statement('对账单-华工精密', ['对账期间：2026-10-01至2026-10-31'], ['2026-09-30', '2026-10-02']);
    expect(statementPeriod(titled as unknown as TypedTable<'statements'>)).toEqual({ period: { from: '2026-10-01', to: '2026-10-31', label: '2026-10' }, source: 'statement-title' });
    const untitled = statement('对账单-华工精密', ['华工精密 对账单'], ['2026-09-30', '2026-10-02', '2026-10-15']);
    expect(statementPeriod(untitled as unknown as TypedTable<'statements'>)).toEqual({ period: { from: '2026-10-01', to: '2026-10-31', label: '2026-10' }, source: 'statement-lines' });
  });

  test('dominant month: the later month on a tie', () => {
    expect(dominantMonth([d('2026-09-30'), d('2026-10-02')])).toBe('2026-10');
    expect(dominantMonth([undefined])).toBeUndefined();
  });
});

describe('reconcile’s period', () => {
  const asOf = d('2026-12-02');
  test('no options: the statements’ period, not the as-of month', () => {
    const tables = [customers, shipments(['2026-10-08', '2026-11-20']), statement('对账单', ['对账期间：2026-10-01至2026-10-31'], ['2026-10-09'])];
    expect(reconcilePeriod(tables, {}, asOf)).toEqual({ period: { from: '2026-10-01', to: '2026-10-31', label: '2026-10' }, source: 'statement-title' });
  });

  test('a workbook whose latest month (November) has no statement: still October, the month of the statement', () => {
    const tables = [customers, shipments(['2026-10-08', '2026-11-20']), statement('对账单', ['华工精密 对账单'], ['2026-10-09', '2026-10-20'])];
    expect(reconcilePeriod(tables, {}, asOf).period.label).toBe('2026-10');
    // …while sales reports November, the latest month with sales.
    expect(salesMonth(tables, {}, asOf, 'shipments')).toEqual({ month: '2026-11', source: 'sales' });
  });

  test('of two statements kept in the workbook, the latest period that has begun by the as-of date', () => {
    const tables = [
      statement('9月对账单', ['对账期间：2026-09-01至2026-09-30'], ['2026-09-09']),
      statement('10月对账单', ['对账期间：2026-10-01至2026-10-31'], ['2026-10-09']),
      statement('1月对账单', ['对账期间：2027-01-01至2027-01-31'], ['2027-01-09']),
    ];
    expect(reconcilePeriod(tables, {}, asOf).period.label).toBe('2026-10');
  });

  test('no statement: the latest month with shipments up to the as-of date; nothing at all: the as-of month', () => {
    expect(reconcilePeriod([customers, shipments(['2026-09-03', '2026-10-30', '2027-01-04'])], {}, asOf)).toEqual({
      period: { from: '2026-10-01', to: '2026-10-31', label: '2026-10' },
      source: 'shipments',
    });
    expect(reconcilePeriod([], {}, asOf)).toEqual({ period: { from: '2026-12-01', to: '2026-12-31', label: '2026-12' }, source: 'as-of' });
  });

  test('explicit options win; dates win over the month', () => {
    const tables = [statement('对账单', ['对账期间：2026-10-01至2026-10-31'], ['2026-10-09'])];
    expect(reconcilePeriod(tables, { period: '2026-09' }, asOf)).toEqual({ period: { from: '2026-09-01', to: '2026-09-30', label: '2026-09' }, source: 'option' });
    expect(reconcilePeriod(tables, { period: '2026-09', from: '2026-08-26', to: '2026-09-25' }, asOf).period).toEqual({ from: '2026-08-26', to: '2026-09-25', label: '2026-08-26..2026-09-25' });
    expect(reconcilePeriod(tables, { to: '2026-11-30' }, asOf).period.label).toBe('2026-11');
  });
});

describe('sales and receivables months', () => {
  const tables = [customers, invoices(['2026-08-15', '2026-10-31', '2027-01-10'])];
  test('the latest month with sales up to the as-of date; an explicit month wins', () => {
    expect(salesMonth(tables, {}, d('2026-12-02'), 'invoices')).toEqual({ month: '2026-10', source: 'sales' });
    expect(salesMonth(tables, {}, d('2026-09-30'), 'invoices')).toEqual({ month: '2026-08', source: 'sales' });
    expect(salesMonth(tables, { month: '2026-12' }, d('2026-12-02'), 'invoices')).toEqual({ month: '2026-12', source: 'option' });
    expect(closeMonth(tables, {}, d('2026-12-02'))).toEqual({ month: '2026-10', source: 'sales' });
  });

  test('the data ends on the last business date', () => {
    const receipts = typedTable('receipts', '回款', [{ date: d('2026-11-03'), customer: '华工精密', amount: yuan(10) }]);
    expect(dataEnd([...tables, receipts])).toBe('2027-01-10');
    expect(dataEnd([customers, receipts])).toBe('2026-11-03');
    expect(dataEnd([customers])).toBeUndefined();
  });
});

describe('the jobs say the period they used, and a chosen period with no data', () => {
  const ctx = (options: OptionValues, asOf: IsoDate = d('2026-12-02')): JobContext => ({ asOf, lang: 'zh-CN', t: translator('zh-CN'), options });
  const tables = [customers, shipments(['2026-10-09']), invoices(['2026-10-20']), statement('对账单-华工精密', ['对账期间：2026-10-01至2026-10-31'], ['2026-10-09'])];
  const input = { grids: [], tables, issues: [] };

  test('no options: October in the JSON, in every sheet title, and no empty-period warning', () => {
    const rec = reconcileJob.run(input, ctx({}));
    expect([rec.result.period, rec.result.periodSource]).toEqual(['2026-10', 'statement-title']);
    for (const s of rec.sheets) expect([s.name, s.title.join('\n')]).toEqual([s.name, expect.stringContaining('2026-10-01 至 2026-10-31（取自对账单抬头的对账期间）')]);
    expect(rec.findings.map((f) => f.code)).not.toContain('reconcile-period-empty');
    const sales = salesJob.run(input, ctx({}));
    expect([sales.result.month, sales.result.monthSource]).toEqual(['2026-10', 'sales']);
    for (const s of sales.sheets) expect([s.name, s.title.join('\n')]).toEqual([s.name, expect.stringContaining('销售分析月份：2026-10')]);
    expect(sales.findings.map((f) => f.code)).not.toContain('sales-empty-month');
  });

  test('a chosen period with nothing in it is a warning, not a silent sheet of zeros', () => {
    const rec = reconcileJob.run(input, ctx({ period: '2026-12' }));
    expect(rec.findings.filter((f) => f.code === 'reconcile-period-empty').map((f) => f.severity)).toEqual(['warning']);
    const sales = salesJob.run(input, ctx({ month: '2026-12' }));
    expect(sales.findings.filter((f) => f.code === 'sales-empty-month').map((f) => [f.severity, f.message.values?.month])).toEqual([['warning', '2026-12']]);
  });

  test('periodLines reads them back from the summary, and names an as-of beyond the data', () => {
    const summary = { asOf: '2030-01-01', dataEnd: '2026-10-31', reconcile: { period: '2026-10', periodSource: 'statement-title' }, sales: { month: '2026-10', monthSource: 'option' } };
    expect(periodLines(summary, translator('zh-CN'))).toEqual([
      '对账期间：2026-10（取自对账单抬头的对账期间）',
      '销售分析月份：2026-10（按所选期间）',
      '截至 2030-01-01，数据止于 2026-10-31',
    ]);
    expect(periodLines({ asOf: '2026-10-31', dataEnd: '2026-10-31' }, translator('en-US'))).toEqual([]);
  });
});
