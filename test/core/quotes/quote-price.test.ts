import { quotePrice, quotePriceLookup, quotePriceReasonKey } from '../../../src/core/quotes/quote-price';
import { t } from '../../../src/core/i18n';
import { baseQuote, customersTable, d, quotesTable, y } from './fixtures';

const tiers = [
  baseQuote({ minQty: 100, maxQty: 499, unitPriceWithTax: y(12.5) }),
  baseQuote({ minQty: 500, unitPriceWithTax: y(11.8) }),
  baseQuote({ quoteNo: 'BJ-2026-077', date: d('2026-07-01'), validUntil: d('2026-12-31'), minQty: 100, unitPriceWithTax: y(13.2) }),
  baseQuote({ quoteNo: 'BJ-2026-050', customer: '锐达', part: 'RD-7', name: '支架', unitPriceWithTax: undefined, unitPrice: y(40), taxIncluded: false, date: d('2026-05-01'), validUntil: undefined }),
];
const tables = [customersTable, quotesTable(tiers)];

describe('quotePrice (CLERK.QUOTEPRICE)', () => {
  test('the tier for the quantity, on the date, through any spelling of the customer', () => {
    expect(quotePrice(tables, '华工精密', 'hg-1001', 100, d('2026-04-15'))).toEqual({ ok: true, price: y(12.5), quoteNo: 'BJ-2026-031', basis: 'with-tax' });
    expect(quotePrice(tables, 'C001', 'ＨＧ-1001', 500, d('2026-06-30'))).toEqual({ ok: true, price: y(11.8), quoteNo: 'BJ-2026-031', basis: 'with-tax' });
    expect(quotePrice(tables, '苏州华工精密模具有限公司', 'HG-1001', 500, d('2026-08-01'))).toEqual({ ok: true, price: y(13.2), quoteNo: 'BJ-2026-077', basis: 'with-tax' });
  });
  test('without a date, the latest quote', () => {
    expect(quotePrice(tables, '华工精密', 'HG-1001', 200)).toMatchObject({ ok: true, quoteNo: 'BJ-2026-077' });
  });
  test('a 不含税 quote says so', () => {
    expect(quotePrice(tables, '无锡锐达汽车部件有限公司', 'RD-7', 1, d('2026-09-01'))).toEqual({ ok: true, price: y(40), quoteNo: 'BJ-2026-050', basis: 'net' });
  });
  test('reasons, each with a message in both languages', () => {
    const look = quotePriceLookup(tables);
    expect(look('华工精密', 'HG-9999', 1)).toEqual({ ok: false, reason: 'no-quote' });
    expect(look('锐达', 'HG-1001', 100)).toEqual({ ok: false, reason: 'no-quote' });
    expect(look('华工精密', 'HG-1001', 99, d('2026-04-15'))).toEqual({ ok: false, reason: 'below-minimum' });
    expect(look('华工精密', 'HG-1001', 100, d('2027-01-01'))).toEqual({ ok: false, reason: 'expired' });
    expect(look('华工精密', 'HG-1001', 100, d('2026-02-01'))).toEqual({ ok: false, reason: 'not-yet-quoted' });
    expect(t('zh-CN', quotePriceReasonKey('expired'))).toBe('该日期没有有效的报价（已过期）');
    expect(t('en-US', quotePriceReasonKey('below-minimum'))).toBe("Quantity below the quote's minimum");
  });
  test('a quote row without a price', () => {
    const bare = [customersTable, quotesTable([baseQuote({ unitPriceWithTax: undefined })])];
    expect(quotePrice(bare, '华工精密', 'HG-1001', 1)).toEqual({ ok: false, reason: 'no-price' });
  });
});
