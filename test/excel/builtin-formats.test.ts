/**
 * The Office.js reader hands over Excel's format codes (Range.numberFormat), not ids; they are classified by the
 * same classifier as the file readers' (issue 20, item 2). Here the codes zh-CN Excel shows for the built-in date
 * and time formats (ids 14, 22, 31–36, 57, 58), typed by hand, read through ExcelHost on the simulator, give the
 * same typed dates as the .xlsx readers do for those ids (test/xlsx/builtin-formats.test.ts).
 */
import { ExcelHost } from '../../src/excel';
import { emptyGrid } from '../../src/core/grid';
import { parseDate } from '../../src/core/values/parse';
import { simFromGrids } from '../../src/office-sim';

// [built-in id, the code zh-CN Excel shows for it, a date format (else a time of day)]
const CODES: [number, string, boolean][] = [
  [14, 'yyyy/m/d', true],
  [22, 'yyyy/m/d h:mm', true],
  [31, 'yyyy"年"m"月"d"日"', true],
  [32, 'h"时"mm"分"', false],
  [33, 'h"时"mm"分"ss"秒"', false],
  [34, '上午/下午h"时"mm"分"', false],
  [35, '上午/下午h"时"mm"分"ss"秒"', false],
  [36, 'yyyy"年"m"月"', true],
  [57, 'yyyy"年"m"月"', true],
  [58, 'm"月"d"日"', true],
];
// 1950-01-01 (too early to be taken for a date without a date format) and 2024-03-05 18:00.
const OLD_DAY = 18264;
const RECENT_EVENING = 45356.75;

test('Excel’s codes for the built-in date and time formats give the dates the file readers give', async () => {
  const g = emptyGrid('出货日期');
  g.values = [['格式', '日期', '出货时间'], ...CODES.map(([id]) => [id, OLD_DAY, RECENT_EVENING])];
  g.formats = [[null, null, null], ...CODES.map(([, code]) => [null, code, code])];
  const sim = simFromGrids([g]);
  const { grids } = await new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported }).readWorkbook();
  const read = grids[0];
  const typed = (r: number, c: number) => {
    const p = parseDate(read.values[r][c], read.formats[r]?.[c] ?? null, { date1904: false });
    return p.ok ? p.value : p.reason;
  };
  expect(CODES.map((_, i) => [read.values[i + 1][0], read.formats[i + 1]?.[1], typed(i + 1, 1), typed(i + 1, 2)])).toEqual(
    CODES.map(([id, code, isDate]) => [id, code, isDate ? '1950-01-01' : 'not-a-date', '2024-03-05']),
  );
});
