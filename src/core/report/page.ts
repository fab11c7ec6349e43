import type { SheetSpec } from '../sheet-spec';
import { a1 } from '../values/address';

/**
 * How a generated sheet prints, decided once here for both hosts: A4, landscape when the columns are wider than
 * a portrait page, one page wide (as many pages tall as it takes), the main table's header repeated on every page,
 * the sheet's title (and our company) in the page header, page numbers in the footer, and a print area around
 * what was written.
 */

export interface LayoutPage {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Pages wide and tall to fit into; 0 = as many as it takes. */
  fitWide: 1;
  fitTall: number;
  /** Rows printed at the top of every page (the header row of the sheet's one long table), or null. */
  titleRows: { first: number; last: number } | null;
  /** A1 range printed, e.g. A1:H40. */
  printArea: string;
  /** Page header, left and centre (plain text: hosts escape & for Excel's codes). */
  headerLeft: string;
  headerCenter: string;
  /** Page footer with &P (page) and &N (pages) codes, e.g. 第 &P 页 共 &N 页. */
  footerCenter: string;
  /** Horizontal centring: a document (a letter) sits in the middle of the page. */
  centerHorizontally: boolean;
}

/**
 * Printable width of A4 in Excel width units (one digit of the 11-pt default font, 7 px at 96 dpi) with the
 * margins this module sets (0.5 inch left and right): portrait (8.27 − 1) × 96 / 7 ≈ 99, landscape ≈ 145.
 */
export const PORTRAIT_UNITS = 99;

export const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** The footer when a sheet names none (a spec built outside the pipeline). */
const DEFAULT_FOOTER = '&P / &N';

export function pageOf(spec: SheetSpec, widths: readonly number[], lastRow: number, lastCol: number, titleRow: number): LayoutPage {
  const page = spec.page ?? {};
  const wide = widths.reduce((a, w) => a + w, 0) > PORTRAIT_UNITS;
  return {
    paper: 'A4',
    orientation: page.orientation ?? (wide ? 'landscape' : 'portrait'),
    fitWide: 1,
    fitTall: page.onePage ? 1 : 0,
    titleRows: titleRow > 0 && !page.onePage ? { first: titleRow, last: titleRow } : null,
    printArea: `A1:${a1(Math.max(1, lastRow), Math.max(1, lastCol))}`,
    headerLeft: page.onePage ? '' : (page.company ?? ''),
    headerCenter: page.onePage ? '' : (spec.title[0] ?? spec.name),
    footerCenter: page.onePage ? '' : (page.footer ?? DEFAULT_FOOTER),
    centerHorizontally: !!page.onePage,
  };
}

/** Excel's header/footer code string for a page: &L left &C centre; a literal & is written &&. */
export function headerCode(left: string, center: string): string {
  const esc = (s: string) => s.replace(/&/g, '&&');
  return `${left ? `&L${esc(left)}` : ''}${center ? `&C${esc(center)}` : ''}`;
}

/** A footer code: the page-number codes &P and &N stay codes, any other & is literal. */
export function footerCode(center: string): string {
  return center ? `&C${center.replace(/&(?![PN])/g, '&&')}` : '';
}
