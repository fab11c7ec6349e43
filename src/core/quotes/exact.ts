/**
 * Exact arithmetic for the quote check. Prices are integer fen, but a net price converted to a with-tax price
 * (× 1.13) or back (÷ 1.13) is a fraction of a fen; quantities may have decimals. Comparing such values with
 * floating point would let 0.005 − 0.0049999 decide a finding. Here every value is a fraction of BigInts.
 */

/** A fraction n/d in lowest terms with d > 0. */
export interface Ratio {
  n: bigint;
  d: bigint;
}

/** Decimal places kept when a quantity, rate or tolerance (a float) is turned into a fraction. */
const SCALE = 1_000_000n;
const SCALE_NUM = 1_000_000;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** n/d reduced, with a positive denominator. */
export function ratio(n: bigint, d: bigint = 1n): Ratio {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d < 0n ? -d : d) || 1n;
  return { n: (sign * n) / g, d: (sign * d) / g };
}

/** An integer (fen) as a fraction. */
export const fromInt = (x: number): Ratio => ratio(BigInt(Math.round(x)));

/**
 * A fen amount as a fraction. Amounts are whole fen; a unit price may carry fractions of a fen (¥3.456 is 345.6
 * fen) and keeps up to six decimals of a fen.
 */
export const fromFen = (fen: number): Ratio => (Number.isInteger(fen) ? ratio(BigInt(fen)) : fromDecimal(fen));

/** A float with up to six decimals (quantity, rate, tolerance) as a fraction; 0.13 → 130000/1000000 exactly. */
export const fromDecimal = (x: number): Ratio => ratio(BigInt(Math.round(x * SCALE_NUM)), SCALE);

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n);
export const abs = (a: Ratio): Ratio => (a.n < 0n ? ratio(-a.n, a.d) : a);

/** -1, 0 or 1. */
export function cmp(a: Ratio, b: Ratio): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const ZERO: Ratio = ratio(0n);
export const isZero = (a: Ratio): boolean => a.n === 0n;

/** Round half away from zero to an integer (fen). */
export function roundToInt(a: Ratio): number {
  const neg = a.n < 0n;
  const n = neg ? -a.n : a.n;
  const q = (2n * n + a.d) / (2n * a.d);
  const v = Number(q);
  return neg && v !== 0 ? -v : v;
}

/** The nearest float (for display and JSON, never for a decision). */
export function toNumber(a: Ratio): number {
  // Split off the integer part so large numerators keep their precision.
  const whole = a.n / a.d;
  const rest = a.n - whole * a.d;
  return Number(whole) + Number((rest * SCALE) / a.d) / SCALE_NUM;
}

/** 1 + rate, for rate given as a fraction (0.13). */
const onePlus = (rate: number): Ratio => add(ratio(1n), fromDecimal(rate));

/** A net price → the same price with tax at `rate`. */
export const withTaxFromNet = (net: Ratio, rate: number): Ratio => mul(net, onePlus(rate));

/** A price with tax → the net price at `rate`. */
export const netFromWithTax = (gross: Ratio, rate: number): Ratio => div(gross, onePlus(rate));

/** Rates compared to the millionth: 0.13 and 0.1300000001 are the same rate. */
export const sameRate = (a: number, b: number): boolean => Math.round(a * SCALE_NUM) === Math.round(b * SCALE_NUM);
