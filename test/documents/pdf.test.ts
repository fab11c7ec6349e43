/** `--pdf`: the letters and the analysis sheets printed by LibreOffice; a clear sentence when it is not installed. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import { onlySheets } from '../../src/cli/pdf';
import { ZipReader } from '../../src/xlsx/zip';
import { pdfPages, withPdfTools } from '../helpers/pdf';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const have = existsSync(sample);
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-pdfcli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const args = (out: string, pdf: string) => ['all', join(dir, 'book.xlsx'), '--out', out, '--as-of', '2026-10-31', '--period', '2026-10', '--month', '2026-10', '--pdf', pdf];

beforeAll(() => {
  if (have) copyFileSync(sample, join(dir, 'book.xlsx'));
});

(have ? describe : describe.skip)('--pdf', () => {
  test('without LibreOffice: one clear sentence, the workbook saved as usual, exit 1, no PDF', async () => {
    let err = '';
    const out = join(dir, 'no-lo.xlsx');
    const code = await main(args(out, join(dir, 'no-lo.pdf')), { stdout: () => undefined, stderr: (s) => (err += s), soffice: null });
    expect(code).toBe(1);
    expect(err).toContain(`没有找到 LibreOffice（soffice），所以没有生成 PDF；工作簿已照常保存到 ${out}。`);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'no-lo.pdf'))).toBe(false);
  }, 60_000);

  test('the PDF may not overwrite the workbook', async () => {
    let err = '';
    const out = join(dir, 'same.xlsx');
    expect(await main(args(out, out), { stdout: () => undefined, stderr: (s) => (err += s) })).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  withPdfTools()(
    'with LibreOffice: the three letters first, one page each, then the aging and sales sheets; nothing of the working sheets',
    async () => {
      const out = join(dir, 'lo.xlsx');
      const pdf = join(dir, 'send.pdf');
      expect(await main(args(out, pdf), { stdout: () => undefined, stderr: () => undefined })).toBe(0);
      const pages = pdfPages(readFileSync(pdf));
      expect(pages.slice(0, 3).map((p) => /致：(\S+)/.exec(p)?.[1])).toEqual(['苏州华工精密模具有限公司', '无锡华工汽车部件有限公司', '嘉兴华工新材料科技有限公司']);
      const text = pages.join('\n');
      expect(text).toContain('应收账款账龄分析');
      expect(text).not.toContain('报价与合同核对');
      expect(text).not.toContain('调节表');
    },
    300_000,
  );
});

test('onlySheets keeps only the sheets to print, their print areas following them', () => {
  const wb =
    '<workbook><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B&amp;C" sheetId="2" state="hidden" r:id="rId2"/><sheet name="D" sheetId="3" r:id="rId3"/></sheets>' +
    '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">A!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">x</definedName><definedName name="g">A!$A$1</definedName></definedNames></workbook>';
  const { ZipWriter } = jest.requireActual('../../src/xlsx/zip');
  const w = new ZipWriter();
  w.add('xl/workbook.xml', wb);
  const out = onlySheets(w.finish(), ['B&C']);
  const xml = ZipReader.open(out as Buffer)?.text('xl/workbook.xml');
  expect(xml).toBe(
    '<workbook><bookViews><workbookView/></bookViews><sheets><sheet name="B&amp;C" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">x</definedName></definedNames></workbook>',
  );
});
