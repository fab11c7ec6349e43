import fc from 'fast-check';
import { asFen } from '../../../src/core/values/brand';
import { parseMoney } from '../../../src/core/values/parse';
import { parseRmbUpper, rmbUpper } from '../../../src/core/values/rmb-upper';

describe('rmbUpper: payment-document rules', () => {
  test.each<[number, string]>([
    [140950, '人民币壹仟肆佰零玖元伍角'], // the example, ¥1409.50
    [0, '人民币零元整'],
    [100, '人民币壹元整'],
    [105, '人民币壹元零伍分'],
    [150, '人民币壹元伍角'],
    [156, '人民币壹元伍角陆分'],
    [50, '人民币伍角'],
    [5, '人民币伍分'],
    [56, '人民币伍角陆分'],
    [1000, '人民币壹拾元整'],
    [1500, '人民币壹拾伍元整'],
    [600714, '人民币陆仟零柒元壹角肆分'],
    [168032, '人民币壹仟陆佰捌拾元叁角贰分'],
    [10700053, '人民币壹拾万柒仟元伍角叁分'], // the regulation allows 零 or not here; we write none
    [1640902, '人民币壹万陆仟肆佰零玖元零贰分'],
    [32504, '人民币叁佰贰拾伍元零肆分'],
    [1000000, '人民币壹万元整'],
    [10000100, '人民币壹拾万零壹元整'],
    [10010000, '人民币壹拾万零壹佰元整'],
    [100010000, '人民币壹佰万零壹佰元整'],
    [1001000000, '人民币壹仟零壹万元整'],
    [10000000000, '人民币壹亿元整'],
    [10000000100, '人民币壹亿零壹元整'],
    [10001000000, '人民币壹亿零壹万元整'],
    [10100000000, '人民币壹亿零壹佰万元整'],
    [11000000000, '人民币壹亿壹仟万元整'],
    [100000000000000, '人民币壹万亿元整'],
    [1234567890123, '人民币壹佰贰拾叁亿肆仟伍佰陆拾柒万捌仟玖佰零壹元贰角叁分'],
    [9007199254740991, '人民币玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'], // 90,0719,9254,7409.91
    [100000100000, '人民币壹拾亿零壹仟元整'],
    [1000100000000, '人民币壹佰亿零壹佰万元整'], // 100,0100,0000
    [1000001000000, '人民币壹佰亿零壹万元整'], // 100,0001,0000
    [-100, '人民币负壹元整'],
    [-140950, '人民币负壹仟肆佰零玖元伍角'],
    [-5, '人民币负伍分'],
  ])('%p fen → %p', (fen, text) => {
    expect(rmbUpper(asFen(fen))).toBe(text);
  });

  test('refuses amounts that are not whole fen', () => {
    expect(() => rmbUpper(asFen(1.5))).toThrow(RangeError);
    expect(() => rmbUpper(asFen(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseRmbUpper', () => {
  test.each<[string, number | null]>([
    ['人民币壹仟肆佰零玖元伍角', 140950],
    ['壹仟肆佰零玖元伍角整', 140950],
    ['人民币：壹佰元正', 10000],
    ['壹佰圆整', 10000],
    ['人民币负壹元整', -100],
    ['伍角', 50],
    ['零元整', 0],
    ['拾元整', 1000],
    ['壹拾万零柒仟元零伍角叁分', 10700053],
    ['一百元', 10000],
    ['壹壹元', null],
    ['人民币', null],
    ['壹仟肆佰零玖美元', null],
    ['abc', null],
  ])('%p → %p', (text, fen) => {
    expect(parseRmbUpper(text)).toBe(fen);
  });
});

describe('rmbUpper properties', () => {
  const fen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  test('never two 零 in a row, never ends in 零, 整 only right after 元', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const s = rmbUpper(asFen(f));
        return !s.includes('零零') && !s.endsWith('零') && (!s.includes('整') || s.endsWith('元整')) && s.startsWith('人民币');
      }),
      { numRuns: 3000 },
    );
  });
  test('no 零 right before a unit or after 元 without a following 分, and 负 only for negatives', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const s = rmbUpper(asFen(f));
        return !/零[拾佰仟万亿元角分]/.test(s.replace('人民币零元整', '')) && s.includes('负') === f < 0 && !/万亿.*万亿/.test(s);
      }),
      { numRuns: 3000 },
    );
  });
  test('round trip: parsing the uppercase gives the fen back (also through parseMoney)', () => {
    fc.assert(
      fc.property(fen, (f) => {
        const s = rmbUpper(asFen(f));
        const m = parseMoney(s);
        const want = f === 0 ? 0 : f;
        return parseRmbUpper(s) === want && m.ok && m.value === want;
      }),
      { numRuns: 3000 },
    );
  });
  test('small amounts round trip densely', () => {
    for (let f = -2000; f <= 200000; f += 7) expect(parseRmbUpper(rmbUpper(asFen(f)))).toBe(f === 0 ? 0 : f);
  });
});
