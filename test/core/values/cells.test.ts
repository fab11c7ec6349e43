import { displayValue, parseBoolean, parseText, plainNumber } from '../../../src/core/values/parse';

const ok = (value: unknown) => ({ ok: true, value });
const fail = (reason: string) => ({ ok: false, reason });

describe('parseText', () => {
  test.each<[unknown, unknown]>([
    ['  苏州华工  ', ok('苏州华工')],
    ['ＰＮ－００１２３', ok('PN-00123')],
    ['华工\n精密', ok('华工 精密')],
    ['无', ok('无')],
    ['-', ok('-')],
    [12345678901, ok('12345678901')],
    [0.1 + 0.2, ok('0.3')],
    [1e-7, ok('0.0000001')],
    [1e21, ok('1000000000000000000000')],
    [-0, ok('0')],
    [3.14, ok('3.14')],
    [true, ok('TRUE')],
    ['', fail('empty')],
    ['   ', fail('empty')],
    [null, fail('empty')],
    [{ error: '#N/A' }, fail('formula-error')],
  ])('%p → %p', (raw, expected) => {
    expect(parseText(raw as never)).toEqual(expected);
  });

  test('a number under a zero-padding format is the code the clerk sees', () => {
    expect(parseText(123, '000000')).toEqual(ok('000123'));
    expect(parseText(123, '"DN"00000')).toEqual(ok('DN00123'));
    expect(parseText(1234567, '0000')).toEqual(ok('1234567'));
    expect(parseText(123, '0.00')).toEqual(ok('123'));
    expect(parseText(1.5, '000000')).toEqual(ok('1.5'));
    expect(parseText(123, null)).toEqual(ok('123'));
  });

  test('plainNumber keeps 15 significant digits and never uses an exponent', () => {
    expect(plainNumber(1234.5)).toBe('1234.5');
    expect(plainNumber(-0.000012)).toBe('-0.000012');
    expect(plainNumber(123456789012345680000)).toBe('123456789012346000000');
    expect(plainNumber(9007199254740991)).toBe('9007199254740991');
    expect(plainNumber(1.23e-10)).toBe('0.000000000123');
    expect(plainNumber(2 / 3)).toBe('0.666666666666667');
  });
});

describe('parseBoolean', () => {
  test.each<[unknown, unknown]>([
    ['是', ok(true)],
    ['否', ok(false)],
    ['Y', ok(true)],
    ['n', ok(false)],
    ['Yes', ok(true)],
    ['NO', ok(false)],
    ['true', ok(true)],
    ['FALSE', ok(false)],
    ['含税', ok(true)],
    ['不含税', ok(false)],
    ['✓', ok(true)],
    ['√', ok(true)],
    ['×', ok(false)],
    ['Ｙ', ok(true)],
    [true, ok(true)],
    [false, ok(false)],
    [1, ok(true)],
    [0, ok(false)],
    [2, fail('not-an-option')],
    ['也许', fail('not-an-option')],
    ['', fail('empty')],
    [null, fail('empty')],
    [{ error: '#N/A' }, fail('formula-error')],
  ])('%p → %p', (raw, expected) => {
    expect(parseBoolean(raw as never)).toEqual(expected);
  });
});

describe('displayValue: the raw value as the clerk sees it', () => {
  test.each<[unknown, string | null, boolean, string]>([
    [null, null, false, ''],
    [{ error: '#N/A' }, null, false, '#N/A'],
    [{ error: '#DIV/0!' }, '0.00', false, '#DIV/0!'],
    [true, null, false, 'TRUE'],
    ['小计', null, false, '小计'],
    [45356, 'yyyy-mm-dd', false, '2024-03-05'],
    [45356.5, 'yyyy/m/d h:mm', false, '2024-03-05 12:00'],
    [43894, 'yyyy"年"m"月"d"日"', true, '2024-03-05'],
    [60, 'yyyy-mm-dd', false, '60'],
    [45356, null, false, '45356'],
    [1234.5, '#,##0.00', false, '1234.5'],
    [0.1 + 0.2, null, false, '0.3'],
    [0.13, '0%', false, '13%'],
    [0.065, '0.0%', false, '6.5%'],
    [12345678901, '@', false, '12345678901'],
    [42, '000000', false, '000042'],
  ])('%p (format %p) → %p', (raw, fmt, date1904, shown) => {
    expect(displayValue(raw as never, fmt, date1904)).toBe(shown);
  });
});
