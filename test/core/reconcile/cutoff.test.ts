/**
 * Cut-off across periods (issue 15): a line they book in October that we shipped in September is a timing difference
 * (上期发货、本期入账), matched to our September line in whichever shipment sheet holds it — never "对方已入账、我方无
 * 发货记录". Our October in-transit line is ticked off when November's statement books it. Figures by hand.
 */
import { runReconcile } from '../../../src/core/reconcile/job';
import { translator } from '../../../src/core/i18n';
import type { JobContext, OptionValues } from '../../../src/core/job-definition';
import type { AnyTypedTable, TypedTable } from '../../../src/core/tables/typed-table';
import type { ShipmentRow, StatementRow } from '../../../src/core/tables/kinds';
import { asIsoDate } from '../../../src/core/values/brand';
import { typedTable, yuan } from '../../helpers/typed';
import { readState, stateSheet, type WorkbookState } from '../../../src/core/state';
import type { Grid } from '../../../src/core/grid';

const d = asIsoDate;
const customers = typedTable('customers', '客户档案', [{ code: 'C001', name: '苏州华工精密模具有限公司', aliases: '华工精密', group: 'related' }]);
const ship = (deliveryNo: string, date: string, part: string, quantity: number, price: number): ShipmentRow => ({
  date: d(date),
  deliveryNo,
  customer: '华工精密',
  part,
  quantity,
  unitPriceWithTax: yuan(price),
  amount: yuan(quantity * price),
});
const stmt = (docNo: string, date: string, part: string, quantity: number, amount: number): StatementRow => ({ date: d(date), docNo, part, quantity, amount: yuan(amount) });

function statement(sheet: string, period: string, rows: StatementRow[]): AnyTypedTable {
  const t = typedTable('statements', sheet, rows) as TypedTable<'statements'>;
  t.titleText = ['苏州华工精密模具有限公司 对账单', `对账期间：${period}`];
  return t as unknown as AnyTypedTable;
}

// September's list and October's list are separate sheets, as the clerk keeps them.
const september = typedTable('shipments', '9月出货清单', [
  ship('DN-0901', '2026-09-10', 'P-1', 10, 100), // booked in September (not on these statements)
  ship('DN-0930', '2026-09-30', 'P-2', 20, 50), // shipped 09-30, booked by them 10-02 under our note number
  ship('DN-0929', '2026-09-29', 'P-3', 5, 40), // shipped 09-29, booked 10-01 under their own receipt number
]);
const october = typedTable('shipments', '10月出货清单', [
  ship('DN-1005', '2026-10-05', 'P-1', 10, 100),
  ship('DN-1030', '2026-10-30', 'P-4', 8, 25), // in transit at the end of October
]);
const octStatement = statement('10月对账单', '2026-10-01至2026-10-31', [
  stmt('DN-0930', '2026-10-02', 'P-2', 20, 1000),
  stmt('RK-7788', '2026-10-01', 'P-3', 5, 200),
  stmt('DN-1005', '2026-10-06', 'P-1', 10, 1000),
  stmt('RK-9999', '2026-10-20', 'P-9', 1, 30), // truly theirs only
]);
const november = typedTable('shipments', '11月出货清单', [ship('DN-1110', '2026-11-10', 'P-1', 3, 100)]);
const novStatement = statement('11月对账单', '2026-11-01至2026-11-30', [stmt('DN-1030', '2026-11-02', 'P-4', 8, 200), stmt('DN-1110', '2026-11-11', 'P-1', 3, 300)]);

const ctx = (options: OptionValues, asOf = '2026-12-02'): JobContext => ({ asOf: d(asOf), lang: 'zh-CN', t: translator('zh-CN'), options });
const run = (tables: AnyTypedTable[], options: OptionValues = {}) => runReconcile({ grids: [], tables, issues: [] }, ctx(options));

describe('October: September shipments they booked in October', () => {
  const out = run([customers, september, october, octStatement, november, novStatement], { period: '2026-10' });
  const [r] = out.model.results;
  const ofClass = (cls: string) => r.groups.filter((g) => g.cls === cls);

  test('both are timing differences matched to our September lines, by note number and by part + quantity + date', () => {
    const prior = ofClass('prior-period').map((g) => [g.theirs.map((l) => l.f.docNo), g.ours.map((l) => `${l.source.sheet}!${l.f.deliveryNo}`)]);
    expect(prior.sort()).toEqual([
      [['DN-0930'], ['9月出货清单!DN-0930']],
      [['RK-7788'], ['9月出货清单!DN-0929']],
    ]);
    expect(ofClass('only-theirs').map((g) => g.theirs[0].f.docNo)).toEqual(['RK-9999']);
  });

  test('the 调节表 takes them out of 仅对方有 into their own row, and still closes', () => {
    const row = (item: string) => r.adjustment.rows.find((x) => x.item === item)!;
    expect([row('prior-period').amount, row('prior-period').theirsCount, row('prior-period').oursCount]).toEqual([-yuan(1200), 2, 0]);
    expect(row('only-theirs').amount).toBe(-yuan(30));
    expect([r.adjustment.theirsTotal, r.adjustment.oursTotal, r.adjustment.unexplained]).toEqual([yuan(2230), yuan(1200), 0]);
  });

  test('the in-transit line is what to expect next month; one item still waits (their RK-9999)', () => {
    expect(ofClass('in-transit').map((g) => g.ours[0].f.deliveryNo)).toEqual(['DN-1030']);
    expect([r.status, r.pending.count, r.pending.amount]).toEqual(['pending', 1, yuan(30)]);
    const sheet = out.sheets.find((s) => s.name.startsWith('对账_'))!;
    const adjustment = sheet.tables[2];
    expect(adjustment.rows.map((x) => x[0])).toContain('减：上期发货、本期入账（时间性差异）');
    expect(out.findings.filter((f) => f.code === 'reconcile-prior-period').map((f) => f.severity)).toEqual(['info', 'info']);
  });
});

describe('November: October’s in-transit line arrives and is ticked off', () => {
  const out = run([customers, september, october, octStatement, november, novStatement]);
  const [r] = out.model.results;

  test('with no option the period is November’s statement, and the carried line is matched to October’s list', () => {
    expect(out.model.period.label).toBe('2026-11');
    const prior = r.groups.filter((g) => g.cls === 'prior-period');
    expect(prior.map((g) => [g.theirs[0].f.docNo, g.ours[0].source.sheet, g.ours[0].f.deliveryNo])).toEqual([['DN-1030', '10月出货清单', 'DN-1030']]);
    expect([r.status, r.adjustment.unexplained]).toEqual(['explained', 0]);
  });
});

describe('in transit carried forward over two months (kept in the state sheet)', () => {
  const tables = [customers, september, october, octStatement, november];
  const runWith = (extra: AnyTypedTable[], options: OptionValues, state?: WorkbookState) =>
    runReconcile({ grids: [], tables: [...tables, ...extra], issues: [], state }, ctx(options));

  const oct = runWith([], { period: '2026-10' });
  test('October remembers its in-transit line as what to expect next month', () => {
    expect(oct.state?.inTransit).toEqual([
      { party: oct.model.results[0].party.key, period: '2026-10', periodEnd: '2026-10-31', deliveryNo: 'DN-1030', part: 'P-4', date: '2026-10-30', amount: yuan(200) },
    ]);
  });

  test('the state sheet keeps it across a save (written and read back)', () => {
    const state: WorkbookState = { version: 1, owned: [], overrides: {}, inTransit: oct.state?.inTransit };
    const spec = stateSheet(state);
    const grid: Grid = { name: spec.name, values: [['json'], ...spec.tables[0].rows.map((r) => [r[0] as string])], formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
    expect(readState([grid]).inTransit).toEqual(oct.state?.inTransit);
  });

  const state = (): WorkbookState => ({ version: 1, owned: [], overrides: {}, inTransit: oct.state?.inTransit });

  test('November’s statement books it: ticked off on the sheet and in the next state, no finding', () => {
    const nov = runWith([novStatement], {}, state());
    const sheet = nov.sheets.find((s) => s.name.startsWith('对账_'))!;
    const carried = sheet.tables.find((tb) => tb.caption === '上期在途核销（上期末在途，应在本期对账单中出现）')!;
    expect(carried.rows.map((r) => [r[0], r[2], r[5]])).toEqual([['2026-10', 'DN-1030', '本期已入账 ✓']]);
    expect(nov.state?.inTransit?.find((c) => c.deliveryNo === 'DN-1030')?.arrived).toBe('2026-11');
    expect(nov.findings.map((f) => f.code)).not.toContain('reconcile-carried-not-booked');
  });

  test('a November statement without it lists it again as still not booked', () => {
    const without = statement('11月对账单', '2026-11-01至2026-11-30', [stmt('DN-1110', '2026-11-11', 'P-1', 3, 300)]);
    const nov = runWith([without], {}, state());
    expect(nov.findings.filter((f) => f.code === 'reconcile-carried-not-booked').map((f) => f.message.values?.doc)).toEqual(['DN-1030']);
    expect(nov.state?.inTransit?.find((c) => c.deliveryNo === 'DN-1030')?.arrived).toBeUndefined();
  });
});
