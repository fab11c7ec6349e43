import type { Grid } from '../grid';
import type { SheetOverride } from '../state';
import { structureWorkbook } from '../structure';

/**
 * Their statement as a workbook of its own (related companies email their 对账单): its sheets join the run as
 * statements, read by structure like any sheet. A statement's columns look like a shipment list (date, document,
 * part, quantity, price, amount), so every sheet structure finds a table on is taken as a statement — the clerk
 * said so by handing the file over — and sheets with no table (a cover page) are left out.
 */

export interface StatementFile {
  /** What the clerk calls the file (its name without the extension): it prefixes the sheets, and names the company. */
  label: string;
  grids: readonly Grid[];
}

export interface StatementInputs {
  grids: Grid[];
  /** Each added sheet forced to the statements kind. */
  overrides: Record<string, SheetOverride>;
  /** Files in which no sheet holds a table. */
  empty: string[];
}

export function statementInputs(files: readonly StatementFile[], taken: ReadonlySet<string>, defaultYear?: number): StatementInputs {
  const out: StatementInputs = { grids: [], overrides: {}, empty: [] };
  const used = new Set(taken);
  for (const file of files) {
    const detections = structureWorkbook(file.grids, { defaultYear }).detections;
    let found = 0;
    for (const g of file.grids) {
      if (!detections.some((d) => d.sheet === g.name && d.kind !== null)) continue;
      let name = `${file.label}｜${g.name}`;
      for (let n = 2; used.has(name); n++) name = `${file.label}｜${g.name}（${n}）`;
      used.add(name);
      out.grids.push({ ...g, name });
      out.overrides[name] = { kind: 'statements' };
      found++;
    }
    if (!found) out.empty.push(file.label);
  }
  return out;
}
