import fc from 'fast-check';
import { structureWorkbook } from '../../../src/core/structure';
import type { Grid, GridValue } from '../../../src/core/grid';
import { isoToSerial } from '../../../src/core/values/dates';
import { asIsoDate } from '../../../src/core/values/brand';

/**
 * Layout does not change meaning: shuffling the columns, or putting title rows and blank rows above the header,
 * gives the same typed rows (their source rows shifted by the rows added) and the same issues (their cells moved).
 */

const HEADER = ['送货日期', '送货单号', '客户名称', '物料编码', '品名', '数量', '含税单价', '金额', '备注'];
const customers = ['苏州华工精密模具有限公司', '宁波锐达汽车零部件有限公司', '常州恒泰液压机械有限公司'];

const dateCell = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((day) => `2026-10-${String(day).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 28 }).map((day) => `2026年10月${day}日`),
  fc.integer({ min: 1, max: 28 }).map((day) => isoToSerial(asIsoDate(`2026-10-${String(day).padStart(2, '0')}`))),
  fc.constant('不详'),
);
const moneyCell = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map((fen) => fen / 100),
  fc.integer({ min: 0, max: 10_000_000 }).map((fen) => `¥${(fen / 100).toFixed(2)}`),
  fc.constant('待定'),
  fc.constant(null),
);
const rowArb = fc.record({
  date: dateCell,
  dn: fc.integer({ min: 1, max: 99999 }).map((n) => `DN${String(n).padStart(6, '0')}`),
  customer: fc.constantFrom(...customers),
  part: fc.oneof(fc.stringMatching(/^[A-Z]{2}-\d{3,4}$/), fc.constant('')),
  name: fc.constantFrom('导柱', '导套', '转向节', '阀芯'),
  qty: fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.constant('abc')),
  price: moneyCell,
  amount: moneyCell,
  remarks: fc.oneof(fc.constant(null), fc.constantFrom('加急', '补发', 'DN2610001')),
});

type Row = { date: GridValue; dn: string; customer: string; part: string; name: string; qty: number | string; price: GridValue; amount: GridValue; remarks: string | null };
const cells = (r: Row): GridValue[] => [r.date, r.dn, r.customer, r.part, r.name, r.qty, r.price, r.amount, r.remarks];

function grid(rows: Row[], order: number[], above: GridValue[][]): Grid {
  const values: GridValue[][] = [...above, order.map((i) => HEADER[i]), ...rows.map((r) => order.map((i) => cells(r)[i]))];
  const formats = values.map((row, ri) => row.map((v, ci) => (ri >= above.length + 1 && typeof v === 'number' && order[ci] === 0 ? 'yyyy-mm-dd' : null)));
  return { name: '出货清单', values, formats, merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
}

const aboveArb = fc.array(
  fc.oneof(
    fc.constant<GridValue[]>([]),
    fc.constant<GridValue[]>(['苏州某精密机械有限公司']),
    fc.constant<GridValue[]>(['2026年10月出货清单']),
    fc.constant<GridValue[]>(['制表：张三', null, null, '单位：元']),
  ),
  { maxLength: 6 },
);

const identity = HEADER.map((_, i) => i);

function summary(g: Grid, shift: number, order: number[]) {
  const r = structureWorkbook([g], { defaultYear: 2026 });
  const t = r.tables[0];
  const letterOf = (col: number) => String.fromCharCode(64 + order[col - 1] + 1);
  return {
    kind: t.kind,
    rows: t.rows.map((x) => ({ sourceRow: x.sourceRow - shift, fields: x.fields })),
    issues: r.issues
      .map((i) => {
        const m = /^([A-Z]+)(\d+)$/.exec(i.cell)!;
        return `${letterOf(m[1].charCodeAt(0) - 64)}${Number(m[2]) - shift} ${i.field} ${i.problem} ${i.value}`;
      })
      .sort(),
  };
}

describe('layout does not change the typed table', () => {
  it('shuffling the columns', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), fc.shuffledSubarray(identity, { minLength: HEADER.length }), (rows, order) => {
        const base = summary(grid(rows, identity, []), 0, identity);
        const shuffled = summary(grid(rows, order, []), 0, order);
        expect(shuffled).toEqual(base);
        expect(base.rows).toHaveLength(rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it('adding title rows and blank rows above the header', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 12 }), aboveArb, (rows, above) => {
        const base = summary(grid(rows, identity, []), 0, identity);
        const titled = summary(grid(rows, identity, above), above.length, identity);
        expect(titled).toEqual(base);
      }),
      { numRuns: 150 },
    );
  });
});

describe('any grid at all', () => {
  const words = ['送货日期', '客户', '数量', '金额', '单价(含税)', '发票号', '小计', '合计', '备注：无', '制表人：张三', '对账单', '2026年10月', 'abc', '¥1,234.50', '1.2万', '10月5日', 'DN001', ''];
  const cell = fc.oneof(
    fc.constantFrom<GridValue>(...words),
    fc.constant<GridValue>(null),
    fc.integer({ min: -1000, max: 60000 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom<GridValue>({ error: '#N/A' }, { error: '#REF!' }),
    fc.string({ maxLength: 6 }),
  );
  const gridArb = fc.record({
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 }),
    merges: fc.array(
      fc.record({ top: fc.integer({ min: 1, max: 25 }), left: fc.integer({ min: 1, max: 8 }), h: fc.integer({ min: 0, max: 3 }), w: fc.integer({ min: 0, max: 3 }) }),
      { maxLength: 4 },
    ),
    date1904: fc.boolean(),
  });

  it('never throws, and every row and issue lies inside the table it reports', () => {
    fc.assert(
      fc.property(gridArb, (g) => {
        const grid: Grid = {
          name: '任意',
          values: g.values,
          formats: g.values.map((row) => row.map((v) => (typeof v === 'number' && v > 40000 ? 'yyyy-mm-dd' : null))),
          merges: g.merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
          hiddenRows: [],
          hiddenColumns: [],
          date1904: g.date1904,
        };
        const r = structureWorkbook([grid], { defaultYear: 2026 });
        expect(r.detections).toHaveLength(1);
        for (const t of r.tables) {
          const header = t.headerRows[t.headerRows.length - 1];
          for (const row of t.rows) {
            expect(row.sourceRow).toBeGreaterThan(header);
            expect(row.sourceRow).toBeGreaterThanOrEqual(t.firstDataRow);
            expect(row.sourceRow).toBeLessThanOrEqual(t.lastDataRow);
          }
          const cols = new Set(Object.values(t.columns as Record<string, number>));
          expect(cols.size).toBe(Object.keys(t.columns).length);
        }
        for (const i of r.issues) {
          const row = Number(/\d+$/.exec(i.cell)![0]);
          expect(r.tables[0].rows.some((x) => x.sourceRow === row)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
