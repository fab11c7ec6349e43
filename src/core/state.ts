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
}

export interface WorkbookState {
  version: 1;
  owned: OwnedSheet[];
  overrides: Record<string, SheetOverride>;
  /** Our company, for the documents we send (optional: set by --company, the pane, or confirmed from titles). */
  company?: CompanySettings;
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
    return {
      version: 1,
      owned: Array.isArray(parsed.owned) ? parsed.owned.filter((o) => typeof o?.sheet === 'string') : [],
      overrides: parsed.overrides && typeof parsed.overrides === 'object' ? parsed.overrides : {},
      ...withCompany(parseCompanySettings(parsed.company)),
    };
  } catch {
    return emptyState();
  }
}

/** The hidden sheet that stores the state. */
export function stateSheet(state: WorkbookState): SheetSpec {
  const json = JSON.stringify(state);
  const rows: string[][] = [];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([json.slice(i, i + CHUNK)]);
  return {
    name: STATE_SHEET,
    purpose: 'state',
    title: [],
    hidden: true,
    tables: [{ name: 'ClerkDesk_state', columns: [{ key: 'json', header: 'json', type: 'text' }], rows }],
  };
}

/** Is this sheet one Clerk Desk generated (so a re-run may replace it)? */
export const isOwned = (state: WorkbookState, sheet: string): boolean =>
  sheet === STATE_SHEET || state.owned.some((o) => o.sheet === sheet);
