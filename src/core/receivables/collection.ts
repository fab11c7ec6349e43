import type { CustomerGroup } from '../tables/kinds';
import type { Fen, IsoDate, IsoMonth } from '../values/brand';
import { asFen } from '../values/brand';
import { addDays, firstDayOfMonth, lastDayOfMonth } from '../values/dates';
import { settle, type ReceivablesBook } from './open-items';

/**
 * Collection rate for one month, two ways, both stated on the sheet:
 * - plan-based: received in the month ÷ what was to be collected in it (open at the month's start or invoiced
 *   during it, and due by its end, net of credit notes) — the 月度应收款计划;
 * - balance-based: received in the month ÷ (opening receivables + invoices issued in the month).
 * A rate with nothing to divide by is null, shown as "—".
 */

export const TARGETS: Record<CustomerGroup, number> = { related: 0.95, external: 1 };

export interface CollectionFigures {
  planned: Fen;
  received: Fen;
  opening: Fen;
  invoiced: Fen;
}

export interface CollectionRow extends CollectionFigures {
  rate: number | null;
  balanceRate: number | null;
  target: number;
  /** True when the plan-based rate meets the target, or there was nothing to collect. */
  met: boolean;
}

export interface CollectionResult {
  month: IsoMonth;
  from: IsoDate;
  to: IsoDate;
  customers: ({ key: string; name: string; group: CustomerGroup } & CollectionRow)[];
  groups: Record<CustomerGroup, CollectionRow>;
  total: CollectionRow;
}

const zero = (): CollectionFigures => ({ planned: asFen(0), received: asFen(0), opening: asFen(0), invoiced: asFen(0) });

export function rateOf(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

function finish(f: CollectionFigures, target: number): CollectionRow {
  const rate = rateOf(f.received, f.planned);
  return { ...f, rate, balanceRate: rateOf(f.received, f.opening + f.invoiced), target, met: rate === null || rate >= target - 1e-12 };
}

export function collectionForMonth(book: ReceivablesBook, month: IsoMonth, asOf: IsoDate): CollectionResult {
  const from = firstDayOfMonth(month);
  const monthEnd = lastDayOfMonth(month);
  const to = monthEnd < asOf ? monthEnd : asOf;
  const dayBefore = addDays(from, -1);

  const figures = new Map<string, { key: string; name: string; group: CustomerGroup; f: CollectionFigures }>();
  const entry = (p: { key: string; name: string; group: CustomerGroup }) => {
    let e = figures.get(p.key);
    if (!e) {
      e = { key: p.key, name: p.name, group: p.group, f: zero() };
      figures.set(p.key, e);
    }
    return e;
  };

  // What was to be collected: invoices up to the month's end (or as-of), with receipts only before the month.
  for (const item of settle(book, to, dayBefore).items) {
    if (item.outstanding > 0 && item.invoice.due <= monthEnd) {
      const e = entry(item.invoice.party);
      e.f.planned = asFen(e.f.planned + item.outstanding);
    }
  }
  for (const item of settle(book, dayBefore).items) {
    if (item.outstanding > 0) {
      const e = entry(item.invoice.party);
      e.f.opening = asFen(e.f.opening + item.outstanding);
    }
  }
  for (const inv of [...book.invoices, ...book.credits]) {
    if (inv.date >= from && inv.date <= to) {
      const e = entry(inv.party);
      e.f.invoiced = asFen(e.f.invoiced + inv.amount);
    }
  }
  for (const r of book.receipts) {
    if (r.date >= from && r.date <= to) {
      const e = entry(r.party);
      e.f.received = asFen(e.f.received + r.amount);
    }
  }

  const groupSums: Record<CustomerGroup, CollectionFigures> = { related: zero(), external: zero() };
  const totalSum = zero();
  const add = (into: CollectionFigures, f: CollectionFigures) => {
    into.planned = asFen(into.planned + f.planned);
    into.received = asFen(into.received + f.received);
    into.opening = asFen(into.opening + f.opening);
    into.invoiced = asFen(into.invoiced + f.invoiced);
  };
  const customers = [...figures.values()]
    .filter((e) => e.f.planned || e.f.received || e.f.opening || e.f.invoiced)
    .map((e) => {
      add(groupSums[e.group], e.f);
      add(totalSum, e.f);
      return { key: e.key, name: e.name, group: e.group, ...finish(e.f, TARGETS[e.group]) };
    })
    .sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name, 'zh-CN'));
  // The whole book has no single target: it is judged against the stricter one only if it has external customers.
  const totalTarget = groupSums.external.planned > 0 ? TARGETS.external : TARGETS.related;
  return {
    month,
    from,
    to,
    customers,
    groups: { related: finish(groupSums.related, TARGETS.related), external: finish(groupSums.external, TARGETS.external) },
    total: finish(totalSum, totalTarget),
  };
}
