import { Fen, PriceFen, asFen } from './brand';

/**
 * Exact sum of fen amounts. Throws if an amount is not whole fen, or if the running sum ever leaves the
 * safe-integer range (a partial sum past 2^53 would lose fen even if later amounts bring it back): never silently wrong.
 */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not a whole number of fen: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('money sum exceeds the exact range');
  }
  return asFen(total === 0 ? 0 : total);
}

export const addFen = (a: Fen, b: Fen): Fen => asFen(a + b);
export const subFen = (a: Fen, b: Fen): Fen => asFen(a - b);
export const negFen = (a: Fen): Fen => asFen(a === 0 ? 0 : -a);
export const absFen = (a: Fen): Fen => asFen(Math.abs(a));
export const ZERO_FEN: Fen = asFen(0);

/** Round half away from zero to an integer, correcting binary noise such as 1.005 * 100 = 100.49999. */
export function roundHalfAwayFromZero(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  const nudged = abs + Math.max(1e-9, abs * 1e-12);
  return sign * Math.floor(nudged + 0.5) || 0;
}

/** A yuan amount (float from a numeric cell) to fen, rounded half away from zero once. */
export const yuanToFen = (yuan: number): Fen => asFen(roundHalfAwayFromZero(yuan * 100));

/** Fen to a yuan number for JSON output and spreadsheet cells. */
/** Fen (or a unit price in fractions of a fen) → yuan. */
export const fenToYuan = (fen: Fen | PriceFen): number => fen / 100;

/** quantity × unit price (fen per unit, may itself be fractional for prices with more than 2 decimals) → fen. */
export const lineAmount = (quantity: number, unitPriceFen: number): Fen =>
  asFen(roundHalfAwayFromZero(quantity * unitPriceFen));

/** `1234.5` fen-wise → "1,234.50"; negative as "-1,234.50". With `symbol`, "¥1,234.50". */
export function formatFen(fen: Fen, opts: { symbol?: boolean; grouping?: boolean } = {}): string {
  const { symbol = false, grouping = true } = opts;
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const intPart = grouping ? String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : String(yuan);
  return `${neg ? '-' : ''}${symbol ? '¥' : ''}${intPart}.${cents}`;
}
