/**
 * Numbers as clerks type them: `1,234.5`, `１，２３４．５`, `1.2万`, `(1,234.00)`, `100件`, `30天`.
 * Text is read as an exact decimal (digits + scale), never through a float, so rounding to the fen
 * happens once and exactly (design rule 3).
 */
import type { GridValue } from '../grid';
import { type Parsed, type ParseFailure, parsedFail, parsedOk } from './brand';
import { commonFailure, compactText } from './cell-text';

/** An exact decimal: value = (neg ? -1 : 1) × digits × 10^-scale. `digits` has no sign; scale may be negative. */
export interface Decimal {
  neg: boolean;
  digits: bigint;
  scale: number;
}

/** A plain decimal literal (`-12.50`, `.5`, `1e3`, `1.2E-4`) → Decimal, or null. No grouping, no units. */
export function decimalFromLiteral(s: string): Decimal | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,4}))?$/i.exec(s);
  if (!m) return null;
  const [, sign, int = '', frac = '', exp] = m;
  if (int === '' && frac === '') return null;
  const digits = BigInt((int + frac).replace(/^0+(?=\d)/, '') || '0');
  const scale = frac.length - (exp ? Number(exp) : 0);
  return { neg: sign === '-' && digits !== 0n, digits, scale };
}

/** A finite JS number → the Decimal of its shortest round-trip representation (what the cell shows in General). */
export function decimalFromNumber(n: number): Decimal {
  const d = decimalFromLiteral(String(n));
  if (!d) throw new RangeError(`not a finite number: ${n}`);
  return d;
}

/** Multiply by 10^k (k ≥ 0 exact; k < 0 rounds half away from zero). The result is an integer bigint with sign. */
export function decimalToScaledInteger(d: Decimal, k: number): bigint {
  const shift = k - d.scale;
  let mag: bigint;
  if (shift >= 0) mag = d.digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    const q = d.digits / div;
    const r = d.digits % div;
    mag = r * 2n >= div ? q + 1n : q;
  }
  return d.neg && mag !== 0n ? -mag : mag;
}

/** A Decimal as a JS number (nearest double). */
export function decimalToNumber(d: Decimal): number {
  const s = d.digits.toString();
  const lit = d.scale >= 0 ? `${s}e-${d.scale}` : `${s}e${-d.scale}`;
  const n = Number(lit);
  return d.neg ? -n : n;
}

export const shiftDecimal = (d: Decimal, powerOfTen: number): Decimal => ({ ...d, scale: d.scale - powerOfTen });

export const isIntegerDecimal = (d: Decimal): boolean =>
  d.scale <= 0 || d.digits % 10n ** BigInt(d.scale) === 0n;

/** Chinese magnitude words after a number: 1.2万 = 12000. */
const MULTIPLIERS: ReadonlyArray<[string, number]> = [
  ['千万', 7],
  ['百万', 6],
  ['万', 4],
  ['萬', 4],
  ['亿', 8],
  ['億', 8],
  ['千', 3],
  ['w', 4],
  ['W', 4],
];

export interface NumericTextOptions {
  /** Words that may come before the number (currency marks), matched case-insensitively, longest first. */
  prefixes?: readonly string[];
  /** Words that may follow the number (currency, units), matched case-insensitively, longest first. */
  suffixes?: readonly string[];
  /** Accept 万/亿/千 magnitudes. */
  multipliers?: boolean;
  /** Accept a trailing % (the value is divided by 100). */
  percent?: boolean;
}

export type NumericText = { ok: true; value: Decimal; percent: boolean } | { ok: false; reason: ParseFailure };

/** Word lists lower-cased and sorted longest first, once per list (the lists are module constants). */
const prepared = new WeakMap<readonly string[], readonly string[]>();
function prepare(words: readonly string[] | undefined): readonly string[] {
  if (!words || words.length === 0) return [];
  let p = prepared.get(words);
  if (!p) {
    p = words.map((w) => w.normalize('NFKC').toLowerCase()).sort((a, b) => b.length - a.length);
    prepared.set(words, p);
  }
  return p;
}

function stripPrefix(s: string, words: readonly string[]): string {
  if (words.length === 0 || s === '' || (s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57)) return s;
  const lower = s.toLowerCase();
  for (const w of words) if (lower.startsWith(w)) return s.slice(w.length);
  return s;
}

function stripSuffix(s: string, words: readonly string[]): string {
  const last = s.charCodeAt(s.length - 1);
  if (words.length === 0 || s === '' || (last >= 48 && last <= 57)) return s;
  const lower = s.toLowerCase();
  for (const w of words) if (lower.length > w.length && lower.endsWith(w)) return s.slice(0, -w.length);
  return s;
}

/** Plain ASCII decimal literal, the common case: no normalisation, signs, units or grouping to look at. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/**
 * Read a number typed as text. Steps: NFKC and drop whitespace; sign (`-`, `−`, `负`, leading or trailing) or
 * accounting brackets `(1,234.00)`; currency prefix/suffix; a 万/亿 magnitude; % ; thousands separators
 * (groups of 3, or of 4 as some Chinese ledgers write); then an exact decimal literal.
 */
export function parseNumericText(text: string, opts: NumericTextOptions = {}): NumericText {
  const trimmed = text.trim();
  if (PLAIN.test(trimmed)) {
    const dec = decimalFromLiteral(trimmed);
    if (dec) return { ok: true, value: dec, percent: false };
  }
  const prefixes = prepare(opts.prefixes);
  const suffixes = prepare(opts.suffixes);
  let s = compactText(text).replace(/[−–﹣－]/g, '-').replace(/[，]/g, ',').replace(/[。]/g, '.');
  if (s === '') return { ok: false, reason: 'empty' };
  let neg = false;
  const flip = () => {
    if (neg) return false;
    neg = true;
    return true;
  };
  // Brackets around everything (possibly with a currency mark inside or outside).
  for (let pass = 0; pass < 2; pass++) {
    s = stripPrefix(s, prefixes);
    s = stripSuffix(s, suffixes);
    if (/^\(.*\)$/.test(s)) {
      if (!flip()) return { ok: false, reason: 'not-a-number' };
      s = s.slice(1, -1);
      continue;
    }
    if (s.startsWith('-') || s.startsWith('负')) {
      if (!flip()) return { ok: false, reason: 'not-a-number' };
      s = s.slice(1);
      continue;
    }
    if (s.startsWith('+')) {
      s = s.slice(1);
      continue;
    }
    if (s.endsWith('-') && s.length > 1) {
      if (!flip()) return { ok: false, reason: 'not-a-number' };
      s = s.slice(0, -1);
      continue;
    }
  }
  s = stripPrefix(s, prefixes);
  s = stripSuffix(s, suffixes);
  let percent = false;
  if (opts.percent && s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  let power = 0;
  if (opts.multipliers) {
    for (const [word, p] of MULTIPLIERS) {
      if (s.length > word.length && s.endsWith(word) && /\d$/.test(s.slice(0, -word.length))) {
        power = p;
        s = s.slice(0, -word.length);
        break;
      }
    }
  }
  if (s.includes(',')) {
    const [intPart, ...rest] = s.split('.');
    if (rest.length > 1 || !/^\d{1,3}(,\d{3})+$|^\d{1,4}(,\d{4})+$/.test(intPart)) return { ok: false, reason: 'not-a-number' };
    s = intPart.replace(/,/g, '') + (rest.length ? '.' + rest[0] : '');
  }
  if (!/^\d*\.?\d*$/.test(s) || s === '.' ) return { ok: false, reason: s === '' ? 'empty' : 'not-a-number' };
  const dec = decimalFromLiteral(s);
  if (!dec) return { ok: false, reason: 'not-a-number' };
  const value = shiftDecimal({ ...dec, neg: neg && dec.digits !== 0n }, power - (percent ? 2 : 0));
  return { ok: true, value, percent };
}

/** Units that may follow a quantity: 100件, 100 pcs, 2箱, 1.5kg. The unit is dropped, not converted. */
export const QUANTITY_UNITS: readonly string[] = [
  '件', '个', '只', '套', '台', '张', '箱', '包', '盒', '卷', '米', '条', '块', '根', '片', '支', '对', '批', '瓶', '袋',
  '桶', '把', '副', '组', '次', '本', '粒', '颗', '枚', '双', '托', '捆', '吨', '公斤', '千克', '克', '升', '平方', '平米',
  'pcs', 'pc', 'ea', 'set', 'sets', 'kg', 'g', 't', 'm', 'mm', 'cm', 'l', 'units', 'unit', 'nos',
];

function numberCell<T>(raw: GridValue): Parsed<T> | number | undefined {
  const fail = commonFailure<T>(raw);
  if (fail) return fail;
  if (typeof raw === 'boolean') return parsedFail('not-a-number');
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : parsedFail('not-a-number');
  return undefined;
}

/**
 * The largest quantity taken as one (a trillion units): beyond it a quantity is 'out-of-range'. Quantity × price
 * must stay exact in fen, and a cell such as 1e308 would otherwise reach the jobs as a quantity (and overflow).
 */
export const MAX_QUANTITY = 1e12;
const inRange = (q: number): Parsed<number> => (Math.abs(q) <= MAX_QUANTITY ? parsedOk(q) : parsedFail('out-of-range'));

/** A quantity: `1,200`, `1.2万`, `100件`, `100 pcs`, `１２０`. Negative quantities (returns) are allowed. */
export function parseQuantity(raw: GridValue): Parsed<number> {
  const pre = numberCell<number>(raw);
  if (typeof pre === 'number') return inRange(pre);
  if (pre) return pre;
  const r = parseNumericText(raw as string, { suffixes: QUANTITY_UNITS, multipliers: true });
  if (!r.ok) return parsedFail(r.reason);
  return inRange(decimalToNumber(r.value));
}

/** Words around a day count: 30天, 30 days, N30, Net 30, 账期30天. */
const INTEGER_PREFIXES: readonly string[] = ['net', 'n', '账期', '帐期', '付款期', '期限', '信用期'];
const INTEGER_SUFFIXES: readonly string[] = ['天', '日', '个月', '月', 'days', 'day', 'd', '次', '个', '件', '年'];

/** How payment terms count their days. */
export type TermsBasis = 'invoice' | 'month-end' | 'delivery';

export interface PaymentTerms {
  days: number;
  /** invoice: from the invoice date (票到, N30, plain 30天); month-end: 月结; delivery: 货到. */
  basis: TermsBasis;
}

const TERMS_BASIS: ReadonlyArray<[RegExp, TermsBasis]> = [
  [/^(月结|月底结|月末结|eom|月结后?)/i, 'month-end'],
  [/^(货到|到货|收货后?|验收后?)/, 'delivery'],
  [/^(票到|见票|开票后?|收票后?|发票后?)/, 'invoice'],
];

function integerText(text: string): Parsed<number> {
  const r = parseNumericText(text, { prefixes: INTEGER_PREFIXES, suffixes: INTEGER_SUFFIXES, multipliers: true });
  if (!r.ok) return parsedFail(r.reason);
  if (!isIntegerDecimal(r.value)) return parsedFail('out-of-range');
  const n = decimalToNumber(r.value);
  return Number.isSafeInteger(n) ? parsedOk(n === 0 ? 0 : n) : parsedFail('out-of-range');
}

/**
 * Payment terms: `30`, `30天`, `N30`, `月结30天` (30 days after the month's statement), `票到60天`, `货到30天`,
 * `货到付款`/`现金`/`款到发货` (0 days, on delivery / in advance).
 */
export function parsePaymentTerms(raw: GridValue): Parsed<PaymentTerms> {
  const pre = numberCell<PaymentTerms>(raw);
  if (typeof pre === 'number') return Number.isSafeInteger(pre) && pre >= 0 ? parsedOk({ days: pre, basis: 'invoice' }) : parsedFail('out-of-range');
  if (pre) return pre;
  const whole = compactText(raw as string);
  if (/^(货到付款|款到发货|现金|现结|预付|预付款|先款后货|cod|cash)$/i.test(whole)) return parsedOk({ days: 0, basis: 'delivery' });
  let s = whole.replace(/(内付款|付款|付清|结算|支付|内)$/u, '');
  let basis: TermsBasis = 'invoice';
  for (const [re, b] of TERMS_BASIS) {
    const m = re.exec(s);
    if (m) {
      basis = b;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (basis !== 'invoice' && s === '') return parsedOk({ days: 0, basis });
  const n = integerText(s);
  if (!n.ok) return parsedFail(n.reason);
  return n.value < 0 ? parsedFail('out-of-range') : parsedOk({ days: n.value, basis });
}

/**
 * A whole number: `30`, `30天`, `30 days`, `N30`. A fraction is 'out-of-range'. Payment terms written with their
 * basis (`月结30天`, `票到60天`, `货到30天`) give their day count; parsePaymentTerms keeps the basis too.
 */
export function parseInteger(raw: GridValue): Parsed<number> {
  const pre = numberCell<number>(raw);
  if (typeof pre === 'number') return Number.isSafeInteger(pre) ? parsedOk(pre === 0 ? 0 : pre) : parsedFail('out-of-range');
  if (pre) return pre;
  const plain = integerText(raw as string);
  if (plain.ok || plain.reason !== 'not-a-number') return plain;
  const terms = parsePaymentTerms(raw);
  return terms.ok ? parsedOk(terms.value.days) : plain;
}
