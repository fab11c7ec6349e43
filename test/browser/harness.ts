/**
 * Browser-test harness: build the playground with webpack (development mode, no source maps: fast), serve the
 * output with a tiny static server on a free localhost port, and launch chromium (CHROMIUM_PATH, else chromium on PATH) through playwright-core.
 * Nothing reaches the internet: the office.js CDN request is answered with an empty script.
 */
import { execFile } from 'child_process';
import { createServer, type Server } from 'http';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, locate, missingMessage } from '../helpers/programs';

export const ROOT = path.resolve(__dirname, '..', '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.map': 'application/json',
};

/** Build with webpack into a fresh directory (development mode, no source maps); returns it and the seconds it took. */
export async function build(envs: string[]): Promise<{ dir: string; seconds: number }> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-build-'));
  // webpack runs in its own Node process (its config adjusts module resolution; jest's resolver would not follow).
  const cli = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const args = [cli, '--mode', 'development', ...envs.flatMap((e) => ['--env', e]), '--env', `out=${dir}`, '--env', 'nomaps'];
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`webpack failed:\n${stdout}\n${stderr}`));
      else resolve();
    });
  });
  return { dir, seconds: (Date.now() - started) / 1000 };
}

export const buildPlayground = () => build(['playground']);
export const buildAddin = () => build([]);

export function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://localhost:${port}`, server });
    });
  });
}

/** A fresh chromium profile each time (launchPersistentContext owns --user-data-dir). */
export async function launch(): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const executablePath = locate(CHROMIUM);
  if (!executablePath) throw new Error(missingMessage(CHROMIUM));
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'clerk-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Answer office.js with an empty script and refuse anything else that is not our server. */
export async function isolate(page: Page, origin: string): Promise<string[]> {
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    if (u.startsWith('https://appsforoffice.microsoft.com/')) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js stub for tests */' });
    }
    blocked.push(u);
    return route.abort();
  });
  return blocked;
}

/** What a browser test works with: the playground's origin and the page of the running test. */
export interface PlaygroundSession {
  origin: string;
  page: Page;
}

/**
 * The hooks every playground test file needs, registered once here: build and serve the playground and start
 * chromium before the file; give each test a fresh, isolated page (so tests pass alone and in any order); after
 * each test, no page errors and nothing that left the machine; close everything after the file. A file's own
 * beforeEach runs after this one's, so it finds the page ready.
 */
export function usePlayground(buildTimeoutMs = 300_000): PlaygroundSession {
  const session = {} as PlaygroundSession;
  let server: Server | undefined;
  let context: BrowserContext | undefined;
  let blocked: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    const built = await buildPlayground();
    console.log(`playground built in ${built.seconds.toFixed(1)} s`);
    const served = await serve(built.dir);
    server = served.server;
    session.origin = served.url;
    context = await launch();
  }, buildTimeoutMs);

  beforeEach(async () => {
    session.page = await context!.newPage();
    blocked = await isolate(session.page, session.origin);
    errors = [];
    session.page.on('pageerror', (e) => errors.push(e.message));
  });

  afterEach(async () => {
    await session.page?.close();
    expect({ errors, blocked }).toEqual({ errors: [], blocked: [] });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  return session;
}
