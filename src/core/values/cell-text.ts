/**
 * Helpers shared by the value parsers: normalising a cell's text, and writing numbers as plain digits
 * the way Excel shows them (15 significant digits, never `1e-7`).
 */
import type { GridValue } from '../grid';
import { isGridError } from '../grid';
import { type Parsed, parsedFail, parsedOk } from './brand';

/** NFKC (full-width → half-width), trimmed. Inner whitespace is kept. */
export function nfkcTrim(s: string): string {
  return s.normalize('NFKC').trim();
}

/** NFKC, trimmed, every whitespace (including NBSP and ideographic space, which NFKC maps to a space) removed. */
export function compactText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Placeholders clerks type for "nothing here" in a number or date column. */
const PLACEHOLDERS = new Set(['-', '--', '—', '——', '–', '/', '无', '空', 'n/a', 'na', '/']);

/** True for null, '', whitespace-only text and the dash/slash placeholders. */
export function isBlankCell(raw: GridValue): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw !== 'string') return false;
  if (raw.length > 12) return !/\S/.test(raw);
  const s = compactText(raw).toLowerCase();
  return s === '' || PLACEHOLDERS.has(s);
}

/** Failure common to every parser for an empty cell or an error value; undefined when the cell has content. */
export function commonFailure<T>(raw: GridValue): Parsed<T> | undefined {
  if (isBlankCell(raw)) return parsedFail('empty');
  if (isGridError(raw)) return parsedFail('formula-error');
  return undefined;
}

/** Expand `1.5e-7` / `1.2e+21` into plain decimal digits. Input must be what String(number) gives. */
export function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expText] = m;
  const exp = Number(expText);
  const digits = int + frac;
  const point = int.length + exp;
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  return (sign && out !== '0' ? '-' : '') + out;
}

/**
 * A number as plain digits, the way Excel's General format would show it without switching to
 * scientific notation: at most 15 significant digits (which removes float noise such as
 * 0.1 + 0.2 = 0.30000000000000004), safe integers in full (12345678901 stays 12345678901).
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Object.is(n, -0) || n === 0) return '0';
  if (Number.isSafeInteger(n)) return String(n);
  // Beyond 15 significant digits a double holds noise (Excel itself keeps 15): 0.1 + 0.2 → 0.3.
  return expandExponent(String(Number(n.toPrecision(15))));
}

/** A zero-padding code format such as `000000`, `"DN"00000` or `0000"-A"` (first section only). */
const CODE_FORMAT = /^((?:"[^"]*"|\\.)*)(0+)((?:"[^"]*"|\\.)*)$/;

const literal = (part: string): string => part.replace(/"([^"]*)"|\\(.)/g, (_m, q: string | undefined, e: string | undefined) => q ?? e ?? '');

/**
 * A whole number shown through a zero-padding format, as the clerk sees it: 123 under `000000` is `000123`,
 * under `"DN"00000` it is `DN00123`. Null when the format is not such a format or the number is not whole.
 */
export function formatCodeNumber(n: number, numberFormat: string | null | undefined): string | null {
  if (!numberFormat || !Number.isSafeInteger(n) || n < 0) return null;
  const m = CODE_FORMAT.exec(numberFormat.split(';')[0].trim());
  if (!m) return null;
  return literal(m[1]) + String(n).padStart(m[2].length, '0') + literal(m[3]);
}

/**
 * The text of a cell for a text field: trimmed NFKC with inner whitespace runs collapsed; numbers as plain digits,
 * or as a zero-padding number format shows them (a part code 123 formatted `000000` is `000123`).
 */
export function parseText(raw: GridValue, numberFormat: string | null = null): Parsed<string> {
  const fail = commonFailure<string>(raw);
  if (fail && !(typeof raw === 'string' && raw.trim() !== '')) return fail;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return parsedFail('not-a-number');
    return parsedOk(formatCodeNumber(raw, numberFormat) ?? plainNumber(raw));
  }
  if (typeof raw === 'boolean') return parsedOk(raw ? 'TRUE' : 'FALSE');
  if (typeof raw === 'string') {
    const s = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
    return s === '' ? parsedFail('empty') : parsedOk(s);
  }
  return parsedFail('empty');
}

const TRUE_WORDS = new Set(['是', '对', '有', 'y', 'yes', 'true', 't', '1', '含税', '含', '✓', '√', '✔', '☑', 'ok', '已', '已含税']);
const FALSE_WORDS = new Set(['否', '不', '错', '非', 'n', 'no', 'false', 'f', '0', '不含税', '未含税', '不含', '×', '✗', '✘', 'x', '☐', '未']);

/** 是/否, Y/N, yes/no, true/false, 含税/不含税, ✓/√/×, 1/0, and real booleans. Anything else → 'not-an-option'. */
export function parseBoolean(raw: GridValue): Parsed<boolean> {
  if (typeof raw === 'boolean') return parsedOk(raw);
  if (raw === null) return parsedFail('empty');
  if (isGridError(raw)) return parsedFail('formula-error');
  if (typeof raw === 'number') {
    if (raw === 1) return parsedOk(true);
    if (raw === 0) return parsedOk(false);
    return parsedFail('not-an-option');
  }
  const s = compactText(raw).toLowerCase();
  if (s === '') return parsedFail('empty');
  if (TRUE_WORDS.has(s)) return parsedOk(true);
  if (FALSE_WORDS.has(s)) return parsedOk(false);
  return parsedFail('not-an-option');
}
