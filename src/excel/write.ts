/// <reference types="office-js" />
import { HostError, type HostProgress } from '../core/host';
import { NUMBER_FORMATS, TONE_COLORS, isFormulaLike, type LayoutBlock, type SheetLayout, type WriteValue } from '../core/report/layout';
import { isoToSerial, ymdToIso } from '../core/values/dates';
import type { WritePlan } from '../core/report/write-plan';
import { SYNC_BUDGET, jsonBytes, utf8Bytes } from './bytes';
import { richApiCode, throwIfAborted, toHostError, type Step } from './errors';
import type { Capabilities } from './requirements';
import { queuePageLayout } from './page-layout';

/**
 * Executing a WritePlan through Office.js:
 *
 * 1. preflight (two syncs, nothing changed yet): which sheets exist, whether a sheet we reuse is protected (then stop
 *    with a message naming it: nothing is written anywhere), whether a new sheet's name is already taken, and the
 *    tables and charts on the sheets we reuse;
 * 2. prepare (one sync): add new sheets; on reused sheets delete our old tables and charts, unfreeze, and clear
 *    everything (`clear('All')`: values, formats, conditional formats, hyperlinks) — clearing instead of deleting
 *    keeps the sheet, its position and what Excel can undo; then delete stale sheets of ours (after the adds, so a
 *    workbook never runs out of visible sheets);
 * 3. per layout, in order: number formats then values for each block (big blocks cut into chunks by bytes),
 *    tables.add over the filled range with the final name, highlights as custom-formula conditional formats over
 *    the used rows only, hyperlinks, column widths, freeze panes, charts, and the sheet's visibility.
 *
 * Operations are queued and packed into syncs of at most SYNC_BUDGET bytes of request JSON;
 * `suspendApiCalculationUntilNextSync` (ExcelApi 1.6) is called for every sync that writes values. If Excel still
 * refuses a request as too large, the batch is split in two (a value chunk by rows) and retried: a rejected request
 * changed nothing. Cancellation is checked between syncs.
 *
 * Text: Range.values turns a string starting with = + - @ into a formula, and in a General cell turns "001" into 1
 * and "2026-10-05" into a date. So every string written into a cell whose format is not text ('@') gets a leading
 * apostrophe (Excel stores it as a quote prefix; the value stays the text), and in '@' cells strings that are
 * formula-like or that start with an apostrophe themselves get one too. We chose the apostrophe over "set '@' first"
 * because it works whatever the column's format (a money or date column can hold a dash or a note).
 */

type Ctx = Excel.RequestContext;

interface Op {
  bytes: number;
  step: Step;
  /** Rows of values this op writes (for progress). */
  rows: number;
  writesValues: boolean;
  queue: (ctx: Ctx, sheet: (name: string) => Excel.Worksheet) => void;
  /** Two halves of this op, when it can be cut (value chunks). */
  split?: () => [Op, Op] | null;
}

const OP_OVERHEAD = 160;
/** The hyperlink colour of Excel's default theme (the xlsx host uses the same). */
const LINK_COLOR = '#0563C1';
/** Layouts give dates as 1900-system serials; a 1904-system workbook counts from 1904-01-01 (as the xlsx host does). */
const SHIFT_1904 = isoToSerial(ymdToIso(1904, 1, 1));

/**
 * Excel requires a table's column names to be unique and not blank; the header cells are written with these names
 * so that Excel renames nothing. The same rule as the xlsx host's tableColumnNames (a test holds them together).
 */
export function tableColumnNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() || `Column${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Column width: characters (as the layout gives them) → points, for Excel's default 11-pt font (7 px a character + 5 px padding). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const CHART_TYPES: Record<string, Excel.ChartType> = {
  line: 'Line' as Excel.ChartType,
  column: 'ColumnClustered' as Excel.ChartType,
  bar: 'BarClustered' as Excel.ChartType,
  pie: 'Pie' as Excel.ChartType,
};

/** What to send through Range.values so that Excel stores exactly this value (see the note above). */
export function encodeCell(v: WriteValue, format: string): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return v;
  if (v === '') return '';
  if (format !== '@') return `'${v}`;
  return isFormulaLike(v) || v.startsWith("'") ? `'${v}` : v;
}

export interface WriteOptions {
  caps: Capabilities;
  progress?: HostProgress;
}

export async function writePlanWith(ctx: Ctx, plan: WritePlan, opts: WriteOptions): Promise<void> {
  const signal = opts.progress?.signal;
  const wb = ctx.workbook;
  const reuse = new Set(plan.reuse);

  // 1. preflight: which sheets exist (and the date system), then the sheets we reuse that still exist.
  const sheets = wb.worksheets.load('items/name');
  const probe = wb.functions.date(1904, 1, 1).load('value');
  await syncStep(ctx, {});
  const present = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const date1904 = probe.value === 0;
  const reuseInfo = plan.reuse
    .filter((name) => present.get(name.toLowerCase()) === name)
    .map((name) => {
      const ws = wb.worksheets.getItem(name);
      ws.protection.load('protected');
      ws.tables.load('items/name');
      ws.charts.load('items/name');
      return { name, ws };
    });
  if (reuseInfo.length) await syncStep(ctx, { sheet: reuseInfo[0].name });
  for (const r of reuseInfo) {
    if (r.ws.protection.protected) throw new HostError('excel.host.protected', { sheet: r.name });
  }
  const live = new Set(reuseInfo.map((r) => r.name));
  for (const l of plan.layouts) {
    const clash = present.get(l.name.toLowerCase());
    if (clash && !live.has(l.name)) throw new HostError('excel.host.duplicateName', { name: clash });
  }
  throwIfAborted(signal);

  // 2–3. Office.js has no transactions: if a sync fails from here on, remove the sheets this run added, so that a
  // failed first run leaves no half-written sheets behind (the clerk's sheets are never touched either way).
  const added = plan.layouts.filter((l) => !live.has(l.name)).map((l) => l.name);
  try {
    await fillSheets(ctx, plan, opts, { live, reuseInfo, present, reuse, date1904 });
  } catch (e) {
    await removeAdded(ctx, added);
    throw e;
  }
}

/** Best effort, after a failed write: delete the sheets the failed run added. A failure here changes nothing more. */
async function removeAdded(ctx: Ctx, added: readonly string[]): Promise<void> {
  if (!added.length) return;
  try {
    const sheets = ctx.workbook.worksheets.load('items/name');
    await ctx.sync();
    const names = new Set(added.map((n) => n.toLowerCase()));
    for (const ws of sheets.items) if (names.has(ws.name.toLowerCase())) ws.delete();
    await ctx.sync();
  } catch {
    // The original error is the one the clerk needs to see.
  }
}

interface Prepared {
  live: Set<string>;
  reuseInfo: { name: string; ws: Excel.Worksheet }[];
  present: Map<string, string>;
  reuse: Set<string>;
  date1904: boolean;
}

async function fillSheets(ctx: Ctx, plan: WritePlan, opts: WriteOptions, prep: Prepared): Promise<void> {
  const { live, reuseInfo, present, reuse, date1904 } = prep;
  const signal = opts.progress?.signal;
  const wb = ctx.workbook;
  // 2. prepare
  for (const l of plan.layouts) if (!live.has(l.name)) wb.worksheets.add(l.name);
  for (const r of reuseInfo) {
    for (const t of r.ws.tables.items) t.delete();
    for (const c of r.ws.charts.items) c.delete();
    r.ws.freezePanes.unfreeze();
    r.ws.getRange().clear('All');
  }
  const removing = plan.remove.filter((n) => present.has(n.toLowerCase()) && !reuse.has(n));
  for (const name of removing) wb.worksheets.getItem(name).delete();
  await syncStep(ctx, { sheet: plan.layouts[0]?.name, name: plan.layouts.find((l) => !live.has(l.name))?.name });

  // 3. the layouts
  const ops = plan.layouts.flatMap((l) => layoutOps(l, opts.caps, date1904));
  const totalRows = ops.reduce((n, o) => n + o.rows, 0);
  let doneRows = 0;
  let batch: Op[] = [];
  let bytes = 0;
  let first = true;
  const flush = async () => {
    if (!batch.length) return;
    throwIfAborted(signal);
    const screen = first && opts.caps.screenSuspend;
    first = false;
    await runBatch(ctx, batch, opts.caps, screen);
    doneRows += batch.reduce((n, o) => n + o.rows, 0);
    opts.progress?.onProgress?.('write', doneRows, totalRows);
    batch = [];
    bytes = 0;
  };
  for (const op of ops) {
    if (batch.length && bytes + op.bytes > SYNC_BUDGET) await flush();
    batch.push(op);
    bytes += op.bytes;
  }
  await flush();
}

async function syncStep(ctx: Ctx, step: Step): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    throw toHostError(e, step);
  }
}

/** Queue a batch and sync it; a request Excel rejects as too large changed nothing, so split it and retry. */
async function runBatch(ctx: Ctx, ops: Op[], caps: Capabilities, screen: boolean): Promise<void> {
  const cache = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
  if (caps.calcSuspend && ops.some((o) => o.writesValues)) ctx.workbook.application.suspendApiCalculationUntilNextSync();
  if (screen) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  for (const op of ops) op.queue(ctx, sheet);
  try {
    await ctx.sync();
  } catch (e) {
    if (richApiCode(e) !== 'RequestPayloadSizeLimitExceeded') throw toHostError(e, ops[0].step);
    if (ops.length > 1) {
      const half = Math.ceil(ops.length / 2);
      await runBatch(ctx, ops.slice(0, half), caps, false);
      await runBatch(ctx, ops.slice(half), caps, false);
      return;
    }
    const halves = ops[0].split?.();
    if (!halves) throw toHostError(e, ops[0].step);
    await runBatch(ctx, [halves[0]], caps, false);
    await runBatch(ctx, [halves[1]], caps, false);
  }
}

// ---------------------------------------------------------------- ops of one layout

function layoutOps(l: SheetLayout, caps: Capabilities, date1904: boolean): Op[] {
  const ops: Op[] = [];
  const step = { sheet: l.name };
  for (const b of l.blocks) ops.push(...blockOps(l.name, prepareBlock(l, b, date1904)));
  // Titles and captions in bold (the first title line larger), as the xlsx host styles them.
  for (const b of l.blocks) {
    if (b.role !== 'title' && b.role !== 'caption') continue;
    const big = b.role === 'title' && b.top === 1;
    const width = Math.max(1, b.formats.length);
    ops.push({
      bytes: OP_OVERHEAD * 2,
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        const font = sheet(l.name).getRangeByIndexes(b.top - 1, b.left - 1, b.rows.length, width).format.font;
        font.bold = true;
        if (big) font.size = 14;
      },
    });
  }

  for (const t of l.tables) {
    const address = `${colLetter(t.left)}${t.top}:${colLetter(t.right)}${t.bottom}`;
    ops.push({
      bytes: OP_OVERHEAD + utf8Bytes(t.name) * 2,
      step: { sheet: l.name, name: t.name },
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        // A Range, not a string: a string address without a sheet name goes to the *active* sheet (excel.d.ts).
        const ws = sheet(l.name);
        const table = ws.tables.add(ws.getRange(address), true);
        table.name = t.name;
      },
    });
  }
  for (const h of l.highlights) {
    ops.push({
      bytes: OP_OVERHEAD * 3 + utf8Bytes(h.formula),
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        const cf = sheet(l.name).getRange(h.range).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = h.formula;
        cf.custom.format.fill.color = `#${TONE_COLORS[h.tone]}`;
      },
    });
  }
  for (const link of l.links) {
    const keepText = isFormulaLike(link.text) || link.text.startsWith("'");
    const hyperlink: Excel.RangeHyperlink = keepText ? { documentReference: link.reference } : { documentReference: link.reference, textToDisplay: link.text };
    ops.push({
      bytes: OP_OVERHEAD * 3 + jsonBytes(hyperlink),
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        const cell = sheet(l.name).getCell(link.row - 1, link.col - 1);
        cell.hyperlink = hyperlink;
        cell.format.font.color = LINK_COLOR;
        cell.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
      },
    });
  }
  l.widths.forEach((w, i) =>
    ops.push({
      bytes: OP_OVERHEAD,
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        sheet(l.name).getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(w);
      },
    }),
  );
  if (l.freezeRows > 0) {
    ops.push({ bytes: OP_OVERHEAD, step, rows: 0, writesValues: false, queue: (_ctx, sheet) => sheet(l.name).freezePanes.freezeRows(l.freezeRows) });
  }
  // Long text wraps inside its (capped) column, as the file host writes it: table, totals and summary cells only.
  for (const b of l.blocks) {
    if (b.role !== 'table' && b.role !== 'totals' && b.role !== 'summary') continue;
    for (let j = 0; j < b.formats.length; j++) {
      if (!l.wrap[b.left - 1 + j]) continue;
      ops.push({
        bytes: OP_OVERHEAD * 2,
        step,
        rows: 0,
        writesValues: false,
        queue: (_ctx, sheet) => {
          const format = sheet(l.name).getRangeByIndexes(b.top - 1, b.left - 1 + j, b.rows.length, 1).format;
          format.wrapText = true;
          format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
        },
      });
    }
  }
  const page = l.page;
  if (page && caps.pageLayout) {
    ops.push({ bytes: OP_OVERHEAD * 16 + jsonBytes(page), step, rows: 0, writesValues: false, queue: (_ctx, sheet) => queuePageLayout(sheet(l.name), page) });
  }
  for (const c of l.charts) {
    if (!caps.minimum) break;
    ops.push({
      bytes: OP_OVERHEAD * (4 + c.series.length * 3) + jsonBytes(c),
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        const ws = sheet(l.name);
        const chart = ws.charts.add(CHART_TYPES[c.kind] ?? ('ColumnClustered' as Excel.ChartType), ws.getRange(c.series[0]), 'Columns' as Excel.ChartSeriesBy);
        chart.title.text = c.title;
        chart.setPosition(c.anchor, c.anchorEnd);
        chart.series.getItemAt(0).setXAxisValues(ws.getRange(c.categories));
        for (const range of c.series.slice(1)) {
          const { header, data } = splitHeader(range);
          const series = chart.series.add(String(cellAt(l, header.row, header.col) ?? ''));
          series.setValues(ws.getRange(data));
          series.setXAxisValues(ws.getRange(c.categories));
        }
      },
    });
  }
  ops.push({
    bytes: OP_OVERHEAD,
    step,
    rows: 0,
    writesValues: false,
    queue: (_ctx, sheet) => {
      sheet(l.name).visibility = (l.hidden ? 'Hidden' : 'Visible') as Excel.SheetVisibility;
    },
  });
  return ops;
}

/** The block as it goes into the cells: table header names made valid, dates in the workbook's date system. */
function prepareBlock(l: SheetLayout, b: LayoutBlock, date1904: boolean): LayoutBlock {
  let rows = b.rows;
  const table = b.role === 'table' ? l.tables.find((t) => t.top === b.top && t.left === b.left) : undefined;
  if (table) rows = [tableColumnNames(table.headers), ...rows.slice(1)];
  if (date1904 && b.formats.includes(NUMBER_FORMATS.date)) {
    rows = rows.map((row) => row.map((v, j) => (typeof v === 'number' && b.formats[j] === NUMBER_FORMATS.date ? v - SHIFT_1904 : v)));
  }
  return rows === b.rows ? b : { ...b, rows };
}

/** A block's number formats and values, cut into chunks of at most the budget by rows. */
function blockOps(sheetName: string, b: LayoutBlock): Op[] {
  const width = b.formats.length || Math.max(1, ...b.rows.map((r) => r.length));
  const formatRow = Array.from({ length: width }, (_, j) => b.formats[j] ?? 'General');
  const formatBytes = jsonBytes(formatRow) + 1;
  const encoded = b.rows.map((row) => formatRow.map((f, j) => encodeCell(row[j] ?? null, f)));
  const rowBytes = encoded.map((r) => jsonBytes(r) + 1 + formatBytes);
  const ops: Op[] = [];
  let start = 0;
  while (start < encoded.length) {
    let end = start;
    let bytes = OP_OVERHEAD;
    while (end < encoded.length && (end === start || bytes + rowBytes[end] <= SYNC_BUDGET)) bytes += rowBytes[end++];
    ops.push(valueOp(sheetName, b.top + start, b.left, encoded.slice(start, end), formatRow, bytes));
    start = end;
  }
  return ops;
}

function valueOp(sheetName: string, top: number, left: number, rows: (string | number | boolean)[][], formatRow: string[], bytes: number): Op {
  return {
    bytes,
    step: { sheet: sheetName, row: top },
    rows: rows.length,
    writesValues: true,
    queue: (_ctx, sheet) => {
      const range = sheet(sheetName).getRangeByIndexes(top - 1, left - 1, rows.length, formatRow.length);
      range.numberFormat = rows.map(() => formatRow);
      range.values = rows;
    },
    split: () => {
      if (rows.length < 2) return null;
      const half = Math.ceil(rows.length / 2);
      return [
        valueOp(sheetName, top, left, rows.slice(0, half), formatRow, Math.ceil(bytes / 2)),
        valueOp(sheetName, top + half, left, rows.slice(half), formatRow, Math.ceil(bytes / 2)),
      ];
    },
  };
}

function colLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "C7:C20" → header cell C7 and data range C8:C20. */
function splitHeader(range: string): { header: { row: number; col: number }; data: string } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return { header: { row: 0, col: 0 }, data: range };
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  return { header: { row, col }, data: `${m[1]}${row + 1}:${m[3]}${m[4]}` };
}

function cellAt(l: SheetLayout, row: number, col: number): WriteValue {
  for (const b of l.blocks) {
    if (row >= b.top && row < b.top + b.rows.length && col >= b.left && col < b.left + Math.max(b.formats.length, b.rows[row - b.top]?.length ?? 0)) {
      return b.rows[row - b.top][col - b.left] ?? null;
    }
  }
  return null;
}
