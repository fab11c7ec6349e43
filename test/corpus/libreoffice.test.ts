/**
 * Nothing dropped, checked by a real spreadsheet application: for every corpus workbook Clerk Desk runs on,
 * LibreOffice opens the output, and each of the clerk's sheets holds as many non-empty rows in our reading of the
 * input, in LibreOffice's reading of the input and in LibreOffice's reading of our output. Fails in CI without
 * LibreOffice.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CORPUS } from '../../scripts/corpus/build';
import { sheetsAsCsv } from '../helpers/libreoffice';
import { LIBREOFFICE, describeNeeding } from '../helpers/programs';
import { cli, ownedSheets, readGrids } from './helpers';
import { HOSTILE_FILES, LIMIT_FILES } from './limits';
import type { Grid } from '../../src/core/grid';

const entries = CORPUS.filter((e) => e.expect !== 'refused' && !LIMIT_FILES.includes(e.file) && !HOSTILE_FILES.includes(e.file));

const filled = (v: unknown) => v !== null && v !== undefined && String(v).trim() !== '';
const rowsOfGrid = (g: Grid): number => g.values.filter((row) => (row ?? []).some(filled)).length;
const rowsOfCsv = (rows: string[][]): number => rows.filter((row) => row.some(filled)).length;

describeNeeding(LIBREOFFICE)('the corpus through LibreOffice: nothing dropped', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'clerk-corpus-lo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('there are workbooks to check', () => {
    expect(entries.length).toBeGreaterThan(20);
  });

  test.each(entries.map((e) => [e.file, e] as const))('%s', async (file, entry) => {
    const input = join(dir, file);
    await entry.build(input);
    const out = join(dir, `${file}.out.xlsx`);
    expect((await cli([input, '--out', out])).code).toBe(0);
    const ours = (await readGrids(input)).filter((g) => g.name !== 'ClerkDesk_state');
    const theirsIn = sheetsAsCsv(input);
    const theirsOut = sheetsAsCsv(out);
    const owned = ownedSheets(await readGrids(out));
    // LibreOffice opened our output and found every sheet we wrote.
    for (const name of owned) expect({ name, opened: theirsOut.has(name) }).toEqual({ name, opened: true });
    let compared = 0;
    for (const g of ours) {
      if (!theirsIn.has(g.name)) continue; // a sheet LibreOffice cannot name as a CSV file (it is still compared in the output below when it can)
      const counts = { sheet: g.name, ourReading: rowsOfGrid(g), libreOfficeInput: rowsOfCsv(theirsIn.get(g.name)!), libreOfficeOutput: rowsOfCsv(theirsOut.get(g.name) ?? []) };
      expect(counts).toEqual({ sheet: g.name, ourReading: counts.libreOfficeInput, libreOfficeInput: counts.libreOfficeInput, libreOfficeOutput: counts.libreOfficeInput });
      compared++;
    }
    // At least one of her sheets was compared (a file LibreOffice read under other names would prove nothing).
    if (ours.length) expect(compared).toBeGreaterThan(0);
  }, 120_000);
});
