/**
 * Number formats, the one place that knows them: SpreadsheetML's built-in formats by id, and what kind of value a
 * format code shows. Every reader goes through here — the .xlsx reader looks ids up in the table, the ExcelJS
 * fallback and Office.js hand over format codes — so a cell reads as the same date (or not) whichever read it.
 */

/**
 * The built-in formats (ECMA-376 Part 1, §18.8.30): an xf names one by numFmtId and the file holds no numFmt
 * element for it. Ids 27–36 and 50–58 mean different things in different display languages; these are their
 * zh-CN meanings, what the clerk's Excel shows. Ids the list leaves out (5–8, 23–26, 41–44) are always written out
 * in the file, so they are not here.
 */
const BUILTIN: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'], [11, '0.00E+00'],
  [12, '# ?/?'], [13, '# ??/??'], [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'], [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'],
  [27, 'yyyy"年"m"月"'], [28, 'm"月"d"日"'], [29, 'm"月"d"日"'], [30, 'm-d-yy'], [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'], [33, 'h"时"mm"分"ss"秒"'], [34, '上午/下午 h"时"mm"分"'], [35, '上午/下午 h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00 ;(#,##0.00)'], [40, '#,##0.00 ;[Red](#,##0.00)'],
  [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'], [49, '@'],
  [50, 'yyyy"年"m"月"'], [51, 'm"月"d"日"'], [52, 'yyyy"年"m"月"'], [53, 'm"月"d"日"'], [54, 'm"月"d"日"'],
  [55, '上午/下午 h"时"mm"分"'], [56, '上午/下午 h"时"mm"分"ss"秒"'], [57, 'yyyy"年"m"月"'], [58, 'm"月"d"日"'],
]);

/** The format code of a built-in numFmtId, or undefined for an id the list does not define. */
export function builtinFormatCode(id: number): string | undefined {
  return BUILTIN.get(id);
}

/** Every built-in id with its code (for a reader that must teach another library the same table). */
export function builtinFormats(): ReadonlyMap<number, string> {
  return BUILTIN;
}

/**
 * What a format code shows: a date (with or without a time of day), a time of day or a duration, a percent, text,
 * another number format, or General (no format at all).
 */
export type FormatKind = 'general' | 'date' | 'time' | 'percent' | 'text' | 'number';

/** General (any case) or no code: the cell has no format of its own. */
export function isGeneralFormat(code: string | null | undefined): boolean {
  return !code || /^\s*general\s*$/i.test(code);
}

/** The format a Grid keeps for a cell: the code, or null for General (a reader's "no format"). */
export function gridFormat(code: string | null | undefined): string | null {
  return code && !isGeneralFormat(code) ? code : null;
}

const kindMemo = new Map<string, FormatKind>();

/**
 * The kind of a format code. Quoted text, `\x` escapes, `_x`/`*x` padding and `[...]` sections (colours, locales
 * such as [$-804], [DBNum1]; elapsed-time [h]) are ignored, and only the first section counts for dates and
 * times. A date has a year or day code, or a month code without hours or seconds; a time has hours or seconds
 * (so `h:mm`, `mm:ss` and `[h]:mm` are times, not dates); `e` is the era year of East Asian dates, but the exponent
 * in 0.00E+00. A percent shows `%` in any section.
 */
export function formatKind(code: string | null | undefined): FormatKind {
  if (isGeneralFormat(code)) return 'general';
  const fmt = code as string;
  const known = kindMemo.get(fmt);
  if (known !== undefined) return known;
  const kind = kindOf(fmt);
  if (kindMemo.size < 10_000) kindMemo.set(fmt, kind);
  return kind;
}

function kindOf(fmt: string): FormatKind {
  const f = fmt.trim();
  if (f === '@') return 'text';
  const unquoted = f.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  const plain = unquoted.replace(/[_*]./g, '');
  const first = plain.split(';')[0];
  const elapsed = /\[(h+|m+|s+)\]/i.test(first);
  const bare = first.replace(/\[[^\]]*\]/g, '').toLowerCase();
  if (/^general$/.test(bare)) return 'general';
  if (/[yd]/.test(bare)) return 'date';
  if (elapsed) return 'time';
  if (/e/.test(bare) && !/[0#?]/.test(bare)) return 'date';
  if (/m/.test(bare) && !/[hs]/.test(bare)) return 'date';
  if (/[hs]/.test(bare)) return 'time';
  if (/%/.test(unquoted)) return 'percent';
  if (/@/.test(bare)) return 'text';
  return 'number';
}

/** Is this a date (or date-and-time) format? A time of day alone or a duration is not. */
export function isDateFormat(code: string | null | undefined): boolean {
  return formatKind(code) === 'date';
}

/** Does this format show a percent (a `%` outside quotes)? */
export function isPercentFormat(code: string | null | undefined): boolean {
  return formatKind(code) === 'percent';
}
