import type { SheetSpec } from '../sheet-spec';
import { isOwned, STATE_SHEET, type OwnedSheet, type WorkbookState } from '../state';
import { layoutSheet, type SheetLayout } from './layout';
import { safeSheetName, safeTableName, uniqueName } from './build';

/**
 * Decides what a host does to a workbook for one run, the same way in both hosts (design rule 5):
 * - a generated sheet whose name is already one of ours is cleared and reused in place;
 * - a generated sheet whose name belongs to the clerk gets a new name — the clerk's sheet is never touched;
 * - sheets an earlier run of the same job generated, and this run does not, are removed;
 * - table names are unique workbook-wide (against the clerk's tables too).
 */

export interface ExistingWorkbook {
  sheets: readonly string[];
  tables: readonly { name: string; sheet: string }[];
  /** The host reads and writes ownership marks (state.ts OWNER_MARK_NAME); without, ownership goes by name only. */
  marks?: boolean;
}

export interface WritePlan {
  /** Layouts in write order (the state sheet last), with final sheet and table names. */
  layouts: SheetLayout[];
  /** Existing sheets of ours that this run overwrites (clear, then write). */
  reuse: string[];
  /** Existing sheets of ours from earlier runs of the same jobs that this run no longer produces. */
  remove: string[];
  /** Spec name → the name actually used, where they differ. */
  renamed: Record<string, string>;
}

export function planWrite(existing: ExistingWorkbook, state: WorkbookState, specs: readonly SheetSpec[]): WritePlan {
  const clerkSheets = existing.sheets.filter((s) => !isOwned(state, s));
  const takenSheets = new Set<string>(clerkSheets);
  const clerkTables = existing.tables.filter((t) => !isOwned(state, t.sheet)).map((t) => t.name);
  const takenTables = new Set<string>(clerkTables);
  const renamed: Record<string, string> = {};

  const finalSpecs = specs.map((spec) => {
    const wanted = spec.name === STATE_SHEET ? STATE_SHEET : safeSheetName(spec.name);
    const name = uniqueName(wanted, takenSheets, 31);
    if (name !== spec.name) renamed[spec.name] = name;
    const tables = spec.tables.map((t) => ({ ...t, name: uniqueName(safeTableName(t.name), takenTables) }));
    return { ...spec, name, tables };
  });

  const produced = new Set(finalSpecs.map((s) => s.name));
  const reuse = existing.sheets.filter((s) => produced.has(s) && isOwned(state, s));
  const marks = existing.marks ? assignMarks(state, finalSpecs.map((s) => s.name).filter((n) => n !== STATE_SHEET), reuse) : new Map<string, string>();

  // Ownership follows the final names and the marks written, so the state sheet written last must list them.
  const stateSpec = finalSpecs.find((s) => s.name === STATE_SHEET);
  if (stateSpec && (Object.keys(renamed).length || produced.size > 1)) {
    const rows = stateSpec.tables[0]?.rows ?? [];
    const json = rows.map((r) => String(r[0] ?? '')).join('');
    try {
      const parsed = JSON.parse(json) as WorkbookState;
      // A renamed sheet of an earlier run is also 'kept' by runWorkbook under its final name: list each sheet once
      // (at its last place), or every re-run would add one more entry for it.
      // A sheet written now carries this run's mark, or none when the host cannot write marks (an older mark would
      // then no longer match the sheet, and the next run would take it for hers).
      const owned = parsed.owned.map((o) => withMark({ ...o, sheet: renamed[o.sheet] ?? o.sheet }, produced, marks));
      parsed.owned = owned.filter((o, i) => !owned.slice(i + 1).some((later) => later.sheet === o.sheet));
      const text = JSON.stringify(parsed);
      const chunks: string[][] = [];
      for (let i = 0; i < text.length; i += 30_000) chunks.push([text.slice(i, i + 30_000)]);
      stateSpec.tables[0] = { ...stateSpec.tables[0], rows: chunks };
    } catch {
      // The state sheet is ours and always valid JSON; nothing to fix if it is not.
    }
  }

  const purposes = new Set(finalSpecs.map((s) => s.purpose));
  const remove = state.owned
    .filter((o) => purposes.has(o.purpose) && !produced.has(o.sheet) && existing.sheets.includes(o.sheet))
    .map((o) => o.sheet);
  const layouts = finalSpecs.map((spec) => {
    const layout = layoutSheet(spec);
    const mark = marks.get(spec.name);
    return mark ? { ...layout, ownerMark: mark } : layout;
  });
  return { layouts, reuse, remove, renamed };
}

function withMark(entry: OwnedSheet, produced: ReadonlySet<string>, marks: ReadonlyMap<string, string>): OwnedSheet {
  if (!produced.has(entry.sheet)) return entry;
  const { mark: _old, ...rest } = entry;
  const mark = marks.get(entry.sheet);
  return mark ? { ...rest, mark } : rest;
}

/**
 * The mark each written sheet carries: a reused sheet keeps its token, a new one gets a fresh token ('CD-' and a
 * number no entry of the state holds). Tokens only need to differ within a workbook's state: the mark says "this is the
 * sheet the state means", the name says which entry.
 */
function assignMarks(state: WorkbookState, names: readonly string[], reuse: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let next = 1 + Math.max(0, ...state.owned.map((o) => Number(/^CD-(\d+)$/.exec(o.mark ?? '')?.[1] ?? 0)));
  for (const name of names) {
    const old = reuse.includes(name) ? state.owned.find((o) => o.sheet === name)?.mark : undefined;
    out.set(name, old ?? `CD-${next++}`);
  }
  return out;
}
