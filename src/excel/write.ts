/// <reference types="office-js" />
import { HostError, type HostProgress } from '../core/host';
import { NUMBER_FORMATS, TONE_COLORS, isFormulaLike, type LayoutBlock, type SheetLayout, type WriteValue } from '../core/report/layout';
import { isoToSerial, ymdToIso } from '../core/values/dates';
import { columnLetter, columnNumber } from '../core/values/address';
import type { WritePlan } from '../core/report/write-plan';
import { SYNC_BUDGET, jsonBytes, utf8Bytes } from './bytes';
import { richApiCode, throwIfAborted, toHostError, type Step } from './errors';
import type { Capabilities } from './requirements';
import { markFormula, OWNER_MARK_NAME, STATE_SHEET, type WorkbookState } from '../core/state';
import {
  loadScene,
  loadStateSheet,
  queueStage,
  queueSwitch,
  recordOf,
  repairWith,
  sceneOf,
  stagePlan,
  stagingToken,
  undoStage,
  type RepairOutcome,
  type SwitchScene,
} from './staging';
import { queuePageLayout } from './page-layout';

/**
 * Executing a WritePlan through Office.js, so that a run that fails leaves the previous results (staging.ts says how):
 *
 * 1. preflight (two syncs, nothing changed yet): which sheets exist, whether a sheet we replace is protected (then stop
 *    with a message naming it: nothing is written anywhere), whether a new sheet's name is already taken, and the
 *    state sheet (its size, its table, a staging record left behind by a run that stopped);
 * 2. stage (one sync): the staging record, and one hidden staging sheet per generated sheet;
 * 3. per staged layout, in order: number formats then values for each block (big blocks cut into chunks by bytes),
 *    tables.add over the filled range (under a staging name), highlights as custom-formula conditional formats over
 *    the used rows only, hyperlinks (to final names), column widths, freeze panes, charts;
 * 4. the switch (one sync): old sheets out, staging sheets renamed into their places and shown, stale sheets of ours
 *    removed, tables renamed, the new state written, the record cleared.
 *
 * Replacing a sheet instead of clearing it costs what Excel can undo and anything of the clerk's that pointed into
 * our old sheet (a formula becomes #REF!); it buys a workbook that always holds one complete result.
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

/**
 * Request bytes of each kind of op as Microsoft's client serializes it (object paths, Instantiate and _KeepReference
 * actions, ids): measured on the wire with @microsoft/office-js 1.1.110 (test/office-wire), plus ~15% for longer ids
 * late in a big run. A hyperlink cell costs ~1 kB, not the few hundred bytes of its JSON: 5,000 links estimated at
 * the JSON size went to Excel as a 5.7 MB request. `wrap` and `pageLayout` are not measured yet: estimated high from
 * `width` (a column range and its format) and a dozen property sets.
 */
const WIRE = { font: 950, table: 760, conditional: 1_700, link: 1_200, width: 1_070, freeze: 120, chart: 1_900, series: 1_500, visibility: 320, block: 660, wrap: 1_300, pageLayout: 4_000 };
/** The client cuts a values/numberFormat write above 1,500 cells into row chunks, ~3.3 kB of paths and actions per chunk pair. */
const CHUNK_BYTES_PER_CELL = 3;
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

export async function writePlanWith(ctx: Ctx, plan: WritePlan, opts: WriteOptions, repaired = false): Promise<void> {

  try {
    return await stageAndSwitch(ctx, plan, opts, repaired);
  } catch (e) {
    // Nothing was changed before the stage began, and a failure after it says for itself what became of the results.
    const err = toHostError(e);
    if (err instanceof HostError && !err.previousResults) err.previousResults = 'kept';
    throw err;
  }
}

async function stageAndSwitch(ctx: Ctx, plan: WritePlan, opts: WriteOptions, repaired: boolean): Promise<void> {
  const signal = opts.progress?.signal;
  const wb = ctx.workbook;
  // 1. preflight: which sheets exist (and the date system), then the sheets we replace and the state sheet.
  const scene = loadScene(ctx);
  const probe = wb.functions.date(1904, 1, 1).load('value');
  await syncStep(ctx, {});
  const order = scene.sheets.items.map((s) => s.name);
  const present = new Map(order.map((n) => [n.toLowerCase(), n]));
  const date1904 = probe.value === 0;
  const reuseInfo = plan.reuse
    .filter((name) => present.get(name.toLowerCase()) === name)
    .map((name) => {
      const ws = wb.worksheets.getItem(name);
      ws.protection.load('protected');
      return { name, ws };
    });
  const stateLoad = scene.state.isNullObject ? null : loadStateSheet(wb.worksheets.getItem(STATE_SHEET));
  if (reuseInfo.length || stateLoad) await syncStep(ctx, { sheet: reuseInfo[0]?.name });
  for (const r of reuseInfo) {
    if (r.ws.protection.protected) throw new HostError('excel.host.protected', { sheet: r.name });
  }
  // A run that stopped midway and was not repaired by a read since: finish or undo it, then start again.
  if (recordOf(stateLoad) && !repaired) {
    await repairWith(ctx);
    return stageAndSwitch(ctx, plan, opts, true);
  }
  const live = new Set(reuseInfo.map((r) => r.name));
  for (const l of plan.layouts) {
    const clash = present.get(l.name.toLowerCase());
    if (clash && !live.has(l.name) && l.name !== STATE_SHEET) throw new HostError('excel.host.duplicateName', { name: clash });
  }
  throwIfAborted(signal);

  // 2. stage, 3. fill: a failure (or a cancel) removes the staging sheets; the previous results were never touched.
  const staged = stagePlan(plan, { token: stagingToken(), order, live, stateExists: !!stateLoad, next: nextState(plan) });
  const fail = (e: unknown, previous: 'kept' | 'pending') => {
    const err = toHostError(e);
    if (err instanceof HostError) return keptOrPending(err, staged.finalName, previous);
    return err;
  };
  let recordRows: number;
  try {
    recordRows = queueStage(ctx, staged, order.length);
    await syncStep(ctx, { sheet: plan.layouts[0]?.name });
    await fillLayouts(ctx, staged.layouts, opts, date1904);
  } catch (e) {
    await undoStage(ctx, staged).catch(() => undefined);
    throw fail(e, 'kept');
  }

  // 4. the switch, in one sync; if it fails, finish it (or, if it never began, undo the stage) at once.
  const stateScene = stateLoad ? sceneOf(scene, stateLoad) : null;
  const switchScene: SwitchScene = {
    sheets: new Set([...present.keys(), ...staged.record.sheets.map((s) => s.staging.toLowerCase()), STATE_SHEET.toLowerCase()]),
    tables: new Set(staged.record.tables.map((t) => t.staging.toLowerCase())),
    sheetCount: order.length + staged.record.sheets.length + (stateLoad ? 0 : 1),
    visible: new Set(scene.sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name.toLowerCase())),
    stateRows: stateScene?.stateRows ?? 0,
    stateHasTable: stateScene?.stateHasTable ?? false,
    stateCols: stateScene?.stateCols ?? 0,
    recordRows,
  };
  try {
    queueSwitch(ctx, staged.record, switchScene, staged.stateLayout);
    await syncStep(ctx, {});
  } catch (e) {
    let outcome: RepairOutcome;
    try {
      outcome = await repairWith(ctx);
    } catch {
      throw fail(e, 'pending');
    }
    if (outcome === 'undone') throw fail(e, 'kept');
    // 'finished': the switch is complete after all (or the failed sync had in fact gone through).
  }
}

/** The state the plan writes (its state sheet's JSON), to be written by the switch. */
function nextState(plan: WritePlan): WorkbookState | undefined {
  const layout = plan.layouts.find((l) => l.name === STATE_SHEET);
  const block = layout?.blocks.find((b) => b.role === 'table');
  if (!block) return undefined;
  const json = block.rows.slice(1).map((r) => String(r[0] ?? '')).join('');
  try {
    return JSON.parse(json) as WorkbookState;
  } catch {
    return undefined;
  }
}

/** The error the clerk sees: names the final sheet (not its staging name) and says what became of the previous results. */
function keptOrPending(err: HostError, finalName: ReadonlyMap<string, string>, previous: 'kept' | 'pending'): HostError {
  const values = Object.fromEntries(Object.entries(err.values).map(([k, v]) => [k, typeof v === 'string' ? finalName.get(v) ?? v : v]));
  const out = new HostError(err.key, values, err.detail);
  out.previousResults = previous;
  return out;
}

/** 3. the staged layouts, in order: ops queued and packed into syncs by bytes. */
async function fillLayouts(ctx: Ctx, layouts: readonly SheetLayout[], opts: WriteOptions, date1904: boolean): Promise<void> {
  const signal = opts.progress?.signal;
  const ops = layouts.flatMap((l) => layoutOps(l, opts.caps, date1904));
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
  throwIfAborted(signal);
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
      bytes: WIRE.font,
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

  // Our ownership mark (core/state.ts): a hidden name of the sheet's own scope, so it follows the staging sheet's rename.
  const mark = l.ownerMark;
  if (mark) {
    ops.push({
      bytes: WIRE.font + utf8Bytes(OWNER_MARK_NAME) + utf8Bytes(mark),
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        sheet(l.name).names.add(OWNER_MARK_NAME, `=${markFormula(mark)}`).visible = false;
      },
    });
  }

  for (const t of l.tables) {
    const address = `${columnLetter(t.left)}${t.top}:${columnLetter(t.right)}${t.bottom}`;
    ops.push({
      bytes: WIRE.table + utf8Bytes(t.name) * 2,
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
      bytes: WIRE.conditional + utf8Bytes(h.formula),
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
      bytes: WIRE.link + jsonBytes(hyperlink),
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
      bytes: WIRE.width,
      step,
      rows: 0,
      writesValues: false,
      queue: (_ctx, sheet) => {
        sheet(l.name).getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(w);
      },
    }),
  );
  if (l.freezeRows > 0) {
    ops.push({ bytes: WIRE.freeze, step, rows: 0, writesValues: false, queue: (_ctx, sheet) => sheet(l.name).freezePanes.freezeRows(l.freezeRows) });
  }
  // Long text wraps inside its (capped) column, as the file host writes it: table, totals and summary cells only.
  for (const b of l.blocks) {
    if (b.role !== 'table' && b.role !== 'totals' && b.role !== 'summary') continue;
    for (let j = 0; j < b.formats.length; j++) {
      if (!l.wrap[b.left - 1 + j]) continue;
      ops.push({
        bytes: WIRE.wrap,
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
    ops.push({ bytes: WIRE.pageLayout + jsonBytes(page), step, rows: 0, writesValues: false, queue: (_ctx, sheet) => queuePageLayout(sheet(l.name), page) });
  }
  for (const c of l.charts) {
    if (!caps.minimum) break;
    ops.push({
      bytes: WIRE.chart + WIRE.series * c.series.length + jsonBytes(c),
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
    bytes: WIRE.visibility,
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
  const rowBytes = encoded.map((r) => jsonBytes(r) + 1 + formatBytes + CHUNK_BYTES_PER_CELL * width);
  const ops: Op[] = [];
  let start = 0;
  while (start < encoded.length) {
    let end = start;
    let bytes = WIRE.block;
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

/** "C7:C20" → header cell C7 and data range C8:C20. */
function splitHeader(range: string): { header: { row: number; col: number }; data: string } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return { header: { row: 0, col: 0 }, data: range };
  const col = columnNumber(m[1]);
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
