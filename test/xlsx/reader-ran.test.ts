/**
 * Which reader served a workbook is known (issue 20, item 2): the host records it, the CLI's summary and --verbose
 * say it, and an unexpected exception in the fast reader is a failure under CLERK_DESK_STRICT_READER (as in this
 * suite), a recorded fallback otherwise.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { t } from '../../src/core/i18n';
import { asIsoDate } from '../../src/core/values/brand';
import * as fastRead from '../../src/xlsx/fast-read';
import { XlsxHost } from '../../src/xlsx/host';

jest.mock('../../src/xlsx/fast-read', () => {
  const actual = jest.requireActual('../../src/xlsx/fast-read');
  return { ...actual, fastReadWorkbook: jest.fn(actual.fastReadWorkbook) };
});
const mocked = fastRead.fastReadWorkbook as jest.MockedFunction<typeof fastRead.fastReadWorkbook>;

let dir: string;
let book: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-reader-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月出货');
  ws.addRow(['出货日期', '送货单号', '客户名称', '数量', '含税金额']);
  ws.addRow(['2024年3月5日', 'SH001', '苏州华工精密模具有限公司', 120, 1410]);
  ws.addRow(['2024年3月6日', 'SH002', '昆山瑞德电子有限公司', 80, 960]);
  // Two formulas whose result was never saved (a program that writes formulas without calculating them).
  ws.getCell('F2').value = { formula: 'D2*2' } as ExcelJS.CellFormulaValue;
  ws.getCell('F3').value = { formula: 'D3*2' } as ExcelJS.CellFormulaValue;
  book = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  XlsxHost.strictReader = true;
  mocked.mockImplementation(jest.requireActual('../../src/xlsx/fast-read').fastReadWorkbook);
});

test('this suite runs with the strict reader', () => {
  expect(XlsxHost.strictReader).toBe(true);
});

test('the host records that the fast reader read the file', async () => {
  const host = await XlsxHost.open(book, 'book.xlsx');
  await host.readWorkbook();
  expect(host.reader).toBe('fast');
  expect(mocked).toHaveBeenCalled();
  expect(host.uncachedFormulas).toEqual([{ sheet: '10月出货', count: 2 }]);
});

test('an exception in the fast reader fails under the strict reader', async () => {
  mocked.mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  });
  const host = await XlsxHost.open(book, 'book.xlsx');
  await expect(host.readWorkbook()).rejects.toThrow(TypeError);
});

test('without the strict reader the same exception falls back to ExcelJS, and that is recorded', async () => {
  XlsxHost.strictReader = false;
  mocked.mockImplementation(() => {
    throw new TypeError('boom');
  });
  const host = await XlsxHost.open(book, 'book.xlsx');
  const read = await host.readWorkbook();
  expect([host.reader, host.readerNote]).toEqual(['exceljs', 'boom']);
  expect(read.grids[0].values[1].slice(0, 3)).toEqual(['2024年3月5日', 'SH001', '苏州华工精密模具有限公司']);
});

test('the CLI says which reader ran (summary and --verbose) and warns once per sheet of formulas without values', async () => {
  const path = join(dir, 'book.xlsx');
  writeFileSync(path, book);
  let err = '';
  const code = await main(['all', 'book.xlsx', '--json', 'summary.json', '--verbose', '--as-of', '2026-10-31'], {
    stdout: () => undefined,
    stderr: (s) => (err += s),
    cwd: dir,
    today: () => asIsoDate('2026-10-31'),
    progressEvery: 1e9,
  });
  expect(code).toBe(0);
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
  expect(summary.reader).toBe('fast');
  expect(summary.formulasWithoutValues).toEqual([{ sheet: '10月出货', count: 2 }]);
  const lines = err.split('\n');
  expect(lines).toContain(t('zh-CN', 'cli.verbose.readerFast'));
  expect(lines.filter((l) => l === t('zh-CN', 'xlsx.warn.uncachedFormulas', { sheet: '10月出货', count: 2 }))).toHaveLength(1);
});
