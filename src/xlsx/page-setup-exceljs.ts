import type ExcelJS from 'exceljs';
import { footerCode, headerCode, MARGINS, type LayoutPage } from '../core/report/page';

/** The same page set-up as page-setup.ts, for the whole-workbook ExcelJS fallback (workbooks the patcher declines). */
export function applyPageSetup(ws: ExcelJS.Worksheet, page: LayoutPage | null): void {
  if (!page) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: page.orientation,
    fitToPage: true,
    fitToWidth: page.fitWide,
    fitToHeight: page.fitTall,
    horizontalCentered: page.centerHorizontally,
    margins: { ...MARGINS },
    printArea: page.printArea,
    ...(page.titleRows ? { printTitlesRow: `${page.titleRows.first}:${page.titleRows.last}` } : {}),
  };
  ws.headerFooter = { oddHeader: headerCode(page.headerLeft, page.headerCenter), oddFooter: footerCode(page.footerCenter) };
}
