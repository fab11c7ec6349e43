/**
 * The pane's company setting (issue 16). On the bundled sample her titles name 江苏华工科技装备有限公司 (her shipping
 * lists and invoices are headed with it; assets/sample/PLANTED.md): the scan says so and where it came from, the pane
 * asks once, and a corrected name saved through the engine is in the state sheet, on every 对账确认函 and kept after
 * the run. The card's words are checked as the clerk reads them, in Chinese and in English.
 */
import { existsSync } from 'fs';
import path from 'path';
import { renderToStaticMarkup } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { XlsxHost } from '../../src/xlsx';
import { MemoryHost } from '../../src/playground/memory-host';
import { PaneEngine } from '../../src/taskpane/engine';
import { OurCompany, companyStatus, settingsOf, type OurCompanyProps } from '../../src/taskpane/components/OurCompany';
import { LangContext } from '../../src/taskpane/i18n';
import { readState } from '../../src/core/state';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';
import type { IsoDate } from '../../src/core/values/brand';

const SAMPLE = path.resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const FROM_TITLES = '江苏华工科技装备有限公司';
const CORRECTED = '江苏华工科技装备集团有限公司';
const AS_OF = '2026-10-31' as IsoDate;

function render(lang: Lang, props: Partial<OurCompanyProps>): string {
  return renderToStaticMarkup(
    <LangContext.Provider value={{ lang, setLang: () => undefined }}>
      <FluentProvider theme={webLightTheme}>
        <OurCompany titleCompanies={[]} hasSheets busy={false} onSave={async () => undefined} {...props} />
      </FluentProvider>
    </LangContext.Provider>,
  );
}
/** The text a screen reader or the eye gets, tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/\s+/g, ' ');

describe('the company card', () => {
  test('a name from her titles: one plain question with Confirm and Change, no form yet', () => {
    const html = render('zh-CN', { company: { settings: { name: FROM_TITLES }, source: 'titles' }, titleCompanies: [FROM_TITLES] });
    expect(text(html)).toContain(`我方公司识别为：${FROM_TITLES}（来自各表标题）。是否正确？`);
    expect(html).toContain('data-testid="company-confirm"');
    expect(html).toContain(`aria-label="确认我方公司是 ${FROM_TITLES}"`);
    expect(html).toContain('data-testid="company-change"');
    expect(html).not.toContain('data-testid="company-form"');
    const en = text(render('en-US', { company: { settings: { name: FROM_TITLES }, source: 'titles' }, titleCompanies: [FROM_TITLES] }));
    expect(en).toContain(`Our company was read as ${FROM_TITLES} (from the titles of your sheets). Is this right?`);
    expect(en).toContain('Confirm');
  });

  test('titles that disagree: the letters will carry no name of ours, the field is offered with each name to pick', () => {
    const names = [FROM_TITLES, '常州恒泰液压机械有限公司'];
    const html = render('zh-CN', { titleCompanies: names });
    expect(text(html)).toContain(`各表标题写的公司不一致（${names.join('、')}），对账确认函上将没有我方公司名称。请填写：`);
    expect(html).toContain('data-testid="company-form"');
    expect(html.match(/data-testid="company-pick"/g)).toHaveLength(2);
    // Nothing to go back to: no Cancel.
    expect(html).not.toContain('data-testid="company-cancel"');
    expect(text(render('en-US', { titleCompanies: names }))).toContain(`name different companies (${names.join(', ')}), so the confirmation letters will carry no company name of ours.`);
  });

  test('titles that name no company: the same warning in its own words, the field labelled and required', () => {
    const html = render('zh-CN', {});
    expect(text(html)).toContain('各表标题中没有写我方公司名称，对账确认函上将没有我方公司名称。');
    expect(html).toMatch(/<label[^>]*for="[^"]+"[^>]*>公司全称/);
    expect(/<input[^>]*data-testid="company-field-name"[^>]*required=""/.test(html)).toBe(true);
    for (const label of ['纳税人识别号（税号）', '地址', '联系方式', '经办人（制表人）']) expect(text(html)).toContain(label);
    // An empty workbook: no warning, only the field.
    expect(render('zh-CN', { hasSheets: false })).not.toContain('data-testid="company-missing"');
  });

  test('a saved company: its name and details, and Change', () => {
    const settings = { name: CORRECTED, taxNo: '91320200MA1XXXXX0Q', preparer: '王丽' };
    const t = text(render('zh-CN', { company: { settings, source: 'state' } }));
    expect(t).toContain(CORRECTED);
    expect(t).toContain('纳税人识别号（税号）：91320200MA1XXXXX0Q');
    expect(t).toContain('经办人（制表人）：王丽');
    expect(t).not.toContain('是否正确');
    expect(text(render('en-US', { company: { settings, source: 'state' } }))).toContain('Prepared by: 王丽');
  });

  test('status and what the form saves', () => {
    expect(companyStatus(undefined)).toBe('none');
    expect(companyStatus({ settings: { name: FROM_TITLES }, source: 'titles' })).toBe('titles');
    expect(companyStatus({ settings: { name: FROM_TITLES }, source: 'option' })).toBe('set');
    expect(settingsOf({ name: `  ${CORRECTED} `, taxNo: '', address: ' 江苏省无锡市新吴区长江路 8 号 ', contact: '', preparer: '' })).toEqual({
      name: CORRECTED,
      address: '江苏省无锡市新吴区长江路 8 号',
    });
    expect(settingsOf({ name: ' ', taxNo: 'x', address: '', contact: '', preparer: '' })).toBeNull();
  });
});

(existsSync(SAMPLE) ? describe : describe.skip)('the engine on the sample', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = (await (await XlsxHost.open(SAMPLE)).readWorkbook()).grids;
  }, 60_000);

  test('the scan names the company from her titles; a corrected name is saved, printed on every letter and kept', async () => {
    const host = new MemoryHost(grids);
    const engine = new PaneEngine(host);
    const scan = await engine.scan('zh-CN', AS_OF);
    expect(scan.company).toEqual({ settings: { name: FROM_TITLES }, source: 'titles' });
    expect(scan.titleCompanies).toEqual([FROM_TITLES]);
    expect(scan.state.company).toBeUndefined();

    await engine.saveCompany({ name: CORRECTED, contact: '0510-8523 6688' });
    expect(readState(host.snapshot().grids).company).toEqual({ name: CORRECTED, contact: '0510-8523 6688' });
    expect((await engine.scan('zh-CN', AS_OF)).company).toEqual({ settings: { name: CORRECTED, contact: '0510-8523 6688' }, source: 'state' });

    // The pane passes the saved name with the run, as the CLI's --company.
    const res = await engine.run('reconcile', { period: '2026-10', company: CORRECTED }, AS_OF, 'zh-CN');
    const letters = host.snapshot().grids.filter((g) => g.name.startsWith('确认函_'));
    expect(letters.map((g) => g.name).sort()).toEqual(['确认函_苏州华工精密模具有限公司', '确认函_无锡华工汽车部件有限公司', '确认函_嘉兴华工新材料科技有限公司'].sort());
    for (const g of letters) {
      const cells = g.values.flat().filter((v): v is string => typeof v === 'string');
      expect([g.name, cells.includes(`发函单位：${CORRECTED}`), cells.some((c) => c.includes(FROM_TITLES))]).toEqual([g.name, true, false]);
    }
    expect(readState(host.snapshot().grids).company).toEqual({ name: CORRECTED, contact: '0510-8523 6688' });
    expect(res.scan.company?.settings.name).toBe(CORRECTED);
  });
});
