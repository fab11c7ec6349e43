import type { Grid } from './grid';
import type { SheetSpec } from './sheet-spec';
import type { TableKind } from './tables/kinds';
import { parseCompanySettings, type CompanySettings } from './report/company';

const withCompany = (company: CompanySettings | undefined) => (company ? { company } : {});

/**
 * What Clerk Desk remembers inside the workbook (design rule 5): which sheets it generated, and the clerk's
 * overrides of kind and column mapping. It lives as JSON text in a hidden sheet that Clerk Desk owns, so both
 * hosts read and write it the same way and it travels with the file.
 */

export const STATE_SHEET = 'ClerkDesk_state';
/** One cell holds at most 32,767 characters; the JSON is split across rows in chunks well below that. */
const CHUNK = 30_000;

export interface SheetOverride {
  /** The kind to use, or 'ignore' to skip the sheet. */
  kind?: TableKind | 'ignore';
  /** 1-based header row to use instead of the detected one. */
  headerRow?: number;
  /** field → 1-based column number, or null to unmap a field. */
  columns?: Record<string, number | null>;
}

export interface OwnedSheet {
  sheet: string;
  purpose: string;
  /**
   * The token of the mark written into the sheet itself (OWNER_MARK_NAME). A sheet of this name without the same
   * mark is not ours (she deleted ours and made her own). Absent in states of older versions: ownership by name.
   */
  mark?: string;
}

/**
 * The sheet-scoped defined name that marks a sheet as ours. It lives in the sheet's own scope, so it travels with the
 * sheet (a rename, a move) and goes with it when the sheet is deleted; Excel, WPS and LibreOffice keep sheet-scoped
 * names when they save (LibreOffice shows it, which is harmless). Its value is a text constant: the token.
 */
export const OWNER_MARK_NAME = '_ClerkDesk_Owned';

/** The formula a mark name holds for a token, and the token a formula holds (null when it is not one of ours). */
export const markFormula = (token: string): string => `"${token}"`;
export function markToken(formula: string): string | null {
  const m = /^=?\s*"([^"]*)"\s*$/.exec(formula);
  return m ? m[1] : null;
}

/**
 * Does the sheet a state entry names still carry that entry's mark? An entry without a mark (an older state), or a
 * grid from a host that does not read marks, is judged by name as before.
 */
function stillOurs(entry: OwnedSheet, grids: readonly Grid[]): boolean {
  if (entry.mark === undefined) return true;
  const grid = grids.find((g) => g.name === entry.sheet);
  if (!grid || grid.ownerMark === undefined) return true;
  return grid.ownerMark === entry.mark;
}

/** Sheets the state lists as ours that are hers now: ours was deleted and she made one of the same name. */
export function disownedSheets(grids: readonly Grid[]): string[] {
  return listedOwned(grids).filter((o) => !stillOurs(o, grids)).map((o) => o.sheet);
}

function listedOwned(grids: readonly Grid[]): OwnedSheet[] {
  const grid = grids.find((g) => g.name === STATE_SHEET);
  if (!grid) return [];
  const cells = grid.values.map((row) => row?.[0]).filter((v): v is string => typeof v === 'string');
  const start = cells.findIndex((c) => c.startsWith('{'));
  try {
    const parsed = JSON.parse(start < 0 ? '' : cells.slice(start).join('')) as Partial<WorkbookState>;
    return Array.isArray(parsed.owned) ? parsed.owned.filter((o) => typeof o?.sheet === 'string') : [];
  } catch {
    return [];
  }
}

/** One of our lines in transit at the end of a reconciled period: what to expect on their next statement. */
export interface CarriedInTransit {
  /** The counterparty's key (companyKey of its name). */
  party: string;
  /** The period it was in transit at the end of ('YYYY-MM' or 'from..to'), and that period's last day. */
  period: string;
  periodEnd: string;
  deliveryNo?: string;
  part?: string;
  date: string;
  /** Fen. */
  amount: number;
  /** The period whose statement booked it, once one has. */
  arrived?: string;
}

export interface WorkbookState {
  version: 1;
  owned: OwnedSheet[];
  overrides: Record<string, SheetOverride>;
  /** Reconcile's in-transit lines, carried to the next period (issue 15). */
  inTransit?: CarriedInTransit[];
  /** Our company, for the documents we send (optional: set by --company, the pane, or confirmed from titles). */
  company?: CompanySettings;
  /** A run of the Office.js host that was writing when it stopped (see StagingRecord); absent when none is. */
  staging?: StagingRecord;
}

// --- staging (issue 21): the Office.js host writes a run's sheets beside the old ones, then switches ---

/**
 * What the Office.js host records while a run's generated sheets sit on hidden staging sheets. It lives in column B
 * of the state sheet (the state itself is column A), written before the first staging sheet is filled and cleared
 * by the last action of the switch, so whoever finds it knows what to finish or undo:
 * - 'filling': the staging sheets may be incomplete and nothing of the old results was touched: remove them;
 * - 'switching': every staging sheet was complete and the switch began: finish it.
 */
export interface StagingRecord {
  phase: 'filling' | 'switching';
  /** Each staging sheet, the final name it takes, whether it stays hidden, and its place in the tab order (if it replaces one). */
  sheets: { staging: string; final: string; hidden: boolean; position?: number }[];
  /** Sheets of ours the switch removes (earlier results this run no longer produces). */
  remove: string[];
  /** Tables created under staging names (table names are unique workbook-wide), and their final names. */
  tables: { staging: string; final: string }[];
  /** The state the switch writes into column A (absent: the run leaves the state as it is). */
  next?: Omit<WorkbookState, 'staging'>;
  /** The state sheet did not exist before this run (undoing removes it). */
  createdStateSheet: boolean;
}

/** Column B of the state sheet: the staging record's JSON, in chunks like the state's. */
export const STAGING_COLUMN = 2;

function parseStaging(cells: readonly unknown[]): StagingRecord | undefined {
  const texts = cells.filter((v): v is string => typeof v === 'string');
  const start = texts.findIndex((c) => c.startsWith('{'));
  if (start < 0) return undefined;
  try {
    const r = JSON.parse(texts.slice(start).join('')) as Partial<StagingRecord>;
    if ((r.phase !== 'filling' && r.phase !== 'switching') || !Array.isArray(r.sheets)) return undefined;
    return {
      phase: r.phase,
      sheets: r.sheets.filter((x) => typeof x?.staging === 'string' && typeof x.final === 'string'),
      remove: Array.isArray(r.remove) ? r.remove.filter((x) => typeof x === 'string') : [],
      tables: Array.isArray(r.tables) ? r.tables.filter((x) => typeof x?.staging === 'string' && typeof x.final === 'string') : [],
      ...(r.next ? { next: r.next } : {}),
      createdStateSheet: r.createdStateSheet === true,
    };
  } catch {
    return undefined;
  }
}

/** The staging record as the cells of column B (one chunk a row). */
export function stagingCells(record: StagingRecord): string[] {
  return chunks(JSON.stringify(record));
}

/** The state as the cells of column A under its header (one chunk a row). */
export const stateCells = (state: WorkbookState): string[] => chunks(stateJson(state));

function chunks(json: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) out.push(json.slice(i, i + CHUNK));
  return out;
}

/** A finished state never carries a staging record (the switch clears it). */
function stateJson(state: WorkbookState): string {
  const { staging: _staging, ...rest } = state;
  return JSON.stringify(rest);
}

export const emptyState = (): WorkbookState => ({ version: 1, owned: [], overrides: {} });

/** Read the state from the workbook's grids; a missing or unreadable state sheet gives an empty state. */
export function readState(grids: readonly Grid[]): WorkbookState {
  const grid = grids.find((g) => g.name === STATE_SHEET);
  if (!grid) return emptyState();
  // Column A holds the table header, then the JSON in chunks; the JSON starts at the first cell opening with '{'.
  const cells = grid.values.map((row) => row?.[0]).filter((v): v is string => typeof v === 'string');
  const start = cells.findIndex((c) => c.startsWith('{'));
  const text = start < 0 ? '' : cells.slice(start).join('');
  try {
    const parsed = JSON.parse(text) as Partial<WorkbookState>;
    const state: WorkbookState = {
      version: 1,
      // An entry whose sheet no longer carries its mark is dropped: that sheet is hers now.
      owned: Array.isArray(parsed.owned) ? parsed.owned.filter((o) => typeof o?.sheet === 'string' && stillOurs(o, grids)) : [],
      overrides: parsed.overrides && typeof parsed.overrides === 'object' ? parsed.overrides : {},
      ...(Array.isArray(parsed.inTransit) ? { inTransit: parsed.inTransit.filter((c) => typeof c?.party === 'string' && typeof c?.period === 'string') } : {}),
      ...withCompany(parseCompanySettings(parsed.company)),
    };
    return withStaging(state, grid);
  } catch {
    return withStaging(emptyState(), grid);
  }
}

/**
 * Does this workbook hold a state sheet Clerk Desk wrote (its JSON readable, version 1)? A sheet merely named like
 * ours, holding anything else, does not count: then the file is the clerk's, not an output of ours.
 */
export function hasClerkDeskState(grids: readonly Grid[]): boolean {
  const grid = grids.find((g) => g.name === STATE_SHEET);
  if (!grid) return false;
  const cells = grid.values.map((row) => row?.[0]).filter((v): v is string => typeof v === 'string');
  const start = cells.findIndex((c) => c.startsWith('{'));
  if (start < 0) return false;
  try {
    const parsed = JSON.parse(cells.slice(start).join('')) as Partial<WorkbookState>;
    return parsed.version === 1 && Array.isArray(parsed.owned);
  } catch {
    return false;
  }
}

function withStaging(state: WorkbookState, grid: Grid): WorkbookState {
  const staging = parseStaging(grid.values.map((row) => row?.[STAGING_COLUMN - 1]));
  return staging ? { ...state, staging } : state;
}

/** The hidden sheet that stores the state. */
export function stateSheet(state: WorkbookState): SheetSpec {
  const rows = stateCells(state).map((c) => [c]);
  return {
    name: STATE_SHEET,
    purpose: 'state',
    title: [],
    hidden: true,
    tables: [{ name: 'ClerkDesk_state', columns: [{ key: 'json', header: 'json', type: 'text' }], rows }],
  };
}

/**
 * The state with our company set as the clerk's own choice (the pane's settings, or a name from her titles she
 * confirmed), or removed with null; the next run then takes it as saved, before any title.
 */
export function withCompanySetting(state: WorkbookState, company: CompanySettings | null): WorkbookState {
  const { company: _old, ...rest } = state;
  return { ...rest, ...withCompany(company ? parseCompanySettings(company) : undefined) };
}

/** Is this sheet one Clerk Desk generated (so a re-run may replace it)? */
export const isOwned = (state: WorkbookState, sheet: string): boolean =>
  sheet === STATE_SHEET || state.owned.some((o) => o.sheet === sheet);
