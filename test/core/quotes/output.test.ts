import { isSheetLink, type SheetLink, type SheetSpec } from '../../../src/core/sheet-spec';
import { quotesJob } from '../../../src/core/quotes/job';
import { LINES_TABLE, RULES_TABLE } from '../../../src/core/quotes/report';
import { RULES } from '../../../src/core/quotes/rules';
import { t } from '../../../src/core/i18n';
import { baseLine, baseQuote, CONTRACTS_SHEET, ctx, customersTable, d, QUOTES_SHEET, r, run, y } from './fixtures';

/** A small book: one clean line, one price off by a fen (200 units), one with no quote, one duplicate. */
const quotes = [baseQuote(), baseQuote({ quoteNo: 'BJ-2026-032', part: 'HG-2002', name: '导套', unitPriceWithTax: y(8.8) })];
const contracts = [
  baseLine(),
  baseLine({ contractNo: 'HT-2026-0501', signDate: d('2026-05-01'), customer: '华工精密', part: 'HG-2002', name: '导套', quantity: 200, unitPriceWithTax: y(8.81), amount: y(1762) }),
  baseLine({ contractNo: 'HT-2026-0501', line: 2, part: 'HG-3003', name: '顶针', quantity: 10, unitPriceWithTax: y(5), amount: y(50) }),
  baseLine({ contractNo: 'HT-2026-0501', line: 3, part: 'HG-2002', name: '导套', quantity: 10, unitPriceWithTax: y(8.8), amount: y(88), taxRate: r(0.13) }),
];

describe('the JSON section', () => {
  const { json } = run(quotes, contracts);
  test('has exactly checked, ok and findings, and each finding exactly the issue\'s keys', () => {
    expect(Object.keys(json).sort()).toEqual(['checked', 'findings', 'ok']);
    for (const f of json.findings) expect(Object.keys(f).sort()).toEqual(['actual', 'cell', 'contractNo', 'expected', 'part', 'row', 'rule', 'sheet']);
  });
  test('lists the planted findings, amounts in yuan, cells on the contract sheet', () => {
    expect(json.checked).toBe(4);
    expect(json.ok).toBe(1);
    expect(json.findings).toEqual([
      { rule: 'price-mismatch', contractNo: 'HT-2026-0501', part: 'HG-2002', sheet: CONTRACTS_SHEET, row: 5, cell: 'J5', expected: 8.8, actual: 8.81 },
      { rule: 'no-quote', contractNo: 'HT-2026-0501', part: 'HG-3003', sheet: CONTRACTS_SHEET, row: 6, cell: 'F6', expected: null, actual: 5 },
      { rule: 'duplicate-line', contractNo: 'HT-2026-0501', part: 'HG-2002', sheet: CONTRACTS_SHEET, row: 7, cell: 'F7', expected: 1, actual: 2 },
    ]);
  });
  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('findings for the task pane', () => {
  test('one per rule hit, with its severity, message and the offending cell first', () => {
    const { findings } = run(quotes, contracts);
    expect(findings.map((f) => [f.code, f.severity, f.cells[0]])).toEqual([
      ['quotes-price-mismatch', 'error', { sheet: CONTRACTS_SHEET, cell: 'J5' }],
      ['quotes-no-quote', 'error', { sheet: CONTRACTS_SHEET, cell: 'F6' }],
      ['quotes-duplicate-line', 'warning', { sheet: CONTRACTS_SHEET, cell: 'F7' }],
    ]);
    const price = findings[0];
    expect(t('zh-CN', price.message.key, price.message.values)).toBe('合同 HT-2026-0501 第 1 行（HG-2002）：含税单价 ¥8.81，报价 BJ-2026-032 为 ¥8.80。');
    expect(t('en-US', price.message.key, price.message.values)).toBe('Contract HT-2026-0501 line 1 (HG-2002): unit price with tax ¥8.81, quote BJ-2026-032 says ¥8.80.');
  });
  test('a converted price is shown to the fraction of a fen', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(1080) });
    const { findings } = run([quote], [baseLine({ quantity: 1, unitPriceWithTax: y(1220.41), amount: y(1220.41) })], {}, 'en-US');
    expect(t('en-US', findings[0].message.key, findings[0].message.values)).toContain('quote BJ-2026-031 says ¥1,220.40.');
    const net = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(10.8) });
    const f2 = run([net], [baseLine({ quantity: 10, unitPriceWithTax: y(12.21), amount: y(122.1) })]).findings[0];
    expect(f2.message.values?.expected).toBe('¥12.204');
  });
  test('a rate not in force is said to be so, whatever the quote says', () => {
    for (const quoteRate of [undefined, 0.16]) {
      const { findings } = run([baseQuote({ taxRate: quoteRate === undefined ? undefined : r(quoteRate) })], [baseLine({ taxRate: r(0.16) })]);
      expect(findings.map((f) => f.code)).toEqual(['quotes-tax-rate-mismatch']);
      expect(t('zh-CN', findings[0].message.key, findings[0].message.values)).toBe('合同 HT-2026-0415 第 1 行（ＨＧ-1001）：税率 16% 不是现行增值税率（13%、9%、6%、3%、1%、0%）。');
    }
    const { findings } = run([baseQuote()], [baseLine({ taxRate: r(0.09) })]);
    expect(t('en-US', findings[0].message.key, findings[0].message.values)).toBe('Contract HT-2026-0415 line 1 (ＨＧ-1001): tax rate 9%, quote BJ-2026-031 says 13%.');
  });
  test('no contracts table: one info finding, nothing written', () => {
    const out = quotesJob.run({ grids: [], tables: [customersTable], issues: [] }, ctx());
    expect(out.sheets).toEqual([]);
    expect(out.result).toEqual({ checked: 0, ok: 0, findings: [] });
    expect(out.findings.map((f) => f.code)).toEqual(['quotes-no-contracts']);
  });
});

describe('the check sheet', () => {
  const zh = run(quotes, contracts).sheets;
  const en = run(quotes, contracts, {}, 'en-US').sheets;
  const sheet: SheetSpec = zh[0];
  const lines = sheet.tables.find((tb) => tb.name === LINES_TABLE)!;
  const col = (key: string) => lines.columns.findIndex((c) => c.key === key);

  test('one sheet, named 核对_报价合同 (QuoteCheck in English), owned by the quotes job', () => {
    expect(zh.map((s) => [s.name, s.purpose])).toEqual([['核对_报价合同', 'quotes']]);
    expect(en.map((s) => s.name)).toEqual(['QuoteCheck']);
    expect(sheet.title[0]).toBe('报价与合同核对');
  });

  test('the line table has the issue\'s columns and one row per contract line', () => {
    expect(lines.columns.map((c) => c.key)).toEqual(['source', 'contract', 'line', 'signDate', 'customer', 'part', 'quantity', 'quote', 'quoteSource', 'basis', 'quotedPrice', 'contractPrice', 'difference', 'rules', 'status']);
    expect(lines.columns.map((c) => c.type)).toEqual(['link', 'text', 'integer', 'date', 'text', 'text', 'quantity', 'text', 'link', 'text', 'money', 'money', 'money', 'text', 'text']);
    expect(lines.rows).toHaveLength(contracts.length);
    const row = lines.rows[1];
    expect([row[col('contract')], row[col('line')], row[col('part')], row[col('quote')], row[col('quotedPrice')], row[col('contractPrice')], row[col('difference')], row[col('rules')], row[col('status')]]).toEqual(['HT-2026-0501', 1, 'HG-2002', 'BJ-2026-032', 8.8, 8.81, 0.01, 'price-mismatch', '错误']);
    expect(lines.rows.map((rw) => rw[col('status')])).toEqual(['正常', '错误', '错误', '警告']);
    expect(lines.rows[2][col('quote')]).toBeNull();
  });

  test('links go to the offending contract cell (the contract number of a clean line) and to the quote row', () => {
    const links = lines.rows.map((rw) => rw[col('source')] as SheetLink);
    expect(links.map((l) => l.target)).toEqual([
      { sheet: CONTRACTS_SHEET, cell: 'A4' },
      { sheet: CONTRACTS_SHEET, cell: 'J5' },
      { sheet: CONTRACTS_SHEET, cell: 'F6' },
      { sheet: CONTRACTS_SHEET, cell: 'F7' },
    ]);
    const quoteLink = lines.rows[1][col('quoteSource')];
    expect(isSheetLink(quoteLink!) && quoteLink.target).toEqual({ sheet: QUOTES_SHEET, cell: 'A4' });
  });

  test('status is highlighted by tone in the clerk\'s language', () => {
    expect(lines.highlights).toEqual([
      { column: 'status', equals: '错误', tone: 'bad' },
      { column: 'status', equals: '警告', tone: 'warn' },
      { column: 'status', equals: '正常', tone: 'good' },
    ]);
    const enLines = en[0].tables.find((tb) => tb.name === LINES_TABLE)!;
    expect(enLines.highlights?.map((h) => h.equals)).toEqual(['error', 'warning', 'OK']);
    expect(enLines.rows.map((rw) => rw[col('status')])).toEqual(['OK', 'error', 'error', 'warning']);
  });

  test('the summary: lines checked, lines OK, findings per rule and the money at stake', () => {
    const s = Object.fromEntries((sheet.summary ?? []).map((l) => [l.label, l.value]));
    expect(s['核对行数']).toBe(4);
    expect(s['无异常行数']).toBe(1);
    expect(s['单价与报价不符（price-mismatch）']).toBe(1);
    expect(s['无报价（no-quote）']).toBe(1);
    expect(s['重复行（duplicate-line）']).toBe(1);
    expect(s['报价已过期（quote-expired）']).toBe(0);
    // (8.81 − 8.80) × 200
    expect(s['涉及金额 Σ(合同单价−报价)×数量']).toBe(2);
    expect(s['其中：合同价高于报价']).toBe(2);
    expect(s['其中：合同价低于报价']).toBe(0);
    expect(sheet.summary).toHaveLength(2 + RULES.length + 3);
    const enSummary = Object.fromEntries((en[0].summary ?? []).map((l) => [l.label, l.value]));
    expect(enSummary['Lines checked']).toBe(4);
    expect(enSummary['Price differs from quote (price-mismatch)']).toBe(1);
  });

  test('money at stake is signed: under-pricing counts against over-pricing', () => {
    const two = [baseLine({ unitPriceWithTax: y(12.6), amount: y(2520) }), baseLine({ contractNo: 'HT-2026-0416', quantity: 100, unitPriceWithTax: y(12.3), amount: y(1230) })];
    const summary = run([baseQuote()], two).sheets[0].summary ?? [];
    // 0.10 × 200 − 0.20 × 100 = 0, made of +20.00 and −20.00, which the next two lines show
    expect(summary.slice(-3).map((l) => l.value)).toEqual([0, 20, -20]);
  });

  test('a rules table explains every code in the clerk\'s language with its count', () => {
    const rulesTable = sheet.tables.find((tb) => tb.name === RULES_TABLE)!;
    expect(rulesTable.rows.map((rw) => rw[0])).toEqual([...RULES]);
    expect(rulesTable.rows.find((rw) => rw[0] === 'no-quote')).toEqual(['no-quote', '无报价', '错误', 1, '该客户、该物料没有任何报价。']);
  });

  test('no user text is left as a message key', () => {
    const texts = JSON.stringify([zh, en]);
    expect(texts).not.toMatch(/quotes\.[a-z]/);
  });
});
