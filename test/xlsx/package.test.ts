/** The workbook part is found through the package relationships, wherever a writer put it (issue 13, item 3). */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { hasClerkDeskState } from '../../src/core/state';
import { asIsoDate } from '../../src/core/values/brand';
import { XlsxHost } from '../../src/xlsx/host';
import { workbookPart } from '../../src/xlsx/package';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';

/** An ExcelJS workbook with xl/workbook.xml moved to xl/book/main.xml (its rels, the package rels, content types). */
async function movedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('出货');
  ws.addRow(['出货日期', '送货单号', '客户名称', '数量', '含税金额']);
  ws.addRow(['2024年3月5日', 'SH001', '苏州华工精密模具有限公司', '１２０', '¥1,410.00']);
  const z = ZipReader.open(Buffer.from(await wb.xlsx.writeBuffer()));
  const w = new ZipWriter();
  for (const e of z.entries.values()) {
    const text = z.text(e.name)!;
    if (e.name === 'xl/workbook.xml') w.add('xl/book/main.xml', text);
    // Targets were relative to xl/; from xl/book/ they go one folder up.
    else if (e.name === 'xl/_rels/workbook.xml.rels') w.add('xl/book/_rels/main.xml.rels', text.replace(/Target="(?!\/)/g, 'Target="../'));
    else if (e.name === '_rels/.rels') w.add(e.name, text.replace('xl/workbook.xml', 'xl/book/main.xml'));
    else if (e.name === '[Content_Types].xml') w.add(e.name, text.replace('/xl/workbook.xml', '/xl/book/main.xml'));
    else w.copy(z, e);
  }
  return w.finish();
}

test('a workbook part at xl/book/main.xml is read by the fast reader and written into', async () => {
  const buf = await movedWorkbook();
  expect(workbookPart(ZipReader.open(buf))).toBe('xl/book/main.xml');
  const host = await XlsxHost.open(buf, 'moved.xlsx');
  const read = await host.readWorkbook();
  expect(host.reader).toBe('fast');
  expect(read.grids[0].values[1]).toEqual(['2024年3月5日', 'SH001', '苏州华工精密模具有限公司', '１２０', '¥1,410.00']);

  const dir = mkdtempSync(join(tmpdir(), 'clerk-moved-'));
  try {
    writeFileSync(join(dir, 'moved.xlsx'), buf);
    const code = await main(['all', 'moved.xlsx', '--out', 'out.xlsx', '--as-of', '2026-10-31'], { stdout: () => undefined, stderr: () => undefined, cwd: dir, today: () => asIsoDate('2026-10-31'), progressEvery: 1e9 });
    expect(code).toBe(0);
    const out = readFileSync(join(dir, 'out.xlsx'));
    // Patched at the zip level, where the workbook was: not rewritten whole by ExcelJS.
    expect(workbookPart(ZipReader.open(out))).toBe('xl/book/main.xml');
    const again = await XlsxHost.open(out);
    const grids = (await again.readWorkbook()).grids;
    expect(hasClerkDeskState(grids)).toBe(true);
    expect(grids.find((g) => g.name === '出货')!.values).toEqual(read.grids[0].values);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
