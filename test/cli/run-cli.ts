/** The CLI run in-process, as the tests call it: its exit code and what it wrote to stdout and stderr. */
import ExcelJS from 'exceljs';
import { join } from 'path';
import { main, type CliIO } from '../../src/cli/main';
import { asIsoDate } from '../../src/core/values/brand';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `clerk-desk argv…` in `cwd` on 2026-10-31 (progress lines off unless asked for). */
export async function runCli(cwd: string, argv: string[], extra: Partial<CliIO> = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd, today: () => asIsoDate('2026-10-31'), ...extra };
  const code = await main(argv, io);
  return { code, out, err };
}

/** A small, real shipping list under a title row (two October lines to two customers), written to dir/file. */
export async function shippingListBook(dir: string, file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('10月出货');
  ws.addRow(['2026年10月出货明细']);
  ws.addRow(['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '数量', '含税单价', '含税金额', '税率']);
  ws.addRow([new Date(Date.UTC(2026, 9, 5)), 'SH2610001', '苏州华工精密模具有限公司', 'HT-2026-001', 'P-10001', 120, 11.75, 1410, 0.13]);
  ws.addRow([new Date(Date.UTC(2026, 9, 8)), 'SH2610002', '昆山瑞德电子有限公司', 'HT-2026-002', 'P-10002', 80, 12, 960, 0.13]);
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  const path = join(dir, file);
  await wb.xlsx.writeFile(path);
  return path;
}
