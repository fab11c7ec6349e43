/**
 * Issue 16, in a real browser: the clerk opens the sample in the playground (the Office.js simulation behind the
 * pane). Her shipping lists and invoices are headed 江苏华工科技装备有限公司 (assets/sample/PLANTED.md), so the pane
 * asks once whether that is our company. She corrects it with the keyboard, runs Reconcile, and the corrected name
 * is the sender on the 对账确认函 and still the saved setting when the pane reads the workbook's state sheet again.
 * Without chromium: fails in CI, skipped with a message elsewhere.
 */
import { existsSync, mkdirSync } from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { usePlayground, ROOT } from './harness';
import { CHROMIUM, describeNeeding } from '../helpers/programs';

const SAMPLE = path.join(ROOT, 'assets/sample/clerk-sample.xlsx');
const FROM_TITLES = '江苏华工科技装备有限公司';
const CORRECTED = '江苏华工科技装备集团有限公司';
/** A related company with an October statement in the sample: its letter is the one read here. */
const LETTER = '确认函_苏州华工精密模具有限公司';
const ARTIFACTS = path.join(__dirname, 'artifacts');

const describeBrowser = describeNeeding(CHROMIUM);

describeBrowser('our company in the pane, in chromium', () => {
  const session = usePlayground(300_000);
  let origin: string;
  let page: Page;

  beforeEach(async () => {
    ({ origin, page } = session);
  });

  const company = () => page.locator('[data-testid="company"]');

  test('the name from her titles is asked about once; corrected, it is on the 对账确认函 and stays in the state', async () => {
    expect(existsSync(SAMPLE)).toBe(true);
    await page.goto(`${origin}/playground.html?sample=1`);
    await page.waitForSelector('[data-testid="sheet-row"]', { timeout: 60_000 });

    // The one question, with the name her titles give.
    const prompt = page.locator('[data-testid="company-prompt"]');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.innerText()).toContain(`我方公司识别为：${FROM_TITLES}（来自各表标题）。是否正确？`);
    expect(await company().getAttribute('data-status')).toBe('titles');
    mkdirSync(ARTIFACTS, { recursive: true });
    await company().screenshot({ path: path.join(ARTIFACTS, 'company-prompt.png') });

    // 修改 opens the field, filled with that name and focused; Esc goes back to the question, with the keyboard on 修改.
    const focused = (testId: string) =>
      page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId, { timeout: 5_000 });
    await prompt.getByRole('button', { name: '修改我方公司' }).click();
    const name = page.locator('[data-testid="company-field-name"]');
    await focused('company-field-name');
    await page.keyboard.press('Escape');
    await focused('company-change');
    expect(await company().getAttribute('data-status')).toBe('titles');
    // From the keyboard alone: Enter on 修改, the right name typed over the guess, Enter to save.
    await page.keyboard.press('Enter');
    await focused('company-field-name');
    expect(await name.inputValue()).toBe(FROM_TITLES);
    await company().screenshot({ path: path.join(ARTIFACTS, 'company-form.png') });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(CORRECTED);
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-testid="company"][data-status="set"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="company-name"]').innerText()).toBe(CORRECTED);
    expect(await page.locator('[data-testid="company-prompt"]').count()).toBe(0);
    await focused('company-change');
    expect(await page.locator('[data-testid="notice"]').innerText()).toContain(`我方公司已保存在工作簿中：${CORRECTED}`);
    expect(await page.locator('[data-testid="announce"]').innerText()).toContain(CORRECTED);
    await company().screenshot({ path: path.join(ARTIFACTS, 'company-saved.png') });

    // Reconcile with the defaults: the letters are written, from the corrected name.
    await page.click('[data-testid="run-reconcile"]');
    await page.waitForSelector('[data-testid="figure-reconcile-counterparties"]', { timeout: 120_000 });
    const tab = page.locator(`[data-testid="sheet-tab"][data-sheet="${LETTER}"]`);
    await tab.click();
    const letter = page.locator(`table[data-sheet="${LETTER}"]`);
    await letter.waitFor({ timeout: 10_000 });
    const text = await letter.innerText();
    expect(text).toContain('对账确认函');
    expect(text).toContain('致：苏州华工精密模具有限公司');
    expect(text).toContain(`发函单位：${CORRECTED}`);
    expect(text).not.toContain(FROM_TITLES);

    // The pane reads the workbook again (its state sheet, through the simulated Office.js): the setting is kept.
    // The button is disabled while the pane reads: wait until it has been, and is enabled again (a fresh scan).
    await page.evaluate(() => {
      const button = document.querySelector('[data-testid="rescan"]') as HTMLButtonElement;
      const w = window as unknown as { __rescanBusy: boolean };
      w.__rescanBusy = false;
      new MutationObserver(() => {
        if (button.disabled) w.__rescanBusy = true;
      }).observe(button, { attributes: true });
    });
    await page.click('[data-testid="rescan"]');
    await page.waitForFunction(
      () => (window as unknown as { __rescanBusy: boolean }).__rescanBusy && !(document.querySelector('[data-testid="rescan"]') as HTMLButtonElement).disabled,
      null,
      { timeout: 60_000 },
    );
    await page.waitForSelector('[data-testid="company"][data-status="set"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="company-name"]').innerText()).toBe(CORRECTED);
    expect(await page.locator('[data-testid="company-prompt"]').count()).toBe(0);
  }, 240_000);
});
