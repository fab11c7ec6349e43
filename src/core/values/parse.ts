/**
 * The value parsers, one import for every part of core: each takes a raw cell value and returns a typed
 * `Parsed<T>` (a value, or the reason it could not be read). Implementations live in the small modules below.
 */
import type { GridValue } from '../grid';
import { isGridError } from '../grid';
import { formatCodeNumber, plainNumber } from './cell-text';
import { serialToIso } from './dates';
import { isDateFormat, isPercentFormat } from './number-format';

export type { DateContext } from './date-parse';
export { parseDate, parseDateText, parseMonth } from './date-parse';
export { builtinFormatCode, formatKind, gridFormat, isDateFormat, isGeneralFormat, isPercentFormat, type FormatKind } from './number-format';
export { parseMoney, parseUnitPrice, yuanNumberToFen, decimalYuanToFen } from './money-parse';
export { parseQuantity, parseInteger, parsePaymentTerms, parseNumericText } from './number-parse';
export type { PaymentTerms } from './number-parse';
export { parseRate } from './rate-parse';
export { parseBoolean, parseText, plainNumber, isBlankCell, formatCodeNumber } from './cell-text';
export { rmbUpper, parseRmbUpper } from './rmb-upper';
export { companyKey } from './company';

/**
 * A raw value as the clerk sees it, for CellIssue.value: '' for empty, `#N/A` for errors, TRUE/FALSE,
 * a date serial under a date format as its ISO date (with hh:mm when it has a time), a percent format as 13%,
 * a zero-padded code format as shown (000123), other numbers as plain digits (no float noise, no exponent), text unchanged.
 */
export function displayValue(raw: GridValue, numberFormat: string | null, date1904 = false): string {
  if (raw === null || raw === undefined) return '';
  if (isGridError(raw)) return raw.error;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (typeof raw === 'string') return raw;
  if (!Number.isFinite(raw)) return String(raw);
  if (isDateFormat(numberFormat)) {
    const iso = serialToIso(raw, date1904);
    if (iso) {
      const minutes = Math.round((raw - Math.floor(raw)) * 1440);
      if (minutes <= 0 || minutes >= 1440) return iso;
      return `${iso} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    }
    return plainNumber(raw);
  }
  if (isPercentFormat(numberFormat)) return `${plainNumber(raw * 100)}%`;
  return formatCodeNumber(raw, numberFormat) ?? plainNumber(raw);
}
