/**
 * `npm run bench`: the benchmark suite (issue 9). It fails nothing; it measures and writes bench/results.md.
 * Figures are wall-clock on this machine, with a baseline timed in the same run where the issue asks for a ratio.
 *  - core: structure and every job on synthetic workbooks of 10k, 100k and 1,048,576 shipment rows, with peak memory;
 *  - the CLI end to end (read .xlsx → all jobs → write .xlsx) at 10k and 100k rows, in a child process, with its peak RSS;
 *  - the CLI's whole process (reconcile at 10k and 100k lines per side, all at 100k) against LibreOffice loading the same file (bench/cli.bench.ts);
 *  - reconcile's matcher alone, and its ratio to LibreOffice recalculating a hand-built SUMIFS workbook (bench/reconcile.bench.ts);
 *  - the Office.js host on the simulation: syncs and largest request per job;
 *  - the task pane bundle (gzipped) and its first render in headless Chromium.
 * Set BENCH_QUICK=1 to skip the 1,048,576-row sizes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { runWorkbook } from '../src/core/pipeline';
import { JOB_IDS } from '../src/core/job-registry';
import type { JobId } from '../src/core/job-definition';
import { asIsoDate } from '../src/core/values/brand';
import { benchBook, writeBenchXlsx } from './fixtures';

const MB = 1024 * 1024;
const quick = process.env.BENCH_QUICK === '1';
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_048_575];
/** bench/ itself: run-ts runs a bundled copy from node_modules/.cache, where __dirname is not bench/ (npm runs in the root). */
const BENCH = join(process.cwd(), 'bench');
const tmp = join(BENCH, 'tmp');
mkdirSync(tmp, { recursive: true });

interface Row {
  what: string;
  rows: number;
  ms: number;
  memMB: number;
  note?: string;
}
const rows: Row[] = [];
const sections: string[] = [];

function gcNow(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function timeCore(job: JobId, book: ReturnType<typeof benchBook>, n: number): void {
  gcNow();
  const t0 = performance.now();
  runWorkbook(book.grids, { jobs: [job], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { period: '2026-10', month: '2026-10' } });
  const ms = performance.now() - t0;
  // maxRSS is the process's peak so far; sizes run smallest first, so it is this size's peak (workbook included).
  rows.push({ what: job === 'structure' ? 'structure (core)' : `structure + ${job} (core)`, rows: n, ms, memMB: process.resourceUsage().maxRSS / 1024 });
}

async function cliEndToEnd(n: number): Promise<void> {
  const book = benchBook(n);
  const input = join(tmp, `bench-${n}.xlsx`);
  const output = join(tmp, `bench-${n}.out.xlsx`);
  await writeBenchXlsx(book, input);
  const cli = join(BENCH, '..', 'bin', 'clerk-desk.js');
  const probe = `process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'));process.argv=[process.argv[0],${JSON.stringify(cli)},...process.argv.slice(1)];require(${JSON.stringify(cli)})`;
  const t0 = performance.now();
  const res = spawnSync(process.execPath, ['-e', probe, 'all', input, '--out', output, '--as-of', '2026-10-31', '--period', '2026-10', '--month', '2026-10'], { encoding: 'utf8', maxBuffer: 64 * MB });
  const ms = performance.now() - t0;
  const rssKb = Number(/MAXRSS (\d+)/.exec(res.stderr)?.[1] ?? NaN);
  rows.push({ what: 'CLI end to end: read .xlsx → all jobs → write .xlsx', rows: n, ms, memMB: rssKb / 1024, note: res.status === 0 ? undefined : `exit ${res.status}: ${res.stderr.split('\n').slice(-3).join(' ')}` });
  rmSync(output, { force: true });
}

function runSub(script: string): string {
  const path = join(BENCH, script);
  if (!existsSync(path)) return `_${script} is missing._`;
  try {
    return execFileSync(process.execPath, ['--expose-gc', join(BENCH, '..', 'bin', 'run-ts.js'), path], { encoding: 'utf8', maxBuffer: 64 * MB, env: { ...process.env } });
  } catch (e) {
    return `_${script} failed: ${(e as Error).message.split('\n')[0]}_`;
  }
}

async function main(): Promise<void> {
  for (const n of sizes) {
    const book = benchBook(n);
    for (const job of JOB_IDS) timeCore(job, book, n);
    process.stderr.write(`core ${n} rows done\n`);
  }
  for (const n of [10_000, 100_000]) {
    await cliEndToEnd(n);
    process.stderr.write(`cli ${n} rows done\n`);
  }
  sections.push('## The CLI, whole process, against LibreOffice opening the same file\n\n' + runSub('cli.bench.ts'));
  sections.push('## Reconcile matcher and the LibreOffice SUMIFS baseline\n\n' + runSub('reconcile.bench.ts'));
  sections.push('## Structure (core), 100k × 15\n\n' + runSub('structure.bench.ts'));
  sections.push('## Office.js host on the simulation\n\n' + runSub('office.bench.ts'));
  sections.push('## Task pane bundle and first render\n\n' + runSub('pane.bench.ts'));

  const table = [
    '| what | rows | time (s) | peak memory (MB) | note |',
    '|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.what} | ${r.rows.toLocaleString('en-US')} | ${(r.ms / 1000).toFixed(2)} | ${Number.isFinite(r.memMB) ? r.memMB.toFixed(0) : '—'} | ${r.note ?? ''} |`),
  ].join('\n');
  const md = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on ${process.platform}/${process.arch}, Node ${process.version}, ${cpus().length} cores. Core rows: shipment lines (plus a statement, invoices at 1/10 and receipts).`,
    'Peak memory for core rows is this process\u2019s max RSS so far (sizes run smallest first; it includes the synthetic workbook); for the CLI it is the child\u2019s max RSS.',
    '',
    '## Core and CLI',
    '',
    table,
    '',
    ...sections,
    '',
  ].join('\n');
  writeFileSync(join(BENCH, 'results.md'), md);
  process.stdout.write(md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
