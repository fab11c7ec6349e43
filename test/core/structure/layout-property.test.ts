import fc from 'fast-check';
import { structureWorkbook } from '../../../src/core/structure';
import type { Grid, GridValue, MergedRange } from '../../../src/core/grid';

/**
 * Any layout a clerk or an ERP gives the same lines: whatever header words name the columns (Chinese, English,
 * ERP snake_case, spaced words, units written in), in whatever order, under whatever title block, with sign-off
 * lines whose words stand in any cell, an unlabelled sum row under the lines, and a second form of the same
 * layout below the first, the typed rows are the lines that were written, and nothing else.
 * Expected values come from the generator (ISO dates, fen), not from the code under test.
 */

const FIELDS = ['date', 'deliveryNo', 'customer', 'part', 'name', 'quantity', 'unitPrice', 'amount'] as const;
type Field = (typeof FIELDS)[number];

const WORDS: Record<Field, string[]> = {
  date: ['送货日期', '发货日期', '日期', '出货日期', 'Date', 'posting_date', 'Ship Date'],
  deliveryNo: ['送货单号', '单据编号', '出货单号', '发货单号', 'Delivery No', 'DN No.'],
  customer: ['客户名称', '客户', '购货单位', 'Customer', 'customer_name'],
  part: ['物料编码', '料件编号', '料号', '物料号', 'SKU', 'Part No', 'partNumber'],
  name: ['品名', '物料名称', '产品名称', 'Item Name', 'Description'],
  quantity: ['数量', '数量（件）', '出货数量', '销售数量', 'Qty', 'quantity'],
  unitPrice: ['单价', '单 价', '单价/rmb', '单价(元)', '售价', 'Unit Price', 'unit_price'],
  amount: ['金额', '金 额', '金额(元)', '价税合计', 'Ext Price', 'Amount'],
};

const CUSTOMERS = ['苏州华工精密模具有限公司', '宁波锐达汽车零部件有限公司', '常州恒泰液压机械有限公司', 'Barton LLC'];
const NAMES = ['导柱', '导套', '转向节', '阀芯', '机械密封'];

interface Line {
  day: number;
  dn: string;
  customer: string;
  part: string;
  name: string;
  qty: number;
  priceFen: number;
}

const lineArb: fc.Arbitrary<Line> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  dn: fc.integer({ min: 1, max: 99999 }).map((n) => `DN${String(n).padStart(6, '0')}`),
  customer: fc.constantFrom(...CUSTOMERS),
  part: fc.stringMatching(/^[A-Z]{2}-\d{3,4}[A-Z]?$/),
  name: fc.constantFrom(...NAMES),
  qty: fc.integer({ min: 1, max: 5000 }),
  priceFen: fc.integer({ min: 1, max: 1_000_000 }),
});

const iso = (day: number) => `2026-10-${String(day).padStart(2, '0')}`;

function cellOf(line: Line, field: Field): GridValue {
  switch (field) {
    case 'date':
      return iso(line.day);
    case 'deliveryNo':
      return line.dn;
    case 'customer':
      return line.customer;
    case 'part':
      return line.part;
    case 'name':
      return line.name;
    case 'quantity':
      return line.qty;
    case 'unitPrice':
      return line.priceFen / 100;
    case 'amount':
      return (line.qty * line.priceFen) / 100;
  }
}

const expected = (line: Line) => ({
  date: iso(line.day),
  deliveryNo: line.dn,
  customer: line.customer,
  part: line.part,
  name: line.name,
  quantity: line.qty,
  unitPrice: line.priceFen,
  amount: line.qty * line.priceFen,
});

interface Layout {
  words: Record<Field, string>;
  order: number[];
  title: GridValue[][];
  signOff: { text: string; at: number }[];
  sumRow: boolean;
  second: Line[] | null;
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  words: fc.record(Object.fromEntries(FIELDS.map((f) => [f, fc.constantFrom(...WORDS[f])])) as { [F in Field]: fc.Arbitrary<string> }),
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8 }),
  title: fc.array(
    fc.constantFrom<GridValue[]>(['苏州某精密机械有限公司'], ['出货清单'], ['客户：宁波锐达', null, null, '日期：2026-10-31'], [], ['单位：元']),
    { maxLength: 4 },
  ),
  signOff: fc.array(fc.record({ text: fc.constantFrom('制表：张三', '审核：', '制表者: 李燕', '签收：', '备注1：', '客户确认（盖章）：'), at: fc.integer({ min: 0, max: 7 }) }), { maxLength: 3 }),
  sumRow: fc.boolean(),
  second: fc.option(fc.array(lineArb, { minLength: 1, maxLength: 5 }), { nil: null }),
});

/** Lay out one block: its header, its lines, maybe a sum row, its sign-off lines. */
function block(lines: Line[], layout: Layout): GridValue[][] {
  const cols = layout.order.map((i) => FIELDS[i]);
  const rows: GridValue[][] = [cols.map((f) => layout.words[f])];
  for (const line of lines) rows.push(cols.map((f) => cellOf(line, f)));
  if (layout.sumRow) {
    rows.push(cols.map((f) => (f === 'quantity' ? lines.reduce((n, l) => n + l.qty, 0) : f === 'amount' ? lines.reduce((n, l) => n + l.qty * l.priceFen, 0) / 100 : null)));
  }
  for (const s of layout.signOff) {
    const row: GridValue[] = cols.map(() => null);
    row[s.at] = s.text;
    rows.push(row);
  }
  return rows;
}

function build(first: Line[], layout: Layout): Grid {
  const values: GridValue[][] = [...layout.title, ...block(first, layout)];
  if (layout.second) values.push([], ...layout.title.filter((r) => r.length), ...block(layout.second, layout));
  const merges: MergedRange[] = [];
  return { name: 'Sheet1', values, formats: values.map((r) => r.map(() => null)), merges, hiddenRows: [], hiddenColumns: [], date1904: false };
}

describe('any layout gives the lines that were written', () => {
  it('header words, column order, title block, sign-off lines, a sum row and a second form', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), layoutArb, (lines, layout) => {
        // Two identical header words would name one field twice; the generator's words are all distinct per field.
        const result = structureWorkbook([build(lines, layout)], { defaultYear: 2026 });
        expect(result.tables.map((t) => t.kind)).toEqual(['shipments']);
        const got = result.tables[0].rows.map((r) => r.fields);
        expect(got).toEqual([...lines, ...(layout.second ?? [])].map(expected));
        expect(result.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
