/**
 * The 对账确认函 on the bundled sample: one per related company with a statement, in business words, with both
 * totals in figures and in 大写, and nothing of ours (links, tolerances, class codes). Our company comes from the
 * title blocks of her own sheets unless she names it.
 */
import { existsSync } from 'fs';
import { resolve } from 'path';
import { runWorkbook, type RunOutput } from '../../src/core/pipeline';
import { XlsxHost } from '../../src/xlsx';
import { asIsoDate } from '../../src/core/values/brand';
import type { Grid } from '../../src/core/grid';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { companyFromTitles, resolveCompany } from '../../src/core/report/company';
import { wrapText } from '../../src/core/report/letter';
import { readState } from '../../src/core/state';

const SAMPLE = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const have = existsSync(SAMPLE);
let grids: Grid[] = [];
let out: RunOutput;
const run = (options: Record<string, string> = {}) =>
  runWorkbook(grids, { jobs: ['reconcile'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { period: '2026-10', ...options } });
const letters = (o: RunOutput): SheetSpec[] => o.sheets.filter((s) => s.title[0] === '对账确认函');

beforeAll(async () => {
  if (!have) return;
  grids = (await (await XlsxHost.open(SAMPLE)).readWorkbook()).grids;
  out = run();
}, 60_000);

(have ? describe : describe.skip)('confirmation letters on the sample', () => {
  test('one letter per counterparty with a statement, addressed by full name, from our company found in her titles', () => {
    const ls = letters(out);
    expect(ls.map((l) => l.title[1])).toEqual(['致：苏州华工精密模具有限公司', '致：无锡华工汽车部件有限公司', '致：嘉兴华工新材料科技有限公司']);
    for (const l of ls) {
      expect(l.title).toContain('发函单位：江苏华工科技装备有限公司');
      expect(l.page).toEqual({ onePage: true, orientation: 'portrait', footer: '第 &P 页 共 &N 页', company: '江苏华工科技装备有限公司' });
    }
  });

  test('totals in figures and in 大写; the listed differences and timing items add up to the difference of the totals', () => {
    const l = letters(out)[0];
    const value = (label: string) => l.summary?.filter((s) => s.label === label).map((s) => s.value);
    expect(value('贵公司对账单金额')).toEqual([81027.5]);
    expect(value('本公司发货金额')).toEqual([73840]);
    expect(value('　大写')).toEqual(['人民币捌万壹仟零贰拾柒元伍角', '人民币柒万叁仟捌佰肆拾元整']);
    expect(value('差额')).toEqual([-7187.5]);
    const diffCol = (t: SheetSpec['tables'][number]) => t.columns.findIndex((c) => c.key === 'diff');
    const listed = l.tables.filter((t) => diffCol(t) >= 0).flatMap((t) => t.rows.map((r) => Math.round(Number(r[diffCol(t)]) * 100)));
    expect(listed.reduce((a, b) => a + b, 0)).toBe(-718750);
    // Business words: the quantity difference names both quantities with their unit.
    expect(l.tables[0].rows.map((r) => r[6])).toContain('数量不符：本公司 400件，贵公司 395件');
  });

  test('in English: the same letter, its running text broken between words', () => {
    const en = runWorkbook(grids, { jobs: ['reconcile'], asOf: asIsoDate('2026-10-31'), lang: 'en-US', options: { period: '2026-10' } });
    const l = en.sheets.filter((s) => s.title[0] === 'Balance confirmation')[0];
    expect(l.title[1]).toBe('To: 苏州华工精密模具有限公司');
    const intro = l.title.slice(2, l.title.findIndex((x) => x.startsWith('From:')));
    expect(intro.join(' ')).toBe(
      'Please check our account with you for 2026-10-01 to 2026-10-31 as set out below. If it agrees, tick "Agreed" under Reply, sign and stamp; if not, list the documents, amounts and reasons that differ, then sign, stamp and return this letter to us.',
    );
    expect(l.tables[0].rows.map((r) => r[6])).toContain('Quantity differs: ours 400件, yours 395件');
  });

  test('nothing of ours: no links, no tolerances, no class codes or match passes', () => {
    for (const l of letters(out)) {
      const text = JSON.stringify(l);
      expect(text).not.toMatch(/"target"|容差|tolerance|amount-diff|qty-diff|only-ours|document-sum|window|未解释/);
      expect(l.tables.flatMap((t) => t.columns.map((c) => c.type))).not.toContain('link');
    }
  });

  test('--company wins over the titles and is remembered in the state sheet; a name from titles is not', () => {
    const named = run({ company: '江苏华工科技装备股份有限公司' });
    expect(letters(named)[0].title).toContain('发函单位：江苏华工科技装备股份有限公司');
    const stateSpec = named.sheets[named.sheets.length - 1];
    const stateGrid: Grid = { name: stateSpec.name, values: [['json'], ...stateSpec.tables[0].rows.map((r) => [r[0] as string])], formats: [], merges: [], hiddenRows: [], hiddenColumns: [] } as unknown as Grid;
    expect(readState([stateGrid]).company).toEqual({ name: '江苏华工科技装备股份有限公司' });
    expect(out.state.company).toBeUndefined();
  });
});

describe('our company from titles', () => {
  const table = (kind: string, titleText: string[]) => ({ kind, sheet: kind, titleText, rows: [] }) as never;
  test('the one company her own sheets name; none when they disagree; a customer named in a title is not ours', () => {
    const ours = table('shipments', ['江苏华工科技装备有限公司', '10月出货清单']);
    expect(companyFromTitles([ours, table('invoices', ['江苏华工科技装备有限公司 开票明细'])])).toBe('江苏华工科技装备有限公司');
    expect(companyFromTitles([ours, table('invoices', ['南通远洋重工机械有限公司 开票明细'])])).toBeUndefined();
    expect(companyFromTitles([ours, table('statements', ['苏州华工精密模具有限公司 对账单'])])).toBe('江苏华工科技装备有限公司');
    const customers = { kind: 'customers', sheet: 'c', titleText: [], rows: [{ fields: { name: '无锡华工汽车部件有限公司' } }] } as never;
    expect(companyFromTitles([ours, customers, table('shipments', ['客户：无锡华工汽车部件有限公司'])])).toBe('江苏华工科技装备有限公司');
    expect(resolveCompany('  ', { name: '甲公司' }, [ours])).toEqual({ settings: { name: '甲公司' }, source: 'state' });
  });

  test('running text wraps by display width (CJK two)', () => {
    expect(wrapText('本公司与贵公司ab', 6)).toEqual(['本公司', '与贵公', '司ab']);
    expect(wrapText('Please check our account with you', 12)).toEqual(['Please check', 'our account', 'with you']);
    expect(wrapText('Supercalifragilistic word', 8)).toEqual(['Supercal', 'ifragili', 'stic', 'word']);
    // Chinese with spaces still breaks at the width; a comma never starts a line.
    expect(wrapText('本公司与贵公司 2026-10-01 至今', 16)).toEqual(['本公司与贵公司 2', '026-10-01 至今']);
    expect(wrapText('请予核对，如有不符', 8)).toEqual(['请予核对，', '如有不符']);
  });
});
