/**
 * The playground on Microsoft's own Excel client library ("Office.js (Microsoft client)" host) in chromium: the
 * library is loaded from the playground build, Structure runs through its Excel.run over the wire emulator, and the
 * written sheets and tables appear. Fails (does not skip) under CI when chromium is missing.
 */
import path from 'path';
import type { Server } from 'http';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPlayground, isolate, launch, serve, ROOT } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';

const describeBrowser = describeNeeding(CHROMIUM);

describeBrowser('playground on Microsoft’s client library', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const requested: string[] = [];

  beforeAll(async () => {
    const build = await buildPlayground();
    ({ server, url: origin } = await serve(build.dir));
    context = await launch();
    page = await context.newPage();
    await isolate(page, origin);
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requested.push(r.url()));
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  test('Structure runs through the client library and writes its sheets', async () => {
    await page.goto(`${origin}/playground.html?sample=1&host=client`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="host-select"]').inputValue()).toBe('client');
    await page.click('[data-testid="run-structure"]');
    await page.waitForSelector('[data-testid="summary"]', { timeout: 120_000 });
    // The sample has 17 sheets of hers, each a table: the figure reads "17" (or "17 个"), not a structure count of zero.
    expect(await page.locator('[data-testid="figure-structure-tables"] dd').innerText()).toMatch(/^17\b/);
    expect(await page.locator('[data-testid="written-sheet"]').count()).toBeGreaterThan(0);
    expect(requested.some((u) => u.endsWith('/office-js/excel-web-16.00.debug.js'))).toBe(true);
    // The library really ran: Excel.run exists in the page, from Microsoft's script.
    expect(await page.evaluate(() => typeof (window as unknown as { Excel?: { run?: unknown } }).Excel?.run)).toBe('function');
    expect(errors).toEqual([]);
    expect(path.isAbsolute(ROOT)).toBe(true);
  }, 300_000);
});
