import type { Json } from '../job-definition';
import { buildDirectory } from '../parties';
import type { AnyTypedTable } from '../tables/typed-table';
import { a1 } from '../values/address';
import { asFen, type Fen } from '../values/brand';
import * as X from './exact';
import { cachedDirectory, indexQuotes, linkLine, readContractLines, type ContractLine, type Link, type PriceBasis, type PriceCell, type Prices, type QuoteGroup } from './link';

/** The rules of the quote check, in the order they are listed everywhere. Codes are stable: JSON and tests use them. */
export const RULES = [
  'no-quote',
  'price-mismatch',
  'quote-expired',
  'amount-mismatch',
  'tax-rate-mismatch',
  'tax-mismatch',
  'customer-mismatch',
  'duplicate-line',
  'total-mismatch',
  'below-minimum-quantity',
] as const;

export type RuleCode = (typeof RULES)[number];

export const SEVERITY: Record<RuleCode, 'error' | 'warning'> = {
  'no-quote': 'error',
  'price-mismatch': 'error',
  'quote-expired': 'warning',
  'amount-mismatch': 'error',
  'tax-rate-mismatch': 'error',
  'tax-mismatch': 'error',
  'customer-mismatch': 'error',
  'duplicate-line': 'warning',
  'total-mismatch': 'error',
  'below-minimum-quantity': 'warning',
};

/** VAT rates in force in China: 13%, 9%, 6%, and the small-taxpayer 3% and 1%, and 0%. */
export const RATES_IN_FORCE: readonly number[] = [0.13, 0.09, 0.06, 0.03, 0.01, 0];

/** Default tolerance on a unit price, in yuan per unit. */
export const DEFAULT_TOLERANCE = 0.005;

/** Arithmetic may be off by rounding of at most one fen; more than that is a mismatch. */
const ONE_FEN = X.fromInt(1);

/** A rule that fired on a line. */
export interface RuleHit {
  rule: RuleCode;
  /** Contract fields of the cells this is about; the first is the offending cell. */
  fields: string[];
  /** JSON values: money in yuan, dates as ISO text, rates as fractions. */
  expected: Json;
  actual: Json;
  /** Cells on other rows this is also about (the first of two duplicate lines). */
  also?: { sheet: string; row: number; field: string }[];
  /** Typed values for the message: money in fen (may be a fraction of a fen), or plain text. */
  show: { expected?: Shown; actual?: Shown };
}

export type Shown = { money: X.Ratio } | { rate: number } | { text: string } | { qty: number };

/** The contract price against the quoted price, on one tax basis. */
export interface PriceComparison {
  basis: PriceBasis;
  contract: PriceCell;
  /** The quoted price on the contract's basis, in fen (a fraction when converted). */
  quoted: X.Ratio;
  /** contract − quoted, fen per unit. */
  diff: X.Ratio;
  /** True when the quote was on the other tax basis and was converted with the tax rate. */
  converted: boolean;
}

export interface LineCheck {
  line: ContractLine;
  link?: Link;
  comparison?: PriceComparison;
  hits: RuleHit[];
}

export interface QuoteCheck {
  lines: LineCheck[];
  counts: Record<RuleCode, number>;
  /** Σ (contract price − quoted price) × quantity over the lines whose price does not match, in fen. */
  atStake: Fen;
  /** The part of it where the contract is above the quote (≥ 0) … */
  atStakeOver: Fen;
  /** … and where it is below (≤ 0): the signed sum can hide both. */
  atStakeUnder: Fen;
  /** Tolerance in yuan per unit. */
  tolerance: number;
}

/** Yuan for JSON, to four decimals (a converted price can be a fraction of a fen). */
const yuanOf = (fen: X.Ratio): number => Math.round(X.toNumber(fen) * 100) / 10_000;
const fenYuan = (fen: number): number => Math.round(fen) / 100;

/**
 * The contract's price against the quote's on the same tax basis: the basis both state when there is one (with tax
 * first), else the quote's price converted to the contract's basis with the line's tax rate (the quote's when the
 * line has none). Undefined when either price is missing or a conversion has no rate.
 */
export function comparePrices(contract: Prices, quote: Prices, rate: number | undefined): PriceComparison | undefined {
  const make = (basis: PriceBasis, c: PriceCell, quoted: X.Ratio, converted: boolean): PriceComparison => ({
    basis,
    contract: c,
    quoted,
    diff: X.sub(X.fromFen(c.fen), quoted),
    converted,
  });
  if (contract.withTax && quote.withTax) return make('with-tax', contract.withTax, X.fromFen(quote.withTax.fen), false);
  if (contract.net && quote.net) return make('net', contract.net, X.fromFen(quote.net.fen), false);
  if (rate === undefined) return undefined;
  if (contract.withTax && quote.net) return make('with-tax', contract.withTax, X.withTaxFromNet(X.fromFen(quote.net.fen), rate), true);
  if (contract.net && quote.withTax) return make('net', contract.net, X.netFromWithTax(X.fromFen(quote.withTax.fen), rate), true);
  return undefined;
}

/** The quote's tax rate: the tier's, else any row of the quote that states one. */
const quoteRate = (link: Link): number | undefined => link.choice.tier.fields.taxRate ?? link.group.tiers.find((t) => t.fields.taxRate !== undefined)?.fields.taxRate;

export const isRateInForce = (rate: number): boolean => RATES_IN_FORCE.some((r) => X.sameRate(r, rate));

/** The line amount a contract line states, or can be worked out from its own cells; undefined when unknown. */
function lineAmountOf(line: ContractLine): Fen | undefined {
  const f = line.fields;
  if (f.amount !== undefined) return f.amount;
  if (f.amountNet !== undefined && f.tax !== undefined) return asFen(f.amountNet + f.tax);
  if (f.quantity !== undefined && line.prices.withTax) return asFen(X.roundToInt(X.mul(X.fromDecimal(f.quantity), X.fromFen(line.prices.withTax.fen))));
  return undefined;
}

function checkLine(line: ContractLine, link: Link | undefined, tolerance: X.Ratio): LineCheck {
  const f = line.fields;
  const hits: RuleHit[] = [];
  const contractPrice = line.prices.withTax ?? line.prices.net;
  let comparison: PriceComparison | undefined;

  if (!link) {
    hits.push({
      rule: 'no-quote',
      fields: ['part', 'quoteNo', 'customer'],
      expected: null,
      actual: contractPrice ? yuanOf(X.fromFen(contractPrice.fen)) : null,
      show: {},
    });
  } else {
    const { group, choice } = link;
    comparison = comparePrices(line.prices, choice.tier.prices, f.taxRate ?? quoteRate(link));
    if (comparison && X.cmp(X.abs(comparison.diff), tolerance) > 0) {
      hits.push({
        rule: 'price-mismatch',
        fields: [comparison.contract.field],
        expected: yuanOf(comparison.quoted),
        actual: yuanOf(X.fromFen(comparison.contract.fen)),
        show: { expected: { money: comparison.quoted }, actual: { money: X.fromFen(comparison.contract.fen) } },
      });
    }
    if (line.signDate && group.validUntil && line.signDate > group.validUntil) {
      hits.push({
        rule: 'quote-expired',
        fields: ['signDate', 'quoteNo'],
        expected: group.validUntil,
        actual: line.signDate,
        show: { expected: { text: group.validUntil }, actual: { text: line.signDate } },
      });
    }
    if (link.otherParty) {
      hits.push({
        rule: 'customer-mismatch',
        // The offending cell is the quote reference; the customer cell is the other half of the story.
        fields: ['quoteNo', 'customer'],
        expected: group.party.name,
        actual: line.party.name,
        show: { expected: { text: group.party.name }, actual: { text: line.party.name } },
      });
    }
    if (choice.belowMinimum && choice.smallestMin !== undefined && f.quantity !== undefined) {
      hits.push({
        rule: 'below-minimum-quantity',
        fields: ['quantity'],
        expected: choice.smallestMin,
        actual: f.quantity,
        show: { expected: { qty: choice.smallestMin }, actual: { qty: f.quantity } },
      });
    }
  }

  // Arithmetic: quantity × unit price against the line amount on the same basis, within one fen.
  if (f.quantity !== undefined) {
    const qty = X.fromDecimal(f.quantity);
    const pairs: [PriceCell | undefined, Fen | undefined, string][] = [
      [line.prices.withTax, f.amount, 'amount'],
      [line.prices.net, f.amountNet, 'amountNet'],
    ];
    for (const [price, amount, field] of pairs) {
      if (!price || amount === undefined) continue;
      const expected = X.mul(qty, X.fromFen(price.fen));
      if (X.cmp(X.abs(X.sub(expected, X.fromInt(amount))), ONE_FEN) > 0) {
        hits.push({
          rule: 'amount-mismatch',
          fields: [field, 'quantity', price.field],
          expected: fenYuan(X.roundToInt(expected)),
          actual: fenYuan(amount),
          show: { expected: { money: expected }, actual: { money: X.fromInt(amount) } },
        });
        break;
      }
    }
  }

  if (f.taxRate !== undefined) {
    const quoted = link ? quoteRate(link) : undefined;
    if (!isRateInForce(f.taxRate) || (quoted !== undefined && !X.sameRate(quoted, f.taxRate))) {
      hits.push({
        rule: 'tax-rate-mismatch',
        fields: ['taxRate'],
        expected: quoted ?? null,
        actual: f.taxRate,
        show: { expected: quoted !== undefined ? { rate: quoted } : undefined, actual: { rate: f.taxRate } },
      });
    }
  }

  if (f.amount !== undefined && f.amountNet !== undefined && f.tax !== undefined && f.amountNet + f.tax !== f.amount) {
    const sum = f.amountNet + f.tax;
    hits.push({
      rule: 'tax-mismatch',
      fields: ['tax', 'amount', 'amountNet'],
      expected: fenYuan(sum),
      actual: fenYuan(f.amount),
      show: { expected: { money: X.fromInt(sum) }, actual: { money: X.fromInt(f.amount) } },
    });
  }

  return { line, link, comparison, hits };
}

/** Contract-level rules: the same contract number and part twice; the stated total against the sum of the lines. */
function checkContracts(checks: LineCheck[]): void {
  const byContract = new Map<string, LineCheck[]>();
  for (const c of checks) {
    const list = byContract.get(c.line.contractKey);
    if (list) list.push(c);
    else byContract.set(c.line.contractKey, [c]);
  }
  for (const lines of byContract.values()) {
    if (!lines[0].line.contractNo) continue;
    const byPart = new Map<string, LineCheck[]>();
    for (const c of lines) {
      if (!c.line.partKey) continue;
      const list = byPart.get(c.line.partKey);
      if (list) list.push(c);
      else byPart.set(c.line.partKey, [c]);
    }
    for (const same of byPart.values()) {
      for (const c of same.slice(1)) {
        const first = same[0].line;
        c.hits.push({
          rule: 'duplicate-line',
          fields: ['part'],
          also: [{ sheet: first.source.sheet, row: first.source.row, field: 'part' }],
          expected: 1,
          actual: same.length,
          show: { expected: { text: `${first.source.sheet}!${a1(first.source.row, first.source.columns.part ?? 1)}` }, actual: { qty: same.length } },
        });
      }
    }
    const stating = lines.find((c) => c.line.fields.contractTotal !== undefined);
    if (!stating) continue;
    const stated = stating.line.fields.contractTotal as Fen;
    // The stated total is with tax as a rule; a total stated without tax is a total too, when every line says its
    // amount without tax. Lines whose amount cannot be known leave that sum unknown (their cell is already an issue).
    const sumOf = (amounts: (Fen | undefined)[]): number | undefined => (amounts.every((a) => a !== undefined) ? (amounts as Fen[]).reduce((s, a) => s + a, 0) : undefined);
    const gross = sumOf(lines.map((c) => lineAmountOf(c.line)));
    const net = sumOf(lines.map((c) => c.line.fields.amountNet));
    if (gross === undefined && net === undefined) continue;
    if (gross === stated || net === stated) continue;
    const sum = (gross ?? net) as number;
    stating.hits.push({
      rule: 'total-mismatch',
      fields: ['contractTotal', 'contractNo'],
      expected: fenYuan(sum),
      actual: fenYuan(stated),
      show: { expected: { money: X.fromInt(sum) }, actual: { money: X.fromInt(stated) } },
    });
  }
  for (const c of checks) c.hits.sort((a, b) => RULES.indexOf(a.rule) - RULES.indexOf(b.rule));
}

export interface CheckOptions {
  /** Yuan per unit (default 0.005). */
  tolerance?: number;
  /** Called now and then; returns false to stop. */
  progress?: (done: number, total: number) => boolean;
}

/** Check every contract line of the workbook against its quote. */
export function checkQuotes(tables: readonly AnyTypedTable[], options: CheckOptions = {}): QuoteCheck {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const tolFen = X.mul(X.fromDecimal(tolerance), X.fromInt(100));
  const directory = cachedDirectory(buildDirectory(tables));
  const index = indexQuotes(tables, directory);
  const contractLines = readContractLines(tables, directory);
  const lines: LineCheck[] = [];
  for (let i = 0; i < contractLines.length; i++) {
    if (options.progress && i % 500 === 0 && !options.progress(i, contractLines.length)) break;
    const line = contractLines[i];
    lines.push(checkLine(line, linkLine(index, line), tolFen));
  }
  checkContracts(lines);
  const counts = Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleCode, number>;
  let over = X.ZERO;
  let under = X.ZERO;
  for (const c of lines) {
    for (const h of c.hits) counts[h.rule] += 1;
    if (c.comparison && c.line.fields.quantity !== undefined && c.hits.some((h) => h.rule === 'price-mismatch')) {
      const stake = X.mul(c.comparison.diff, X.fromDecimal(c.line.fields.quantity));
      if (stake.n > 0n) over = X.add(over, stake);
      else under = X.add(under, stake);
    }
  }
  const fen = (r: X.Ratio): Fen => asFen(X.roundToInt(r));
  return { lines, counts, atStake: fen(X.add(over, under)), atStakeOver: fen(over), atStakeUnder: fen(under), tolerance };
}

/** The most severe status of a line. */
export function lineStatus(c: LineCheck): 'ok' | 'warning' | 'error' {
  if (c.hits.some((h) => SEVERITY[h.rule] === 'error')) return 'error';
  return c.hits.length ? 'warning' : 'ok';
}

export type { QuoteGroup };
