/**
 * Reconcile's matcher alone, and a baseline timed in the same run (issue 6).
 * Run: node --expose-gc bin/run-ts.js bench/reconcile.bench.ts   (BENCH_QUICK=1 skips 1,048,576; BENCH_NO_LO=1 skips LibreOffice)
 *
 *  - ours: prepare (normalise document numbers and parts, intern keys into typed arrays) and match (the passes),
 *    on generated lines at 100k × 100k and 1,048,576 × 1,048,576; best of three, with heapUsed and rss after;
 *  - the baseline: LibreOffice headless loading a workbook a clerk would build by hand — their statement lines
 *    with one SUMIFS and one COUNTIFS per line over our list — minus the load of the same workbook without
 *    formulas, at 2k, 5k and 10k rows; and the ratio of our time (prepare + match) to it.
 * It fails nothing: it prints a markdown table and writes it to bench/results-reconcile.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import ExcelJS from 'exceljs';
import { CLASSES } from '../src/core/reconcile/classes';
import { matchPrepared, prepare } from '../src/core/reconcile/match';
import { asIsoDate } from '../src/core/values/brand';
import { generate } from './reconcile-baseline/generate';

const quick = process.env.BENCH_QUICK === '1';
const noLo = process.env.BENCH_NO_LO === '1';
const MB = 1024 * 1024;
/** bench/ itself (run-ts bundles this file elsewhere, so not __dirname). */
const benchDir = join(process.cwd(), 'bench');

function gc(): void {
  let f = (globalThis as { gc?: () => void }).gc;
  if (!f) {
    v8.setFlagsFromString('--expose-gc');
    f = vm.runInNewContext('gc') as () => void;
  }
  f();
}

interface OurFigure {
  n: number;
  prepareMs: number;
  matchMs: number;
  /** CPU time of this process over prepare + match (user + system): less sensitive to other work than wall time. */
  cpuMs: number;
  heapMB: number;
  rssMB: number;
  counts: string;
}

function timeOurs(n: number, reps = 3): OurFigure {
  const { ours, theirs } = generate(n);
  let best: OurFigure | undefined;
  for (let rep = 0; rep < reps; rep++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const p = prepare(ours, theirs);
    const t1 = performance.now();
    const r = matchPrepared(p, { periodEnd: asIsoDate('2026-10-31') });
    const t2 = performance.now();
    const cpu = process.cpuUsage(c0);
    const mem = process.memoryUsage();
    const counts = new Map<string, number>();
    for (let L = 0; L < r.cls.length; L++) counts.set(CLASSES[r.cls[L]], (counts.get(CLASSES[r.cls[L]]) ?? 0) + 1);
    const fig: OurFigure = {
      n,
      prepareMs: t1 - t0,
      matchMs: t2 - t1,
      cpuMs: (cpu.user + cpu.system) / 1000,
      heapMB: mem.heapUsed / MB,
      rssMB: mem.rss / MB,
      counts: CLASSES.filter((c) => counts.get(c)).map((c) => `${c} ${counts.get(c)}`).join(', '),
    };
    if (!best || fig.prepareMs + fig.matchMs < best.prepareMs + best.matchMs) best = fig;
  }
  return best!;
}

/** The clerk's hand-built workbook: their lines with SUMIFS/COUNTIFS over ours (or the same without formulas). */
async function writeBaseline(n: number, withFormulas: boolean, file: string): Promise<void> {
  const { ours, theirs } = generate(n);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对账');
  const os = wb.addWorksheet('我方');
  os.addRow(['送货单号', '料号', '数量', '金额']);
  for (const o of ours) os.addRow([String(o.doc).replace(/\D/g, '').replace(/^0+/, ''), o.part, o.qty, o.amount / 100]);
  ws.addRow(['单号', '料号', '数量', '金额', '我方金额', '我方笔数', '差额']);
  const last = ours.length + 1;
  theirs.forEach((t, i) => {
    const r = i + 2;
    const key = String(t.doc).replace(/\D/g, '').replace(/^0+/, '');
    ws.addRow(
      withFormulas
        ? [key, t.part, t.qty, t.amount / 100, { formula: `SUMIFS(我方!$D$2:$D$${last},我方!$A$2:$A$${last},A${r},我方!$B$2:$B$${last},B${r})` }, { formula: `COUNTIFS(我方!$A$2:$A$${last},A${r},我方!$B$2:$B$${last},B${r})` }, { formula: `E${r}-D${r}` }]
        : [key, t.part, t.qty, t.amount / 100, 0, 0, 0],
    );
  });
  await wb.xlsx.writeFile(file);
}

function sofficeMs(file: string, outDir: string): number {
  const t0 = performance.now();
  execFileSync('soffice', ['-env:UserInstallation=file:///tmp/lo-bench', '--headless', '--convert-to', 'csv', '--outdir', outDir, file], { stdio: 'ignore', timeout: 600_000 });
  return performance.now() - t0;
}

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);

async function main(): Promise<void> {
  const lines: string[] = [];
  const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
  lines.push(`Node ${process.version}; load average at start ${load} (other work on the machine inflates wall times).`, '');
  lines.push('| matcher (core) | lines per side | prepare ms | match ms | total ms (wall) | CPU ms | heapUsed MB | rss MB | classes |', '|---|---:|---:|---:|---:|---:|---:|---:|---|');
  const sizes = quick ? [100_000] : [100_000, 1_048_576];
  for (const n of sizes) {
    const f = timeOurs(n);
    process.stderr.write(`ours ${n}: ${f0(f.prepareMs)} + ${f0(f.matchMs)} ms\n`);
    lines.push(`| prepare + match, best of 3 | ${n.toLocaleString('en')} | ${f0(f.prepareMs)} | ${f0(f.matchMs)} | ${f0(f.prepareMs + f.matchMs)} | ${f0(f.cpuMs)} | ${f0(f.heapMB)} | ${f0(f.rssMB)} | ${f.counts} |`);
  }
  lines.push('', 'prepare = normalise document numbers and parts and intern every key into typed arrays; match = the passes on those arrays.', '');
  if (!noLo) {
    const dir = join(benchDir, 'tmp-reconcile');
    mkdirSync(dir, { recursive: true });
    lines.push('| baseline: LibreOffice recalculating SUMIFS + COUNTIFS per statement line | rows per side | load with formulas ms | load without ms | recalculation ms | ours (prepare + match) ms | ours / baseline |', '|---|---:|---:|---:|---:|---:|---:|');
    // warm LibreOffice's profile once so the first size does not pay for it
    await writeBaseline(100, false, join(dir, 'warm.xlsx'));
    sofficeMs(join(dir, 'warm.xlsx'), dir);
    for (const n of [2000, 5000, 10000]) {
      const withF = join(dir, `sumifs-${n}.xlsx`);
      const plain = join(dir, `plain-${n}.xlsx`);
      await writeBaseline(n, true, withF);
      await writeBaseline(n, false, plain);
      const a = sofficeMs(withF, dir);
      const b = sofficeMs(plain, dir);
      const recalc = Math.max(1, a - b);
      const ours = timeOurs(n, 5);
      const oursMs = ours.prepareMs + ours.matchMs;
      process.stderr.write(`baseline ${n}: ${f0(a)} − ${f0(b)} = ${f0(recalc)} ms; ours ${f1(oursMs)} ms\n`);
      lines.push(`| SUMIFS/COUNTIFS workbook | ${n.toLocaleString('en')} | ${f0(a)} | ${f0(b)} | ${f0(recalc)} | ${f1(oursMs)} | ${(oursMs / recalc).toExponential(2)} |`);
    }
    rmSync(dir, { recursive: true, force: true });
    lines.push('', 'The baseline grows with the square of the rows, so it is not run at 100k.');
  }
  const md = `# Reconcile bench\n\n${lines.join('\n')}\n`;
  writeFileSync(join(benchDir, 'results-reconcile.md'), md);
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
  });
}
