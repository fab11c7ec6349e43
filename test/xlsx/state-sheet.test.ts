/**
 * Telling whether an existing --out file is one Clerk Desk wrote from its state sheet alone (state-sheet.ts):
 * the same answer, and the same state grid, as reading the whole workbook — also after LibreOffice saved it
 * (shared strings, its own XML).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { hasClerkDeskState, STATE_SHEET } from '../../src/core/state';
import { asIsoDate } from '../../src/core/values/brand';
import { XlsxHost } from '../../src/xlsx';
import { readStateSheetOnly } from '../../src/xlsx/state-sheet';
import { resaveAsXlsx } from '../helpers/libreoffice';
import { LIBREOFFICE, testNeeding } from '../helpers/programs';

const dir = mkdtempSync(join(tmpdir(), 'clerk-state-only-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function herBook(withFakeState = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月出货');
  ws.addRow(['出货日期', '送货单号', '客户名称', '物料编码', '数量', '含税单价', '含税金额']);
  ws.addRow(['2024年3月5日', 'SH2610001', '苏州华工精密模具有限公司', 'P-10001', '１２０', '¥11.75', '¥1,410.00']);
  ws.addRow(['小计', null, null, null, 120, null, 1410]);
  if (withFakeState) wb.addWorksheet(STATE_SHEET).addRow(['not json at all']);
  const file = join(dir, withFakeState ? 'fake.xlsx' : 'hers.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function ourOutput(): Promise<string> {
  const out = join(dir, 'out.xlsx');
  const code = await main(['all', await herBook(), '--out', out], { stdout: () => undefined, stderr: () => undefined, today: () => asIsoDate('2026-10-31') });
  expect(code).toBe(0);
  return out;
}

const stateGrid = async (file: string) => (await (await XlsxHost.open(file)).readWorkbook()).grids.find((g) => g.name === STATE_SHEET);

test('a workbook we wrote: only its state sheet is read, and it is the one the whole read gives', async () => {
  const out = await ourOutput();
  const grids = await readStateSheetOnly(out);
  expect(grids?.map((g) => g.name)).toEqual([STATE_SHEET]);
  expect(hasClerkDeskState(grids ?? [])).toBe(true);
  expect(grids?.[0].values).toEqual((await stateGrid(out))?.values);
});

test('her workbook: no state sheet, nothing to read; a sheet merely named like ours is not our state', async () => {
  expect(await readStateSheetOnly(await herBook())).toEqual([]);
  const fake = await readStateSheetOnly(await herBook(true));
  expect(fake?.map((g) => g.name)).toEqual([STATE_SHEET]);
  expect(hasClerkDeskState(fake ?? [])).toBe(false);
});

testNeeding(LIBREOFFICE)(
  'our workbook after LibreOffice saved it is still known as ours',
  async () => {
    const resaved = join(dir, 'resaved.xlsx');
    writeFileSync(resaved, resaveAsXlsx(await ourOutput()));
    const grids = await readStateSheetOnly(resaved);
    expect(hasClerkDeskState(grids ?? [])).toBe(true);
    expect(grids?.[0].values).toEqual((await stateGrid(resaved))?.values);
  },
  120_000,
);
