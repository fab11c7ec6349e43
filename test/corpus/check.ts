/**
 * The promises every corpus file is held to (issue 9, design rules 5 and 6), through the CLI's main() in-process:
 *  (a) a refused file exits 1 with one sentence in Chinese and writes nothing; a workbook exits 0;
 *  (b) after `--in-place`, every sheet of the clerk's is still there with the same values cell for cell;
 *  (c) running again in place gives the same generated sheets (names and values) and the same tables, no more;
 *  (d) no cell of a generated sheet is a formula.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { CATALOGS } from '../../src/core/i18n';
import type { Grid } from '../../src/core/grid';
import type { CorpusEntry } from '../../scripts/corpus/build';
import { cli, firstDifference, formulaCells, isProgressLine, ownedSheets, readGrids, REFUSAL_KEYS, STATE_SHEET, tableNames, templateRe } from './helpers';

export async function checkRefused(entry: CorpusEntry, input: string, work: string): Promise<void> {
  mkdirSync(work, { recursive: true });
  const out = join(work, 'out.xlsx');
  const bytes = entry.special ? null : readFileSync(input);
  const r = await cli([input, '--out', out]);
  expect(r.code).toBe(1);
  if (bytes) expect(readFileSync(input)).toEqual(bytes);
  checkMessage(r, input);
  // Nothing written: no output file, no temporary file beside it.
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(work)).toEqual([]);
}

/** The one refusal sentence: from the catalog, in Chinese, naming the file, no raw error text. */
export function checkMessage(r: { stdout: string; stderr: string }, input: string): void {
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  const messages = lines.filter((l) => !isProgressLine(l));
  // One sentence, in the clerk's language, from the catalog, naming the file.
  expect(messages).toHaveLength(1);
  const [message] = messages;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  // No stack trace, no 'Error:' prefix, no raw API or zip-library text, no unfilled placeholder.
  expect(message).not.toMatch(/Error:|\bat .+:\d+:\d+|ENOENT|EISDIR|undefined|\{\w+\}|JSZip|exceljs|central directory|end of data/i);
  expect(message).toContain(input);
  expect(REFUSAL_KEYS.filter((k) => templateRe(CATALOGS['zh-CN'][k]).test(message))).not.toEqual([]);
  // One sentence: it ends with the one full stop it has.
  expect(message.endsWith('。')).toBe(true);
  expect(message.split('。')).toHaveLength(2);
  expect(r.stdout).toBe('');
}

export interface WorkbookCheck {
  before: Grid[];
  afterOnce: Grid[];
  afterTwice: Grid[];
  inPlace: string;
}

export async function checkWorkbook(entry: CorpusEntry, input: string, work: string): Promise<WorkbookCheck> {
  mkdirSync(work, { recursive: true });
  // (a) --out: exit 0, an output file, the input untouched.
  const out = join(work, 'out.xlsx');
  const first = await cli([input, '--out', out]);
  if (first.code !== 0) throw new Error(`${entry.file}: exit ${first.code}\n${first.stderr}`);
  expect(existsSync(out)).toBe(true);
  expect(first.stderr).not.toMatch(/Error:|\n\s+at /);

  // (b) --in-place on a copy: the clerk's sheets are all there, value for value.
  const inPlace = join(work, 'in-place.xlsx');
  copyFileSync(input, inPlace);
  const before = await readGrids(input);
  expect((await cli([inPlace, '--in-place'])).code).toBe(0);
  const afterOnce = await readGrids(inPlace);
  const owned = ownedSheets(afterOnce);
  for (const g of before) {
    if (g.name === STATE_SHEET) continue; // the state sheet's name is reserved for Clerk Desk
    expect(owned).not.toContain(g.name);
    const now = afterOnce.find((a) => a.name === g.name);
    expect(now ? g.name : `missing: ${g.name}`).toBe(g.name);
    expect(firstDifference(g, now!)).toBeNull();
  }
  // Every sheet is either the clerk's or ours.
  for (const g of afterOnce) expect(before.some((b) => b.name === g.name) || owned.includes(g.name) ? 'ok' : `stray sheet ${g.name}`).toBe('ok');

  // (c) again, in place: the same generated sheets with the same values, the same tables.
  const tablesOnce = await tableNames(inPlace);
  expect((await cli([inPlace, '--in-place'])).code).toBe(0);
  const afterTwice = await readGrids(inPlace);
  expect(afterTwice.map((g) => g.name)).toEqual(afterOnce.map((g) => g.name));
  expect(ownedSheets(afterTwice)).toEqual(owned);
  for (const g of afterOnce) expect(firstDifference(g, afterTwice.find((a) => a.name === g.name)!)).toBeNull();
  expect(await tableNames(inPlace)).toEqual(tablesOnce);

  // (d) no formula in any generated sheet.
  const { found } = await formulaCells(inPlace, owned);
  expect(found).toEqual([]);
  return { before, afterOnce, afterTwice, inPlace };
}
