import type { PartyDirectory } from '../parties';
import type { PropertyCategory } from '../tables/kinds';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { IsoDate } from '../values/brand';
import { addMonths, monthOf } from '../values/dates';
import { normalizeCode } from '../values/text';
import type { Source } from './contracts';

/**
 * Customer property (客户财产): tooling, moulds, material and documents a customer owns and we keep.
 * The book quantity in custody is compared with the latest count; every item shows when it was last checked.
 */

export type CountResult = 'found' | 'missing' | 'qty-diff' | 'not-on-ledger' | 'returned';

export interface PropertyItem {
  itemNo: string;
  name?: string;
  customer?: string;
  category?: PropertyCategory;
  location?: string;
  /** In our custody per the ledger (received less returned). */
  bookQty: number;
  countedQty?: number;
  result: CountResult;
  lastCheck?: IsoDate;
  /** Not checked within the last quarter (three months before the as-of date). */
  unchecked: boolean;
  source: Source;
  countSource?: Source;
}

export function propertyLedger(tables: readonly AnyTypedTable[], directory: PartyDirectory, asOf: IsoDate): PropertyItem[] {
  const counts = new Map<string, { qty: number; date?: IsoDate; location?: string; source: Source }>();
  for (const t of tablesOf(tables, 'propertyCounts')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.itemNo || f.countedQty === undefined) continue;
      if (f.date && f.date > asOf) continue;
      const k = normalizeCode(f.itemNo);
      const prev = counts.get(k);
      // The latest count wins; two lines of one count (one item in two places) add up.
      if (prev && prev.date === f.date) prev.qty += f.countedQty;
      else if (!prev || (f.date ?? '') > (prev.date ?? '')) counts.set(k, { qty: f.countedQty, date: f.date, location: f.location, source: { sheet: t.sheet, row: sourceRow } });
    }
  }
  const threshold = `${addMonths(monthOf(asOf), -3)}${asOf.slice(7)}`;
  const items: PropertyItem[] = [];
  const seen = new Set<string>();
  for (const t of tablesOf(tables, 'property')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.itemNo) continue;
      const k = normalizeCode(f.itemNo);
      seen.add(k);
      const returned = f.returnedQty ?? (f.returnedDate && f.returnedDate <= asOf ? f.quantity ?? 0 : 0);
      const bookQty = Math.max(0, (f.quantity ?? 1) - returned);
      const count = counts.get(k);
      const lastCheck = [f.lastCheckDate, count?.date].filter((x): x is IsoDate => !!x && x <= asOf).sort().pop();
      let result: CountResult;
      if (bookQty === 0) result = count && count.qty > 0 ? 'qty-diff' : 'returned';
      else if (!count || count.qty === 0) result = 'missing';
      else result = Math.abs(count.qty - bookQty) < 1e-9 ? 'found' : 'qty-diff';
      items.push({
        itemNo: f.itemNo,
        name: f.name,
        customer: f.customer ? directory.resolve(f.customer).name : undefined,
        category: f.category,
        location: f.location,
        bookQty,
        countedQty: count?.qty,
        result,
        lastCheck,
        unchecked: bookQty > 0 && (!lastCheck || lastCheck < threshold),
        source: { sheet: t.sheet, row: sourceRow },
        countSource: count?.source,
      });
    }
  }
  for (const [k, count] of counts) {
    if (seen.has(k)) continue;
    const t = tablesOf(tables, 'propertyCounts').find((x) => x.sheet === count.source.sheet);
    const row = t?.rows.find((r) => r.sourceRow === count.source.row);
    items.push({
      itemNo: row?.fields.itemNo ?? k,
      name: row?.fields.name,
      location: count.location,
      bookQty: 0,
      countedQty: count.qty,
      result: 'not-on-ledger',
      lastCheck: count.date,
      unchecked: false,
      source: count.source,
      countSource: count.source,
    });
  }
  return items;
}
