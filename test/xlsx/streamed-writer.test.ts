/**
 * The streaming writer: text escaped only where a character needs it (xml-text.ts), sheets rendered a row at a
 * time into deflated, checksummed pieces (ZipWriter.addStreamed), and what it writes reads back — with our reader
 * and with LibreOffice — as the values the spec gave.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxHost } from '../../src/xlsx';
import { xmlAttr, xmlText, Utf8Chunks } from '../../src/xlsx/xml-text';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';
import { attr, parseXml } from '../../src/xlsx/xml';
import { planWrite } from '../../src/core/report/write-plan';
import { emptyState } from '../../src/core/state';
import { cellValue, type Grid } from '../../src/core/grid';
import type { OutValue, SheetSpec } from '../../src/core/sheet-spec';
import { sheetsAsCsv } from '../helpers/libreoffice';
import { LIBREOFFICE, testNeeding } from '../helpers/programs';

const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-streamed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('escaping', () => {
  test('text that needs nothing is passed on as it is', () => {
    for (const s of ['苏州华工精密模具有限公司', 'DN00000001', '¥1,234.50', '２０２４年３月５日', 'P_1000', 'a"b\'c', 'tab\there', 'two\nlines', '😀 表情']) {
      expect(xmlText(s)).toBe(s);
    }
  });

  test('markup, control characters, lone surrogates, carriage returns and text that looks like an escape', () => {
    expect(xmlText('A&B <小计> 1>0')).toBe('A&amp;B &lt;小计&gt; 1&gt;0');
    expect(xmlText('a\u0000b\u0007c\u000Bd\u001Fe')).toBe('a_x0000_b_x0007_c_x000B_d_x001F_e');
    expect(xmlText('line\r\nnext')).toBe('line_x000D_\nnext');
    expect(xmlText('x\uD800y')).toBe('x_xD800_y');
    expect(xmlText('x\uDC00y')).toBe('x_xDC00_y');
    expect(xmlText('\uDE00\uD83D')).toBe('_xDE00__xD83D_'); // a pair in the wrong order is two lone halves
    expect(xmlText('\uFFFE\uFFFF')).toBe('_xFFFE__xFFFF_');
    expect(xmlText('_x0041_')).toBe('_x005F_x0041_');
    // Both underscores that start an escape-like run are escaped (one pass of the reader's rule gives the text back).
    expect(xmlText('_x0041_x0042_')).toBe('_x005F_x0041_x005F_x0042_');
    expect(xmlText('_x004G_ _x12_')).toBe('_x004G_ _x12_');
  });

  test('attribute values also escape quotes, and keep tab, line feed and carriage return as references', () => {
    expect(xmlAttr('\'10月出货\'!B3')).toBe('&apos;10月出货&apos;!B3');
    expect(xmlAttr('say "是"')).toBe('say &quot;是&quot;');
    expect(xmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlAttr('O\'Brien & 张')).toBe('O&apos;Brien &amp; 张');
  });

  /** Strings of any UTF-16 units, with the awkward ones often. */
  const anyText = fc
    .array(
      fc.oneof(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
        fc.constantFrom('_x0041_', '_x005F_', '&amp;', '<', '>', '"', "'", '\r', '\r\n', '\n', '\t', '\u0000', '\uD83D\uDE00', '\uD800', '\uDFFF', '苏州', '小计', '¥1,234.50', '２０２４年３月５日'),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));

  /** What an XML reader and Excel's escape rule make of escaped text: entities, then _xHHHH_. */
  const readBack = (xml: string, element: boolean): string => {
    let text = '';
    let value = '';
    parseXml(element ? `<t>${xml}</t>` : `<t v="${xml}"/>`, 'test', {
      open: (el) => {
        value = attr(el, 'v') ?? value;
      },
      text: (t) => {
        text += t;
      },
    });
    const raw = element ? text : value;
    return raw.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  };

  test('property: escaped element text and attribute values are well-formed XML and read back as the text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(readBack(xmlText(s), true)).toBe(s);
        expect(readBack(xmlAttr(s), false)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('deflating as it goes', () => {
  test('property: pieces deflated on their own make one stream with the right size and CRC', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 12 }), (pieces) => {
        const w = new ZipWriter();
        w.addStreamed('xl/worksheets/sheet1.xml', (write) => pieces.forEach((p) => write(Buffer.from(p))));
        const z = ZipReader.open(w.finish());
        expect(z.read('xl/worksheets/sheet1.xml')).toEqual(Buffer.concat(pieces.map((p) => Buffer.from(p))));
      }),
      { numRuns: 200 },
    );
  });

  test('UTF-8 chunks: CJK and emoji split across full buffers come out whole', () => {
    const got: Buffer[] = [];
    const chunks = new Utf8Chunks((b) => got.push(Buffer.from(b)), 64);
    const parts = ['苏州华工', '😀', 'ab', '２０２４年３月５日', 'x'.repeat(100), '小计'];
    for (const p of parts) chunks.write(p);
    chunks.flush();
    expect(got.length).toBeGreaterThan(2);
    expect(Buffer.concat(got).toString('utf8')).toBe(parts.join(''));
    // Each piece is whole UTF-8 on its own (nothing cut inside a character).
    for (const b of got) expect(Buffer.from(b.toString('utf8'), 'utf8')).toEqual(b);
  });
});

/** The clerk's workbook: one small sheet of hers. */
async function herBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月出货');
  ws.addRow(['送货单号', '客户', '数量']);
  ws.addRow(['SH2610001', '苏州华工精密模具有限公司', 120]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const spec = (rows: OutValue[][]): SheetSpec => ({
  name: '核对结果',
  purpose: 'reconcile',
  title: ['核对结果 2026-10'],
  tables: [
    {
      name: 'Checked',
      columns: [
        { key: 'text', header: '摘要', type: 'text' },
        { key: 'n', header: '数量', type: 'quantity' },
        { key: 'src', header: '来源', type: 'link' },
      ],
      rows,
    },
  ],
});

async function writeAndRead(rows: OutValue[][]): Promise<{ buf: Buffer; grid: Grid; top: number }> {
  const host = await XlsxHost.open(await herBook(), 'her.xlsx');
  const read = await host.readWorkbook();
  const plan = planWrite(read.existing, emptyState(), [spec(rows)]);
  await host.write(plan);
  const buf = await host.toBuffer();
  const again = await XlsxHost.open(buf, 'out.xlsx');
  const grid = (await again.readWorkbook()).grids.find((g) => g.name === '核对结果');
  if (!grid) throw new Error('no generated sheet');
  return { buf, grid, top: plan.layouts[0].tables[0].top };
}

const link = (row: number): OutValue => ({ text: `10月出货!B${row}`, target: { sheet: '10月出货', cell: `B${row}` } });

describe('what the streaming writer writes reads back', () => {
  test('property: our reader gives back the spec’s values, whatever the text', async () => {
    const cellText = fc
      .array(
        fc.oneof(
          fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
          fc.constantFrom('_x0041_', '&', '<小计>', '"', "'", '\r\n', '\u0001', '\uD83D\uDE00', '\uDBFF', '苏州华工', '¥1,234.50', '２０２４年３月５日'),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((p) => p.join(''))
      // A cell whose text is only spaces or empty is a blank to every reader: not what this property is about.
      .filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cellText, fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }))), { minLength: 1, maxLength: 30 }), async (data) => {
        const rows: OutValue[][] = data.map(([s, n], i) => [s, n, link(i + 2)]);
        const { grid, top } = await writeAndRead(rows);
        expect(cellValue(grid, top, 1)).toBe('摘要');
        data.forEach(([s, n], i) => {
          expect(cellValue(grid, top + 1 + i, 1)).toBe(s);
          expect(cellValue(grid, top + 1 + i, 2)).toBe(Object.is(n, -0) ? 0 : n);
          expect(cellValue(grid, top + 1 + i, 3)).toBe(`10月出货!B${i + 2}`);
        });
      }),
      { numRuns: 30 },
    );
  });

  testNeeding(LIBREOFFICE)(
    'LibreOffice opens a streamed sheet of many pieces and shows the same values',
    async () => {
      // ~9,000 rows: well over one 256 KB piece, so the sheet is several deflate pieces laid end to end.
      const texts = ['苏州华工精密模具有限公司', 'A&B <小计>', '说 "是" 或 \'否\'', '_x0041_', '😀 表情', '２０２４年３月５日'];
      const rows: OutValue[][] = Array.from({ length: 9000 }, (_, i) => [`${texts[i % texts.length]} ${i}`, i * 1.5, link(2)]);
      const { buf, top } = await writeAndRead(rows);
      const z = ZipReader.open(buf);
      const sheetParts = [...z.entries.values()].filter((e) => e.name.startsWith('xl/worksheets/') && e.size > 1 << 18);
      expect(sheetParts.length).toBe(1);
      const file = join(dir, 'streamed.xlsx');
      writeFileSync(file, buf);
      const csv = sheetsAsCsv(file).get('核对结果');
      expect(csv).toBeDefined();
      const lines = csv ?? [];
      expect(lines[top - 1]).toEqual(['摘要', '数量', '来源']);
      for (const i of [0, 1, 2, 3, 4, 5, 4321, 8999]) {
        expect(lines[top + i].slice(0, 3)).toEqual([`${texts[i % texts.length]} ${i}`, String(i * 1.5), '10月出货!B2']);
      }
    },
    120_000,
  );
});
