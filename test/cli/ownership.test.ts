import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli, shippingListBook } from './run-cli';
import { XlsxHost } from '../../src/xlsx';
import { readState, STATE_SHEET } from '../../src/core/state';
import { workbookPart } from '../../src/xlsx/package';
import { ZipReader } from '../../src/xlsx/zip';
import { resaveAsXlsx } from '../helpers/libreoffice';
import { LIBREOFFICE, testNeeding } from '../helpers/programs';

/**
 * Issue 13 item 2 end to end: our sheets are ours by the mark they carry, not by their name. The workbook is edited
 * between runs with ExcelJS (a real client library, as another program would) and saved by LibreOffice.
 */

const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-owner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(dir, argv);
const shipments = (file: string) => shippingListBook(dir, file);

/** The `<definedName name="_ClerkDesk_Owned" …>` elements of the file's workbook part, as text. */
function markNames(bytes: Buffer): string[] {
  const zip = ZipReader.open(bytes);
  return (zip.text(workbookPart(zip)!) ?? '').match(/<definedName\b[^>]*_ClerkDesk_Owned[^>]*>[^<]*<\/definedName>/g) ?? [];
}

async function read(path: string) {
  return (await XlsxHost.open(path)).readWorkbook();
}

test('she deletes a generated sheet and makes her own of that name: the next run keeps hers and writes ours elsewhere', async () => {
  const book = await shipments('她的表.xlsx');
  expect((await run(['sales', book, '--in-place'])).code).toBe(0);
  const first = await read(book);
  const state = readState(first.grids);
  const ours = state.owned.map((o) => o.sheet).find((s) => s !== STATE_SHEET && first.grids.some((g) => g.name === s))!;
  expect(ours).toBeDefined();
  // Every generated sheet carries a mark, and the state records the same token.
  for (const o of state.owned) expect(first.grids.find((g) => g.name === o.sheet)?.ownerMark).toBe(o.mark);
  expect(markNames(readFileSync(book))).toHaveLength(state.owned.length);

  // She deletes ours and makes her own sheet under the same name (ExcelJS keeps the other sheets' marks or not: both
  // must leave hers alone).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(book);
  wb.removeWorksheet(wb.getWorksheet(ours)!.id);
  const hers = wb.addWorksheet(ours);
  hers.addRow(['我的备忘']);
  hers.addRow(['客户', '备注']);
  hers.addRow(['苏州华工精密模具有限公司', '11月再对一次']);
  await wb.xlsx.writeFile(book);
  const before = (await read(book)).grids.find((g) => g.name === ours)!;
  expect(before.ownerMark).toBeNull();

  const second = await run(['sales', book, '--in-place', '--json', join(dir, 'summary.json')]);
  expect(second.code).toBe(0);
  const after = await read(book);
  // Hers: the same cells as she left them.
  const kept = after.grids.find((g) => g.name === ours)!;
  expect(kept.values).toEqual(before.values);
  expect(kept.ownerMark).toBeNull();
  // Ours: under another name, marked, and the state says so.
  const next = readState(after.grids);
  expect(next.owned.some((o) => o.sheet === ours)).toBe(false);
  const moved = next.owned.find((o) => o.sheet.startsWith(ours) && o.sheet !== ours);
  expect(moved).toBeDefined();
  expect(after.grids.find((g) => g.name === moved!.sheet)?.ownerMark).toBe(moved!.mark);
  // And the clerk is told, in the findings of the run (here the findings sheet is the one that moved).
  const findings = after.grids.find((g) => g.name === moved!.sheet)!.values.flat().filter((v): v is string => typeof v === 'string');
  expect(findings.some((v) => v.startsWith(`「${ours}」不是 Clerk Desk 生成的那张表了`))).toBe(true);

  // A third run: hers stays hers, ours is reused under its new name (no third copy).
  expect((await run(['sales', book, '--in-place'])).code).toBe(0);
  const third = await read(book);
  expect(third.existing.sheets).toEqual(after.existing.sheets);
  expect(third.grids.find((g) => g.name === ours)!.values).toEqual(before.values);
});

testNeeding(LIBREOFFICE)('the marks survive LibreOffice saving the file, and a re-run after it reuses our sheets', async () => {
  const book = await shipments('libreoffice.xlsx');
  expect((await run(['sales', book, '--in-place'])).code).toBe(0);
  const written = await read(book);
  const resaved = join(dir, 'libreoffice-resaved.xlsx');
  writeFileSync(resaved, resaveAsXlsx(book));
  const back = await read(resaved);
  const state = readState(back.grids);
  expect(state.owned.length).toBeGreaterThan(0);
  for (const o of state.owned) {
    expect(o.mark).toMatch(/^CD-\d+$/);
    expect(back.grids.find((g) => g.name === o.sheet)?.ownerMark).toBe(o.mark);
    expect(written.grids.find((g) => g.name === o.sheet)?.ownerMark).toBe(o.mark);
  }
  // Nothing is taken for hers after LibreOffice saved it: the re-run replaces our sheets in place.
  expect((await run(['sales', resaved, '--in-place'])).code).toBe(0);
  const rerun = await read(resaved);
  expect([...rerun.existing.sheets].sort()).toEqual([...back.existing.sheets].sort());
  expect(rerun.grids.flatMap((g) => g.values.flat()).some((v) => typeof v === 'string' && v.includes('不是 Clerk Desk 生成的那张表了'))).toBe(false);
}, 180_000);
