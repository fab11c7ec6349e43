import { ledgersJob, type LedgersSection } from '../../../src/core/ledgers/job';
import { translator, type Lang } from '../../../src/core/i18n';
import type { AnyTypedTable } from '../../../src/core/tables/typed-table';
import { asIsoDate } from '../../../src/core/values/brand';
import { typedTable, yuan } from '../../helpers/typed';
import type { OptionValues } from '../../../src/core/job-definition';

const d = asIsoDate;
const customers = typedTable('customers', '客户档案', [
  { name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related', termsDays: 30 },
  { name: '无锡锐达汽车部件有限公司', aliases: '锐达', group: 'external', termsDays: 60 },
]);
const contracts = typedTable(
  'contracts',
  '合同台账',
  [
    { contractNo: 'HT-A', line: 1, customer: '华工精密', part: 'P1', quantity: 100, unitPriceWithTax: yuan(10), amount: yuan(1000), deliveryDate: d('2026-09-30') },
    { contractNo: 'HT-A', line: 2, customer: '华工精密', part: 'P2', quantity: 50, unitPriceWithTax: yuan(10), amount: yuan(500), deliveryDate: d('2026-12-31') },
    { contractNo: 'HT-B', line: 1, customer: '锐达', part: 'P3', quantity: 10, amount: yuan(10000), deliveryDate: d('2026-10-15') },
    { contractNo: 'HT-C', line: 1, customer: '华工精密', part: 'P4', quantity: 10, amount: yuan(1000) },
    { contractNo: 'HT-D', line: 1, customer: '锐达', part: 'P5', quantity: 10, amount: yuan(1000) },
  ],
  { contractNo: 1, line: 2, customer: 3, part: 4, quantity: 5, deliveryDate: 9 },
);
const shipments = typedTable('shipments', '出货清单', [
  { date: d('2026-09-20'), deliveryNo: 'DN0001', contractNo: 'HT-A', customer: '华工精密', part: 'P1', quantity: 100, unitPrice: yuan(10), amount: yuan(1000) },
  { date: d('2026-10-28'), deliveryNo: 'DN0002', contractNo: 'ht-a', customer: '华工精密', part: 'P2', quantity: 20, unitPrice: yuan(10), amount: yuan(200) },
  { date: d('2026-10-10'), deliveryNo: 'DN0003', contractNo: 'HT-B', customer: '锐达', part: 'P3', quantity: 4, amount: yuan(4000) },
  { date: d('2026-10-01'), deliveryNo: 'DN0004', contractNo: 'HT-C', customer: '华工精密', part: 'P4', quantity: 11, amount: yuan(1100) },
  { date: d('2026-10-01'), deliveryNo: 'DN0005', contractNo: 'HT-D', customer: '锐达', part: 'P5', quantity: 10.4, amount: yuan(1040) },
]);
const invoices = typedTable('invoices', '开票明细', [
  { invoiceNo: 'INV-A1', date: d('2026-09-25'), customer: '华工精密', contractNo: 'HT-A', amount: yuan(1000) },
  { invoiceNo: 'INV-C1', date: d('2026-10-05'), customer: '华工精密', contractNo: 'HT-C', amount: yuan(1200) },
  { invoiceNo: 'INV-D1', date: d('2026-10-05'), customer: '锐达', contractNo: 'HT-D', amount: yuan(1040) },
]);
const receipts = typedTable('receipts', '回款明细', [{ date: d('2026-10-20'), customer: '华工精密', amount: yuan(1200), invoiceNo: 'INV-C1' }]);
const property = typedTable(
  'property',
  '客户财产台账',
  [
    { itemNo: 'T1', name: '冲压模具', customer: '华工精密', quantity: 1, lastCheckDate: d('2026-07-01') },
    { itemNo: 'T2', name: '检具', customer: '华工精密', quantity: 2 },
    { itemNo: 'T3', name: '图纸', customer: '锐达', quantity: 1, lastCheckDate: d('2026-05-01') },
    { itemNo: 'T4', name: '夹具', customer: '锐达', quantity: 1, returnedDate: d('2026-08-01') },
  ],
  { itemNo: 1, lastCheckDate: 8 },
);
const counts = typedTable('propertyCounts', '盘点表', [
  { date: d('2026-10-30'), itemNo: 't1', countedQty: 1 },
  { date: d('2026-10-30'), itemNo: 'T2', countedQty: 1 },
  { date: d('2026-10-30'), itemNo: 'T9', name: '不明模具', countedQty: 1 },
]);
const returns = typedTable(
  'returns',
  '退货记录',
  [
    { date: d('2026-10-01'), returnNo: 'RT1', customer: '华工精密', deliveryNo: '送0001', part: 'P1', quantity: 30, unitPrice: yuan(10) },
    { date: d('2026-10-02'), returnNo: 'RT2', customer: '华工精密', deliveryNo: 'DN-0001', part: 'P1', quantity: 80, unitPrice: yuan(10) },
    { date: d('2026-10-29'), returnNo: 'RT3', customer: '华工精密', deliveryNo: 'DN0002', part: 'P2', quantity: 5, unitPrice: yuan(12) },
    { date: d('2026-10-30'), returnNo: 'RT4', customer: '锐达', deliveryNo: 'DN0999', part: 'P3', quantity: 1, unitPrice: yuan(1000) },
  ],
  { returnNo: 2, deliveryNo: 4, quantity: 6, unitPrice: 7 },
);
const samples = typedTable('samples', '样品登记', [
  { date: d('2026-01-05'), direction: 'in', sampleNo: 'S1', name: '样件A', quantity: 2, location: 'A-01' },
  { date: d('2026-09-01'), direction: 'out', sampleNo: 'S1', borrower: '张三', customer: '华工精密', quantity: 1, promisedReturn: d('2026-10-01') },
  { date: d('2026-02-01'), direction: 'in', sampleNo: 'S2', name: '样件B', quantity: 1 },
  { date: d('2026-10-20'), direction: 'out', sampleNo: 'S2', borrower: '李四', quantity: 1, promisedReturn: d('2026-11-15') },
  { date: d('2026-03-01'), direction: 'in', sampleNo: 'S3', name: '样件C', quantity: 1 },
  { date: d('2026-08-01'), direction: 'out', sampleNo: 'S3', borrower: '王五', quantity: 1, promisedReturn: d('2026-08-31') },
  { date: d('2026-09-02'), direction: 'return', sampleNo: 'S3', quantity: 1 },
]);

const all: AnyTypedTable[] = [customers, contracts, shipments, invoices, receipts, property, counts, returns, samples];
function run(options: OptionValues = {}, lang: Lang = 'zh-CN') {
  const out = ledgersJob.run({ grids: [], tables: all, issues: [] }, { asOf: d('2026-10-31'), lang, t: translator(lang), options });
  return { ...out, json: out.result as unknown as LedgersSection };
}

describe('contract execution ledger', () => {
  const { json, findings } = run();
  const byNo = Object.fromEntries(json.contracts.map((c) => [c.contractNo, c]));

  test('value, shipped (net of the returns that check out), invoiced, received and what remains, per contract', () => {
    // shipped 1,000 + 200, less RT1's 30 × 10 back (RT2 exceeds what was shipped, RT3 is priced above: not netted)
    expect(byNo['HT-A']).toMatchObject({ value: 1500, shipped: 900, invoiced: 1000, received: 0, toShip: 600, toInvoice: 500, toCollect: 1000, status: 'in-progress', flags: [] });
    // the 30 taken back are a quality matter: line 1 was delivered in full by its 09-30 date
  });

  test('shipped and not invoiced after 7 days, and a delivery date passed with the line not fully shipped', () => {
    expect(byNo['HT-B'].flags).toEqual(['shipped-not-invoiced', 'delivery-overdue']);
    // HT-A's October 28 shipment is only 3 days old: not yet late to invoice
    expect(byNo['HT-A'].flags).not.toContain('shipped-not-invoiced');
  });

  test('beyond the contract, and closed when fully collected', () => {
    expect(byNo['HT-C'].flags).toEqual(['invoiced-beyond-contract', 'shipped-beyond-contract', 'fully-collected']);
    expect(byNo['HT-C'].status).toBe('closed');
    // 4% over is inside the 5% tolerance, for shipping and for invoicing what shipped; with 3% neither is
    expect(byNo['HT-D'].flags).toEqual([]);
    expect(run({ overShipTolerance: 3 }).json.contracts.find((c) => c.contractNo === 'HT-D')?.flags).toEqual(['invoiced-beyond-contract', 'shipped-beyond-contract']);
  });

  test('the invoicing window is an option', () => {
    // HT-B shipped on 10-10: 21 days before the as-of date
    expect(run({ invoiceDays: 30 }).json.contracts.find((c) => c.contractNo === 'HT-B')?.flags).toEqual(['delivery-overdue']);
    expect(run({ invoiceDays: 21 }).json.contracts.find((c) => c.contractNo === 'HT-B')?.flags).toEqual(['shipped-not-invoiced', 'delivery-overdue']);
  });

  test('findings point at the cell to fix', () => {
    const overdue = findings.find((f) => f.code === 'ledgers-delivery-overdue' && f.message.values?.contractNo === 'HT-B')!;
    expect(overdue.cells).toEqual([{ sheet: '合同台账', cell: 'I4' }]);
    const late = findings.find((f) => f.code === 'ledgers-shipped-not-invoiced')!;
    expect(translator('zh-CN')(late.message.key, late.message.values)).toBe('合同 HT-B：2026-10-10 出货至今未开票（超过 7 天）');
  });
});

describe('customer property', () => {
  const { json, findings } = run();
  const byNo = Object.fromEntries(json.property.items.map((p) => [p.itemNo, p]));

  test('book against count: found, quantity differs, missing, not on the ledger, returned', () => {
    expect(byNo.T1).toMatchObject({ result: 'found', bookQty: 1, countedQty: 1, lastCheck: '2026-10-30', unchecked: false });
    expect(byNo.T2).toMatchObject({ result: 'qty-diff', bookQty: 2, countedQty: 1 });
    expect(byNo.T3).toMatchObject({ result: 'missing', lastCheck: '2026-05-01', unchecked: true });
    expect(byNo.T4).toMatchObject({ result: 'returned', bookQty: 0, unchecked: false });
    expect(byNo.T9).toMatchObject({ result: 'not-on-ledger', countedQty: 1 });
    expect(json.property.counts).toEqual({ found: 1, 'qty-diff': 1, missing: 1, returned: 1, 'not-on-ledger': 1 });
  });

  test('an item not checked for a quarter is flagged at its last-check cell', () => {
    expect(findings.find((f) => f.code === 'ledgers-property-unchecked')?.cells).toEqual([{ sheet: '客户财产台账', cell: 'H4' }]);
  });
});

describe('returns against their shipments', () => {
  const { json } = run();
  test('quantity beyond what is left to return, a price above the original, and no original shipment', () => {
    expect(json.returns.checked).toBe(4);
    expect(json.returns.flagged.map((r) => [r.returnNo, r.flags])).toEqual([
      ['RT2', ['return-exceeds-shipped']],
      ['RT3', ['return-price-above-original']],
      ['RT4', ['return-no-shipment']],
    ]);
  });
});

describe('sample room', () => {
  const { json, sheets } = run();
  test('stock on hand and overdue loans', () => {
    expect(json.samples.onHand).toEqual([
      { sampleNo: 'S1', onHand: 1 },
      { sampleNo: 'S2', onHand: 0 },
      { sampleNo: 'S3', onHand: 1 },
    ]);
    expect(json.samples.overdue).toEqual([{ sampleNo: 'S1', borrower: '张三', promisedReturn: '2026-10-01', daysOverdue: 30 }]);
    const sheet = sheets.find((s) => s.name === '台账_样品间')!;
    expect(sheet.tables[1].rows.map((r) => r[1])).toEqual(['S2']);
  });
});

test('four ledger sheets, named in Chinese with a prefix no clerk\'s ledger carries, and in English on request', () => {
  expect(run().sheets.map((s) => s.name)).toEqual(['台账_合同执行', '台账_客户财产', '台账_退货核对', '台账_样品间']);
  expect(run({}, 'en-US').sheets.map((s) => s.name)).toEqual(['Ledger_Contracts', 'Ledger_Property', 'Ledger_Returns', 'Ledger_Samples']);
});

test('a return credited by a red-letter invoice leaves nothing shipped-not-invoiced', () => {
  const tables: AnyTypedTable[] = [
    customers,
    typedTable('contracts', '合同台账', [{ contractNo: 'HT-R', customer: '锐达', part: 'P9', quantity: 500, unitPriceWithTax: yuan(10), amount: yuan(5000) }]),
    typedTable('shipments', '出货清单', [{ date: d('2026-09-01'), deliveryNo: 'DN0100', contractNo: 'HT-R', customer: '锐达', part: 'P9', quantity: 500, unitPrice: yuan(10), amount: yuan(5000) }]),
    typedTable('returns', '退货记录', [{ date: d('2026-09-10'), customer: '锐达', deliveryNo: '送100', part: 'P9', quantity: 100, unitPrice: yuan(10) }]),
    typedTable('invoices', '开票明细', [
      { invoiceNo: 'X1', date: d('2026-09-02'), customer: '锐达', contractNo: 'HT-R', amount: yuan(5000) },
      { invoiceNo: 'X2', date: d('2026-09-12'), customer: '锐达', contractNo: 'HT-R', amount: yuan(-1000), remarks: '冲红 X1' },
    ]),
  ];
  const out = ledgersJob.run({ grids: [], tables, issues: [] }, { asOf: d('2026-10-31'), lang: 'zh-CN', t: translator('zh-CN'), options: {} });
  const c = (out.result as unknown as LedgersSection).contracts[0];
  // Collected means cash: the red-letter invoice reduces what was invoiced and is never counted as received.
  expect(c).toMatchObject({ shipped: 4000, invoiced: 4000, received: 0, toCollect: 4000, flags: [] });
  // Once the 4,000 in cash is in, the contract is closed: all of what was delivered and invoiced net is collected.
  const paid = ledgersJob.run(
    { grids: [], tables: [...tables, typedTable('receipts', '回款明细', [{ date: d('2026-10-08'), customer: '锐达', amount: yuan(4000), invoiceNo: 'X1' }])], issues: [] },
    { asOf: d('2026-10-31'), lang: 'zh-CN', t: translator('zh-CN'), options: {} },
  );
  expect((paid.result as unknown as LedgersSection).contracts[0]).toMatchObject({ received: 4000, toCollect: 0, status: 'closed', flags: ['fully-collected'] });
});

test('a credit invoice is never collected; cash up to the invoiced net of credits is no overpayment', () => {
  const base: AnyTypedTable[] = [
    customers,
    typedTable('contracts', '合同台账', [{ contractNo: 'HT-C', customer: '锐达', part: 'P9', quantity: 500, unitPriceWithTax: yuan(10), amount: yuan(5000) }]),
    typedTable('shipments', '出货清单', [{ date: d('2026-09-01'), deliveryNo: 'DN0200', contractNo: 'HT-C', customer: '锐达', part: 'P9', quantity: 500, unitPrice: yuan(10), amount: yuan(5000) }]),
  ];
  const invoices = typedTable('invoices', '开票明细', [
    { invoiceNo: 'Y1', date: d('2026-09-02'), customer: '锐达', contractNo: 'HT-C', amount: yuan(5000) },
    { invoiceNo: 'Y2', date: d('2026-09-12'), customer: '锐达', contractNo: 'HT-C', amount: yuan(-500), remarks: '折让 冲红 Y1' },
  ]);
  const contract = (receipts: number[]) => {
    const tables = [...base, invoices, typedTable('receipts', '回款明细', receipts.map((amount, i) => ({ date: d('2026-10-0' + (i + 1)), customer: '锐达', amount: yuan(amount), invoiceNo: 'Y1' })))];
    const out = ledgersJob.run({ grids: [], tables, issues: [] }, { asOf: d('2026-10-31'), lang: 'zh-CN', t: translator('zh-CN'), options: {} });
    return (out.result as unknown as LedgersSection).contracts[0];
  };
  expect(contract([2000])).toMatchObject({ invoiced: 4500, received: 2000, toCollect: 2500 });
  expect(contract([4500])).toMatchObject({ invoiced: 4500, received: 4500, toCollect: 0 });
  expect(contract([4500]).flags).not.toContain('collected-beyond-invoiced');
});

test('a return whose quantity is vanishingly small gets no per-unit price, never Infinity (found by the random-workbook property)', () => {
  const tables: AnyTypedTable[] = [typedTable('returns', '退货', [{ date: d('2026-10-01'), customer: '锐达', part: 'P1', quantity: 5e-324, amount: yuan(-1) }])];
  const out = ledgersJob.run({ grids: [], tables, issues: [] }, { asOf: d('2026-10-31'), lang: 'zh-CN', t: translator('zh-CN'), options: {} });
  for (const s of out.sheets) for (const tb of s.tables) for (const row of tb.rows) for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
});
