import type { FieldOf, RowsByKind, TableKind } from './kinds';

/** One data row of a typed table, remembering the sheet row it came from. */
export interface TypedRow<K extends TableKind> {
  /** The source sheet's own 1-based row number. */
  sourceRow: number;
  fields: RowsByKind[K];
}

/** One structured sheet. */
export interface TypedTable<K extends TableKind = TableKind> {
  kind: K;
  /** The source sheet's name. */
  sheet: string;
  /** 0..1: how sure structure is of the kind. */
  confidence: number;
  /** 1-based header row numbers (two for a two-row header). */
  headerRows: number[];
  firstDataRow: number;
  lastDataRow: number;
  /** field → 1-based source column number. */
  columns: Partial<Record<FieldOf<K>, number>>;
  /** How sure the mapping of each column is (0..1). */
  columnConfidence?: Partial<Record<FieldOf<K>, number>>;
  rows: TypedRow<K>[];
  /** Text from the title block above the header (the counterparty and period of a statement live here). */
  titleText?: string[];
  /** Columns mapped by a guess, for the clerk to check: field, column letter, the header as the sheet writes it. */
  guessedColumns?: { field: string; column: string; header: string }[];
}

/** Any typed table, narrowed by its `kind`. */
export type AnyTypedTable = { [K in TableKind]: TypedTable<K> }[TableKind];

/** All typed tables of a given kind from a workbook. */
export function tablesOf<K extends TableKind>(tables: readonly AnyTypedTable[], kind: K): TypedTable<K>[] {
  return tables.filter((t): t is TypedTable<K> & AnyTypedTable => t.kind === kind) as TypedTable<K>[];
}
