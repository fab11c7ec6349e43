import { quotesJob } from '../../../src/core/quotes/job';
import type { QuotesSection } from '../../../src/core/quotes/report';
import { translator, type Lang } from '../../../src/core/i18n';
import type { JobContext, OptionValues } from '../../../src/core/job-definition';
import type { ContractRow, CustomerRow, QuoteRow } from '../../../src/core/tables/kinds';
import type { AnyTypedTable, TypedTable } from '../../../src/core/tables/typed-table';
import { asFen, asIsoDate, asRate, type Fen } from '../../../src/core/values/brand';

/** Typed tables for the quote check, built directly: real Chinese data, money in fen, ISO dates. */

export const d = asIsoDate;
export const r = asRate;
/** Yuan → Fen, exact for amounts with at most two decimals. */
export const y = (yuan: number): Fen => asFen(Math.round(yuan * 100));

export const QUOTE_COLS = { quoteNo: 1, date: 2, customer: 3, part: 4, name: 5, unitPrice: 6, unitPriceWithTax: 7, unitPriceNet: 8, taxIncluded: 9, taxRate: 10, minQty: 11, maxQty: 12, validUntil: 13 } as const;
export const CONTRACT_COLS = { contractNo: 1, line: 2, signDate: 3, customer: 4, quoteNo: 5, part: 6, name: 7, quantity: 8, unitPrice: 9, unitPriceWithTax: 10, unitPriceNet: 11, taxIncluded: 12, taxRate: 13, amount: 14, amountNet: 15, tax: 16, contractTotal: 17 } as const;

export const QUOTES_SHEET = '报价台账';
export const CONTRACTS_SHEET = '合同台账';

function table<K extends 'customers' | 'quotes' | 'contracts'>(kind: K, sheet: string, rows: (K extends 'quotes' ? QuoteRow : K extends 'contracts' ? ContractRow : CustomerRow)[], columns: Record<string, number>, firstRow: number): AnyTypedTable {
  const t = {
    kind,
    sheet,
    confidence: 1,
    headerRows: [firstRow - 1],
    firstDataRow: firstRow,
    lastDataRow: firstRow + rows.length - 1,
    columns,
    rows: rows.map((fields, i) => ({ sourceRow: firstRow + i, fields })),
  };
  return t as unknown as AnyTypedTable;
}

export const customersTable: AnyTypedTable = (() => {
  const t: TypedTable<'customers'> = {
    kind: 'customers',
    sheet: '客户档案',
    confidence: 1,
    headerRows: [1],
    firstDataRow: 2,
    lastDataRow: 4,
    columns: { code: 1, name: 2, aliases: 3, group: 4 },
    rows: [
      { sourceRow: 2, fields: { code: 'C001', name: '苏州华工精密模具有限公司', aliases: '华工精密、华工模具', group: 'related', termsDays: 30 } },
      { sourceRow: 3, fields: { code: 'C002', name: '无锡锐达汽车部件有限公司', aliases: '锐达', group: 'external', termsDays: 60 } },
      { sourceRow: 4, fields: { code: 'C003', name: '常州恒通机械股份有限公司', group: 'external' } },
    ],
  };
  return t as unknown as AnyTypedTable;
})();

/** Quotes on 报价台账 from row 3 (a title row above the header). */
export const quotesTable = (rows: QuoteRow[]): AnyTypedTable => table('quotes', QUOTES_SHEET, rows, QUOTE_COLS, 3);
/** Contract lines on 合同台账 from row 4 (two title rows above the header). */
export const contractsTable = (rows: ContractRow[]): AnyTypedTable => table('contracts', CONTRACTS_SHEET, rows, CONTRACT_COLS, 4);

/** 定位销 HG-1001 for 华工精密 at ¥12.50 with 13% tax, valid March to June 2026. */
export const baseQuote = (o: Partial<QuoteRow> = {}): QuoteRow => ({
  quoteNo: 'BJ-2026-031',
  date: d('2026-03-01'),
  customer: '苏州华工精密模具有限公司',
  part: 'HG-1001',
  name: '定位销',
  unitPriceWithTax: y(12.5),
  taxRate: r(0.13),
  validUntil: d('2026-06-30'),
  ...o,
});

/** 200 × ¥12.50 = ¥2,500.00, signed 2026-04-15, the part code written in full-width letters. */
export const baseLine = (o: Partial<ContractRow> = {}): ContractRow => ({
  contractNo: 'HT-2026-0415',
  line: 1,
  signDate: d('2026-04-15'),
  customer: '苏州华工精密模具（有限公司）',
  part: 'ＨＧ-1001',
  name: '定位销',
  quantity: 200,
  unitPriceWithTax: y(12.5),
  taxRate: r(0.13),
  amount: y(2500),
  ...o,
});

export function ctx(options: OptionValues = {}, lang: Lang = 'zh-CN'): JobContext {
  return { asOf: d('2026-10-31'), lang, t: translator(lang), options };
}

export function run(quotes: QuoteRow[], contracts: ContractRow[], options: OptionValues = {}, lang: Lang = 'zh-CN') {
  const tables = [customersTable, quotesTable(quotes), contractsTable(contracts)];
  const out = quotesJob.run({ grids: [], tables, issues: [] }, ctx(options, lang));
  return { ...out, json: out.result as unknown as QuotesSection };
}

/** The rule codes that fired, in order. */
export const rules = (quotes: QuoteRow[], contracts: ContractRow[], options: OptionValues = {}): string[] => run(quotes, contracts, options).json.findings.map((f) => f.rule);
