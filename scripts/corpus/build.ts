/**
 * Builds the bad-input corpus (issue 9): workbooks a clerk might really hand us, and some no one should.
 * Every file is made here, deterministically, so the corpus is reviewable as code rather than as binaries.
 * Usage: node bin/run-ts.js scripts/corpus/build.ts [outDir]   (default test/corpus/files)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { constants as Z, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';

export interface CorpusEntry {
  file: string;
  /** What is wrong with it, in a few words. */
  about: string;
  /** 'workbook': jobs must run (exit 0) and write sheets; 'refused': one clear message, exit 1, nothing written. */
  expect: 'workbook' | 'refused';
  /** Not a regular file (a folder, a pipe, a link to a device): its bytes cannot be compared, only its kind. */
  special?: true;
  /** Sheets of the clerk's that this file carries (for the "source unchanged" check). */
  build: (path: string) => Promise<void>;
}

type Row = (string | number | boolean | Date | null | { formula: string; result?: unknown } | { error: string })[];

async function book(path: string, fill: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'clerk-desk corpus';
  wb.created = new Date(Date.UTC(2026, 9, 31));
  wb.modified = wb.created;
  await fill(wb);
  await wb.xlsx.writeFile(path);
}

function sheet(wb: ExcelJS.Workbook, name: string, rows: Row[], top = 1): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(top + i, j + 1);
      if (typeof v === 'object' && !(v instanceof Date) && 'error' in v) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
      else cell.value = v as ExcelJS.CellValue;
    });
  });
  return ws;
}

const SHIP_HEAD = ['送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '数量', '含税单价', '金额', '备注'];
const shipRow = (i: number, overrides: Partial<Record<number, Row[number]>> = {}): Row => {
  const base: Row = [`2026-10-${String((i % 28) + 1).padStart(2, '0')}`, `DN${String(1000 + i).padStart(6, '0')}`, i % 2 ? '苏州华工精密模具有限公司' : '无锡锐达汽车部件有限公司', `HT-2026-${String(i % 7).padStart(3, '0')}`, `P-${100 + (i % 13)}`, '支架', 10 + i, 12.5, (10 + i) * 12.5, ''];
  for (const [k, v] of Object.entries(overrides)) base[Number(k)] = v as Row[number];
  return base;
};
const shipRows = (n: number) => Array.from({ length: n }, (_, i) => shipRow(i));

const STMT_HEAD = ['日期', '单号', '物料编码', '品名', '数量', '单价', '金额', '备注'];
const INV_HEAD = ['发票号码', '开票日期', '客户名称', '合同号', '价税合计', '税额', '税率'];
const REC_HEAD = ['收款日期', '客户名称', '回款金额', '发票号'];

async function zip(path: string, files: Record<string, string>): Promise<void> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content, { date: new Date(Date.UTC(2026, 9, 31)) });
  writeFileSync(path, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}


/** One entry of a hand-made zip: exactly the bytes and headers given, so damage can be planted on purpose. */
interface RawEntry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

const stored = (name: string, content: Buffer | string): RawEntry => {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, method: 0, data, crc: crc32(data), size: data.length };
};
const deflated = (name: string, content: Buffer | string): RawEntry => {
  const plain = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, method: 8, data: deflateRawSync(plain), crc: crc32(plain), size: plain.length };
};

/** A zip of the entries as given (duplicates, odd names and wrong sizes included). */
function rawZip(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(0x00210000, 12);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size >>> 0, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.data);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** The parts of a small, valid shipping workbook written by ExcelJS, in archive order. */
async function workbookParts(): Promise<[string, Buffer][]> {
  const wb = new ExcelJS.Workbook();
  sheet(wb, '出货', [SHIP_HEAD, ...shipRows(8)]);
  const z = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const names = Object.keys(z.files).filter((n) => !z.files[n].dir);
  return Promise.all(names.map(async (n): Promise<[string, Buffer]> => [n, await z.files[n].async('nodebuffer')]));
}

/** That workbook as a zip, with `alter` applied to its entries first. */
async function alteredWorkbook(path: string, alter: (entries: RawEntry[]) => RawEntry[]): Promise<void> {
  writeFileSync(path, rawZip(alter((await workbookParts()).map(([n, b]) => deflated(n, b)))));
}

const SHEET_PART = 'xl/worksheets/sheet1.xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** That workbook with some parts' text rewritten (and, if `rename` says so, moved). */
async function rewrittenWorkbook(path: string, rewrite: (name: string, xml: string) => string, rename: (name: string) => string = (n) => n): Promise<void> {
  const parts = await workbookParts();
  writeFileSync(path, rawZip(parts.map(([n, b]) => deflated(rename(n), /\.(xml|rels)$/.test(n) ? rewrite(n, b.toString('utf8')) : b))));
}

/** SpreadsheetML written the way other programs write it: x: prefixes, single quotes, CDATA, attributes on <v>. */
function otherWriterStyle(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN_NS}"`)) return xml;
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
    .replace(/(\s[\w:.-]+)="([^"'<]*)"/g, "$1='$2'")
    .replace(/<x:v>/g, '<x:v xml:space="preserve">')
    .replace(/<x:t>([^<&]*)<\/x:t>/g, '<x:t><![CDATA[$1]]></x:t>')
    .replace(/<x:sheetData>/, '<!-- written by another program --><?clerk-desk corpus?><x:sheetData>');
}

/**
 * A raw deflate stream that inflates to `copies` × `unit`, built without ever holding the inflated bytes: `unit`
 * is deflated once with a full flush (the block ends on a byte boundary and refers to nothing before it), repeated,
 * and closed with an empty final block.
 */
function repeatedDeflate(unit: Buffer, copies: number): Buffer {
  const block = deflateRawSync(unit, { level: 9, finishFlush: Z.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: copies }, () => block), last]);
}

/** A worksheet part that inflates to `copies` MiB of whitespace, valid XML between elements (a zip bomb's payload). */
function bombSheet(copies: number, declared: (real: number) => number): RawEntry {
  // One repeated byte deflates best (~1,030:1), which is what makes a 4 MB file several GB.
  const mib = Buffer.alloc(1 << 20, ' ');
  const real = copies * mib.length;
  // The CRC of the real payload is not needed: the reader refuses on the sizes long before a CRC could be checked.
  return { name: SHEET_PART, method: 8, data: repeatedDeflate(mib, copies), crc: 0, size: declared(real) };
}

/** The 8-byte signature of an OLE compound file (legacy .xls, and encrypted .xlsx). */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const CORPUS: CorpusEntry[] = [
  // ---- layout ----
  {
    file: 'merged-header-blocks.xlsx',
    about: 'two-row header with merged group cells 金额 over 含税/不含税 and 单价 over 含税/不含税',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货清单', [
          ['2026年10月出货清单'],
          ['送货日期', '送货单号', '客户', '物料编码', '数量', '单价', null, '金额', null],
          [null, null, null, null, null, '含税', '不含税', '含税', '不含税'],
          ...Array.from({ length: 20 }, (_, i): Row => ['2026-10-0' + ((i % 9) + 1), `DN${i}`, '华工精密', `P-${i}`, 5, 11.3, 10, 56.5, 50]),
        ]);
        ws.mergeCells('A1:I1');
        ws.mergeCells('F2:G2');
        ws.mergeCells('H2:I2');
        for (const c of ['A', 'B', 'C', 'D', 'E']) ws.mergeCells(`${c}2:${c}3`);
      }),
  },
  {
    file: 'subtotals-mid-table.xlsx',
    about: '小计 after each customer and 合计 at the end, in different columns',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5), ['小计', null, null, null, null, null, 60, null, 750], ...shipRows(5), [null, '本页小计', null, null, null, null, 60], ['合计', null, null, null, null, null, 120, null, 1500], ['制表：张三', null, '审核：李四']]);
      }),
  },
  { file: 'header-on-row-30.xlsx', about: 'a 29-row title and notes block above the header', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货清单', [...Array.from({ length: 29 }, (_, i): Row => [i === 0 ? '苏州某某精密机械有限公司' : `说明第${i}行：本表仅供对账使用`]), SHIP_HEAD, ...shipRows(12)])) },
  { file: 'duplicate-headers.xlsx', about: 'two 数量 columns and two 金额 columns', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [[...SHIP_HEAD, '数量', '金额'], ...shipRows(8).map((r) => [...r, 1, 2])])) },
  { file: 'empty-header-cells.xlsx', about: 'blank header cells between real ones, data under them', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [['送货日期', null, '客户名称', null, '物料编码', '数量', null, '金额'], ...shipRows(6).map((r) => [r[0], 'x', r[2], 'y', r[4], r[6], 'z', r[8]])])) },
  { file: 'no-header-row.xlsx', about: 'numbers only, no header anywhere', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, 'Sheet1', Array.from({ length: 30 }, (_, i): Row => [i, i * 2, i * 3]))) },
  { file: 'transposed-table.xlsx', about: 'field names down column A, records across', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', SHIP_HEAD.map((h, j): Row => [h, ...shipRows(4).map((r) => r[j])]))) },
  {
    file: 'merged-data-cells.xlsx',
    about: 'customer and date merged vertically over several data rows',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(9).map((r, i) => (i % 3 ? [null, r[1], null, ...r.slice(3)] : r))]);
        for (const top of [2, 5, 8]) {
          ws.mergeCells(`A${top}:A${top + 2}`);
          ws.mergeCells(`C${top}:C${top + 2}`);
        }
      }),
  },
  // ---- cell contents ----
  { file: 'all-text-numbers.xlsx', about: 'every amount and quantity typed as text: ¥1,234.50, 1.2万, （1,234.00）, １２３', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(10).map((r, i) => [...r.slice(0, 6), ['１２３', '1,200', '10件', '1.2万'][i % 4], ['¥12.50', '￥12.5元', '12.50'][i % 3], ['¥1,234.50', '(1,234.00)', '1.2万', '-1,234'][i % 4], r[9]])])) },
  { file: 'formula-errors.xlsx', about: '#N/A, #REF!, #DIV/0!, #VALUE! and #NAME? in every column', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6).map((r, i) => r.map((v, j) => ((i + j) % 3 === 0 ? { error: ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?'][(i + j) % 5] } : v)))])) },
  { file: 'long-cells-32767.xlsx', about: 'cells of 32,767 characters (Excel\u2019s maximum) in name and remarks', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(3).map((r) => [...r.slice(0, 5), '长'.repeat(32767), ...r.slice(6, 9), 'x'.repeat(32767)])])) },
  { file: 'emoji-rtl.xlsx', about: 'emoji, Arabic and Hebrew text, zero-width joiners in names and codes', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6).map((r, i) => [r[0], r[1], ['华工精密 🏭', 'شركة الاختبار', 'חברה בע״מ', '👨‍👩‍👧 家族企业'][i % 4], r[3], `P-${['😀', '\u200d', 'א', '١٢٣'][i % 4]}`, '支架🔧', ...r.slice(6)])])) },
  { file: 'extreme-numbers.xlsx', about: '1e308, -1e308, 9007199254740993, -0, tiny fractions, booleans where numbers belong', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6).map((r, i) => [...r.slice(0, 6), [1e308, -1e308, 2 ** 53 + 1, -0, 1e-12, true][i], r[7], [1e308, 0.005, 0.015, -0.005, 123456789012.345, false][i], r[9]])])) },
  {
    file: 'rich-text-and-formulas.xlsx',
    about: 'rich-text cells, formulas with cached results, a shared formula, hyperlink cells',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6)]);
        ws.getCell('C2').value = { richText: [{ text: '苏州华工', font: { bold: true } }, { text: '精密模具有限公司' }] };
        for (let r = 2; r <= 7; r++) ws.getCell(`I${r}`).value = { formula: `G${r}*H${r}`, result: (ws.getCell(`G${r}`).value as number) * 12.5 };
        ws.getCell('J3').value = { text: '见附件', hyperlink: 'https://example.invalid/x' };
      }),
  },
  // ---- dates ----
  { file: 'dates-before-1900.xlsx', about: '1899-12-31, 1850年1月1日, 0 and negative serials with a date format', expect: 'workbook', build: (p) => book(p, (wb) => { const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5).map((r, i) => [['1899-12-31', '1850年1月1日', 0, -5, '1900-01-00'][i], ...r.slice(1)])]); ws.getColumn(1).numFmt = 'yyyy-mm-dd'; }) },
  { file: 'serial-60.xlsx', about: 'serial 60 (Excel\u2019s phantom 1900-02-29), 59 and 61 with a date format', expect: 'workbook', build: (p) => book(p, (wb) => { const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(3).map((r, i) => [[59, 60, 61][i], ...r.slice(1)])]); ws.getColumn(1).numFmt = 'yyyy-mm-dd'; }) },
  {
    file: 'date-1904-system.xlsx',
    about: 'a workbook in the 1904 date system (Mac Excel of old)',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        wb.properties.date1904 = true;
        sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5).map((r, i) => [new Date(Date.UTC(2026, 9, i + 1)), ...r.slice(1)])]);
      }),
  },
  { file: 'ambiguous-dates.xlsx', about: '05/03/26, 3/5, 十月五日, 2026/13/01, 2026-02-30', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6).map((r, i) => [['05/03/26', '3/5', '十月五日', '2026/13/01', '2026-02-30', '10月5日'][i], ...r.slice(1)])])) },
  { file: 'far-future-dates.xlsx', about: '9999-12-31, serial 2958465 and 3000000 (past Excel\u2019s last day)', expect: 'workbook', build: (p) => book(p, (wb) => { const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(3).map((r, i) => [['9999-12-31', 2958465, 3000000][i], ...r.slice(1)])]); ws.getColumn(1).numFmt = 'yyyy-mm-dd'; }) },
  // ---- sheet conditions ----
  {
    file: 'hidden-rows-cols.xlsx',
    about: 'hidden rows inside the data and a hidden amount column',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(12)]);
        ws.getRow(4).hidden = true;
        ws.getRow(9).hidden = true;
        ws.getColumn(9).hidden = true;
      }),
  },
  {
    file: 'protected-sheet.xlsx',
    about: 'a protected source sheet (and a protected sheet named like our output)',
    expect: 'workbook',
    build: (p) =>
      book(p, async (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5)]);
        await ws.protect('secret', { selectLockedCells: true });
        const ours = sheet(wb, '账龄分析', [['这是业务员自己的表，不能被覆盖']]);
        await ours.protect('secret', {});
      }),
  },
  { file: 'zero-data-rows.xlsx', about: 'every kind\u2019s header, no data under any', expect: 'workbook', build: (p) => book(p, (wb) => { sheet(wb, '出货清单', [SHIP_HEAD]); sheet(wb, '对账单', [['苏州华工精密模具有限公司 对账单'], STMT_HEAD]); sheet(wb, '开票', [INV_HEAD]); sheet(wb, '回款', [REC_HEAD]); }) },
  { file: 'empty-workbook.xlsx', about: 'one sheet, not a single cell', expect: 'refused', build: (p) => book(p, (wb) => void wb.addWorksheet('Sheet1')) },
  { file: 'only-title.xlsx', about: 'a title and a date, no table', expect: 'workbook', build: (p) => book(p, (wb) => void sheet(wb, '出货清单', [['2026年10月出货清单'], ['制表日期：2026-11-01']])) },
  {
    file: 'hidden-sheets.xlsx',
    about: 'a hidden and a very hidden sheet holding data',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        sheet(wb, '出货', [SHIP_HEAD, ...shipRows(4)]);
        sheet(wb, '隐藏', [SHIP_HEAD, ...shipRows(2)]).state = 'hidden';
        sheet(wb, '深度隐藏', [['secret']]).state = 'veryHidden';
      }),
  },
  { file: 'many-sheets.xlsx', about: '150 small sheets', expect: 'workbook', build: (p) => book(p, (wb) => { for (let i = 0; i < 150; i++) sheet(wb, `出货${i + 1}`, [SHIP_HEAD, ...shipRows(2)]); }) },
  {
    file: 'sheet-names-special.xlsx',
    about: 'sheet names with quotes, spaces, brackets, 31 characters, emoji',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        sheet(wb, "O'Brien 出货 (10月)", [SHIP_HEAD, ...shipRows(3)]);
        sheet(wb, '出货清单出货清单出货清单出货清单出货清单出货清单出货清单出', [SHIP_HEAD, ...shipRows(3)]);
        sheet(wb, '🏭 发票', [INV_HEAD, ['00012345', '2026-10-01', '华工精密', 'HT-1', 1130, 130, '13%']]);
      }),
  },
  // ---- size limits ----
  {
    file: 'max-rows-1048576.xlsx',
    about: 'the used range reaches row 1,048,576 (a stray note in the last row)',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(20)]);
        ws.getCell('A1048576').value = '最后一行的备注';
      }),
  },
  {
    file: 'max-cols-16384.xlsx',
    about: 'a header row 16,384 columns wide (A … XFD)',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const header: Row = [...SHIP_HEAD, ...Array.from({ length: 16384 - SHIP_HEAD.length }, (_, i) => `列${i + 1}`)];
        sheet(wb, '宽表', [header, ...shipRows(3)]);
      }),
  },
  // ---- wrong or unreadable files ----
  { file: 'xls-renamed.xlsx', about: 'a legacy .xls (OLE compound file) renamed .xlsx', expect: 'refused', build: async (p) => writeFileSync(p, Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(1024)])) },
  { file: 'csv-renamed.xlsx', about: 'a CSV renamed .xlsx', expect: 'refused', build: async (p) => writeFileSync(p, '送货日期,送货单号,数量\n2026-10-01,DN1,5\n') },
  { file: 'txt-renamed.xlsx', about: 'a text note renamed .xlsx', expect: 'refused', build: async (p) => writeFileSync(p, '这不是表格，是一段说明。\n') },
  { file: 'zip-not-workbook.xlsx', about: 'a zip of two text files', expect: 'refused', build: (p) => zip(p, { 'readme.txt': 'hello', 'data/notes.txt': '对账说明' }) },
  { file: 'zip-docx-renamed.xlsx', about: 'a Word document container renamed .xlsx', expect: 'refused', build: (p) => zip(p, { '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', 'word/document.xml': '<w:document/>' }) },
  { file: 'password-protected.xlsx', about: 'an encrypted (password-protected) workbook: OLE container with EncryptionInfo', expect: 'refused', build: async (p) => writeFileSync(p, Buffer.concat([OLE_MAGIC, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(1024)])) },
  { file: 'empty-file.xlsx', about: 'zero bytes', expect: 'refused', build: async (p) => writeFileSync(p, Buffer.alloc(0)) },
  {
    file: 'truncated.xlsx',
    about: 'the first half of a real workbook (a download cut short)',
    expect: 'refused',
    build: async (p) => {
      const wb = new ExcelJS.Workbook();
      sheet(wb, '出货', [SHIP_HEAD, ...shipRows(50)]);
      const buf = Buffer.from(await wb.xlsx.writeBuffer());
      writeFileSync(p, buf.subarray(0, Math.floor(buf.length / 2)));
    },
  },
  // ---- existing output ----
  {
    file: 'has-our-sheet-names.xlsx',
    about: 'the clerk\u2019s own sheets named like ours (账龄分析, 问题清单, 对账汇总) and a fake state sheet',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5)]);
        sheet(wb, '开票', [INV_HEAD, ['00012345', '2026-10-01', '华工精密', 'HT-1', 1130, 130, '13%']]);
        for (const n of ['账龄分析', '问题清单', '对账汇总', '销售_月度客户', '核对_报价合同']) sheet(wb, n, [['业务员手工做的表，请勿覆盖'], [n, 123]]);
        sheet(wb, 'ClerkDesk_state', [['not json at all']]);
      }),
  },
  {
    file: 'has-our-table-names.xlsx',
    about: 'a clerk\u2019s Excel table already named like one of ours',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const ws = sheet(wb, '出货', [SHIP_HEAD, ...shipRows(5)]);
        ws.addTable({ name: '表_出货', ref: 'L1', headerRow: true, columns: [{ name: '甲' }, { name: '乙' }], rows: [[1, 2]] });
      }),
  },
  // ---- formula injection ----
  {
    file: 'formula-injection.xlsx',
    about: 'names, codes and remarks starting with = + - @ tab and CR, in every kind of sheet',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        const evil = ['=HYPERLINK("http://evil.invalid","点我")', '+86 512 6666', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=cmd|\' /C calc\'!A0', '=1+1'];
        sheet(wb, '客户档案', [['客户名称', '简称', '关联关系', '账期'], ...evil.map((e, i): Row => [e, `别名${i}`, i % 2 ? '关联' : '外部', 30])]);
        sheet(wb, '出货', [SHIP_HEAD, ...evil.map((e, i) => shipRow(i, { 1: e, 2: evil[(i + 1) % evil.length], 4: e, 9: e }))]);
        sheet(wb, '对账单', [[`${evil[0]} 对账单`], ['对账期间：2026-10-01至2026-10-31'], STMT_HEAD, ...evil.map((e): Row => ['2026-10-05', e, e, '支架', 5, 10, 50, e])]);
        sheet(wb, '开票', [INV_HEAD, ...evil.map((e, i): Row => [e, '2026-08-01', evil[i], e, 1000 + i, 115, '13%'])]);
        sheet(wb, '回款', [REC_HEAD, ...evil.map((e, i): Row => ['2026-10-20', evil[i], 500, e])]);
        sheet(wb, '报价', [['报价单号', '客户', '物料编码', '含税单价', '税率', '有效期至'], ...evil.map((e): Row => [e, e, e, 10, '13%', '2026-12-31'])]);
        sheet(wb, '合同', [['合同编号', '客户', '物料编码', '数量', '含税单价', '价税合计', '税率', '签订日期'], ...evil.map((e): Row => [e, e, e, 5, 10, 50, '13%', '2026-10-01'])]);
      }),
  },
  // ---- odd but legitimate ----
  {
    file: 'two-tables-one-sheet.xlsx',
    about: 'a shipments table and, below a gap, an unrelated summary table',
    expect: 'workbook',
    build: (p) => book(p, (wb) => void sheet(wb, '出货', [SHIP_HEAD, ...shipRows(8), [], [], ['客户', '本月合计'], ['华工精密', 1234], ['锐达', 5678]])),
  },
  {
    file: 'english-headers.xlsx',
    about: 'English headers, US number formats, a Total row',
    expect: 'workbook',
    build: (p) =>
      book(p, (wb) => {
        sheet(wb, 'Shipments', [['Ship Date', 'Delivery Note', 'Customer', 'Part No.', 'Qty', 'Unit Price', 'Amount'], ...shipRows(6).map((r) => [r[0], r[1], r[2], r[4], r[6], r[7], r[8]]), ['Total', null, null, null, 100, null, 1250]]);
      }),
  },
  {
    file: 'duplicate-invoice-numbers.xlsx',
    about: 'the same invoice number three times, one with another customer',
    expect: 'workbook',
    build: (p) => book(p, (wb) => void sheet(wb, '开票明细', [INV_HEAD, ['00012345', '2026-09-01', '华工精密', 'HT-1', 1130, 130, '13%'], ['00012345', '2026-09-01', '华工精密', 'HT-1', 1130, 130, '13%'], ['00012345', '2026-09-02', '锐达', 'HT-2', 2260, 260, '13%']])),
  },
  {
    file: 'mixed-currencies.xlsx',
    about: 'invoices in yuan and US dollars',
    expect: 'workbook',
    build: (p) => book(p, (wb) => void sheet(wb, '开票明细', [[...INV_HEAD, '币种'], ['1', '2026-09-01', '华工精密', 'HT-1', 1130, 130, '13%', '人民币'], ['2', '2026-09-01', 'Acme Inc.', 'HT-9', 1000, 0, '0%', 'USD']])),
  },
  {
    file: 'negative-and-credit-everything.xlsx',
    about: 'negative quantities and amounts everywhere: returns written as minus lines',
    expect: 'workbook',
    build: (p) => book(p, (wb) => { sheet(wb, '出货', [SHIP_HEAD, ...shipRows(6).map((r) => [...r.slice(0, 6), -(r[6] as number), r[7], -(r[8] as number), '退货'])]); sheet(wb, '回款', [REC_HEAD, ['2026-10-20', '华工精密', -500, ''], ['2026-10-21', '锐达', 0, '']]); }),
  },
  // ---- a zip that checks itself (issue 13) ----
  {
    file: 'crc-mismatch.xlsx',
    about: 'the sheet part\u2019s CRC-32 does not match its bytes (a bit flipped on a USB stick)',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => es.map((e) => (e.name === SHEET_PART ? { ...e, crc: (e.crc ^ 1) >>> 0 } : e))),
  },
  {
    file: 'corrupt-deflate.xlsx',
    about: 'the sheet part\u2019s compressed bytes are overwritten in the middle',
    expect: 'refused',
    build: (p) =>
      alteredWorkbook(p, (es) =>
        es.map((e) => {
          if (e.name !== SHEET_PART) return e;
          const data = Buffer.from(e.data);
          data.fill(0xff, data.length >> 1, (data.length >> 1) + 16);
          return { ...e, data };
        }),
      ),
  },
  {
    file: 'size-lies.xlsx',
    about: 'the sheet part declares half the size it inflates to',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => es.map((e) => (e.name === SHEET_PART ? { ...e, size: e.size >> 1 } : e))),
  },
  {
    file: 'duplicate-entry.xlsx',
    about: 'two entries named xl/worksheets/sheet1.xml with different rows',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => [...es, deflated(SHEET_PART, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>')]),
  },
  {
    file: 'path-traversal.xlsx',
    about: 'a valid workbook plus an entry named ../../clerk-desk-escaped.txt',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => [...es, stored('../../clerk-desk-escaped.txt', 'escaped')]),
  },
  {
    file: 'absolute-entry-name.xlsx',
    about: 'a valid workbook plus an entry named /tmp/clerk-desk-absolute.txt',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => [...es, stored('/tmp/clerk-desk-absolute.txt', 'absolute')]),
  },
  {
    file: 'other-writer-xml.xlsx',
    about: 'sheet and shared strings with x: prefixes, single quotes, CDATA, comments and attributes on <v>',
    expect: 'workbook',
    build: (p) => rewrittenWorkbook(p, (name, xml) => (name === SHEET_PART || name === 'xl/sharedStrings.xml' ? otherWriterStyle(xml) : xml)),
  },
  {
    file: 'beyond-excel-rows.xlsx',
    about: 'a cell in row 1,048,577, one past Excel\u2019s last row',
    expect: 'refused',
    build: (p) =>
      alteredWorkbook(p, (es) =>
        es.map((e) => {
          if (e.name !== SHEET_PART) return e;
          return deflated(SHEET_PART, e.data.length ? inflateRawSync(e.data).toString('utf8').replace('</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>') : '');
        }),
      ),
  },
  // ---- bounded resources (issue 13): run under a memory cap in hostile.test.ts ----
  {
    file: 'zip-bomb.xlsx',
    about: 'a 3.6 MB file whose sheet inflates to 3,500 MiB, sizes declared honestly',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => es.map((e) => (e.name === SHEET_PART ? bombSheet(3500, (real) => real) : e))),
  },
  {
    file: 'zip-bomb-lying.xlsx',
    about: 'a 3.6 MB file whose sheet inflates to 3,500 MiB while declaring 1 MiB',
    expect: 'refused',
    build: (p) => alteredWorkbook(p, (es) => es.map((e) => (e.name === SHEET_PART ? bombSheet(3500, () => 1 << 20) : e))),
  },
  { file: 'dev-zero.xlsx', about: 'a link to /dev/zero (endless input)', expect: 'refused', special: true, build: async (p) => symlinkSync('/dev/zero', p) },
  { file: 'named-pipe.xlsx', about: 'a named pipe no one writes to', expect: 'refused', special: true, build: async (p) => void execFileSync('mkfifo', [p]) },
  { file: 'folder.xlsx', about: 'a folder named like a workbook', expect: 'refused', special: true, build: async (p) => void mkdirSync(p) },
];

export async function buildCorpus(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const entry of CORPUS) {
    const path = join(outDir, entry.file);
    await entry.build(path);
    written.push(path);
  }
  return written;
}

if (require.main === module) {
  const out = process.argv[2] ?? 'test/corpus/files';
  buildCorpus(out).then((files) => console.log(`${files.length} corpus files in ${out}`));
}
