import fc from 'fast-check';
import { parseInteger, parsePaymentTerms, parseQuantity, parseRate } from '../../../src/core/values/parse';
import { decimalFromLiteral, decimalToNumber, decimalToScaledInteger } from '../../../src/core/values/number-parse';

const ok = (value: unknown) => ({ ok: true, value });
const fail = (reason: string) => ({ ok: false, reason });

describe('parseQuantity', () => {
  test.each<[unknown, unknown]>([
    ['1,200', ok(1200)],
    ['1.2万', ok(12000)],
    ['100件', ok(100)],
    ['100 pcs', ok(100)],
    ['100PCS', ok(100)],
    ['１２０', ok(120)],
    ['１２０个', ok(120)],
    ['50套', ok(50)],
    ['2.5kg', ok(2.5)],
    ['3 吨', ok(3)],
    ['-20', ok(-20)],
    ['(20)', ok(-20)],
    ['0.1', ok(0.1)],
    [1200, ok(1200)],
    [0.5, ok(0.5)],
    ['', fail('empty')],
    [null, fail('empty')],
    [{ error: '#VALUE!' }, fail('formula-error')],
    ['小计', fail('not-a-number')],
    ['约100', fail('not-a-number')],
    ['100-200', fail('not-a-number')],
    ['¥100', fail('not-a-number')],
    [false, fail('not-a-number')],
  ])('%p → %p', (raw, expected) => {
    expect(parseQuantity(raw as never)).toEqual(expected);
  });
});

describe('parseInteger (days, counts)', () => {
  test.each<[unknown, unknown]>([
    ['30天', ok(30)],
    ['30 days', ok(30)],
    ['30 Days', ok(30)],
    ['N30', ok(30)],
    ['Net 30', ok(30)],
    ['NET30', ok(30)],
    ['账期60天', ok(60)],
    ['９０天', ok(90)],
    ['90日', ok(90)],
    ['3个月', ok(3)],
    [45, ok(45)],
    ['0', ok(0)],
    [30.5, fail('out-of-range')],
    ['30.5天', fail('out-of-range')],
    ['30.0', ok(30)],
    ['', fail('empty')],
    [{ error: '#DIV/0!' }, fail('formula-error')],
    ['月底', fail('not-a-number')],
    ['月结30天', ok(30)],
    ['票到60天付款', ok(60)],
    ['货到付款', ok(0)],
    ['看情况', fail('not-a-number')],
  ])('%p → %p', (raw, expected) => {
    expect(parseInteger(raw as never)).toEqual(expected);
  });
});

describe('parsePaymentTerms', () => {
  test.each<[unknown, unknown]>([
    [30, ok({ days: 30, basis: 'invoice' })],
    ['30天', ok({ days: 30, basis: 'invoice' })],
    ['N60', ok({ days: 60, basis: 'invoice' })],
    ['月结30天', ok({ days: 30, basis: 'month-end' })],
    ['月结 60 天', ok({ days: 60, basis: 'month-end' })],
    ['月结', ok({ days: 0, basis: 'month-end' })],
    ['票到60天付款', ok({ days: 60, basis: 'invoice' })],
    ['开票后90天内付款', ok({ days: 90, basis: 'invoice' })],
    ['货到30天', ok({ days: 30, basis: 'delivery' })],
    ['货到付款', ok({ days: 0, basis: 'delivery' })],
    ['款到发货', ok({ days: 0, basis: 'delivery' })],
    ['月结30.5天', fail('out-of-range')],
    [-5, fail('out-of-range')],
    ['看情况', fail('not-a-number')],
    ['', fail('empty')],
  ])('%p → %p', (raw, expected) => {
    expect(parsePaymentTerms(raw as never)).toEqual(expected);
  });
});

describe('parseRate', () => {
  test.each<[unknown, string | null, unknown]>([
    [0.13, null, ok(0.13)],
    [13, null, ok(0.13)],
    ['13%', null, ok(0.13)],
    ['１３％', null, ok(0.13)],
    ['13', null, ok(0.13)],
    ['0.13', null, ok(0.13)],
    ['9%', null, ok(0.09)],
    ['6%', null, ok(0.06)],
    ['3%', null, ok(0.03)],
    [1, null, ok(0.01)],
    [6.5, null, ok(0.065)],
    ['税率13%', null, ok(0.13)],
    ['VAT 13%', null, ok(0.13)],
    ['免税', null, ok(0)],
    ['零税率', null, ok(0)],
    ['0%', null, ok(0)],
    [0, null, ok(0)],
    [0.13, '0%', ok(0.13)],
    [1, '0%', ok(1)],
    [1, '0.00%', ok(1)],
    ['100%', null, ok(1)],
    ['150%', null, fail('not-a-rate')],
    [150, null, fail('not-a-rate')],
    [1.5, '0%', fail('not-a-rate')],
    ['-13%', null, fail('not-a-rate')],
    [-0.13, null, fail('not-a-rate')],
    ['十三', null, fail('not-a-rate')],
    [true, null, fail('not-a-rate')],
    ['', null, fail('empty')],
    [{ error: '#N/A' }, null, fail('formula-error')],
  ])('%p (format %p) → %p', (raw, fmt, expected) => {
    expect(parseRate(raw as never, fmt)).toEqual(expected);
  });

  test('every whole percent typed as text or number gives the same fraction, without float noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (p) => {
        const a = parseRate(`${p}%`);
        const b = parseRate(p);
        const c = parseRate(p / 100, '0%');
        return a.ok && b.ok && c.ok && a.value === Number(`${p}e-2`) && b.value === a.value && c.value === a.value;
      }),
    );
  });
});

describe('exact decimals', () => {
  test('scaled integers round half away from zero', () => {
    const d = (s: string) => decimalFromLiteral(s)!;
    expect(decimalToScaledInteger(d('1.005'), 2)).toBe(101n);
    expect(decimalToScaledInteger(d('-1.005'), 2)).toBe(-101n);
    expect(decimalToScaledInteger(d('1.0049999'), 2)).toBe(100n);
    expect(decimalToScaledInteger(d('1e3'), 2)).toBe(100000n);
    expect(decimalToScaledInteger(d('1.5e-2'), 2)).toBe(2n);
    expect(decimalToNumber(d('0.07'))).toBe(0.07);
    expect(decimalFromLiteral('abc')).toBeNull();
    expect(decimalFromLiteral('.')).toBeNull();
  });
});
