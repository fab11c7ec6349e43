import fc from 'fast-check';
import { AMOUNT, COMPANYKEY, DATE, NET, RMBUPPER, TAX, netOf } from '../../src/functions/calculations';
import { asFen, asRate } from '../../src/core/values/brand';

describe('RMBUPPER', () => {
  test.each<[unknown, string]>([
    [1409.5, '人民币壹仟肆佰零玖元伍角'],
    ['1409.5', '人民币壹仟肆佰零玖元伍角'],
    ['¥1,409.50', '人民币壹仟肆佰零玖元伍角'],
    [1409.495, '人民币壹仟肆佰零玖元伍角'], // rounded to the fen first
    [1409.494, '人民币壹仟肆佰零玖元肆角玖分'],
    [0, '人民币零元整'],
    [-100, '人民币负壹佰元整'],
    ['1.2万', '人民币壹万贰仟元整'],
    [16409.02, '人民币壹万陆仟肆佰零玖元零贰分'],
  ])('%p → %p', (amount, text) => {
    expect(RMBUPPER(amount as never)).toEqual({ value: text });
  });

  test('errors are values with a message in the clerk\'s language, never exceptions', () => {
    expect(RMBUPPER('小计')).toEqual({ error: '#VALUE!', message: '金额“小计”不是金额。' });
    expect(RMBUPPER('小计', 'en-US')).toEqual({ error: '#VALUE!', message: 'The amount "小计" is not an amount of money.' });
    expect(RMBUPPER(null)).toEqual({ error: '#N/A', message: '金额为空。' });
    expect(RMBUPPER(1e20)).toMatchObject({ error: '#NUM!' });
    expect(RMBUPPER(true)).toMatchObject({ error: '#VALUE!' });
  });
});

describe('AMOUNT', () => {
  test.each<[unknown, number]>([
    ['¥1,234.50', 1234.5],
    ['1234.5元', 1234.5],
    ['(1,234.00)', -1234],
    ['-1,234', -1234],
    ['1.2万', 12000],
    ['１，２３４．５', 1234.5],
    ['人民币壹仟肆佰零玖元伍角', 1409.5],
    [88.888, 88.89],
  ])('%p → %p', (text, yuan) => {
    expect(AMOUNT(text as never)).toEqual({ value: yuan });
  });
  test('junk and blanks', () => {
    expect(AMOUNT('见附件')).toMatchObject({ error: '#VALUE!' });
    expect(AMOUNT('')).toMatchObject({ error: '#N/A' });
  });
});

describe('DATE', () => {
  test.each<[unknown, number]>([
    ['2024年3月5日', 45356],
    ['2024.3.5', 45356],
    ['2024/03/05', 45356],
    ['20240305', 45356],
    [20240305, 45356],
    [45356, 45356],
    ['２０２４年３月５日', 45356],
    ['1900-03-01', 61],
  ])('%p → %p', (text, serial) => {
    expect(DATE(text as never)).toEqual({ value: serial });
  });
  test('a year for 3月5日', () => {
    expect(DATE('3月5日', 2024)).toEqual({ value: 45356 });
    expect(DATE('3月5日', '2024年')).toEqual({ value: 45356 });
    expect(DATE('3月5日')).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('3月5日') });
    expect(DATE('3月5日', 24.5)).toMatchObject({ error: '#VALUE!' });
  });
  test('not dates', () => {
    expect(DATE('2024-02-30')).toMatchObject({ error: '#VALUE!' });
    expect(DATE('03/05/2024', undefined, 'en-US')).toEqual({
      error: '#VALUE!',
      message: 'The text "03/05/2024" does not say which day it is (no year, or day and month could be either way round); write it like 2024-03-05.',
    });
    expect(DATE(null)).toMatchObject({ error: '#N/A' });
  });
});

describe('TAX and NET', () => {
  test.each<[unknown, unknown, number, number]>([
    [1130, 0.13, 1000, 130],
    [1130, 13, 1000, 130],
    [1130, '13%', 1000, 130],
    [1130, '１３％', 1000, 130],
    [100, 0.13, 88.5, 11.5],
    [1, 0.13, 0.88, 0.12],
    [0.01, 0.13, 0.01, 0],
    [1090, 0.09, 1000, 90],
    [106, '6%', 100, 6],
    [103, 3, 100, 3],
    [101, 1, 100, 1], // a rate of 1 means 1% (a 100% VAT rate does not exist)
    [500, '免税', 500, 0],
    [-1130, 0.13, -1000, -130], // a credit note
    ['¥11,300.00', '13%', 10000, 1300],
    [99999.99, 0.13, 88495.57, 11504.42],
  ])('%p at %p → net %p, tax %p', (amount, rate, net, tax) => {
    expect(NET(amount as never, rate as never)).toEqual({ value: net });
    expect(TAX(amount as never, rate as never)).toEqual({ value: tax });
  });

  test('bad rates and amounts', () => {
    expect(TAX(1130, '150%')).toMatchObject({ error: '#VALUE!', message: expect.stringContaining('150%') });
    expect(NET(1130, -0.13)).toMatchObject({ error: '#VALUE!' });
    expect(NET('abc', 0.13)).toMatchObject({ error: '#VALUE!', message: '含税金额“abc”不是金额。' });
    expect(TAX(1130, null)).toMatchObject({ error: '#N/A', message: '税率为空。' });
  });

  test('NET + TAX is exactly the amount, and NET is the nearest fen to amount / (1 + rate)', () => {
    const rates = [0, 0.01, 0.03, 0.05, 0.06, 0.09, 0.13, 0.16, 0.17];
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...rates), (fen, rate) => {
        const net = netOf(asFen(fen), asRate(rate));
        const pct = Math.round(rate * 100);
        // exact check with integers: |net*(100+pct) - fen*100| <= (100+pct)/2
        const err = BigInt(net) * BigInt(100 + pct) - BigInt(fen) * 100n;
        const abs = err < 0n ? -err : err;
        const n = NET(fen / 100, rate);
        const t = TAX(fen / 100, rate);
        return (
          abs * 2n <= BigInt(100 + pct) &&
          'value' in n &&
          'value' in t &&
          Math.round(n.value * 100) + Math.round(t.value * 100) === fen
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('COMPANYKEY', () => {
  test('the issue example and errors', () => {
    expect(COMPANYKEY('苏州华工精密模具有限公司')).toEqual({ value: '苏州华工精密模具' });
    expect(COMPANYKEY('苏州华工精密模具（有限公司）')).toEqual({ value: '苏州华工精密模具' });
    expect(COMPANYKEY('')).toMatchObject({ error: '#N/A' });
    expect(COMPANYKEY(12345)).toEqual({ value: '12345' });
  });
});
