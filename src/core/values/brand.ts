/** Domain types shared by every part of core. Brands stop a yuan float or a free-form date string from sneaking in. */

/** Money in integer fen (分). 1 yuan = 100 fen. Always a safe integer. */
export type Fen = number & { readonly __brand: 'Fen' };

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A calendar month as `YYYY-MM`. */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

/** A tax or other rate as a fraction: 13% is 0.13. */
export type Rate = number & { readonly __brand: 'Rate' };

export const asFen = (n: number): Fen => n as Fen;
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
