import type { Grid, GridValue, MergedRange } from '../core/grid';
import { HostError, type HostProgress, type WorkbookRead } from '../core/host';
import { columnNumber } from '../core/values/address';
import { isoToSerial, isValidYmd, ymdToIso } from '../core/values/dates';
import { attrs, unescapeXml } from './patch';
import { ZipReader } from './zip';
import { relationshipsOf, workbookPart } from './package';

/**
 * A direct reader of the workbook's XML, for speed: ExcelJS's readers take 10–16 s of CPU (and ~1 GB) on a
 * 100k-row sheet; this takes a second or two. It reads exactly what a Grid holds — values (a formula's cached
 * result, error values, shared and inline strings with rich-text runs joined and phonetic runs left out), number
 * formats, merges, hidden rows, columns and sheets, the date system — and tables by name. Dates are the serials
 * in the file, so no conversion happens at all. Returns null for anything it does not handle (the caller then
 * uses the ExcelJS reader), and test/xlsx holds the two readers to the same Grids.
 */

const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
  // The zh-CN meanings of the locale-dependent ids (what Chinese Excel shows for them).
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: 'm-d-yy', 31: 'yyyy"年"m"月"d"日"', 32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"', 34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** Excel's own maxima: a cell beyond them is not something Excel wrote (the file is damaged or made to harm). */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

/** Decode XML entities and Excel's _xHHHH_ escapes. */
const decodeText = (s: string): string =>
  unescapeXml(s).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The text of an <si> or <is>: every <t> run, phonetic guides (<rPh>) left out. */
function runText(inner: string): string {
  const clean = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner;
  let out = '';
  for (const m of clean.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += m[1] ? decodeText(m[1]) : '';
  return out;
}

/** ISO 8601 date-time in a t="d" cell → serial in the workbook's system. */
function isoCellToSerial(text: string, date1904: boolean): GridValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m || !isValidYmd(+m[1], +m[2], +m[3])) return text;
  let serial = isoToSerial(ymdToIso(+m[1], +m[2], +m[3]));
  if (date1904) serial -= isoToSerial(ymdToIso(1904, 1, 1));
  const secs = (+(m[4] ?? 0) * 3600 + +(m[5] ?? 0) * 60 + +(m[6] ?? 0)) / 86_400;
  return serial + secs;
}

function readSheet(xml: string, name: string, strings: string[], xfFormats: (string | null)[], date1904: boolean): Grid {
  const values: GridValue[][] = [];
  const formats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  const data = start >= 0 && end > start ? xml.slice(start, end) : '';
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let rowNo = 0;
  for (let rm = rowRe.exec(data); rm; rm = rowRe.exec(data)) {
    const ra = rm[1];
    const rAttr = /\br="(\d+)"/.exec(ra);
    rowNo = rAttr ? Number(rAttr[1]) : rowNo + 1;
    if (rowNo > EXCEL_MAX_ROWS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
    if (/\bhidden="(1|true)"/.test(ra)) hiddenRows.push(rowNo);
    const body = rm[2];
    if (!body) continue;
    let vals: GridValue[] | undefined;
    let fmts: (string | null)[] | undefined;
    let col = 0;
    cellRe.lastIndex = 0;
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const ca = cm[1];
      const ref = /\br="([A-Z]+)\d*"/.exec(ca);
      col = ref ? columnNumber(ref[1]) : col + 1;
      if (col > EXCEL_MAX_COLUMNS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
      const inner = cm[2];
      if (!inner) continue;
      const type = /\bt="(\w+)"/.exec(ca)?.[1] ?? 'n';
      let value: GridValue;
      if (type === 'inlineStr') {
        const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
        value = is ? runText(is[1]) : null;
      } else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner) ?? /<v\/>/.exec(inner);
        if (!v) continue;
        const text = v[1] ?? '';
        switch (type) {
          case 's':
            value = strings[Number(text)] ?? null;
            break;
          case 'str':
            value = decodeText(text);
            break;
          case 'b':
            value = text === '1' || text === 'true';
            break;
          case 'e':
            value = { error: decodeText(text) };
            break;
          case 'd':
            value = isoCellToSerial(text, date1904);
            break;
          default: {
            const n = Number(text);
            value = text !== '' && Number.isFinite(n) ? n : null;
          }
        }
      }
      if (value === null) continue;
      const s = /\bs="(\d+)"/.exec(ca);
      const fmt = s ? (xfFormats[Number(s[1])] ?? null) : null;
      if (!vals || !fmts) {
        vals = [];
        fmts = [];
      }
      while (vals.length < col - 1) {
        vals.push(null);
        fmts.push(null);
      }
      vals[col - 1] = value;
      fmts[col - 1] = fmt;
    }
    if (vals && fmts) {
      while (values.length < rowNo - 1) {
        values.push([]);
        formats.push([]);
      }
      values[rowNo - 1] = vals;
      formats[rowNo - 1] = fmts;
    }
  }
  const hiddenColumns: number[] = [];
  for (const m of xml.matchAll(/<col\b[^>]*?\/?>/g)) {
    const a = attrs(m[0]);
    if (!isTrue(a.hidden)) continue;
    for (let c = Number(a.min); c <= Number(a.max) && c <= 16384; c++) hiddenColumns.push(c);
  }
  const merges: MergedRange[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*?ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)) {
    const left = columnNumber(m[1]);
    const top = Number(m[2]);
    merges.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left });
  }
  return { name, values, formats, merges, hiddenRows, hiddenColumns, date1904 };
}

export function fastReadWorkbook(buf: Buffer, progress?: HostProgress): WorkbookRead | null {
  const zip = ZipReader.open(buf);
  const wbPart = workbookPart(zip);
  const workbook = wbPart && zip.text(wbPart);
  if (!wbPart || !workbook) return null;
  const rels = relationshipsOf(zip, wbPart);
  const date1904 = isTrue(attrs(/<workbookPr\b[^>]*?\/?>/.exec(workbook)?.[0] ?? '').date1904);

  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstXml = sstRel ? zip.text(sstRel.part) : null;
  const strings: string[] = [];
  if (sstXml) for (const m of sstXml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) strings.push(m[1] ? runText(m[1]) : '');

  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  const stylesXml = (stylesRel && zip.text(stylesRel.part)) ?? '';
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*?\/?>/g)) {
    const a = attrs(m[0]);
    // Backslash escapes (LibreOffice writes yyyy\-mm\-dd) are dropped, as ExcelJS does: the same Grid either way.
    custom.set(Number(a.numFmtId), unescapeXml(a.formatCode ?? '').replace(/\\(.)/g, '$1'));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const xfFormats = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => {
    const id = Number(attrs(/<xf\b[^>]*?\/?>/.exec(m[0])?.[0] ?? '').numFmtId ?? 0);
    const f = custom.get(id) ?? BUILTIN_FORMATS[id];
    return f && f !== 'General' ? f : null;
  });

  const sheetsMatch = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbook);
  if (!sheetsMatch) return null;
  const sheetsXml = sheetsMatch[1];
  const sheets = [...sheetsXml.matchAll(/<sheet\b[^>]*?\/?>/g)].map((m) => {
    const a = attrs(m[0]);
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k))?.[1] ?? '';
    return { name: unescapeXml(a.name ?? ''), state: a.state ?? 'visible', part: rels.find((r) => r.id === rid)?.part ?? '' };
  });
  if (sheets.some((s) => !s.part)) return null;
  const grids: Grid[] = [];
  const tables: { name: string; sheet: string }[] = [];
  sheets.forEach((s, i) => {
    if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const xml = zip.text(s.part);
    const grid = readSheet(xml ?? '', s.name, strings, xfFormats, date1904);
    if (s.state === 'hidden' || s.state === 'veryHidden') grid.hidden = true;
    grids.push(grid);
    for (const r of relationshipsOf(zip, s.part)) {
      if (!r.type.endsWith('/table') || !r.part) continue;
      const name = attrs(/<table\b[^>]*?>/.exec(zip.text(r.part) ?? '')?.[0] ?? '').name;
      if (name) tables.push({ name: unescapeXml(name), sheet: s.name });
    }
    progress?.onProgress?.('read', i + 1, sheets.length);
  });
  return { grids, existing: { sheets: sheets.map((s) => s.name), tables } };
}
