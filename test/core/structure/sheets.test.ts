import { structureWorkbook } from '../../../src/core/structure';
import type { StructureResult } from '../../../src/core/structure';
import type { Grid } from '../../../src/core/grid';
import type { AnyTypedTable } from '../../../src/core/tables/typed-table';
import { isoToSerial } from '../../../src/core/values/dates';
import { asIsoDate } from '../../../src/core/values/brand';
import { err, sheet } from './grid-builder';

/** Excel serial of an ISO date (1900 system), for date cells. */
const d = (iso: string) => isoToSerial(asIsoDate(iso));

const run = (grids: Grid[], defaultYear = 2026): StructureResult => structureWorkbook(grids, { defaultYear });
const only = (r: StructureResult): AnyTypedTable => {
  expect(r.tables).toHaveLength(1);
  return r.tables[0];
};
const issuesOf = (r: StructureResult) => r.issues.map((i) => `${i.cell} ${i.field} ${i.problem}`);
const rowAt = (t: AnyTypedTable, sourceRow: number) => t.rows.find((r) => r.sourceRow === sourceRow)?.fields as Record<string, unknown>;
/** A row's fields as a plain record (tables of any kind). */
const f = (x: { fields: unknown }) => x.fields as Record<string, unknown>;
const findingCodes = (r: StructureResult) => r.findings.map((f) => f.code);

const HUAGONG = '苏州华工精密模具有限公司';
const RUIDA = '宁波锐达汽车零部件有限公司';
const HENGTAI = '常州恒泰液压机械有限公司';

describe('a shipping list under a title block, header on row 5, subtotals, notes and a sign-off below', () => {
  const grid = sheet(
    '10月出货清单',
    [
      ['苏州某精密机械有限公司'],
      ['2026年10月出货清单'],
      ['制表日期：2026-11-02', null, null, null, null, null, null, null, null, null, '单位：元'],
      [],
      ['序号', '送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '规格型号', '数量', '单价', '金额', '备注'],
      [1, d('2026-10-05'), 'DN2610001', HUAGONG, 'HT-2026-018', 'HG-M2031', '导柱', 'Φ20×120', 600, 18.8, 11280, null],
      [2, '2026年10月8日', 'DN2610002', RUIDA, 'HT-2026-021', 'RD-1001', '转向节', 'QT500-7', '1,200', '¥45.00', '¥54,000.00', '加急'],
      [3, '2026.10.9', 'DN2610003', RUIDA, 'HT-2026-021', 'RD-1002', '控制臂衬套', '', 'abc', 6.8, err('#REF!'), null],
      ['小计', null, null, null, null, null, null, null, 1800, null, 65280],
      [4, '10/12/2026', 'DN2610004', HENGTAI, 'HT-2026-030', 'HT-V220', '液压阀体', 'DN20', 50, 320, '1.6万', null],
      [5, '2026-10-32', 'DN2610005', HENGTAI, 'HT-2026-030', 'HT-V221', '阀芯', '40Cr', -20, 60, -1200, '退回冲减'],
      [6, d('2026-10-28'), 'DN2610006', '', 'HT-2026-031', '', '阀芯', '', 10, 60, 600],
      ['合  计', null, null, null, null, null, null, null, 1840, null, 81880],
      [],
      ['备注：本月出货以仓库签收单为准。'],
      ['制表人：张三', null, null, null, '审核：李四'],
    ],
    { merges: ['A1:L1', 'A2:L2', 'A15:L15'], formats: { B6: 'yyyy-mm-dd', B12: 'yyyy/m/d' } },
  );
  const r = run([grid]);
  const t = only(r);

  it('finds the header on row 5 and the kind from the header and title', () => {
    expect(t.kind).toBe('shipments');
    expect(t.headerRows).toEqual([5]);
    expect(t.confidence).toBeGreaterThan(0.8);
    expect(t.titleText).toEqual(['苏州某精密机械有限公司', '2026年10月出货清单', '制表日期：2026-11-02 单位：元']);
    expect(r.detections[0].columns).toEqual({
      date: 'B', deliveryNo: 'C', customer: 'D', contractNo: 'E', part: 'F', name: 'G', spec: 'H', quantity: 'I', unitPrice: 'J', amount: 'K', remarks: 'L',
    });
  });

  it('keeps data rows only: subtotal, total, blank, note and sign-off rows are skipped', () => {
    expect(t.rows.map((x) => x.sourceRow)).toEqual([6, 7, 8, 10, 11, 12]);
    expect(t.firstDataRow).toBe(6);
    expect(t.lastDataRow).toBe(12);
  });

  it('types serials, Chinese dates, grouped and ¥ amounts and 万', () => {
    expect(rowAt(t, 6)).toEqual({
      date: '2026-10-05', deliveryNo: 'DN2610001', customer: HUAGONG, contractNo: 'HT-2026-018', part: 'HG-M2031', name: '导柱', spec: 'Φ20×120',
      quantity: 600, unitPrice: 1880, amount: 1128000,
    });
    expect(rowAt(t, 7)).toMatchObject({ date: '2026-10-08', quantity: 1200, unitPrice: 4500, amount: 5400000, remarks: '加急' });
    expect(rowAt(t, 10)).toMatchObject({ quantity: 50, unitPrice: 32000, amount: 1600000 });
    expect(rowAt(t, 10).date).toBeUndefined();
    expect(rowAt(t, 11)).toMatchObject({ quantity: -20, amount: -120000 });
    expect(rowAt(t, 12)).toMatchObject({ date: '2026-10-28', contractNo: 'HT-2026-031' });
    expect(rowAt(t, 12).part).toBeUndefined();
  });

  it('lists every unreadable cell with its address and problem, keeping the row', () => {
    expect(issuesOf(r)).toEqual([
      'I8 quantity not-a-number',
      'K8 amount formula-error',
      'B10 date ambiguous-date',
      'B11 date not-a-date',
      'F12 part missing-required',
    ]);
    const ref = r.issues.find((i) => i.cell === 'K8')!;
    expect(ref).toMatchObject({ sheet: '10月出货清单', value: '#REF!', message: { key: 'structure.problem.formula-error', values: { header: '金额', value: '#REF!' } } });
    expect(r.issues.find((i) => i.cell === 'I8')!.value).toBe('abc');
    expect(rowAt(t, 8)).toMatchObject({ part: 'RD-1002', unitPrice: 680 });
  });
});

describe("a related company's statement: counterparty and year in the title, our delivery notes in 备注", () => {
  const grid = sheet(
    '华工10月对账',
    [
      [`${HUAGONG} 2026年10月对账单`],
      ['客户：江苏某某技术研发中心', null, null, null, null, null, '对账期间：2026-10-01至2026-10-31'],
      ['日期', '单据号', '物料编码', '物料名称', '规格', '数量', '含税单价', '金额', '备注'],
      ['10月3日', 'RK2610-0031', 'HG-M2031', '导柱', 'Φ20×120', 600, 18.8, 11280, '送货单DN2610001'],
      ['10月9日', 'RK2610-0057', 'HG-M2032', '导套', 'Φ20', 1600, 12.5, 20000, 'DN2610007'],
      ['10月15日', 'RK2610-0078', 'HG-C0815', '模具钢', 'Cr12MoV', '520kg', 32, 16640, 'DN2610011/DN2610012'],
      ['本月合计', null, null, null, null, 2720, null, 47920, null],
      [],
      ['供方（盖章）：', null, null, null, '需方（盖章）：'],
    ],
    { merges: ['A1:I1'] },
  );
  const r = run([grid], 2025);
  const t = only(r);

  it('is a statement, with the counterparty taken from the title', () => {
    expect(t.kind).toBe('statements');
    expect(t.headerRows).toEqual([3]);
    expect(r.detections[0].columns).toEqual({ date: 'A', docNo: 'B', part: 'C', name: 'D', spec: 'E', quantity: 'F', unitPrice: 'G', amount: 'H', remarks: 'I' });
    expect(t.rows.map(f)).toEqual([
      { counterparty: HUAGONG, date: '2026-10-03', docNo: 'RK2610-0031', part: 'HG-M2031', name: '导柱', spec: 'Φ20×120', quantity: 600, unitPrice: 1880, amount: 1128000, remarks: '送货单DN2610001' },
      { counterparty: HUAGONG, date: '2026-10-09', docNo: 'RK2610-0057', part: 'HG-M2032', name: '导套', spec: 'Φ20', quantity: 1600, unitPrice: 1250, amount: 2000000, remarks: 'DN2610007' },
      { counterparty: HUAGONG, date: '2026-10-15', docNo: 'RK2610-0078', part: 'HG-C0815', name: '模具钢', spec: 'Cr12MoV', quantity: 520, unitPrice: 3200, amount: 1664000, remarks: 'DN2610011/DN2610012' },
    ]);
    expect(r.issues).toEqual([]);
    expect(t.titleText?.[0]).toContain('对账单');
  });
});

describe('a contract ledger with a two-row header: 单价 and 金额 over 含税 / 不含税, merged cells in the data', () => {
  const grid = sheet(
    '销售合同台账',
    [
      ['2026年销售合同台账'],
      ['合同编号', '签订日期', '客户', '物料编码', '品名', '数量', '单价', null, '金额', null, '交货日期'],
      [null, null, null, null, null, null, '含税', '不含税', '含税', '不含税', null],
      ['HT-2026-018', d('2026-03-02'), HUAGONG, 'HG-M2031', '导柱', 1000, 18.8, 16.64, 18800, 16637.17, '2026-04-30'],
      [null, null, null, 'HG-M2032', '导套', 2000, 12.5, 11.06, 25000, 22123.89, '2026-04-30'],
      [null, null, null, 'HG-C0815', '模具钢', 500, 32, '28.32', 16000, 14159.29, '2026/5/15'],
      ['HT-2026-021', '2026年3月20日', RUIDA, 'RD-1001', '转向节', -5, 45, 39.82, -225, -199.12, '2026-05-31'],
    ],
    {
      merges: ['A1:K1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:H2', 'I2:J2', 'K2:K3', 'A4:A6', 'B4:B6', 'C4:C6'],
      formats: { B4: 'yyyy-mm-dd' },
    },
  );
  const r = run([grid]);
  const t = only(r);

  it('reads both header rows and maps the combined words to the specific fields', () => {
    expect(t.kind).toBe('contracts');
    expect(t.headerRows).toEqual([2, 3]);
    expect(r.detections[0].columns).toEqual({
      contractNo: 'A', signDate: 'B', customer: 'C', part: 'D', name: 'E', quantity: 'F',
      unitPriceWithTax: 'G', unitPriceNet: 'H', amount: 'I', amountNet: 'J', deliveryDate: 'K',
    });
    expect(t.firstDataRow).toBe(4);
  });

  it('carries a cell merged down the data onto every row it covers', () => {
    expect(t.rows.map((x) => [x.sourceRow, f(x).contractNo, f(x).signDate, f(x).customer])).toEqual([
      [4, 'HT-2026-018', '2026-03-02', HUAGONG],
      [5, 'HT-2026-018', '2026-03-02', HUAGONG],
      [6, 'HT-2026-018', '2026-03-02', HUAGONG],
      [7, 'HT-2026-021', '2026-03-20', RUIDA],
    ]);
    expect(rowAt(t, 6)).toMatchObject({ unitPriceWithTax: 3200, unitPriceNet: 2832, amount: 1600000, amountNet: 1415929, deliveryDate: '2026-05-15' });
  });

  it('reports a negative contract quantity', () => {
    expect(issuesOf(r)).toEqual(['F7 quantity negative-not-allowed']);
    expect(rowAt(t, 7).quantity).toBeUndefined();
    expect(rowAt(t, 7).amount).toBe(-22500);
  });
});

describe('an invoice list in English, with a duplicate invoice number and US-style dates', () => {
  const grid = sheet('Invoices', [
    ['Invoice No.', 'Invoice Date', 'Customer', 'PO No.', 'Amount (excl. tax)', 'Tax', 'Total Amount', 'Due Date', 'Remarks'],
    ['04521837', '2026-10-08', 'Ningbo Ruida Auto Parts Co., Ltd.', 'PO-7781', 47787.61, 6212.39, 54000, '2026-11-07', null],
    [4521838, '10/15/2026', 'Changzhou Hengtai Hydraulic', 'PO-7790', '14,159.29', '1,840.71', '16,000.00', '11/14/2026', 'partial'],
    ['04521837', '03/05/2026', 'Ningbo Ruida Auto Parts Co., Ltd.', null, 100, 13, 113, null, 'keyed twice'],
    ['Total', null, null, null, 62046.9, 8066.1, 70113, null, null],
  ]);
  const r = run([grid]);
  const t = only(r);

  it('maps English headers', () => {
    expect(t.kind).toBe('invoices');
    expect(t.headerRows).toEqual([1]);
    expect(r.detections[0].columns).toEqual({ invoiceNo: 'A', date: 'B', customer: 'C', contractNo: 'D', amount: 'G', amountNet: 'E', tax: 'F', dueDate: 'H', remarks: 'I' });
  });

  it('types the rows, skips the Total row and flags the repeated invoice number and the ambiguous date', () => {
    expect(t.rows.map((x) => x.sourceRow)).toEqual([2, 3, 4]);
    expect(rowAt(t, 3)).toEqual({
      invoiceNo: '4521838', date: '2026-10-15', customer: 'Changzhou Hengtai Hydraulic', contractNo: 'PO-7790',
      amount: 1600000, amountNet: 1415929, tax: 184071, dueDate: '2026-11-14', remarks: 'partial',
    });
    expect(issuesOf(r)).toEqual(['A4 invoiceNo duplicate-key', 'B4 date ambiguous-date']);
    expect(rowAt(t, 4).invoiceNo).toBe('04521837');
    expect(r.issues[0].message.values).toMatchObject({ firstRow: 2 });
  });
});

describe('a customers master typed with full-width characters', () => {
  const grid = sheet('客户档案', [
    ['客户档案（２０２６年）'],
    ['客户编码', '客户名称', '简称', '关联关系', '账期（天）', '信用额度（元）', '联系人'],
    ['Ｃ０１', HUAGONG, '华工精密、华工模具', '关联企业', '６０天', '３，０００，０００', '周敏'],
    ['C04', RUIDA, '锐达', '外部', 30, 500000, '李强'],
    ['C05', HENGTAI, '恒泰液压', '非关联方', 'N60', '30万', '吴涛'],
    ['C06', HUAGONG, '华工', '关联', 60, null, null],
    ['C07', '南通远洋重工机械有限公司', '远洋重工', '合作伙伴', '六十天', 300000, '顾海'],
    ['C08', '', '瑞丰', '外部', 60, null, null],
  ]);
  const r = run([grid]);
  const t = only(r);

  it('normalises full-width headers and values', () => {
    expect(t.kind).toBe('customers');
    expect(t.headerRows).toEqual([2]);
    expect(r.detections[0].columns).toEqual({ code: 'A', name: 'B', aliases: 'C', group: 'D', termsDays: 'E', creditLimit: 'F', contact: 'G' });
    expect(rowAt(t, 3)).toEqual({ code: 'C01', name: HUAGONG, aliases: '华工精密、华工模具', group: 'related', termsDays: 60, creditLimit: 300000000, contact: '周敏' });
    expect(rowAt(t, 4).group).toBe('external');
    expect(rowAt(t, 5)).toMatchObject({ group: 'external', termsDays: 60, creditLimit: 30000000 });
  });

  it('flags an unknown group word, a day count in words, a repeated name and a missing name', () => {
    expect(issuesOf(r)).toEqual(['B6 name duplicate-key', 'D7 group not-an-option', 'E7 termsDays not-a-number', 'B8 name missing-required']);
    expect(rowAt(t, 7).group).toBeUndefined();
  });
});

describe('receipts with mixed date forms and accounting-style negatives', () => {
  const grid = sheet(
    '回款明细',
    [
      ['收款日期', '客户名称', '回款金额', '发票号码', '结算方式', '备注'],
      ['2026.10.8', RUIDA, '54,000.00', '04521837', '银行转账', null],
      ['2026年10月9日', HENGTAI, 16000, null, '承兑汇票', '部分'],
      [20261010, HUAGONG, '1.2万', null, '电汇', null],
      ['2026-02-30', '昆山永信电子科技有限公司', '(500.00)', null, null, '退款'],
      [d('2026-10-20'), '', 3000, null, null, null],
    ],
    { formats: { A6: 'yyyy/m/d' } },
  );
  const r = run([grid]);
  const t = only(r);

  it('reads each date form and amount form', () => {
    expect(t.kind).toBe('receipts');
    expect(r.detections[0].columns).toEqual({ date: 'A', customer: 'B', amount: 'C', invoiceNo: 'D', method: 'E', remarks: 'F' });
    expect(t.rows.map((x) => [f(x).date, f(x).amount])).toEqual([
      ['2026-10-08', 5400000],
      ['2026-10-09', 1600000],
      ['2026-10-10', 1200000],
      [undefined, -50000],
      ['2026-10-20', 300000],
    ]);
    expect(issuesOf(r)).toEqual(['A5 date not-a-date', 'B6 customer missing-required']);
  });
});

describe('a quote sheet with quantity breaks and tax rates in every form', () => {
  const grid = sheet('报价单', [
    ['报价单号', '报价日期', '客户', '料号', '品名', '数量从', '数量至', '含税单价', '税率', '有效期至'],
    ['QT-2026-031', '2026-01-10', RUIDA, 'RD-1001', '转向节', 100, 499, 45, '13%', '2026-12-31'],
    ['QT-2026-031', '2026-01-10', RUIDA, 'RD-1001', '转向节', 500, 1999, 43.5, 0.13, '2026-12-31'],
    ['QT-2026-031', '2026-01-10', RUIDA, 'RD-1001', '转向节', 2000, null, 42, 13, '2026-12-31'],
    ['QT-2026-035', '2026-02-01', '温州瑞丰电器股份有限公司', 'RF-7721', '接线座', '1,000', 4999, '¥2.35', '13', '2026/7/31'],
    ['QT-2026-035', '2026-02-01', '温州瑞丰电器股份有限公司', 'RF-7722', '开关外壳', null, null, '三块五', '130%', '长期'],
  ]);
  const r = run([grid]);
  const t = only(r);

  it('maps quantity breaks and types every rate form as a fraction', () => {
    expect(t.kind).toBe('quotes');
    expect(r.detections[0].columns).toEqual({
      quoteNo: 'A', date: 'B', customer: 'C', part: 'D', name: 'E', minQty: 'F', maxQty: 'G', unitPriceWithTax: 'H', taxRate: 'I', validUntil: 'J',
    });
    expect(t.rows.slice(0, 4).map((x) => [f(x).minQty, f(x).maxQty, f(x).unitPriceWithTax, f(x).taxRate])).toEqual([
      [100, 499, 4500, 0.13],
      [500, 1999, 4350, 0.13],
      [2000, undefined, 4200, 0.13],
      [1000, 4999, 235, 0.13],
    ]);
    expect(rowAt(t, 5).validUntil).toBe('2026-07-31');
    expect(issuesOf(r)).toEqual(['H6 unitPriceWithTax not-a-number', 'I6 taxRate not-a-rate', 'J6 validUntil not-a-date']);
  });
});

describe('the customer property ledger and its quarterly count', () => {
  const ledger = sheet(
    '客户财产',
    [
      ['客户财产管理台账'],
      ['更新：2026-10-31'],
      ['资产编号', '名称', '规格', '客户', '类别', '数量', '接收日期', '存放位置', '保管人', '最近盘点'],
      ['GZ-001', '焊接夹具', '转向节4工位', RUIDA, '工装', 1, '2026-03-15', 'A区-01', '王工', '2026-09-30'],
      ['MJ-014', '注塑模具', '1出2', '杭州精锐数控设备有限公司', '模具', 1, '2026-05-20', '模具库', '王工', '2026-06-30'],
      ['TZ-003', '图纸', 'A0', HENGTAI, '图纸资料', 3, '2026-07-01', '资料室', '李工', null],
      ['GZ-001', '焊接夹具', null, RUIDA, '工装', 1, '2026-03-15', null, null, null],
    ],
    { merges: ['A1:J1'] },
  );
  const count = sheet('三季度盘点', [
    ['2026年第三季度客户财产盘点表'],
    ['盘点日期', '资产编号', '名称', '账面数量', '实盘数量', '存放位置', '备注'],
    ['2026-09-28', 'GZ-001', '焊接夹具', 1, 1, 'A区-01', null],
    ['2026-09-28', 'MJ-014', '注塑模具', 1, 0, '模具库', '客户已取回'],
    ['2026-09-28', 'TZ-003', '图纸', 3, '', '资料室', '未盘'],
  ]);
  const r = run([ledger, count]);

  it('tells the ledger from the count', () => {
    expect(r.tables.map((t) => [t.sheet, t.kind])).toEqual([
      ['客户财产', 'property'],
      ['三季度盘点', 'propertyCounts'],
    ]);
    expect(r.detections[0].columns).toEqual({
      itemNo: 'A', name: 'B', spec: 'C', customer: 'D', category: 'E', quantity: 'F', receivedDate: 'G', location: 'H', custodian: 'I', lastCheckDate: 'J',
    });
    expect(r.detections[1].columns).toEqual({ date: 'A', itemNo: 'B', name: 'C', countedQty: 'E', location: 'F', remarks: 'G' });
  });

  it('types categories and counted quantities', () => {
    const [ledgerTable, countTable] = r.tables;
    expect(ledgerTable.rows.map((x) => f(x).category)).toEqual(['tooling', 'mould', 'document', 'tooling']);
    expect(countTable.rows.map((x) => f(x).countedQty)).toEqual([1, 0, undefined]);
    expect(issuesOf(r)).toEqual(['A7 itemNo duplicate-key', 'E5 countedQty missing-required']);
    expect(r.issues.map((i) => i.sheet)).toEqual(['客户财产', '三季度盘点']);
  });
});

describe('the sample-room register', () => {
  const grid = sheet('样品间登记', [
    ['日期', '出/入', '样品编号', '样品名称', '客户', '借用人', '数量', '预计归还日期', '实际归还日期', '备注'],
    ['2026-09-01', '入库', 'YP-0101', '转向节样件', RUIDA, null, 5, null, null, null],
    ['2026-09-10', '借出', 'YP-0101', '转向节样件', RUIDA, '张工', 2, '2026-09-30', null, null],
    ['2026-10-08', '归还', 'YP-0101', '转向节样件', null, '张工', 2, null, '2026-10-08', null],
    ['2026-10-12', '外借', 'YP-0102', '液压阀体样件', HENGTAI, '李工', 1, '10月31日', null, null],
    ['2026-10-15', '送检', 'YP-0103', '接线座样件', null, '王工', -1, null, null, null],
  ]);
  const r = run([grid]);
  const t = only(r);

  it('maps the register and reads directions and year-less dates', () => {
    expect(t.kind).toBe('samples');
    expect(r.detections[0].columns).toEqual({
      date: 'A', direction: 'B', sampleNo: 'C', name: 'D', customer: 'E', borrower: 'F', quantity: 'G', promisedReturn: 'H', returnedDate: 'I', remarks: 'J',
    });
    expect(t.rows.map((x) => f(x).direction)).toEqual(['in', 'out', 'return', 'out', undefined]);
    expect(rowAt(t, 5).promisedReturn).toBe('2026-10-31');
    expect(issuesOf(r)).toEqual(['B6 direction not-an-option', 'G6 quantity negative-not-allowed']);
  });

  it('calls a year-less date ambiguous when neither the sheet nor the caller gives a year', () => {
    const none = structureWorkbook([grid], {});
    expect(issuesOf(none)).toContain('H5 promisedReturn ambiguous-date');
  });
});

describe('returns against their original delivery notes', () => {
  const grid = sheet('退货记录', [
    ['退货日期', '退货单号', '客户', '原送货单号', '物料编码', '品名', '退货数量', '单价', '金额', '退货原因'],
    ['2026-10-20', 'TH-2610-01', RUIDA, 'DN2610002', 'RD-1001', '转向节', 20, 45, 900, '尺寸超差'],
    ['2026-10-25', 'TH-2610-02', '温州瑞丰电器股份有限公司', 'DN2609118', 'RF-7721', '接线座', '-100', 2.35, -235, '来料不良'],
  ]);
  const r = run([grid]);
  const t = only(r);

  it('maps the original delivery note and flags a negative return quantity', () => {
    expect(t.kind).toBe('returns');
    expect(r.detections[0].columns).toEqual({
      date: 'A', returnNo: 'B', customer: 'C', deliveryNo: 'D', part: 'E', name: 'F', quantity: 'G', unitPrice: 'H', amount: 'I', reason: 'J',
    });
    expect(rowAt(t, 2)).toEqual({
      date: '2026-10-20', returnNo: 'TH-2610-01', customer: RUIDA, deliveryNo: 'DN2610002', part: 'RD-1001', name: '转向节', quantity: 20, unitPrice: 4500, amount: 90000, reason: '尺寸超差',
    });
    expect(issuesOf(r)).toEqual(['G3 quantity negative-not-allowed']);
  });
});

describe('an ERP export with the header repeated at each page break, a hidden column and English totals', () => {
  const header = ['出货日期', '出库单号', '客户', '存货编码', '存货名称', '出货数量', '含税单价', '金额', '价税合计'];
  const line = (n: number): (string | number | null)[] => [`2026-10-${String(n).padStart(2, '0')}`, `CK${1000 + n}`, RUIDA, 'RD-1002', '控制臂衬套', 100 * n, 6.8, 601.77 * n, 680 * n];
  const grid = sheet(
    '出库明细',
    [
      header,
      line(1),
      line(2),
      line(3),
      ['Subtotal', null, null, null, null, 600, null, 3610.62, 4080],
      header,
      line(4),
      line(5),
      [],
      header,
      line(6),
      ['Grand Total', null, null, null, null, 2100, null, 12637.17, 14280],
    ],
    { hiddenColumns: [3] },
  );
  const r = run([grid]);
  const t = only(r);

  it('keeps one header, maps the hidden column, and reads 金额 beside 价税合计 as the net amount', () => {
    expect(t.kind).toBe('shipments');
    expect(r.detections[0].columns).toEqual({
      date: 'A', deliveryNo: 'B', customer: 'C', part: 'D', name: 'E', quantity: 'F', unitPriceWithTax: 'G', amount: 'I', amountNet: 'H',
    });
    expect(t.rows.map((x) => x.sourceRow)).toEqual([2, 3, 4, 7, 8, 11]);
    expect(t.rows.map((x) => f(x).quantity)).toEqual([100, 200, 300, 400, 500, 600]);
    expect(rowAt(t, 11)).toMatchObject({ customer: RUIDA, amount: 408000, amountNet: 361062 });
    expect(r.issues).toEqual([]);
  });
});

describe('sheets that are not tables', () => {
  const notes = sheet('说明', [
    ['本工作簿说明'],
    ['1. 出货清单每月由仓库提供，客户名称以全称为准。'],
    ['2. 对账单请于次月5日前发给各关联企业。'],
  ]);
  const empty = sheet('Sheet3', []);
  const chart = sheet('图表数据', [
    ['月份', '销售额', '同比'],
    ['2026-09', 1250000, 0.12],
    ['2026-10', 1380000, 0.08],
  ]);
  const r = run([notes, empty, chart]);

  it('gives detections with kind null and no table, without failing', () => {
    expect(r.tables).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.detections.map((x) => [x.sheet, x.kind])).toEqual([
      ['说明', null],
      ['Sheet3', null],
      ['图表数据', null],
    ]);
    expect(findingCodes(r).every((c) => c === 'structure.no-header' || c === 'structure.not-a-table')).toBe(true);
    expect(r.findings.map((f) => f.cells[0].sheet)).toEqual(['说明', '图表数据']);
  });
});

describe('when two kinds fit nearly equally, or a required column is missing', () => {
  it('reports the alternatives for a list that could be shipments or a statement', () => {
    const grid = sheet('Sheet1', [
      ['日期', '送货单号', '物料编码', '品名', '数量', '单价', '金额'],
      ['2026-10-05', 'DN2610001', 'HG-M2031', '导柱', 600, 18.8, 11280],
    ]);
    const r = run([grid]);
    const det = r.detections[0];
    expect(['shipments', 'statements']).toContain(det.kind);
    expect(det.alternatives.map((a) => a.kind)).toEqual([det.kind === 'shipments' ? 'statements' : 'shipments']);
    expect(det.confidence).toBeLessThan(0.8);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'structure.ambiguous-kind', severity: 'warning', cells: [{ sheet: 'Sheet1', cell: 'A1' }] }),
    ]);
  });

  it('the word 对账单 in the title settles it', () => {
    const grid = sheet('Sheet1', [
      ['2026年10月对账单'],
      ['日期', '送货单号', '物料编码', '品名', '数量', '单价', '金额'],
      ['2026-10-05', 'DN2610001', 'HG-M2031', '导柱', 600, 18.8, 11280],
    ]);
    const r = run([grid]);
    expect(r.detections[0]).toMatchObject({ kind: 'statements', alternatives: [] });
    expect(findingCodes(r)).toEqual([]);
  });

  it('names a missing required field', () => {
    const grid = sheet('开票明细', [
      ['发票号码', '客户名称', '价税合计', '税率'],
      ['04521901', RUIDA, 54000, 0.13],
    ]);
    const r = run([grid]);
    expect(r.detections[0]).toMatchObject({ kind: 'invoices', missingRequired: ['date'] });
    expect(r.findings).toEqual([expect.objectContaining({ code: 'structure.missing-field', message: expect.objectContaining({ values: expect.objectContaining({ field: 'date' }) }) })]);
    expect(only(r).rows[0].fields).toEqual({ invoiceNo: '04521901', customer: RUIDA, amount: 5400000, taxRate: 0.13 });
  });
});

describe('column mapping: specific words, duplicates, unmerged groups', () => {
  it('prefers the more specific word: 含税单价 / 单价, 不含税金额 / 金额', () => {
    const grid = sheet('送货清单', [
      ['送货日期', '物料编码', '数量', '单价', '含税单价', '金额', '不含税金额', '包装方式'],
      ['2026-10-05', 'HG-M2031', 600, 16.64, 18.8, 11280, 9982.3, '纸箱'],
    ]);
    const r = run([grid]);
    expect(r.detections[0].columns).toEqual({ date: 'A', part: 'B', quantity: 'C', unitPrice: 'D', unitPriceWithTax: 'E', amount: 'F', amountNet: 'G' });
    expect(only(r).columnConfidence).toMatchObject({ unitPriceWithTax: 1, amountNet: 1 });
  });

  it('takes the first of two columns with the same header and reports the second', () => {
    const grid = sheet('发票台账', [
      ['发票号', '开票日期', '客户', '金额', '发票号'],
      ['04521901', '2026-10-08', RUIDA, 54000, '04521901'],
    ]);
    const r = run([grid]);
    expect(r.detections[0].columns).toMatchObject({ invoiceNo: 'A' });
    const dup = r.findings.find((f) => f.code === 'structure.duplicate-column');
    expect(dup?.cells).toEqual([{ sheet: '发票台账', cell: 'E1' }, { sheet: '发票台账', cell: 'A1' }]);
  });

  it('reads a group word with a blank cell to its right over two sub-headers', () => {
    const grid = sheet('送货明细', [
      ['送货日期', '送货单号', '物料编码', '数量', '单价', null, '金额', null],
      [null, null, null, null, '含税', '不含税', '含税', '不含税'],
      ['2026-10-05', 'DN2610001', 'HG-M2031', 600, 18.8, 16.64, 11280, 9982.3],
    ]);
    const r = run([grid]);
    const t = only(r);
    expect(t.headerRows).toEqual([1, 2]);
    expect(r.detections[0].columns).toEqual({ date: 'A', deliveryNo: 'B', part: 'C', quantity: 'D', unitPriceWithTax: 'E', unitPriceNet: 'F', amount: 'G', amountNet: 'H' });
    expect(t.rows[0].fields).toMatchObject({ unitPriceWithTax: 1880, unitPriceNet: 1664, amount: 1128000, amountNet: 998230 });
  });

  it('drops units in brackets, line breaks, required marks and compound units', () => {
    const grid = sheet('出货', [
      ['*送货\n日期', '物料编码 ', '数量\n(pcs)', '单价（元/件）', '金额(元)', '税率(%)'],
      ['2026-10-05', 'HG-M2031', 600, 18.8, 11280, 13],
    ]);
    const r = run([grid]);
    expect(r.detections[0].columns).toEqual({ date: 'A', part: 'B', quantity: 'C', unitPrice: 'D', amount: 'E', taxRate: 'F' });
    expect(only(r).rows[0].fields).toMatchObject({ taxRate: 0.13, unitPrice: 1880 });
  });
});

describe('dates in the 1904 system and formula errors of every kind', () => {
  it('reads serials in the workbook’s own date system', () => {
    const serial1904 = d('2026-10-05') - 1462;
    const grid = sheet('回款', [
      ['日期', '客户', '金额'],
      [serial1904, RUIDA, 100],
      [err('#N/A'), RUIDA, err('#DIV/0!')],
      [serial1904, err('#VALUE!'), 100],
    ], { formats: { A2: 'yyyy-mm-dd', A4: 'yyyy-mm-dd' }, date1904: true });
    const r = run([grid]);
    const t = only(r);
    expect(t.kind).toBe('receipts');
    expect(rowAt(t, 2).date).toBe('2026-10-05');
    expect(issuesOf(r)).toEqual(['A3 date formula-error', 'C3 amount formula-error', 'B4 customer formula-error']);
    expect(r.issues.map((i) => i.value)).toEqual(['#N/A', '#DIV/0!', '#VALUE!']);
  });
});

describe('where the data ends', () => {
  it('stops at the header of a second table below, and skips every form of total row', () => {
    const grid = sheet('9月发货明细', [
      ['发货日期', '发货单号', '客户', '物料编码', '数量', '金额'],
      ['2026-09-01', 'DN2609001', RUIDA, 'RD-1001', 100, 4500],
      ['锐达 小计', null, null, null, 100, 4500],
      ['2026-09-02', 'DN2609002', HENGTAI, 'HT-V220', 10, 3200],
      [null, '2026年9月 小计', null, null, 10, 3200],
      ['本页小计：', null, null, null, 110, 7700],
      ['Page total', null, null, null, 110, 7700],
      ['累计', null, null, null, 1110, 77000],
      [null, null, null, null, 110, 7700],
      ['总 计', null, null, null, 110, 7700],
      [],
      ['客户', '金额'],
      [RUIDA, 4500],
      [HENGTAI, 3200],
    ]);
    const r = run([grid]);
    const t = only(r);
    expect(t.rows.map((x) => x.sourceRow)).toEqual([2, 4]);
    expect(t.lastDataRow).toBe(4);
    expect(r.issues).toEqual([]);
  });

  it('ends at sign-off lines in their many forms, and keeps rows whose remarks mention a total', () => {
    const base: (string | number | null)[][] = [
      ['收款日期', '客户名称', '回款金额', '备注'],
      ['2026-10-08', RUIDA, 54000, '合计两笔到账'],
    ];
    for (const line of ['核对人：沈佳', '财务审核：', '经办人：王五', '需方（盖章）', '制表：张三', 'Prepared by: Zhang']) {
      const r = run([sheet('回款', [...base, [line, null, '2026-10-09', 'x'], ['2026-10-10', RUIDA, 1, null]])]);
      expect({ line, rows: only(r).rows.map((x) => x.sourceRow), issues: r.issues }).toEqual({ line, rows: [2], issues: [] });
    }
  });
});

describe('a list whose rows fill a single column', () => {
  it('keeps lone names in a required column, but not a merged section label or a note', () => {
    const grid = sheet(
      '客户清单',
      [
        ['客户名称', '简称', '账期', '备注'],
        ['一、关联企业'],
        [HUAGONG],
        ['无锡华工汽车部件有限公司', '无锡华工', 60],
        ['二、外部客户'],
        [RUIDA],
        [null, null, 30],
        ['备注：账期以合同为准'],
        [HENGTAI],
      ],
      { merges: ['A2:D2', 'A5:D5'] },
    );
    const r = run([grid]);
    const t = only(r);
    expect(t.kind).toBe('customers');
    expect(t.rows.map((x) => [x.sourceRow, f(x).name])).toEqual([
      [3, HUAGONG],
      [4, '无锡华工汽车部件有限公司'],
      [6, RUIDA],
    ]);
    expect(r.issues).toEqual([]);
  });
});

describe('a wide ERP export', () => {
  it('is still a shipping list when most of its columns are ones no schema knows', () => {
    const extra = Array.from({ length: 24 }, (_, i) => `自定义项${i + 1}`);
    const grid = sheet('出库明细(ERP导出)', [
      ['出库日期', '出库单号', '客户', '存货编码', '存货名称', '数量', '含税单价', '价税合计', ...extra],
      ['2026-10-05', 'CK001', RUIDA, 'RD-1001', '转向节', 100, 45, 4500, ...extra.map((_, i) => i)],
    ]);
    const r = run([grid]);
    const t = only(r);
    expect(t.kind).toBe('shipments');
    expect(t.confidence).toBeGreaterThan(0.8);
    expect(r.findings).toEqual([]);
    expect(t.rows[0].fields).toEqual({ date: '2026-10-05', deliveryNo: 'CK001', customer: RUIDA, part: 'RD-1001', name: '转向节', quantity: 100, unitPriceWithTax: 4500, amount: 450000 });
  });
});
