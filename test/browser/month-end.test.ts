/**
 * Issue 15, in a real browser: a clerk in early December opens the sample and presses Reconcile, from the pane and
 * from the ribbon, with no option touched. The answer must be October's close (the period of the statements), the
 * same as the CLI with `--period 2026-10`: never a December day with no counterparty in it.
 *
 * Expected figures come from outside the code under test: assets/sample/PLANTED.md (three related companies sent
 * an October statement: 对账单-华工精密, -无锡华工, -嘉兴华工; every difference is explained) and the CLI's JSON of
 * `reconcile assets/sample/clerk-sample.xlsx --period 2026-10` (16 lines agree, 11 differ), read by hand.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { usePlayground, ROOT } from './harness';
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
  const session = usePlayground(300_000);
  let origin: string;
  let page: Page;

  beforeEach(async () => {
    ({ origin, page } = session);
    expect(existsSync(SAMPLE)).toBe(true);
    await page.goto(`${origin}/playground.html?sample=1`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 60_000 });
    await page.fill('[data-testid="as-of"]', DECEMBER);
  }, 120_000);

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

  test('their statement as a file of its own: picked in the pane, read in the browser, reconciled against, never written', async () => {
    const { book, statement } = await splitStatement('对账单-嘉兴华工', '嘉兴华工10月对账单.xlsx');
    await page.goto(`${origin}/playground.html`);
    await page.setInputFiles('[data-testid="file-input"]', book);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 60_000 });
    await page.fill('[data-testid="as-of"]', DECEMBER);
    // Without her statement only two related companies have one in the workbook.
    await page.click('[data-testid="run-reconcile"]');
    await page.waitForSelector('[data-testid="figure-reconcile-counterparties"]', { timeout: 120_000 });
    expect(await figure('counterparties')).toBe('2');

    await page.setInputFiles('[data-testid="statement-input"]', statement);
    const picked = page.locator('[data-testid="statement-file"][data-file="嘉兴华工10月对账单"]');
    await picked.waitFor({ timeout: 30_000 });
    const sheet = picked.getByRole('checkbox', { name: '10月' });
    expect(await sheet.isChecked()).toBe(true);
    // The file adds back what the split took out: the same October close as the whole sample.
    await page.click('[data-testid="run-reconcile"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="figure-reconcile-counterparties"] dd')?.textContent === '3', null, { timeout: 120_000 });
    await expectOctoberClose();
    // Read, never written: no sheet of hers is named after the file or its sheet.
    const tabs = await page.locator('[data-testid="sheet-tab"]').allInnerTexts();
    expect(tabs.filter((t) => t.includes('嘉兴华工10月对账单') || t === '10月')).toEqual([]);

    // A sheet left unticked is left out.
    await sheet.uncheck();
    await page.click('[data-testid="run-reconcile"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="figure-reconcile-counterparties"] dd')?.textContent === '2', null, { timeout: 120_000 });
  });

  test('a statement file that is not a workbook gets a sentence and is not used', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'clerk-statement-'));
    const bad = path.join(dir, '对账单.xlsx');
    writeFileSync(bad, '不是工作簿');
    await page.setInputFiles('[data-testid="statement-input"]', bad);
    await page.waitForSelector('[data-testid="statement-status"][role="alert"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="statement-status"]').innerText()).toContain('无法读取「对账单.xlsx」');
    expect(await page.locator('[data-testid="statement-file"]').count()).toBe(0);
  });
});

/**
 * The sample with one related company's statement taken out into a workbook of its own (values, formats and merges
 * copied cell by cell, under a sheet name of theirs), as it would arrive by email.
 */
async function splitStatement(sheetName: string, fileName: string): Promise<{ book: string; statement: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-statement-'));
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(SAMPLE);
  const theirs = sample.getWorksheet(sheetName);
  if (!theirs) throw new Error(`the sample has no sheet ${sheetName}`);
  const out = new ExcelJS.Workbook();
  const copy = out.addWorksheet('10月');
  theirs.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const to = copy.getCell(r, c);
      to.value = cell.value;
      to.numFmt = cell.numFmt;
    }),
  );
  for (const range of theirs.model.merges ?? []) copy.mergeCells(range);
  const statement = path.join(dir, fileName);
  await out.xlsx.writeFile(statement);
  sample.removeWorksheet(theirs.id);
  const book = path.join(dir, 'clerk-sample-without.xlsx');
  await sample.xlsx.writeFile(book);
  return { book, statement };
}
