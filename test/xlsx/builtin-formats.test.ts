/**
 * One workbook whose date cells name built-in number formats by id only (no numFmt element, as Excel writes them),
 * read by the fast reader and by the ExcelJS fallback, each forced and each checked to be the one that ran: both
 * give the same format codes and the same typed dates (issue 20, item 2). ExcelJS on its own returns no format
 * for the zh-CN ids (27–36, 50–58), so without core's table the fallback read 1950年1月1日 as a bare number.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Grid } from '../../src/core/grid';
import { parseDate } from '../../src/core/values/parse';
import { teachExcelJsBuiltinFormats } from '../../src/xlsx/exceljs-formats';
import { XlsxHost } from '../../src/xlsx/host';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';

// [numFmtId, its code in ECMA-376 §18.8.30 (zh-cn list for 27–36, 50–58), a date format (else a time of day)]
const CELLS: [number, string, boolean][] = [
  [14, 'mm-dd-yy', true],
  [22, 'm/d/yy h:mm', true],
  [31, 'yyyy"年"m"月"d"日"', true],
  [32, 'h"时"mm"分"', false],
  [33, 'h"时"mm"分"ss"秒"', false],
  [34, '上午/下午 h"时"mm"分"', false],
  [35, '上午/下午 h"时"mm"分"ss"秒"', false],
  [36, 'yyyy"年"m"月"', true],
  [57, 'yyyy"年"m"月"', true],
  [58, 'm"月"d"日"', true],
];
// 1950-01-01 (outside the range where a bare number is taken for a date) and 2024-03-05 18:00.
const OLD_DAY = 18264;
const RECENT_EVENING = 45356.75;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook built part by part: xf i+1 names CELLS[i]'s id, and row i+2 holds the two serials in that style. */
function workbook(): Buffer {
  const w = new ZipWriter();
  w.add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  );
  w.add('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  w.add('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="出货日期" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  w.add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...CELLS.map(([id]) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  w.add(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  const rows = CELLS.map(([id], i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${id}</v></c><c r="B${i + 2}" s="${i + 1}"><v>${OLD_DAY}</v></c><c r="C${i + 2}" s="${i + 1}"><v>${RECENT_EVENING}</v></c></row>`);
  w.add(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>格式</t></is></c><c r="B1" t="inlineStr"><is><t>日期</t></is></c><c r="C1" t="inlineStr"><is><t>出货时间</t></is></c></row>' +
      `${rows.join('')}</sheetData></worksheet>`,
  );
  return w.finish();
}

async function read(forceExcelJs: boolean): Promise<{ reader: string | null; grid: Grid }> {
  const host = await XlsxHost.open(workbook(), 'builtin.xlsx');
  host.forceExcelJs = forceExcelJs;
  const { grids } = await host.readWorkbook();
  return { reader: host.reader, grid: grids[0] };
}

/** Per row: [id, format of B, typed date of B, typed date of C] (a reason where no date). */
function typed(grid: Grid) {
  const ctx = { date1904: false };
  const at = (r: number, c: number) => {
    const p = parseDate(grid.values[r][c], grid.formats[r]?.[c] ?? null, ctx);
    return p.ok ? p.value : p.reason;
  };
  return CELLS.map((_, i) => [grid.values[i + 1][0], grid.formats[i + 1]?.[1] ?? null, at(i + 1, 1), at(i + 1, 2)]);
}

// By hand: a date format makes 18264 the day 1950-01-01; a time-of-day format does not, and 18264 is too small
// to be taken for a date on its own. 45356.75 is a date either way (a bare number in the plausible range).
const EXPECTED = CELLS.map(([id, code, isDate]) => [id, code, isDate ? '1950-01-01' : 'not-a-date', '2024-03-05']);

test('the fast reader reads the built-in ids through the one table', async () => {
  const { reader, grid } = await read(false);
  expect(reader).toBe('fast');
  expect(typed(grid)).toEqual(EXPECTED);
});

test('the ExcelJS fallback gives the same formats and the same dates', async () => {
  const { reader, grid } = await read(true);
  expect(reader).toBe('exceljs');
  expect(typed(grid)).toEqual(EXPECTED);
});

test('what ExcelJS writes is unchanged by what it was taught: a zh-CN date code stays spelled out in the file', async () => {
  teachExcelJsBuiltinFormats();
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet('出货').getCell('A1');
  cell.value = RECENT_EVENING;
  cell.numFmt = 'm"月"d"日"';
  const styles = ZipReader.open(Buffer.from(await wb.xlsx.writeBuffer())).text('xl/styles.xml') ?? '';
  // Written by id 58 alone, the date would show differently in an Excel of another language.
  expect(styles).toMatch(/<numFmt numFmtId="(\d+)" formatCode="m&quot;月&quot;d&quot;日&quot;"\/>/);
  expect(Number(/<numFmt numFmtId="(\d+)" formatCode="m&quot;月/.exec(styles)?.[1])).toBeGreaterThanOrEqual(164);
});

test('a real workbook dated with id 31 (2020年销售数据): both readers see the same formats, 1,945 dates in 年月日', async () => {
  const buf = readFileSync(join(__dirname, '..', '..', '..', 'shared', 'real-books', 'books', 'zh09_2020年销售数据.xlsx'));
  const fast = await XlsxHost.open(buf, 'zh09.xlsx');
  const slow = await XlsxHost.open(buf, 'zh09.xlsx');
  slow.forceExcelJs = true;
  const [a, b] = [await fast.readWorkbook(), await slow.readWorkbook()];
  expect([fast.reader, slow.reader]).toEqual(['fast', 'exceljs']);
  const count = (grids: Grid[]) => grids.reduce((n, g) => n + g.formats.flat().filter((f) => f === 'yyyy"年"m"月"d"日"').length, 0);
  // Before ExcelJS learned the zh-CN ids, its reading had none of these formats (the cells were bare numbers).
  expect([count(a.grids), count(b.grids)]).toEqual([1945, 1945]);
  expect(b.grids.map((g) => g.formats)).toEqual(a.grids.map((g) => g.formats));
});
