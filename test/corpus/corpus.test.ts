/**
 * The bad-input corpus (scripts/corpus/build.ts) through the CLI, file by file: see check.ts for what each file is
 * held to. The two size-limit files run in corpus-limits.test.ts (a second jest worker). Also here: formula
 * injection through both hosts, and what a failed write leaves behind.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, promises as fsp, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CORPUS, type CorpusEntry } from '../../scripts/corpus/build';
import { checkRefused, checkWorkbook } from './check';
import { cli, formulaCells, ownedSheets, readGrids } from './helpers';
import { HOSTILE_FILES, LIMIT_FILES } from './limits';

const entries = CORPUS.filter((e) => !LIMIT_FILES.includes(e.file) && !HOSTILE_FILES.includes(e.file));
let dir: string;
const inputs = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-corpus-'));
  mkdirSync(join(dir, 'in'), { recursive: true });
  for (const e of entries) {
    const p = join(dir, 'in', e.file);
    await e.build(p);
    inputs.set(e.file, p);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the corpus has at least 40 files, each named once, both refused and workbook cases', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CORPUS.map((e) => e.file)).size).toBe(CORPUS.length);
  expect(CORPUS.some((e) => e.expect === 'refused')).toBe(true);
  expect([...LIMIT_FILES, ...HOSTILE_FILES].every((f) => CORPUS.some((e) => e.file === f))).toBe(true);
});

describe.each(entries.map((e): [string, CorpusEntry] => [e.file, e]))('%s', (file, entry) => {
  if (entry.expect === 'refused') {
    test(`refused: ${entry.about}`, async () => {
      await checkRefused(entry, inputs.get(file)!, join(dir, 'work', file));
    });
  } else {
    test(`runs, keeps the clerk's sheets, re-runs identically, no formulas: ${entry.about}`, async () => {
      await checkWorkbook(entry, inputs.get(file)!, join(dir, 'work', file));
    });
  }
});

describe('formula injection (formula-injection.xlsx)', () => {
  const EVIL = ['=HYPERLINK("http://evil.invalid","点我")', '+86 512 6666', '-2+3', '@SUM(1,1)', '=1+1'];

  test('the xlsx host writes every evil text as plain text in the generated sheets', async () => {
    const out = join(dir, 'injection-out.xlsx');
    expect((await cli([inputs.get('formula-injection.xlsx')!, '--out', out])).code).toBe(0);
    const owned = ownedSheets(await readGrids(out));
    const { found, texts } = await formulaCells(out, owned);
    expect(found).toEqual([]);
    for (const e of EVIL) expect([...texts].some((s) => s === e) ? e : `not written as text: ${e}`).toBe(e);
  });
});

// A failed save never leaves a half-written workbook: the clerk's file is byte for byte what it was.
test('a failed save with --in-place leaves the workbook byte for byte as it was, and no temporary file', async () => {
  const work = join(dir, 'failed-save');
  await fsp.mkdir(work, { recursive: true });
  const book = join(work, 'book.xlsx');
  writeFileSync(book, readFileSync(inputs.get('subtotals-mid-table.xlsx')!));
  const original = readFileSync(book);
  const rename = jest.spyOn(fsp, 'rename').mockRejectedValue(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
  try {
    const r = await cli([book, '--in-place']);
    expect(r.code).toBe(1);
    expect(rename).toHaveBeenCalled();
    expect(r.stderr).not.toMatch(/EACCES|Error:/);
  } finally {
    rename.mockRestore();
  }
  expect(readFileSync(book)).toEqual(original);
  expect(readdirSync(work)).toEqual(['book.xlsx']);
});
