import fc from 'fast-check';
import { type Fen, asFen } from '../../../src/core/values/brand';
import { fenToYuan, formatFen, roundHalfAwayFromZero, sumFen, yuanToFen } from '../../../src/core/values/money';
import { decimalYuanToFen, parseMoney, parseUnitPrice, yuanNumberToFen } from '../../../src/core/values/parse';
import { decimalFromNumber } from '../../../src/core/values/number-parse';

const ok = (value: number) => ({ ok: true, value });
const fail = (reason: string) => ({ ok: false, reason });

describe('parseMoney: what clerks type', () => {
  test.each<[unknown, unknown]>([
    ['¥1,234.50', ok(123450)],
    ['￥1234.5', ok(123450)],
    ['1234.5元', ok(123450)],
    ['1234.50 元', ok(123450)],
    ['RMB 1,234', ok(123400)],
    ['CNY1,234.00', ok(123400)],
    ['人民币1234元整', ok(123400)],
    ['(1,234.00)', ok(-123400)],
    ['（1,234.00）', ok(-123400)],
    ['(¥1,234.00)', ok(-123400)],
    ['¥(1,234.00)', ok(-123400)],
    ['-1,234', ok(-123400)],
    ['−1,234', ok(-123400)],
    ['-¥1,234.56', ok(-123456)],
    ['¥-1,234.56', ok(-123456)],
    ['1,234-', ok(-123400)],
    ['负1234', ok(-123400)],
    ['1.2万', ok(1200000)],
    ['1.2万元', ok(1200000)],
    ['¥3.5万', ok(3500000)],
    ['0.5亿', ok(5000000000)],
    ['１，２３４．５', ok(123450)],
    ['１２３４．５６元', ok(123456)],
    ['12,345,678.90', ok(1234567890)],
    ['1234,5678.00', ok(1234567800)],
    ['  88.8  ', ok(8880)],
    ['.5', ok(50)],
    ['+100', ok(10000)],
    ['0', ok(0)],
    ['-0', ok(0)],
    ['0.005', ok(1)],
    ['-0.005', ok(-1)],
    ['0.0049', ok(0)],
    ['1.005', ok(101)],
    ['2.675', ok(268)],
    ['1.115', ok(112)],
    ['人民币壹仟肆佰零玖元伍角', ok(140950)],
    ['叁佰贰拾伍元零肆分', ok(32504)],
    ['壹拾万零柒仟元整', ok(10700000)],
    [1234.5, ok(123450)],
    [1.005, ok(101)],
    [2.675, ok(268)],
    [-2.675, ok(-268)],
    [0.1 + 0.2, ok(30)],
    [1409.5, ok(140950)],
    [-0, ok(0)],
    ['', fail('empty')],
    ['   ', fail('empty')],
    [null, fail('empty')],
    ['-', fail('empty')],
    ['—', fail('empty')],
    [{ error: '#N/A' }, fail('formula-error')],
    [{ error: '#REF!' }, fail('formula-error')],
    ['小计', fail('not-a-number')],
    ['合计：', fail('not-a-number')],
    ['见附件', fail('not-a-number')],
    ['12,34', fail('not-a-number')],
    ['1,23,456', fail('not-a-number')],
    ['1.2.3', fail('not-a-number')],
    ['1,234.5,6', fail('not-a-number')],
    ['$100', fail('not-a-number')],
    ['--5', fail('not-a-number')],
    ['((5))', fail('not-a-number')],
    ['-(5)', fail('not-a-number')],
    ['1234.5元整abc', fail('not-a-number')],
    ['12.50元/件', ok(1250)],
    ['¥0.35/pcs', ok(35)],
    ['8元每套', ok(800)],
    ['12.50/斤斤', fail('not-a-number')],
    [true, fail('not-a-number')],
    [Number.NaN, fail('not-a-number')],
    [Number.POSITIVE_INFINITY, fail('not-a-number')],
    ['99999999999999999999', fail('out-of-range')],
    [1e20, fail('out-of-range')],
  ])('%p → %p', (raw, expected) => {
    expect(parseMoney(raw as never)).toEqual(expected);
  });
});

describe('parseUnitPrice keeps fractions of a fen', () => {
  test.each<[unknown, unknown]>([
    ['0.0523', ok(5.23)],
    [0.0523, ok(5.23)],
    ['¥0.0523/pcs', ok(5.23)],
    ['1.234567', ok(123.4567)],
    ['1.2345675', ok(123.4568)],
    ['12.5元/件', ok(1250)],
    ['1.2万', ok(1200000)],
    ['', fail('empty')],
    ['面议', fail('not-a-number')],
  ])('%p → %p', (raw, expected) => {
    expect(parseUnitPrice(raw as never)).toEqual(expected);
  });
});

describe('rounding to the fen once', () => {
  test('text and number cells round the same way, half away from zero', () => {
    for (const [text, fen] of [['0.125', 13], ['0.135', 14], ['-0.125', -13], ['10.994', 1099], ['10.995', 1100]] as const) {
      expect(parseMoney(text)).toEqual(ok(fen));
      expect(parseMoney(Number(text))).toEqual(ok(fen));
    }
  });
  test('yuanNumberToFen is the same exact rule for function arguments', () => {
    expect(yuanNumberToFen(1409.5)).toBe(140950);
    expect(yuanNumberToFen(1.005)).toBe(101);
    expect(yuanNumberToFen(Number.NaN)).toBeNull();
  });
  test('roundHalfAwayFromZero and yuanToFen', () => {
    expect(roundHalfAwayFromZero(0.5)).toBe(1);
    expect(roundHalfAwayFromZero(-0.5)).toBe(-1);
    expect(roundHalfAwayFromZero(1.4999)).toBe(1);
    expect(Object.is(roundHalfAwayFromZero(-0.2), 0)).toBe(true);
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(-1.005)).toBe(-101);
  });
});

describe('formatFen', () => {
  test.each<[number, object, string]>([
    [123450, {}, '1,234.50'],
    [-123450, {}, '-1,234.50'],
    [5, {}, '0.05'],
    [-5, { symbol: true }, '-¥0.05'],
    [123456789, { symbol: true }, '¥1,234,567.89'],
    [123456789, { grouping: false }, '1234567.89'],
    [0, {}, '0.00'],
  ])('%p %p → %p', (fen, opts, text) => {
    expect(formatFen(asFen(fen), opts)).toBe(text);
  });
});

const safeFen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('properties', () => {
  test('parseMoney(formatFen(f)) === f over every safe integer, in every format', () => {
    fc.assert(
      fc.property(safeFen, fc.boolean(), fc.boolean(), (f, symbol, grouping) => {
        const r = parseMoney(formatFen(asFen(f), { symbol, grouping }));
        return r.ok && r.value === (f === 0 ? 0 : f);
      }),
      { numRuns: 2000 },
    );
  });

  test('formatFen in full-width digits, with 元, and in accounting brackets still parses back', () => {
    const toFullWidth = (s: string) => s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (f) => {
        const text = formatFen(asFen(f));
        const a = parseMoney(toFullWidth(text) + '元');
        const b = parseMoney(`(${text})`);
        return a.ok && a.value === f && b.ok && b.value === -f;
      }),
    );
  });

  test('a number cell holding fen/100 yuan parses back to the fen (up to 100 billion yuan)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (f) => {
        const r = parseMoney(fenToYuan(asFen(f)));
        return r.ok && r.value === (f === 0 ? 0 : f);
      }),
      { numRuns: 2000 },
    );
  });

  test('the fast path for number cells agrees with the exact decimal path on any double', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100)), (yuan) => {
        const r = parseMoney(yuan);
        const exact = decimalYuanToFen(decimalFromNumber(yuan));
        return exact === null ? !r.ok : r.ok && r.value === exact;
      }),
      { numRuns: 5000 },
    );
  });

  test('sumFen equals the exact BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e13, max: 1e13 }), { maxLength: 200 }), (xs) => {
        const exact = xs.reduce((acc, x) => acc + BigInt(x), 0n);
        return BigInt(sumFen(xs as Fen[])) === exact;
      }),
    );
  });

  test('sumFen never returns a wrong total: it throws when any partial sum leaves the exact range', () => {
    fc.assert(
      fc.property(fc.array(safeFen, { maxLength: 20 }), (xs) => {
        let partialsSafe = true;
        let acc = 0n;
        for (const x of xs) {
          acc += BigInt(x);
          if (acc > BigInt(Number.MAX_SAFE_INTEGER) || acc < -BigInt(Number.MAX_SAFE_INTEGER)) partialsSafe = false;
        }
        if (partialsSafe) return BigInt(sumFen(xs as Fen[])) === acc;
        expect(() => sumFen(xs as Fen[])).toThrow(RangeError);
        return true;
      }),
    );
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 2, -2] as Fen[])).toThrow(RangeError);
    expect(() => sumFen([1.5] as Fen[])).toThrow(RangeError);
  });
});
