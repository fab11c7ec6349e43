/**
 * Money as clerks type it → integer fen, rounded half away from zero once (design rule 3).
 * A number cell is yuan; its shortest decimal form is used, so 1.005 (shown as 1.005) is 100.5 fen → 101 fen,
 * exactly as the text `1.005` would be.
 */
import type { GridValue } from '../grid';
import { type Fen, type Parsed, asFen, parsedFail, parsedOk } from './brand';
import { commonFailure } from './cell-text';
import { type Decimal, QUANTITY_UNITS, decimalFromNumber, decimalToScaledInteger, parseNumericText } from './number-parse';
import { looksLikeRmbUpper, parseRmbUpper } from './rmb-upper';

export const MONEY_PREFIXES: readonly string[] = ['¥', '￥', 'rmb', 'cny', '人民币', 'rmb¥', 'cny¥'];
export const MONEY_SUFFIXES: readonly string[] = ['元整', '元', '圆整', '圆', '块', '整', 'rmb', 'cny', 'yuan'];

/** A per-unit price's tail: `12.50元/件`, `¥0.35/pcs`, `8元每套`. */
const PER_UNIT = new RegExp(`(?:/|每)(?:${[...QUANTITY_UNITS].sort((a, b) => b.length - a.length).join('|')})$`, 'i');

/** The money text with a per-unit tail removed (`12.5元/件` → `12.5元`). */
const stripPerUnit = (s: string): string => s.normalize('NFKC').trim().replace(PER_UNIT, '');

function moneyText(raw: string) {
  return parseNumericText(stripPerUnit(raw), { prefixes: MONEY_PREFIXES, suffixes: MONEY_SUFFIXES, multipliers: true });
}

/**
 * The fast path for a number cell: when the yuan amount has at most two decimals (its shortest form is r/100),
 * r is the fen. Below 10^13 yuan a double is fine enough that r/100 === yuan means exactly that.
 */
function wholeFenOf(yuan: number): Fen | null {
  if (!(Math.abs(yuan) < 1e13)) return null;
  const r = Math.round(yuan * 100);
  return r / 100 === yuan ? asFen(r === 0 ? 0 : r) : null;
}

/** An exact decimal number of yuan → fen, rounded half away from zero; null when outside the safe-integer range. */
export function decimalYuanToFen(d: Decimal): Fen | null {
  const fen = decimalToScaledInteger(d, 2);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const n = Number(fen);
  return asFen(n === 0 ? 0 : n);
}

/**
 * `¥1,234.50`, `￥1234.5`, `1234.5元`, `RMB 1,234`, `(1,234.00)` (negative), `-1,234`, `1.2万` (= 1,200,000 fen),
 * `１，２３４．５`, 大写 `人民币壹仟肆佰零玖元伍角`, numbers (yuan). Blank → 'empty'; an error value → 'formula-error'; anything else → 'not-a-number';
 * beyond ±90 trillion yuan → 'out-of-range'.
 */
export function parseMoney(raw: GridValue): Parsed<Fen> {
  const fail = commonFailure<Fen>(raw);
  if (fail) return fail;
  let dec: Decimal;
  if (typeof raw === 'boolean') return parsedFail('not-a-number');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return parsedFail('not-a-number');
    const fast = wholeFenOf(raw);
    if (fast !== null) return parsedOk(fast);
    dec = decimalFromNumber(raw);
  } else {
    const r = moneyText(raw as string);
    if (!r.ok) {
      if (looksLikeRmbUpper(raw as string)) {
        const upper = parseRmbUpper(raw as string);
        if (upper !== null) return parsedOk(upper);
      }
      return parsedFail(r.reason);
    }
    dec = r.value;
  }
  const fen = decimalYuanToFen(dec);
  return fen === null ? parsedFail('out-of-range') : parsedOk(fen);
}

/** A yuan number (e.g. a custom-function argument) → fen, through the same exact rule as a number cell. */
export function yuanNumberToFen(yuan: number): Fen | null {
  if (!Number.isFinite(yuan)) return null;
  const fast = wholeFenOf(yuan);
  if (fast !== null) return fast;
  return decimalYuanToFen(decimalFromNumber(yuan));
}

/** Decimal places of a fen kept by parseUnitPrice: 4, i.e. prices to 0.000001 yuan. */
export const UNIT_PRICE_FEN_DECIMALS = 4;

/**
 * A unit price → fen per unit, NOT rounded to the whole fen: `0.0523` yuan → 5.23 fen. Small parts are priced to
 * 3–6 decimals of a yuan, and rounding each price to the fen would make every line amount wrong; round the line
 * amount instead (`lineAmount(quantity, unitPriceFen)` in money.ts). Kept to 4 decimals of a fen, half away from zero.
 * Accepts everything parseMoney does, plus a per-unit tail (`12.5元/件`, `¥0.35/pcs`).
 */
export function parseUnitPrice(raw: GridValue): Parsed<number> {
  const fail = commonFailure<number>(raw);
  if (fail) return fail;
  let dec: Decimal;
  if (typeof raw === 'boolean') return parsedFail('not-a-number');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return parsedFail('not-a-number');
    dec = decimalFromNumber(raw);
  } else {
    const r = moneyText(raw as string);
    if (!r.ok) {
      const upper = looksLikeRmbUpper(raw as string) ? parseRmbUpper(raw as string) : null;
      return upper !== null ? parsedOk(upper as number) : parsedFail(r.reason);
    }
    dec = r.value;
  }
  const scaled = decimalToScaledInteger(dec, 2 + UNIT_PRICE_FEN_DECIMALS);
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER) || scaled < -BigInt(Number.MAX_SAFE_INTEGER)) return parsedFail('out-of-range');
  const n = Number(scaled) / 10 ** UNIT_PRICE_FEN_DECIMALS;
  return parsedOk(n === 0 ? 0 : n);
}
