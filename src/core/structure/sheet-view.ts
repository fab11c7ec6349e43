import type { Grid, GridValue, MergedRange } from '../grid';
import { isGridError } from '../grid';
import { plainNumber } from '../values/parse';

/**
 * Read access to one Grid for structure: raw cells, their text, and merged ranges.
 * A merged range keeps its value in its top-left cell (the anchor); `mergeAt` finds the range a cell is in.
 */
export interface SheetView {
  grid: Grid;
  rowCount: number;
  colCount: number;
  value(row: number, col: number): GridValue;
  format(row: number, col: number): string | null;
  /** The merged range covering this cell, if any (only ranges that start in the scanned top rows or span data rows). */
  mergeAt(row: number, col: number): MergedRange | undefined;
}

const KEY = (row: number, col: number) => row * 20_000 + col;
/** Merged ranges larger than this many cells are indexed by their top-left cell only (a huge banner is not data). */
const MAX_INDEXED_AREA = 4_000;

export function sheetView(grid: Grid): SheetView {
  let colCount = 0;
  for (const row of grid.values) if (row && row.length > colCount) colCount = row.length;
  const index = new Map<number, MergedRange>();
  for (const m of grid.merges) {
    if (m.bottom < m.top || m.right < m.left) continue;
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area <= 1) continue;
    if (area > MAX_INDEXED_AREA) {
      // Index its first row (a title banner) and first column (a tall label) only.
      for (let c = m.left; c <= m.right && c - m.left < MAX_INDEXED_AREA; c++) index.set(KEY(m.top, c), m);
      for (let r = m.top; r <= m.bottom && r - m.top < MAX_INDEXED_AREA; r++) index.set(KEY(r, m.left), m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) index.set(KEY(r, c), m);
  }
  return {
    grid,
    rowCount: grid.values.length,
    colCount,
    value: (row, col) => grid.values[row - 1]?.[col - 1] ?? null,
    format: (row, col) => grid.formats[row - 1]?.[col - 1] ?? null,
    mergeAt: (row, col) => (index.size === 0 ? undefined : index.get(KEY(row, col))),
  };
}

/** A cell's text for header and title reading: strings trimmed, numbers as plain digits, errors and blanks ''. */
export function cellText(v: GridValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isGridError(v)) return '';
  return '';
}

/** Is the cell empty (null, or text of only spaces)? */
export function isEmptyValue(v: GridValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}
