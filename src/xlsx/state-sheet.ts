import { promises as fs } from 'fs';
import type { Grid } from '../core/grid';
import { STATE_SHEET } from '../core/state';
import { fastReadWorkbook } from './fast-read';
import { relationshipsOf, relsPathOf, workbookPart } from './package';
import { attrs } from './patch';
import { ZipReader, ZipWriter } from './zip';

/**
 * The state sheet of a workbook file, read alone. Whether an existing --out file is one Clerk Desk wrote is
 * decided by that one sheet; reading every sheet of hers to learn it (before the run and again at the save) cost
 * as much as the run's own read, on every re-run. The package is narrowed to what the one reader needs for that
 * sheet — the workbook part listing only it, its relationships, styles and shared strings, copied as they are —
 * and read by the same reader the run uses.
 * Returns [] when the workbook has no state sheet, and null when it cannot be narrowed or the reader declines it
 * (the caller then reads the whole workbook, as before).
 */
export async function readStateSheetOnly(path: string): Promise<Grid[] | null> {
  const zip = ZipReader.open(await fs.readFile(path));
  const wbPart = workbookPart(zip);
  const workbook = wbPart && zip.text(wbPart);
  if (!wbPart || !workbook) return null;
  const sheets = /(<(?:[\w.-]+:)?sheets\b[^>]*>)([\s\S]*?)(<\/(?:[\w.-]+:)?sheets>)/.exec(workbook);
  if (!sheets) return null;
  const tags = sheets[2].match(/<(?:[\w.-]+:)?sheet\b[^>]*?\/>/g) ?? [];
  // The state sheet's name has no character XML escapes, so the attribute holds it as it is.
  const tag = tags.find((t) => attrs(t).name === STATE_SHEET);
  if (!tag) return [];
  const a = attrs(tag);
  const rid = a[Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== 'sheetId') ?? 'r:id'];
  const rels = relationshipsOf(zip, wbPart);
  const sheetPart = rels.find((r) => r.id === rid && !r.external)?.part;
  if (!sheetPart || !zip.has(sheetPart)) return null;
  const keep = new Set(['[Content_Types].xml', '_rels/.rels', relsPathOf(wbPart), sheetPart]);
  for (const r of rels) if (!r.external && /\/(styles|sharedStrings)$/.test(r.type)) keep.add(r.part);
  const narrowed = new ZipWriter();
  narrowed.add(wbPart, workbook.slice(0, sheets.index) + sheets[1] + tag + sheets[3] + workbook.slice(sheets.index + sheets[0].length));
  for (const e of zip.entries.values()) if (keep.has(e.name)) narrowed.copy(zip, e);
  return fastReadWorkbook(narrowed.finish())?.grids ?? null;
}
