/** The size-limit corpus files (a sheet reaching row 1,048,576; a header 16,384 columns wide) through check.ts. */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CORPUS } from '../../scripts/corpus/build';
import { checkWorkbook } from './check';
import { LIMIT_FILES } from './limits';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-corpus-limits-'));
  mkdirSync(join(dir, 'in'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(LIMIT_FILES)('%s: runs, keeps the clerk\u2019s sheets, re-runs identically, no formulas', async (file) => {
  const entry = CORPUS.find((e) => e.file === file)!;
  expect(entry.expect).toBe('workbook');
  const input = join(dir, 'in', file);
  await entry.build(input);
  const { before } = await checkWorkbook(entry, input, join(dir, 'work', file));
  // The stray note in row 1,048,576 / the last column header were read, so the limit was really reached.
  if (file.startsWith('max-rows')) expect(before[0].values.length).toBe(1_048_576);
  else expect(Math.max(...before[0].values.map((r) => r.length))).toBe(16_384);
}, 180_000);
