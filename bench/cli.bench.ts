/**
 * The whole process against LibreOffice opening the same file (issue 18), timed in the same run.
 * Run: node bin/run-ts.js bench/cli.bench.ts
 *   BENCH_CLI_MAX=10000   only the cases up to that many lines (while developing)
 *   BENCH_NO_LO=1         skip LibreOffice
 *   BENCH_REUSE=1         keep input workbooks already in bench/tmp (they are deterministic)
 *
 * Cases: `clerk-desk reconcile` at 10k and 100k lines per side (every shipment to the one related company whose
 * statement the book holds, ~98% of them on the statement), and `all` at 100k shipment lines (bench/fixtures.ts).
 * For each: the wall time and peak RSS of the child process (GNU time's %e and %M: the largest process of the run),
 * best of a few runs; LibreOffice headless converting the same file to CSV (it loads every sheet; the CSV is its
 * first); and LibreOffice doing the same to a one-cell workbook, its start-up alone. The ratio is given both ways:
 * to LibreOffice's whole time, and to its time minus that start-up (the load of the file itself).
 * It fails nothing: it prints a markdown section (bench/run.ts puts it into bench/results.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { benchBook, writeBenchXlsx } from './fixtures';

const BENCH = join(process.cwd(), 'bench');
const ROOT = join(BENCH, '..');
const tmp = join(BENCH, 'tmp');
const max = Number(process.env.BENCH_CLI_MAX ?? Infinity);
const noLo = process.env.BENCH_NO_LO === '1';
const reuse = process.env.BENCH_REUSE === '1';
const TIME = '/usr/bin/time';

interface Case {
  label: string;
  lines: number;
  args: string[];
  input: string;
  make: () => ReturnType<typeof benchBook>;
  /** The output is already there from an earlier run (her second run of the month writes over her first). */
  rerun?: boolean;
  /** The issue's target, as text, and how to judge it. */
  target: string;
  met: (ours: Figure, lo: Figure | null, bare: Figure | null) => boolean | null;
}

interface Figure {
  s: number;
  /** CPU seconds (user + system) of the run: what it cost, less moved by other work on the machine than `s`. */
  cpu: number;
  mb: number;
  ok: boolean;
  note?: string;
}

const COMMON = ['--as-of', '2026-10-31'];
const cases: Case[] = [
  {
    label: 'reconcile, 10k lines per side',
    lines: 10_000,
    args: ['reconcile'],
    input: join(tmp, 'cli-reconcile-10000.xlsx'),
    make: () => benchBook(10_000, 7, { oneCounterparty: true }),
    target: 'under 0.5 s',
    met: (o) => o.s < 0.5,
  },
  {
    label: 'reconcile, 100k lines per side',
    lines: 100_000,
    args: ['reconcile'],
    input: join(tmp, 'cli-reconcile-100000.xlsx'),
    make: () => benchBook(100_000, 7, { oneCounterparty: true }),
    target: 'faster than LibreOffice opening the file, under 600 MB',
    met: (o, lo) => (lo ? o.s < lo.s && o.mb < 600 : null),
  },
  {
    label: 'reconcile, 100k lines per side, over its earlier output',
    lines: 100_000,
    args: ['reconcile'],
    input: join(tmp, 'cli-reconcile-100000.xlsx'),
    make: () => benchBook(100_000, 7, { oneCounterparty: true }),
    rerun: true,
    target: 'as the first run',
    met: () => null,
  },
  {
    label: 'all, 100k shipment lines',
    lines: 100_000,
    args: ['all', '--period', '2026-10', '--month', '2026-10'],
    input: join(tmp, 'cli-all-100000.xlsx'),
    make: () => benchBook(100_000),
    target: 'under 1.5× LibreOffice’s load time',
    met: (o, lo) => (lo ? o.s < 1.5 * lo.s : null),
  },
];

/** One run of a command under GNU time: wall seconds and the peak RSS of its largest process. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Figure {
  const hasTime = existsSync(TIME);
  const t0 = performance.now();
  const res = hasTime
    ? spawnSync(TIME, ['-f', 'CLERKBENCH %e %M %U %S', cmd, ...args], { encoding: 'utf8', env, maxBuffer: 64 << 20 })
    : spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const wall = (performance.now() - t0) / 1000;
  const m = /CLERKBENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? '');
  const ok = res.status === 0;
  return {
    s: m ? Number(m[1]) : wall,
    mb: m ? Number(m[2]) / 1024 : NaN,
    cpu: m ? Number(m[3]) + Number(m[4]) : NaN,
    ok,
    note: ok ? undefined : `exit ${res.status}: ${(res.stderr ?? '').trim().split('\n').slice(-2).join(' ')}`,
  };
}

/** The best of `n` runs (the least disturbed by other work on the machine): least time and CPU, highest peak. */
function best(n: number, run: () => Figure): Figure {
  const runs: Figure[] = [];
  for (let i = 0; i < n; i++) {
    const f = run();
    if (!f.ok) return f;
    runs.push(f);
  }
  return {
    s: Math.min(...runs.map((f) => f.s)),
    cpu: Math.min(...runs.map((f) => f.cpu)),
    mb: Math.max(...runs.map((f) => f.mb)),
    ok: true,
  };
}

function ours(c: Case, out: string): Figure {
  return timed(process.execPath, [join(ROOT, 'bin', 'clerk-desk.js'), ...c.args, c.input, '--out', out, ...COMMON]);
}

function soffice(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim().split('\n')[0] : null;
}

/**
 * LibreOffice headless converting `file` to CSV (it loads the whole workbook, then writes its first sheet), with one
 * profile kept across runs: a first run in a fresh profile initialises it (seconds, once), which a clerk's
 * LibreOffice has long done, so a warm-up run comes first and is not counted.
 */
function libreOfficeWarm(bin: string, file: string, runs: number): Figure {
  const profile = mkdtempSync(join(tmpdir(), 'lo-bench-profile-'));
  const outdir = mkdtempSync(join(tmpdir(), 'lo-bench-out-'));
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv', '--outdir', outdir, file];
  try {
    timed(bin, args);
    return best(runs, () => timed(bin, args));
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function tinyBook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 1;
  await wb.xlsx.writeFile(path);
}

const f2 = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '—');
const f0 = (n: number): string => (Number.isFinite(n) ? n.toFixed(0) : '—');

async function main(): Promise<void> {
  mkdirSync(tmp, { recursive: true });
  // The bundle the CLI runs, built now so no timed run builds it.
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);
  const chosen = cases.filter((c) => c.lines <= max);
  const written = new Set<string>();
  for (const c of chosen) {
    if (written.has(c.input) || (reuse && existsSync(c.input))) continue;
    written.add(c.input);
    await writeBenchXlsx(c.make(), c.input);
    process.stderr.write(`wrote ${c.input}\n`);
  }
  const lo = noLo ? null : soffice();
  const tiny = join(tmp, 'cli-tiny.xlsx');
  await tinyBook(tiny);
  const bare = lo ? libreOfficeWarm(lo, tiny, 3) : null;

  const lines: string[] = [];
  lines.push(
    `Whole process, wall time (best of 3; 2 at 100k) and peak RSS from GNU time; load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores. LibreOffice: \`soffice --headless --convert-to csv\` of the same file with a warm profile; its start-up alone (a one-cell workbook): ${bare ? `${f2(bare.s)} s (${f2(bare.cpu)} s CPU), ${f0(bare.mb)} MB` : 'not measured'}. CPU is user + system of the process tree (GNU time).`,
  );
  lines.push('');
  lines.push('| case | input | ours (s) | ours CPU (s) | ours peak (MB) | LibreOffice (s) | LO CPU (s) | LO minus start-up (s) | ours ÷ LO | ours ÷ LO load | target | met |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|');
  // LibreOffice's figure for a file is measured once, with the first case that reads it.
  const loByFile = new Map<string, Figure>();
  for (const c of chosen) {
    const runs = c.lines >= 100_000 ? 2 : 3;
    const out = join(tmp, `cli-out-${process.pid}.xlsx`);
    rmSync(out, { force: true });
    // A re-run finds the output of the run before it (an untimed first run makes it); a first run finds nothing.
    if (c.rerun) ours(c, out);
    const o = best(runs, () => {
      if (!c.rerun) rmSync(out, { force: true });
      return ours(c, out);
    });
    rmSync(out, { force: true });
    const l = lo ? (loByFile.get(c.input) ?? libreOfficeWarm(lo, c.input, runs)) : null;
    if (l) loByFile.set(c.input, l);
    const load = l && bare ? l.s - bare.s : NaN;
    const met = o.ok ? c.met(o, l, bare) : false;
    const size = `${(statSync(c.input).size / 1e6).toFixed(1)} MB`;
    lines.push(
      `| ${c.label} | ${size} | ${f2(o.s)} | ${f2(o.cpu)} | ${f0(o.mb)} | ${l ? f2(l.s) : '—'} | ${l ? f2(l.cpu) : '—'} | ${f2(load)} | ${l ? f2(o.s / l.s) : '—'} | ${Number.isFinite(load) && load > 0 ? f2(o.s / load) : '—'} | ${c.target} | ${met === null ? '—' : met ? 'yes' : 'no'}${o.note ? ` (${o.note})` : ''} |`,
    );
    process.stderr.write(`${c.label} done\n`);
  }
  rmSync(tiny, { force: true });
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
