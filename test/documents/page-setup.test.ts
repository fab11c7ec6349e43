/**
 * Page set-up computed once in core (layout.page) and carried out by both hosts: SpreadsheetML in the file host,
 * worksheet.pageLayout on the Office.js simulation.
 */
import { ExcelHost } from '../../src/excel';
import { layoutSheet } from '../../src/core/report/layout';
import { planWrite } from '../../src/core/report/write-plan';
import { emptyState, stateSheet } from '../../src/core/state';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { addDefinedNames, pageTailXml, printNamesXml } from '../../src/xlsx/page-setup';
import { simFromGrids, type SimExcel } from '../office-sim';
import { cellKey } from '../../src/office-sim/model';
import { reportSpec, shippingList } from '../excel/fixtures';

const hostOn = (sim: SimExcel) => new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });

/** Twelve columns of 20-character text: far wider than a portrait A4 page. */
function wideSpec(): SheetSpec {
  const columns = Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, header: `列${i + 1}`, type: 'text' as const }));
  return {
    name: '宽表',
    purpose: 'sales',
    title: ['宽表'],
    tables: [{ name: '表_宽', columns, rows: [columns.map(() => 'ABCDEFGHIJKLMNOPQRST')] }],
  };
}

describe('the page of a layout', () => {
  test('a narrow sheet with one table and a chart: A4 portrait, one page wide, its header row repeated, the chart in the print area', () => {
    const spec = { ...reportSpec(), page: { footer: '第 &P 页 共 &N 页', company: '江苏华工科技装备有限公司' } };
    expect(layoutSheet(spec).page).toEqual({
      paper: 'A4',
      orientation: 'portrait',
      fitWide: 1,
      fitTall: 0,
      titleRows: { first: 7, last: 7 },
      // Table rows 7–11 (totals), the chart from A13 for 18 rows and 8 columns.
      printArea: 'A1:H31',
      headerLeft: '江苏华工科技装备有限公司',
      headerCenter: '出货核对',
      footerCenter: '第 &P 页 共 &N 页',
      centerHorizontally: false,
    });
  });

  test('a wide sheet prints landscape; a sheet of several tables repeats no header row; a hidden sheet has no page', () => {
    expect(layoutSheet(wideSpec()).page?.orientation).toBe('landscape');
    const two: SheetSpec = { ...reportSpec(), charts: [], tables: [reportSpec().tables[0], { ...reportSpec().tables[0], name: '表_二' }] };
    expect(layoutSheet(two).page?.titleRows).toBeNull();
    expect(layoutSheet(stateSheet(emptyState())).page).toBeNull();
  });

  test('a one-page document: fitted to one page, centred, no running header or footer', () => {
    const page = layoutSheet({ ...reportSpec(), page: { onePage: true, company: '江苏华工', footer: '第 &P 页' } }).page;
    expect(page).toMatchObject({ fitWide: 1, fitTall: 1, titleRows: null, headerLeft: '', headerCenter: '', footerCenter: '', centerHorizontally: true });
  });
});

describe('SpreadsheetML of a page', () => {
  test('A4 = paper size 9, fit to page, header and footer codes with a literal & doubled', () => {
    const page = layoutSheet({ ...reportSpec(), page: { footer: '第 &P 页 共 &N 页', company: 'A&B 公司' } }).page;
    const xml = pageTailXml(page);
    expect(xml).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<oddHeader>&amp;LA&amp;&amp;B 公司&amp;C出货核对</oddHeader>');
    expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>');
  });

  test('print names are sheet-local, quoted and absolute, and go where the schema wants them', () => {
    const page = layoutSheet({ ...reportSpec(), name: "O'Brien 表" }).page;
    const names = printNamesXml(page, "O'Brien 表", 3);
    expect(names).toEqual([
      '<definedName name="_xlnm.Print_Area" localSheetId="3">&apos;O&apos;&apos;Brien 表&apos;!$A$1:$H$31</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;O&apos;&apos;Brien 表&apos;!$7:$7</definedName>',
    ]);
    const wb = '<workbook><sheets><sheet/></sheets><externalReferences><externalReference/></externalReferences><calcPr/></workbook>';
    expect(addDefinedNames(wb, ['<definedName/>'])).toBe(
      '<workbook><sheets><sheet/></sheets><externalReferences><externalReference/></externalReferences><definedNames><definedName/></definedNames><calcPr/></workbook>',
    );
    expect(addDefinedNames('<workbook><definedNames><definedName name="x"/></definedNames></workbook>', ['<d/>'])).toBe(
      '<workbook><definedNames><definedName name="x"/><d/></definedNames></workbook>',
    );
  });
});

describe('worksheet.pageLayout through Office.js (simulation)', () => {
  async function write(sim: SimExcel, specs: SheetSpec[]) {
    const host = hostOn(sim);
    const { existing } = await host.readWorkbook();
    const owned = specs.map((s) => ({ sheet: s.name, purpose: s.purpose }));
    const state = { ...emptyState(), owned };
    await host.write(planWrite(existing, state, [...specs, stateSheet(state)]));
  }

  test('ExcelApi 1.9: A4, orientation, fit to one page wide, print area, title rows, header and footer', async () => {
    const sim = simFromGrids([shippingList()]);
    await write(sim, [{ ...reportSpec(), page: { footer: '第 &P 页 共 &N 页', company: 'A&B 公司' } }, wideSpec()]);
    expect(sim.sheet('核对_出货').pageLayout).toEqual({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1 },
      margins: { leftMargin: 36, rightMargin: 36, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
      centerHorizontally: false,
      printArea: 'A1:H31',
      printTitleRows: '$7:$7',
      headers: { leftHeader: 'A&&B 公司', centerHeader: '出货核对', centerFooter: '第 &P 页 共 &N 页' },
    });
    expect(sim.sheet('宽表').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$3:$3' });
    // The hidden state sheet never prints: nothing set.
    expect(sim.sheet('ClerkDesk_state').pageLayout).toEqual({ margins: {}, headers: {} });
  });

  test('long text wraps in its column, as in the file host: the table cells of that column only, not the title above', async () => {
    const sim = simFromGrids([shippingList()]);
    const note = '对方未入账，已于 2026年11月3日 电话确认，将于下月对账单补记；另有两笔退货红字发票待开具，金额另计';
    const spec: SheetSpec = { name: '说明', purpose: 'quotes', title: ['很长的标题'], tables: [{ name: '表_说明', columns: [{ key: 'note', header: '备注', type: 'text' }], rows: [[note], ['短']] }] };
    await write(sim, [spec]);
    const sheet = sim.sheet('说明');
    const layout = layoutSheet(spec);
    expect(layout.wrap).toEqual([true]);
    // Header row 3, data rows 4–5 (0-based 2..4); the title in row 1 does not wrap.
    expect([...sheet.wrapped].sort((a, b) => a - b)).toEqual([cellKey(2, 0), cellKey(3, 0), cellKey(4, 0)]);
    expect(sheet.verticalAlignment.get(cellKey(3, 0))).toBe('Top');
  });

  test('before ExcelApi 1.9 the sheets are written without page set-up, and without an error', async () => {
    const sim = simFromGrids([shippingList()], { apiMinor: 8 });
    await write(sim, [reportSpec()]);
    expect(sim.cell('核对_出货', 'A1').value).toBe('出货核对');
    expect(sim.sheet('核对_出货').pageLayout).toEqual({ margins: {}, headers: {} });
  });
});
