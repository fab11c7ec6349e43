/**
 * The playground in a real browser (Debian chromium via playwright-core): open the sample workbook, run Structure,
 * see the tables and a finding, click the finding and see its cell selected, switch the language, and keep a
 * screenshot of the pane at 320 px. Without chromium: fails in CI, skipped with a message elsewhere.
 */
import { mkdirSync, existsSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { Server } from 'http';
import type { BrowserContext, Page } from 'playwright-core';
import { buildPlayground, isolate, launch, serve, ROOT } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';
import { fixtureWorkbook } from './fixture';

const SAMPLE = path.join(ROOT, 'assets/sample/clerk-sample.xlsx');
const ARTIFACTS = path.join(__dirname, 'artifacts');

const describeBrowser = describeNeeding(CHROMIUM);

describeBrowser('playground in chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  // Each test gets a page of its own and brings it to the state it needs, so the tests pass alone and in any order.
  let page: Page;
  let blocked: string[];
  let errors: string[];

  beforeAll(async () => {
    const build = await buildPlayground();
    console.log(`playground built in ${build.seconds.toFixed(1)} s`);
    ({ server, url: origin } = await serve(build.dir));
    context = await launch();
  }, 240_000);

  beforeEach(async () => {
    page = await context.newPage();
    blocked = await isolate(page, origin);
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });

  // Every test, not just a last one: no page errors, and nothing left the machine.
  afterEach(async () => {
    await page?.close();
    expect({ errors, blocked }).toEqual({ errors: [], blocked: [] });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  /** The bundled sample workbook, opened in the pane. */
  async function openWorkbook() {
    expect(existsSync(SAMPLE)).toBe(true);
    await page.goto(`${origin}/playground.html?sample=1`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 30_000 });
  }

  /** Run Monthly sales from its ribbon button and wait for its summary. */
  async function runSalesFromRibbon() {
    await page.click('[data-testid="ribbon-sales"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('月度销售分析'), null, { timeout: 60_000 });
  }

  test('opens the workbook and lists its sheets with a detected kind', async () => {
    await openWorkbook();
    const rows = page.locator('[data-testid="sheet-row"]');
    expect(await rows.count()).toBeGreaterThan(0);
    const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.some((k) => k)).toBe(true);
    // Chinese by default.
    await expect(page.locator('[data-testid="pane"]').getAttribute('lang')).resolves.toBe('zh-CN');
    expect(await page.locator('#clerk-sheets').innerText()).toBe('工作表');
  });

  test('Structure runs, lists tables and findings, and a finding selects its cell', async () => {
    await openWorkbook();
    await page.click('[data-testid="run-structure"]');
    await page.waitForSelector('[data-testid="summary"]', { timeout: 60_000 });
    const summary = await page.locator('[data-testid="summary"]').innerText();
    expect(summary).toContain('结构化');
    // Tables structured, and generated sheets shown in the sheet view.
    const tables = await page.locator('[data-testid="stat-tables"]').innerText();
    expect(Number(tables)).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="written-sheet"]').count()).toBeGreaterThan(0);
    const findings = page.locator('[data-testid="finding"]');
    expect(await findings.count()).toBeGreaterThan(0);

    // Click the first finding that names a cell; the sheet view switches to that sheet and selects the cell.
    const first = findings.first();
    const link = await first.locator('[data-testid="finding-cell"]').first().innerText();
    const bang = link.lastIndexOf('!');
    const sheet = link.slice(0, bang);
    const cell = link.slice(bang + 1);
    await first.click();
    await page.waitForSelector(`table[data-sheet="${sheet}"] td[data-cell="${cell}"][aria-selected="true"]`, { timeout: 10_000 });
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(1);
    // The sheet view shows the finding's sheet.
    await expect(page.locator(`[data-testid="sheet-tab"][data-sheet="${sheet}"]`).getAttribute('aria-selected')).resolves.toBe('true');
  });

  test('a ribbon button runs its job through the pane', async () => {
    await openWorkbook();
    await runSalesFromRibbon();
    expect(await page.locator('[data-testid="summary"]').innerText()).toContain('月度销售分析');
  });

  test('switches the pane to English', async () => {
    await openWorkbook();
    await runSalesFromRibbon();
    await page.click('[data-testid="lang-en"]');
    expect(await page.locator('#clerk-sheets').innerText()).toBe('Sheets');
    expect(await page.locator('#clerk-jobs').innerText()).toBe('Jobs');
    expect(await page.locator('[data-testid="run-structure"]').innerText()).toBe('Run');
    await expect(page.locator('[data-testid="pane"]').getAttribute('lang')).resolves.toBe('en-US');
    // The findings are re-rendered in English too (no CJK left in the summary's labels).
    const summary = await page.locator('[data-testid="summary"]').innerText();
    expect(summary).toMatch(/Monthly sales finished/);
    await page.click('[data-testid="lang-zh"]');
    expect(await page.locator('#clerk-sheets').innerText()).toBe('工作表');
  });

  test('the pane fits 320 px and a screenshot is kept', async () => {
    await openWorkbook();
    const frame = page.locator('[data-testid="pane-frame"]');
    const box = await frame.boundingBox();
    expect(box?.width).toBe(320);
    // Nothing inside the pane is wider than the pane (no horizontal scrolling).
    const overflow = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await frame.evaluate((el) => el.scrollTo(0, 0));
    await frame.screenshot({ path: path.join(ARTIFACTS, 'pane.png') });
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
    expect(existsSync(path.join(ARTIFACTS, 'pane.png'))).toBe(true);
  });

  test('the clerk overrides a kind in the pane; it is saved in the state sheet and used on the next scan', async () => {
    await openWorkbook();
    const row = page.locator('[data-testid="sheet-row"]').first();
    const sheet = (await row.getAttribute('data-sheet')) ?? '';
    expect(await row.getAttribute('data-kind')).not.toBe('');
    await row.getByRole('button', { name: /调整|Adjust/ }).click();
    const editor = page.locator(`[data-testid="override-${sheet}"]`);
    await editor.locator('select').first().selectOption('ignore');
    await editor.getByRole('button', { name: /保存|Save/ }).click();
    const after = page.locator(`[data-testid="sheet-row"][data-sheet="${sheet}"]`);
    await page.waitForFunction((name) => {
      const el = document.querySelector(`[data-testid="sheet-row"][data-sheet="${name}"]`);
      return !!el && el.getAttribute('data-kind') === '' && el.textContent!.includes('已手动设置');
    }, sheet, { timeout: 20_000 });
    expect(await page.locator('[data-testid="notice"]').innerText()).toContain(sheet);
    // Back to automatic: the override is removed and the kind comes back.
    await after.getByRole('button', { name: /调整|Adjust/ }).click();
    await page.locator(`[data-testid="override-${sheet}"]`).getByRole('button', { name: /恢复自动识别|Back to automatic/ }).click();
    await page.waitForFunction((name) => {
      const el = document.querySelector(`[data-testid="sheet-row"][data-sheet="${name}"]`);
      return !!el && el.getAttribute('data-kind') !== '' && !el.textContent!.includes('已手动设置');
    }, sheet, { timeout: 20_000 });
  });

  test("option fields come from each job's OptionSpec; month fields start empty (the data's month) and never follow the as-of date", async () => {
    await openWorkbook();
    await page.fill('[data-testid="as-of"]', '2026-10-31');
    const card = page.locator('[data-testid="job-receivables"]');
    await card.getByRole('button', { name: /选项|Options/ }).click();
    const month = card.locator('input[type="month"]');
    // Issue 15: empty means the period the workbook is about (src/core/period.ts), and the field says so.
    expect(await month.inputValue()).toBe('');
    expect(await card.innerText()).toContain('自动（按数据）');
    // The enum option offers its choices in Chinese; a number option shows its default.
    expect(await card.locator('select option').allInnerTexts()).toHaveLength(2);
    expect(await card.locator('input[type="number"]').first().inputValue()).not.toBe('');
    // A month the clerk typed stays when the as-of date moves; an untouched one stays automatic.
    await month.fill('2026-09');
    await page.fill('[data-testid="as-of"]', '2026-12-31');
    expect(await month.inputValue()).toBe('2026-09');
    const sales = page.locator('[data-testid="job-sales"]');
    await sales.getByRole('button', { name: /选项|Options/ }).click();
    expect(await sales.locator('input[type="month"]').inputValue()).toBe('');
    expect(await sales.getByRole('switch').count()).toBe(1);
  });

  test('the in-memory host opens a file from the file input', async () => {
    const file = path.join(tmpdir(), `clerk-fixture-${process.pid}.xlsx`);
    writeFileSync(file, await fixtureWorkbook());
    await page.goto(`${origin}/playground.html?host=memory`);
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForSelector('[data-sheet="3月出货清单"][data-testid="sheet-row"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="host-select"]').inputValue()).toBe('memory');
    await page.click('[data-testid="run-structure"]');
    await page.waitForSelector('[data-testid="summary"]', { timeout: 60_000 });
    // The fixture's wrong date (2024.13.45 in A6) is a finding; clicking it selects A6.
    const finding = page.locator('[data-testid="finding"]', { hasText: '2024.13.45' });
    await finding.click();
    await page.waitForSelector('table[data-sheet="3月出货清单"] td[data-cell="A6"][aria-selected="true"]', { timeout: 10_000 });
  });
});
