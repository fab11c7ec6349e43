/**
 * The one table of built-in number formats and the one classifier every reader goes through (issue 20, item 2).
 * The expected codes are copied by hand from ECMA-376 Part 1, §18.8.30 (the "all languages" list and the zh-cn
 * list), and the expected kinds worked out by hand from what each code shows; none is computed by the code.
 */
import { builtinFormatCode, formatKind, gridFormat, isDateFormat, isPercentFormat, type FormatKind } from '../../../src/core/values/number-format';

// [id, formatCode in §18.8.30, what it shows]
const SPEC: [number, string, FormatKind][] = [
  [0, 'General', 'general'],
  [1, '0', 'number'],
  [2, '0.00', 'number'],
  [3, '#,##0', 'number'],
  [4, '#,##0.00', 'number'],
  [9, '0%', 'percent'],
  [10, '0.00%', 'percent'],
  [11, '0.00E+00', 'number'],
  [12, '# ?/?', 'number'],
  [13, '# ??/??', 'number'],
  [14, 'mm-dd-yy', 'date'],
  [15, 'd-mmm-yy', 'date'],
  [16, 'd-mmm', 'date'],
  [17, 'mmm-yy', 'date'],
  [18, 'h:mm AM/PM', 'time'],
  [19, 'h:mm:ss AM/PM', 'time'],
  [20, 'h:mm', 'time'],
  [21, 'h:mm:ss', 'time'],
  [22, 'm/d/yy h:mm', 'date'],
  [27, 'yyyy"年"m"月"', 'date'],
  [28, 'm"月"d"日"', 'date'],
  [29, 'm"月"d"日"', 'date'],
  [30, 'm-d-yy', 'date'],
  [31, 'yyyy"年"m"月"d"日"', 'date'],
  [32, 'h"时"mm"分"', 'time'],
  [33, 'h"时"mm"分"ss"秒"', 'time'],
  [34, '上午/下午 h"时"mm"分"', 'time'],
  [35, '上午/下午 h"时"mm"分"ss"秒"', 'time'],
  [36, 'yyyy"年"m"月"', 'date'],
  [37, '#,##0 ;(#,##0)', 'number'],
  [38, '#,##0 ;[Red](#,##0)', 'number'],
  [39, '#,##0.00 ;(#,##0.00)', 'number'],
  [40, '#,##0.00 ;[Red](#,##0.00)', 'number'],
  [45, 'mm:ss', 'time'],
  [46, '[h]:mm:ss', 'time'],
  [47, 'mmss.0', 'time'],
  [48, '##0.0E+0', 'number'],
  [49, '@', 'text'],
  [50, 'yyyy"年"m"月"', 'date'],
  [51, 'm"月"d"日"', 'date'],
  [52, 'yyyy"年"m"月"', 'date'],
  [53, 'm"月"d"日"', 'date'],
  [54, 'm"月"d"日"', 'date'],
  [55, '上午/下午 h"时"mm"分"', 'time'],
  [56, '上午/下午 h"时"mm"分"ss"秒"', 'time'],
  [57, 'yyyy"年"m"月"', 'date'],
  [58, 'm"月"d"日"', 'date'],
];
// Ids the list leaves out: the file always spells these formats out in a numFmt element.
const NOT_BUILT_IN = [5, 6, 7, 8, 23, 24, 25, 26, 41, 42, 43, 44, 59, 163];

describe('the built-in formats, id by id', () => {
  test('the list covers every id from 0 to 58 that the standard defines, and no other', () => {
    const ids = SPEC.map(([id]) => id);
    for (let id = 0; id <= 58; id++) expect([id, ids.includes(id) || NOT_BUILT_IN.includes(id)]).toEqual([id, true]);
  });

  test.each(SPEC)('id %i is %p, a %s format', (id, code, kind) => {
    expect(builtinFormatCode(id)).toBe(code);
    expect(formatKind(builtinFormatCode(id))).toBe(kind);
    expect(isDateFormat(builtinFormatCode(id))).toBe(kind === 'date');
    expect(isPercentFormat(builtinFormatCode(id))).toBe(kind === 'percent');
  });

  test.each(NOT_BUILT_IN)('id %i is not built in', (id) => {
    expect(builtinFormatCode(id)).toBeUndefined();
  });
});

describe('format codes as Excel, ExcelJS and LibreOffice hand them over', () => {
  test.each<[string | null | undefined, FormatKind]>([
    [undefined, 'general'],
    ['', 'general'],
    ['GENERAL', 'general'],
    ['yyyy/m/d', 'date'],
    ['[$-804]yyyy"年"m"月"d"日";@', 'date'],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', 'date'],
    ['[$-F800]dddd, mmmm dd, yyyy', 'date'],
    ['yyyy/m/d h:mm', 'date'],
    ['m/d/yy "h":mm', 'date'],
    ['[$-409]h:mm AM/PM;@', 'time'],
    ['[h]:mm', 'time'],
    ['"¥"#,##0.00', 'number'],
    ['#,##0.00_);[Red](#,##0.00)', 'number'],
    ['_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', 'number'],
    ['0"天"', 'number'],
    ['0.0%', 'percent'],
    ['[Red]0.00%', 'percent'],
    ['0"%"', 'number'],
    ['@', 'text'],
  ])('%p → %s', (code, kind) => {
    expect(formatKind(code)).toBe(kind);
  });

  test('a Grid keeps no format for General, whatever its case', () => {
    expect([gridFormat('General'), gridFormat('general'), gridFormat(undefined), gridFormat(''), gridFormat('0.00')]).toEqual([null, null, null, null, '0.00']);
  });
});
