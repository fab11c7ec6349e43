import type ExcelJS from 'exceljs';
import type { Grid, GridValue, MergedRange } from '../core/grid';
import type { HostProgress, WorkbookRead } from '../core/host';
import { isoToSerial, ymdToIso } from '../core/values/dates';
import { formatFromExcelJs } from './exceljs-formats';

/**
 * ExcelJS workbook → Grids (one per sheet, hidden ones too) and what exists (sheets in tab order, tables).
 * Values are what Excel shows as the cell's value: a formula gives its cached result, an error stays an error,
 * rich text and hyperlinks give their text, dates are serials again in the workbook's own date system.
 */

const MS_PER_DAY = 86_400_000;
const SERIAL_1904_START = isoToSerial(ymdToIso(1904, 1, 1));
const SERIAL_1900_MARCH = isoToSerial(ymdToIso(1900, 3, 1));

/**
 * ExcelJS turns a number with a date format into a JS Date (UTC midnight + time of day). Turn it back into the
 * serial the file holds, through core's one serial conversion (design rule 4): calendar day → serial, plus the
 * time fraction, shifted into the 1904 system when the workbook uses it.
 */
export function dateToSerial(d: Date, date1904: boolean): number {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return Number.NaN;
  const msOfDay = ((ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const day = ymdToIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  let serial = isoToSerial(day);
  if (date1904) serial -= SERIAL_1904_START;
  // ExcelJS counts every day from 1899-12-30, so before 1900-03-01 its Date is one day earlier than the day Excel
  // shows (Excel's phantom 1900-02-29); serial 0 (a pure time of day) comes back as 1899-12-30.
  else if (serial < SERIAL_1900_MARCH) serial += 1;
  return msOfDay ? serial + msOfDay / MS_PER_DAY : serial;
}

type CellValue = ExcelJS.CellValue;

function richToText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text ?? '').join('');
}

/** Convert one ExcelJS value to a GridValue. */
export function toGridValue(v: CellValue | undefined, date1904: boolean): GridValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return { error: v.error };
    if ('richText' in v && Array.isArray(v.richText)) return richToText(v);
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) {
        return { error: String((result as { error: unknown }).error) };
      }
      return toGridValue(result as CellValue, date1904);
    }
    if ('hyperlink' in v) {
      const text = (v as { text?: unknown }).text;
      if (text && typeof text === 'object' && 'richText' in text) return richToText(text as { richText: { text: string }[] });
      return text === undefined || text === null ? null : String(text);
    }
  }
  return null;
}

interface WorksheetInternals {
  _merges?: Record<string, { model?: MergedRange } | undefined>;
  tables?: Record<string, unknown>;
}

/** Names of the Excel tables on a sheet. */
export function tableNames(ws: ExcelJS.Worksheet): string[] {
  return Object.keys((ws as unknown as WorksheetInternals).tables ?? {});
}

const VALUE_TYPE_MERGE = 1; // ExcelJS.ValueType.Merge: a covered cell of a merged range (it echoes the master's value).

export function gridFromWorksheet(ws: ExcelJS.Worksheet, date1904: boolean): Grid {
  const values: GridValue[][] = [];
  const formats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    let vals: GridValue[] | undefined;
    let fmts: (string | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = (cell.type as number) === VALUE_TYPE_MERGE ? null : toGridValue(cell.value, date1904);
      // Formats are kept where there is a value (an empty styled cell tells a reader nothing).
      if (value === null) return;
      const fmt = formatFromExcelJs(cell.numFmt);
      if (!vals || !fmts) {
        vals = [];
        fmts = [];
      }
      for (let k = vals.length; k < c - 1; k++) {
        vals.push(null);
        fmts.push(null);
      }
      vals[c - 1] = value;
      fmts[c - 1] = fmt;
    });
    if (vals && fmts && vals.some((x) => x !== null)) {
      for (let k = values.length; k < r - 1; k++) {
        values.push([]);
        formats.push([]);
      }
      values[r - 1] = vals;
      formats[r - 1] = fmts;
    }
  });
  // Trailing cells that only carry a format add nothing a reader needs; trim them so lastColumn means data.
  for (let i = 0; i < values.length; i++) {
    const row = values[i];
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    if (end < row.length) {
      row.length = end;
      formats[i].length = end;
    }
  }
  const hiddenColumns: number[] = [];
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenColumns.push(c);
  const merges = Object.values((ws as unknown as WorksheetInternals)._merges ?? {})
    .map((m) => m?.model)
    .filter((m): m is MergedRange => !!m)
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
  const grid: Grid = { name: ws.name, values, formats, merges, hiddenRows, hiddenColumns, date1904 };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  return grid;
}

export function readLoadedWorkbook(wb: ExcelJS.Workbook, progress?: HostProgress): WorkbookRead {
  const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets = wb.worksheets;
  const total = sheets.reduce((n, ws) => n + ws.rowCount, 0);
  let done = 0;
  const grids: Grid[] = [];
  const tables: { name: string; sheet: string }[] = [];
  for (const ws of sheets) {
    if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    grids.push(gridFromWorksheet(ws, date1904));
    for (const name of tableNames(ws)) tables.push({ name, sheet: ws.name });
    done += ws.rowCount;
    progress?.onProgress?.('read', done, total);
  }
  return { grids, existing: { sheets: sheets.map((s) => s.name), tables } };
}
