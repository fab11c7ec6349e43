/**
 * Grid: one sheet as a host read it. Hosts fill it; nothing else reads a workbook.
 * Row-major, 0-based arrays; row r / column c of the sheet is values[r-1][c-1]. Rows may be ragged or missing.
 */

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface GridError {
  readonly error: string;
}

/**
 * A raw cell value. Dates are numbers (Excel serials in the workbook's date system) whose number format
 * is a date format; `core/values` tells them apart. Empty cells are null.
 */
export type GridValue = number | string | boolean | null | GridError;

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet's name as the workbook shows it. */
  name: string;
  values: GridValue[][];
  /** Number formats, same shape as values; null or missing means General. */
  formats: (string | null)[][];
  merges: MergedRange[];
  /** 1-based row numbers of hidden rows. */
  hiddenRows: number[];
  /** 1-based column numbers of hidden columns. */
  hiddenColumns: number[];
  /** True when the workbook uses the 1904 date system. */
  date1904: boolean;
  /** True when the sheet is hidden (a setting sheet of ours, or the clerk's). */
  hidden?: boolean;
  /**
   * The ownership mark the sheet carries (state.ts OWNER_MARK_NAME, a sheet-scoped defined name): its token, or null
   * when the host looked and found none. Undefined: this host does not read marks (ownership then goes by name).
   */
  ownerMark?: string | null;
}

export const isGridError = (v: GridValue): v is GridError =>
  typeof v === 'object' && v !== null && 'error' in v;

export const cellValue = (grid: Grid, row: number, col: number): GridValue => grid.values[row - 1]?.[col - 1] ?? null;

export const cellFormat = (grid: Grid, row: number, col: number): string | null => grid.formats[row - 1]?.[col - 1] ?? null;

/** Number of rows with any data (the last non-empty row's number). */
export function lastRow(grid: Grid): number {
  return grid.values.length;
}

export function lastColumn(grid: Grid): number {
  let max = 0;
  for (const row of grid.values) if (row && row.length > max) max = row.length;
  return max;
}

/** An empty Grid, for tests and builders. */
export function emptyGrid(name: string): Grid {
  return { name, values: [], formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
}
