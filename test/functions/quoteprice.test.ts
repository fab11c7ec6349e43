import { callFunction } from '../../src/functions/registry';
import { setWorkbookTables } from '../../src/functions/workbook';
import { quotePriceFn } from '../../src/functions/excel-bindings';
import { asIsoDate, asRate } from '../../src/core/values/brand';
import { isoToSerial } from '../../src/core/values/dates';
import { typedTable, yuan } from '../helpers/typed';

const d = asIsoDate;
const tables = [
  typedTable('customers', '客户档案', [{ name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related' }]),
  typedTable('quotes', '报价台账', [
    { quoteNo: 'BJ-01', date: d('2026-01-05'), customer: '苏州华工精密模具有限公司', part: 'P-100', unitPriceWithTax: yuan(12.5), taxRate: asRate(0.13), minQty: 1, maxQty: 499, validUntil: d('2026-06-30') },
    { quoteNo: 'BJ-01', date: d('2026-01-05'), customer: '苏州华工精密模具有限公司', part: 'P-100', unitPriceWithTax: yuan(11.8), taxRate: asRate(0.13), minQty: 500, validUntil: d('2026-06-30') },
    { quoteNo: 'BJ-07', date: d('2026-07-01'), customer: '苏州华工精密模具有限公司', part: 'P-100', unitPriceWithTax: yuan(12.9), taxRate: asRate(0.13), minQty: 100, validUntil: d('2026-12-31') },
  ]),
];

describe('CLERK.QUOTEPRICE', () => {
  afterEach(() => setWorkbookTables(null));

  test('before the workbook has been read it says how to fix it, as #N/A', () => {
    setWorkbookTables(null);
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '600'])).toEqual({ error: '#N/A', message: '还没有读取本工作簿的报价表：请先在任务窗格中运行“结构化”。' });
  });

  test('the price break the quantity falls into, on the date given (text or a date serial)', () => {
    setWorkbookTables(tables);
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '600', '2026-03-01'])).toEqual({ value: 11.8 });
    expect(callFunction('QUOTEPRICE', ['苏州华工精密模具（有限公司）', 'p-100', '20', '2026年3月1日'])).toEqual({ value: 12.5 });
    expect(quotePriceFn('华工精密', 'P-100', 600, isoToSerial(d('2026-08-01')))).toBe(12.9);
    // without a date: the latest quote
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '600'])).toEqual({ value: 12.9 });
  });

  test('no quote, below the minimum and not-yet-quoted are #N/A with the reason', () => {
    setWorkbookTables(tables);
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-999', '1'], 'en-US')).toEqual({ error: '#N/A', message: 'No quote for this customer and part (customer "华工精密", part "P-999").' });
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '50', '2026-08-01'])).toMatchObject({ error: '#N/A', message: expect.stringContaining('起订量') });
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '50', '2025-12-01'])).toMatchObject({ error: '#N/A' });
    expect(callFunction('QUOTEPRICE', ['华工精密', 'P-100', '很多'])).toMatchObject({ error: '#VALUE!' });
  });
});
