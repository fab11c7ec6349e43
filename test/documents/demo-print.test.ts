/**
 * The demo's output as a clerk would print it: `all` on the bundled sample (as `npm run demo` runs it), then
 * - every generated sheet carries its page set-up (A4, fit to one page wide, footer with page numbers, print area);
 * - every generated table has real, unique headers;
 * - no number cell is wider than its column (checked with ExcelJS reading the file and Intl formatting the number);
 * - LibreOffice prints the generated sheets in at most 60 A4 pages, each confirmation letter on one page.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { ZipReader } from '../../src/xlsx/zip';
import { pdfPages, toPdf, withPdfTools } from '../helpers/pdf';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = join(dir, 'clerk-sample.xlsx');
const out = join(dir, 'demo.xlsx');

interface SheetPart {
  name: string;
  index: number;
  hidden: boolean;
  xml: string;
  rels: string;
}

let clerkSheets: string[] = [];
let generated: SheetPart[] = [];
let zip: ZipReader;

const sheetNames = (workbookXml: string) => [...workbookXml.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*>/g)].map((m) => m[1].replace(/&apos;/g, "'").replace(/&amp;/g, '&'));

beforeAll(async () => {
  copyFileSync(sample, book);
  const code = await main(['all', book, '--out', out, '--as-of', '2026-10-31', '--period', '2026-10', '--month', '2026-10'], { stdout: () => undefined, stderr: () => undefined });
  expect(code).toBe(0);
  clerkSheets = sheetNames(ZipReader.open(readFileSync(book))?.text('xl/workbook.xml') ?? '');
  zip = ZipReader.open(readFileSync(out)) as ZipReader;
  const wb = zip.text('xl/workbook.xml') ?? '';
  const rels = zip.text('xl/_rels/workbook.xml.rels') ?? '';
  const tags = [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]);
  generated = tags
    .map((tag, index) => {
      const name = sheetNames(tag)[0];
      const rid = /r:id="([^"]+)"/.exec(tag)?.[1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
      const part = target.replace(/^\//, '').replace(/^(?!xl\/)/, 'xl/');
      const relsPart = part.replace(/worksheets\//, 'worksheets/_rels/') + '.rels';
      return { name, index, hidden: /state="hidden"/.test(tag), xml: zip.text(part) ?? '', rels: zip.text(relsPart) ?? '' };
    })
    .filter((s) => !clerkSheets.includes(s.name));
}, 120_000);

const haveSample = existsSync(sample);
const describeSample = haveSample ? describe : describe.skip;

describeSample('the demo prints', () => {
  test('every visible generated sheet: A4, fitted to one page wide, page numbers in the footer, a print area', () => {
    const visible = generated.filter((s) => !s.hidden);
    expect(visible.length).toBeGreaterThan(20);
    const wb = zip.text('xl/workbook.xml') ?? '';
    for (const s of visible) {
      expect([s.name, /<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/.test(s.xml)]).toEqual([s.name, true]);
      expect([s.name, /<pageSetup paperSize="9" orientation="(portrait|landscape)" fitToWidth="1" fitToHeight="[01]"\/>/.test(s.xml)]).toEqual([s.name, true]);
      const letter = /fitToHeight="1"/.test(s.xml);
      if (!letter) expect([s.name, s.xml.includes('<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>')]).toEqual([s.name, true]);
      const quoted = `&apos;${s.name.replace(/'/g, '&apos;&apos;')}&apos;!`;
      expect([s.name, wb.includes(`<definedName name="_xlnm.Print_Area" localSheetId="${s.index}">${quoted}$A$1:`)]).toEqual([s.name, true]);
    }
  });

  test('every generated table has real, unique headers (no ColumnN, no blanks)', () => {
    let tables = 0;
    for (const s of generated) {
      for (const m of s.rels.matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) {
        const xml = zip.text(`xl/tables/${m[1]}`) ?? '';
        const names = [...xml.matchAll(/<tableColumn\b[^>]*name="([^"]*)"/g)].map((c) => c[1]);
        tables++;
        expect([s.name, names.filter((n) => !n.trim() || /^Column\d+$/.test(n))]).toEqual([s.name, []]);
        expect([s.name, new Set(names.map((n) => n.toLowerCase())).size]).toEqual([s.name, names.length]);
      }
    }
    expect(tables).toBeGreaterThan(20);
  });

  test('no number cell is wider than its column (so none shows ###)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const shown = (v: number, fmt: string): string => {
      if (fmt.includes('¥')) return `${v < 0 ? '-' : ''}¥${money.format(Math.abs(v))}`;
      if (fmt === 'yyyy-mm-dd') return '2026-10-31';
      if (fmt === '0.00%') return `${(v * 100).toFixed(2)}%`;
      if (fmt === '0') return String(Math.round(v));
      return String(v).slice(0, 11);
    };
    const tooWide: string[] = [];
    let checked = 0;
    for (const ws of wb.worksheets) {
      if (clerkSheets.includes(ws.name) || ws.state === 'hidden') continue;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'number') return;
          checked++;
          const width = ws.getColumn(cell.col).width ?? 8.43;
          // One character of room for the cell's margins.
          if (shown(cell.value, cell.numFmt ?? 'General').length + 1 > width) tooWide.push(`${ws.name}!${cell.address} ${shown(cell.value, cell.numFmt ?? '')} > ${width}`);
        }),
      );
    }
    expect(checked).toBeGreaterThan(500);
    expect(tooWide).toEqual([]);
  });

  withPdfTools()(
    'LibreOffice prints the generated sheets in at most 60 A4 pages, and each confirmation letter on one page',
    () => {
      const pages = pdfPages(toPdf(out));
      // Pages of generated sheets carry our footer; the clerk's own sheets print as she set them.
      const ours = pages.filter((p) => /第 \d+ 页 共 \d+ 页/.test(p));
      expect(ours.length).toBeGreaterThan(10);
      expect(ours.length).toBeLessThanOrEqual(60);
      // LibreOffice draws the four charts of the file (their titles are on the pages).
      const all = pages.join('\n').replace(/\s+/g, '');
      for (const title of ['应收账款账龄分布', '产品类别构成（不含税）', '关联企业与外部客户（不含税）', '近12个月销售趋势（不含税）']) expect([title, all.includes(title)]).toEqual([title, true]);
      // Each confirmation letter prints on exactly one page, addressed to its company.
      const letterSheets = generated.filter((g) => g.name.startsWith('确认函_'));
      expect(letterSheets.length).toBe(3);
      for (const g of letterSheets) {
        const company = g.name.slice('确认函_'.length);
        const onPages = pages.filter((p) => p.includes('对账确认函') && p.includes(`致：${company}`));
        expect([company, onPages.length]).toEqual([company, 1]);
        expect(onPages[0]).toContain('核对不符及说明');
      }
    },
    240_000,
  );
});

if (!haveSample) test.skip('assets/sample/clerk-sample.xlsx is not there yet', () => undefined);
