/** Workbooks for the Office.js host tests: real Chinese data as Grids, and generated sheets as SheetSpecs. */
import { emptyGrid, type Grid, type GridValue } from '../../src/core/grid';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { isoToSerial } from '../../src/core/values/dates';
import { asIsoDate } from '../../src/core/values/brand';

const serial = (iso: string) => isoToSerial(asIsoDate(iso));

/** The clerk's shipping list: a title row, a header row, dates with two date formats, an error, text that looks like one. */
export function shippingList(): Grid {
  const g = emptyGrid('出货清单');
  g.values = [
    ['2026年10月出货清单'],
    ['出货日期', '送货单号', '客户名称', '物料编码', '数量', '含税单价', '含税金额', '备注'],
    [serial('2026-10-05'), 'SH26100501', '苏州华工精密模具有限公司', 'P-10023', 120, 35.5, 4260, null],
    [serial('2026-10-08'), 'SH26100802', '昆山瑞德电子有限公司', 'P-10087', 48, 12.8, 614.4, '加急'],
    [serial('2026-10-12'), 'SH26101203', '无锡宏达机械股份有限公司', '00731', 10, { error: '#N/A' }, { error: '#N/A' }, '#N/A'],
    [serial('2026-10-15'), 'SH26101504', '上海联创汽车零部件有限公司', 'P-10023', 0, 35.5, 0, true],
    [null, null, '合计', null, 178, null, { error: '#DIV/0!' }, '=SUM(G3:G6)'],
  ];
  g.formats = g.values.map((row) => row.map(() => null));
  for (let r = 2; r <= 5; r++) g.formats[r][0] = r === 3 ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd';
  for (let r = 2; r <= 6; r++) {
    if (typeof g.values[r][5] === 'number') g.formats[r][5] = '#,##0.00';
    if (typeof g.values[r][6] === 'number') g.formats[r][6] = '¥#,##0.00;-¥#,##0.00';
  }
  g.merges = [{ top: 1, left: 1, bottom: 1, right: 8 }];
  g.hiddenRows = [4];
  g.hiddenColumns = [4];
  return g;
}

/** A sheet whose data starts at C3 (the used range does not start at A1). */
export function offsetSheet(): Grid {
  const g = emptyGrid('客户档案');
  g.values = [[], [], [null, null, '客户名称', '付款天数'], [null, null, '苏州华工精密模具有限公司', 60], [null, null, '昆山瑞德电子有限公司', 90]];
  g.formats = g.values.map((row) => row.map(() => null));
  return g;
}

export function hiddenSheet(): Grid {
  const g = emptyGrid('备用');
  g.values = [['说明'], ['此表隐藏']];
  g.formats = [[null], [null]];
  g.hidden = true;
  return g;
}

/** A generated sheet with every kind of thing a layout holds. */
export function reportSpec(rows = 3): SheetSpec {
  const data = Array.from({ length: rows }, (_, i) => [
    { text: `出货清单!B${i + 3}`, target: { sheet: '出货清单', cell: `B${i + 3}` } },
    ['2026-10-05', '2026-10-08', '2026-10-12'][i % 3],
    [4260, 614.4, 0.01][i % 3],
    ['错误', '正常', '=SUM(A1)'][i % 3],
    [120, 48, 10][i % 3],
  ]);
  return {
    name: '核对_出货',
    purpose: 'quotes',
    title: ['出货核对', '截至 2026-10-31'],
    summary: [
      { label: '核对行数', value: rows, type: 'integer' },
      { label: '说明', value: '-5% 以内视为一致', type: 'text' },
    ],
    tables: [
      {
        name: '表_出货核对',
        columns: [
          { key: 'source', header: '来源', type: 'link' },
          { key: 'date', header: '出货日期', type: 'date' },
          { key: 'amount', header: '含税金额', type: 'money' },
          { key: 'status', header: '状态', type: 'text' },
          { key: 'qty', header: '数量', type: 'quantity' },
        ],
        rows: data,
        highlights: [{ column: 'status', equals: '错误', tone: 'bad' }],
        totals: ['合计', null, 4874.41, null, 178],
      },
    ],
    charts: [{ kind: 'column', title: '金额与数量', table: '表_出货核对', categories: 'date', series: ['amount', 'qty'] }],
  };
}

/** Text that a spreadsheet would take for something else, in a text column and in a number column. */
export function trickySpec(): SheetSpec {
  const tricky = ['=SUM(A1:A3)', '+86 138 0000 0000', '-', '@张三', '\t缩进', "'引号开头", '00123', '2026-10-05', 'TRUE', '1e5'];
  return {
    name: '结构_测试',
    purpose: 'structure',
    title: ['=HYPERLINK("http://example.com")'],
    tables: [
      {
        name: '表_测试',
        columns: [
          { key: 'text', header: '文本', type: 'text' },
          { key: 'qty', header: '数量', type: 'quantity' },
        ],
        rows: tricky.map((s) => [s, s]),
      },
    ],
  };
}

const CUSTOMERS = ['苏州华工精密模具有限公司', '昆山瑞德电子有限公司', '无锡宏达机械股份有限公司', '上海联创汽车零部件有限公司', '宁波东方塑胶制品有限公司'];

/** A big shipping list: a title row, a header row and `rows` data rows of 15 columns. */
export function bigGrid(rows: number): Grid {
  const g = emptyGrid('出货明细');
  const headers = ['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '品名', '规格', '单位', '数量', '含税单价', '含税金额', '税率', '货物类别', '业务员', '备注'];
  const values: GridValue[][] = [['2026年出货明细表'], headers];
  const formats: (string | null)[][] = [[null], headers.map(() => null)];
  const start = serial('2026-01-01');
  for (let i = 0; i < rows; i++) {
    const qty = 10 + ((i * 37) % 990);
    const price = Math.round((1 + ((i * 7919) % 50000) / 100) * 100) / 100;
    values.push([
      start + (i % 300),
      `SH${String(260000 + i).padStart(8, '0')}`,
      CUSTOMERS[i % CUSTOMERS.length],
      `HT-2026-${String(1 + (i % 400)).padStart(4, '0')}`,
      `P-${10000 + (i % 3000)}`,
      `零件${i % 3000}号`,
      `${(i % 90) + 10}×${(i % 40) + 5}mm`,
      '件',
      qty,
      price,
      Math.round(qty * price * 100) / 100,
      0.13,
      ['成品', '半成品', '材料', '模具', '项目'][i % 5],
      ['张伟', '王芳', '李娜'][i % 3],
      i % 50 === 0 ? '加急' : null,
    ]);
    formats.push(['yyyy-mm-dd', null, null, null, null, null, null, null, null, '#,##0.00', '#,##0.00', '0%', null, null, null]);
  }
  g.values = values;
  g.formats = formats.map((f, r) => f.map((x, c) => (typeof values[r][c] === 'number' ? x : null)));
  return g;
}

/** Formats kept only where a cell holds a number (the Office.js host reads formats only there). */
export function numericFormats(g: Grid): (string | null)[][] {
  return g.values.map((row, r) => row.map((v, c) => (typeof v === 'number' ? (g.formats[r]?.[c] ?? null) : null)));
}
