import type { Grid, GridValue, MergedRange } from '../core/grid';
import { HostError, type HostProgress, type WorkbookRead } from '../core/host';
import { columnNumber } from '../core/values/address';
import { isoToSerial, isValidYmd, ymdToIso } from '../core/values/dates';
import { builtinFormatCode, gridFormat } from '../core/values/number-format';
import { attr, isMain, isRelNs, parseXml, type XmlElement, type XmlHandler } from './xml';
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

/** Excel's own maxima: a cell beyond them is not something Excel wrote (the file is damaged or made to harm). */
const EXCEL_MAX_ROWS = 1_048_576;
const EXCEL_MAX_COLUMNS = 16_384;

const isTrue = (v: string | undefined): boolean => v === '1' || v === 'true';

/** Excel's _xHHHH_ escapes (for characters XML cannot carry), after the XML reader decoded entities. */
const decodeExcelEscapes = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

/**
 * Collects the text of rich-text containers (<si>, <is>): every <t> run, phonetic guides (<rPh>) left out.
 * `onItem` gets each container's text when it closes.
 */
function richTextCollector(container: string, onItem: (text: string) => void): XmlHandler {
  let inItem = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  return {
    open(el) {
      if (!isMain(el.ns)) return;
      if (el.local === container) {
        inItem = true;
        buf = '';
      } else if (inItem && el.local === 'rPh') phonetic++;
      else if (inItem && el.local === 't' && !phonetic) inT = true;
    },
    close(el) {
      if (!isMain(el.ns)) return;
      if (el.local === 't') inT = false;
      else if (el.local === 'rPh') phonetic--;
      else if (el.local === container && inItem) {
        inItem = false;
        onItem(decodeExcelEscapes(buf));
      }
    },
    text(t) {
      if (inT) buf += t;
    },
  };
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

/** What a sheet part holds beyond its Grid: formulas whose result Excel never saved. */
export interface SheetExtras {
  /** Cells with a formula but no cached value (a file written by a program that does not calculate). */
  uncachedFormulas: number;
}

function readSheet(xml: string, part: string, name: string, strings: string[], xfFormats: (string | null)[], date1904: boolean): { grid: Grid; extras: SheetExtras } {
  const values: GridValue[][] = [];
  const formats: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: MergedRange[] = [];
  let uncachedFormulas = 0;

  let inData = false;
  let rowNo = 0;
  let col = 0;
  let vals: GridValue[] | undefined;
  let fmts: (string | null)[] | undefined;
  // The cell being read.
  let cell: { type: string; style: number; hasFormula: boolean; v: string | null; is: string | null } | null = null;
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;

  const finishCell = () => {
    if (!cell) return;
    const c = cell;
    cell = null;
    let value: GridValue;
    if (c.type === 'inlineStr') value = c.is === null ? (c.v === null ? null : decodeExcelEscapes(c.v)) : decodeExcelEscapes(c.is);
    else if (c.v === null) {
      if (c.hasFormula) uncachedFormulas++;
      return;
    } else {
      const text = c.v;
      switch (c.type) {
        case 's':
          value = strings[Number(text)] ?? null;
          break;
        case 'str':
          value = decodeExcelEscapes(text);
          break;
        case 'b':
          value = text.trim() === '1' || text.trim() === 'true';
          break;
        case 'e':
          value = { error: text.trim() };
          break;
        case 'd':
          value = isoCellToSerial(text.trim(), date1904);
          break;
        default: {
          const n = Number(text);
          value = text.trim() !== '' && Number.isFinite(n) ? n : null;
          if (value === null && c.hasFormula) uncachedFormulas++;
        }
      }
    }
    if (value === null) return;
    const fmt = c.style >= 0 ? (xfFormats[c.style] ?? null) : null;
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
  };

  const finishRow = () => {
    if (vals && fmts) {
      while (values.length < rowNo - 1) {
        values.push([]);
        formats.push([]);
      }
      values[rowNo - 1] = vals;
      formats[rowNo - 1] = fmts;
    }
    vals = undefined;
    fmts = undefined;
  };

  parseXml(xml, part, {
    open(el) {
      if (!isMain(el.ns)) return;
      switch (el.local) {
        case 'sheetData':
          inData = true;
          rowNo = 0;
          return;
        case 'row': {
          if (!inData) return;
          const r = attr(el, 'r');
          rowNo = r !== undefined && /^\s*\d+\s*$/.test(r) ? Number(r) : rowNo + 1;
          if (rowNo < 1 || rowNo > EXCEL_MAX_ROWS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
          if (isTrue(attr(el, 'hidden'))) hiddenRows.push(rowNo);
          col = 0;
          return;
        }
        case 'c': {
          if (!inData) return;
          const ref = /^\s*([A-Za-z]+)(\d*)\s*$/.exec(attr(el, 'r') ?? '');
          col = ref ? columnNumber(ref[1].toUpperCase()) : col + 1;
          if (col > EXCEL_MAX_COLUMNS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
          const s = attr(el, 's');
          cell = { type: (attr(el, 't') ?? 'n').trim(), style: s !== undefined && /^\s*\d+\s*$/.test(s) ? Number(s) : -1, hasFormula: false, v: null, is: null };
          return;
        }
        case 'f':
          if (cell) cell.hasFormula = true;
          return;
        case 'v':
          if (cell) {
            inV = true;
            cell.v = '';
          }
          return;
        case 'is':
          if (cell) {
            inIs = true;
            cell.is = '';
          }
          return;
        case 'rPh':
          if (inIs) phonetic++;
          return;
        case 't':
          if (inIs && !phonetic) inT = true;
          return;
        case 'col':
          if (inData) return;
          if (isTrue(attr(el, 'hidden'))) {
            for (let c = Number(attr(el, 'min')); c <= Number(attr(el, 'max')) && c <= EXCEL_MAX_COLUMNS; c++) hiddenColumns.push(c);
          }
          return;
        case 'mergeCell': {
          const m = /^\s*([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?\s*$/.exec(attr(el, 'ref') ?? '');
          if (!m) return;
          const left = columnNumber(m[1].toUpperCase());
          const top = Number(m[2]);
          merges.push({ top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3].toUpperCase()) : left });
          return;
        }
        default:
      }
    },
    close(el) {
      if (!isMain(el.ns)) return;
      switch (el.local) {
        case 'sheetData':
          inData = false;
          return;
        case 'row':
          if (inData) finishRow();
          return;
        case 'c':
          finishCell();
          return;
        case 'v':
          inV = false;
          return;
        case 'is':
          inIs = false;
          return;
        case 'rPh':
          if (inIs) phonetic--;
          return;
        case 't':
          inT = false;
          return;
        default:
      }
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.v += t;
      else if (inT) cell.is += t;
    },
  });
  return { grid: { name, values, formats, merges, hiddenRows, hiddenColumns, date1904 }, extras: { uncachedFormulas } };
}

/** A workbook as the fast reader read it: the Grids, and what it noticed on the way. */
export interface FastRead extends WorkbookRead {
  /** Sheets holding formulas with no cached value, and how many. */
  uncachedFormulas: { sheet: string; count: number }[];
}

/** The first element's attributes of a given local name in the main namespace (e.g. workbookPr, table). */
function firstElement(xml: string, part: string, local: string): XmlElement | null {
  let found: XmlElement | null = null;
  parseXml(xml, part, {
    open(el) {
      if (!found && el.local === local && isMain(el.ns)) found = el;
    },
  });
  return found;
}

export function fastReadWorkbook(buf: Buffer, progress?: HostProgress): FastRead | null {
  const zip = ZipReader.open(buf);
  const wbPart = workbookPart(zip);
  const workbook = wbPart && zip.text(wbPart);
  if (!wbPart || !workbook) return null;
  const rels = relationshipsOf(zip, wbPart);

  let date1904 = false;
  const sheets: { name: string; state: string; rid: string }[] = [];
  parseXml(workbook, wbPart, {
    open(el) {
      if (!isMain(el.ns)) return;
      if (el.local === 'workbookPr') date1904 = isTrue(attr(el, 'date1904'));
      if (el.local === 'sheet') {
        const rid = el.attrs.find((a) => a.local === 'id' && isRelNs(a.ns))?.value ?? '';
        sheets.push({ name: attr(el, 'name') ?? '', state: attr(el, 'state') ?? 'visible', rid });
      }
    },
  });

  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstXml = sstRel ? zip.text(sstRel.part) : null;
  const strings: string[] = [];
  if (sstRel && sstXml) parseXml(sstXml, sstRel.part, richTextCollector('si', (text) => strings.push(text)));

  const stylesRel = rels.find((r) => r.type.endsWith('/styles'));
  const stylesXml = stylesRel ? zip.text(stylesRel.part) : null;
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (stylesRel && stylesXml) {
    let inCellXfs = false;
    let depth = 0;
    parseXml(stylesXml, stylesRel.part, {
      open(el) {
        if (!isMain(el.ns)) return;
        if (el.local === 'numFmt') {
          // Backslash escapes (LibreOffice writes yyyy\-mm\-dd) are dropped, as ExcelJS does: the same Grid either way.
          custom.set(Number(attr(el, 'numFmtId')), (attr(el, 'formatCode') ?? '').replace(/\\(.)/g, '$1'));
        } else if (el.local === 'cellXfs') {
          inCellXfs = true;
          depth = 0;
        } else if (inCellXfs) {
          depth++;
          if (el.local === 'xf' && depth === 1) xfIds.push(Number(attr(el, 'numFmtId') ?? 0));
        }
      },
      close(el) {
        if (!isMain(el.ns)) return;
        if (el.local === 'cellXfs') inCellXfs = false;
        else if (inCellXfs) depth--;
      },
    });
  }
  const xfFormats = xfIds.map((id) => gridFormat(custom.get(id) ?? builtinFormatCode(id)));

  const parts = sheets.map((s) => rels.find((r) => r.id === s.rid && !r.external)?.part ?? '');
  if (!sheets.length || parts.some((p) => !p || !zip.has(p))) return null;
  const grids: Grid[] = [];
  const tables: { name: string; sheet: string }[] = [];
  const uncachedFormulas: { sheet: string; count: number }[] = [];
  sheets.forEach((s, i) => {
    if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const { grid, extras } = readSheet(zip.text(parts[i]) ?? '', parts[i], s.name, strings, xfFormats, date1904);
    if (s.state === 'hidden' || s.state === 'veryHidden') grid.hidden = true;
    grids.push(grid);
    if (extras.uncachedFormulas) uncachedFormulas.push({ sheet: s.name, count: extras.uncachedFormulas });
    for (const r of relationshipsOf(zip, parts[i])) {
      if (!r.type.endsWith('/table') || !r.part || !zip.has(r.part)) continue;
      const name = attr(firstElement(zip.text(r.part) ?? '', r.part, 'table') ?? { ns: '', local: '', attrs: [] }, 'name');
      if (name) tables.push({ name, sheet: s.name });
    }
    progress?.onProgress?.('read', i + 1, sheets.length);
  });
  return { grids, existing: { sheets: sheets.map((s) => s.name), tables }, uncachedFormulas };
}
