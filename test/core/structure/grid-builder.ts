import type { Grid, GridValue, MergedRange } from '../../../src/core/grid';
import { parseA1 } from '../../../src/core/values/address';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { STATE_SHEET } from '../../../src/core/state';

/** A formula error cell. */
export const err = (error: string): GridValue => ({ error });

/** A date serial cell: use with a 'yyyy-mm-dd' format in `formats`. */
export interface SheetOptions {
  /** Merged ranges as A1 ranges: 'A1:H1'. */
  merges?: string[];
  /** Number formats by A1 cell ('C5': 'yyyy-mm-dd') or by column letter for every row below the header ('C': 'yyyy/m/d'). */
  formats?: Record<string, string>;
  hiddenColumns?: number[];
  hiddenRows?: number[];
  date1904?: boolean;
}

function range(ref: string): MergedRange {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) throw new Error(`bad range ${ref}`);
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/** Build a Grid from a 2-D array of rows (row 1 first). `undefined` in a row is an empty cell. */
export function sheet(name: string, rows: (GridValue | undefined)[][], opts: SheetOptions = {}): Grid {
  const values: GridValue[][] = rows.map((r) => r.map((v) => (v === undefined ? null : v)));
  const formats: (string | null)[][] = values.map((r) => r.map(() => null));
  for (const [ref, fmt] of Object.entries(opts.formats ?? {})) {
    if (/^[A-Z]+$/.test(ref)) {
      const col = parseA1(`${ref}1`)!.col;
      values.forEach((r, i) => {
        if (typeof r[col - 1] === 'number') formats[i][col - 1] = fmt;
      });
    } else {
      const p = parseA1(ref)!;
      while (formats.length < p.row) formats.push([]);
      formats[p.row - 1][p.col - 1] = fmt;
    }
  }
  return {
    name,
    values,
    formats,
    merges: (opts.merges ?? []).map(range),
    hiddenRows: opts.hiddenRows ?? [],
    hiddenColumns: opts.hiddenColumns ?? [],
    date1904: opts.date1904 ?? false,
  };
}

/** A rough picture of a written SheetSpec as a host would read it back (values only, which is all state needs). */
export function specToGrid(spec: SheetSpec): Grid {
  const values: GridValue[][] = [];
  for (const line of spec.title) values.push([line]);
  for (const table of spec.tables) {
    values.push(table.columns.map((c) => c.header));
    for (const row of table.rows) values.push(row.map((v) => (v !== null && typeof v === 'object' ? v.text : v)));
  }
  return { name: spec.name, values, formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904: false, hidden: spec.name === STATE_SHEET };
}
