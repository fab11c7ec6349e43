/**
 * Money as clerks type it → integer fen, rounded half away from zero once (design rule 3).
 * A number cell is yuan; its shortest decimal form is used, so 1.005 (shown as 1.005) is 100.5 fen → 101 fen,
 * exactly as the text `1.005` would be.
 */
import type { GridValue } from '../grid';
import { type Fen, type Parsed, asFen, parsedFail, parsedOk } from './brand';
import { commonFailure } from './cell-text';
import { type Decimal, decimalFromNumber, decimalToScaledInteger, parseNumericText } from './number-parse';
import { looksLikeRmbUpper, parseRmbUpper } from './rmb-upper';

export const MONEY_PREFIXES: readonly string[] = ['¥', '￥', 'rmb', 'cny', '人民币', 'rmb¥', 'cny¥'];
export const MONEY_SUFFIXES: readonly string[] = ['元整', '元', '圆整', '圆', '块', '整', 'rmb', 'cny', 'yuan'];

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
    dec = decimalFromNumber(raw);
  } else {
    const r = parseNumericText(raw as string, { prefixes: MONEY_PREFIXES, suffixes: MONEY_SUFFIXES, multipliers: true });
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
  return decimalYuanToFen(decimalFromNumber(yuan));
}
