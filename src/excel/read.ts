/// <reference types="office-js" />
import type { Grid, GridValue, MergedRange } from '../core/grid';
import type { HostProgress, WorkbookRead } from '../core/host';
import type { MessageKey } from '../core/i18n';
import { columnNumber } from '../core/values/address';
import { gridFormat } from '../core/values/number-format';
import { FIRST_BLOCK_ROWS, MAX_BLOCK_CELLS, MAX_BLOCK_ROWS, SYNC_BUDGET, jsonBytes } from './bytes';
import { isPayloadLimit, throwIfAborted, toHostError } from './errors';
import type { Capabilities } from './requirements';
import { markToken, OWNER_MARK_NAME } from '../core/state';

/**
 * Reading a workbook through Office.js in few, bounded syncs:
 *
 * 1. one sync: sheet names and visibility, existing tables (name + sheet), and DATE(1904,1,1) through
 *    workbook.functions, which is 0 in a 1904-system workbook and 1462 otherwise (Office.js has no property for the
 *    date system, so we ask Excel's own DATE function; no cell is touched);
 * 2. one sync: every sheet's getUsedRangeOrNullObject(true) (address, origin, size) with rowHidden/columnHidden of
 *    the used range, which answer "none", "all" or "some" (null);
 * 3. merged areas (ExcelApi 1.13) in one sync for all sheets; the call fails beyond 512 areas, so a failing sheet is
 *    split into row bands (up to 16) and, if that still fails, read without merges and with a warning;
 * 4. hidden rows/columns only where step 2 said "some" (a filtered list, grouped rows): with ExcelApi 1.9 one sync
 *    loads the address of getSpecialCellsOrNullObject('Visible') for those sheets, and a row or column no visible
 *    area covers is hidden; without 1.9, or if that fails, bisection with rowHidden/columnHidden, one sync per level
 *    for all sheets together, capped at 4,096 probes per sheet (a warning beyond that);
 * 5. values in row blocks, one sync per block (small sheets that follow a sheet's last block ride in the same sync
 *    while the estimate fits): the first block is 5,000 rows (fewer for wide sheets), the next ones
 *    are sized from the measured bytes per row to stay under the budget (3.5 MB against the 5 MB limit), at most
 *    20,000 rows and 1M cells. On a payload error, or `values` null (too many cells), the block is halved and retried.
 *
 * Number formats: a Grid needs them only to tell a date serial from a number, i.e. on cells holding numbers. Loading
 * numberFormat for whole blocks would double every response; sampling rows per column guesses wrong on a column that
 * mixes dates and plain numbers (a totals row, a stray date). So after each block the host knows exactly which
 * columns hold numbers and in which rows, and the *next* sync also loads numberFormat for just those column spans
 * (and valueTypes for spans that hold an error-looking string such as "#N/A", to tell an error from text).
 * That keeps one sync per block plus one at the end, exact formats where they matter, and the extra bytes inside
 * the same budget. Formats of text, boolean and empty cells are left null.
 */

export interface ReadWarning {
  key: MessageKey;
  values: Record<string, string | number>;
}

type Ctx = Excel.RequestContext;

interface Used {
  row0: number;
  col0: number;
  rows: number;
  cols: number;
}

interface SheetState {
  name: string;
  hidden: boolean;
  grid: Grid;
  used: Used | null;
}

/** A follow-up load for one column span of a block already read. */
interface Detail {
  sheet: SheetState;
  kind: 'numberFormat' | 'valueTypes';
  /** 0-based absolute row and column. */
  row: number;
  col: number;
  rows: number;
}

const ERROR_TEXT = /^#(N\/A|NAME\?|REF!|VALUE!|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/;
const MAX_PROBES_PER_SHEET = 4096;
const PROBES_PER_SYNC = 5000;
const MERGE_BANDS_DEPTH = 4;

export interface ReadOptions {
  caps: Capabilities;
  progress?: HostProgress;
  warnings: ReadWarning[];
}

export async function readWorkbookWith(ctx: Ctx, opts: ReadOptions): Promise<WorkbookRead> {
  const { progress, warnings } = opts;
  const signal = progress?.signal;
  const wb = ctx.workbook;

  // 1. sheets, tables, date system
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const tables = wb.tables.load('items/name,items/worksheet/name');
  const probe = wb.functions.date(1904, 1, 1).load('value');
  let date1904 = false;
  try {
    await ctx.sync();
    date1904 = probe.value === 0;
  } catch (e) {
    throw toHostError(e);
  }
  const states: SheetState[] = sheets.items.map((ws) => {
    const hidden = ws.visibility !== 'Visible';
    const grid: Grid = { name: ws.name, values: [], formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904 };
    if (hidden) grid.hidden = true;
    return { name: ws.name, hidden, grid, used: null };
  });
  const existing = {
    sheets: states.map((s) => s.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    marks: true,
  };
  const ws = (s: SheetState) => wb.worksheets.getItem(s.name);

  // 2. used ranges, with whether any rows/columns are hidden; each sheet's own names, for our ownership mark
  const usedProxies = states.map((s) => ws(s).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden'));
  const nameProxies = states.map((s) => ws(s).names.load('items/name,items/formula'));
  await syncOrThrow(ctx, {});
  states.forEach((s, i) => {
    const mark = nameProxies[i].items.find((n) => n.name.toLowerCase() === OWNER_MARK_NAME.toLowerCase());
    s.grid.ownerMark = mark ? markToken(String(mark.formula)) : null;
  });
  const rowProbes: Probe[] = [];
  const colProbes: Probe[] = [];
  states.forEach((s, i) => {
    const u = usedProxies[i];
    if (u.isNullObject) return;
    s.used = { row0: u.rowIndex, col0: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
    settle(s, 'row', s.used.row0, s.used.rows, u.rowHidden, rowProbes);
    settle(s, 'col', s.used.col0, s.used.cols, u.columnHidden, colProbes);
  });
  const withData = states.filter((s) => s.used);

  // 3. merged areas
  if (opts.caps.mergedAreas && withData.length) await readMerges(ctx, withData, warnings);

  // 4. hidden rows and columns, by bisection where some are hidden
  let probes = [...rowProbes, ...colProbes];
  if (opts.caps.specialCells && probes.length) {
    const resolved = await hiddenFromVisibleCells(ctx, [...new Set(probes.map((p) => p.sheet))]);
    probes = probes.filter((p) => !resolved.has(p.sheet));
  }
  await bisectHidden(ctx, probes, warnings);

  // 5. values in row blocks
  const totalRows = withData.reduce((n, s) => n + (s.used as Used).rows, 0);
  let doneRows = 0;
  let pending: Detail[] = [];
  /** Observed bytes per cell of numberFormat / valueTypes responses (start conservative). */
  const perCell = { numberFormat: 24, valueTypes: 12 };
  /** Observed JSON bytes per value cell (start conservative), to guess the size of a sheet not read yet. */
  let valueCellBytes = 24;
  const finished = new Set<SheetState>();
  for (let si = 0; si < withData.length; si++) {
    const s = withData[si];
    if (finished.has(s)) continue;
    const used = s.used as Used;
    const sheet = ws(s);
    let bytesPerRow = 0;
    let n = Math.max(1, Math.min(FIRST_BLOCK_ROWS, Math.floor(MAX_BLOCK_CELLS / used.cols)));
    let done = 0;
    let packing = true;
    while (done < used.rows) {
      throwIfAborted(signal);
      n = Math.min(n, used.rows - done);
      // Follow-up loads ride along, up to what the budget leaves beside this block (unknown size: half of it).
      const blockBytes = bytesPerRow > 0 ? n * bytesPerRow : Math.min(SYNC_BUDGET / 2, n * used.cols * valueCellBytes);
      // Small sheets after this one, read whole in the same sync while the estimate fits (a workbook of many
      // small sheets then costs a few syncs, not one per sheet).
      const companions: { s: SheetState; range: Excel.Range }[] = [];
      let left = SYNC_BUDGET - blockBytes - 65_536;
      if (packing && done + n >= used.rows) {
        for (let k = si + 1; k < withData.length; k++) {
          const o = withData[k];
          const u = o.used as Used;
          const guess = u.rows * u.cols * valueCellBytes * 1.5;
          if (u.rows > FIRST_BLOCK_ROWS || guess > left) break;
          companions.push({ s: o, range: ws(o).getRangeByIndexes(u.row0, u.col0, u.rows, u.cols).load('values') });
          left -= guess;
        }
      }
      const room = Math.max(65_536, left);
      const [take, rest] = takeDetails(pending, room, perCell);
      const block = sheet.getRangeByIndexes(used.row0 + done, used.col0, n, used.cols).load('values');
      const loads = take.map((d) => ({ d, range: ws(d.sheet).getRangeByIndexes(d.row, d.col, d.rows, 1).load(d.kind) }));
      let ok = true;
      try {
        await ctx.sync();
      } catch (e) {
        if (!isPayloadLimit(e)) throw toHostError(e, { sheet: s.name });
        ok = false;
      }
      const values = ok ? (block.values as unknown[][] | null) : null;
      if (!values) {
        // Too big: first drop the companions, then halve the block; when a single row is still too big, send the
        // follow-ups on their own before giving up.
        if (companions.length) {
          packing = false;
          continue;
        }
        if (n > 1) {
          n = Math.ceil(n / 2);
          bytesPerRow = 0;
          continue;
        }
        if (pending.length) {
          await flushDetails(ctx, pending, perCell, s.name);
          pending = [];
          continue;
        }
        throw toHostError({ code: 'RequestPayloadSizeLimitExceeded', message: 'one row exceeds the payload limit' }, { sheet: s.name, row: used.row0 + done + 1 });
      }
      applyDetails(loads, perCell);
      pending = rest;
      pending.push(...ingest(s, used.row0 + done, used.col0, values));
      const bytes = jsonBytes(values);
      valueCellBytes = Math.max(4, bytes / (n * used.cols));
      bytesPerRow = Math.max(1, bytes / n);
      done += n;
      doneRows += n;
      for (const c of companions) {
        const got = c.range.values as unknown[][] | null;
        if (!got) continue; // too many cells after all: read in blocks when its turn comes
        const u = c.s.used as Used;
        pending.push(...ingest(c.s, u.row0, u.col0, got));
        finished.add(c.s);
        doneRows += u.rows;
      }
      progress?.onProgress?.('read', doneRows, totalRows);
      const next = Math.floor(SYNC_BUDGET / (bytesPerRow + detailBytesPerRow(s, used, perCell)));
      n = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(MAX_BLOCK_CELLS / used.cols), next));
    }
  }
  throwIfAborted(signal);
  if (pending.length) await flushDetails(ctx, pending, perCell);
  for (const s of states) finishGrid(s.grid);
  return { grids: states.map((s) => s.grid), existing };
}

async function syncOrThrow(ctx: Ctx, step: { sheet?: string }): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    throw toHostError(e, step);
  }
}

/** Bytes per row the follow-ups of a block are likely to add (numeric columns × observed format bytes). */
function detailBytesPerRow(s: SheetState, used: Used, perCell: Record<Detail['kind'], number>): number {
  const lastRow = s.grid.values[s.grid.values.length - 1];
  if (!lastRow) return 0;
  let numeric = 0;
  for (let c = used.col0; c < used.col0 + used.cols; c++) if (typeof lastRow[c] === 'number') numeric++;
  return numeric * perCell.numberFormat;
}

function takeDetails(pending: Detail[], room: number, perCell: Record<Detail['kind'], number>): [Detail[], Detail[]] {
  const take: Detail[] = [];
  const rest: Detail[] = [];
  let left = room;
  for (const d of pending) {
    const cost = d.rows * perCell[d.kind] + 64;
    if (cost <= left) {
      take.push(d);
      left -= cost;
      continue;
    }
    const fit = Math.floor((left - 64) / perCell[d.kind]);
    if (fit >= 1 && left > 0) {
      take.push({ ...d, rows: fit });
      rest.push({ ...d, row: d.row + fit, rows: d.rows - fit });
      left = 0;
    } else rest.push(d);
  }
  return [take, rest];
}

/** Send the remaining follow-ups in syncs of at most the budget, halving on a payload error. */
async function flushDetails(ctx: Ctx, details: Detail[], perCell: Record<Detail['kind'], number>, sheet?: string): Promise<void> {
  let queue = details;
  let room = SYNC_BUDGET;
  while (queue.length) {
    const [take, rest] = takeDetails(queue, room, perCell);
    if (!take.length) {
      room = SYNC_BUDGET;
      continue;
    }
    const loads = take.map((d) => ({ d, range: ctx.workbook.worksheets.getItem(d.sheet.name).getRangeByIndexes(d.row, d.col, d.rows, 1).load(d.kind) }));
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw toHostError(e, { sheet });
      if (take.length === 1 && take[0].rows === 1) throw toHostError(e, { sheet: take[0].sheet.name, row: take[0].row + 1 });
      room = Math.max(1, Math.floor(room / 2));
      continue;
    }
    applyDetails(loads, perCell);
    queue = rest;
    room = SYNC_BUDGET;
  }
}

/** Apply a sync's follow-ups and update the bytes-per-cell estimate from what they actually cost. */
function applyDetails(loads: { d: Detail; range: Excel.Range }[], perCell: Record<Detail['kind'], number>): void {
  const bytes = { numberFormat: 0, valueTypes: 0 };
  const cells = { numberFormat: 0, valueTypes: 0 };
  for (const { d, range } of loads) {
    const got = applyDetail(d, range);
    if (!got) continue;
    bytes[d.kind] += jsonBytes(got);
    cells[d.kind] += d.rows;
  }
  for (const k of ['numberFormat', 'valueTypes'] as const) if (cells[k]) perCell[k] = Math.max(4, Math.min(64, (bytes[k] + 16 * loads.length) / cells[k]));
}

function applyDetail(d: Detail, range: Excel.Range): unknown[][] | null {
  const grid = d.sheet.grid;
  const got = (d.kind === 'numberFormat' ? range.numberFormat : range.valueTypes) as unknown[][] | null;
  if (!got) return null;
  for (let i = 0; i < d.rows; i++) {
    const r = d.row + i;
    const row = grid.values[r];
    if (!row) continue;
    const v = row[d.col];
    const x = got[i]?.[0];
    if (d.kind === 'numberFormat') {
      // Excel hands over format codes, classified later by core's one classifier (number-format.ts), as the file readers' are.
      const fmt = typeof x === 'string' ? gridFormat(x) : null;
      if (typeof v === 'number' && fmt) (grid.formats[r] ??= [])[d.col] = fmt;
    } else if (typeof v === 'string' && x === 'Error') {
      row[d.col] = { error: v };
    }
  }
  return got;
}

/** Put one block into the grid; return the follow-up loads it needs (formats of numbers, types of "#…" text). */
function ingest(s: SheetState, row0: number, col0: number, values: unknown[][]): Detail[] {
  const grid = s.grid;
  const ncol = values[0]?.length ?? 0;
  const numSpan: [number, number][] = Array.from({ length: ncol }, () => [-1, -1]);
  const errSpan: [number, number][] = Array.from({ length: ncol }, () => [-1, -1]);
  const mark = (span: [number, number], r: number) => {
    if (span[0] < 0) span[0] = r;
    span[1] = r;
  };
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    const r = row0 + i;
    let row: GridValue[] | undefined;
    for (let j = 0; j < ncol; j++) {
      const v = src[j];
      let out: GridValue = null;
      if (typeof v === 'number') {
        out = v;
        mark(numSpan[j], r);
      } else if (typeof v === 'boolean') out = v;
      else if (typeof v === 'string' && v !== '') {
        out = v;
        if (ERROR_TEXT.test(v)) mark(errSpan[j], r);
      }
      if (out !== null) (row ??= grid.values[r] ??= [])[col0 + j] = out;
    }
  }
  const details: Detail[] = [];
  for (let j = 0; j < ncol; j++) {
    const [a, b] = numSpan[j];
    if (a >= 0) details.push({ sheet: s, kind: 'numberFormat', row: a, col: col0 + j, rows: b - a + 1 });
    const [e0, e1] = errSpan[j];
    if (e0 >= 0) details.push({ sheet: s, kind: 'valueTypes', row: e0, col: col0 + j, rows: e1 - e0 + 1 });
  }
  return details;
}

/** Dense rows (missing → []), nulls for holes, formats the same shape, trailing empties dropped. */
function finishGrid(grid: Grid): void {
  const values = grid.values;
  const formats = grid.formats;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
    row.length = n;
    for (let c = 0; c < n; c++) if (row[c] === undefined) row[c] = null;
    values[r] = row;
    const f = formats[r] ?? [];
    f.length = n;
    for (let c = 0; c < n; c++) if (f[c] === undefined) f[c] = null;
    formats[r] = f;
  }
  formats.length = values.length;
}

// ---------------------------------------------------------------- merges

const AREA = /(?:'(?:[^']|'')*'|[^',!]+)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** "Sheet1!A1:B2,'My, sheet'!C3:D4" → merged ranges (1-based). */
export function parseAreas(address: string): MergedRange[] {
  const out: MergedRange[] = [];
  for (const m of address.matchAll(AREA)) {
    const top = Number(m[2]);
    const left = columnNumber(m[1]);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? columnNumber(m[3]) : left;
    out.push({ top, left, bottom, right });
  }
  return out;
}

async function readMerges(ctx: Ctx, sheets: SheetState[], warnings: ReadWarning[]): Promise<void> {
  const all = sheets.map((s) => {
    const u = s.used as Used;
    return ctx.workbook.worksheets.getItem(s.name).getRangeByIndexes(u.row0, u.col0, u.rows, u.cols).getMergedAreasOrNullObject().load('address');
  });
  try {
    await ctx.sync();
    sheets.forEach((s, i) => {
      if (!all[i].isNullObject) s.grid.merges = parseAreas(all[i].address);
    });
    return;
  } catch (e) {
    if (richCodeIs(e, 'InvalidOperationInCellEditMode')) throw toHostError(e);
  }
  // Some sheet has more than 512 merged areas: read sheet by sheet, splitting the failing one into bands.
  for (const s of sheets) {
    const u = s.used as Used;
    const found = new Map<string, MergedRange>();
    const complete = await mergesInBand(ctx, s.name, u.row0, u.rows, u, found, 0);
    s.grid.merges = [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
    if (!complete) warnings.push({ key: 'excel.host.warn.merges', values: { sheet: s.name } });
  }
}

async function mergesInBand(ctx: Ctx, sheet: string, row0: number, rows: number, u: Used, found: Map<string, MergedRange>, depth: number): Promise<boolean> {
  const areas = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(row0, u.col0, rows, u.cols).getMergedAreasOrNullObject().load('address');
  try {
    await ctx.sync();
  } catch (e) {
    if (richCodeIs(e, 'InvalidOperationInCellEditMode')) throw toHostError(e);
    if (depth >= MERGE_BANDS_DEPTH || rows < 2) return false;
    const half = Math.ceil(rows / 2);
    const a = await mergesInBand(ctx, sheet, row0, half, u, found, depth + 1);
    const b = await mergesInBand(ctx, sheet, row0 + half, rows - half, u, found, depth + 1);
    return a && b;
  }
  if (!areas.isNullObject) for (const m of parseAreas(areas.address)) found.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
  return true;
}

const richCodeIs = (e: unknown, code: string) => (e as { code?: unknown } | null)?.code === code;

// ---------------------------------------------------------------- hidden rows / columns

interface Probe {
  sheet: SheetState;
  axis: 'row' | 'col';
  start: number;
  count: number;
}

function settle(s: SheetState, axis: Probe['axis'], start: number, count: number, hidden: boolean | null, out: Probe[]): void {
  if (hidden === false) return;
  if (hidden === true || count === 1) {
    if (hidden === true) {
      const list = axis === 'row' ? s.grid.hiddenRows : s.grid.hiddenColumns;
      for (let i = 0; i < count; i++) list.push(start + i + 1);
    }
    return;
  }
  const half = Math.ceil(count / 2);
  out.push({ sheet: s, axis, start, count: half }, { sheet: s, axis, start: start + half, count: count - half });
}

/** Hidden rows/columns from the visible cells' areas (ExcelApi 1.9); returns the sheets it settled. */
async function hiddenFromVisibleCells(ctx: Ctx, sheets: SheetState[]): Promise<Set<SheetState>> {
  const done = new Set<SheetState>();
  const areas = sheets.map((s) => {
    const u = s.used as Used;
    return ctx.workbook.worksheets
      .getItem(s.name)
      .getRangeByIndexes(u.row0, u.col0, u.rows, u.cols)
      .getSpecialCellsOrNullObject('Visible' as Excel.SpecialCellType)
      .load('address');
  });
  try {
    await ctx.sync();
  } catch (e) {
    if (richCodeIs(e, 'InvalidOperationInCellEditMode')) throw toHostError(e);
    return done; // e.g. too many areas: bisection takes over
  }
  sheets.forEach((s, i) => {
    if (areas[i].isNullObject) return; // nothing visible at all: let bisection tell rows from columns
    const u = s.used as Used;
    const rows = new Uint8Array(u.rows);
    const cols = new Uint8Array(u.cols);
    for (const a of parseAreas(areas[i].address)) {
      for (let r = Math.max(a.top - 1, u.row0); r <= Math.min(a.bottom - 1, u.row0 + u.rows - 1); r++) rows[r - u.row0] = 1;
      for (let c = Math.max(a.left - 1, u.col0); c <= Math.min(a.right - 1, u.col0 + u.cols - 1); c++) cols[c - u.col0] = 1;
    }
    s.grid.hiddenRows = [...new Set([...s.grid.hiddenRows, ...[...rows.keys()].filter((i) => !rows[i]).map((i) => u.row0 + i + 1)])].sort((a, b) => a - b);
    s.grid.hiddenColumns = [...new Set([...s.grid.hiddenColumns, ...[...cols.keys()].filter((i) => !cols[i]).map((i) => u.col0 + i + 1)])].sort((a, b) => a - b);
    done.add(s);
  });
  return done;
}

async function bisectHidden(ctx: Ctx, probes: Probe[], warnings: ReadWarning[]): Promise<void> {
  const spent = new Map<SheetState, number>();
  const gaveUp = new Set<SheetState>();
  let queue = probes;
  while (queue.length) {
    const now: Probe[] = [];
    for (const p of queue) {
      const used = (spent.get(p.sheet) ?? 0) + 1;
      if (used > MAX_PROBES_PER_SHEET) {
        gaveUp.add(p.sheet);
        continue;
      }
      spent.set(p.sheet, used);
      now.push(p);
    }
    if (!now.length) break;
    const next: Probe[] = [];
    // A probe costs ~200 bytes of request: chunks of PROBES_PER_SYNC keep each sync far below the limit.
    for (let at = 0; at < now.length; at += PROBES_PER_SYNC) {
      const chunk = now.slice(at, at + PROBES_PER_SYNC);
      const loaded = chunk.map((p) => {
        const u = p.sheet.used as Used;
        const ws = ctx.workbook.worksheets.getItem(p.sheet.name);
        const range = p.axis === 'row' ? ws.getRangeByIndexes(p.start, u.col0, p.count, 1) : ws.getRangeByIndexes(u.row0, p.start, 1, p.count);
        return range.load(p.axis === 'row' ? 'rowHidden' : 'columnHidden');
      });
      await syncOrThrow(ctx, {});
      chunk.forEach((p, i) => settle(p.sheet, p.axis, p.start, p.count, p.axis === 'row' ? loaded[i].rowHidden : loaded[i].columnHidden, next));
    }
    queue = next;
  }
  for (const s of new Set(probes.map((p) => p.sheet))) {
    s.grid.hiddenRows.sort((a, b) => a - b);
    s.grid.hiddenColumns.sort((a, b) => a - b);
  }
  for (const s of gaveUp) warnings.push({ key: 'excel.host.warn.hiddenRows', values: { sheet: s.name } });
}
