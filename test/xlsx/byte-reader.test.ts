/**
 * The byte-level pieces of the fast reader (issue 18): numbers parsed straight from a cell's bytes must be exactly
 * what Number() makes of the same text, or declined; and repeated text must come back as one shared string, with
 * different text never confused (the interner keys by bytes, so two spellings that look alike stay apart).
 */
import fc from 'fast-check';
import { Interner, plainDecimal } from '../../src/xlsx/fast-read';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const parse = (s: string) => plainDecimal(bytes(s), 0, bytes(s).length);

describe('plainDecimal', () => {
  test('the values Excel writes', () => {
    expect(parse('1409.5')).toBe(1409.5);
    expect(parse('-0.13')).toBe(-0.13);
    expect(parse('46023')).toBe(46023);
    expect(parse('1.2345678901234E-3')).toBe(0.0012345678901234);
    expect(Object.is(parse('-0'), -0)).toBe(true);
    // Not plain decimals: Number() decides these (the caller falls back to it).
    for (const s of ['', ' 1', '1 ', '0x1F', '.5', '5.', '1e', '１２３', 'Infinity', '12345678901234567', '1e400', '¥1,234.50']) expect(parse(s)).toBeUndefined();
  });

  test('any double written as JavaScript writes it reads back as itself, or is declined', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const got = parse(String(d));
        if (got !== undefined) expect(Object.is(got, Number(String(d)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('any text of digits, signs, points and exponents: Number() of it, or declined', () => {
    const text = fc.array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', 'E', '0', '7'), { maxLength: 22 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const got = parse(s);
        if (got !== undefined) expect(Object.is(got, Number(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('Interner', () => {
  test('one string per distinct text, across parts and between bytes and decoded text', () => {
    const interner = new Interner();
    const a = bytes('x苏州华工精密模具有限公司x');
    const b = bytes('苏州华工精密模具有限公司 and more');
    const first = interner.range(a, 1, a.length - 1);
    const again = interner.range(b, 0, bytes('苏州华工精密模具有限公司').length);
    expect(first).toBe('苏州华工精密模具有限公司');
    expect(again).toBe(first);
    expect(interner.string('苏州华工精密模具有限公司')).toBe(first);
  });

  test('many texts: each read back as itself (no two confused, whatever their hashes)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 3000 }), (texts) => {
        const interner = new Interner();
        const seen = new Map<string, string>();
        for (const t of texts) {
          const buf = bytes(`<${t}>`);
          const got = interner.range(buf, 1, buf.length - 1);
          expect(got).toBe(t);
          if (seen.has(t)) expect(got).toBe(seen.get(t));
          seen.set(t, got);
        }
      }),
      { numRuns: 30 },
    );
  });

  test('a lone surrogate (an _xD800_ escape decoded) comes back as itself, not as U+FFFD', () => {
    const interner = new Interner();
    expect(interner.string('备注\uD800')).toBe('备注\uD800');
    expect(interner.string('\uDC00')).toBe('\uDC00');
    expect(interner.string('客户😀')).toBe('客户😀');
  });

  test('numbered text (DN00000001…) in the hundred thousands stays exact', () => {
    const interner = new Interner();
    const wrong: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const t = `DN${String(i).padStart(8, '0')}`;
      const buf = bytes(t);
      if (interner.range(buf, 0, buf.length) !== t) wrong.push(t);
    }
    expect(wrong).toEqual([]);
    const buf = bytes('DN00000042');
    expect(interner.range(buf, 0, buf.length)).toBe('DN00000042');
  });
});
