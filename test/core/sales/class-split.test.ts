/**
 * Sales by goods class when one invoice covers several classes (issue 15): split by its lines, pro rata only where
 * nothing finer is known, and said. Expected figures by hand; the property holds invoice basis to shipment basis.
 */
import fc from 'fast-check';
import { salesJob, type SalesSection } from '../../../src/core/sales/job';
import { allocate } from '../../../src/core/sales/class-split';
import { translator } from '../../../src/core/i18n';
import type { OptionValues } from '../../../src/core/job-definition';
import type { AnyTypedTable } from '../../../src/core/tables/typed-table';
import type { GoodsClass } from '../../../src/core/tables/kinds';
import { asFen, asIsoDate, asRate } from '../../../src/core/values/brand';
import { typedTable, yuan } from '../../helpers/typed';

const d = asIsoDate;
const customers = typedTable('customers', '客户档案', [{ name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related' }]);
const run = (tables: AnyTypedTable[], options: OptionValues) =>
  salesJob.run({ grids: [], tables, issues: [] }, { asOf: d('2026-10-31'), lang: 'zh-CN', t: translator('zh-CN'), options });
const classTotals = (s: SalesSection, i = 11) => Object.fromEntries(s.classes.filter((c) => c.months[i] !== 0).map((c) => [c.class, c.months[i]]));

describe('an invoice covering a mould and batch parts', () => {
  const shipments = typedTable('shipments', '10月出货清单', [
    { date: d('2026-10-08'), deliveryNo: 'DN-1001', customer: '华工精密', part: 'MJ-01', amount: yuan(11300), goodsClass: 'tooling', taxRate: asRate(0.13) },
    { date: d('2026-10-08'), deliveryNo: 'DN-1001', customer: '华工精密', part: 'ZJ-02', amount: yuan(2260), goodsClass: 'batch', taxRate: asRate(0.13) },
  ]);
  const contracts = typedTable('contracts', '合同台账', [
    { contractNo: 'HT-77', customer: '华工精密', part: 'MJ-09', amount: yuan(10000), goodsClass: 'tooling' },
    { contractNo: 'HT-77', customer: '华工精密', part: 'ZJ-09', amount: yuan(30000), goodsClass: 'material' },
  ]);

  test('through its delivery note: each class gets its lines’ amount, exactly, with no estimate flagged', () => {
    const invoices = typedTable('invoices', '开票明细', [{ invoiceNo: '01', date: d('2026-10-20'), customer: '华工精密', deliveryNo: 'DN-1001', amount: yuan(13560), taxRate: asRate(0.13) }]);
    const out = run([customers, shipments, contracts, invoices], { month: '2026-10', withTax: true });
    expect(classTotals(out.result as unknown as SalesSection)).toEqual({ tooling: 11300, batch: 2260 });
    expect(out.findings.map((f) => f.code)).not.toContain('sales-estimated-class');
  });

  test('through its contract, invoiced in part: pro rata 1 : 3, flagged on the sheet and as a finding', () => {
    const invoices = typedTable('invoices', '开票明细', [{ invoiceNo: '02', date: d('2026-10-21'), customer: '华工精密', contractNo: 'ht-77', amount: yuan(4000.01), taxRate: asRate(0.13) }]);
    const out = run([customers, shipments, contracts, invoices], { month: '2026-10', withTax: true });
    // 4,000.01 × ¼ = 1,000.0025 → 1,000.00; the fen left over goes to the larger remainder: 3,000.01.
    expect(classTotals(out.result as unknown as SalesSection)).toEqual({ tooling: 1000, material: 3000.01 });
    expect(out.findings.filter((f) => f.code === 'sales-estimated-class').map((f) => f.cells)).toEqual([[{ sheet: '开票明细', cell: 'A2' }]]);
    const classSheet = out.sheets.find((s) => s.name === '销售_产品类别')!;
    expect(classSheet.title.join('\n')).toContain('注：2026-10 有 1 张发票的产品类别按合同/出货明细金额比例估算拆分');
  });
});

describe('allocate', () => {
  test('parts add up to the amount exactly and each is within a fen of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (amount, weights) => {
        const parts = allocate(asFen(amount), weights);
        expect(parts.reduce((s, x) => s + x, 0)).toBe(amount);
        const total = weights.reduce((s, w) => s + w, 0);
        parts.forEach((p, i) => expect(Math.abs(p - (amount * weights[i]) / total)).toBeLessThan(1));
      }),
    );
  });
});

describe('a fully invoiced month: class totals agree on invoice and shipment basis (property)', () => {
  const CLASSES: GoodsClass[] = ['batch', 'tooling', 'material', 'finished'];
  const line = fc.record({ note: fc.integer({ min: 0, max: 5 }), cls: fc.constantFrom(...CLASSES), fen: fc.integer({ min: 1, max: 5_000_000 }), day: fc.integer({ min: 1, max: 28 }) });

  test('every delivery note invoiced in full, no class on the invoice', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.boolean(), (lines, byContract) => {
        const ship = lines.map((l) => ({
          date: d(`2026-10-${String(l.day).padStart(2, '0')}`),
          deliveryNo: `DN-${l.note}`,
          contractNo: `HT-${l.note}`,
          customer: '华工精密',
          amount: asFen(l.fen),
          goodsClass: l.cls,
          taxRate: asRate(0.13),
        }));
        const contracts = byContract ? typedTable('contracts', '合同台账', ship.map((s) => ({ contractNo: s.contractNo, customer: '华工精密', amount: s.amount, goodsClass: s.goodsClass }))) : undefined;
        const notes = [...new Set(lines.map((l) => l.note))];
        const invoices = notes.map((n, i) => ({
          invoiceNo: `F${i}`,
          date: d('2026-10-30'),
          customer: '华工精密',
          // Referenced through the contract (all its lines) or through the delivery note.
          ...(byContract ? { contractNo: `HT-${n}` } : { deliveryNo: `DN-${n}` }),
          amount: asFen(lines.filter((l) => l.note === n).reduce((s, l) => s + l.fen, 0)),
          taxRate: asRate(0.13),
        }));
        const tables = [customers, typedTable('shipments', '出货', ship), typedTable('invoices', '开票', invoices), ...(contracts ? [contracts] : [])];
        const byInvoice = classTotals(run(tables, { month: '2026-10', withTax: true, basis: 'invoices' }).result as unknown as SalesSection);
        const byShipment = classTotals(run(tables, { month: '2026-10', withTax: true, basis: 'shipments' }).result as unknown as SalesSection);
        expect(byInvoice).toEqual(byShipment);
      }),
      { numRuns: 150 },
    );
  });
});
