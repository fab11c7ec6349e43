/** The quote check reads like a letter: problems first, one sentence each with both figures, the rule code apart. */
import { existsSync } from 'fs';
import { resolve } from 'path';
import { runWorkbook } from '../../src/core/pipeline';
import { XlsxHost } from '../../src/xlsx';
import { asIsoDate } from '../../src/core/values/brand';
import { RULES } from '../../src/core/quotes/rules';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';

const SAMPLE = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const have = existsSync(SAMPLE);
let grids: Grid[] = [];
beforeAll(async () => {
  if (have) grids = (await (await XlsxHost.open(SAMPLE)).readWorkbook()).grids;
}, 60_000);

const sheetIn = (lang: Lang) => runWorkbook(grids, { jobs: ['quotes'], asOf: asIsoDate('2026-10-31'), lang }).sheets.find((s) => s.purpose === 'quotes')!;

(have ? describe : describe.skip)('核对_报价合同', () => {
  test('the first table lists the problems, errors before warnings, each a sentence with the expected and the actual figure', () => {
    const sheet = sheetIn('zh-CN');
    const problems = sheet.tables[0];
    expect(problems.columns.map((c) => c.header)).toEqual(['合同行', '严重程度', '问题', '规则代码']);
    expect(problems.rows.length).toBe(12);
    const severities = problems.rows.map((r) => r[1]);
    expect(severities.lastIndexOf('错误')).toBeLessThan(severities.indexOf('警告') < 0 ? Infinity : severities.indexOf('警告'));
    for (const r of problems.rows) expect(RULES).toContain(r[3]);
    const price = problems.rows.find((r) => r[3] === 'price-mismatch');
    expect(String(price?.[2])).toMatch(/^合同 \S+ 第 \d+ 行（.+）：含税单价 ¥[\d,.]+，报价 \S+ 为 ¥[\d,.]+。$/);
  });

  test('in English the sentences use ASCII punctuation', () => {
    const problems = sheetIn('en-US').tables[0];
    expect(problems.columns.map((c) => c.header)).toEqual(['Contract line', 'Severity', 'Problem', 'Rule code']);
    for (const r of problems.rows) expect(String(r[2])).not.toMatch(/[，。：；（）“”、]/);
  });
});

if (!have) test.skip('assets/sample/clerk-sample.xlsx is not there yet', () => undefined);
