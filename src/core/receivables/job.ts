import type { Finding } from '../findings';
import type { Job, JobContext, JobInput, JobRun } from '../job-definition';
import { buildDirectory } from '../parties';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import { a1 } from '../values/address';
import { closeMonth, type PeriodSource } from '../period';
import { findAbnormal } from './abnormal';
import { ageItems, agingTable, bucketsFrom, type AgingBasis, type AgingRow } from './aging';
import { collectionForMonth, TARGETS, type CollectionRow } from './collection';
import { foreignCurrencyRows, readReceivablesBook, settle } from './open-items';
import { nextMonthPlan } from './plan';
import { abnormalText, receivablesSheets, type ReceivablesModel } from './report';

const yuan2 = (fen: number): number => Math.round(fen) / 100;

type AgingJson = { outstanding: number; notDue: number; aging: number[] };
const agingJson = (r: AgingRow): AgingJson => ({ outstanding: yuan2(r.outstanding), notDue: yuan2(r.notDue), aging: r.buckets.map(yuan2) });
type RateJson = { collectionRate: number | null; balanceRate: number | null; target: number; planned: number; received: number };
const rateJson = (r: CollectionRow): RateJson => ({ collectionRate: r.rate, balanceRate: r.balanceRate, target: r.target, planned: yuan2(r.planned), received: yuan2(r.received) });

/** The `receivables` section of the JSON summary (yuan). */
export type ReceivablesSection = {
  asOf: string;
  basis: AgingBasis;
  month: string;
  /** Why the collection month is the one it is (aging always keeps the as-of date). */
  monthSource: PeriodSource;
  buckets: string[];
  customers: ({ name: string; related: boolean } & AgingJson & RateJson)[];
  totals: AgingJson & RateJson & { related: AgingJson & RateJson; external: AgingJson & RateJson; planNextMonth: number };
  unapplied: { customer: string; receipt: string; amount: number }[];
  abnormal: { kind: string; customer: string; document: string; amount: number }[];
};

export function receivablesJson(m: ReceivablesModel, asOf: string, monthSource: PeriodSource = 'option'): ReceivablesSection {
  const emptyAgingJson = (): AgingJson => ({ outstanding: 0, notDue: 0, aging: m.buckets.map(() => 0) });
  const names = new Map<string, { name: string; related: boolean }>();
  for (const c of m.aging.customers) names.set(c.key, { name: c.name, related: c.group === 'related' });
  for (const c of m.collection.customers) if (!names.has(c.key)) names.set(c.key, { name: c.name, related: c.group === 'related' });
  const customers = [...names.entries()].map(([key, n]) => {
    const aging = m.aging.customers.find((c) => c.key === key);
    const rate = m.collection.customers.find((c) => c.key === key);
    const target = n.related ? TARGETS.related : TARGETS.external;
    return {
      ...n,
      ...(aging ? agingJson(aging.row) : emptyAgingJson()),
      ...(rate ? rateJson(rate) : { collectionRate: null, balanceRate: null, target, planned: 0, received: 0 }),
    };
  });
  return {
    asOf,
    basis: m.basis,
    month: m.collection.month,
    monthSource,
    buckets: m.buckets.map((b) => b.label),
    customers,
    totals: {
      ...agingJson(m.aging.total),
      ...rateJson(m.collection.total),
      related: { ...agingJson(m.aging.groups.related), ...rateJson(m.collection.groups.related) },
      external: { ...agingJson(m.aging.groups.external), ...rateJson(m.collection.groups.external) },
      planNextMonth: yuan2(m.plan.total.total),
    },
    unapplied: m.settlement.unapplied.map((u) => ({
      customer: u.party.name,
      receipt: u.receipt.receiptNo ?? `${u.receipt.source.sheet}!${u.receipt.source.row}`,
      amount: yuan2(u.amount),
    })),
    abnormal: m.abnormal.map((a) => ({ kind: a.kind, customer: a.party.name, document: a.document, amount: yuan2(a.amount) })),
  };
}

/** The cell of `field` on a source row, so a finding selects the very cell (column A when unknown). */
function cellOf(tables: readonly AnyTypedTable[], sheet: string, row: number, field: string): string {
  const t = tables.find((x) => x.sheet === sheet);
  const col = (t?.columns as Record<string, number> | undefined)?.[field] ?? 1;
  return a1(row, col);
}

const numberOption = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : fallback);

export const receivablesJob: Job = {
  id: 'receivables',
  section: 'receivables',
  title: 'receivables.title',
  options: [
    {
      // Not `basis`: `all` hands one set of options to every job, and sales has a basis of its own.
      name: 'agingBasis',
      type: 'enum',
      label: 'receivables.option.basis',
      default: 'due',
      choices: [
        { value: 'due', label: 'receivables.basis.due' },
        { value: 'invoice', label: 'receivables.basis.invoice' },
      ],
    },
    { name: 'buckets', type: 'text', label: 'receivables.option.buckets', default: '30,60,90,180,365', format: 'day-list' },
    { name: 'month', type: 'month', label: 'receivables.option.month' },
    { name: 'defaultTerms', type: 'number', label: 'receivables.option.defaultTerms', default: 0 },
    { name: 'overdueDays', type: 'number', label: 'receivables.option.overdueDays', default: 90 },
  ],
  run(input: JobInput, ctx: JobContext): JobRun {
    const findings: Finding[] = [];
    const foreign = foreignCurrencyRows(input.tables);
    if (foreign.length) {
      // Refused, not guessed: summing yuan and dollars would give a number that means nothing.
      findings.push({
        severity: 'error',
        code: 'receivables-currency',
        message: { key: 'receivables.finding.currency', values: { count: foreign.length } },
        cells: foreign.slice(0, 50).map((s) => ({ sheet: s.sheet, cell: cellOf(input.tables, s.sheet, s.row, 'currency') })),
      });
      return { result: { error: 'currency', rows: foreign.length }, sheets: [], findings };
    }
    if (!tablesOf(input.tables, 'invoices').length) {
      findings.push({ severity: 'warning', code: 'receivables-no-invoices', message: { key: 'receivables.finding.noInvoices' }, cells: [] });
    }
    const basis: AgingBasis = ctx.options.agingBasis === 'invoice' ? 'invoice' : 'due';
    const buckets = bucketsFrom(typeof ctx.options.buckets === 'string' ? ctx.options.buckets : undefined, basis);
    const chosen = closeMonth(input.tables, ctx.options, ctx.asOf);
    const month = chosen.month;
    const overdueDays = numberOption(ctx.options.overdueDays, 90);
    const directory = buildDirectory(input.tables);
    const book = readReceivablesBook(input.tables, directory, { defaultTermsDays: numberOption(ctx.options.defaultTerms, 0) });
    const settlement = settle(book, ctx.asOf);
    const aged = ageItems(settlement.items, ctx.asOf, basis, buckets);
    const model: ReceivablesModel = {
      basis,
      buckets,
      aged,
      aging: agingTable(aged, buckets.length),
      collection: collectionForMonth(book, month, ctx.asOf),
      plan: nextMonthPlan(settlement.items, ctx.asOf),
      abnormal: findAbnormal(settlement, aged, book.receipts, ctx.asOf, { overdueDays }),
      settlement,
      overdueDays,
    };
    for (const a of model.abnormal) {
      const text = abnormalText(a, ctx, overdueDays);
      const isReceipt = a.kind.startsWith('receipt') || a.kind === 'overpayment';
      findings.push({
        severity: a.kind === 'overdue-90' || a.kind === 'beyond-terms' ? 'error' : 'warning',
        code: `receivables-${a.kind}`,
        message: { key: 'receivables.finding.abnormal', values: { kind: text.kind, customer: a.party.name, document: a.document, amount: text.description } },
        cells: a.source ? [{ sheet: a.source.sheet, cell: cellOf(input.tables, a.source.sheet, a.source.row, isReceipt ? 'amount' : 'invoiceNo') }] : [],
      });
    }
    return { result: receivablesJson(model, ctx.asOf, chosen.source), sheets: receivablesSheets(model, ctx), findings };
  },
};
