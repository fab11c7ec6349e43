import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxHost } from '../../src/xlsx';
import { ZipReader } from '../../src/xlsx/zip';
import { dateToSerial } from '../../src/xlsx/read';
import { HostError } from '../../src/core/host';
import { planWrite } from '../../src/core/report/write-plan';
import { emptyState, isOwned, readState, stateSheet, type WorkbookState } from '../../src/core/state';
import { cellValue, cellFormat, type Grid } from '../../src/core/grid';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { serialToIso, isoToSerial } from '../../src/core/values/dates';
import { asIsoDate } from '../../src/core/values/brand';
import { runOnHost } from '../../src/core/run-on-host';
import { resaveAsXlsx, sheetsAsCsv } from '../helpers/libreoffice';
import { LIBREOFFICE, testNeeding } from '../helpers/programs';
import { oleFile, storedZip } from '../helpers/files';

const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The clerk's workbook: a shipping list with a title row, a merged title, a formula, an error and a date. */
async function clerkBook(opts: { date1904?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (opts.date1904) wb.properties.date1904 = true;
  const ws = wb.addWorksheet('10月出货');
  ws.getCell('A1').value = '2026年10月出货明细';
  ws.mergeCells('A1:E1');
  ws.addRow(['出货日期', '送货单号', '客户', '数量', '金额']);
  ws.addRow([new Date(Date.UTC(2026, 9, 5)), 'SH2610001', '苏州华工精密模具有限公司', 120, 1409.5]);
  ws.addRow([new Date(Date.UTC(2026, 9, 8, 14, 30)), 'SH2610002', { richText: [{ text: '昆山' }, { font: { bold: true }, text: '瑞德电子' }] }, 80, 960]);
  ws.addRow(['合计', null, null, { formula: 'SUM(D3:D4)', result: 200 }, { formula: 'SUM(E3:E4)', result: 2369.5 }]);
  ws.addRow(['备注', { text: '对账单', hyperlink: 'https://example.com/a' }, { error: '#N/A' }, { formula: 'NA()', result: { error: '#N/A' } }, '=不是公式']);
  ws.getCell('A3').numFmt = 'yyyy-mm-dd';
  ws.getCell('A4').numFmt = 'yyyy-mm-dd hh:mm';
  ws.getCell('E3').numFmt = '#,##0.00';
  ws.getRow(7).values = [1, 2, 3];
  ws.getCell('B7').value = { formula: 'A7*2', result: 2, shareType: 'shared', ref: 'B7:B8' } as ExcelJS.CellValue;
  ws.getCell('A8').value = 5;
  ws.getCell('B8').value = { sharedFormula: 'B7', result: 10 } as ExcelJS.CellValue;
  ws.getRow(6).hidden = true;
  ws.getColumn(3).hidden = true;
  const hidden = wb.addWorksheet('设置', { state: 'hidden' });
  hidden.getCell('A1').value = '税率';
  hidden.getCell('B1').value = 0.13;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const specs = (): SheetSpec[] => [
  {
    name: '销售分析',
    purpose: 'sales',
    title: ['销售分析 2026-10', '截止 2026-10-31'],
    summary: [
      { label: '本月含税销售额', value: 12345.67, type: 'money' },
      { label: '来源', value: { text: '10月出货!A3', target: { sheet: '10月出货', cell: 'A3' } }, type: 'link' },
    ],
    tables: [
      {
        name: '销售明细',
        columns: [
          { key: 'date', header: '日期', type: 'date' },
          { key: 'customer', header: '客户', type: 'text' },
          { key: 'amount', header: '金额', type: 'money' },
          { key: 'rate', header: '税率', type: 'rate' },
          { key: 'qty', header: '数量', type: 'quantity' },
          { key: 'n', header: '行数', type: 'integer' },
          { key: 'status', header: '状态', type: 'text' },
          { key: 'src', header: '来源', type: 'link' },
        ],
        rows: [
          ['2026-10-05', '苏州华工精密模具有限公司', 1409.5, 0.13, 120.5, 3, '正常', { text: '10月出货!B3', target: { sheet: '10月出货', cell: 'B3' } }],
          ['2026-10-08', '=SUM(A1:A2)', -960, 0.06, 80, 1, '错误', { text: '10月出货!B4', target: { sheet: '10月出货', cell: 'B4' } }],
          ['2026-02-28', '+86 138 0000 0000', 0, 0, null, 0, '-5', null],
          [null, '@张伟', 1234567.89, null, 0.25, null, '\t制表符', null],
        ],
        highlights: [{ column: 'status', equals: '错误', tone: 'bad' }],
        totals: [null, '合计', 1234.56 + 1234567.89 - 960 + 1409.5 - 1234.56, null, 200.75, 4, null, null],
      },
    ],
  },
  {
    name: '10月出货',
    purpose: 'sales',
    title: ['与客户工作表同名：应改名'],
    tables: [{ name: 'Clash', columns: [{ key: 'a', header: 'A', type: 'text' }], rows: [['x']] }],
  },
];

async function reopen(host: XlsxHost): Promise<{ host: XlsxHost; grids: Grid[]; wb: ExcelJS.Workbook; buf: Buffer }> {
  const buf = await host.toBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const again = await XlsxHost.open(buf, 'again.xlsx');
  return { host: again, grids: (await again.readWorkbook()).grids, wb, buf };
}

const byName = (grids: Grid[], name: string): Grid => {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
};

describe('reading a workbook', () => {
  test('values, cached formula results, errors, rich text, hyperlinks, merges, hidden rows, columns and sheets', async () => {
    const host = await XlsxHost.open(await clerkBook(), '出货.xlsx');
    const { grids, existing } = await host.readWorkbook();
    expect(existing.sheets).toEqual(['10月出货', '设置']);
    const g = byName(grids, '10月出货');
    expect(g.date1904).toBe(false);
    expect(cellValue(g, 1, 1)).toBe('2026年10月出货明细');
    expect(cellValue(g, 1, 2)).toBeNull(); // covered cell of the merge does not echo the title
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 5 }]);
    expect(cellValue(g, 3, 1)).toBe(isoToSerial(asIsoDate('2026-10-05')));
    expect(cellFormat(g, 3, 1)).toBe('yyyy-mm-dd');
    expect(serialToIso(cellValue(g, 3, 1) as number)).toBe('2026-10-05');
    expect(cellValue(g, 4, 1) as number).toBeCloseTo(isoToSerial(asIsoDate('2026-10-08')) + 14.5 / 24, 8);
    expect(cellValue(g, 4, 3)).toBe('昆山瑞德电子');
    expect(cellValue(g, 5, 4)).toBe(200);
    expect(cellValue(g, 5, 5)).toBe(2369.5);
    expect(cellValue(g, 6, 2)).toBe('对账单');
    expect(cellValue(g, 6, 3)).toEqual({ error: '#N/A' });
    expect(cellValue(g, 6, 4)).toEqual({ error: '#N/A' });
    expect(cellValue(g, 6, 5)).toBe('=不是公式');
    expect(cellValue(g, 7, 2)).toBe(2);
    expect(cellValue(g, 8, 2)).toBe(10); // shared formula: its cached result
    expect(cellFormat(g, 3, 5)).toBe('#,##0.00');
    expect(g.hiddenRows).toEqual([6]);
    expect(g.hiddenColumns).toEqual([3]);
    expect(g.hidden).toBeUndefined();
    const s = byName(grids, '设置');
    expect(s.hidden).toBe(true);
    expect(cellValue(s, 1, 2)).toBe(0.13);
  });

  test('a 1904-system workbook gives 1904 serials and says so', async () => {
    const host = await XlsxHost.open(await clerkBook({ date1904: true }));
    const g = byName((await host.readWorkbook()).grids, '10月出货');
    expect(g.date1904).toBe(true);
    const serial = cellValue(g, 3, 1) as number;
    expect(serial).toBe(isoToSerial(asIsoDate('2026-10-05')) - 1462);
    expect(serialToIso(serial, true)).toBe('2026-10-05');
    expect(serialToIso(cellValue(g, 4, 1) as number, true)).toBe('2026-10-08');
  });

  test('the direct XML reader and the ExcelJS reader give the same Grids', async () => {
    for (const opts of [{}, { date1904: true }]) {
      const buf = await clerkBook(opts);
      const direct = await XlsxHost.open(buf);
      const fast = await direct.readWorkbook();
      const slow = await XlsxHost.open(buf);
      slow.forceExcelJs = true;
      const viaExcelJs = await slow.readWorkbook();
      // Two different readers, not ExcelJS compared with itself.
      expect([direct.reader, slow.reader]).toEqual(['fast', 'exceljs']);
      // ExcelJS goes through a JS Date (milliseconds), so a time of day may differ in the last float digit.
      const round = (r: typeof fast) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
      expect(round(fast)).toEqual(round(viaExcelJs));
    }
  });

  test('Date → serial follows core around the 1900 leap-year bug and for times of day', () => {
    // ExcelJS's Date for serial s is 1899-12-30 + s days.
    const excelJsDate = (s: number, d1904 = false) => new Date(Math.round((s - 25569 + (d1904 ? 1462 : 0)) * 86_400_000));
    for (const s of [0.5, 1, 59, 60, 61, 45000, 45000.75, 2958465]) expect(dateToSerial(excelJsDate(s), false)).toBeCloseTo(s, 9);
    for (const s of [0, 0.25, 1, 44000, 44000.5]) expect(dateToSerial(excelJsDate(s, true), true)).toBeCloseTo(s, 9);
  });
});

describe('refusing what is not a workbook, in the clerk’s language', () => {
  const refuse = async (source: string | Buffer): Promise<HostError> => {
    try {
      await (await XlsxHost.open(source, 'book.xlsx')).readWorkbook();
    } catch (e) {
      if (e instanceof HostError) return e;
      throw e;
    }
    throw new Error('opened');
  };

  test('missing file', async () => {
    expect((await refuse(join(dir, 'nope.xlsx'))).key).toBe('xlsx.error.missing');
  });
  test('a text or CSV file renamed .xlsx', async () => {
    expect((await refuse(Buffer.from('客户,金额\n苏州华工,1409.5\n', 'utf8'))).key).toBe('xlsx.error.notWorkbook');
    expect((await refuse(Buffer.alloc(0))).key).toBe('xlsx.error.notWorkbook');
  });
  test('a zip that is not a workbook', async () => {
    expect((await refuse(storedZip({ 'word/document.xml': '<w:document/>' }))).key).toBe('xlsx.error.zipNotWorkbook');
  });
  test('a broken workbook zip: the part that is not XML is named as damaged', async () => {
    const e = await refuse(storedZip({ 'xl/workbook.xml': '<workbook', '[Content_Types].xml': '<' }));
    expect([e.key, e.values.part]).toEqual(['xlsx.error.damagedPart', 'xl/workbook.xml']);
  });
  test('a legacy .xls and a password-protected .xlsx (OLE compound files)', async () => {
    expect((await refuse(oleFile(['Workbook', 'SummaryInformation']))).key).toBe('xlsx.error.legacy');
    expect((await refuse(oleFile(['EncryptionInfo', 'EncryptedPackage']))).key).toBe('xlsx.error.encrypted');
  });
  test('an empty workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const host = await XlsxHost.open(Buffer.from(await wb.xlsx.writeBuffer()), 'empty.xlsx');
    await expect(host.readWorkbook()).rejects.toMatchObject({ key: 'xlsx.error.empty', values: { file: 'empty.xlsx' } });
  });
});

describe('writing SheetSpecs', () => {
  let written: { grids: Grid[]; wb: ExcelJS.Workbook; buf: Buffer };
  let plan: ReturnType<typeof planWrite>;
  let clerkBefore: Grid[];

  beforeAll(async () => {
    const host = await XlsxHost.open(await clerkBook(), '出货.xlsx');
    const read = await host.readWorkbook();
    clerkBefore = read.grids;
    const state: WorkbookState = { ...emptyState(), owned: [{ sheet: '销售分析', purpose: 'sales' }] };
    plan = planWrite(read.existing, state, [...specs(), stateSheet(state)]);
    await host.write(plan);
    written = await reopen(host);
  });

  test('every block value comes back from the file, with its number format', () => {
    for (const layout of plan.layouts) {
      const g = byName(written.grids, layout.name);
      for (const block of layout.blocks) {
        block.rows.forEach((row, i) =>
          row.forEach((v, j) => {
            const r = block.top + i;
            const c = block.left + j;
            expect([layout.name, r, c, cellValue(g, r, c)]).toEqual([layout.name, r, c, v === '' ? null : v]);
            if (v !== null && block.formats[j] !== 'General') expect([r, c, cellFormat(g, r, c)]).toEqual([r, c, block.formats[j]]);
          }),
        );
      }
    }
  });

  test('text that looks like a formula is stored as text, never a formula', () => {
    const ws = written.wb.getWorksheet('销售分析');
    if (!ws) throw new Error('no sheet');
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string' && /^[=+\-@\t]/.test(cell.value)) texts.push(cell.value);
      }),
    );
    expect(texts.sort()).toEqual(['+86 138 0000 0000', '-5', '=SUM(A1:A2)', '@张伟', '\t制表符'].sort());
  });

  test('tables, links, highlights, widths, frozen header, hidden state sheet, and the clash renamed', () => {
    expect(plan.renamed['10月出货']).toBe('10月出货_2');
    expect(written.wb.worksheets.map((w) => w.name)).toEqual(['10月出货', '设置', '销售分析', '10月出货_2', 'ClerkDesk_state']);
    const ws = written.wb.getWorksheet('销售分析');
    if (!ws) throw new Error('no sheet');
    const layout = plan.layouts[0];
    const tableLayout = layout.tables[0];
    const table = ws.getTable('销售明细') as unknown as { table: { tableRef?: string; ref: string; columns: { name: string }[] } };
    expect(table.table.columns.map((c) => c.name)).toEqual(tableLayout.headers);
    // Internal links: a location in the workbook, no external relationship.
    const zip = ZipReader.open(written.buf);
    const sheetXml = [...(zip?.entries.keys() ?? [])].filter((n) => n.startsWith('xl/worksheets/sheet')).map((n) => zip?.text(n) ?? '').join('');
    expect(sheetXml).toContain(`<hyperlink ref="H${tableLayout.top + 1}" location="&apos;10月出货&apos;!B3"`);
    expect(sheetXml).toContain(`<hyperlink ref="B5" location="&apos;10月出货&apos;!A3"`);
    const rels = [...(zip?.entries.keys() ?? [])].filter((n) => n.includes('_rels/sheet')).map((n) => zip?.text(n) ?? '').join('');
    expect(rels).toContain('https://example.com/a'); // the clerk's own external link stays
    expect(rels).not.toMatch(/Target="#/);
    expect(ws.getCell(tableLayout.top + 1, 8).value).toBe('10月出货!B3');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0].ref).toBe(layout.highlights[0].range);
    expect(cf[0].rules[0].formulae[0]).toBe(layout.highlights[0].formula.slice(1));
    expect(ws.getColumn(2).width).toBe(layout.widths[1]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: layout.freezeRows });
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(written.wb.getWorksheet('ClerkDesk_state')?.state).toBe('hidden');
    const state = readState(written.grids);
    expect(state.owned.map((o) => o.sheet)).toEqual(['销售分析']);
    expect(isOwned(state, '10月出货')).toBe(false);
  });

  test('the clerk’s sheets come back value for value', () => {
    for (const before of clerkBefore) expect(byName(written.grids, before.name)).toEqual(before);
  });

  testNeeding(LIBREOFFICE)('LibreOffice opens the file and shows the same values', () => {
    const file = join(dir, 'roundtrip.xlsx');
    writeFileSync(file, written.buf);
    const csv = sheetsAsCsv(file);
    expect([...csv.keys()]).toContain('销售分析');
    const rows = csv.get('销售分析')!;
    const top = plan.layouts[0].tables[0].top;
    expect(rows[0][0]).toBe('销售分析 2026-10');
    expect(rows[3].slice(0, 2)).toEqual(['本月含税销售额', '¥12,345.67']);
    expect(rows[top - 1]).toEqual(['日期', '客户', '金额', '税率', '数量', '行数', '状态', '来源']);
    expect(rows[top]).toEqual(['2026-10-05', '苏州华工精密模具有限公司', '¥1,409.50', '13.00%', '120.5', '3', '正常', '10月出货!B3']);
    expect(rows[top + 1]).toEqual(['2026-10-08', '=SUM(A1:A2)', '-¥960.00', '6.00%', '80', '1', '错误', '10月出货!B4']);
    expect(rows[top + 2].slice(0, 3)).toEqual(['2026-02-28', '+86 138 0000 0000', '¥0.00']);
    expect(rows[top + 2][6]).toBe('-5');
    expect(rows[top + 3].slice(0, 3)).toEqual(['', '@张伟', '¥1,234,567.89']);
    const clerk = csv.get('10月出货');
    expect(clerk?.[2].slice(0, 3)).toEqual(['2026-10-05', 'SH2610001', '苏州华工精密模具有限公司']);
    expect(clerk?.[2][4]).toBe('1,409.50');
    expect(clerk?.[4][4]).toBe('2369.5');
  });
});

describe('in place', () => {
  test('only generated sheets change; a re-run replaces them in place without copies or extra tables', async () => {
    const file = join(dir, 'inplace.xlsx');
    writeFileSync(file, await clerkBook());
    const runOnce = async (sheetSpecs: SheetSpec[]) => {
      const host = await XlsxHost.open(file);
      const read = await host.readWorkbook();
      const state = readState(read.grids);
      const owned = [...state.owned.filter((o) => !sheetSpecs.some((s) => s.purpose === o.purpose)), ...sheetSpecs.map((s) => ({ sheet: s.name, purpose: s.purpose }))];
      const next = { ...state, owned };
      await host.write(planWrite(read.existing, next, [...sheetSpecs, stateSheet(next)]));
      await host.save(file);
      return read.grids;
    };
    const before = await runOnce([specs()[0]]);
    // The clerk adds a sheet after ours; ours must keep its place when it is rewritten.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.addWorksheet('11月出货').getCell('A1').value = '下月';
    await wb.xlsx.writeFile(file);
    const second = await runOnce([specs()[0]]);
    const third = await runOnce([specs()[0]]);
    const after = await (await XlsxHost.open(file)).readWorkbook();
    expect(after.existing.sheets).toEqual(['10月出货', '设置', '销售分析', 'ClerkDesk_state', '11月出货']);
    expect(after.existing.tables.map((t) => t.name).sort()).toEqual(['ClerkDesk_state', '销售明细']);
    for (const g of before) expect(byName(after.grids, g.name)).toEqual(g);
    // ExcelJS (the clerk's edit above) drops sheet-scoped names, so the second run read our sheet without its mark.
    expect(byName(second, '销售分析')?.ownerMark).toBeNull();
    expect(byName(after.grids, '销售分析')?.ownerMark).toMatch(/^CD-\d+$/);
    expect({ ...byName(after.grids, '销售分析'), ownerMark: null }).toEqual(byName(second, '销售分析'));
    expect(byName(third, '11月出货')).toEqual(byName(after.grids, '11月出货'));
  });

  test('the pipeline on the file host writes the state sheet and nothing of the clerk’s changes', async () => {
    const host = await XlsxHost.open(await clerkBook());
    const before = (await host.readWorkbook()).grids;
    const run = await runOnHost(host, { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    const { grids } = await reopen(host);
    expect(grids.map((g) => g.name)).toEqual([...before.map((g) => g.name), ...run.plan.layouts.map((l) => l.name).filter((n) => !before.some((g) => g.name === n))]);
    for (const g of before) expect(byName(grids, g.name)).toEqual(g);
    expect(byName(grids, 'ClerkDesk_state').hidden).toBe(true);
  });
});

describe('the zip-level patch', () => {
  test('the clerk’s parts are copied byte for byte; sheet-local names follow their sheets; a 1904 workbook gets 1904 dates', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const a = wb.addWorksheet('甲');
    a.getCell('A1').value = '客户';
    wb.addWorksheet('乙').getCell('A1').value = 1;
    wb.definedNames.add("'乙'!$A$1", '乙_本地');
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    // First run: our sheet goes between nothing and everything (at the end); second run removes it.
    const host = await XlsxHost.open(buf);
    const read = await host.readWorkbook();
    const state: WorkbookState = { ...emptyState(), owned: [{ sheet: '日期', purpose: 'sales' }] };
    const spec: SheetSpec = { name: '日期', purpose: 'sales', title: [], tables: [{ name: 'D', columns: [{ key: 'd', header: '日期', type: 'date' }], rows: [['2026-10-31']] }] };
    await host.write(planWrite(read.existing, emptyState(), [spec, stateSheet(state)]));
    expect(host.rewroteWholeWorkbook).toBe(false);
    const out = await host.toBuffer();
    const zin = ZipReader.open(buf);
    const zout = ZipReader.open(out);
    if (!zin || !zout) throw new Error('zip');
    for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/theme/theme1.xml', 'xl/sharedStrings.xml']) {
      const ein = zin.entries.get(name);
      const eout = zout.entries.get(name);
      if (!ein || !eout) throw new Error(name);
      expect([name, zout.raw(eout).equals(zin.raw(ein))]).toEqual([name, true]);
    }
    const g = byName((await (await XlsxHost.open(out)).readWorkbook()).grids, '日期');
    expect(g.date1904).toBe(true);
    expect(serialToIso(cellValue(g, 2, 1) as number, true)).toBe('2026-10-31');

    // Re-run of the same job that no longer produces 日期 but 销售: 日期 goes (with its table), the state sheet
    // keeps its place, 销售 is added at the end.
    const again = await XlsxHost.open(out);
    const read2 = await again.readWorkbook();
    const st = readState(read2.grids);
    const next: WorkbookState = { ...st, owned: [{ sheet: '销售', purpose: 'sales' }] };
    await again.write(planWrite(read2.existing, st, [{ ...spec, name: '销售', tables: [{ ...spec.tables[0], name: 'S' }] }, stateSheet(next)]));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await again.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['甲', '乙', 'ClerkDesk_state', '销售']);
    const after = await (await XlsxHost.open(await again.toBuffer())).readWorkbook();
    expect(after.existing.tables.map((x) => x.name).sort()).toEqual(['ClerkDesk_state', 'S']);
    const xml = ZipReader.open(await again.toBuffer())?.text('xl/workbook.xml') ?? '';
    expect(xml).toContain('乙_本地');
  });
});

test('text with line breaks, control characters and literal _xHHHH_ survives the round trip', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('甲').getCell('A1').value = '客户';
  const host = await XlsxHost.open(Buffer.from(await wb.xlsx.writeBuffer()));
  const read = await host.readWorkbook();
  const odd = ['第一行\n第二行', '_x0041_ 不是 A', 'bell\u0007', '  前后空格  ', 'a & b <c> "d"'];
  const spec: SheetSpec = { name: '文本', purpose: 'x', title: [], tables: [{ name: 'T', columns: [{ key: 't', header: '文本', type: 'text' }], rows: odd.map((s) => [s]) }] };
  await host.write(planWrite(read.existing, emptyState(), [spec]));
  const g = byName((await (await XlsxHost.open(await host.toBuffer())).readWorkbook()).grids, '文本');
  expect(g.values.slice(1).map((r) => r[0])).toEqual(odd);
  const slow = await XlsxHost.open(await host.toBuffer());
  slow.forceExcelJs = true;
  const viaExcelJs = byName((await slow.readWorkbook()).grids, '文本');
  expect([viaExcelJs.values[1][0], viaExcelJs.values[4][0], viaExcelJs.values[5][0]]).toEqual([odd[0], odd[3], odd[4]]);
});

testNeeding(LIBREOFFICE)('a workbook saved by LibreOffice: both readers agree, and generated sheets go in', async () => {
  const file = join(dir, 'lo-source.xlsx');
  writeFileSync(file, await clerkBook());
  const buf = resaveAsXlsx(file);
  const host = await XlsxHost.open(buf);
  const fast = await host.readWorkbook();
  const slow = await XlsxHost.open(buf);
  slow.forceExcelJs = true;
  expect(host.reader).toBe('fast');
  const round = (r: unknown) => JSON.parse(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  expect(round(fast)).toEqual(round(await slow.readWorkbook()));
  const g = byName(fast.grids, '10月出货');
  expect(cellValue(g, 4, 3)).toBe('昆山瑞德电子');
  expect(cellValue(g, 6, 3)).toEqual({ error: '#N/A' });
  const state = { ...emptyState(), owned: [{ sheet: '销售分析', purpose: 'sales' }] };
  await host.write(planWrite(fast.existing, emptyState(), [specs()[0], stateSheet(state)]));
  expect(host.rewroteWholeWorkbook).toBe(false);
  const outFile = join(dir, 'lo-out.xlsx');
  writeFileSync(outFile, await host.toBuffer());
  const csv = sheetsAsCsv(outFile);
  expect(csv.get('销售分析')?.[0]?.[0]).toBe('销售分析 2026-10');
  expect(csv.get('10月出货')?.[2]?.slice(0, 2)).toEqual(['2026-10-05', 'SH2610001']);
});
