/**
 * Properties of the whole pipeline (structure → jobs → sheets) on random Grids, where the per-job tests work on
 * typed tables: it never throws; reconcile puts every line in exactly one class and its 调节表 closes; the aging
 * buckets sum to the outstanding amount, which is exact money; collection rates are numbers or "—" when there is
 * nothing to divide by. (Money sums and parse ⇄ format are held in test/core/values/money.test.ts.)
 */
import fc from 'fast-check';
import { emptyGrid, type Grid, type GridValue, type MergedRange } from '../../src/core/grid';
import { runWorkbook } from '../../src/core/pipeline';
import { JOB_IDS } from '../../src/core/job-registry';
import { STATE_SHEET } from '../../src/core/state';
import { t } from '../../src/core/i18n';
import { asIsoDate } from '../../src/core/values/brand';
import type { SheetSpec } from '../../src/core/sheet-spec';

const AS_OF = asIsoDate('2026-10-31');
const ALL = JOB_IDS.filter((j) => j !== 'structure');
/** Excel serial of 2026-10-01 (1900 system). */
const OCT1 = 46296;

const grid = (name: string, values: GridValue[][], formats: (string | null)[][] = []): Grid => ({ ...emptyGrid(name), values, formats });
const dateFormats = (values: GridValue[][], cols: number[], from = 0) => values.map((r, i) => (i < from ? [] : r.map((_, c) => (cols.includes(c) ? 'yyyy-mm-dd' : null))));

const CUSTOMERS = grid('客户档案', [
  ['客户名称', '简称', '关联关系', '账期'],
  ['苏州华工精密模具有限公司', '华工精密', '关联', 30],
  ['无锡锐达汽车部件有限公司', '锐达', '外部', 60],
  ['常州恒通机械股份有限公司', '恒通', '外部', 0],
]);

describe('the pipeline never throws on random grids', () => {
  const WORDS = ['送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '数量', '含税单价', '金额', '价税合计', '税率', '发票号码', '开票日期', '收款日期', '回款金额', '报价单号', '有效期至', '合同编号', '小计', '合计', '对账单', '关联', '外部', '华工精密', '锐达', '2026-10-05', '2026年10月5日', '¥1,234.50', '1.2万', '（1,234.00）', '13%', '=1+1', '@SUM(1)', '-', '—', ' ', ''];
  const text = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom('长'.repeat(32767), STATE_SHEET, '{"owned":[{"sheet":1}]}'));
  const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 60, 2958465, 3e6, -5, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.005, OCT1));
  const value: fc.Arbitrary<GridValue> = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: text },
    { weight: 3, arbitrary: number },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom('#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!').map((error) => ({ error })) },
  );
  const format = fc.oneof(fc.constant(null), fc.constantFrom('yyyy-mm-dd', 'General', '@', '0.00', '#,##0.00', 'm/d/yy', '0%', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy'));
  const merge = (rows: number, cols: number): fc.Arbitrary<MergedRange> =>
    fc.record({ top: fc.integer({ min: 1, max: rows + 2 }), left: fc.integer({ min: 1, max: cols + 2 }), h: fc.integer({ min: 0, max: 4 }), w: fc.integer({ min: 0, max: 4 }) }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));
  const randomGrid: fc.Arbitrary<Grid> = fc
    .record({ rows: fc.integer({ min: 0, max: 25 }), cols: fc.integer({ min: 0, max: 12 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        name: fc.oneof(fc.constantFrom('出货', '对账单', '开票', '回款', '报价', '合同', '客户档案', 'Sheet1', '账龄分析', STATE_SHEET), fc.string({ minLength: 1, maxLength: 31 })),
        // Sometimes a real header row, so the jobs get past structure.
        header: fc.option(fc.shuffledSubarray(WORDS.slice(0, 18), { minLength: 2, maxLength: 10 }), { nil: undefined }),
        values: fc.array(fc.array(value, { maxLength: cols }), { minLength: rows, maxLength: rows }),
        formats: fc.array(fc.array(format, { maxLength: cols }), { maxLength: rows }),
        merges: fc.array(merge(rows, cols), { maxLength: 4 }),
        hiddenRows: fc.array(fc.integer({ min: 1, max: rows + 1 }), { maxLength: 3 }),
        hiddenColumns: fc.array(fc.integer({ min: 1, max: cols + 1 }), { maxLength: 2 }),
        date1904: fc.boolean(),
        hidden: fc.boolean(),
      }),
    )
    .map(({ header, values, ...g }) => ({ ...g, values: header ? [header as GridValue[], ...values] : values }));

  test('runWorkbook with every job, in both languages, on random workbooks', () => {
    fc.assert(
      fc.property(fc.array(randomGrid, { maxLength: 5 }), fc.constantFrom('zh-CN' as const, 'en-US' as const), fc.boolean(), (grids, lang, withCustomers) => {
        const out = runWorkbook(withCustomers ? [CUSTOMERS, ...grids] : grids, { jobs: ALL, asOf: AS_OF, lang, options: { period: '2026-10', month: '2026-10' } });
        // Something sensible came out: the state sheet last, every sheet named, no NaN or Infinity in any cell.
        expect(out.sheets[out.sheets.length - 1].name).toBe(STATE_SHEET);
        for (const s of out.sheets) {
          expect(s.name.length).toBeGreaterThan(0);
          for (const tb of s.tables) for (const row of tb.rows) for (const v of row) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        }
        expect(() => JSON.stringify(out.summary)).not.toThrow();
      }),
      { numRuns: 120 },
    );
  });
});

describe('reconcile through structure: every line in exactly one class, the 调节表 closes', () => {
  const PARTY = '苏州华工精密模具有限公司';
  type Fate = 'same' | 'qty' | 'price' | 'drop' | 'twice' | 'late';
  const line = fc.record({
    day: fc.integer({ min: 0, max: 30 }),
    qty: fc.integer({ min: 1, max: 500 }),
    priceFen: fc.integer({ min: 1, max: 500_000 }),
    part: fc.integer({ min: 0, max: 6 }),
    fate: fc.constantFrom<Fate>('same', 'same', 'same', 'qty', 'price', 'drop', 'twice', 'late'),
  });
  const extra = fc.record({ day: fc.integer({ min: 0, max: 30 }), qty: fc.integer({ min: 1, max: 500 }), priceFen: fc.integer({ min: 1, max: 500_000 }), part: fc.integer({ min: 0, max: 9 }) });

  test('random shipping lists and statements', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 25 }), fc.array(extra, { maxLength: 4 }), (ours, theirsOnly) => {
        const shipRows: GridValue[][] = ours.map((l, i) => [OCT1 + l.day, `DN${String(5000 + i).padStart(6, '0')}`, PARTY, `HT-${i % 3}`, `P-${100 + l.part}`, '支架', l.qty, l.priceFen / 100, (l.qty * l.priceFen) / 100]);
        const stmtRows: GridValue[][] = [];
        ours.forEach((l, i) => {
          if (l.fate === 'drop') return;
          const qty = l.fate === 'qty' ? l.qty + 1 : l.qty;
          const price = l.fate === 'price' ? l.priceFen + 100 : l.priceFen;
          const day = l.fate === 'late' ? Math.min(30, l.day + 1) : l.day;
          const row: GridValue[] = [OCT1 + day, `送${5000 + i}`, `P-${100 + l.part}`, '支架', qty, price / 100, (qty * price) / 100, ''];
          stmtRows.push(row);
          if (l.fate === 'twice') stmtRows.push([...row]);
        });
        for (const x of theirsOnly) stmtRows.push([OCT1 + x.day, '', `P-${200 + x.part}`, '垫片', x.qty, x.priceFen / 100, (x.qty * x.priceFen) / 100, '']);
        // A statement with no lines is no statement (reconcile reports the party as missing one): not this property.
        fc.pre(stmtRows.length > 0);
        const shipValues = [['送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '数量', '含税单价', '金额'], ...shipRows];
        const stmtValues = [[`${PARTY} 对账单`], ['日期', '单号', '物料编码', '品名', '数量', '单价', '金额', '备注'], ...stmtRows];
        const grids = [CUSTOMERS, grid('出货清单', shipValues, dateFormats(shipValues, [0], 1)), grid('华工对账单', stmtValues, dateFormats(stmtValues, [0], 2))];
        const out = runWorkbook(grids, { jobs: ['reconcile'], asOf: AS_OF, lang: 'zh-CN', options: { period: '2026-10' } });
        const cps = (out.summary.reconcile as { counterparties: { name: string; lines: { class: string; ours: unknown; theirs: unknown }[]; unexplained: number; oursTotal: number; theirsTotal: number; difference: number; counts: Record<string, number> }[] }).counterparties;
        expect(cps.map((c) => c.name)).toEqual([PARTY]);
        const [cp] = cps;
        const seen = new Map<string, number>();
        for (const l of cp.lines) {
          for (const side of [l.ours, l.theirs]) {
            const refs = (side === null ? [] : Array.isArray(side) ? side : [side]) as { sheet: string; row: number }[];
            for (const r of refs) seen.set(`${r.sheet}!${r.row}`, (seen.get(`${r.sheet}!${r.row}`) ?? 0) + 1);
          }
        }
        // Every one of our lines (rows 2…) and every line of theirs (rows 3…) is in exactly one class.
        const expected = [...shipRows.map((_, i) => `出货清单!${i + 2}`), ...stmtRows.map((_, i) => `华工对账单!${i + 3}`)];
        expect([...seen.keys()].sort()).toEqual(expected.sort());
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        expect(Object.values(cp.counts).reduce((a, b) => a + b, 0)).toBe(cp.lines.length);
        // The 调节表 closes: nothing unexplained, and the totals are exact to the fen.
        expect(cp.unexplained).toBe(0);
        const fen = (y: number) => Math.round(y * 100);
        expect(fen(cp.oursTotal)).toBe(ours.reduce((s, l) => s + l.qty * l.priceFen, 0));
        expect(fen(cp.difference)).toBe(fen(cp.oursTotal) - fen(cp.theirsTotal));
      }),
      { numRuns: 80 },
    );
  });
});

describe('receivables through structure', () => {
  const party = fc.constantFrom('苏州华工精密模具有限公司', '锐达', '恒通', '无锡锐达汽车部件有限公司');
  const invoice = fc.record({ day: fc.integer({ min: -400, max: 30 }), customer: party, fen: fc.integer({ min: 1, max: 50_000_000 }) });
  const receipt = fc.record({ day: fc.integer({ min: -400, max: 30 }), customer: party, fen: fc.integer({ min: 1, max: 50_000_000 }), which: fc.option(fc.nat(30), { nil: undefined }) });

  function book(invs: { day: number; customer: string; fen: number }[], recs: { day: number; customer: string; fen: number; which?: number }[]): Grid[] {
    const inv = [['发票号码', '开票日期', '客户名称', '价税合计'], ...invs.map((x, i): GridValue[] => [`0${1000 + i}`, OCT1 + x.day, x.customer, x.fen / 100])];
    const rec = [['收款日期', '客户名称', '回款金额', '发票号'], ...recs.map((x): GridValue[] => [OCT1 + x.day, x.customer, x.fen / 100, x.which !== undefined && x.which < invs.length ? `0${1000 + x.which}` : null])];
    return [CUSTOMERS, grid('开票明细', inv, dateFormats(inv, [1], 1)), grid('回款明细', rec, dateFormats(rec, [0], 1))];
  }
  type Aging = { outstanding: number; notDue: number; aging: number[] };
  const fen = (y: number) => Math.round(y * 100);
  const bucketSum = (a: Aging) => fen(a.notDue) + a.aging.reduce((s, x) => s + fen(x), 0);

  test('aging buckets sum to the outstanding amount, per customer and in total; with no receipts it is every invoice to the fen', () => {
    fc.assert(
      fc.property(fc.array(invoice, { minLength: 1, maxLength: 20 }), fc.array(receipt, { maxLength: 20 }), fc.boolean(), (invs, recs, noReceipts) => {
        const out = runWorkbook(book(invs, noReceipts ? [] : recs), { jobs: ['receivables'], asOf: AS_OF, lang: 'zh-CN', options: { month: '2026-10' } });
        const r = out.summary.receivables as { totals: Aging & { related: Aging; external: Aging }; customers: Aging[] };
        expect(bucketSum(r.totals)).toBe(fen(r.totals.outstanding));
        expect(bucketSum(r.totals.related)).toBe(fen(r.totals.related.outstanding));
        expect(bucketSum(r.totals.external)).toBe(fen(r.totals.external.outstanding));
        for (const c of r.customers) expect(bucketSum(c)).toBe(fen(c.outstanding));
        expect(r.customers.reduce((s, c) => s + fen(c.outstanding), 0)).toBe(fen(r.totals.outstanding));
        expect(fen(r.totals.related.outstanding) + fen(r.totals.external.outstanding)).toBe(fen(r.totals.outstanding));
        if (noReceipts) expect(fen(r.totals.outstanding)).toBe(Number(invs.reduce((s, x) => s + BigInt(x.fen), 0n)));
      }),
      { numRuns: 100 },
    );
  });

  test('collection rates: a number where there is something to collect, "—" in the generated sheet where the denominator is 0', () => {
    const none = t('zh-CN', 'receivables.none');
    expect(none).toBe('—');
    let dashes = 0;
    let rates = 0;
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 12 }), fc.array(receipt, { maxLength: 12 }), (invs, recs) => {
        const out = runWorkbook(book(invs, recs), { jobs: ['receivables'], asOf: AS_OF, lang: 'zh-CN', options: { month: '2026-10' } });
        const sheet = out.sheets.find((s) => s.name === t('zh-CN', 'receivables.sheet.collection')) as SheetSpec;
        expect(sheet).toBeDefined();
        for (const tb of sheet.tables) {
          const col = (key: string) => tb.columns.findIndex((c) => c.key === key);
          const [planned, received, rate, opening, invoiced, balanceRate] = ['planned', 'received', 'rate', 'opening', 'invoiced', 'balanceRate'].map(col);
          expect(Math.min(planned, received, rate, opening, invoiced, balanceRate)).toBeGreaterThanOrEqual(0);
          for (const row of tb.rows) {
            const p = fen(row[planned] as number);
            const bal = fen(row[opening] as number) + fen(row[invoiced] as number);
            if (p > 0) {
              expect(typeof row[rate]).toBe('number');
              expect(row[rate] as number).toBeCloseTo(fen(row[received] as number) / p, 9);
              rates++;
            } else {
              expect(row[rate]).toBe(none);
              dashes++;
            }
            if (bal > 0) expect(Number.isFinite(row[balanceRate] as number)).toBe(true);
            else expect(row[balanceRate]).toBe(none);
          }
        }
      }),
      { numRuns: 100 },
    );
    // Both branches were exercised.
    expect(dashes).toBeGreaterThan(0);
    expect(rates).toBeGreaterThan(0);
  });
});
