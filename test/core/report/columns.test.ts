/**
 * A report table declared column by column (issue 20, item 7): each column's header and its cell live together,
 * the totals row takes each column's own total (blank where it has none), and figures declared for one kind of
 * row serve another through `via`.
 */
import { col, colWithTotal, tableBody, via } from '../../../src/core/report/columns';

interface Shipment {
  customer: string;
  deliveryNo: string;
  yuan: number;
}

const SHIPMENTS: Shipment[] = [
  { customer: '苏州华工精密模具有限公司', deliveryNo: 'SH2610001', yuan: 1410 },
  { customer: '昆山瑞德电子有限公司', deliveryNo: 'SH2610002', yuan: 960.5 },
];

test('headers, rows in declaration order, and a totals row with blanks where a column has no total', () => {
  const body = tableBody<Shipment, readonly Shipment[]>(
    [
      col('customer', '客户名称', 'text', 28, (s) => s.customer, { total: () => '合计' }),
      col('deliveryNo', '送货单号', 'text', undefined, (s) => s.deliveryNo, { wrapAt: 20 }),
      col('amount', '含税金额', 'money', 14, (s) => s.yuan, { total: (all) => all.reduce((n, s) => n + s.yuan, 0) }),
    ],
    SHIPMENTS,
    SHIPMENTS,
  );
  expect(body).toEqual({
    columns: [
      { key: 'customer', header: '客户名称', type: 'text', width: 28 },
      { key: 'deliveryNo', header: '送货单号', type: 'text', wrapAt: 20 },
      { key: 'amount', header: '含税金额', type: 'money', width: 14 },
    ],
    rows: [
      ['苏州华工精密模具有限公司', 'SH2610001', 1410],
      ['昆山瑞德电子有限公司', 'SH2610002', 960.5],
    ],
    totals: ['合计', null, 2370.5],
  });
  // A column without a width has no width key at all (hosts pick their default).
  expect(Object.keys(body.columns[1])).toEqual(['key', 'header', 'type', 'wrapAt']);
});

test('without totals the table has no totals row; an empty list gives headers and no rows', () => {
  const columns = [col<Shipment>('deliveryNo', '送货单号', 'text', 14, (s) => s.deliveryNo)];
  expect(tableBody(columns, SHIPMENTS)).toEqual({ columns: [{ key: 'deliveryNo', header: '送货单号', type: 'text', width: 14 }], rows: [['SH2610001'], ['SH2610002']] });
  expect('totals' in tableBody(columns, SHIPMENTS)).toBe(false);
  expect(tableBody(columns, [])).toEqual({ columns: [{ key: 'deliveryNo', header: '送货单号', type: 'text', width: 14 }], rows: [] });
});

test('figures declared once serve a per-customer table and its totals through via', () => {
  interface Aging {
    notDue: number;
    overdue: number;
  }
  const figures = [colWithTotal<Aging, Aging>('notDue', '未到期', 'money', 13, (a) => a.notDue), colWithTotal<Aging, Aging>('overdue', '已逾期', 'money', 13, (a) => a.overdue)];
  const customers = [
    { name: '无锡华工汽车部件有限公司', aging: { notDue: 5000, overdue: 1200 } },
    { name: '嘉兴华工新材料科技有限公司', aging: { notDue: 0, overdue: 300 } },
  ];
  const body = tableBody<(typeof customers)[number], Aging>(
    [col('customer', '客户', 'text', 28, (c) => c.name, { total: () => '合计' }), ...via(figures, (c: (typeof customers)[number]) => c.aging, (a: Aging) => a)],
    customers,
    { notDue: 5000, overdue: 1500 },
  );
  expect(body.rows).toEqual([
    ['无锡华工汽车部件有限公司', 5000, 1200],
    ['嘉兴华工新材料科技有限公司', 0, 300],
  ]);
  expect(body.totals).toEqual(['合计', 5000, 1500]);
  // Used without a totals picker, the same figures give no totals cells.
  const perGroup = tableBody([...via(figures, (c: (typeof customers)[number]) => c.aging)], customers);
  expect(perGroup.rows).toEqual([
    [5000, 1200],
    [0, 300],
  ]);
});
