/**
 * The month-end close with no date options (issue 15's done-when): on the sample, in early December, `all` finds
 * October from the data itself and gives the same figures as `--period 2026-10 --month 2026-10`.
 * The October net sales figure is the one PLANTED.md worked out from the documents, not one the code computed.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import { asIsoDate } from '../../src/core/values/brand';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-period-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Summary = Record<string, unknown> & { reconcile: Record<string, unknown>; sales: Record<string, unknown>; receivables: Record<string, unknown> };

async function runAll(name: string, extra: string[]): Promise<{ code: number; stderr: string; summary: Summary }> {
  const book = join(dir, `${name}.xlsx`);
  copyFileSync(sample, book);
  let stderr = '';
  const json = join(dir, `${name}.json`);
  const code = await main(['all', book, '--out', join(dir, `${name}.out.xlsx`), '--json', json, ...extra], {
    stdout: () => undefined,
    stderr: (s) => (stderr += s),
    today: () => asIsoDate('2026-12-02'),
  });
  return { code, stderr, summary: JSON.parse(readFileSync(json, 'utf8')) as Summary };
}

/** The summary without the words saying why a period was chosen (the only thing that may differ). */
const figures = (s: Summary): unknown =>
  JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'periodSource' || k === 'monthSource' ? undefined : v)));

(existsSync(sample) ? describe : describe.skip)('all on the sample with no date options, run on 2026-12-02', () => {
  let auto: Awaited<ReturnType<typeof runAll>>;
  let chosen: Awaited<ReturnType<typeof runAll>>;
  beforeAll(async () => {
    auto = await runAll('auto', []);
    chosen = await runAll('chosen', ['--period', '2026-10', '--month', '2026-10']);
  });

  test('reconcile works on October (the statements’ 对账期间) and sales reports October, not December', () => {
    expect([auto.code, auto.summary.reconcile.period, auto.summary.reconcile.periodSource]).toEqual([0, '2026-10', 'statement-title']);
    expect([auto.summary.sales.month, auto.summary.sales.monthSource, auto.summary.receivables.month]).toEqual(['2026-10', 'sales', '2026-10']);
    const totals = auto.summary.sales.totals as { months: number[] };
    expect(totals.months[totals.months.length - 1]).toBe(324070.79);
  });

  test('the planted 09-30 shipment booked by them on 10-02 is a timing difference matched to our September list', () => {
    // PLANTED.md files it under only-theirs ("on their October statement, on our September list"); issue 15 makes
    // it 上期发货、本期入账, matched to its September line, which is what its note describes.
    const cps = auto.summary.reconcile.counterparties as { name: string; lines: { class: string; ours: unknown; theirs: unknown }[] }[];
    const hg = cps.find((c) => c.name === '苏州华工精密模具有限公司')!;
    const line = hg.lines.find((l) => JSON.stringify(l.theirs) === JSON.stringify({ sheet: '对账单-华工精密', row: 6 }));
    expect(line).toMatchObject({ class: 'prior-period', ours: { sheet: '9月出货清单' } });
  });

  test('the same figures as --period 2026-10 --month 2026-10', () => {
    expect(chosen.code).toBe(0);
    expect(figures(auto.summary)).toEqual(figures(chosen.summary));
  });

  test('stderr says which period each job used, and that the as-of date is after the data', () => {
    expect(auto.stderr).toContain('对账期间：2026-10（取自对账单抬头的对账期间）');
    expect(auto.stderr).toContain('销售分析月份：2026-10（数据中截至基准日最近有销售的月份）');
    expect(auto.stderr).toContain('截至 2026-12-02，数据止于 2026-11-03');
    expect(chosen.stderr).toContain('对账期间：2026-10（按所选期间）');
  });

  test('a chosen month with no data says so on stderr', async () => {
    const empty = await runAll('empty', ['--period', '2026-12', '--month', '2026-12']);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('对账期间 2026-12 内既没有对账单明细也没有出货记录');
    expect(empty.stderr).toContain('2026-12 没有销售记录');
  });
});
