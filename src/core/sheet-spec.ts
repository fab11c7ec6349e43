import type { CellRef } from './findings';
import type { TableKind } from './tables/kinds';

/**
 * SheetSpec: one generated sheet as plain data. A host renders it; a job never formats cells itself.
 * All text in a SheetSpec is already in the clerk's language (report builders resolve the catalogs).
 */

/** How a column's values are typed and formatted. */
export type ColumnType =
  | 'text' // written as text, never as a formula (design rule 5)
  | 'money' // yuan numbers (fen / 100), format ¥#,##0.00
  | 'quantity' // numbers, format #,##0.#### style
  | 'integer' // whole numbers, format 0
  | 'date' // ISO `YYYY-MM-DD` strings; hosts write Excel serials with format yyyy-mm-dd
  | 'rate' // fractions (0.13), format 0.00%
  | 'link'; // a SheetLink; written as a hyperlink to a cell in this workbook

export interface SheetLink {
  text: string;
  target: CellRef;
}

export type OutValue = string | number | boolean | null | SheetLink;

export const isSheetLink = (v: OutValue): v is SheetLink => typeof v === 'object' && v !== null && 'target' in v;

/** A column as hosts render it; report builders declare it with its cell in core/report/columns.ts (col). */
export interface ColumnSpec {
  /** Stable key (English identifier), for tests and hosts. */
  key: string;
  /** Header text in the clerk's language. */
  header: string;
  type: ColumnType;
  /** Width in characters; hosts pick a default when absent. */
  width?: number;
  /** Text wider than this (in characters, CJK counting two) wraps; the default cap is core/report/widths.ts's. */
  wrapAt?: number;
}

export type Tone = 'good' | 'warn' | 'bad' | 'info';

/** Conditional highlight: colour a table row when column `column` (key) equals `equals`. */
export interface Highlight {
  column: string;
  equals: string;
  tone: Tone;
}

export interface TableSpec {
  /** Excel table name: unique workbook-wide, starts with a letter or _, no spaces (hosts check). */
  name: string;
  /** Optional caption line written above the table. */
  caption?: string;
  columns: ColumnSpec[];
  rows: OutValue[][];
  highlights?: Highlight[];
  /** A totals row (values per column, null where none) written under the table, outside it. */
  totals?: OutValue[];
}

export interface ChartSpec {
  kind: 'line' | 'column' | 'bar' | 'pie';
  title: string;
  /** The table (by name) whose columns feed the chart. */
  table: string;
  /** Column key for categories (x axis). */
  categories: string;
  /** Column keys for the series. */
  series: string[];
}

export interface SummaryLine {
  label: string;
  value: OutValue;
  type?: ColumnType;
  tone?: Tone;
}

/** How a sheet prints, beyond what the layout works out from its content (see core/report/page.ts). */
export interface PageSpec {
  /** Forced orientation; by default landscape when the columns are wider than a portrait page. */
  orientation?: 'portrait' | 'landscape';
  /** A document that must fit one page (a letter): fitted to one page, centred, no running header or footer. */
  onePage?: boolean;
  /** Our company's name, printed at the top left of every page. */
  company?: string;
  /** The page footer with Excel's &P / &N codes, in the clerk's language (第 &P 页 共 &N 页). */
  footer?: string;
}

export interface SheetSpec {
  /** Sheet name: ≤ 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
  name: string;
  /** The job that owns this sheet ('structure', 'quotes', …); a re-run replaces sheets it owns. */
  purpose: string;
  /** Title lines at the top (first line is the sheet title). */
  title: string[];
  summary?: SummaryLine[];
  tables: TableSpec[];
  charts?: ChartSpec[];
  /** Hidden sheets (e.g. settings Clerk Desk keeps in the workbook). */
  hidden?: boolean;
  /** The kinds of the clerk's tables this sheet is about (any one will do): with none in the workbook it is not written. */
  needs?: readonly TableKind[];
  page?: PageSpec;
}
