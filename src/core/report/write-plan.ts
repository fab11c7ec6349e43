import type { SheetSpec } from '../sheet-spec';
import { isOwned, STATE_SHEET, type WorkbookState } from '../state';
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

  // Ownership follows the final names, so the state sheet written last must list them.
  const stateSpec = finalSpecs.find((s) => s.name === STATE_SHEET);
  if (stateSpec && Object.keys(renamed).length) {
    const rows = stateSpec.tables[0]?.rows ?? [];
    const json = rows.map((r) => String(r[0] ?? '')).join('');
    try {
      const parsed = JSON.parse(json) as WorkbookState;
      // A renamed sheet of an earlier run is also 'kept' by runWorkbook under its final name: list each sheet once
      // (at its last place), or every re-run would add one more entry for it.
      const owned = parsed.owned.map((o) => ({ ...o, sheet: renamed[o.sheet] ?? o.sheet }));
      parsed.owned = owned.filter((o, i) => !owned.slice(i + 1).some((later) => later.sheet === o.sheet));
      const text = JSON.stringify(parsed);
      const chunks: string[][] = [];
      for (let i = 0; i < text.length; i += 30_000) chunks.push([text.slice(i, i + 30_000)]);
      stateSpec.tables[0] = { ...stateSpec.tables[0], rows: chunks };
    } catch {
      // The state sheet is ours and always valid JSON; nothing to fix if it is not.
    }
  }

  const produced = new Set(finalSpecs.map((s) => s.name));
  const purposes = new Set(finalSpecs.map((s) => s.purpose));
  const reuse = existing.sheets.filter((s) => produced.has(s) && isOwned(state, s));
  const remove = state.owned
    .filter((o) => purposes.has(o.purpose) && !produced.has(o.sheet) && existing.sheets.includes(o.sheet))
    .map((o) => o.sheet);
  return { layouts: finalSpecs.map(layoutSheet), reuse, remove, renamed };
}
