/**
 * End to end on the bundled sample workbook (assets/sample/clerk-sample.xlsx): `all` through the CLI, the output
 * opens in LibreOffice with every generated sheet, and the clerk's sheets come out value for value.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx';
import { sheetsAsCsv } from '../helpers/libreoffice';
import { LIBREOFFICE, testNeeding } from '../helpers/programs';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('all on the sample workbook', () => {
  const book = join(dir, 'clerk-sample.xlsx');
  const out = join(dir, 'demo.xlsx');
  let code = -1;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    copyFileSync(sample, book);
    code = await main(['all', book, '--out', out, '--json', join(dir, 'demo.json'), '--as-of', '2026-10-31', '--month', '2026-10'], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
    });
  });

  test('exits 0, prints the output path, writes the summary', () => {
    expect([code, stderr.includes('发现')]).toEqual([0, true]);
    expect(stdout).toBe(`${out}\n`);
    const summary = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8'));
    expect(summary).toMatchObject({ job: 'all', asOf: '2026-10-31' });
  });

  test('the clerk’s sheets are unchanged; the direct and ExcelJS readers agree on the sample', async () => {
    const before = await (await XlsxHost.open(book)).readWorkbook();
    const direct = await XlsxHost.open(out);
    const after = await direct.readWorkbook();
    expect(direct.reader).toBe('fast');
    for (const g of before.grids) expect(after.grids.find((a) => a.name === g.name)).toEqual(g);
    expect(after.existing.sheets.slice(0, before.existing.sheets.length)).toEqual(before.existing.sheets);
    const viaExcelJs = await XlsxHost.open(out);
    viaExcelJs.forceExcelJs = true;
    const slow = await viaExcelJs.readWorkbook();
    expect(viaExcelJs.reader).toBe('exceljs');
    const round = (r: unknown) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
    expect(round(slow)).toEqual(round(after));
  });

  testNeeding(LIBREOFFICE)('LibreOffice opens the output and shows every sheet', async () => {
    const after = await (await XlsxHost.open(out)).readWorkbook();
    const csv = sheetsAsCsv(out);
    for (const name of after.existing.sheets) expect([name, csv.has(name)]).toEqual([name, true]);
    // A generated sheet with data shows its title in A1, as written.
    const generated = after.grids.filter((g) => !g.hidden && !after.existing.sheets.slice(0, 1).includes(g.name) && typeof g.values[0]?.[0] === 'string');
    for (const g of generated) expect([g.name, csv.get(g.name)?.[0]?.[0]]).toEqual([g.name, g.values[0][0]]);
  });
});
