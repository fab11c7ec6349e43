/**
 * Answers, not sheets: on the sample workbook (17 sheets of the clerk's), each job adds only its own sheets plus one
 * 问题清单; typed copies of her tables appear only with --typed-tables. Sheets are counted in the written file.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx';
import { readState, STATE_SHEET } from '../../src/core/state';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-count-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Added {
  /** What the CLI said on stderr. */
  stderr: string;
  /** Sheets the run added, in tab order. */
  names: string[];
  /** The purpose recorded in the state sheet for each added sheet. */
  purposes: string[];
}

async function run(job: string, ...flags: string[]): Promise<Added> {
  const book = join(dir, `${job}-in.xlsx`);
  const out = join(dir, `${job}${flags.join('')}.xlsx`);
  copyFileSync(sample, book);
  let stderr = '';
  const code = await main([job, book, '--out', out, '--as-of', '2026-10-31', ...flags], { stdout: () => undefined, stderr: (s) => (stderr += s) });
  expect([code, stderr.includes('错误：')]).toEqual([0, false]);
  const before = (await (await XlsxHost.open(book)).readWorkbook()).existing.sheets;
  const after = await (await XlsxHost.open(out)).readWorkbook();
  expect(after.existing.sheets.slice(0, before.length)).toEqual(before);
  const names = after.existing.sheets.slice(before.length);
  const state = readState(after.grids);
  return { stderr, names, purposes: names.map((n) => (n === STATE_SHEET ? 'state' : (state.owned.find((o) => o.sheet === n)?.purpose ?? '?'))) };
}

/** True when every purpose's sheets sit next to each other. */
const together = (purposes: string[]): boolean => purposes.every((p, i) => i === 0 || p === purposes[i - 1] || !purposes.slice(0, i).includes(p));

(existsSync(sample) ? describe : describe.skip)('generated sheets on the sample workbook', () => {
  test('reconcile adds its own sheets, main sheet first, a confirmation letter per related company, one 问题清单 and the hidden state: at most 8 she sees', async () => {
    const { names, stderr } = await run('reconcile');
    // The answer first: the three related companies' statements, every difference explained.
    expect(stderr).toContain('关联企业对账：对账单位 3；');
    expect(stderr).toContain('未解释金额 ¥0.00');
    expect(stderr.indexOf('关联企业对账：')).toBeLessThan(stderr.indexOf('条发现'));
    // The hidden state sheet is not a tab she sees; every other added sheet is.
    expect(names.filter((n) => n !== 'ClerkDesk_state').length).toBeLessThanOrEqual(8);
    expect(names[0]).toBe('对账汇总');
    const middle = names.slice(1, -2);
    expect(middle.filter((n) => n.startsWith('对账_'))).toHaveLength(3);
    expect(middle.filter((n) => n.startsWith('确认函_'))).toHaveLength(3);
    expect(middle).toHaveLength(6);
    expect(names.slice(-2)).toEqual(['问题清单', 'ClerkDesk_state']);
    expect(names.some((n) => n.startsWith('表_') || n === '识别结果')).toBe(false);
  });

  test('all adds at most 30 sheets, each job’s together in run order, and no typed copies', async () => {
    const { names, purposes } = await run('all');
    expect(names.length).toBeLessThanOrEqual(30);
    expect(names.some((n) => n.startsWith('表_'))).toBe(false);
    expect(together(purposes)).toBe(true);
    expect([...new Set(purposes)]).toEqual(['structure', 'quotes', 'reconcile', 'receivables', 'sales', 'ledgers', 'findings', 'state']);
    expect(names.filter((n) => n === '问题清单')).toHaveLength(1);
  });

  test('--typed-tables writes one 表_ copy per table of hers, right after 识别结果', async () => {
    const { names } = await run('structure', '--typed-tables');
    const copies = names.filter((n) => n.startsWith('表_'));
    // Every one of the sample's 17 sheets is a table of hers (docs/sample.md lists them).
    expect(copies).toHaveLength(17);
    expect(names.slice(0, 2)).toEqual(['识别结果', '表_客户档案']);
    expect(names.slice(-2)).toEqual(['问题清单', 'ClerkDesk_state']);
  });
});
