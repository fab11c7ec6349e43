import { footerCode, headerCode, MARGINS, type LayoutPage } from '../core/report/page';
import { quoteSheetName } from '../core/values/address';
import { escapeXml } from './patch';

/**
 * A LayoutPage as SpreadsheetML: the worksheet's page parts (in the order the schema wants them) and the
 * workbook's print names (_xlnm.Print_Titles, _xlnm.Print_Area), which live in workbook.xml with the sheet's index.
 */

/** ECMA-376 paper size code of A4. */
const PAPER_A4 = 9;

/** `<sheetPr>`: the first child of <worksheet>; fit-to-page scaling is switched on here. */
export const sheetPrXml = (page: LayoutPage | null): string => (page ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '');

/** printOptions, pageMargins, pageSetup and headerFooter: after hyperlinks, before drawing and tableParts. */
export function pageTailXml(page: LayoutPage | null): string {
  const m = MARGINS;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!page) return margins;
  const header = headerCode(page.headerLeft, page.headerCenter);
  const footer = footerCode(page.footerCenter);
  return (
    (page.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '') +
    margins +
    `<pageSetup paperSize="${PAPER_A4}" orientation="${page.orientation}" fitToWidth="${page.fitWide}" fitToHeight="${page.fitTall}"/>` +
    (header || footer
      ? `<headerFooter>${header ? `<oddHeader>${escapeXml(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : ''}</headerFooter>`
      : '')
  );
}

/** `$A$1:$H$40` from `A1:H40`. */
const absolute = (range: string): string => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');

/** The print names of one sheet at position `index` (0-based) of the final workbook, as <definedName> elements. */
export function printNamesXml(page: LayoutPage | null, sheet: string, index: number): string[] {
  if (!page) return [];
  const q = quoteSheetName(sheet);
  const out = [`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(`${q}!${absolute(page.printArea)}`)}</definedName>`];
  if (page.titleRows) {
    out.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(`${q}!$${page.titleRows.first}:$${page.titleRows.last}`)}</definedName>`);
  }
  return out;
}

/** Put defined names into workbook.xml: into <definedNames>, or a new one where the schema wants it. */
export function addDefinedNames(workbookXml: string, names: readonly string[]): string {
  if (!names.length) return workbookXml;
  if (/<definedNames\s*\/>/.test(workbookXml)) return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${names.join('')}</definedNames>`);
  if (/<definedNames\b[^>]*>/.test(workbookXml)) return workbookXml.replace(/<\/definedNames>/, `${names.join('')}</definedNames>`);
  const block = `<definedNames>${names.join('')}</definedNames>`;
  // definedNames follows sheets, functionGroups and externalReferences.
  for (const after of ['</externalReferences>', '</functionGroups>', '</sheets>']) {
    const at = workbookXml.indexOf(after);
    if (at >= 0) return workbookXml.slice(0, at + after.length) + block + workbookXml.slice(at + after.length);
  }
  return workbookXml;
}
