import { CATALOGS } from '../../src/core/i18n';
import { FUNCTIONS, callFunction, coerceArg, findFunction, listFunctions } from '../../src/functions/registry';

describe('callFunction (the CLI door)', () => {
  test('clerk-desk fn RMBUPPER 1409.5', () => {
    expect(callFunction('RMBUPPER', ['1409.5'])).toEqual({ value: '人民币壹仟肆佰零玖元伍角' });
  });

  test.each<[string, string[], string | number]>([
    ['rmbupper', ['¥1,409.50'], '人民币壹仟肆佰零玖元伍角'],
    ['CLERK.RMBUPPER', ['-0.05'], '人民币负伍分'],
    ['AMOUNT', ['(1,234.00)'], -1234],
    ['AMOUNT', ['1.2万'], 12000],
    ['DATE', ['2024年3月5日'], 45356],
    ['DATE', ['45356'], 45356],
    ['DATE', ['20240305'], 45356],
    ['DATE', ['3月5日', '2024'], 45356],
    ['TAX', ['1130', '13%'], 130],
    ['TAX', ['1130', '13'], 130],
    ['NET', ['1130', '0.13'], 1000],
    ['COMPANYKEY', ['苏州华工精密模具（有限公司）'], '苏州华工精密模具'],
    ['COMPANYKEY', ['00123'], '00123'],
  ])('%s %p → %p', (name, args, value) => {
    expect(callFunction(name, args)).toEqual({ value });
  });

  test('unknown names, wrong argument counts and bad values are errors with a message, in either language', () => {
    expect(callFunction('NOPE', [])).toEqual({
      error: '#NAME?',
      message: '没有名为 NOPE 的函数。可用的函数：RMBUPPER, AMOUNT, DATE, TAX, NET, COMPANYKEY, QUOTEPRICE。',
    });
    expect(callFunction('TAX', ['1130'], 'en-US')).toEqual({ error: '#VALUE!', message: 'TAX takes 2 arguments; it got 1.' });
    expect(callFunction('DATE', [], 'en-US')).toEqual({ error: '#VALUE!', message: 'DATE takes 1–2 arguments; it got 0.' });
    expect(callFunction('RMBUPPER', ['小计'])).toMatchObject({ error: '#VALUE!' });
    expect(callFunction('RMBUPPER', [''])).toMatchObject({ error: '#N/A' });
  });

  test('coercion: a plain number becomes a number only where a number may go', () => {
    expect(coerceArg('1409.5', 'numberOrText')).toBe(1409.5);
    expect(coerceArg('-3e2', 'numberOrText')).toBe(-300);
    expect(coerceArg('1,409.5', 'numberOrText')).toBe('1,409.5');
    expect(coerceArg('00123', 'text')).toBe('00123');
    expect(coerceArg('', 'text')).toBeNull();
  });

  test('every function is registered once, with catalog strings for its description and parameters', () => {
    const names = FUNCTIONS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(['AMOUNT', 'COMPANYKEY', 'DATE', 'NET', 'QUOTEPRICE', 'RMBUPPER', 'TAX']);
    for (const f of FUNCTIONS) {
      expect(CATALOGS['zh-CN'][f.description]).toBeTruthy();
      for (const p of f.params) expect(CATALOGS['en-US'][p.label]).toBeTruthy();
    }
    expect(findFunction(' clerk.net ')?.name).toBe('NET');
    expect(listFunctions('en-US').find((f) => f.name === 'DATE')?.signature).toBe('CLERK.DATE(text, [year])');
  });
});
