/**
 * The workbook data custom functions may read (CLERK.QUOTEPRICE): the typed tables of the last structure run.
 * In Excel the task pane and the functions share one runtime, so the pane hands its tables over here after every
 * scan or run; the CLI hands over the tables of the --book it read. Functions only read; nothing here writes.
 */
import { quotePriceLookup, type QuotePriceLookup } from '../core/quotes/quote-price';
import type { AnyTypedTable } from '../core/tables/typed-table';

let current: readonly AnyTypedTable[] | null = null;
let lookup: QuotePriceLookup | null = null;

export function setWorkbookTables(tables: readonly AnyTypedTable[] | null): void {
  current = tables;
  lookup = null;
}

/** The quote lookup over the current tables, built once per hand-over; null before any structure run. */
export function currentQuoteLookup(): QuotePriceLookup | null {
  if (!current) return null;
  lookup ??= quotePriceLookup(current);
  return lookup;
}
