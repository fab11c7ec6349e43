import type { CustomerGroup } from '../tables/kinds';
import type { Fen, IsoDate } from '../values/brand';
import { asFen } from '../values/brand';
import { diffDays } from '../values/dates';
import type { OpenItem } from './open-items';
import type { MessageKey, Translate } from '../i18n';

/** Aging counts days from the due date (default) or from the invoice date. */
export type AgingBasis = 'due' | 'invoice';

/** A bucket of days past the basis date, both ends inclusive; `max` null means no upper end. */
export interface Bucket {
  min: number;
  max: number | null;
  label: string;
}

export const DEFAULT_BUCKET_EDGES = [30, 60, 90, 180, 365];

/**
 * "30,60,90,180,365" → 1-30, 31-60, 61-90, 91-180, 181-365, >365 on the due-date basis (an item due today is not yet
 * overdue: finance reads 未到期 next to 逾期1–30天), 0-30, 31-60, … on the invoice-date basis. Bad input falls back
 * to the defaults.
 */
export function bucketsFrom(edges: readonly number[] | string | undefined, basis: AgingBasis = 'due'): Bucket[] {
  let list: number[] = DEFAULT_BUCKET_EDGES;
  if (typeof edges === 'string') {
    const parsed = edges.normalize('NFKC').split(/[,，、\s]+/).filter(Boolean).map(Number);
    if (parsed.length && parsed.every((n) => Number.isInteger(n) && n > 0)) list = parsed;
  } else if (edges?.length) list = [...edges];
  const sorted = [...new Set(list)].sort((a, b) => a - b);
  const buckets: Bucket[] = [];
  let min = basis === 'due' ? 1 : 0;
  for (const edge of sorted) {
    buckets.push({ min, max: edge, label: `${min}-${edge}` });
    min = edge + 1;
  }
  buckets.push({ min, max: null, label: `>${min - 1}` });
  return buckets;
}

/** Index of the bucket for `days` past the basis date, or -1 when not yet due (before the first bucket). */
export function bucketIndex(days: number, buckets: readonly Bucket[]): number {
  if (days < (buckets[0]?.min ?? 0)) return -1;
  return buckets.findIndex((b) => days >= b.min && (b.max === null || days <= b.max));
}

/** A bucket as finance reads it: 逾期1–30天 … 逾期365天以上 (due basis), 开票0–30天 … (invoice basis). */
export function bucketLabel(b: Bucket, basis: AgingBasis, t: Translate): string {
  const kind = basis === 'due' ? 'overdue' : 'sinceInvoice';
  return b.max === null
    ? t(`receivables.bucket.${kind}.over` as MessageKey, { days: b.min - 1 })
    : t(`receivables.bucket.${kind}.range` as MessageKey, { min: b.min, max: b.max });
}

export interface AgedItem {
  item: OpenItem;
  /** Days from the basis date to the as-of date. */
  days: number;
  /** Days past due (negative when not yet due), whatever the aging basis. */
  daysOverdue: number;
  bucket: number;
}

export function ageItems(items: readonly OpenItem[], asOf: IsoDate, basis: AgingBasis, buckets: readonly Bucket[]): AgedItem[] {
  return items
    .filter((i) => i.outstanding !== 0)
    .map((item) => {
      const from = basis === 'due' ? item.invoice.due : item.invoice.date;
      const days = diffDays(from, asOf);
      return { item, days, daysOverdue: diffDays(item.invoice.due, asOf), bucket: bucketIndex(days, buckets) };
    });
}

export interface AgingRow {
  outstanding: Fen;
  notDue: Fen;
  buckets: Fen[];
}

export const emptyAging = (n: number): AgingRow => ({ outstanding: asFen(0), notDue: asFen(0), buckets: Array.from({ length: n }, () => asFen(0)) });

export function addAged(row: AgingRow, aged: AgedItem): void {
  const amt = aged.item.outstanding;
  row.outstanding = asFen(row.outstanding + amt);
  if (aged.bucket < 0) row.notDue = asFen(row.notDue + amt);
  else row.buckets[aged.bucket] = asFen(row.buckets[aged.bucket] + amt);
}

export interface AgingTable {
  customers: { key: string; name: string; group: CustomerGroup; row: AgingRow }[];
  groups: Record<CustomerGroup, AgingRow>;
  total: AgingRow;
}

export function agingTable(aged: readonly AgedItem[], bucketCount: number): AgingTable {
  const customers = new Map<string, { key: string; name: string; group: CustomerGroup; row: AgingRow }>();
  const groups: Record<CustomerGroup, AgingRow> = { related: emptyAging(bucketCount), external: emptyAging(bucketCount) };
  const total = emptyAging(bucketCount);
  for (const a of aged) {
    const p = a.item.invoice.party;
    let c = customers.get(p.key);
    if (!c) {
      c = { key: p.key, name: p.name, group: p.group, row: emptyAging(bucketCount) };
      customers.set(p.key, c);
    }
    addAged(c.row, a);
    addAged(groups[p.group], a);
    addAged(total, a);
  }
  const list = [...customers.values()].sort((a, b) => b.row.outstanding - a.row.outstanding || a.name.localeCompare(b.name, 'zh-CN'));
  return { customers: list, groups, total };
}
