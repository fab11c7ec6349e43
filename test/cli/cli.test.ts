import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { defaultOutPath } from '../../src/cli/main';
import { runCli, shippingListBook } from './run-cli';
import { parseArgs } from '../../src/cli/args';
import { XlsxHost } from '../../src/xlsx';
import { JOBS } from '../../src/core/job-registry';
import { t } from '../../src/core/i18n';
import type { Grid } from '../../src/core/grid';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (argv: string[]) => runCli(dir, argv);
const smallBook = (file: string) => shippingListBook(dir, file);

const gridsOf = async (path: string): Promise<Grid[]> => (await (await XlsxHost.open(path)).readWorkbook()).grids;

describe('arguments', () => {
  test('job options become kebab-case flags; booleans are bare flags', () => {
    const p = parseArgs(['sales', 'book.xlsx', '--month', '2026-10', '--with-tax', '--basis=shipments', '--as-of', '2026-10-31']);
    expect(p).toMatchObject({ kind: 'run', jobs: ['sales'], book: 'book.xlsx', asOf: '2026-10-31', options: { month: '2026-10', withTax: true, basis: 'shipments' } });
    expect(parseArgs(['sales', 'b.xlsx', '--no-with-tax'])).toMatchObject({ options: { withTax: false } });
    expect(parseArgs(['receivables', 'b.xlsx', '--overdue-days', '60'])).toMatchObject({ options: { overdueDays: 60 } });
  });
  test('all takes every job and every job’s options', () => {
    const p = parseArgs(['all', 'b.xlsx', '--month', '2026-10', '--with-tax', '--invoice-days', '10']);
    expect(p).toMatchObject({ kind: 'run', jobs: JOBS.map((j) => j.id), options: { month: '2026-10', withTax: true, invoiceDays: 10 } });
  });
  test('fn takes its arguments verbatim, even ones that look like flags', () => {
    expect(parseArgs(['fn', 'AMOUNT', '-1,234.50'])).toEqual({ kind: 'fn', lang: 'zh-CN', name: 'AMOUNT', args: ['-1,234.50'] });
  });
  test('usage errors name the problem', () => {
    expect(parseArgs(['sales', 'b.xlsx', '--with-tax=maybe'])).toMatchObject({ kind: 'error', error: { key: 'cli.error.badChoice' } });
    expect(parseArgs(['quotes', 'b.xlsx', '--with-tax'])).toMatchObject({ kind: 'error', error: { key: 'cli.error.unknownFlag' } });
    expect(parseArgs(['sales', 'b.xlsx', '--month', '2026-13'])).toMatchObject({ kind: 'error', error: { key: 'cli.error.badMonth' } });
    expect(parseArgs(['sales', 'b.xlsx', '--out', 'x.xlsx', '--in-place'])).toMatchObject({ kind: 'error', error: { key: 'cli.error.outInPlace' } });
    expect(parseArgs(['sales'])).toMatchObject({ kind: 'error', error: { key: 'cli.error.noBook' } });
  });
});

describe('bad usage exits 2', () => {
  const jobs = ['all', ...JOBS.map((j) => j.id)].join(', ');
  test.each([
    [['frobnicate', 'b.xlsx'], t('zh-CN', 'cli.error.unknownJob', { job: 'frobnicate', jobs })],
    [['sales', 'b.xlsx', '--bogus'], t('zh-CN', 'cli.error.unknownFlag', { flag: '--bogus' })],
    [['sales', 'b.xlsx', '--as-of', '2026-02-30'], t('zh-CN', 'cli.error.badDate', { flag: '--as-of', value: '2026-02-30' })],
    [['sales', 'b.xlsx', '--as-of', '31/10/2026'], t('zh-CN', 'cli.error.badDate', { flag: '--as-of', value: '31/10/2026' })],
    [['sales', 'b.xlsx', '--lang', 'fr-FR'], t('zh-CN', 'cli.error.badLang', { value: 'fr-FR' })],
    [['sales', 'b.xlsx', '--out'], t('zh-CN', 'cli.error.missingValue', { flag: '--out' })],
    [[], t('zh-CN', 'cli.error.noJob')],
    [['receivables', 'b.xlsx', '--buckets', '30,abc'], t('zh-CN', 'options.cli.bad', { flag: '--buckets', value: '30,abc', problem: t('zh-CN', 'options.problem.dayList') })],
    [['all', 'b.xlsx', '--buckets', '30,60,0'], t('zh-CN', 'options.cli.bad', { flag: '--buckets', value: '30,60,0', problem: t('zh-CN', 'options.problem.dayList') })],
    [['all', 'b.xlsx', '--buckets', '60,30'], t('zh-CN', 'options.cli.bad', { flag: '--buckets', value: '60,30', problem: t('zh-CN', 'options.problem.dayListOrder') })],
    [['reconcile', 'b.xlsx', '--amount-tolerance', '-0.01'], t('zh-CN', 'options.cli.bad', { flag: '--amount-tolerance', value: '-0.01', problem: t('zh-CN', 'options.problem.min', { min: 0 }) })],
    [['all', 'b.xlsx', '--overdue-days=-30'], t('zh-CN', 'options.cli.bad', { flag: '--overdue-days', value: '-30', problem: t('zh-CN', 'options.problem.min', { min: 0 }) })],
  ])('%j', async (argv, message) => {
    const r = await run([...argv]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`${message}\n${t('zh-CN', 'cli.usage.short')}\n`);
  });
  test('in English with --lang en-US', async () => {
    const r = await run(['frobnicate', 'b.xlsx', '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no job called "frobnicate"');
  });
});

test('--buckets: any rising list of positive whole days is accepted (full-width digits too); one item that is not is refused', () => {
  expect(parseArgs(['receivables', 'b.xlsx', '--buckets', '３０，６０'])).toMatchObject({ kind: 'run', options: { buckets: '３０，６０' } });
  fc.assert(
    fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 3650 }), { minLength: 1, maxLength: 8 }).map((d) => d.sort((a, b) => a - b)), fc.constantFrom(',', '，', '、', ', '), fc.constantFrom('abc', '-30', '1.5', '0', '三十'), fc.nat(), (days, sep, bad, at) => {
      expect(parseArgs(['receivables', 'b.xlsx', '--buckets', days.join(sep)])).toMatchObject({ kind: 'run', options: { buckets: days.join(sep) } });
      const items = days.map(String);
      items.splice(at % (items.length + 1), 0, bad);
      expect(parseArgs(['receivables', 'b.xlsx', '--buckets', items.join(sep)])).toMatchObject({ kind: 'error', error: { key: 'options.cli.bad', values: { flag: '--buckets' } } });
    }),
  );
});

describe('bad input exits 1 with one sentence', () => {
  const oneLine = (err: string) => err.trim().split('\n');
  test('a missing file', async () => {
    const r = await run(['sales', 'missing.xlsx']);
    expect(r.code).toBe(1);
    expect(oneLine(r.err)).toEqual(['找不到文件：missing.xlsx。']);
  });
  test('a .txt renamed .xlsx', async () => {
    writeFileSync(join(dir, 'notes.xlsx'), '这是一份备忘录，不是表格。\n');
    const r = await run(['all', 'notes.xlsx']);
    expect(r.code).toBe(1);
    expect(oneLine(r.err)).toEqual(['notes.xlsx 不是 Excel 工作簿（.xlsx），无法读取。']);
    expect(existsSync(join(dir, 'notes.clerk-desk.xlsx'))).toBe(false);
  });
  test('an empty workbook: nothing is written', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(join(dir, 'empty.xlsx'));
    const r = await run(['all', 'empty.xlsx', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    expect(oneLine(r.err)).toEqual(['empty.xlsx has no sheet with any data, so nothing was written.']);
    expect(existsSync(join(dir, 'empty.clerk-desk.xlsx'))).toBe(false);
  });
});

describe('--help', () => {
  test('Chinese by default, listing every job and option', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：');
    for (const job of JOBS) {
      expect(r.out).toContain(`  ${job.id}`);
      expect(r.out).toContain(t('zh-CN', job.title));
      for (const o of job.options) expect(r.out).toContain(t('zh-CN', o.label));
    }
    expect(r.out).toContain('RMBUPPER');
  });
  test('English with --lang en-US', async () => {
    const r = await run(['--lang', 'en-US', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage:');
    for (const job of JOBS) for (const o of job.options) expect(r.out).toContain(t('en-US', o.label));
    expect(r.out).not.toContain('用法');
    expect(r.out).not.toContain('任务选项');
  });
});

describe('fn', () => {
  test('RMBUPPER 1409.5', async () => {
    const r = await run(['fn', 'RMBUPPER', '1409.5']);
    expect(r).toEqual({ code: 0, out: '人民币壹仟肆佰零玖元伍角\n', err: '' });
  });
  test('QUOTEPRICE reads the quotes of the workbook given with --book', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('报价台账');
    ws.addRow(['报价单号', '报价日期', '客户名称', '物料编码', '起订量', '含税单价', '税率', '有效期至']);
    ws.addRow(['BJ-01', '2026-01-05', '苏州华工精密模具有限公司', 'P-100', 1, 12.5, '13%', '2026-12-31']);
    ws.addRow(['BJ-01', '2026-01-05', '苏州华工精密模具有限公司', 'P-100', 500, 11.8, '13%', '2026-12-31']);
    await wb.xlsx.writeFile(join(dir, '报价.xlsx'));
    expect(await run(['fn', 'QUOTEPRICE', '苏州华工精密模具（有限公司）', 'P-100', '600', '--book', '报价.xlsx'])).toEqual({ code: 0, out: '11.8\n', err: '' });
    const missing = await run(['fn', 'QUOTEPRICE', '华工', 'P-100', '6', '--book', '没有这个文件.xlsx']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('没有这个文件.xlsx');
  });

  test('an unknown function is an error on stderr, exit 1', async () => {
    const r = await run(['fn', 'NOSUCH', '1']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^#NAME\? /);
  });
});

describe('a real run', () => {
  test('writes the output next to the input, the JSON summary, and leaves the input alone', async () => {
    const book = await smallBook('出货.xlsx');
    const before = readFileSync(book);
    const r = await run(['all', '出货.xlsx', '--json', 'out/summary.json', '--month', '2026-10']);
    expect(r.code).toBe(0);
    const out = defaultOutPath(book);
    expect(r.out).toBe(`${out}\n`);
    expect(readFileSync(book)).toEqual(before);
    const summary = JSON.parse(readFileSync(join(dir, 'out/summary.json'), 'utf8'));
    expect(summary).toMatchObject({ job: 'all', asOf: '2026-10-31' });
    const inGrids = await gridsOf(book);
    const outGrids = await gridsOf(out);
    for (const g of inGrids) expect(outGrids.find((o) => o.name === g.name)).toEqual(g);
    expect(outGrids.find((g) => g.name === 'ClerkDesk_state')?.hidden).toBe(true);
  });

  test('--in-place twice: the clerk’s sheet unchanged, our sheets replaced, never copied', async () => {
    const book = await smallBook('就地.xlsx');
    const clerk = (await gridsOf(book))[0];
    expect((await run(['all', book, '--in-place', '--as-of', '2026-10-31'])).code).toBe(0);
    const first = await (await XlsxHost.open(book)).readWorkbook();
    expect((await run(['all', book, '--in-place', '--as-of', '2026-10-31'])).code).toBe(0);
    const second = await (await XlsxHost.open(book)).readWorkbook();
    expect(second.existing.sheets).toEqual(first.existing.sheets);
    expect(second.existing.tables.map((x) => x.name).sort()).toEqual(first.existing.tables.map((x) => x.name).sort());
    expect(second.grids[0]).toEqual(clerk);
    expect(first.existing.sheets.filter((s) => s === 'ClerkDesk_state')).toHaveLength(1);
  });

  test('bin/clerk-desk.js runs the bundle as a process', async () => {
    const book = await smallBook('spawn.xlsx');
    const r = spawnSync(process.execPath, [join(root, 'bin/clerk-desk.js'), 'sales', book, '--out', join(dir, 'spawn-out.xlsx'), '--lang', 'en-US'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toContain('findings');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'spawn-out.xlsx'));
    const bad = spawnSync(process.execPath, [join(root, 'bin/clerk-desk.js'), 'sales', join(dir, 'nope.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`找不到文件：${join(dir, 'nope.xlsx')}。`);
  });
});
