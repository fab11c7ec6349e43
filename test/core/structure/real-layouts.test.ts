import { structureWorkbook } from '../../../src/core/structure';
import { runWorkbook } from '../../../src/core/pipeline';
import { asIsoDate } from '../../../src/core/values/brand';
import { sheet } from './grid-builder';

/** Layouts met in real workbooks, built cell by cell; expected values written by hand. */

describe('headers of two and three rows', () => {
  const grid = sheet(
    '出货明细',
    [
      ['送货日期', '送货单号', '客户', '物料编码', '数量', '金额'],
      [undefined, undefined, undefined, undefined, undefined, '含税', undefined, '不含税'],
      [undefined, undefined, undefined, undefined, undefined, '单价', '金额', '单价', '金额'],
      ['2026-10-05', 'DN2610001', '宁波锐达汽车零部件有限公司', 'RD-101', 10, 11.3, 113, 10, 100],
      ['2026-10-06', 'DN2610002', '常州恒泰液压机械有限公司', 'HT-7', 2, '¥1,130.00', 2260, 1000, 2000],
    ],
    { merges: ['A1:A3', 'B1:B3', 'C1:C3', 'D1:D3', 'E1:E3', 'F1:I1', 'F2:G2', 'H2:I2'] },
  );

  it('reads 金额 over 含税 / 不含税 over 单价 / 金额 as three header rows, each column named by all its words', () => {
    const r = structureWorkbook([grid], { defaultYear: 2026 });
    const d = r.detections[0];
    expect(d.headerRows).toEqual([1, 2, 3]);
    expect(d.columns).toMatchObject({ date: 'A', deliveryNo: 'B', customer: 'C', part: 'D', quantity: 'E', unitPriceWithTax: 'F', amount: 'G', unitPriceNet: 'H', amountNet: 'I' });
    expect(r.tables[0].rows.map((x) => x.fields)).toEqual([
      { date: '2026-10-05', deliveryNo: 'DN2610001', customer: '宁波锐达汽车零部件有限公司', part: 'RD-101', quantity: 10, unitPriceWithTax: 1130, amount: 11300, unitPriceNet: 1000, amountNet: 10000 },
      { date: '2026-10-06', deliveryNo: 'DN2610002', customer: '常州恒泰液压机械有限公司', part: 'HT-7', quantity: 2, unitPriceWithTax: 113000, amount: 226000, unitPriceNet: 100000, amountNet: 200000 },
    ]);
  });

  it('gives the JSON headerRow as the list of header rows', () => {
    const out = runWorkbook([grid], { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    expect((out.summary.tables as { headerRow: number[] }[])[0].headerRow).toEqual([1, 2, 3]);
  });
});

describe('which column is the customer', () => {
  it('a column of codes called 订单客户 gives way to the names beside it, kept as customerCode', () => {
    const r = structureWorkbook([
      sheet('出货', [
        ['出货日期', '订单客户', '客户简称', '料件编号', '出货数量', '金额'],
        ['2026-03-05', '01000122', '荆门亿纬创能锂电池有限公司', '183213-C22', 20, 23400],
        ['2026-03-06', '01000172', '蜂巢能源科技股份有限公司', '802-02-00144', 10, 7500],
        ['2026-03-07', '01000172', '蜂巢能源科技股份有限公司', '802-02-00145', 1, 75],
      ]),
    ]);
    expect(r.detections[0].columns).toMatchObject({ customer: 'C', customerCode: 'B', part: 'D' });
    expect(r.detections[0].guessed?.map((g) => g.field)).toContain('customer');
    expect(r.tables[0].rows[0].fields).toMatchObject({ customer: '荆门亿纬创能锂电池有限公司', customerCode: '01000122' });
  });

  it('a column called 名称 holding companies is the customer when the item has columns of its own; holding goods it is the name', () => {
    const buyers = structureWorkbook([
      sheet('发货', [
        ['编号', '名称', '物料号', '水泵型号', '数量', '单价', '金额'],
        ['LT001', '北京天天环保设备有限公司', 1100229676, 'LD65-20G', 1, 888, 888],
        ['LT002', '南京天天环保设备有限公司', 1100229679, 'LD65-20G/2', 2, 683, 1366],
      ]),
    ]);
    expect(buyers.detections[0].columns).toMatchObject({ customer: 'B', part: 'C', spec: 'D' });
    expect(buyers.detections[0].columns.name).toBeUndefined();
    const goods = structureWorkbook([
      sheet('发货', [
        ['日期', '编号', '名称', '物料号', '数量', '单价', '金额'],
        ['2026-03-05', 'LT001', '机械密封', 1100229676, 1, 888, 888],
        ['2026-03-06', 'LT002', '叶轮垫片', 1100229679, 2, 683, 1366],
      ]),
    ]);
    expect(goods.detections[0].columns).toMatchObject({ name: 'C', part: 'D' });
    expect(goods.detections[0].columns.customer).toBeUndefined();
  });
});

describe('enumerations stay enumerations', () => {
  it('drops a goods class mapped onto a column of codes, without an issue per row', () => {
    const r = structureWorkbook([
      sheet('出货', [
        ['日期', '物料编码', '数量', '金额', '类别（三包填ZTNN,收费的填ZTAN）'],
        ['2026-03-05', 'A-1', 2, 946, 'ZTAN'],
        ['2026-03-05', 'A-2', 1, 9484, 'ZTAN'],
        ['2026-03-06', 'A-3', 3, 1659, 'ZTNN'],
      ]),
    ]);
    expect(r.detections[0].columns.goodsClass).toBeUndefined();
    expect(r.issues).toEqual([]);
  });

  it('keeps it when the values are its words', () => {
    const r = structureWorkbook([
      sheet('出货', [
        ['日期', '物料编码', '数量', '金额', '类别'],
        ['2026-03-05', 'A-1', 2, 946, '批量'],
        ['2026-03-05', 'A-2', 1, 9484, '模具'],
        ['2026-03-06', 'A-3', 3, 1659, '批量'],
      ]),
    ]);
    expect(r.detections[0].columns.goodsClass).toBe('E');
    expect(r.tables[0].rows.map((x) => (x.fields as { goodsClass?: string }).goodsClass)).toEqual(['batch', 'tooling', 'batch']);
  });
});

describe('the kind from the title and the sheet name', () => {
  const quote = [
    ['远成国际进出口贸易有限公司'],
    ['报价单: QT-20260312-003', undefined, undefined, undefined, undefined, '日期: 2026-03-11'],
    ['序号', '商品名称', '规格', '单价', '数量', '单位', '金额'],
    [1, '高档陶瓷花瓶', '高25cm', '¥58.00', 3, '个', '¥174.00'],
    ['合计', undefined, undefined, undefined, undefined, undefined, '¥174.00'],
  ];

  it('报价单 in a label settles a quote even with quantity and amount columns', () => {
    const r = structureWorkbook([sheet('Sheet1', quote)]);
    expect(r.tables.map((t) => [t.kind, t.rows.length])).toEqual([['quotes', 1]]);
    expect(r.tables[0].rows[0].fields).toMatchObject({ name: '高档陶瓷花瓶', unitPrice: 5800 });
  });

  it('a sheet called Sheet1 whose columns name a supplier and no customer is purchases: no table', () => {
    const r = structureWorkbook([
      sheet('Sheet1', [
        ['日期', '商品名称', '规格型号', '供货单位', '单据编号', '单位', '数量', '单价', '金额'],
        ['2017-03-22', '甲醛', undefined, '滁州市龙飞化工有限公司', '0048273', '吨', 31.32, 1450, 45414],
      ]),
    ]);
    expect(r.tables).toEqual([]);
    expect(r.findings.find((f) => f.code === 'structure.not-our-kind')?.message.values).toMatchObject({ word: '供货单位' });
  });

  it('a supplier list, purchases or payroll gets no table but its nearest kind as a low-confidence guess', () => {
    for (const name of ['供应商信息', '采购表', '付款记录', '工资表']) {
      const r = structureWorkbook([
        sheet(name, [
          ['日期', '单据号', '供应商/用途', '付款金额', '付款方式'],
          ['2025-01-10', 'FK001', '宝安化工供应站', 8000, 'G银行转账'],
        ]),
      ]);
      expect(r.tables).toEqual([]);
      expect(r.detections[0].kind).toBeNull();
      expect(r.findings.map((f) => f.code)).toContain('structure.not-our-kind');
      for (const a of r.detections[0].alternatives) expect(a.confidence).toBeLessThanOrEqual(0.3);
    }
  });
});

describe('rows that are not lines', () => {
  it('several notes on one sheet, each with a sum row and 合同号/备注 lines, read as their lines only', () => {
    const form = (no: string, customer: string, lines: [number, number, number][]) => [
      ['杭州南泵流体机械 发货通知单 2025年10月09日订单'],
      ['发件人:宣敏佳 联系电话:13777405482'],
      ['编号', '客户名称', '物料号', '水 泵 型 号', '数量', '单 价', '金 额'],
      ...lines.map(([part, qty, price], i) => [i === 0 ? no : undefined, i === 0 ? customer : undefined, part, 'LD65-20G', qty, price, qty * price]),
      [undefined, undefined, undefined, undefined, lines.reduce((n, l) => n + l[1], 0), undefined, lines.reduce((n, l) => n + l[1] * l[2], 0)],
      ['合同号：H8888888', undefined, '是否安装调试验收', '备注1：'],
      [undefined, undefined, 'N', '备注2：送货单'],
      [],
    ];
    const rows = [...form('SH001', '上海南淼企业发展有限公司', [[1100150912, 1, 6623], [1100150913, 2, 100]]), ...form('SH002', '安徽成峰流体设备有限公司', [[1100143355, 3, 1476]])];
    // The first note's number and customer are merged down over its lines and its sum row.
    const r = structureWorkbook([sheet('Sheet', rows, { merges: ['A4:A6', 'B4:B6'] })]);
    expect(r.tables.map((t) => t.kind)).toEqual(['shipments']);
    const fields = r.tables[0].rows.map((x) => x.fields as { deliveryNo?: string; customer?: string; part?: string; quantity?: number });
    expect(fields.map((f) => [f.deliveryNo, f.customer, f.part, f.quantity])).toEqual([
      ['SH001', '上海南淼企业发展有限公司', '1100150912', 1],
      ['SH001', '上海南淼企业发展有限公司', '1100150913', 2],
      ['SH002', '安徽成峰流体设备有限公司', '1100143355', 3],
    ]);
  });

  it('a 制表者 line in the third cell and a 总件数 row end the lines', () => {
    const r = structureWorkbook([
      sheet('出货明细表', [
        ['发货日期', '客户名称', '料件编号', '出货数量', '金额'],
        ['2026-03-05', '宁波锐达汽车零部件有限公司', 'A-1', 2, 946],
        ['总件数', undefined, '2件', undefined, 946],
        ['(cxmr004)', '制表日期与时间: 2022/11/10 10:25:05', '制表者: 李燕', '页次: 1/1'],
      ]),
    ]);
    expect(r.tables[0].rows.map((x) => x.sourceRow)).toEqual([2]);
  });

  it('a label inside a line\'s own text (材质：SUS304 as its spec) keeps the line, even with its quantity missing', () => {
    const r = structureWorkbook([
      sheet('出货', [
        ['日期', '物料编码', '规格', '数量', '金额', '备注'],
        ['2026-03-05', 'A-1', '材质：SUS304', undefined, undefined, '注：待补数量'],
        ['2026-03-06', 'A-2', 'D6', 2, 946],
      ]),
    ]);
    expect(r.tables[0].rows.map((x) => x.sourceRow)).toEqual([2, 3]);
    expect(r.issues.map((i) => [i.cell, i.problem])).toEqual([['D2', 'missing-required']]);
  });

  it('a status column reading 签收 on every line is not a sign-off', () => {
    const r = structureWorkbook([
      sheet('出货', [
        ['日期', '物料编码', '数量', '金额', '状态'],
        ['2026-03-05', 'A-1', 2, 946, '签收'],
        ['2026-03-06', 'A-2', 1, 9484, '签收'],
        [undefined, '制表：张三', undefined, '审核：'],
      ]),
    ]);
    expect(r.tables[0].rows.map((x) => x.sourceRow)).toEqual([2, 3]);
  });
});
