/**
 * The task pane: how much JavaScript taskpane.html makes the browser download (gzipped), and how long its first
 * render takes in headless Chromium. Prints markdown; fails nothing.
 *
 *   node bin/run-ts.js bench/pane.bench.ts
 *
 * - Build: webpack --mode production into bench/tmp/pane-dist (the shipped bundle, source maps not counted).
 *   PANE_DIST=dir measures an existing production build instead.
 * - Size: every .js the page requested during the load (scripts in the HTML, chunks they load, the worker if it
 *   starts), each gzipped with zlib (level 9, as a static host would pre-compress it); the scripts named in the
 *   HTML are reported apart (what must arrive before anything shows).
 * - First render: from navigation start to the first element inside #root being visible, taken in the page with
 *   performance.now() by a MutationObserver installed before any script runs. office.js (Microsoft's CDN) is
 *   answered with an empty script, so the pane renders its outside-Excel message — the same bundle, React and
 *   Fluent; in Excel the first element is the pane's header. Each load runs in a fresh Chromium profile (cold
 *   cache); the median of 5 is reported. Target: < 400 KB gzipped, first render < 1 s.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM as CHROMIUM_PROGRAM, locate, missingMessage } from '../test/helpers/programs';

/** The project root: run-ts runs a bundled copy from node_modules/.cache, so look upward for bench/ beside package.json. */
function projectRoot(): string {
  for (let d = __dirname; d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'package.json')) && existsSync(join(d, 'bench'))) return d;
  return process.cwd();
}
const ROOT = projectRoot();
const CHROMIUM = locate(CHROMIUM_PROGRAM);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const LOADS = 5;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css' };

function build(): { dir: string; seconds: number } {
  if (process.env.PANE_DIST) return { dir: process.env.PANE_DIST, seconds: 0 };
  const dir = join(ROOT, 'bench', 'tmp', 'pane-dist');
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--output-path', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  return { dir, seconds: (performance.now() - t0) / 1000 };
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Installed before the page's own scripts: the moment the first element inside #root is visible. */
const OBSERVE = `
  (() => {
    const check = () => {
      const root = document.getElementById('root');
      const el = root && root.firstElementChild;
      if (!el) return false;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') {
        window.__firstRender = performance.now();
        return true;
      }
      return false;
    };
    const start = () => {
      if (check()) return;
      const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
      mo.observe(document, { childList: true, subtree: true, attributes: true });
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  })();
`;

interface Load {
  ms: number;
  js: Map<string, number>;
  errors: string[];
}

async function load(origin: string): Promise<Load> {
  const profile = mkdtempSync(join(tmpdir(), 'clerk-pane-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM ?? undefined, headless: true, args: FLAGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const js = new Map<string, number>();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      const u = r.url();
      if (u.startsWith(origin) && u.endsWith('.js')) js.set(new URL(u).pathname, 0);
    });
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(origin)) return route.continue();
      if (u.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
      return route.abort();
    });
    await page.addInitScript(OBSERVE);
    await page.goto(`${origin}/taskpane.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof (window as { __firstRender?: number }).__firstRender === 'number', null, { timeout: 30_000 });
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const ms = await page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
    return { ms, js, errors };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const gz = (dir: string, path: string) => gzipSync(readFileSync(join(dir, path)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const out: string[] = [];
  const { dir, seconds } = build();
  const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s)).map((s) => (s.startsWith('/') ? s : `/${s}`));
  const initialGz = initial.reduce((n, s) => n + gz(dir, s), 0);
  const initialRaw = initial.reduce((n, s) => n + readFileSync(join(dir, s)).length, 0);

  if (!CHROMIUM) {
    out.push(`| what | value |`, `|---|---:|`, `| JS in taskpane.html (${initial.join(', ')}), gzipped | ${kb(initialGz)} (raw ${kb(initialRaw)}) |`, '', `_First render not measured: ${missingMessage(CHROMIUM_PROGRAM)}._`);
    process.stdout.write(`${out.join('\n')}\n`);
    return;
  }
  const { server, origin } = await serve(dir);
  const loads: Load[] = [];
  try {
    for (let i = 0; i < LOADS; i++) loads.push(await load(origin));
  } finally {
    server.close();
  }
  const loaded = [...new Set(loads.flatMap((l) => [...l.js.keys()]))].sort();
  const loadedGz = loaded.reduce((n, s) => n + gz(dir, s), 0);
  const times = loads.map((l) => l.ms).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const errors = [...new Set(loads.flatMap((l) => l.errors))];
  out.push(
    '| what | value | target |',
    '|---|---:|---:|',
    `| JS named in taskpane.html (${initial.map((s) => s.slice(1)).join(', ')}), gzipped | ${kb(initialGz)} (raw ${kb(initialRaw)}) | < 400 KB |`,
    `| all JS the page loaded (${loaded.length} files: ${loaded.map((s) => s.slice(1)).join(', ')}), gzipped | ${kb(loadedGz)} | < 400 KB |`,
    `| first render, median of ${LOADS} cold loads (navigation start → first element in #root visible) | ${median.toFixed(0)} ms | < 1,000 ms |`,
    `| the ${LOADS} loads | ${times.map((t) => t.toFixed(0)).join(', ')} ms | |`,
    `| production build | ${seconds ? `${seconds.toFixed(0)} s` : `existing build in ${dir}`} | |`,
    '',
    `Headless Chromium (${CHROMIUM}), ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (other work on the machine slows the render). office.js answered with an empty script (so the pane shows its outside-Excel message: the same bundle, React and Fluent). Sizes gzipped with zlib level 9.` +
      (errors.length ? ` Page errors: ${errors.join('; ')}` : ' No page errors.'),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e) => {
  process.stdout.write(`_pane.bench.ts failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}_\n`);
});
