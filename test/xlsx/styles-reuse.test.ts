/** Re-runs do not grow the file (issue 13, item 8): the styles a run adds are found and reused by the next one. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { asIsoDate } from '../../src/core/values/brand';
import { ZipReader } from '../../src/xlsx/zip';

const stylesOf = (path: string): string => ZipReader.open(readFileSync(path)).text('xl/styles.xml')!;
const count = (xml: string, tag: string): number => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)?.[1]);

test('four in-place runs on the sample: styles.xml after the last is byte for byte what the first left', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-styles-'));
  try {
    const book = join(dir, 'sample.xlsx');
    copyFileSync(join(__dirname, '..', '..', 'assets', 'sample', 'clerk-sample.xlsx'), book);
    const before = stylesOf(book);
    const run = () => main(['all', 'sample.xlsx', '--in-place', '--as-of', '2026-10-31', '--month', '2026-10', '--period', '2026-10'], { stdout: () => undefined, stderr: () => undefined, cwd: dir, today: () => asIsoDate('2026-10-31'), progressEvery: 1e9 });
    expect(await run()).toBe(0);
    const first = stylesOf(book);
    // The first run did add styles of its own (so the check below is about reuse, not about adding nothing).
    expect(count(first, 'cellXfs')).toBeGreaterThan(count(before, 'cellXfs'));
    for (let i = 0; i < 3; i++) expect(await run()).toBe(0);
    const last = stylesOf(book);
    expect([count(last, 'fonts'), count(last, 'cellXfs'), last.length]).toEqual([count(first, 'fonts'), count(first, 'cellXfs'), first.length]);
    expect(last).toBe(first);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
