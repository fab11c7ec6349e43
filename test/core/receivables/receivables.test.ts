import fc from 'fast-check';
import { receivablesJob, type ReceivablesSection } from '../../../src/core/receivables/job';
import { bucketsFrom, bucketIndex } from '../../../src/core/receivables/aging';
import { readReceivablesBook, settle } from '../../../src/core/receivables/open-items';
import { buildDirectory } from '../../../src/core/parties';
import { translator, type Lang } from '../../../src/core/i18n';
import type { JobContext, OptionValues } from '../../../src/core/job-definition';
import type { AnyTypedTable } from '../../../src/core/tables/typed-table';
import type { InvoiceRow, ReceiptRow } from '../../../src/core/tables/kinds';
import { asIsoDate, type IsoDate } from '../../../src/core/values/brand';
import { addDays } from '../../../src/core/values/dates';
import { typedTable, yuan } from '../../helpers/typed';

const d = asIsoDate;
const customers = typedTable('customers', '客户档案', [
  { name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related', termsDays: 30 },
  { name: '无锡锐达汽车部件有限公司', aliases: '锐达', group: 'external', termsDays: 60 },
  { name: '常州恒通机械股份有限公司', group: 'external' },
]);
const invoices = (rows: InvoiceRow[]) => typedTable('invoices', '开票明细', rows, { invoiceNo: 1, date: 2, customer: 3, amount: 4, currency: 9 });
const receipts = (rows: ReceiptRow[]) => typedTable('receipts', '回款明细', rows, { date: 1, customer: 2, amount: 3, invoiceNo: 4 });

function ctx(options: OptionValues = {}, asOf = '2026-10-31', lang: Lang = 'zh-CN'): JobContext {
  return { asOf: d(asOf), lang, t: translator(lang), options };
}
function run(tables: AnyTypedTable[], options: OptionValues = {}, asOf = '2026-10-31', lang: Lang = 'zh-CN') {
  const out = receivablesJob.run({ grids: [], tables: [customers, ...tables], issues: [] }, ctx(options, asOf, lang));
  return { ...out, json: out.result as unknown as ReceivablesSection };
}
const outstandingOf = (tables: AnyTypedTable[], asOf = '2026-10-31') => {
  const book = readReceivablesBook([customers, ...tables], buildDirectory([customers, ...tables]), { defaultTermsDays: 0 });
  return Object.fromEntries(settle(book, d(asOf)).items.map((i) => [i.invoice.invoiceNo, i.outstanding / 100]));
};

describe('open items', () => {
  test('a receipt without an invoice number pays the oldest due first; the remainder stays open', () => {
    const inv = invoices([
      { invoiceNo: 'B', date: d('2026-09-10'), customer: '华工精密', amount: yuan(200) },
      { invoiceNo: 'A', date: d('2026-09-01'), customer: '苏州华工精密模具有限公司', amount: yuan(100) },
    ]);
    expect(outstandingOf([inv, receipts([{ date: d('2026-10-08'), customer: '华工精密', amount: yuan(150) }])])).toEqual({ A: 0, B: 150 });
  });

  test('a receipt naming an invoice pays that one first, and its rest goes FIFO', () => {
    const inv = invoices([
      { invoiceNo: 'A', date: d('2026-09-01'), customer: '华工精密', amount: yuan(100) },
      { invoiceNo: 'B', date: d('2026-09-10'), customer: '华工精密', amount: yuan(200) },
    ]);
    expect(outstandingOf([inv, receipts([{ date: d('2026-10-08'), customer: '华工精密', amount: yuan(250), invoiceNo: 'B' }])])).toEqual({ A: 50, B: 0 });
  });

  test('99.99 paid on 100.00 leaves 0.01 open', () => {
    const tables = [invoices([{ invoiceNo: 'A', date: d('2026-10-01'), customer: '锐达', amount: yuan(100) }]), receipts([{ date: d('2026-10-20'), customer: '锐达', amount: yuan(99.99) }])];
    expect(outstandingOf(tables)).toEqual({ A: 0.01 });
    expect(run(tables).json.totals.outstanding).toBe(0.01);
  });

  test('a receipt dated after the as-of date is not counted', () => {
    const tables = [invoices([{ invoiceNo: 'A', date: d('2026-10-01'), customer: '锐达', amount: yuan(100) }]), receipts([{ date: d('2026-11-01'), customer: '锐达', amount: yuan(100) }])];
    expect(outstandingOf(tables)).toEqual({ A: 100 });
    expect(outstandingOf(tables, '2026-11-01')).toEqual({ A: 0 });
  });

  test('a return (red-letter invoice) is netted against the invoice it names, not the oldest', () => {
    const inv = invoices([
      { invoiceNo: '04410001', date: d('2026-08-01'), customer: '华工精密', amount: yuan(1000) },
      { invoiceNo: '04410002', date: d('2026-09-01'), customer: '华工精密', amount: yuan(2260) },
      { invoiceNo: '04410099', date: d('2026-09-20'), customer: '华工精密', amount: yuan(-226), remarks: '退货冲红，原发票号04410002' },
    ]);
    expect(outstandingOf([inv])).toEqual({ '04410001': 1000, '04410002': 2034 });
  });
});

describe('aging buckets', () => {
  // Issue 15 changes these planted edges: an item due today is not yet overdue (finance reads 未到期 | 逾期1–30天),
  // so on the due-date basis day 0 is not due and the first bucket starts at day 1; the invoice basis keeps 0-30.
  test('default buckets and the edges: due today is not due, day 1 and 30 in 1-30, 31 in 31-60, 365 in 181-365, 366 beyond', () => {
    const b = bucketsFrom(undefined);
    expect(b.map((x) => x.label)).toEqual(['1-30', '31-60', '61-90', '91-180', '181-365', '>365']);
    expect([-1, 0, 1, 30, 31, 365, 366].map((days) => bucketIndex(days, b))).toEqual([-1, -1, 0, 0, 1, 4, 5]);
    const byInvoice = bucketsFrom(undefined, 'invoice');
    expect(byInvoice.map((x) => x.label)).toEqual(['0-30', '31-60', '61-90', '91-180', '181-365', '>365']);
    expect([0, 30, 31].map((days) => bucketIndex(days, byInvoice))).toEqual([0, 0, 1]);
  });

  test('buckets are configurable', () => {
    expect(bucketsFrom('15，45').map((x) => x.label)).toEqual(['1-15', '16-45', '>45']);
    expect(bucketsFrom('junk').length).toBe(6);
  });

  test('per-customer aging with the edges, due-date basis and invoice-date basis', () => {
    const asOf = d('2026-10-31');
    const dueAgo = (days: number): IsoDate => addDays(asOf, -days);
    const inv = invoices([0, 30, 31, 365, 366, -5].map((days, i) => ({ invoiceNo: `E${i}`, date: d('2025-01-01'), dueDate: dueAgo(days), customer: '锐达', amount: yuan(10 ** i) })));
    const { json } = run([inv]);
    expect(json.buckets).toEqual(['1-30', '31-60', '61-90', '91-180', '181-365', '>365']);
    const c = json.customers[0];
    // E0 is due on the as-of date itself: not yet due (it was in 0-30 before issue 15).
    expect(c.notDue).toBe(100000 + 1);
    expect(c.aging).toEqual([10, 100, 0, 0, 1000, 10000]);
    expect(c.outstanding).toBe(111111);
    const byInvoiceDate = run([inv], { agingBasis: 'invoice' }).json.customers[0];
    expect(byInvoiceDate.notDue).toBe(0);
    expect(byInvoiceDate.aging[5]).toBe(111111); // invoiced 2025-01-01: 668 days before the as-of date
  });

  test('the sheets label buckets as finance reads them, and not-yet-due items show days until due', () => {
    const asOf = d('2026-10-31');
    const inv = invoices([
      { invoiceNo: 'N1', date: d('2026-10-20'), dueDate: addDays(asOf, 12), customer: '锐达', amount: yuan(500) },
      { invoiceNo: 'O1', date: d('2026-08-01'), dueDate: addDays(asOf, -40), customer: '锐达', amount: yuan(700) },
      { invoiceNo: 'T1', date: d('2026-10-01'), dueDate: asOf, customer: '锐达', amount: yuan(300) },
    ]);
    const { sheets } = run([inv]);
    const aging = sheets[0];
    const headers = aging.tables[0].columns.map((c) => c.header);
    expect(headers.slice(3)).toEqual(['未到期', '逾期1–30天', '逾期31–60天', '逾期61–90天', '逾期91–180天', '逾期181–365天', '逾期365天以上']);
    const items = aging.tables.find((tb) => tb.columns.some((c) => c.key === 'untilDue'))!;
    const col = (key: string) => items.columns.findIndex((c) => c.key === key);
    const byInvoice = Object.fromEntries(items.rows.map((r) => [r[2] as string, [r[col('days')], r[col('untilDue')], r[col('bucket')]]]));
    expect(byInvoice).toEqual({ N1: [null, 12, '未到期'], O1: [40, null, '逾期31–60天'], T1: [null, 0, '未到期'] });
    expect(items.columns.map((c) => c.header).slice(8, 11)).toEqual(['逾期天数', '距到期天数', '账龄段']);
    const en = run([inv], {}, '2026-10-31', 'en-US').sheets[0].tables[0].columns.map((c) => c.header);
    expect(en.slice(-2)).toEqual(['181–365 days overdue', 'Over 365 days overdue']);
  });
});

describe('collection rate, plan and abnormal items (worked by hand)', () => {
  const inv = invoices([
    { invoiceNo: 'H1', date: d('2026-08-15'), customer: '华工精密', amount: yuan(5000) }, // due 09-14: open at 10-01
    { invoiceNo: 'H2', date: d('2026-10-01'), dueDate: d('2026-10-20'), customer: '华工精密', amount: yuan(1000) }, // due in Oct
    { invoiceNo: 'H3', date: d('2026-10-05'), customer: '华工精密', amount: yuan(2000) }, // due 11-04: next month
    { invoiceNo: 'R1', date: d('2026-09-01'), customer: '锐达', amount: yuan(8000) }, // due 10-31
    { invoiceNo: 'R0', date: d('2026-05-01'), customer: '锐达', amount: yuan(300) }, // due 06-30: 123 days overdue
  ]);
  const rec = receipts([
    { date: d('2026-06-15'), customer: '锐达', amount: yuan(100), invoiceNo: 'R0' }, // partial on R0 before October
    { date: d('2026-10-25'), customer: '华工精密', amount: yuan(5700) },
    { date: d('2026-10-31'), customer: '锐达', amount: yuan(7999.99), invoiceNo: 'R1' },
    { date: d('2026-10-12'), customer: '常州恒通机械', amount: yuan(500) }, // no invoice at all
  ]);
  const { json, sheets, findings } = run([inv, rec]);

  test('plan-based rate per customer and group, against 95% / 100%', () => {
    const hg = json.customers.find((c) => c.name.startsWith('苏州华工'))!;
    // plan: H1 5,000 (open, overdue) + H2 1,000 (due 10-20) = 6,000; received 5,700 → 95%: on target for a related company
    expect(hg.planned).toBe(6000);
    expect(hg.received).toBe(5700);
    expect(hg.collectionRate).toBeCloseTo(0.95, 12);
    expect(hg.target).toBe(0.95);
    const rd = json.customers.find((c) => c.name.startsWith('无锡锐达'))!;
    // plan: R1 8,000 + R0's 200 left = 8,200; received 7,999.99
    expect(rd.planned).toBe(8200);
    expect(rd.collectionRate).toBeCloseTo(7999.99 / 8200, 12);
    expect(rd.target).toBe(1);
    // balance-based for 华工: 5,700 ÷ (opening 5,000 + invoiced 3,000)
    expect(hg.balanceRate).toBeCloseTo(5700 / 8000, 12);
    expect(json.totals.related.collectionRate).toBeCloseTo(0.95, 12);
    expect(json.totals.external.planned).toBe(8200);
  });

  test('the collection sheet colours each customer against the target', () => {
    const sheet = sheets.find((s) => s.name === '回款率')!;
    const rows = sheet.tables[0].rows;
    const statusCol = sheet.tables[0].columns.findIndex((c) => c.key === 'status');
    expect(Object.fromEntries(rows.map((r) => [r[0], r[statusCol]]))).toMatchObject({ 苏州华工精密模具有限公司: '达标', 无锡锐达汽车部件有限公司: '未达标' });
    expect(sheet.title.some((l) => l.includes('计划回款率 ='))).toBe(true);
  });

  test('next month plan: what is overdue plus what falls due in November', () => {
    const plan = sheets.find((s) => s.name === '应收计划')!;
    const rows = Object.fromEntries(plan.tables[0].rows.map((r) => [r[0], r.slice(2)]));
    expect(rows['苏州华工精密模具有限公司']).toEqual([300, 2000, 2300]); // H1 + H2 less 5,700 leaves 300 overdue; H3 due 11-04
    expect(rows['无锡锐达汽车部件有限公司']).toEqual([200.01, 0, 200.01]);
    expect(json.totals.planNextMonth).toBe(2500.01);
  });

  test('abnormal items, each with a suggested action', () => {
    expect(json.abnormal.map((a) => [a.kind, a.document, a.amount])).toEqual([
      ['overdue-90', 'R0', 200],
      // 5,700 clears H1 (due first) and leaves 300 of H2, past due 10-20
      ['partial-overdue', 'H2', 300],
      ['beyond-terms', '', 300],
      // R1's last 0.01 is due on the as-of date itself: not overdue yet
      ['beyond-terms', '', 200],
      ['receipt-no-invoice', '回款明细!5', 500],
      // 5,700 pays H1 whole and H2 in part, and equals no invoice
      ['receipt-unmatched-amount', '回款明细!3', 5700],
    ]);
    const abnormal = sheets.find((s) => s.name === '异常款项')!.tables[0];
    expect(abnormal.rows[0][6]).toBe('发催款函并电话跟进，报经营企划部经理，考虑暂停发货');
    expect(json.unapplied).toEqual([{ customer: '常州恒通机械股份有限公司', receipt: '回款明细!5', amount: 500 }]);
    const f = findings.find((x) => x.code === 'receivables-overdue-90')!;
    expect(f.cells).toEqual([{ sheet: '开票明细', cell: 'A6' }]);
  });

  test('the totals tie: not yet due + buckets = outstanding = invoices − applied', () => {
    const t = json.totals;
    expect(Math.round((t.notDue + t.aging.reduce((s, x) => s + x, 0)) * 100)).toBe(Math.round(t.outstanding * 100));
    // invoices 16,300 − applied (100 + 5,700 + 7,999.99) = 2,500.01
    expect(t.outstanding).toBe(2500.01);
  });
});

describe('abnormal receipts', () => {
  test('an overpayment and a receipt that matches no invoice amount', () => {
    const inv = invoices([
      { invoiceNo: 'A', date: d('2026-10-01'), customer: '锐达', amount: yuan(1000) },
      { invoiceNo: 'B', date: d('2026-10-02'), customer: '华工精密', amount: yuan(1000) },
      { invoiceNo: 'C', date: d('2026-10-03'), customer: '华工精密', amount: yuan(1000) },
    ]);
    const rec = receipts([
      { date: d('2026-10-10'), customer: '锐达', amount: yuan(1200) },
      { date: d('2026-10-11'), customer: '华工精密', amount: yuan(1234.56) },
      { date: d('2026-10-12'), customer: '华工精密', amount: yuan(765.44) },
    ]);
    const kinds = run([inv, rec]).json.abnormal.map((a) => [a.kind, a.amount]);
    expect(kinds).toContainEqual(['overpayment', 200]);
    expect(kinds).toContainEqual(['receipt-unmatched-amount', 1234.56]);
    // 765.44 closes C exactly after the first receipt: not unmatched
    expect(kinds).not.toContainEqual(['receipt-unmatched-amount', 765.44]);
  });
});

describe('refusals and languages', () => {
  test('invoices in several currencies are refused with a clear message, and nothing is written', () => {
    const inv = invoices([
      { invoiceNo: 'A', date: d('2026-10-01'), customer: '锐达', amount: yuan(1000), currency: '人民币' },
      { invoiceNo: 'B', date: d('2026-10-01'), customer: '锐达', amount: yuan(1000), currency: 'USD' },
    ]);
    const out = run([inv]);
    expect(out.sheets).toEqual([]);
    expect(out.findings[0].severity).toBe('error');
    expect(out.findings[0].cells).toEqual([{ sheet: '开票明细', cell: 'I3' }]);
    expect(translator('zh-CN')(out.findings[0].message.key, out.findings[0].message.values)).toContain('请先折算成人民币');
  });

  test('English sheet names and actions', () => {
    const out = run([invoices([{ invoiceNo: 'A', date: d('2026-01-01'), customer: '锐达', amount: yuan(1) }])], {}, '2026-10-31', 'en-US');
    expect(out.sheets.map((s) => s.name)).toEqual(['Aging', 'CollectionRate', 'ReceivablesPlan', 'AbnormalItems']);
  });

  test('a rate with nothing to divide by is null and shown as a dash', () => {
    const out = run([invoices([{ invoiceNo: 'A', date: d('2026-10-20'), dueDate: d('2026-12-31'), customer: '锐达', amount: yuan(1) }])]);
    expect(out.json.totals.collectionRate).toBeNull();
    const sheet = out.sheets.find((s) => s.name === '回款率')!;
    expect(sheet.summary?.[0].value).toBe('—');
  });
});

describe('properties', () => {
  const party = fc.constantFrom('华工精密', '锐达', '常州恒通机械');
  const date = fc.integer({ min: 0, max: 400 }).map((n) => addDays(d('2025-10-01'), n));
  const invoice = fc.record({ date, customer: party, amount: fc.integer({ min: -50_000, max: 5_000_000 }) });
  const receipt = fc.record({ date, customer: party, amount: fc.integer({ min: 1, max: 5_000_000 }) });

  /**
   * The reference, worked the way a clerk checks a customer's account by hand: everything invoiced up to the as-of
   * date, less red-letter invoices and money received up to that date; a customer who paid more owes nothing (the
   * rest is a credit). FIFO and named invoices only decide which invoice stays open, never how much in total.
   */
  function owedFen(invs: { date: IsoDate; customer: string; amount: number }[], recs: { date: IsoDate; customer: string; amount: number }[], asOf: IsoDate): Map<string, number> {
    const balance = new Map<string, number>();
    const add = (customer: string, fen: number) => balance.set(customer, (balance.get(customer) ?? 0) + fen);
    for (const x of invs) if (x.date <= asOf) add(x.customer, x.amount);
    for (const x of recs) if (x.date <= asOf) add(x.customer, -x.amount);
    return new Map([...balance].map(([c, b]) => [c, Math.max(0, b)]));
  }
  const fullName: Record<string, string> = { 华工精密: '苏州华工精密模具有限公司', 锐达: '无锡锐达汽车部件有限公司', 常州恒通机械: '常州恒通机械股份有限公司' };

  test('owed per customer and in total is invoiced less credits and receipts, never below zero; aging buckets sum to it', () => {
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 25 }), fc.array(receipt, { maxLength: 25 }), (invs, recs) => {
        const inv = invoices(invs.map((x, i) => ({ invoiceNo: `N${i}`, date: x.date, customer: x.customer, amount: yuan(x.amount / 100) })));
        const rec = receipts(recs.map((x) => ({ date: x.date, customer: x.customer, amount: yuan(x.amount / 100) })));
        const { json } = run([inv, rec]);
        const fen = (n: number) => Math.round(n * 100);
        const t = json.totals;
        expect(fen(t.notDue) + t.aging.reduce((s, x) => s + fen(x), 0)).toBe(fen(t.outstanding));
        const owed = owedFen(invs, recs, d('2026-10-31'));
        expect(fen(t.outstanding)).toBe([...owed.values()].reduce((a, b) => a + b, 0));
        const byName = Object.fromEntries(json.customers.map((c) => [c.name, fen(c.outstanding)]));
        for (const [customer, o] of owed) expect([customer, byName[fullName[customer]] ?? 0]).toEqual([customer, o]);
        for (const c of json.customers) if (c.collectionRate !== null) expect(Number.isFinite(c.collectionRate)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
