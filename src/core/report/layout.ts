import type { CellRef } from '../findings';
import type { ChartSpec, ColumnType, OutValue, SheetSpec, TableSpec, Tone } from '../sheet-spec';
import { isSheetLink } from '../sheet-spec';
import { a1, columnLetter, quoteSheetName } from '../values/address';
import { isoToSerial, isIsoDate } from '../values/dates';
import { pageOf, type LayoutPage } from './page';
import { columnWidths, wrappedRowLines } from './widths';

/**
 * Where every value of a SheetSpec goes on the grid, decided once in core so that both hosts write the
 * same cells (design rule 2). A host only executes a SheetLayout: formats, values, tables, links, highlights.
 *
 * Layout of a sheet: title lines from row 1, a blank row, summary lines (label | value), a blank row, then each
 * table (optional caption row, header row, data rows, optional totals row under it) with a blank row between.
 */

/** What a host writes into a cell: a date is already an Excel serial, money already yuan, a link its text. */
export type WriteValue = number | string | boolean | null;

export type BlockRole = 'title' | 'summary' | 'caption' | 'table' | 'totals';

export interface LayoutBlock {
  role: BlockRole;
  /** 1-based top-left. */
  top: number;
  left: number;
  rows: WriteValue[][];
  /** Number format per column of the block ('@' for text), applied before values are written. */
  formats: string[];
}

export interface LayoutTable {
  name: string;
  /** The header row; data follows to `bottom` (a table with no rows has one empty data row, as Excel requires). */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headers: string[];
}

export interface LayoutLink {
  row: number;
  col: number;
  text: string;
  target: CellRef;
  /** `'Sheet'!A1`, the form Office.js documentReference and an xlsx internal hyperlink both take. */
  reference: string;
}

export interface LayoutHighlight {
  /** A1 range of the data rows it applies to. */
  range: string;
  /** Excel formula relative to the range's top-left cell, e.g. =$H5="错误". */
  formula: string;
  tone: Tone;
}

export interface LayoutChart {
  kind: ChartSpec['kind'];
  title: string;
  /** A1 range of the category column's data (no header). */
  categories: string;
  /** One A1 range per series, header row included (the header names the series). */
  series: string[];
  /** Top-left anchor cell for the chart, under the tables (so it prints with them). */
  anchor: string;
  /** The cell just past the chart's bottom-right corner. */
  anchorEnd: string;
}

/** A chart's size in cells: rows tall and columns wide (about 15 × 9 cm at the default row height). */
export const CHART_ROWS = 18;
export const CHART_COLS = 8;

export interface SheetLayout {
  name: string;
  purpose: string;
  hidden: boolean;
  blocks: LayoutBlock[];
  tables: LayoutTable[];
  links: LayoutLink[];
  highlights: LayoutHighlight[];
  charts: LayoutChart[];
  /** Column widths in characters, index 0 = column A. */
  widths: number[];
  /** Columns whose long text (or long header) wraps, index 0 = column A. */
  wrap: boolean[];
  /** Rows (1-based) whose wrapped text needs more than one line → the lines it needs. */
  rowLines: Map<number, number>;
  /** Print set-up; null for hidden sheets, which never print. */
  page: LayoutPage | null;
  /** Rows to freeze at the top (the first table's header row and everything above), 0 for none. */
  freezeRows: number;
  /** Last used row and column. */
  lastRow: number;
  lastCol: number;
  /** The token of the ownership mark the host writes into the sheet (state.ts OWNER_MARK_NAME), when it writes marks. */
  ownerMark?: string;
}

export const NUMBER_FORMATS: Record<ColumnType, string> = {
  text: '@',
  money: '¥#,##0.00;-¥#,##0.00',
  quantity: 'General',
  integer: '0',
  date: 'yyyy-mm-dd',
  rate: '0.00%',
  link: '@',
};

export const TONE_COLORS: Record<Tone, string> = { good: 'C6EFCE', warn: 'FFEB9C', bad: 'FFC7CE', info: 'DDEBF7' };

/** Text that a spreadsheet would read as a formula (design rule 5): a host must write it as text. */
export const isFormulaLike = (s: string): boolean => /^[=+\-@\t\r]/.test(s);

function toWriteValue(value: OutValue, type: ColumnType): WriteValue {
  if (value === null || value === undefined) return null;
  if (isSheetLink(value)) return value.text;
  if (type === 'date' && typeof value === 'string' && isIsoDate(value)) return isoToSerial(value);
  return value;
}

export function layoutSheet(spec: SheetSpec): SheetLayout {
  const blocks: LayoutBlock[] = [];
  const tables: LayoutTable[] = [];
  const links: LayoutLink[] = [];
  const highlights: LayoutHighlight[] = [];
  let row = 1;
  let lastCol = 1;

  for (const line of spec.title) {
    blocks.push({ role: 'title', top: row, left: 1, rows: [[line]], formats: ['@'] });
    row++;
  }
  if (spec.title.length) row++;

  if (spec.summary?.length) {
    for (const s of spec.summary) {
      const type = s.type ?? (typeof s.value === 'number' ? 'quantity' : 'text');
      blocks.push({ role: 'summary', top: row, left: 1, rows: [[s.label, toWriteValue(s.value, type)]], formats: ['@', NUMBER_FORMATS[type]] });
      if (isSheetLink(s.value)) links.push(linkAt(row, 2, s.value.text, s.value.target));
      lastCol = Math.max(lastCol, 2);
      row++;
    }
    row++;
  }

  let freezeRows = 0;
  for (const table of spec.tables) {
    if (table.caption) {
      blocks.push({ role: 'caption', top: row, left: 1, rows: [[table.caption]], formats: ['@'] });
      row++;
    }
    const top = row;
    const ncol = Math.max(1, table.columns.length);
    const headerRow: WriteValue[] = table.columns.map((c) => c.header);
    const data: WriteValue[][] = table.rows.map((r) => table.columns.map((c, i) => toWriteValue(r[i] ?? null, c.type)));
    const bodyRows = data.length ? data : [table.columns.map(() => null)];
    blocks.push({ role: 'table', top, left: 1, rows: [headerRow, ...bodyRows], formats: table.columns.map((c) => NUMBER_FORMATS[c.type]) });
    collectLinks(table, top + 1, links);
    const bottom = top + bodyRows.length;
    tables.push({ name: table.name, top, left: 1, bottom, right: ncol, headers: table.columns.map((c) => c.header) });
    if (!freezeRows && spec.tables.length === 1) freezeRows = top;
    for (const h of table.highlights ?? []) {
      const ci = table.columns.findIndex((c) => c.key === h.column);
      if (ci < 0 || !data.length) continue;
      const literal = `"${h.equals.replace(/"/g, '""')}"`;
      highlights.push({
        range: `${a1(top + 1, 1)}:${a1(bottom, ncol)}`,
        formula: `=$${columnLetter(ci + 1)}${top + 1}=${literal}`,
        tone: h.tone,
      });
    }
    row = bottom + 1;
    if (table.totals) {
      blocks.push({
        role: 'totals',
        top: row,
        left: 1,
        rows: [table.columns.map((c, i) => toWriteValue(table.totals?.[i] ?? null, c.type))],
        formats: table.columns.map((c) => NUMBER_FORMATS[c.type]),
      });
      row++;
    }
    lastCol = Math.max(lastCol, ncol);
    row++;
  }

  const tablesEnd = Math.max(1, row - 2);
  const charts: LayoutChart[] = [];
  for (const c of spec.charts ?? []) charts.push(...layoutChart(c, spec.tables, tables, 1, tablesEnd + 2 + charts.length * (CHART_ROWS + 1)));
  const lastRow = tablesEnd;
  const printBottom = charts.length ? tablesEnd + 1 + charts.length * (CHART_ROWS + 1) : tablesEnd;
  const printRight = charts.length ? Math.max(lastCol, CHART_COLS) : lastCol;
  const caps: (number | undefined)[] = [];
  for (const table of spec.tables) table.columns.forEach((c, i) => c.wrapAt && (caps[i] = Math.min(caps[i] ?? c.wrapAt, c.wrapAt)));
  const { widths, wrap } = columnWidths(blocks, lastCol, new Set(tables.map((t) => t.top)), caps);
  const hidden = spec.hidden ?? false;
  return {
    name: spec.name,
    purpose: spec.purpose,
    hidden,
    blocks,
    tables,
    links,
    highlights,
    charts,
    widths,
    wrap,
    rowLines: wrappedRowLines(blocks, widths, wrap),
    page: hidden ? null : pageOf(spec, widths, printBottom, printRight, tables.length === 1 ? tables[0].top : 0),
    freezeRows,
    lastRow,
    lastCol,
  };
}

function linkAt(row: number, col: number, text: string, target: CellRef): LayoutLink {
  return { row, col, text, target, reference: `${quoteSheetName(target.sheet)}!${target.cell}` };
}

function collectLinks(table: TableSpec, firstDataRow: number, out: LayoutLink[]): void {
  const linkCols = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'link');
  if (!linkCols.length) return;
  table.rows.forEach((r, ri) => {
    for (const { i } of linkCols) {
      const v = r[i];
      if (v && isSheetLink(v)) out.push(linkAt(firstDataRow + ri, i + 1, v.text, v.target));
    }
  });
}

function layoutChart(chart: ChartSpec, specs: TableSpec[], placed: LayoutTable[], anchorCol: number, anchorRow: number): LayoutChart[] {
  const ti = specs.findIndex((s) => s.name === chart.table);
  if (ti < 0) return [];
  const spec = specs[ti];
  const at = placed[ti];
  const colOf = (key: string) => spec.columns.findIndex((c) => c.key === key) + 1;
  const cat = colOf(chart.categories);
  if (cat < 1 || !spec.rows.length) return [];
  const series = chart.series.map(colOf).filter((c) => c > 0);
  if (!series.length) return [];
  const L = columnLetter;
  return [
    {
      kind: chart.kind,
      title: chart.title,
      categories: `${L(cat)}${at.top + 1}:${L(cat)}${at.bottom}`,
      series: series.map((c) => `${L(c)}${at.top}:${L(c)}${at.bottom}`),
      anchor: a1(anchorRow, anchorCol),
      anchorEnd: a1(anchorRow + CHART_ROWS, anchorCol + CHART_COLS),
    },
  ];
}
