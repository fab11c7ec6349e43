/**
 * The add-in's shared-runtime page (taskpane.html with the taskpane, commands and functions bundles) in chromium
 * outside Excel: it must not crash without the Office globals, and with a stand-in CustomFunctions runtime every
 * function in functions.json is associated, and the ribbon actions are associated once Office is ready.
 */
import { readFileSync } from 'fs';
import path from 'path';
import type { Server } from 'http';
import type { BrowserContext, Page } from 'playwright-core';
import { buildAddin, launch, serve } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';

const describeBrowser = describeNeeding(CHROMIUM);

/** office.js stand-ins: none at all, or a minimal Office + CustomFunctions that record what the page does. */
const NO_OFFICE = '/* no Office here */';
const FAKE_OFFICE = `
  window.__calls = { associate: [], actions: [] };
  window.CustomFunctions = { associate: function (id, fn) { window.__calls.associate.push([id, typeof fn]); } };
  window.Office = {
    context: { displayLanguage: 'en-US', requirements: { isSetSupported: function () { return true; } } },
    actions: { associate: function (name, fn) { window.__calls.actions.push([name, typeof fn]); } },
    onReady: function (cb) { var info = { host: null, platform: null }; setTimeout(function () { cb && cb(info); }, 0); return Promise.resolve(info); },
  };
`;

describeBrowser('taskpane.html outside Excel', () => {
  let server: Server;
  let origin: string;
  let dir: string;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ dir } = await buildAddin());
    ({ server, url: origin } = await serve(dir));
    context = await launch();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  async function open(officeJs: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u.startsWith(origin)) return route.continue();
      if (u.startsWith('https://appsforoffice.microsoft.com/')) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
      return route.abort();
    });
    await page.goto(`${origin}/taskpane.html`);
    return { page, errors };
  }

  test('without Office it explains where to go, and nothing throws', async () => {
    const { page, errors } = await open(NO_OFFICE);
    await page.waitForFunction(() => (document.getElementById('root')?.textContent ?? '').length > 0, null, { timeout: 20_000 });
    expect(await page.locator('#root').innerText()).toContain('playground.html');
    expect(errors).toEqual([]);
    await page.close();
  });

  test('with a CustomFunctions runtime every function in functions.json is associated; ribbon actions too', async () => {
    const { page, errors } = await open(FAKE_OFFICE);
    await page.waitForFunction(() => (window as unknown as { __calls: { actions: unknown[] } }).__calls.actions.length > 0, null, { timeout: 20_000 });
    const calls = await page.evaluate(() => (window as unknown as { __calls: { associate: [string, string][]; actions: [string, string][] } }).__calls);
    const metadata = JSON.parse(readFileSync(path.join(dir, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
    expect(calls.associate.map(([id]) => id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(calls.associate.every(([, type]) => type === 'function')).toBe(true);
    expect(calls.actions.map(([name]) => name).sort()).toEqual(
      ['runAll', 'runLedgers', 'runQuotes', 'runReceivables', 'runReconcile', 'runSales', 'runStructure'].sort(),
    );
    // Office's display language is English: the "not in Excel" line is in English.
    expect(await page.locator('#root').innerText()).toContain('Open Clerk Desk in Excel');
    expect(errors).toEqual([]);
    await page.close();
  });
});
