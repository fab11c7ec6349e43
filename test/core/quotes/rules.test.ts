import { asFen } from '../../../src/core/values/brand';
import { baseLine, baseQuote, d, r, rules, run, y } from './fixtures';

describe('a clean contract line', () => {
  test('linked through another spelling of the customer and a full-width part code, nothing fires', () => {
    const out = run([baseQuote()], [baseLine()]);
    expect(out.json).toEqual({ checked: 1, ok: 1, findings: [] });
    expect(out.findings).toEqual([]);
  });
});

describe('no-quote', () => {
  test('fires for a part nobody quoted', () => {
    expect(rules([baseQuote()], [baseLine({ part: 'HG-9999' })])).toEqual(['no-quote']);
  });
  test('fires when the part was quoted to another customer only', () => {
    expect(rules([baseQuote()], [baseLine({ customer: '锐达', quoteNo: undefined })])).toEqual(['no-quote']);
  });
  test('silent when the customer is written by its alias and the part in lower case', () => {
    expect(rules([baseQuote()], [baseLine({ customer: '华工精密', part: 'hg-1001' })])).toEqual([]);
  });
  test('a quote number that is not on the quotes sheet falls back to customer and part', () => {
    expect(rules([baseQuote()], [baseLine({ quoteNo: 'BJ-2099-999' })])).toEqual([]);
  });
});

describe('price-mismatch', () => {
  test('fires one fen above the quoted price on the same basis; silent at the quoted price', () => {
    expect(rules([baseQuote()], [baseLine({ unitPriceWithTax: y(12.51), amount: y(2502) })])).toEqual(['price-mismatch']);
    expect(rules([baseQuote()], [baseLine()])).toEqual([]);
  });

  test('net quote ¥10.80 at 13% is ¥12.204 with tax: ¥12.21 is 0.006 off and fires, ¥12.20 is 0.004 off and does not', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(10.8) });
    expect(rules([quote], [baseLine({ quantity: 10, unitPriceWithTax: y(12.21), amount: y(122.1) })])).toEqual(['price-mismatch']);
    expect(rules([quote], [baseLine({ quantity: 10, unitPriceWithTax: y(12.2), amount: y(122) })])).toEqual([]);
  });

  test('net quote ¥0.20 at 13% is ¥0.226: ¥0.23 (0.004 off) is silent, ¥0.22 (0.006 off) fires', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(0.2) });
    expect(rules([quote], [baseLine({ quantity: 100, unitPriceWithTax: y(0.23), amount: y(23) })])).toEqual([]);
    expect(rules([quote], [baseLine({ quantity: 100, unitPriceWithTax: y(0.22), amount: y(22) })])).toEqual(['price-mismatch']);
  });

  test('exactly the tolerance does not fire: net ¥0.50 at 13% is ¥0.565, and both ¥0.57 and ¥0.56 are 0.005 away', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(0.5) });
    expect(rules([quote], [baseLine({ quantity: 100, unitPriceWithTax: y(0.57), amount: y(57) })])).toEqual([]);
    expect(rules([quote], [baseLine({ quantity: 100, unitPriceWithTax: y(0.56), amount: y(56) })])).toEqual([]);
  });

  test('a quoted price with fractions of a fen (¥3.456): ¥3.46 is 0.004 away and silent, ¥3.4620 is 0.006 away and fires', () => {
    const quote = baseQuote({ part: 'YY-F500', unitPriceWithTax: asFen(345.6) });
    const line = (fen: number, amount: number) => baseLine({ part: 'YY-F500', quantity: 1000, unitPriceWithTax: asFen(fen), amount: y(amount) });
    expect(rules([quote], [line(346, 3460)])).toEqual([]);
    const f = run([quote], [line(346.2, 3462)]).json.findings;
    expect(f.map((x) => [x.rule, x.expected, x.actual])).toEqual([['price-mismatch', 3.456, 3.462]]);
  });

  test('含税 vs 不含税 at 13%: a plain 单价 of ¥113.00 is with tax and matches a net quote of ¥100.00', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(100) });
    const line = baseLine({ quantity: 5, unitPriceWithTax: undefined, unitPrice: y(113), amount: y(565) });
    expect(rules([quote], [line])).toEqual([]);
    // The same ¥113.00 marked 不含税 is compared net against ¥100.00: a mismatch.
    expect(rules([quote], [{ ...line, taxIncluded: false, amount: undefined, amountNet: y(565) }])).toEqual(['price-mismatch']);
  });

  test('a with-tax quote against a net contract price converts with the line rate', () => {
    const quote = baseQuote({ unitPriceWithTax: y(11.3) });
    const line = (net: number) => baseLine({ quantity: 10, unitPriceWithTax: undefined, unitPriceNet: y(net), amount: undefined, amountNet: y(net * 10) });
    expect(rules([quote], [line(10)])).toEqual([]);
    expect(rules([quote], [line(10.01)])).toEqual(['price-mismatch']);
  });

  test('the line tax rate converts, not the quote\'s: a 9% line against a net quote', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(100), taxRate: undefined });
    expect(rules([quote], [baseLine({ quantity: 1, unitPriceWithTax: y(109), amount: y(109), taxRate: r(0.09) })])).toEqual([]);
    expect(rules([quote], [baseLine({ quantity: 1, unitPriceWithTax: y(113), amount: y(113), taxRate: r(0.09) })])).toEqual(['price-mismatch']);
  });

  test('the tolerance is an option: at 0.01 yuan a one-fen difference passes, the finding says the numbers', () => {
    const line = baseLine({ unitPriceWithTax: y(12.51), amount: y(2502) });
    expect(rules([baseQuote()], [line], { tolerance: 0.01 })).toEqual([]);
    expect(rules([baseQuote()], [line], { tolerance: '0.01' })).toEqual([]);
    expect(rules([baseQuote()], [line], { tolerance: 'abc' })).toEqual(['price-mismatch']);
    const f = run([baseQuote()], [line]).json.findings[0];
    expect([f.expected, f.actual]).toEqual([12.5, 12.51]);
  });

  test('a converted expected price keeps its fraction of a fen in JSON', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(10.8) });
    const f = run([quote], [baseLine({ quantity: 10, unitPriceWithTax: y(12.21), amount: y(122.1) })]).json.findings[0];
    expect([f.expected, f.actual]).toEqual([12.204, 12.21]);
  });
});

describe('linking by date', () => {
  const older = baseQuote({ quoteNo: 'BJ-2026-008', date: d('2026-01-10'), unitPriceWithTax: y(12), validUntil: d('2026-12-31') });
  test('the latest quote valid on the signing date wins', () => {
    expect(rules([older, baseQuote()], [baseLine({ unitPriceWithTax: y(12.5) })])).toEqual([]);
    // Signed before the newer quote existed: the older one governs.
    expect(rules([older, baseQuote()], [baseLine({ signDate: d('2026-02-15'), unitPriceWithTax: y(12), amount: y(2400) })])).toEqual([]);
    expect(rules([older, baseQuote()], [baseLine({ signDate: d('2026-02-15') })])).toEqual(['price-mismatch']);
  });
  test('an expired newer quote gives way to an older one still valid', () => {
    const shortLived = baseQuote({ quoteNo: 'BJ-2026-040', date: d('2026-04-01'), unitPriceWithTax: y(13), validUntil: d('2026-04-10') });
    expect(rules([older, shortLived], [baseLine({ unitPriceWithTax: y(12), amount: y(2400) })])).toEqual([]);
  });
});

describe('quote-expired', () => {
  test('fires the day after valid-until; signing on the valid-until date is fine', () => {
    expect(rules([baseQuote()], [baseLine({ signDate: d('2026-07-01') })])).toEqual(['quote-expired']);
    expect(rules([baseQuote()], [baseLine({ signDate: d('2026-06-30') })])).toEqual([]);
  });
  test('a quote referenced by number is checked too, and the JSON gives both dates', () => {
    const f = run([baseQuote()], [baseLine({ quoteNo: 'bj-2026-031', signDate: d('2026-07-02') })]).json.findings;
    expect(f.map((x) => [x.rule, x.expected, x.actual, x.cell])).toEqual([['quote-expired', '2026-06-30', '2026-07-02', 'C4']]);
  });
});

describe('amount-mismatch', () => {
  test('one fen off is rounding; two fen off fires', () => {
    expect(rules([baseQuote()], [baseLine({ amount: y(2500.01) })])).toEqual([]);
    expect(rules([baseQuote()], [baseLine({ amount: y(2499.99) })])).toEqual([]);
    expect(rules([baseQuote()], [baseLine({ amount: y(2500.02) })])).toEqual(['amount-mismatch']);
  });
  test('a fractional quantity: 12.5 kg × ¥3.33 = ¥41.625, so ¥41.63 passes and ¥41.61 fires', () => {
    const quote = baseQuote({ part: 'GC-20', name: '钢材', unitPriceWithTax: y(3.33) });
    const line = (amount: number) => baseLine({ part: 'GC-20', name: '钢材', quantity: 12.5, unitPriceWithTax: y(3.33), amount: y(amount) });
    expect(rules([quote], [line(41.63)])).toEqual([]);
    expect(rules([quote], [line(41.61)])).toEqual(['amount-mismatch']);
  });
  test('net price against the amount without tax', () => {
    const quote = baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(11.06) });
    const line = (net: number) => baseLine({ unitPriceWithTax: undefined, unitPriceNet: y(11.06), amount: undefined, amountNet: y(net) });
    expect(rules([quote], [line(2212)])).toEqual([]);
    expect(rules([quote], [line(2212.5)])).toEqual(['amount-mismatch']);
  });
});

describe('tax-rate-mismatch', () => {
  test('fires when the line rate differs from the quote', () => {
    expect(rules([baseQuote()], [baseLine({ taxRate: r(0.09) })])).toEqual(['tax-rate-mismatch']);
  });
  test('fires for a rate no longer in force (16%) even without a quote rate', () => {
    expect(rules([baseQuote({ taxRate: undefined })], [baseLine({ taxRate: r(0.16) })])).toEqual(['tax-rate-mismatch']);
  });
  test('silent for 13% against 13%, and for 3% where the quote states no rate', () => {
    expect(rules([baseQuote()], [baseLine({ taxRate: r(0.13) })])).toEqual([]);
    expect(rules([baseQuote({ taxRate: undefined })], [baseLine({ taxRate: r(0.03) })])).toEqual([]);
  });
});

describe('tax-mismatch', () => {
  const line = (tax: number) => baseLine({ amountNet: y(2212.39), tax: y(tax) });
  test('¥2,212.39 + ¥287.61 = ¥2,500.00 passes; ¥287.60 fires at the tax cell', () => {
    expect(rules([baseQuote()], [line(287.61)])).toEqual([]);
    const f = run([baseQuote()], [line(287.6)]).json.findings;
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['tax-mismatch', 'P4', 2499.99, 2500]]);
  });
  test('silent when one of the three is missing', () => {
    expect(rules([baseQuote()], [baseLine({ amountNet: y(2000) })])).toEqual([]);
  });
});

describe('customer-mismatch', () => {
  test('fires at the quote reference when the quote belongs to another customer; both named as on the customers sheet', () => {
    const out = run([baseQuote({ customer: '华工精密' })], [baseLine({ customer: '锐达', quoteNo: 'BJ-2026-031' })]);
    expect(out.json.findings.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['customer-mismatch', 'E4', '苏州华工精密模具有限公司', '无锡锐达汽车部件有限公司']]);
    expect(out.findings[0].cells.map((c) => c.cell)).toEqual(['E4', 'D4']);
  });
  test('silent when the quote\'s customer is the contract\'s under another name', () => {
    expect(rules([baseQuote({ customer: '华工模具' })], [baseLine({ customer: '华工精密', quoteNo: 'BJ-2026-031' })])).toEqual([]);
  });
  test('when two customers got quotes under one number, the contract\'s own is taken', () => {
    const other = baseQuote({ customer: '锐达', unitPriceWithTax: y(15) });
    expect(rules([other, baseQuote()], [baseLine({ quoteNo: 'BJ-2026-031' })])).toEqual([]);
  });
});

describe('duplicate-line', () => {
  test('the same contract number and part twice fires once, on the second line', () => {
    const out = run([baseQuote()], [baseLine(), baseLine({ line: 2, part: 'hg-1001' })]);
    expect(out.json.findings.map((x) => [x.rule, x.row, x.cell])).toEqual([['duplicate-line', 5, 'F5']]);
    // The pane shows both lines: this one first, then the one it repeats.
    expect(out.findings[0].cells).toEqual([
      { sheet: '合同台账', cell: 'F5' },
      { sheet: '合同台账', cell: 'F4' },
    ]);
  });
  test('the same part on two contracts is not a duplicate', () => {
    expect(rules([baseQuote()], [baseLine(), baseLine({ contractNo: 'HT-2026-0416' })])).toEqual([]);
  });
});

describe('total-mismatch', () => {
  const second = baseQuote({ part: 'HG-2002', name: '导套', unitPriceWithTax: y(8.8) });
  const lines = (first: number | undefined, rest: number | undefined) => [
    baseLine({ contractTotal: first === undefined ? undefined : y(first) }),
    baseLine({ line: 2, part: 'HG-2002', name: '导套', quantity: 50, unitPriceWithTax: y(8.8), amount: y(440), contractTotal: rest === undefined ? undefined : y(rest) }),
  ];
  test('a total on the first line only that adds up passes', () => {
    expect(rules([baseQuote(), second], lines(2940, undefined))).toEqual([]);
  });
  test('one fen off on the first line fires once, at the total cell', () => {
    const f = run([baseQuote(), second], lines(2940.01, undefined)).json.findings;
    expect(f.map((x) => [x.rule, x.cell, x.expected, x.actual])).toEqual([['total-mismatch', 'Q4', 2940, 2940.01]]);
  });
  test('a wrong total repeated on every line fires once for the contract', () => {
    expect(rules([baseQuote(), second], lines(3000, 3000))).toEqual(['total-mismatch']);
  });
  test('a total repeated correctly on every line passes', () => {
    expect(rules([baseQuote(), second], lines(2940, 2940))).toEqual([]);
  });
  test('a contract written without tax is totalled without tax', () => {
    const net = (total: number) => [
      baseLine({ unitPriceWithTax: undefined, unitPriceNet: y(11.06), amount: undefined, amountNet: y(2212), contractTotal: y(total) }),
      baseLine({ line: 2, part: 'HG-2002', name: '导套', quantity: 50, unitPriceWithTax: undefined, unitPriceNet: y(7.79), amount: undefined, amountNet: y(389.5) }),
    ];
    const quotes = [baseQuote({ unitPriceWithTax: undefined, unitPriceNet: y(11.06) }), { ...second, unitPriceWithTax: undefined, unitPriceNet: y(7.79) }];
    expect(rules(quotes, net(2601.5))).toEqual([]);
    expect(rules(quotes, net(2610))).toEqual(['total-mismatch']);
  });
});

describe('below-minimum-quantity and quantity breaks', () => {
  const tiers = [
    baseQuote({ minQty: 100, maxQty: 499, unitPriceWithTax: y(12.5) }),
    baseQuote({ minQty: 500, maxQty: 1999, unitPriceWithTax: y(11.8) }),
    baseQuote({ minQty: 2000, unitPriceWithTax: y(11) }),
  ];
  const at = (quantity: number, price: number) => baseLine({ quantity, unitPriceWithTax: y(price), amount: y(Math.round(quantity * price * 100) / 100) });
  test('below the smallest break fires; at it, silent', () => {
    expect(rules(tiers, [at(99, 12.5)])).toEqual(['below-minimum-quantity']);
    expect(rules(tiers, [at(100, 12.5)])).toEqual([]);
  });
  test('the price is the tier the quantity falls into, edges included', () => {
    expect(rules(tiers, [at(499, 12.5)])).toEqual([]);
    expect(rules(tiers, [at(500, 11.8)])).toEqual([]);
    expect(rules(tiers, [at(500, 12.5)])).toEqual(['price-mismatch']);
    expect(rules(tiers, [at(1999, 11.8)])).toEqual([]);
    expect(rules(tiers, [at(2000, 11)])).toEqual([]);
    expect(rules(tiers, [at(50_000, 11)])).toEqual([]);
  });
  test('a quote without breaks has no minimum', () => {
    expect(rules([baseQuote()], [at(1, 12.5)])).toEqual([]);
  });
  test('breaks given only as 起订量 (no upper bound): the highest break at or below the quantity', () => {
    const open = [baseQuote({ minQty: 1, unitPriceWithTax: y(12.5) }), baseQuote({ minQty: 1000, unitPriceWithTax: y(12) })];
    expect(rules(open, [at(999, 12.5)])).toEqual([]);
    expect(rules(open, [at(1000, 12)])).toEqual([]);
  });
});

describe('several rules on one line', () => {
  test('each fires with its own cell, in rule order', () => {
    const line = baseLine({ signDate: d('2026-07-15'), unitPriceWithTax: y(12.8), amount: y(2600), taxRate: r(0.09) });
    const f = run([baseQuote()], [line]).json.findings;
    expect(f.map((x) => [x.rule, x.cell])).toEqual([
      ['price-mismatch', 'J4'],
      ['quote-expired', 'C4'],
      ['amount-mismatch', 'N4'],
      ['tax-rate-mismatch', 'M4'],
    ]);
  });
});
