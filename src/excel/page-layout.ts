/// <reference types="office-js" />
import { MARGINS, footerCode, type LayoutPage } from '../core/report/page';

/**
 * A LayoutPage through Office.js (worksheet.pageLayout, ExcelApi 1.9): the same page set-up the file host writes
 * as SpreadsheetML. Header and footer texts use the same codes (&P, &N, && for a literal &).
 */

const POINTS_PER_INCH = 72;
const points = (inches: number): number => Math.round(inches * POINTS_PER_INCH * 100) / 100;

/** Queue the page set-up of one sheet (no sync). */
export function queuePageLayout(ws: Excel.Worksheet, page: LayoutPage): void {
  const pl = ws.pageLayout;
  pl.paperSize = 'A4' as Excel.PaperType;
  pl.orientation = (page.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
  // As many pages tall as it takes is "no vertical fit": only the width is given then.
  pl.zoom = page.fitTall > 0 ? { horizontalFitToPages: page.fitWide, verticalFitToPages: page.fitTall } : { horizontalFitToPages: page.fitWide };
  pl.leftMargin = points(MARGINS.left);
  pl.rightMargin = points(MARGINS.right);
  pl.topMargin = points(MARGINS.top);
  pl.bottomMargin = points(MARGINS.bottom);
  pl.headerMargin = points(MARGINS.header);
  pl.footerMargin = points(MARGINS.footer);
  pl.centerHorizontally = page.centerHorizontally;
  pl.setPrintArea(page.printArea);
  if (page.titleRows) pl.setPrintTitleRows(`$${page.titleRows.first}:$${page.titleRows.last}`);
  const hf = pl.headersFooters.defaultForAllPages;
  const esc = (s: string) => s.replace(/&/g, '&&');
  hf.leftHeader = esc(page.headerLeft);
  hf.centerHeader = esc(page.headerCenter);
  hf.centerFooter = footerCode(page.footerCenter).replace(/^&C/, '');
}
