import ExcelJS from 'exceljs';

/**
 * A small messy workbook for the browser test when the bundled sample (assets/sample/clerk-sample.xlsx) is not
 * there: a shipping list under a title row, with a date the clerk typed wrong and an amount typed as text.
 */
export async function fixtureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('3月出货清单');
  ws.addRow(['苏州华工精密模具有限公司 2024年3月出货清单']);
  ws.mergeCells('A1:H1');
  ws.addRow(['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '数量', '含税单价', '金额']);
  const rows: (string | number | Date)[][] = [
    [new Date(Date.UTC(2024, 2, 5)), 'SH240305-01', '无锡恒通汽车零部件有限公司', 'HT-2024-001', 'P-10023', 120, 35.5, 4260],
    ['2024.3.8', 'SH240308-02', '无锡恒通汽车零部件有限公司', 'HT-2024-001', 'P-10024', 80, 12, 960],
    ['2024年3月12日', 'SH240312-01', '昆山鼎盛电子有限公司', 'DS-2024-007', 'M-2001', 300, 4.2, '¥1,260.00'],
    ['2024.13.45', 'SH240315-03', '昆山鼎盛电子有限公司', 'DS-2024-007', 'M-2002', 50, 18, 900],
    [new Date(Date.UTC(2024, 2, 20)), 'SH240320-01', '常州新科机械有限公司', 'XK-2024-003', 'T-3001', 2, 15000, '壹万'],
  ];
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  ws.addRow(['合计', '', '', '', '', 552, '', 37380]);
  const cust = wb.addWorksheet('客户档案');
  cust.addRow(['客户编码', '客户名称', '关联关系', '账期']);
  cust.addRow(['C001', '无锡恒通汽车零部件有限公司', '外部客户', 60]);
  cust.addRow(['C002', '昆山鼎盛电子有限公司', '关联企业', 30]);
  cust.addRow(['C003', '常州新科机械有限公司', '外部客户', 90]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
