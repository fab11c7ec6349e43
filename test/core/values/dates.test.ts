import fc from 'fast-check';
import { asIsoDate } from '../../../src/core/values/brand';
import { isoToSerial, serialToIso, ymdToIso } from '../../../src/core/values/dates';
import { isDateFormat, parseDate, parseMonth } from '../../../src/core/values/parse';

const ok = (value: string) => ({ ok: true, value });
const fail = (reason: string) => ({ ok: false, reason });
const CTX = { date1904: false };
const CTX_2024 = { date1904: false, defaultYear: 2024 };

describe('Excel serials', () => {
  test.each<[number, boolean, string | null]>([
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, null], // Excel's phantom 1900-02-29
    [61, false, '1900-03-01'],
    [0, false, null],
    [-1, false, null],
    [45356, false, '2024-03-05'],
    [45356.75, false, '2024-03-05'],
    [2958465, false, '9999-12-31'],
    [0, true, '1904-01-01'],
    [1, true, '1904-01-02'],
    [43894, true, '2024-03-05'],
    [-1, true, null],
  ])('serial %p (1904: %p) → %p', (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });

  test('isoToSerial', () => {
    expect(isoToSerial(asIsoDate('1900-01-01'))).toBe(1);
    expect(isoToSerial(asIsoDate('1900-02-28'))).toBe(59);
    expect(isoToSerial(asIsoDate('1900-03-01'))).toBe(61);
    expect(isoToSerial(asIsoDate('2024-03-05'))).toBe(45356);
    expect(isoToSerial(asIsoDate('9999-12-31'))).toBe(2958465);
  });

  test('serial → ISO → serial round trips for every real day (1900 system)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60), (s) => isoToSerial(serialToIso(s)!) === s),
      { numRuns: 3000 },
    );
  });

  test('ISO → serial → ISO round trips, and the 1904 system is 1462 days behind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1904, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const iso = ymdToIso(y, m, d);
        const serial = isoToSerial(iso);
        return serialToIso(serial) === iso && serialToIso(serial - 1462, true) === iso;
      }),
    );
  });
});

describe('parseDate from text', () => {
  test.each<[string, unknown]>([
    ['2024年3月5日', ok('2024-03-05')],
    ['2024年03月05日', ok('2024-03-05')],
    ['2024年3月5号', ok('2024-03-05')],
    ['2024年3月5', ok('2024-03-05')],
    ['24年3月5日', ok('2024-03-05')],
    ['２０２４年３月５日', ok('2024-03-05')],
    ['二〇二四年三月五日', ok('2024-03-05')],
    ['二〇二四年十二月三十一日', ok('2024-12-31')],
    ['2024.3.5', ok('2024-03-05')],
    ['2024/03/05', ok('2024-03-05')],
    ['2024-3-5', ok('2024-03-05')],
    ['2024-03-05', ok('2024-03-05')],
    ['20240305', ok('2024-03-05')],
    ['２０２４／０３／０５', ok('2024-03-05')],
    ['2024 年 3 月 5 日', ok('2024-03-05')],
    ['24.3.5', ok('2024-03-05')],
    ['24-03-05', ok('2024-03-05')],
    ['2024-03-05 14:30', ok('2024-03-05')],
    ['2024/3/5 8:05:09', ok('2024-03-05')],
    ['2024-03-05T14:30:00Z', ok('2024-03-05')],
    ['2024年3月5日 下午2:30', ok('2024-03-05')],
    ['2024年3月5日14时30分', ok('2024-03-05')],
    ['2024年3月5日（周二）', ok('2024-03-05')],
    ['2024年3月5日 星期二', ok('2024-03-05')],
    ['2024-02-29', ok('2024-02-29')],
    ['5-Mar-2024', ok('2024-03-05')],
    ['05-Mar-24', ok('2024-03-05')],
    ['5 March 2024', ok('2024-03-05')],
    ['Mar 5, 2024', ok('2024-03-05')],
    ['March 5th, 2024', ok('2024-03-05')],
    ['Sept. 30, 2024', ok('2024-09-30')],
    ['2024-Mar-05', ok('2024-03-05')],
    ['30-Feb-2024', fail('not-a-date')],
    ['5-Foo-2024', fail('not-a-date')],
    ['25/03/2024', ok('2024-03-25')],
    ['03/25/2024', ok('2024-03-25')],
    ['05/05/2024', ok('2024-05-05')],
    ['03/05/2024', fail('ambiguous-date')],
    ['05/03/24', fail('ambiguous-date')],
    ['3月5日', fail('ambiguous-date')],
    ['2024-02-30', fail('not-a-date')],
    ['2023-02-29', fail('not-a-date')],
    ['2024年13月1日', fail('not-a-date')],
    ['2024年3月', fail('not-a-date')],
    ['2024-03', fail('not-a-date')],
    ['20240230', fail('not-a-date')],
    ['下月初', fail('not-a-date')],
    ['见合同', fail('not-a-date')],
    ['', fail('empty')],
    ['-', fail('empty')],
  ])('%p → %p', (raw, expected) => {
    expect(parseDate(raw, null, CTX)).toEqual(expected);
  });

  test('3月5日 takes the year from the context', () => {
    expect(parseDate('3月5日', null, CTX_2024)).toEqual(ok('2024-03-05'));
    expect(parseDate('３月５号', null, CTX_2024)).toEqual(ok('2024-03-05'));
    expect(parseDate('2月30日', null, CTX_2024)).toEqual(fail('not-a-date'));
  });
});

describe('parseDate from numbers', () => {
  test.each<[unknown, string | null, boolean, unknown]>([
    [45356, 'yyyy-mm-dd', false, ok('2024-03-05')],
    [45356, 'yyyy"年"m"月"d"日"', false, ok('2024-03-05')],
    [45356.5, 'yyyy/m/d h:mm', false, ok('2024-03-05')],
    [45356, null, false, ok('2024-03-05')],
    [45356, 'General', false, ok('2024-03-05')],
    [43894, 'yyyy-mm-dd', true, ok('2024-03-05')],
    [0, 'yyyy-mm-dd', true, ok('1904-01-01')],
    [20240305, null, false, ok('2024-03-05')],
    [20240305, '0', false, ok('2024-03-05')],
    [60, 'yyyy-mm-dd', false, fail('not-a-date')],
    [59, 'yyyy-mm-dd', false, ok('1900-02-28')],
    [61, 'yyyy-mm-dd', false, ok('1900-03-01')],
    [61, null, false, fail('not-a-date')], // a small number in a General cell is not a date
    [1234.5, '#,##0.00', false, fail('not-a-date')],
    [20240230, null, false, fail('not-a-date')],
    [3e6, 'yyyy-mm-dd', false, fail('not-a-date')],
    [true, null, false, fail('not-a-date')],
    [null, 'yyyy-mm-dd', false, fail('empty')],
    [{ error: '#N/A' }, 'yyyy-mm-dd', false, fail('formula-error')],
  ])('%p (format %p, 1904 %p) → %p', (raw, fmt, date1904, expected) => {
    expect(parseDate(raw as never, fmt, { date1904 })).toEqual(expected);
  });
});

describe('parseMonth', () => {
  test.each<[unknown, unknown]>([
    ['2024年3月', ok('2024-03')],
    ['2024年3月份', ok('2024-03')],
    ['２０２４年３月', ok('2024-03')],
    ['24年3月', ok('2024-03')],
    ['2024-03', ok('2024-03')],
    ['2024.3', ok('2024-03')],
    ['2024/3', ok('2024-03')],
    ['202403', ok('2024-03')],
    [202403, ok('2024-03')],
    [45356, ok('2024-03')],
    ['2024-03-05', ok('2024-03')],
    ['2024年3月5日', ok('2024-03')],
    ['Mar-24', ok('2024-03')],
    ['March 2024', ok('2024-03')],
    ['2024-Mar', ok('2024-03')],
    ['Foo-24', fail('not-a-date')],
    ['2024年13月', fail('not-a-date')],
    ['202413', fail('not-a-date')],
    ['3月', fail('ambiguous-date')],
    ['', fail('empty')],
    [{ error: '#REF!' }, fail('formula-error')],
  ])('%p → %p', (raw, expected) => {
    expect(parseMonth(raw as never)).toEqual(expected);
  });

  test('a month alone takes the context year; a date serial uses the workbook date system', () => {
    expect(parseMonth('3月', null, CTX_2024)).toEqual(ok('2024-03'));
    expect(parseMonth(43894, 'yyyy-mm', { date1904: true })).toEqual(ok('2024-03'));
  });
});

describe('isDateFormat', () => {
  test.each<[string | null, boolean]>([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m/d/yy', true],
    ['[$-804]yyyy/m/d', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['mmm-yy', true],
    ['yyyy"年"m"月"', true],
    ['d-mmm', true],
    ['yyyy/m/d h:mm', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['[Red]yyyy-mm-dd;@', true],
    ['0.00', false],
    ['#,##0', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['@', false],
    ['General', false],
    [null, false],
    ['', false],
    ['[h]:mm', false],
    ['[h]:mm:ss', false],
    ['h:mm', false],
    ['h:mm:ss AM/PM', false],
    ['0.00E+00', false],
    ['[Red]0.00', false],
    ['0%', false],
    ['"¥"#,##0.00', false],
    ['"days "0', false],
    ['0" days"', false],
    ['0"天"', false],
  ])('%p → %p', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('every text form of a date parses back to it', () => {
  const fullWidth = (s: string) => s.replace(/[0-9./-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const cn = (n: number) => String(n).replace(/\d/g, (c) => '〇一二三四五六七八九'[Number(c)]);
  const cnSmall = (n: number) => (n < 10 ? cn(n) : n < 20 ? '十' + (n % 10 ? cn(n % 10) : '') : cn(Math.floor(n / 10)) + '十' + (n % 10 ? cn(n % 10) : ''));
  const pad = (n: number) => String(n).padStart(2, '0');

  test('property', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = ymdToIso(y, m, Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate()));
        const dd = Number(iso.slice(8));
        const forms = [
          `${y}年${m}月${dd}日`,
          `${y}年${pad(m)}月${pad(dd)}日`,
          `${y}年${m}月${dd}号`,
          `${y}.${m}.${dd}`,
          `${y}/${pad(m)}/${pad(dd)}`,
          `${y}-${m}-${dd}`,
          iso,
          `${y}${pad(m)}${pad(dd)}`,
          `${String(y).slice(2)}.${m}.${dd}`,
          fullWidth(`${y}年${m}月${dd}日`),
          fullWidth(iso),
          `${cn(y)}年${cnSmall(m)}月${cnSmall(dd)}日`,
          `${iso} 09:15`,
          `${iso}T09:15:00`,
        ];
        for (const f of forms) {
          const r = parseDate(f, null, CTX);
          if (!r.ok || r.value !== iso) throw new Error(`${f} → ${JSON.stringify(r)}, expected ${iso}`);
        }
        const serial = parseDate(isoToSerial(iso), 'yyyy-mm-dd', CTX);
        const yearless = parseDate(`${m}月${dd}日`, null, { date1904: false, defaultYear: y });
        const month = parseMonth(`${y}年${m}月`);
        return serial.ok && serial.value === iso && yearless.ok && yearless.value === iso && month.ok && month.value === iso.slice(0, 7);
      }),
      { numRuns: 500 },
    );
  });
});
