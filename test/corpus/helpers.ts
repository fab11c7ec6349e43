/**
 * Shared by the corpus tests: run the CLI in-process, read workbooks back the way the xlsx host reads them, and
 * compare sheets cell by cell (with the first difference named, so a failure says where).
 */
import JSZip from 'jszip';
import { readFileSync } from 'fs';
import { main } from '../../src/cli/main';
import { CATALOGS, type MessageKey } from '../../src/core/i18n';
import { isGridError, type Grid, type GridValue } from '../../src/core/grid';
import { isOwned, readState, STATE_SHEET } from '../../src/core/state';
import { XlsxHost } from '../../src/xlsx';
import { referenceCells, referenceFormulas } from '../xlsx/reference-reader';

export const AS_OF = '2026-10-31';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `clerk-desk all <book> …` in-process. */
export async function cli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['all', ...args, '--as-of', AS_OF], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    progressEvery: 1e9,
    today: () => AS_OF as never,
  });
  return { code, stdout, stderr };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A catalog template as a regex: each {placeholder} matches anything. */
export const templateRe = (template: string) => new RegExp(`^${template.split(/\{\w+\}/).map(escape).join('.*')}$`);

/** The CLI's progress lines (zh-CN), which stand beside the one message a refused file gets. */
const PROGRESS = (Object.keys(CATALOGS['zh-CN']) as MessageKey[]).filter((k) => k.startsWith('cli.progress.')).map((k) => templateRe(CATALOGS['zh-CN'][k]));
export const isProgressLine = (line: string): boolean => PROGRESS.some((re) => re.test(line));

/** Keys whose message a file the CLI refuses may get. */
export const REFUSAL_KEYS = (Object.keys(CATALOGS['zh-CN']) as MessageKey[]).filter((k) => k.startsWith('xlsx.error.'));

/** Grids of a workbook as the xlsx host reads them. */
export async function readGrids(path: string): Promise<Grid[]> {
  const host = await XlsxHost.open(path);
  return (await host.readWorkbook()).grids;
}

/** The sheets Clerk Desk owns in a workbook (the state sheet included). */
export function ownedSheets(grids: readonly Grid[]): string[] {
  const state = readState(grids);
  return grids.filter((g) => isOwned(state, g.name)).map((g) => g.name);
}

const same = (a: GridValue | undefined, b: GridValue | undefined): boolean => {
  const x = a ?? null;
  const y = b ?? null;
  if (x === null || y === null) return x === y || x === '' || y === '';
  if (isGridError(x) || isGridError(y)) return isGridError(x) && isGridError(y) && x.error === y.error;
  if (typeof x === 'number' && typeof y === 'number') return Object.is(x, y) || (x === 0 && y === 0);
  return x === y;
};

/** The first cell where two sheets' values differ ("B7: 12 ≠ 13"), or null when they are the same cell for cell. */
export function firstDifference(a: Grid, b: Grid): string | null {
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows; r++) {
    const ra = a.values[r] ?? [];
    const rb = b.values[r] ?? [];
    const cols = Math.max(ra.length, rb.length);
    for (let c = 0; c < cols; c++) {
      if (!same(ra[c], rb[c])) return `${a.name}!R${r + 1}C${c + 1}: ${JSON.stringify(ra[c] ?? null)?.slice(0, 60)} ≠ ${JSON.stringify(rb[c] ?? null)?.slice(0, 60)}`;
    }
  }
  return null;
}

/** Table names per sheet part, from the zip (what Excel would list). */
export async function tableNames(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names: string[] = [];
  for (const file of Object.keys(zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/i.test(f)).sort()) {
    const xml = await zip.file(file)!.async('string');
    const m = /<table\b[^>]*\sname="([^"]*)"/.exec(xml);
    names.push(m ? m[1] : file);
  }
  return names.sort();
}

/**
 * Every cell of the named sheets that holds a formula, as "Sheet!A1: formula", and their text values — read with
 * saxes (a full XML parser, test/xlsx/reference-reader.ts), which reads any well-formed workbook; ExcelJS cannot
 * load sheets written with namespace prefixes.
 */
export async function formulaCells(path: string, sheets: readonly string[]): Promise<{ found: string[]; texts: Set<string> }> {
  const buf = readFileSync(path);
  const texts = new Set<string>();
  for (const [key, v] of referenceCells(buf)) if (typeof v === 'string' && sheets.includes(key.slice(0, key.lastIndexOf('!')))) texts.add(v);
  return { found: referenceFormulas(buf, sheets), texts };
}

export { STATE_SHEET };
