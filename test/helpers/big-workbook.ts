/**
 * A large, realistic shipping list for performance runs: one sheet, a title row, a header row and `rows` data rows
 * of 15 columns (dates, document numbers, customers, parts, quantities, prices, amounts, tax rates, notes).
 * Written with ExcelJS's streaming writer so generating 100k rows takes seconds.
 *
 *   node bin/run-ts.js test/helpers/big-workbook.ts out/big.xlsx 100000
 */
import ExcelJS from 'exceljs';

const CUSTOMERS = ['苏州华工精密模具有限公司', '昆山瑞德电子有限公司', '无锡宏达机械股份有限公司', '上海联创汽车零部件有限公司', '宁波东方塑胶制品有限公司', '常州恒通五金有限公司', '杭州天成科技有限公司', '南京金陵包装材料有限公司', '嘉兴博远精密有限公司', '苏州华工精密模具（中国）有限公司'];
const CLASSES = ['成品', '半成品', '材料', '模具', '项目'];
const HEADERS = ['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '品名', '规格', '单位', '数量', '含税单价', '含税金额', '税率', '货物类别', '业务员', '备注'];

export async function writeBigWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('出货明细');
  ws.addRow(['2026年出货明细表']).commit();
  ws.addRow(HEADERS).commit();
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i++) {
    const qty = 10 + ((i * 37) % 990);
    const price = Math.round((1 + ((i * 7919) % 50000) / 100) * 100) / 100;
    const row = ws.addRow([
      new Date(start + (i % 300) * 86_400_000),
      `SH${String(260000 + i).padStart(8, '0')}`,
      CUSTOMERS[i % CUSTOMERS.length],
      `HT-2026-${String(1 + (i % 400)).padStart(4, '0')}`,
      `P-${String(10000 + (i % 3000))}`,
      `零件${i % 3000}号`,
      `${(i % 90) + 10}×${(i % 40) + 5}mm`,
      '件',
      qty,
      price,
      Math.round(qty * price * 100) / 100,
      0.13,
      CLASSES[i % CLASSES.length],
      ['张伟', '王芳', '李娜'][i % 3],
      i % 50 === 0 ? '加急' : null,
    ]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
    row.getCell(11).numFmt = '#,##0.00';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

if (require.main === module) {
  const [path = 'out/big.xlsx', n = '100000'] = process.argv.slice(2);
  const t0 = Date.now();
  writeBigWorkbook(path, Number(n)).then(
    () => console.log(`${path}: ${n} rows in ${Date.now() - t0} ms`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
