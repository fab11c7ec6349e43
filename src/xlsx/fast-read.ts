import type { Grid, GridValue, MergedRange } from '../core/grid';
import { HostError, type HostProgress, type WorkbookRead } from '../core/host';
import { columnNumber } from '../core/values/address';
import { isoToSerial, isValidYmd, ymdToIso } from '../core/values/dates';
import { builtinFormatCode, gridFormat } from '../core/values/number-format';
import { attr, isMain, isRelNs, parseXml, parseXmlBytes, utf8, type XmlAttrs, type XmlByteHandler, type XmlElement } from './xml';
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

/** Do the bytes hold `_x` (the start of an Excel escape)? */
function hasExcelEscape(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i + 1 < e; i++) if (b[i] === 0x5f && b[i + 1] === 0x78) return true;
  return false;
}

/**
 * One JS string per distinct text in the workbook: a value met again (a customer's name on 100k lines, in any
 * sheet) is found by its UTF-8 bytes and not decoded again. The bytes of each distinct value are kept in one arena
 * (a few MB at most), so the table outlives the part they came from.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export class Interner {
  private arena: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  private slots: Int32Array = new Int32Array(1 << 12);
  private hashes: Int32Array = new Int32Array(1 << 11);
  private starts: Int32Array = new Int32Array(1 << 11);
  private ends: Int32Array = new Int32Array(1 << 11);
  private readonly values: string[] = [];

  /** The text of bytes[s, e) (UTF-8, nothing to decode). */
  range(b: Uint8Array, s: number, e: number): string {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    // FNV's low bits are poorly mixed (DN00000001… would crowd a few slots): a finaliser spreads them.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const len = e - s;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot] - 1;
      if (k < 0) break;
      if (this.hashes[k] !== h || this.ends[k] - this.starts[k] !== len) continue;
      const ks = this.starts[k];
      let i = 0;
      while (i < len && this.arena[ks + i] === b[s + i]) i++;
      if (i === len) return this.values[k];
    }
    return this.add(b, s, e, h);
  }

  /** A decoded string, shared with the same text met as bytes. */
  string(text: string): string {
    // A lone surrogate (written as _xD800_ for XML's sake) has no UTF-8 form: as bytes it would come back as U+FFFD.
    if (LONE_SURROGATE.test(text)) return text;
    const bytes = Buffer.from(text, 'utf8');
    return this.range(bytes, 0, bytes.length);
  }

  private add(b: Uint8Array, s: number, e: number, h: number): string {
    const k = this.values.length;
    if (k === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
    }
    const len = e - s;
    if (this.used + len > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.used + len));
      arena.set(this.arena.subarray(0, this.used));
      this.arena = arena;
    }
    this.arena.set(b.subarray(s, e), this.used);
    this.hashes[k] = h;
    this.starts[k] = this.used;
    this.ends[k] = this.used + len;
    this.used += len;
    const value = utf8(b, s, e);
    this.values.push(value);
    // Kept at most half full, so a probe ends soon.
    if ((k + 1) * 2 > this.slots.length) this.rehash();
    else this.place(k);
    return value;
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[k] & mask;
    while (this.slots[slot]) slot = (slot + 1) & mask;
    this.slots[slot] = k + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let k = 0; k < this.values.length; k++) this.place(k);
  }
}

const grown = (a: Int32Array): Int32Array => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * `Number(text)` of a cell's value without making the string, for the plain decimals spreadsheets write
 * ([-]digits[.digits][E[±]digits], at most 15 significant digits): m × 10^e and m / 10^e are then exact operands
 * and one correctly rounded operation, so the result is the one Number() gives. Anything else returns undefined.
 */
export function plainDecimal(b: Uint8Array, s: number, e: number): number | undefined {
  let p = s;
  let neg = false;
  if (p < e && (b[p] === 0x2d || b[p] === 0x2b)) {
    neg = b[p] === 0x2d;
    p++;
  }
  let m = 0;
  let digits = 0;
  let sig = 0;
  let scale = 0;
  while (p < e && b[p] >= 0x30 && b[p] <= 0x39) {
    if (m || b[p] !== 0x30) sig++;
    m = m * 10 + (b[p] - 0x30);
    digits++;
    p++;
  }
  if (!digits) return undefined;
  if (p < e && b[p] === 0x2e) {
    p++;
    const f0 = p;
    while (p < e && b[p] >= 0x30 && b[p] <= 0x39) {
      if (m || b[p] !== 0x30) sig++;
      m = m * 10 + (b[p] - 0x30);
      p++;
    }
    if (p === f0) return undefined;
    scale = p - f0;
  }
  let exp = 0;
  if (p < e && (b[p] === 0x45 || b[p] === 0x65)) {
    p++;
    let eneg = false;
    if (p < e && (b[p] === 0x2d || b[p] === 0x2b)) {
      eneg = b[p] === 0x2d;
      p++;
    }
    const e0 = p;
    while (p < e && b[p] >= 0x30 && b[p] <= 0x39 && p - e0 < 6) {
      exp = exp * 10 + (b[p] - 0x30);
      p++;
    }
    if (p === e0) return undefined;
    if (eneg) exp = -exp;
  }
  if (p !== e || sig > 15) return undefined;
  const e10 = exp - scale;
  if (e10 < -22 || e10 > 22) return undefined;
  const v = e10 >= 0 ? m * POW10[e10] : m / POW10[-e10];
  return neg ? -v : v;
}

/**
 * Collects the text of rich-text containers (<si>, <is>): every <t> run, phonetic guides (<rPh>) left out.
 * `onItem` gets each container's text when it closes.
 */
function richTextCollector(container: string, strings: Interner, onItem: (text: string) => void): XmlByteHandler {
  let bytes: Uint8Array = new Uint8Array(0);
  let inItem = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  let pieces = 0;
  let start = 0;
  let end = 0;
  return {
    open(el) {
      if (!el.main) return;
      if (el.local === container) {
        inItem = true;
        buf = '';
        pieces = 0;
      } else if (inItem && el.local === 'rPh') phonetic++;
      else if (inItem && el.local === 't' && !phonetic) inT = true;
    },
    close(el) {
      if (!el.main) return;
      if (el.local === 't') inT = false;
      else if (el.local === 'rPh') phonetic--;
      else if (el.local === container && inItem) {
        inItem = false;
        onItem(pieces === 1 ? strings.range(bytes, start, end) : strings.string(decodeExcelEscapes(buf)));
      }
    },
    text(b, s, e, decoded) {
      if (!inT) return;
      bytes = b;
      // One plain run (the usual item) is interned from its bytes; anything else is put together as a string.
      if (!pieces && decoded === null && !hasExcelEscape(bytes, s, e)) {
        start = s;
        end = e;
        pieces = 1;
        return;
      }
      if (pieces === 1) buf = utf8(bytes, start, end);
      buf += decoded ?? utf8(bytes, s, e);
      pieces = 2;
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

/** A whole number with optional surrounding spaces (/^\s*\d+\s*$/) read from an attribute's bytes; -1 if not one. */
function attrWholeNumber(a: XmlAttrs, i: number): number {
  if (a.refs[i]) {
    const v = a.value(i);
    return /^\s*\d+\s*$/.test(v) ? Number(v) : -1;
  }
  const b = a.bytes;
  let p = a.start[i];
  let e = a.end[i];
  while (p < e && isSpaceByte(b[p])) p++;
  while (e > p && isSpaceByte(b[e - 1])) e--;
  if (p === e) return -1;
  let n = 0;
  for (; p < e; p++) {
    const c = b[p];
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/** The column of a cell reference (/^\s*([A-Za-z]+)(\d*)\s*$/, letters counted), or 0 when it is not one. */
function attrColumn(a: XmlAttrs, i: number): number {
  if (a.refs[i]) {
    const m = /^\s*([A-Za-z]+)(\d*)\s*$/.exec(a.value(i));
    return m ? columnNumber(m[1].toUpperCase()) : 0;
  }
  const b = a.bytes;
  let p = a.start[i];
  let e = a.end[i];
  while (p < e && isSpaceByte(b[p])) p++;
  while (e > p && isSpaceByte(b[e - 1])) e--;
  let col = 0;
  for (; p < e; p++) {
    const c = b[p] & 0xdf; // upper case for letters
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  if (!col) return 0;
  for (; p < e; p++) if (b[p] < 0x30 || b[p] > 0x39) return 0;
  return col;
}

const isSpaceByte = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Cell types (the t attribute), as read from its bytes. */
const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}
const CELL_TYPES = new Map<string, CellType>([
  ['s', CellType.Shared],
  ['str', CellType.Str],
  ['inlineStr', CellType.Inline],
  ['b', CellType.Bool],
  ['e', CellType.Error],
  ['d', CellType.Date],
]);

const STR = Buffer.from('str');
const INLINE_STR = Buffer.from('inlineStr');
const bytesAre = (b: Uint8Array, at: number, word: Uint8Array): boolean => {
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word[k]) return false;
  return true;
};

/** The t attribute's cell type, read from its bytes (no string per cell); an unknown type reads as a number. */
function attrCellType(a: XmlAttrs, i: number): CellType {
  if (a.refs[i]) return CELL_TYPES.get(a.value(i).trim()) ?? CellType.Number;
  const b = a.bytes;
  let p = a.start[i];
  let e = a.end[i];
  while (p < e && isSpaceByte(b[p])) p++;
  while (e > p && isSpaceByte(b[e - 1])) e--;
  switch (e - p) {
    case 1:
      return b[p] === 0x73 ? CellType.Shared : b[p] === 0x62 ? CellType.Bool : b[p] === 0x65 ? CellType.Error : b[p] === 0x64 ? CellType.Date : CellType.Number;
    case 3:
      return bytesAre(b, p, STR) ? CellType.Str : CellType.Number;
    case 9:
      return bytesAre(b, p, INLINE_STR) ? CellType.Inline : CellType.Number;
    default:
      return CellType.Number;
  }
}

function readSheet(bytes: Uint8Array, part: string, name: string, strings: string[], xfFormats: (string | null)[], date1904: boolean, interner: Interner): { grid: Grid; extras: SheetExtras } {
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
  // The cell being read: its type and style, and the text of <v> and of <is>'s runs — a byte range while it is
  // one plain piece (pieces 1), a string once it is more (pieces 2).
  let inCell = false;
  let type = CellType.Number;
  let style = -1;
  let hasFormula = false;
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  let vPieces = -1;
  let vStart = 0;
  let vEnd = 0;
  let vText = '';
  let isPieces = -1;
  let isStart = 0;
  let isEnd = 0;
  let isText = '';

  const vString = (): string => (vPieces === 1 ? utf8(bytes, vStart, vEnd) : vText);
  const textValue = (pieces: number, s: number, e: number, text: string): string =>
    pieces === 1 ? (hasExcelEscape(bytes, s, e) ? interner.string(decodeExcelEscapes(utf8(bytes, s, e))) : interner.range(bytes, s, e)) : interner.string(decodeExcelEscapes(text));

  const finishCell = () => {
    if (!inCell) return;
    inCell = false;
    let value: GridValue;
    if (type === CellType.Inline) value = isPieces >= 0 ? textValue(isPieces, isStart, isEnd, isText) : vPieces >= 0 ? textValue(vPieces, vStart, vEnd, vText) : null;
    else if (vPieces < 0) {
      if (hasFormula) uncachedFormulas++;
      return;
    } else {
      switch (type) {
        case CellType.Shared: {
          const k = vPieces === 1 ? plainDecimal(bytes, vStart, vEnd) : undefined;
          value = strings[k ?? Number(vString())] ?? null;
          break;
        }
        case CellType.Str:
          value = textValue(vPieces, vStart, vEnd, vText);
          break;
        case CellType.Bool: {
          const t = vString().trim();
          value = t === '1' || t === 'true';
          break;
        }
        case CellType.Error:
          value = { error: vString().trim() };
          break;
        case CellType.Date:
          value = isoCellToSerial(vString().trim(), date1904);
          break;
        default: {
          let n = vPieces === 1 ? plainDecimal(bytes, vStart, vEnd) : undefined;
          if (n === undefined) {
            const text = vString();
            n = text.trim() !== '' ? Number(text) : Number.NaN;
          }
          value = Number.isFinite(n) ? n : null;
          if (value === null && hasFormula) uncachedFormulas++;
        }
      }
    }
    if (value === null) return;
    const fmt = style >= 0 ? (xfFormats[style] ?? null) : null;
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

  parseXmlBytes(bytes, part, {
    open(el, a) {
      if (!el.main) return;
      switch (el.local) {
        case 'sheetData':
          inData = true;
          rowNo = 0;
          return;
        case 'row': {
          if (!inData) return;
          const r = a.index('r');
          const no = r < 0 ? -1 : attrWholeNumber(a, r);
          rowNo = no >= 0 ? no : rowNo + 1;
          if (rowNo < 1 || rowNo > EXCEL_MAX_ROWS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
          if (isTrue(a.get('hidden'))) hiddenRows.push(rowNo);
          col = 0;
          return;
        }
        case 'c': {
          if (!inData) return;
          const r = a.index('r');
          const c = r < 0 ? 0 : attrColumn(a, r);
          col = c || col + 1;
          if (col > EXCEL_MAX_COLUMNS) throw new HostError('xlsx.error.beyondExcel', { sheet: name });
          const s = a.index('s');
          style = s < 0 ? -1 : attrWholeNumber(a, s);
          const t = a.index('t');
          type = t < 0 ? CellType.Number : attrCellType(a, t);
          inCell = true;
          hasFormula = false;
          vPieces = -1;
          isPieces = -1;
          return;
        }
        case 'f':
          if (inCell) hasFormula = true;
          return;
        case 'v':
          if (inCell) {
            inV = true;
            vPieces = 0;
            vText = '';
          }
          return;
        case 'is':
          if (inCell) {
            inIs = true;
            isPieces = 0;
            isText = '';
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
          if (isTrue(a.get('hidden'))) {
            for (let c = Number(a.get('min')); c <= Number(a.get('max')) && c <= EXCEL_MAX_COLUMNS; c++) hiddenColumns.push(c);
          }
          return;
        case 'mergeCell': {
          const m = /^\s*([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?\s*$/.exec(a.get('ref') ?? '');
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
      if (!el.main) return;
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
    text(b, s, e, decoded) {
      if (!inCell) return;
      if (inV) {
        if (vPieces === 0 && decoded === null) {
          vStart = s;
          vEnd = e;
          vPieces = 1;
        } else {
          vText = (vPieces === 1 ? utf8(b, vStart, vEnd) : vPieces === 0 ? '' : vText) + (decoded ?? utf8(b, s, e));
          vPieces = 2;
        }
      } else if (inT) {
        if (isPieces === 0 && decoded === null) {
          isStart = s;
          isEnd = e;
          isPieces = 1;
        } else {
          isText = (isPieces === 1 ? utf8(b, isStart, isEnd) : isPieces === 0 ? '' : isText) + (decoded ?? utf8(b, s, e));
          isPieces = 2;
        }
      }
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

/** `zip`: the archive of `buf` already opened (and its sheets perhaps kept inflated by checkAll). */
export function fastReadWorkbook(buf: Buffer, progress?: HostProgress, zip = ZipReader.open(buf)): FastRead | null {
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

  const interner = new Interner();
  const sstRel = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sstBytes = sstRel ? zip.read(sstRel.part) : null;
  const strings: string[] = [];
  if (sstRel && sstBytes?.length) {
    parseXmlBytes(sstBytes, sstRel.part, richTextCollector('si', interner, (text) => strings.push(text)));
  }

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
    const { grid, extras } = readSheet(zip.read(parts[i]) ?? Buffer.alloc(0), parts[i], s.name, strings, xfFormats, date1904, interner);
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
