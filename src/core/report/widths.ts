import type { LayoutBlock, WriteValue } from './layout';

/**
 * Column widths from what each column holds, in Excel's width unit (the width of one digit of the default font).
 * A CJK character takes two digits' room; a number takes the room of its text as the cell's format shows it
 * (¥, thousands separators, two decimals, the minus sign). Text is capped so a long note wraps instead of
 * pushing the page wider; numbers are never capped, so no number cell shows ###.
 */

/** Widest a text column grows before its cells wrap. */
export const TEXT_CAP = 40;
/** Header text counts up to this width; a longer header wraps over two lines. */
export const HEADER_CAP = 16;
const MIN_WIDTH = 6;
/** Room for the cell's inner margins, so the widest value does not touch the grid line. */
const PADDING = 2;

const isWide = (code: number): boolean =>
  (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6);

/** Display width of text: CJK and full-width characters count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

const integerDigits = (n: number): number => (n < 1 ? 1 : Math.floor(Math.log10(n)) + 1);
const grouped = (digits: number): number => digits + Math.floor((digits - 1) / 3);

/** Characters a number shows in a cell with this number format (the formats of NUMBER_FORMATS). */
export function numberWidth(v: number, format: string): number {
  if (!Number.isFinite(v)) return 1;
  const neg = v < 0 ? 1 : 0;
  const a = Math.abs(v);
  if (format.startsWith('¥')) return 1 + neg + grouped(integerDigits(Math.round(a * 100) / 100)) + 3;
  if (format === 'yyyy-mm-dd') return 10;
  if (format.endsWith('%')) return neg + integerDigits(a * 100) + (format.includes('.') ? 3 : 0) + 1;
  if (format === '0') return neg + integerDigits(Math.round(a));
  if (format === '#,##0') return neg + grouped(integerDigits(Math.round(a)));
  // General: Excel shows at most 11 characters, rounding decimals to fit.
  return Math.min(11, String(v).length);
}

export function valueWidth(v: WriteValue, format: string): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return numberWidth(v, format);
  if (typeof v === 'boolean') return 5;
  return textWidth(v);
}

export interface ColumnWidths {
  /** Width per column, index 0 = column A. */
  widths: number[];
  /** Columns whose text is longer than the cap: their cells wrap. */
  wrap: boolean[];
}

/**
 * Widths for the blocks of a sheet. Titles and captions are left out: they stand alone on their row and
 * run across the empty cells to their right.
 */
export function columnWidths(blocks: readonly LayoutBlock[], lastCol: number, headerRows: ReadonlySet<number>, textCaps: readonly (number | undefined)[] = []): ColumnWidths {
  const numbers = new Array<number>(lastCol).fill(0);
  const texts = new Array<number>(lastCol).fill(0);
  const headers = new Array<number>(lastCol).fill(0);
  for (const b of blocks) {
    if (b.role === 'title' || b.role === 'caption') continue;
    // A summary line's text value stands alone on its row and may run on to the right, as a title does.
    const spills = b.role === 'summary';
    b.rows.forEach((row, i) => {
      const isHeader = b.role === 'table' && headerRows.has(b.top + i);
      for (let j = 0; j < row.length; j++) {
        const c = b.left - 1 + j;
        if (c >= lastCol) continue;
        const v = row[j];
        if (v === null || v === '') continue;
        if (typeof v === 'string') {
          if (spills && j > 0) continue;
          // Cheap skip: a string cannot be wider than twice its length.
          const into = isHeader ? headers : texts;
          if (v.length * 2 <= into[c]) continue;
          into[c] = Math.max(into[c], textWidth(v));
        } else numbers[c] = Math.max(numbers[c], valueWidth(v, b.formats[j] ?? 'General'));
      }
    });
  }
  const widths: number[] = [];
  const wrap: boolean[] = [];
  for (let c = 0; c < lastCol; c++) {
    const cap = Math.min(TEXT_CAP, textCaps[c] ?? TEXT_CAP);
    const need = Math.max(numbers[c], Math.min(texts[c], cap), Math.min(headers[c], HEADER_CAP));
    widths.push(Math.max(MIN_WIDTH, need + PADDING));
    wrap.push(texts[c] > cap || headers[c] > need);
  }
  return { widths, wrap };
}

/**
 * Lines each row needs where its wrapped text runs past its column's width (rows needing one line are left out).
 * Excel grows such a row by itself when a cell is edited, but not every reader does on opening a file
 * (LibreOffice keeps the default height and cuts the text), so the file host writes these heights.
 */
export function wrappedRowLines(blocks: readonly LayoutBlock[], widths: readonly number[], wrap: readonly boolean[]): Map<number, number> {
  const lines = new Map<number, number>();
  if (!wrap.some(Boolean)) return lines;
  for (const b of blocks) {
    if (b.role !== 'table' && b.role !== 'totals' && b.role !== 'summary') continue;
    for (let j = 0; j < b.formats.length; j++) {
      const c = b.left - 1 + j;
      if (!wrap[c]) continue;
      const room = Math.max(1, widths[c] - PADDING);
      b.rows.forEach((row, i) => {
        const v = row[j];
        if (typeof v !== 'string' || v.length * 2 <= room) return;
        // A little room for glyphs wider than two digits and for breaks between words.
        const n = Math.ceil((textWidth(v) * 1.05) / room);
        if (n > 1) lines.set(b.top + i, Math.max(lines.get(b.top + i) ?? 1, n));
      });
    }
  }
  return lines;
}
