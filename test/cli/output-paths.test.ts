/**
 * Output-path safety (issue 13, item 1): a refused run writes nothing and leaves every byte of hers as it was;
 * --in-place keeps mode, owner and symlinks; a signal during a save leaves no temporary file.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'child_process';
import { buildSync } from 'esbuild';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { runCli } from './run-cli';
import { lockHolder } from '../../src/cli/output-paths';
import { t } from '../../src/core/i18n';
import { hasClerkDeskState, STATE_SHEET } from '../../src/core/state';
import { XlsxHost } from '../../src/xlsx';

const root = resolve(__dirname, '../..');
let dir: string;
let sample: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-paths-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月出货');
  ws.addRow(['出货日期', '送货单号', '客户名称', '物料编码', '数量', '含税单价', '含税金额']);
  ws.addRow(['2024年3月5日', 'SH2610001', '苏州华工精密模具有限公司', 'P-10001', '１２０', '¥11.75', '¥1,410.00']);
  ws.addRow(['2024年3月6日', 'SH2610002', '昆山瑞德电子有限公司', 'P-10002', 80, 12, 960]);
  ws.addRow(['小计', null, null, null, 200, null, 2370]);
  sample = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A fresh folder holding book.xlsx (the clerk's workbook). */
function folder(): { d: string; book: string } {
  const d = join(dir, `case${++n}`);
  mkdirSync(d);
  const book = join(d, 'book.xlsx');
  writeFileSync(book, sample);
  return { d, book };
}

const run = (cwd: string, argv: string[]) => runCli(cwd, argv, { progressEvery: 1e9 });
const firstLine = (err: string) => err.split('\n')[0];
const ours = async (path: string) => hasClerkDeskState((await (await XlsxHost.open(path)).readWorkbook()).grids);

describe('--json naming a workbook of the run is a usage error (exit 2), nothing written', () => {
  test.each([
    ['the input', ['all', 'book.xlsx', '--json', 'book.xlsx'], 'cli.error.jsonIsInput', 'book.xlsx'],
    ['the input, spelled another way', ['all', 'book.xlsx', '--json', './sub/../book.xlsx'], 'cli.error.jsonIsInput', './sub/../book.xlsx'],
    ['the input with --in-place', ['all', 'book.xlsx', '--in-place', '--json', 'book.xlsx'], 'cli.error.jsonIsInput', 'book.xlsx'],
    ['the --out file', ['all', 'book.xlsx', '--out', 'r.xlsx', '--json', 'r.xlsx'], 'cli.error.jsonIsOut', 'r.xlsx'],
  ])('%s', async (_what, argv, key, file) => {
    const { d, book } = folder();
    mkdirSync(join(d, 'sub'));
    const r = await run(d, argv);
    expect(r.code).toBe(2);
    expect(firstLine(r.err)).toBe(t('zh-CN', key as 'cli.error.jsonIsInput', { file }));
    expect(readFileSync(book)).toEqual(sample);
    expect(readdirSync(d).sort()).toEqual(['book.xlsx', 'sub']);
  });

  test('through a symbolic link to the input', async () => {
    const { d, book } = folder();
    symlinkSync(book, join(d, 'link.json'));
    const r = await run(d, ['all', 'book.xlsx', '--json', 'link.json']);
    expect(r.code).toBe(2);
    expect(readFileSync(book)).toEqual(sample);
  });

  test('--out as a hard link to the input', async () => {
    const { d, book } = folder();
    linkSync(book, join(d, 'same.xlsx'));
    const r = await run(d, ['all', 'book.xlsx', '--out', 'same.xlsx']);
    expect(r.code).toBe(2);
    expect(firstLine(r.err)).toBe(t('zh-CN', 'cli.error.sameAsInput'));
    expect(readFileSync(book)).toEqual(sample);
  });
});

describe('an existing --out file', () => {
  test('that is her own workbook is refused (exit 1, unchanged); --force replaces it', async () => {
    const { d, book } = folder();
    const hers = join(d, '汇总.xlsx');
    writeFileSync(hers, sample);
    const r = await run(d, ['all', 'book.xlsx', '--out', '汇总.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(t('zh-CN', 'cli.error.notOurs', { file: '汇总.xlsx' }));
    expect(readFileSync(hers)).toEqual(sample);
    expect(readFileSync(book)).toEqual(sample);
    expect(readdirSync(d).sort()).toEqual(['book.xlsx', '汇总.xlsx']);
    expect((await run(d, ['all', 'book.xlsx', '--out', '汇总.xlsx', '--force'])).code).toBe(0);
    expect(await ours(hers)).toBe(true);
  });

  test('that a sheet merely named like our state sheet does not make ours', async () => {
    const { d } = folder();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(STATE_SHEET).addRow(['not json at all']);
    wb.addWorksheet('台账').addRow(['她的数据', 1]);
    const fake = join(d, 'r.xlsx');
    await wb.xlsx.writeFile(fake);
    const bytes = readFileSync(fake);
    expect((await run(d, ['all', 'book.xlsx', '--out', 'r.xlsx'])).code).toBe(1);
    expect(readFileSync(fake)).toEqual(bytes);
  });

  test('that a text file is refused the same way', async () => {
    const { d } = folder();
    writeFileSync(join(d, 'notes.xlsx'), '备忘录');
    const r = await run(d, ['all', 'book.xlsx', '--out', 'notes.xlsx']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'notes.xlsx'), 'utf8')).toBe('备忘录');
  });

  test('that Clerk Desk wrote earlier is replaced without --force (a re-run)', async () => {
    const { d } = folder();
    expect((await run(d, ['all', 'book.xlsx', '--out', 'r.xlsx', '--json', 'r.json'])).code).toBe(0);
    expect((await run(d, ['all', 'book.xlsx', '--out', 'r.xlsx', '--json', 'r.json'])).code).toBe(0);
    expect(await ours(join(d, 'r.xlsx'))).toBe(true);
  });

  test('a folder at --out is refused', async () => {
    const { d } = folder();
    mkdirSync(join(d, 'out.xlsx'));
    const r = await run(d, ['all', 'book.xlsx', '--out', 'out.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(t('zh-CN', 'cli.error.outNotFile', { file: 'out.xlsx' }));
  });

  test('an existing --json file that is not our summary is refused; --force replaces it', async () => {
    const { d } = folder();
    writeFileSync(join(d, 'notes.json'), '{"mine": true}');
    const r = await run(d, ['all', 'book.xlsx', '--json', 'notes.json']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'notes.json'), 'utf8')).toBe('{"mine": true}');
    expect(existsSync(join(d, 'book.clerk-desk.xlsx'))).toBe(false);
    expect((await run(d, ['all', 'book.xlsx', '--json', 'notes.json', '--force'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'notes.json'), 'utf8'))).toMatchObject({ asOf: '2026-10-31' });
  });
});

test('exit 1 means nothing changed: a --json that cannot be written stops the workbook being written too', async () => {
  const { d, book } = folder();
  // A file where a folder should be: no permission trick (the tests may run as root).
  const r = await run(d, ['all', 'book.xlsx', '--json', 'book.xlsx/summary.json']);
  expect(r.code).toBe(1);
  expect(r.err.trim()).toBe(t('zh-CN', 'xlsx.error.cannotWrite', { file: 'book.xlsx/summary.json' }));
  expect(readFileSync(book)).toEqual(sample);
  expect(readdirSync(d)).toEqual(['book.xlsx']);
});

describe('--in-place while the workbook is open elsewhere', () => {
  test.each([
    ['Excel or WPS', '~$book.xlsx', 'cli.error.openInExcel'],
    ['LibreOffice', '.~lock.book.xlsx#', 'cli.error.openInLibreOffice'],
  ])('%s (%s beside it) is refused, saying so', async (_app, lock, key) => {
    const { d, book } = folder();
    writeFileSync(join(d, lock), 'owner');
    const r = await run(d, ['all', 'book.xlsx', '--in-place']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(t('zh-CN', key as 'cli.error.openInExcel', { file: 'book.xlsx', lock }));
    expect(readFileSync(book)).toEqual(sample);
    expect(readdirSync(d).sort()).toEqual([lock, 'book.xlsx'].sort());
  });

  test('Excel drops the first two characters of a long name in its owner file', async () => {
    const d = join(dir, 'long');
    mkdirSync(d);
    writeFileSync(join(d, '~$对账单明细表.xlsx'), 'owner');
    expect(await lockHolder(join(d, '十月对账单明细表.xlsx'))).toEqual({ app: 'excel', lock: join(d, '~$对账单明细表.xlsx') });
    expect(await lockHolder(join(d, '其它.xlsx'))).toBeNull();
  });
});

describe('--in-place keeps the file as the system knows it', () => {
  test('mode and owner are kept', async () => {
    const { d, book } = folder();
    chmodSync(book, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(book, 1234, 2345);
    const before = statSync(book);
    expect((await run(d, ['all', 'book.xlsx', '--in-place'])).code).toBe(0);
    const after = statSync(book);
    expect(after.mode & 0o7777).toBe(0o640);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(after.ino).not.toBe(before.ino); // replaced by rename, not written over
    expect(await ours(book)).toBe(true);
  });

  test('a symbolic link is followed: the target is rewritten, the link stays a link', async () => {
    const { d, book } = folder();
    mkdirSync(join(d, 'link'));
    symlinkSync(book, join(d, 'link', '捷径.xlsx'));
    expect((await run(join(d, 'link'), ['all', '捷径.xlsx', '--in-place'])).code).toBe(0);
    expect(lstatSync(join(d, 'link', '捷径.xlsx')).isSymbolicLink()).toBe(true);
    expect(await ours(book)).toBe(true);
    expect(readdirSync(join(d, 'link'))).toEqual(['捷径.xlsx']);
  });

  test('a read-only workbook is refused and stays read-only and unchanged', async () => {
    const { d, book } = folder();
    chmodSync(book, 0o444);
    const r = await run(d, ['all', 'book.xlsx', '--in-place']);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(t('zh-CN', 'cli.error.readOnly', { file: 'book.xlsx' }));
    expect(statSync(book).mode & 0o777).toBe(0o444);
    expect(readFileSync(book)).toEqual(sample);
  });
});

test('a signal during a save leaves no temporary file, and the process dies of that signal', async () => {
  const d = join(dir, 'signal');
  mkdirSync(d);
  const target = join(d, 'book.xlsx');
  writeFileSync(target, sample);
  // The child stages a save (the temporary file exists), says so, and waits for a commit that never comes.
  const entry = join(d, 'child.ts');
  writeFileSync(
    entry,
    `import { stageFile } from ${JSON.stringify(join(root, 'src/xlsx/safe-write'))};
     stageFile(${JSON.stringify(target)}, Buffer.alloc(1 << 20, 7)).then(() => { process.stdout.write('staged\\n'); setInterval(() => undefined, 1000); });`,
  );
  const bundle = join(dir, 'child.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
  rmSync(entry);
  const child = spawn(process.execPath, [bundle], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((res, rej) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('staged') && res());
    child.on('exit', () => rej(new Error('child exited before staging')));
  });
  expect(readdirSync(d).length).toBe(2);
  child.kill('SIGTERM');
  const signal = await new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, s) => res(s)));
  expect(signal).toBe('SIGTERM');
  expect(readdirSync(d)).toEqual(['book.xlsx']);
  expect(readFileSync(target)).toEqual(sample);
}, 30_000);
