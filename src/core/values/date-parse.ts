/**
 * Dates and months as clerks type them → ISO. Serial conversion itself lives only in dates.ts (design rule 4).
 */
import type { GridValue } from '../grid';
import { isGridError } from '../grid';
import { type IsoDate, type IsoMonth, type Parsed, asIsoMonth, parsedFail, parsedOk } from './brand';
import { isBlankCell } from './cell-text';
import { isValidYmd, monthOf, serialToIso, ymdToIso } from './dates';
import { isDateFormat } from './number-format';

export interface DateContext {
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** The year for dates written without one (3月5日); without it such dates are 'ambiguous-date'. */
  defaultYear?: number;
}

/** The largest serial Excel accepts (9999-12-31 in the 1900 system). */
const MAX_SERIAL = 2_958_465;
/** A number in a General-format cell is taken as a date serial only inside this range (1954-10-03 … 2119-01-10). */
const PLAUSIBLE_SERIAL_MIN = 20_000;
const PLAUSIBLE_SERIAL_MAX = 80_000;

const CN_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '十',
};

/** 二〇二四年三月五日 / 三月十五日 → 2024年3月5日 / 3月15日. */
function chineseNumeralsToDigits(s: string): string {
  if (!/[〇零一二三四五六七八九十]/.test(s)) return s;
  return s.replace(/[〇零一二三四五六七八九十]+/g, (run) => {
    const mapped = [...run].map((c) => CN_DIGITS[c]).join('');
    if (!mapped.includes('十')) return mapped;
    // 十 = 10, 十五 = 15, 二十 = 20, 二十五 = 25, 三十一 = 31
    const m = /^(\d?)十(\d?)$/.exec(mapped);
    if (!m) return run;
    return String((m[1] ? Number(m[1]) : 1) * 10 + (m[2] ? Number(m[2]) : 0));
  });
}

/** NFKC, no spaces around separators, a trailing time or weekday dropped. */
function normalizeDateText(text: string): string {
  let s = text.normalize('NFKC').trim();
  s = chineseNumeralsToDigits(s);
  // weekday: (周二) 星期二 周二 (Tue)
  s = s.replace(/\s*[(（]?(星期|礼拜|周)[1-7一二三四五六日天][)）]?\s*$/u, '');
  // time of day: 14:30, 14:30:05, 14:30:05.123, T14:30Z, 下午2:30, 14时30分
  s = s.replace(/(?:[T\s]+|(?<=日|号))(上午|下午|晚上|早上)?\d{1,2}(:\d{2}(:\d{2}(\.\d+)?)?|时(\d{1,2}分(\d{1,2}秒)?)?|点(\d{1,2}分?)?)\s*(z|[+-]\d{2}:?\d{2}|am|pm)?$/iu, '');
  return s.replace(/\s+/g, '');
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Jan, Sept, March, mar. → 1–12, or 0 when the word is not a month. */
export function monthFromName(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTH_NAMES.findIndex((name) => name.startsWith(w) || (w === 'sept' && name === 'september'));
  return i + 1;
}

const MON = '([a-z]{3,9}\\.?)';
const D_MON_Y = new RegExp(`^(\\d{1,2})[-/.]?${MON}[-/.,]?(\\d{4}|\\d{2})$`, 'i');
const MON_D_Y = new RegExp(`^${MON}[-/.]?(\\d{1,2})(?:st|nd|rd|th)?,?[-/.]?(\\d{4})$`, 'i');
const Y_MON_D = new RegExp(`^(\\d{4})[-/.]?${MON}[-/.]?(\\d{1,2})$`, 'i');
const MON_Y = new RegExp(`^${MON}[-/.,]?(\\d{4}|\\d{2})$`, 'i');
const Y_MON = new RegExp(`^(\\d{4})[-/.]?${MON}$`, 'i');

function checked(y: number, m: number, d: number): Parsed<IsoDate> {
  return isValidYmd(y, m, d) ? parsedOk(ymdToIso(y, m, d)) : parsedFail('not-a-date');
}

/** Text → date. See parseDate for the forms. */
export function parseDateText(text: string, ctx: DateContext): Parsed<IsoDate> {
  const s = normalizeDateText(text);
  if (s === '') return parsedFail('empty');
  let m: RegExpExecArray | null;
  // 2024年3月5日, 2024年3月5号, 24年3月5日, 2024年03月05
  if ((m = /^(\d{4}|\d{2})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s))) return checked(fullYear(m[1]), +m[2], +m[3]);
  // 3月5日 / 3月5号: the year comes from context
  if ((m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(s))) {
    if (ctx.defaultYear === undefined) return parsedFail('ambiguous-date');
    return checked(ctx.defaultYear, +m[1], +m[2]);
  }
  // 2024-3-5, 2024.3.5, 2024/03/05 (one separator throughout); ISO with T handled by the time strip above
  if ((m = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(s))) return checked(+m[1], +m[3], +m[4]);
  // 20240305
  if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) return checked(+m[1], +m[2], +m[3]);
  // d/m/yyyy or m/d/yyyy: only when one part is over 12 can the order be known
  if ((m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(s))) {
    const a = +m[1];
    const b = +m[3];
    const y = +m[4];
    if (a > 12 && b <= 12) return checked(y, b, a);
    if (b > 12 && a <= 12) return checked(y, a, b);
    if (a === b) return checked(y, a, b);
    return parsedFail(a > 12 && b > 12 ? 'not-a-date' : 'ambiguous-date');
  }
  // 24.3.5 / 24-03-05: a two-digit year first, the way Chinese ledgers abbreviate. With / it could be d/m/yy or m/d/yy.
  if ((m = /^(\d{2})([-./])(\d{1,2})\2(\d{1,2})$/.exec(s))) {
    if (m[2] === '/') return parsedFail('ambiguous-date');
    return checked(2000 + +m[1], +m[3], +m[4]);
  }
  // English month names: 5-Mar-2024, 05-Mar-24, 5March2024, Mar5,2024, March 5th 2024, 2024-Mar-05 (spaces are gone here)
  const named = (y: string, mon: string, d: string): Parsed<IsoDate> => {
    const mo = monthFromName(mon);
    return mo ? checked(fullYear(y), mo, +d) : parsedFail('not-a-date');
  };
  if ((m = D_MON_Y.exec(s))) return named(m[3], m[2], m[1]);
  if ((m = MON_D_Y.exec(s))) return named(m[3], m[1], m[2]);
  if ((m = Y_MON_D.exec(s))) return named(m[1], m[2], m[3]);
  // A month alone (2024年3月, 2024-03) is not a day.
  return parsedFail('not-a-date');
}

/** A serial (in the workbook's date system) → ISO, or null when it names no day. */
function serialDate(n: number, ctx: DateContext): IsoDate | null {
  if (n < 0 || n > MAX_SERIAL) return null;
  return serialToIso(n, ctx.date1904);
}

/** An 8-digit number such as 20240305 → ISO, or null. */
function ymdNumber(n: number): IsoDate | null {
  if (!Number.isInteger(n) || n < 10000101 || n > 99991231) return null;
  const y = Math.floor(n / 10000);
  const mo = Math.floor(n / 100) % 100;
  const d = n % 100;
  return isValidYmd(y, mo, d) ? ymdToIso(y, mo, d) : null;
}

/**
 * A date cell → ISO.
 * Numbers: an Excel serial when the format is a date format, or when the number is a plausible serial
 * (20000–80000, 1954–2119); an 8-digit number such as 20240305 is read as yyyymmdd.
 * Text: 2024年3月5日, 2024年3月5号, 二〇二四年三月五日, 2024.3.5, 2024/03/05, 2024-3-5, 20240305, ２０２４年３月５日,
 * 24.3.5, 5-Mar-2024, Mar 5, 2024, 3月5日 (year from ctx.defaultYear, else 'ambiguous-date'), with an optional
 * trailing time or weekday.
 * 03/05/2024 and 05/03/24 → 'ambiguous-date'; 2024-02-30 or a bare month → 'not-a-date'.
 */
export function parseDate(raw: GridValue, numberFormat: string | null, ctx: DateContext): Parsed<IsoDate> {
  if (isBlankCell(raw)) return parsedFail('empty');
  if (isGridError(raw)) return parsedFail('formula-error');
  if (typeof raw === 'boolean') return parsedFail('not-a-date');
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return parsedFail('not-a-date');
    if (isDateFormat(numberFormat)) {
      const iso = serialDate(raw, ctx);
      return iso ? parsedOk(iso) : parsedFail('not-a-date');
    }
    const ymd = ymdNumber(raw);
    if (ymd) return parsedOk(ymd);
    if (raw >= PLAUSIBLE_SERIAL_MIN && raw < PLAUSIBLE_SERIAL_MAX) {
      const iso = serialDate(raw, ctx);
      if (iso) return parsedOk(iso);
    }
    return parsedFail('not-a-date');
  }
  return parseDateText(raw as string, ctx);
}

/**
 * A month: 2024年3月, 2024年3月份, 2024-03, 2024.3, 2024/3, 202403, 24年3月, Mar-24, March 2024; a full date (text or serial)
 * gives its month;
 * 3月 takes ctx.defaultYear when given.
 */
export function parseMonth(raw: GridValue, numberFormat: string | null = null, ctx: DateContext = { date1904: false }): Parsed<IsoMonth> {
  if (isBlankCell(raw)) return parsedFail('empty');
  if (isGridError(raw)) return parsedFail('formula-error');
  if (typeof raw === 'boolean') return parsedFail('not-a-date');
  const month = (y: number, mo: number): Parsed<IsoMonth> =>
    y >= 1 && y <= 9999 && mo >= 1 && mo <= 12
      ? parsedOk(asIsoMonth(`${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}`))
      : parsedFail('not-a-date');
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 100001 && raw <= 999912 && !isDateFormat(numberFormat)) {
      return month(Math.floor(raw / 100), raw % 100);
    }
    const d = parseDate(raw, numberFormat, ctx);
    return d.ok ? parsedOk(monthOf(d.value)) : parsedFail(d.reason);
  }
  const s = normalizeDateText(raw as string);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4}|\d{2})年(\d{1,2})月份?$/.exec(s))) return month(fullYear(m[1]), +m[2]);
  if ((m = /^(\d{4})[-./](\d{1,2})$/.exec(s))) return month(+m[1], +m[2]);
  if ((m = /^(\d{4})(\d{2})$/.exec(s))) return month(+m[1], +m[2]);
  if ((m = MON_Y.exec(s)) && monthFromName(m[1])) return month(fullYear(m[2]), monthFromName(m[1]));
  if ((m = Y_MON.exec(s)) && monthFromName(m[2])) return month(+m[1], monthFromName(m[2]));
  if ((m = /^(\d{1,2})月份?$/.exec(s))) {
    if (ctx.defaultYear === undefined) return parsedFail('ambiguous-date');
    return month(ctx.defaultYear, +m[1]);
  }
  const d = parseDateText(s, ctx);
  return d.ok ? parsedOk(monthOf(d.value)) : parsedFail(d.reason);
}
