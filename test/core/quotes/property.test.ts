import fc from 'fast-check';
import * as X from '../../../src/core/quotes/exact';
import type { ContractRow, QuoteRow } from '../../../src/core/tables/kinds';
import { asFen } from '../../../src/core/values/brand';
import { baseLine, baseQuote, r, run } from './fixtures';

const PRICE_RULES = ['price-mismatch', 'amount-mismatch', 'tax-rate-mismatch', 'tax-mismatch', 'total-mismatch'];

/** Round half away from zero, independently of the code under test (integers only: exact in BigInt). */
function roundDiv(n: bigint, dv: bigint): number {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = Number((2n * a + dv) / (2n * dv));
  return neg ? -q : q;
}
/** fen × (100 + pct) / 100, rounded to the fen. */
const grossOf = (net: number, pct: number) => roundDiv(BigInt(net) * BigInt(100 + pct), 100n);
/** fen × 100 / (100 + pct), rounded to the fen. */
const netOf = (gross: number, pct: number) => roundDiv(BigInt(gross) * 100n, BigInt(100 + pct));

describe('a contract built exactly from its quote never fires a price, amount or tax rule', () => {
  // Prices ending in 50 fen convert to exactly half a fen at 13% and 9%: the tolerance's own edge.
  const price = fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 50_000 }).map((n) => n * 100 + 50));
  const tier = fc.record({ price, gap: fc.integer({ min: 1, max: 2000 }) });
  const scenario = fc.record({
    pct: fc.constantFrom(13, 9, 6, 3, 1, 0),
    quoteBasis: fc.constantFrom('with-tax', 'net', 'plain', 'plain-net'),
    contractBasis: fc.constantFrom('with-tax', 'net', 'both', 'plain'),
    tiers: fc.array(tier, { minLength: 1, maxLength: 4 }),
    lines: fc.array(fc.record({ qty: fc.integer({ min: 1, max: 9000 }), tenths: fc.boolean() }), { minLength: 1, maxLength: 5 }),
    statesTotal: fc.constantFrom('none', 'first', 'every'),
  });

  test('for any prices, tax rates, tax bases, quantity breaks and quantities', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let min = 1;
        const tiers = s.tiers.map((t) => {
          const row = { min, price: t.price };
          min += t.gap;
          return row;
        });
        const quotes: QuoteRow[] = tiers.map((t, i) => {
          const price = asFen(t.price);
          const base = baseQuote({ unitPriceWithTax: undefined, taxRate: r(s.pct / 100), minQty: t.min, maxQty: i + 1 < tiers.length ? tiers[i + 1].min - 1 : undefined });
          if (s.quoteBasis === 'with-tax') return { ...base, unitPriceWithTax: price };
          if (s.quoteBasis === 'net') return { ...base, unitPriceNet: price };
          if (s.quoteBasis === 'plain') return { ...base, unitPrice: price };
          return { ...base, unitPrice: price, taxIncluded: false };
        });
        const quoteIsNet = s.quoteBasis === 'net' || s.quoteBasis === 'plain-net';
        // Each line on its own part, so lines never count as duplicates.
        const contracts: ContractRow[] = s.lines.map((l, i) => {
          const qty = l.tenths ? l.qty / 10 : l.qty;
          const t = [...tiers].reverse().find((x) => x.min <= qty) ?? tiers[0];
          const gross = quoteIsNet ? grossOf(t.price, s.pct) : t.price;
          const net = quoteIsNet ? t.price : netOf(t.price, s.pct);
          const amount = roundDiv(BigInt(Math.round(qty * 10)) * BigInt(gross), 10n);
          const amountNet = roundDiv(BigInt(Math.round(qty * 10)) * BigInt(net), 10n);
          const line = baseLine({ line: i + 1, part: `HG-${1000 + i}`, quantity: qty, unitPriceWithTax: undefined, amount: undefined, taxRate: r(s.pct / 100) });
          if (s.contractBasis === 'with-tax') return { ...line, unitPriceWithTax: asFen(gross), amount: asFen(amount) };
          if (s.contractBasis === 'plain') return { ...line, unitPrice: asFen(gross), amount: asFen(amount) };
          if (s.contractBasis === 'net') return { ...line, unitPriceNet: asFen(net), amountNet: asFen(amountNet) };
          return { ...line, unitPriceWithTax: asFen(gross), unitPriceNet: asFen(net), amount: asFen(amount), amountNet: asFen(amountNet), tax: asFen(amount - amountNet) };
        });
        const total = contracts.reduce((sum, c) => sum + (c.amount ?? c.amountNet ?? 0), 0);
        contracts.forEach((c, i) => {
          if (s.statesTotal === 'every' || (s.statesTotal === 'first' && i === 0)) c.contractTotal = asFen(total);
        });
        const quotesForEachPart = contracts.flatMap((c) => quotes.map((q) => ({ ...q, part: c.part })));
        const fired = run(quotesForEachPart, contracts).json.findings.map((f) => f.rule);
        expect(fired.filter((rule) => PRICE_RULES.includes(rule))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exact arithmetic', () => {
  test('a net price converted to with tax is exact: ¥10.80 × 1.13 = ¥12.204', () => {
    const gross = X.withTaxFromNet(X.fromInt(1080), 0.13);
    expect(X.cmp(gross, X.ratio(61020n, 50n))).toBe(0);
    expect(X.toNumber(gross)).toBe(1220.4);
  });
  test('round trips with and without tax are exact for every rate in force', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom(0.13, 0.09, 0.06, 0.03, 0.01, 0), (fen, rate) => {
        const back = X.netFromWithTax(X.withTaxFromNet(X.fromInt(fen), rate), rate);
        expect(X.cmp(back, X.fromInt(fen))).toBe(0);
      }),
    );
  });
  test('rounding half away from zero', () => {
    expect([X.roundToInt(X.ratio(5n, 2n)), X.roundToInt(X.ratio(-5n, 2n)), X.roundToInt(X.ratio(7n, 3n)), X.roundToInt(X.ratio(-1n, 3n))]).toEqual([3, -3, 2, 0]);
  });
  test('0.005 yuan is half a fen, no more and no less', () => {
    const half = X.mul(X.fromDecimal(0.005), X.fromInt(100));
    expect(X.cmp(half, X.ratio(1n, 2n))).toBe(0);
  });
});
