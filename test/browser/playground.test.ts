/**
 * The playground in a real browser (Debian chromium via playwright-core): open the sample workbook, run Structure,
 * see the tables and a finding, click the finding and see its cell selected, switch the language, and keep a
 * screenshot of the pane at 320 px. Without chromium: fails in CI, skipped with a message elsewhere.
 */
import { mkdirSync, existsSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { usePlayground, ROOT } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';
import { fixtureWorkbook } from './fixture';

const SAMPLE = path.join(ROOT, 'assets/sample/clerk-sample.xlsx');
const ARTIFACTS = path.join(__dirname, 'artifacts');

const describeBrowser = describeNeeding(CHROMIUM);

describeBrowser('playground in chromium', () => {
  // Each test gets a page of its own and brings it to the state it needs, so the tests pass alone and in any order.
  const session = usePlayground(240_000);
  let origin: string;
  let page: Page;

  beforeEach(async () => {
    ({ origin, page } = session);
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
    const tables = await page.locator('[data-testid="figure-structure-tables"] dd').innerText();
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
    await first.locator('[data-testid="finding-select"]').click();
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

  test('reconcile shows its own figures, opens its main sheet, moves focus to the result and announces it', async () => {
    await openWorkbook();
    await page.fill('[data-testid="as-of"]', '2026-10-31');
    // Dates typed by the clerk win over the month (the defaults are test/browser/month-end.test.ts's).
    const card = page.locator('[data-testid="job-reconcile"]');
    await card.getByRole('button', { name: /选项|Options/ }).click();
    await card.getByLabel('起始日期').fill('2026-10-01');
    await card.getByLabel('截止日期').fill('2026-10-31');
    await page.click('[data-testid="run-reconcile"]');
    await page.waitForSelector('[data-testid="figure-reconcile-counterparties"]', { timeout: 60_000 });
    // Three related companies sent a statement (对账单-华工精密, -无锡华工, -嘉兴华工); every difference is explained.
    expect(await page.locator('[data-testid="figure-reconcile-counterparties"] dd').innerText()).toBe('3');
    expect(await page.locator('[data-testid="figure-reconcile-unexplained"] dd').innerText()).toBe('¥0.00');
    expect(Number(await page.locator('[data-testid="figure-reconcile-differences"] dd').innerText())).toBeGreaterThan(0);
    // The main sheet is the one shown; the reconcile sheets are the only ones listed for the job, main first.
    await page.waitForSelector('[data-testid="sheet-tab"][data-sheet="对账汇总"][aria-selected="true"]', { timeout: 10_000 });
    const written = await page.locator('[data-testid="result-reconcile"] [data-testid="written-sheet"]').allInnerTexts();
    expect(written[0]).toBe('对账汇总');
    // Its own sheets only: the summary, one per counterparty, and the confirmation letters to send (issue 16).
    expect(written.every((n) => n === '对账汇总' || n.startsWith('对账_') || n.startsWith('确认函_'))).toBe(true);
    expect(written.filter((n) => n.startsWith('确认函_'))).toHaveLength(3);
    // Focus is on the result heading, which the pane scrolled into view; the outcome is in the live region.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('result-heading');
    const frame = await page.locator('[data-testid="pane-frame"]').boundingBox();
    const heading = await page.locator('[data-testid="result-heading"]').boundingBox();
    expect(heading && frame && heading.y >= frame.y && heading.y < frame.y + frame.height).toBe(true);
    const live = page.locator('[data-testid="announce"]');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.innerText()).toContain('对账完成');
    expect(await live.innerText()).toContain('对账汇总');
  });

  test('receivables shows the balance, the overdue amount and each collection rate against its target', async () => {
    await openWorkbook();
    await page.click('[data-testid="run-receivables"]');
    await page.waitForSelector('[data-testid="figure-receivables-balance"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="figure-receivables-balance"] dd').innerText()).toMatch(/^¥[\d,]+\.\d\d$/);
    expect(await page.locator('[data-testid="figure-receivables-rate-external"] dd').innerText()).toContain('目标 100%');
    expect(await page.locator('[data-testid="figure-receivables-rate-related"] dd').innerText()).toContain('目标 95%');
    await page.waitForSelector('[data-testid="sheet-tab"][data-sheet="账龄分析"][aria-selected="true"]', { timeout: 10_000 });
  });

  test('findings are grouped by job, structure issues collapsed under their own heading, with a filter', async () => {
    await openWorkbook();
    await page.click('[data-testid="run-receivables"]');
    await page.waitForSelector('[data-testid="findings-receivables"]', { timeout: 60_000 });
    const toggle = page.locator('[data-testid="findings-structure-toggle"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-testid="findings-structure"] [data-testid="finding"]').count()).toBe(0);
    const own = await page.locator('[data-testid="findings-receivables"] [data-testid="finding"]').count();
    expect(own).toBeGreaterThan(0);
    await toggle.click();
    expect(await page.locator('[data-testid="findings-structure"] [data-testid="finding"]').count()).toBeGreaterThan(0);
    await page.selectOption('[data-testid="findings-severity"]', 'error');
    const severities = await page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')));
    expect(new Set(severities)).toEqual(new Set(['error']));
    await page.selectOption('[data-testid="findings-severity"]', 'all');
  });

  test('Run all: one progress bar and one cancel, and a cancelled run leaves the workbook as it was', async () => {
    await openWorkbook();
    const tabs = async () => page.locator('[data-testid="sheet-tab"]').allInnerTexts();
    const before = await tabs();
    await page.click('[data-testid="run-all"]');
    // The progress bar moves while the run goes, so the cancel button is never 'stable' for Playwright's click on a
    // loaded machine: wait until it is there, then press it as a clerk would, without the stability check.
    const cancel = page.locator('[data-testid="run-all-progress"] [data-testid="cancel"]');
    await cancel.waitFor({ state: 'visible', timeout: 30_000 });
    await cancel.click({ force: true });
    await page.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('取消'), null, { timeout: 60_000 });
    expect(await page.locator('[role="progressbar"]').count()).toBe(0);
    expect(await tabs()).toEqual(before);
    await page.click('[data-testid="run-all"]');
    await page.waitForSelector('[data-testid="run-all-progress"] [role="progressbar"]', { timeout: 10_000 });
    expect(await page.locator('[role="progressbar"]').count()).toBe(1);
    await page.waitForSelector('[data-testid="result-ledgers"]', { timeout: 120_000 });
    for (const job of ['quotes', 'reconcile', 'receivables', 'sales', 'ledgers']) expect(await page.locator(`[data-testid="result-${job}"]`).count()).toBe(1);
    // The first answer's sheet is the one shown (quote check's), and the announcement says all is done.
    await page.waitForSelector('[data-testid="sheet-tab"][data-sheet="核对_报价合同"][aria-selected="true"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid="announce"]').innerText()).toContain('全部运行完成');
  }, 240_000);

  test('a second ribbon press while a job runs is queued, never cancels the first', async () => {
    await openWorkbook();
    // Two presses in one go, as a clerk double-clicking down the ribbon would.
    await page.evaluate(() => {
      for (const id of ['ribbon-quotes', 'ribbon-sales']) document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)?.click();
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="announce"]')?.textContent?.includes('已排队'), null, { timeout: 10_000 });
    // Both finish, in order: the sales result is the last one shown, and nothing was cancelled.
    await page.waitForFunction(() => document.querySelector('[data-testid="result-heading"]')?.textContent?.includes('月度销售分析'), null, { timeout: 120_000 });
    const notice = await page.locator('[data-testid="notice"]').innerText();
    expect(notice).not.toContain('取消');
    expect(notice).toContain('月度销售分析');
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
    expect(summary).toMatch(/Monthly sales: result/);
    // Every visible message follows, the last run's notice and the figures included.
    expect(await page.locator('[data-testid="notice"]').innerText()).toMatch(/^Monthly sales/);
    expect(await page.locator('[data-testid="figure-sales-mom"] dt').innerText()).toBe('Month on month');
    await page.click('[data-testid="lang-zh"]');
    expect(await page.locator('#clerk-sheets').innerText()).toBe('工作表');
  });

  test('the pane fits 320 px and a screenshot is kept', async () => {
    await openWorkbook();
    await runSalesFromRibbon();
    const frame = page.locator('[data-testid="pane-frame"]');
    const box = await frame.boundingBox();
    expect(box?.width).toBe(320);
    // Nothing inside the pane is wider than the pane (no horizontal scrolling).
    const overflow = await frame.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    // What the clerk sees after a run: the answer at the top of the pane (docs/addin-pane.png).
    await page.locator('[data-testid="result-heading"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
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
    await page.waitForFunction((name) => document.querySelector(`[data-testid="sheet-row"][data-sheet="${name}"] [data-testid="sheet-kind"]`)?.textContent === '已忽略', sheet, { timeout: 20_000 });
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

  test('an option that cannot be right shows its error on the field and disables Run and Run all', async () => {
    await openWorkbook();
    const card = page.locator('[data-testid="job-receivables"]');
    await card.getByRole('button', { name: /选项|Options/ }).click();
    const buckets = card.getByLabel('账龄分段（天，逗号分隔）');
    await buckets.fill('30,abc');
    await expect(card.getByText('请输入大于 0 的整数天数，用逗号分隔，如 30,60,90').count()).resolves.toBe(1);
    expect(await page.locator('[data-testid="run-receivables"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="run-all"]').isDisabled()).toBe(true);
    await buckets.fill('30,60,90');
    expect(await page.locator('[data-testid="run-receivables"]').isDisabled()).toBe(false);
    // A negative day count: the same check as the CLI's --date-window.
    const reconcile = page.locator('[data-testid="job-reconcile"]');
    await reconcile.getByRole('button', { name: /选项|Options/ }).click();
    const window = reconcile.getByLabel('日期窗口（±天）');
    await window.fill('-1');
    await expect(reconcile.getByText('不能小于 0').count()).resolves.toBe(1);
    expect(await page.locator('[data-testid="run-reconcile"]').isDisabled()).toBe(true);
    await window.fill('3');
    expect(await page.locator('[data-testid="run-all"]').isDisabled()).toBe(false);
  });

  test('the brand is in the footer, each job says what it does, and the buttons name their sheet or job', async () => {
    await openWorkbook();
    expect(await page.locator('[data-testid="pane"] > header').innerText()).not.toContain('Clerk Desk');
    expect(await page.locator('[data-testid="brand"]').innerText()).toContain('内务 Clerk Desk');
    expect(await page.locator('[data-testid="job-reconcile"]').innerText()).toContain('出货清单与关联企业对账单逐笔核对');
    expect(await page.getByRole('button', { name: '调整「客户档案」的识别' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^「月度销售分析」的选项$|^收起「月度销售分析」的选项$/ }).count()).toBe(1);
    // No control inside another: no button or link has a button or link within it.
    const nested = await page.locator('[data-testid="pane"]').evaluate((el) => el.querySelectorAll('button button, button a, a button, [role="button"] button, [role="button"] a').length);
    expect(nested).toBe(0);
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
    await finding.locator('[data-testid="finding-select"]').click();
    await page.waitForSelector('table[data-sheet="3月出货清单"] td[data-cell="A6"][aria-selected="true"]', { timeout: 10_000 });
  });

  test('the pane follows a dark Office theme', async () => {
    await page.goto(`${origin}/playground.html?sample=1&theme=dark`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 30_000 });
    const provider = page.locator('[data-testid="pane-frame"] [data-theme]').first();
    expect(await provider.getAttribute('data-theme')).toBe('dark');
    // Dark background, light text: measured on the rendered pane.
    const [bg, fg] = await page.locator('[data-testid="pane"]').evaluate((el) => {
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      let node: Element | null = el;
      let back = 'rgba(0, 0, 0, 0)';
      while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(back)) {
        back = getComputedStyle(node).backgroundColor;
        node = node.parentElement;
      }
      return [rgb(back), rgb(getComputedStyle(el).color)];
    });
    const light = (c: number[]) => (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255;
    expect(light(bg)).toBeLessThan(0.25);
    expect(light(fg)).toBeGreaterThan(0.75);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('[data-testid="pane-frame"]').screenshot({ path: path.join(ARTIFACTS, 'pane-dark.png') });
  });

});
