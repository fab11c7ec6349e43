/**
 * Issue 15, in a real browser: a clerk in early December opens the sample and presses Reconcile, from the pane and
 * from the ribbon, with no option touched. The answer must be October's close (the period of the statements), the
 * same as the CLI with `--period 2026-10`: never a December day with no counterparty in it.
 *
 * Expected figures come from outside the code under test: assets/sample/PLANTED.md (three related companies sent
 * an October statement: 对账单-华工精密, -无锡华工, -嘉兴华工; every difference is explained) and the CLI's JSON of
 * `reconcile assets/sample/clerk-sample.xlsx --period 2026-10` (16 lines agree, 11 differ), read by hand.
 */
import { existsSync } from 'fs';
import path from 'path';
import type { Server } from 'http';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPlayground, isolate, launch, serve, ROOT } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';

const SAMPLE = path.join(ROOT, 'assets/sample/clerk-sample.xlsx');
/** The day the issue was filed on: after the data (which stops in early November), in the month after the close. */
const DECEMBER = '2026-12-02';
const OCTOBER = {
  counterparties: '3',
  matched: '16',
  differences: '11',
  unexplained: '¥0.00',
  sheets: ['对账_华工精密', '对账_无锡华工', '对账_嘉兴华工'],
};

const describeBrowser = describeNeeding(CHROMIUM);

describeBrowser('month-end close with the defaults, in chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let blocked: string[];
  let errors: string[];

  beforeAll(async () => {
    const build = await buildPlayground();
    console.log(`playground built in ${build.seconds.toFixed(1)} s`);
    ({ server, url: origin } = await serve(build.dir));
    context = await launch();
  }, 300_000);

  beforeEach(async () => {
    page = await context.newPage();
    blocked = await isolate(page, origin);
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    expect(existsSync(SAMPLE)).toBe(true);
    await page.goto(`${origin}/playground.html?sample=1`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 60_000 });
    await page.fill('[data-testid="as-of"]', DECEMBER);
  }, 120_000);

  afterEach(async () => {
    await page?.close();
    expect({ errors, blocked }).toEqual({ errors: [], blocked: [] });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  const figure = async (id: string) => page.locator(`[data-testid="figure-reconcile-${id}"] dd`).innerText();

  /** The October close, as the pane shows it: the figures, the period on the result line and in the sheet's title. */
  async function expectOctoberClose() {
    await page.waitForSelector('[data-testid="figure-reconcile-counterparties"]', { timeout: 120_000 });
    expect({
      counterparties: await figure('counterparties'),
      matched: await figure('matched'),
      differences: await figure('differences'),
      unexplained: await figure('unexplained'),
      sheets: (await page.locator('[data-testid="result-reconcile"] [data-testid="written-sheet"]').allInnerTexts()).filter((s) => s.startsWith('对账_')).sort(),
    }).toEqual({ ...OCTOBER, sheets: [...OCTOBER.sheets].sort() });
    // The result line names the period and where it came from, and that the as-of date is after the data.
    const notice = await page.locator('[data-testid="notice"]').innerText();
    expect(notice).toContain('对账期间：2026-10');
    expect(notice).toContain('对账单抬头');
    expect(notice).toContain(`截至 ${DECEMBER}`);
    expect(notice).not.toContain('2026-12-01');
    // The summary sheet's title says the period it covers.
    await page.waitForSelector('[data-testid="sheet-tab"][data-sheet="对账汇总"][aria-selected="true"]', { timeout: 10_000 });
    const title = await page.locator('table[data-sheet="对账汇总"] td[data-cell="A1"]').innerText();
    expect(title).toContain('2026-10');
  }

  test('Reconcile from the pane: the date fields start empty and the answer is October with its three related companies', async () => {
    const card = page.locator('[data-testid="job-reconcile"]');
    await card.getByRole('button', { name: /选项|Options/ }).click();
    // Nothing typed: the dates are empty (not the as-of date) and say the data decides.
    for (const name of ['period', 'from', 'to']) expect(await card.locator(`[data-testid="option-${name}"]`).inputValue()).toBe('');
    expect(await card.innerText()).toContain('自动（按数据）');
    await page.click('[data-testid="run-reconcile"]');
    await expectOctoberClose();
  });

  test("Reconcile from the playground's ribbon button: the same October close", async () => {
    await page.click('[data-testid="ribbon-reconcile"]');
    await expectOctoberClose();
  });
});
