import type { AnyTypedTable, TypedTable } from '../../src/core/tables/typed-table';
import type { RowsByKind, TableKind } from '../../src/core/tables/kinds';
import { asFen, type Fen } from '../../src/core/values/brand';

/** A typed table built directly in a test, rows starting on sheet row `firstRow` (default 2, under a header). */
export function typedTable<K extends TableKind>(kind: K, sheet: string, rows: RowsByKind[K][], columns: Partial<Record<keyof RowsByKind[K] & string, number>> = {}, firstRow = 2): AnyTypedTable {
  const t: TypedTable<K> = {
    kind,
    sheet,
    confidence: 1,
    headerRows: [firstRow - 1],
    firstDataRow: firstRow,
    lastDataRow: firstRow + rows.length - 1,
    columns,
    rows: rows.map((fields, i) => ({ sourceRow: firstRow + i, fields })),
  };
  return t as unknown as AnyTypedTable;
}

/** Yuan → Fen, exact for amounts with at most two decimals. */
export const yuan = (n: number): Fen => asFen(Math.round(n * 100));
