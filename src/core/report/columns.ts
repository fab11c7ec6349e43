import type { ColumnSpec, ColumnType, OutValue, TableSpec } from '../sheet-spec';

/**
 * A report table declared column by column: each column says its key, header, type and width together with how
 * its cell is computed from a row (and, where the table has a totals row, from the totals), so adding, removing
 * or moving a column is one edit and a header can never drift away from its values.
 */
export interface Column<R, T = never> {
  spec: ColumnSpec;
  cell: (row: R) => OutValue;
  /** The column's cell in the totals row (null when absent). */
  total?: (totals: T) => OutValue;
}

export interface ColumnExtras<T> {
  total?: (totals: T) => OutValue;
  /** Text wider than this wraps (see ColumnSpec.wrapAt). */
  wrapAt?: number;
}

/** One column: `col('contract', t('quotes.col.contract'), 'text', 16, (c) => c.line.contractNo)`. */
export function col<R, T = never>(
  key: string,
  header: string,
  type: ColumnType,
  width: number | undefined,
  cell: (row: R) => OutValue,
  extras: ColumnExtras<T> = {},
): Column<R, T> {
  const spec: ColumnSpec = width === undefined ? { key, header, type } : { key, header, type, width };
  if (extras.wrapAt !== undefined) spec.wrapAt = extras.wrapAt;
  return extras.total ? { spec, cell, total: extras.total } : { spec, cell };
}

/** A column whose cell reads the totals the same way it reads a row (a series and the series of the total). */
export function colWithTotal<R extends T, T>(key: string, header: string, type: ColumnType, width: number | undefined, cell: (row: T) => OutValue): Column<R, T> {
  return col<R, T>(key, header, type, width, cell, { total: cell });
}

/** The columns and rows (and the totals row, when totals are given) of a table, from its columns and its items. */
export function tableBody<R, T = never>(columns: readonly Column<R, T>[], items: readonly R[], ...totals: [] | [T]): Pick<TableSpec, 'columns' | 'rows' | 'totals'> {
  const body: Pick<TableSpec, 'columns' | 'rows' | 'totals'> = {
    columns: columns.map((c) => c.spec),
    rows: items.map((item) => columns.map((c) => c.cell(item))),
  };
  if (totals.length) {
    const sum = totals[0] as T;
    body.totals = columns.map((c) => (c.total ? c.total(sum) : null));
  }
  return body;
}

/**
 * Columns declared for one kind of row, used in a table of another: each cell reads the part `row` picks (and the
 * totals cell the part `totals` picks), so figures declared once serve a per-customer and a per-group table alike.
 */
export function via<R, S, T = never>(columns: readonly Column<S, S>[], row: (r: R) => S, totals?: (t: T) => S): Column<R, T>[] {
  return columns.map((c) => {
    const total = c.total;
    const cell = (r: R) => c.cell(row(r));
    return total && totals ? { spec: c.spec, cell, total: (t: T) => total(totals(t)) } : { spec: c.spec, cell };
  });
}
