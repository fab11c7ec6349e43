/** Small workbooks for the file-host tests, built with ExcelJS (a real client library) and edited at the zip level. */
import ExcelJS from 'exceljs';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';

/** A one-sheet shipping list (出货, one line), as ExcelJS writes it, opened as a zip. */
export async function tinyShippingListZip(): Promise<ZipReader> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('出货');
  ws.addRow(['出货日期', '送货单号', '客户名称', '数量', '含税金额']);
  ws.addRow(['2024年3月5日', 'SH001', '苏州华工精密模具有限公司', 120, 1410]);
  return ZipReader.open(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * The tiny shipping list without its styles part (and the relationship and content type naming it): the zip-level
 * patcher declines such a workbook, so the host rewrites it whole with ExcelJS. More parts may be added to the
 * writer before `finish()`.
 */
export async function bookWithoutStyles(): Promise<ZipWriter> {
  const z = await tinyShippingListZip();
  const w = new ZipWriter();
  for (const e of z.entries.values()) {
    if (e.name === 'xl/styles.xml') continue;
    if (e.name === 'xl/_rels/workbook.xml.rels') w.add(e.name, z.text(e.name)!.replace(/<Relationship [^>]*styles"[^>]*\/>/, ''));
    else if (e.name === '[Content_Types].xml') w.add(e.name, z.text(e.name)!.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    else w.copy(z, e);
  }
  return w;
}
