/**
 * Tax and other rates → a fraction (13% → 0.13). Numbers below 1 are fractions already (0.13); numbers from 1 to
 * 100 are percents (13 → 0.13, 1 → 0.01: a 100% tax rate does not exist, a 1% one does). A cell whose number
 * format shows a percent is always a fraction. Above 100% or negative → 'not-a-rate'.
 */
import type { GridValue } from '../grid';
import { type Parsed, type Rate, asRate, parsedFail, parsedOk } from './brand';
import { commonFailure, compactText } from './cell-text';
import { isPercentFormat } from './number-format';
import { type Decimal, decimalFromNumber, decimalToNumber, parseNumericText, shiftDecimal } from './number-parse';

/** Words that mean a zero rate: 免税 (exempt), 零税率, 不征税, 0税率. */
const ZERO_WORDS = new Set(['免税', '免征', '零税率', '0税率', '不征税', '免', '出口免税', '免税项目']);
const RATE_PREFIXES: readonly string[] = ['税率', '增值税', 'vat', 'tax', '税'];

function fromDecimal(d: Decimal, isFraction: boolean): Parsed<Rate> {
  if (d.neg) return parsedFail('not-a-rate');
  let frac = d;
  if (!isFraction && decimalToNumber(d) >= 1) frac = shiftDecimal(d, -2);
  const n = decimalToNumber(frac);
  if (n > 1) return parsedFail('not-a-rate');
  return parsedOk(asRate(n));
}

/** 0.13, 13, '13%', '１３％', '13', '税率13%' → 0.13; '免税' / '0%' → 0; >100% → 'not-a-rate'. */
export function parseRate(raw: GridValue, numberFormat: string | null = null): Parsed<Rate> {
  const fail = commonFailure<Rate>(raw);
  if (fail) return fail;
  if (typeof raw === 'boolean') return parsedFail('not-a-rate');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return parsedFail('not-a-rate');
    return fromDecimal(decimalFromNumber(raw), isPercentFormat(numberFormat));
  }
  const s = compactText(raw as string);
  if (ZERO_WORDS.has(s)) return parsedOk(asRate(0));
  const r = parseNumericText(s, { prefixes: RATE_PREFIXES, percent: true });
  if (!r.ok) return parsedFail(r.reason === 'empty' ? 'empty' : 'not-a-rate');
  return fromDecimal(r.value, r.percent);
}
