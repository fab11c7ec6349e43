import type { MessageKey } from '../i18n';
import { buildDirectory } from '../parties';
import type { AnyTypedTable } from '../tables/typed-table';
import type { IsoDate, PriceFen } from '../values/brand';
import { cachedDirectory, chooseQuote, groupsFor, indexQuotes, pickTier, validOn, type PriceBasis } from './link';

/**
 * The lookup behind CLERK.QUOTEPRICE(customer, part, qty, [date]): the price the quotes table gives a customer for
 * a part at a quantity. It only reads. The customer may be spelled any way the customers sheet knows
 * (full name, short name, alias, code); the part code is compared after normalizeCode.
 *
 * With a date: the latest quote valid on that date (issued on or before it, valid-until on or after it).
 * Without one: the latest quote. The price is the tier the quantity falls into, in the quote's own basis
 * (with tax when the quote gives that price, else net).
 */
export type QuotePriceResult =
  | { ok: true; price: PriceFen; quoteNo: string; basis: PriceBasis }
  | { ok: false; reason: QuotePriceFailure };

export type QuotePriceFailure = 'no-quote' | 'expired' | 'not-yet-quoted' | 'below-minimum' | 'no-price';

/** The message to show for a failure (zh-CN / en-US catalogs). */
export const quotePriceReasonKey = (reason: QuotePriceFailure): MessageKey => `quotes.price.${reason}` as MessageKey;

export type QuotePriceLookup = (customer: string, part: string, qty: number, date?: IsoDate) => QuotePriceResult;

/** Build the lookup once per workbook read; call it per cell. */
export function quotePriceLookup(tables: readonly AnyTypedTable[]): QuotePriceLookup {
  const directory = cachedDirectory(buildDirectory(tables));
  const index = indexQuotes(tables, directory);
  return (customer, part, qty, date) => {
    const groups = groupsFor(index, directory.resolve(customer), part);
    if (!groups.length) return { ok: false, reason: 'no-quote' };
    if (date !== undefined && !groups.some((g) => validOn(g, date))) {
      return { ok: false, reason: groups.some((g) => g.date === undefined || g.date <= date) ? 'expired' : 'not-yet-quoted' };
    }
    const group = chooseQuote(groups, date);
    if (!group) return { ok: false, reason: 'no-quote' };
    const choice = pickTier(group.tiers, qty);
    if (choice.belowMinimum) return { ok: false, reason: 'below-minimum' };
    const { withTax, net } = choice.tier.prices;
    if (withTax) return { ok: true, price: withTax.fen, quoteNo: group.quoteNo ?? '', basis: 'with-tax' };
    if (net) return { ok: true, price: net.fen, quoteNo: group.quoteNo ?? '', basis: 'net' };
    return { ok: false, reason: 'no-price' };
  };
}

/** One lookup (builds the index each call; use quotePriceLookup for many). */
export function quotePrice(tables: readonly AnyTypedTable[], customer: string, part: string, qty: number, date?: IsoDate): QuotePriceResult {
  return quotePriceLookup(tables)(customer, part, qty, date);
}
