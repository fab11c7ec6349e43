/** Domain types shared by every part of core. Brands stop a yuan float or a free-form date string from sneaking in. */

/** Money in integer fen (分). 1 yuan = 100 fen. Always a safe integer. */
export type Fen = number & { readonly __brand: 'Fen' };

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A calendar month as `YYYY-MM`. */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

/** A tax or other rate as a fraction: 13% is 0.13. */
export type Rate = number & { readonly __brand: 'Rate' };

/**
 * A unit price in fen per unit, NOT rounded to the whole fen: 0.0235 yuan is 2.35 fen, 21.004 yuan 2100.4 fen.
 * Up to 4 decimals of a fen (parseUnitPrice); compared exactly; a line's amount is rounded once, from it
 * (lineAmount in money.ts). A Fen is a PriceFen, not the other way round.
 */
export type PriceFen = number & { readonly __brand: 'Fen' | 'PriceFen' };

export const asFen = (n: number): Fen => n as Fen;
export const asPriceFen = (n: number): PriceFen => n as PriceFen;
export const asIsoDate = (s: string): IsoDate => s as IsoDate;
export const asIsoMonth = (s: string): IsoMonth => s as IsoMonth;
export const asRate = (n: number): Rate => n as Rate;

/** The result of parsing one raw value: a value, or why it could not be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

export type ParseFailure =
  | 'empty'
  | 'not-a-number'
  | 'not-a-date'
  | 'ambiguous-date'
  | 'formula-error'
  | 'out-of-range'
  | 'not-a-rate'
  | 'not-an-option';

export const parsedOk = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const parsedFail = <T>(reason: ParseFailure): Parsed<T> => ({ ok: false, reason });
