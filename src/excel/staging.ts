/// <reference types="office-js" />
import type { SheetLayout } from '../core/report/layout';
import type { WritePlan } from '../core/report/write-plan';
import { STAGING_COLUMN, STATE_SHEET, stagingCells, stateCells, type StagingRecord, type WorkbookState } from '../core/state';

/**
 * Office.js has no transactions, so a run's generated sheets are written beside the old ones and switched in at the
 * end (issue 21):
 *
 * 1. stage (one sync): the staging record goes into column B of the state sheet (the sheet is created first on a
 *    first run), then one hidden staging sheet per generated sheet is added, under a name no clerk would type;
 * 2. fill (write.ts): the staging sheets are filled exactly as the final sheets would be, their tables under staging
 *    names (a table name is unique in the whole workbook, and the old sheets still hold the final ones);
 * 3. switch (one sync, in this order): the record says 'switching'; each old sheet is deleted and its staging sheet
 *    renamed into its place in the tab order and shown; stale sheets of ours removed; tables renamed; the new state
 *    written into column A in one action; the record cleared last.
 *
 * What follows a rename: a sheet's own cells, hyperlinks, conditional formats, freeze panes, page setup and tables
 * move with it, and chart series are formulas, which Excel rewrites to the new sheet name. Hyperlinks *to* a sheet
 * are text: ours always name the final sheet, which is right once the switch is done. Table names do not follow (they
 * are not sheet-scoped), hence the renames.
 *
 * A failure before the switch removes the staging sheets (previous results untouched). A failure during the switch is
 * finished at once if Excel still answers, else by the next read (the next run, or the pane opening), which finds the
 * record: 'filling' → remove the staging sheets; 'switching' → finish the switch. Every step of the repair checks what
 * exists first, so it can run on any prefix of the switch, and again.
 */

type Ctx = Excel.RequestContext;

/** Sheet names start with this; no clerk would pick it (and it cannot collide: the record names them). */
export const STAGING_PREFIX = 'ClerkDesk~stg~';
const TABLE_PREFIX = 'ClerkDesk_stg_';
/** Rows of column B the write path loads to find a record left behind (64 chunks of 30,000 characters). */
const RECORD_ROWS = 64;

export interface Staged {
  record: StagingRecord;
  /** The plan's layouts to fill, under staging sheet and table names (hidden). */
  layouts: SheetLayout[];
  /** The state sheet's layout (written by the switch, not staged). */
  stateLayout: SheetLayout | undefined;
  /** Staging sheet or table name → final name, to name the final sheet in an error message. */
  finalName: Map<string, string>;
}

/** A short random token, so two runs (or a leftover) never share a staging name. */
export function stagingToken(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}

/**
 * Name the staging sheets and tables of a plan and build the record. `order` is the workbook's tab order now, so that
 * a staging sheet can take exactly the place of the sheet it replaces.
 */
export function stagePlan(plan: WritePlan, opts: { token: string; order: readonly string[]; live: ReadonlySet<string>; stateExists: boolean; next?: WorkbookState }): Staged {
  const finalName = new Map<string, string>();
  const sheets: StagingRecord['sheets'] = [];
  const tables: StagingRecord['tables'] = [];
  const layouts: SheetLayout[] = [];
  let n = 0;
  for (const l of plan.layouts) {
    if (l.name === STATE_SHEET) continue;
    const staging = `${STAGING_PREFIX}${opts.token}~${++n}`;
    finalName.set(staging, l.name);
    const position = opts.live.has(l.name) ? opts.order.indexOf(l.name) : -1;
    sheets.push({ staging, final: l.name, hidden: l.hidden, ...(position >= 0 ? { position } : {}) });
    const renamed = l.tables.map((t) => {
      const name = `${TABLE_PREFIX}${opts.token}_${tables.length + 1}`;
      tables.push({ staging: name, final: t.name });
      finalName.set(name, t.name);
      return { ...t, name };
    });
    layouts.push({ ...l, name: staging, hidden: true, tables: renamed });
  }
  const present = new Set(opts.order);
  const record: StagingRecord = {
    phase: 'filling',
    sheets,
    remove: plan.remove.filter((r) => present.has(r) && !opts.live.has(r)),
    tables,
    ...(opts.next ? { next: withoutStaging(opts.next) } : {}),
    createdStateSheet: !opts.stateExists,
  };
  return { record, layouts, stateLayout: plan.layouts.find((l) => l.name === STATE_SHEET), finalName };
}

// Every field of the state but the staging record itself (the in-transit lines, our company … travel with it).
const withoutStaging = ({ staging: _staging, ...rest }: WorkbookState): NonNullable<StagingRecord['next']> => rest;

/** Column B cells for a record, padded with empty cells to `rows` (so one write replaces any earlier record whole). */
function recordValues(record: StagingRecord | null, rows: number): string[][] {
  const cells = record ? stagingCells(record) : [];
  // An apostrophe keeps the JSON text whatever the cell's format (see encodeCell in write.ts).
  return Array.from({ length: Math.max(rows, cells.length, 1) }, (_, i) => [cells[i] !== undefined ? `'${cells[i]}` : '']);
}

function recordRange(ws: Excel.Worksheet, rows: number): Excel.Range {
  return ws.getRangeByIndexes(0, STAGING_COLUMN - 1, rows, 1);
}

/** Queue: write the record into column B (one action, so the record is never half written). Returns the rows used. */
export function queueRecord(ws: Excel.Worksheet, record: StagingRecord, previousRows: number): number {
  const values = recordValues(record, previousRows);
  recordRange(ws, values.length).values = values;
  return values.length;
}

/**
 * Queue the stage step: on a first run the state sheet (hidden, header only, placed after the staging sheets), the
 * record, then the hidden staging sheets. The record goes first so that any staging sheet that exists is recorded.
 */
export function queueStage(ctx: Ctx, staged: Staged, sheetCount: number): number {
  const wb = ctx.workbook;
  let stateWs: Excel.Worksheet;
  if (staged.record.createdStateSheet) {
    stateWs = wb.worksheets.add(STATE_SHEET);
    stateWs.visibility = 'Hidden' as Excel.SheetVisibility;
  } else {
    stateWs = wb.worksheets.getItem(STATE_SHEET);
  }
  const rows = queueRecord(stateWs, staged.record, 0);
  for (const s of staged.record.sheets) {
    const ws = wb.worksheets.add(s.staging);
    ws.visibility = 'Hidden' as Excel.SheetVisibility;
  }
  // The state sheet comes after the generated sheets, as the file host writes it.
  if (staged.record.createdStateSheet) stateWs.position = sheetCount + staged.record.sheets.length;
  return rows;
}

/** Undo a stage this run began (whether or not its record was written): two syncs. */
export async function undoStage(ctx: Ctx, staged: Staged): Promise<void> {
  const load = loadScene(ctx);
  await ctx.sync();
  const scene = sceneOf(load, null);
  // The record, if written, is rows 1..n of column B; clearing RECORD_ROWS rows covers it.
  queueUndo(ctx, staged.record, { sheets: scene.sheets, recordRows: stagingCells(staged.record).length }, staged.record.createdStateSheet);
  await ctx.sync();
}

/** What the switch needs to know of the workbook as it is now. */
export interface SwitchScene {
  /** Sheet names now (case as in the workbook). */
  sheets: ReadonlySet<string>;
  /** Table names now. */
  tables: ReadonlySet<string>;
  sheetCount: number;
  /** Visible sheet names now (lower case), when known. */
  visible?: ReadonlySet<string>;
  /** Rows of column A the state occupies now (header included), and whether the state sheet has a table. */
  stateRows: number;
  stateHasTable: boolean;
  /** Columns the state sheet uses now: anything right of A:B is not ours to keep. */
  stateCols: number;
  recordRows: number;
}

/**
 * Queue the switch (or the rest of one): every action checks the scene first, so this also finishes a switch that
 * stopped at any point. The record is cleared last.
 */
export function queueSwitch(ctx: Ctx, record: StagingRecord, scene: SwitchScene, stateLayout?: SheetLayout): void {
  const wb = ctx.workbook;
  const has = (name: string) => scene.sheets.has(name.toLowerCase());
  const stateWs = wb.worksheets.getItem(STATE_SHEET);
  const recordRows = queueRecord(stateWs, { ...record, phase: 'switching' }, scene.recordRows);
  // In order of place, so that each staging sheet lands exactly where the sheet it replaces was (see docs above).
  // A sheet whose staging name is gone was renamed already (its old sheet had to be deleted first): it may still
  // need its place and to be shown.
  const ordered = record.sheets.filter((s) => has(s.staging) || has(s.final)).sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity));
  let count = scene.sheetCount;
  // Excel refuses to delete the last visible sheet: when every visible sheet is one this switch deletes, the first
  // staging sheet is shown before its old sheet goes (a moment in which a staging sheet is visible, only then).
  const deleted = new Set([...ordered.map((s) => s.final), ...record.remove].map((n) => n.toLowerCase()));
  let mustShowFirst = scene.visible !== undefined && ![...scene.visible].some((n) => !deleted.has(n));
  for (const s of ordered) {
    let ws: Excel.Worksheet;
    if (has(s.staging)) {
      ws = wb.worksheets.getItem(s.staging);
      if (mustShowFirst && !s.hidden) {
        ws.visibility = 'Visible' as Excel.SheetVisibility;
        mustShowFirst = false;
      }
      if (has(s.final)) {
        wb.worksheets.getItem(s.final).delete();
        count--;
      }
      ws.name = s.final;
    } else {
      ws = wb.worksheets.getItem(s.final);
    }
    if (s.position !== undefined) ws.position = Math.min(s.position, count - 1);
    if (!s.hidden) ws.visibility = 'Visible' as Excel.SheetVisibility;
  }
  for (const name of record.remove) if (has(name)) wb.worksheets.getItem(name).delete();
  for (const t of record.tables) if (scene.tables.has(t.staging.toLowerCase())) wb.tables.getItem(t.staging).name = t.final;
  if (record.next) queueState(stateWs, record.next, scene, stateLayout);
  recordRange(stateWs, Math.max(recordRows, RECORD_ROWS)).clear('All' as Excel.ClearApplyTo);
}

/** The new state into column A: one action for the text (never half a state), then the table and tidy-up. */
function queueState(ws: Excel.Worksheet, next: NonNullable<StagingRecord['next']>, scene: SwitchScene, layout?: SheetLayout): void {
  const cells = ['json', ...stateCells(next)];
  const header = layout?.tables[0]?.headers[0] ?? 'json';
  cells[0] = header;
  const rows = Math.max(cells.length, scene.stateRows);
  const values = Array.from({ length: rows }, (_, i) => [cells[i] ?? '']);
  const range = ws.getRangeByIndexes(0, 0, rows, 1);
  range.numberFormat = values.map(() => ['@']);
  range.values = values;
  if (scene.stateCols > STAGING_COLUMN) ws.getRangeByIndexes(0, STAGING_COLUMN, 1, 16_384 - STAGING_COLUMN).getEntireColumn().clear('All' as Excel.ClearApplyTo);
  if (!scene.stateHasTable) {
    const table = ws.tables.add(ws.getRangeByIndexes(0, 0, cells.length, 1), true);
    table.name = layout?.tables[0]?.name ?? STATE_SHEET;
  }
  ws.visibility = 'Hidden' as Excel.SheetVisibility;
}

/** Queue the undo of a stage that never reached the switch: staging sheets removed, the record cleared. */
export function queueUndo(ctx: Ctx, record: StagingRecord, scene: Pick<SwitchScene, 'sheets' | 'recordRows'>, createdStateSheet: boolean): void {
  const wb = ctx.workbook;
  for (const s of record.sheets) if (scene.sheets.has(s.staging.toLowerCase())) wb.worksheets.getItem(s.staging).delete();
  if (!scene.sheets.has(STATE_SHEET.toLowerCase())) return;
  if (createdStateSheet) wb.worksheets.getItem(STATE_SHEET).delete();
  else recordRange(wb.worksheets.getItem(STATE_SHEET), Math.max(scene.recordRows, RECORD_ROWS)).clear('All' as Excel.ClearApplyTo);
}

/** Load (queue) what a repair or a switch needs to see; read it after the sync with `sceneOf`. */
export function loadScene(ctx: Ctx) {
  const wb = ctx.workbook;
  const sheets = wb.worksheets.load('items/name,items/visibility');
  const tables = wb.tables.load('items/name');
  const state = wb.worksheets.getItemOrNullObject(STATE_SHEET);
  state.load('name');
  return { sheets, tables, state };
}

/** Second step of loading: the state sheet's used size, table and record cells (only if the sheet exists). */
export function loadStateSheet(ws: Excel.Worksheet) {
  const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
  const tables = ws.tables.load('items/name');
  const record = recordRange(ws, RECORD_ROWS).load('values');
  return { used, tables, record };
}

export type SceneLoad = ReturnType<typeof loadScene>;
export type StateLoad = ReturnType<typeof loadStateSheet>;

export function sceneOf(load: SceneLoad, state: StateLoad | null): SwitchScene {
  const used = state && !state.used.isNullObject ? state.used : null;
  const recordRows = state ? state.record.values.reduce((n, row, i) => (row[0] !== '' && row[0] !== null ? i + 1 : n), 0) : 0;
  return {
    sheets: new Set(load.sheets.items.map((s) => s.name.toLowerCase())),
    tables: new Set(load.tables.items.map((t) => t.name.toLowerCase())),
    sheetCount: load.sheets.items.length,
    visible: new Set(load.sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name.toLowerCase())),
    stateRows: used ? used.rowIndex + used.rowCount : 0,
    stateHasTable: !!state && state.tables.items.length > 0,
    stateCols: used ? used.columnIndex + used.columnCount : 0,
    recordRows,
  };
}

/** The record found in column B, if any (cells as loaded). */
export function recordOf(state: StateLoad | null): StagingRecord | undefined {
  if (!state) return undefined;
  const cells = state.record.values.map((r) => r[0]);
  const texts = cells.filter((v): v is string => typeof v === 'string' && v !== '');
  if (!texts.length || !texts[0].startsWith('{')) return undefined;
  try {
    const r = JSON.parse(texts.join('')) as StagingRecord;
    return r && (r.phase === 'filling' || r.phase === 'switching') && Array.isArray(r.sheets) ? r : undefined;
  } catch {
    return undefined;
  }
}

export type RepairOutcome = 'none' | 'undone' | 'finished';

/**
 * Finish or undo a run that stopped while staging (three syncs: look, read the record, act). Safe to run on any state
 * the stage or the switch can stop in, and again.
 */
export async function repairWith(ctx: Ctx): Promise<RepairOutcome> {
  const scene = loadScene(ctx);
  await ctx.sync();
  if (scene.state.isNullObject) return 'none';
  const stateLoad = loadStateSheet(ctx.workbook.worksheets.getItem(STATE_SHEET));
  await ctx.sync();
  const record = recordOf(stateLoad);
  if (!record) return 'none';
  const now = sceneOf(scene, stateLoad);
  if (record.phase === 'filling') {
    queueUndo(ctx, record, now, record.createdStateSheet);
    await ctx.sync();
    return 'undone';
  }
  queueSwitch(ctx, record, now);
  await ctx.sync();
  return 'finished';
}
