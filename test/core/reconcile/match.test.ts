import fc from 'fast-check';
import { CLASSES, C_IN_TRANSIT, C_ONLY_OURS, C_ONLY_THEIRS, UNCLASSED } from '../../../src/core/reconcile/classes';
import { buildAdjustmentTable } from '../../../src/core/reconcile/adjustment';
import { docNumbersIn, epochDay, fastDocNumber, groupMembers, plainDocKey, matchLines, type MatchLine } from '../../../src/core/reconcile/match';
import { isoToEpochDays } from '../../../src/core/values/dates';
import { asIsoDate } from '../../../src/core/values/brand';
import { normalizeDocNo } from '../../../src/core/values/text';

const classes = (ours: MatchLine[], theirs: MatchLine[], opts = {}) => [...matchLines(ours, theirs, opts).cls].map((c) => CLASSES[c]);

describe('document numbers', () => {
  test('DN-000123, 送000123 and 123 are one number', () => {
    expect(['DN-000123', '送000123', '123', 'dn000123', '０００１２３', 'NO.000123'].map(normalizeDocNo)).toEqual(['123', '123', '123', '123', '123', '123']);
    const r = classes([{ doc: 'DN-000123', part: 'A-1', qty: 5, amount: 500 }], [{ doc: '送000123', part: 'a-1', qty: 5, amount: 500 }]);
    expect(r).toEqual(['matched', 'matched']);
  });

  test('the fast path agrees with normalizeDocNo wherever it answers', () => {
    const alphabet = fc.constantFrom(...'0123456789-_/.#:DNOSX送出发 ０１'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }).map((a) => a.join('')), (s) => {
        const fast = fastDocNumber(s);
        if (fast >= 0) expect(String(fast)).toBe(normalizeDocNo(s));
      }),
      { numRuns: 3000 },
    );
    expect(fastDocNumber('DN-000123')).toBe(123);
    expect(fastDocNumber('送000123')).toBe(123);
    expect(fastDocNumber('送货单000123')).toBe(-1);
  });

  test('the plain letters-and-digits path agrees with normalizeDocNo wherever it answers', () => {
    const alphabet = fc.constantFrom(...'0123456789DNOSXRKdnosxrk-. 送Ｒｋ'.split(''));
    let answered = 0;
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 10 }).map((a) => a.join('')), (s) => {
        const key = plainDocKey(s);
        if (key === undefined) return;
        answered++;
        expect(key).toBe(normalizeDocNo(s));
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(100);
    expect(plainDocKey('rk1203')).toBe('RK1203');
    expect(plainDocKey('DN12')).toBeUndefined(); // normalizeDocNo drops the DN
    expect(plainDocKey('0A1')).toBeUndefined();
    expect(plainDocKey('123')).toBeUndefined(); // numbers take fastDocNumber
  });

  test('numbers in a remark', () => {
    expect(docNumbersIn('对应送货单号：DN-000102、送000103，共2张')).toEqual(['102', '103', '2']);
  });

  test('a number in their remarks matches only when the part agrees too', () => {
    const ours = [{ doc: 'DN-7', part: 'P-1', qty: 3, amount: 300, date: '2026-10-01' }];
    expect(classes(ours, [{ doc: 'RK-1', remarks: '送货单DN-7', part: 'P-2', qty: 3, amount: 300, date: '2026-10-20' }], { dateWindow: 3 })).toEqual(['possible', 'possible']);
    expect(classes(ours, [{ doc: 'RK-1', remarks: '送货单DN-7', part: 'P-1', qty: 3, amount: 300, date: '2026-10-20' }], { dateWindow: 3 })).toEqual(['matched', 'matched']);
  });
});

describe('passes', () => {
  test('nearest date first in pass 2', () => {
    const ours = [
      { doc: 'A', part: 'X', qty: 1, amount: 100, date: '2026-10-10' },
      { doc: 'B', part: 'X', qty: 1, amount: 100, date: '2026-10-12' },
    ];
    const theirs = [{ doc: 'Z', part: 'X', qty: 1, amount: 100, date: '2026-10-12' }];
    const r = matchLines(ours, theirs);
    expect(r.group[1]).toBe(r.group[2]);
    expect(CLASSES[r.cls[0]]).toBe('only-ours');
  });

  test('many of theirs = one of ours on the same delivery note', () => {
    const ours = [{ doc: 'DN-9', part: 'X', qty: 10, amount: 1000, date: '2026-10-01' }];
    const theirs = [
      { doc: '9', part: 'X', qty: 4, amount: 400, date: '2026-10-02' },
      { doc: '9', part: 'X', qty: 6, amount: 600, date: '2026-10-03' },
    ];
    const r = matchLines(ours, theirs);
    expect([...r.cls].map((c) => CLASSES[c])).toEqual(['matched', 'matched', 'matched']);
    expect(new Set(r.group).size).toBe(1);
  });

  test('a date exactly on the edge of the window matches, one day more does not', () => {
    const ours = [{ doc: 'A', part: 'X', qty: 2, amount: 200, date: '2026-10-10' }];
    expect(classes(ours, [{ doc: 'Z', part: 'X', qty: 2, amount: 205, date: '2026-10-13' }])).toEqual(['amount-diff', 'amount-diff']);
    expect(classes(ours, [{ doc: 'Z', part: 'X', qty: 2, amount: 205, date: '2026-10-14' }])).toEqual(['only-ours', 'only-theirs']);
  });

  test('a percentage tolerance', () => {
    const ours = [{ doc: 'A', part: 'X', qty: 2, amount: 10000 }];
    const theirs = [{ doc: 'A', part: 'X', qty: 2, amount: 10050 }];
    expect(classes(ours, theirs)).toEqual(['amount-diff', 'amount-diff']);
    expect(classes(ours, theirs, { amountTolPct: 0.005 })).toEqual(['matched', 'matched']);
  });

  test('in transit only in the last N days of the period', () => {
    const ours = ['2026-10-28', '2026-10-29', '2026-10-31'].map((date, i) => ({ doc: `D${i}`, part: 'X', qty: 1, amount: 100 + i, date }));
    expect(classes(ours, [], { periodEnd: asIsoDate('2026-10-31'), inTransitDays: 3 })).toEqual(['only-ours', 'in-transit', 'in-transit']);
  });

  test('the same line twice on our side is a duplicate when they have it once', () => {
    const line = { doc: 'DN-1', part: 'X', qty: 1, amount: 100, date: '2026-10-02' };
    expect(classes([line, { ...line }], [{ ...line }])).toEqual(['matched', 'duplicate', 'matched']);
    expect(classes([line, { ...line }], [{ ...line }, { ...line }])).toEqual(['matched', 'matched', 'matched', 'matched']);
  });
});

// ---- property: any pair of lists → every line in exactly one class, and the 调节表 closes ----

const lineArb = fc.record({
  doc: fc.option(fc.constantFrom('DN-0001', '送0001', '2', 'DN-0003', 'RK-9', '0004'), { nil: undefined }),
  part: fc.option(fc.constantFrom('A', 'a', 'B', 'C-1'), { nil: undefined }),
  qty: fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined }),
  amount: fc.integer({ min: -500, max: 3000 }),
  date: fc.option(fc.integer({ min: 0, max: 40 }).map((i) => `2026-${i < 30 ? '10' : '11'}-${String((i % 30) + 1).padStart(2, '0')}`), { nil: undefined }),
  remarks: fc.option(fc.constantFrom('送货单DN-0003', '备注 2、4', ''), { nil: undefined }),
});

describe('property', () => {
  test('every line ends in exactly one class; groups are consistent; the 调节表 closes', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 30 }),
        fc.array(lineArb, { maxLength: 30 }),
        fc.record({ amountTolFen: fc.integer({ min: 0, max: 5 }), dateWindow: fc.integer({ min: 0, max: 5 }), inTransitDays: fc.integer({ min: 0, max: 4 }), qtyTol: fc.constantFrom(0, 0.5) }),
        (ours, theirs, opts) => {
          const r = matchLines(ours, theirs, { ...opts, periodEnd: asIsoDate('2026-10-31') });
          const n = ours.length + theirs.length;
          for (let L = 0; L < n; L++) {
            expect(r.cls[L]).not.toBe(UNCLASSED);
            expect(r.cls[L]).toBeLessThan(CLASSES.length);
            expect(r.group[L]).toBeGreaterThanOrEqual(0);
            expect(r.groupClass[r.group[L]]).toBe(r.cls[L]);
            if (r.cls[L] === C_ONLY_OURS || r.cls[L] === C_IN_TRANSIT) expect(L).toBeLessThan(ours.length);
            if (r.cls[L] === C_ONLY_THEIRS) expect(L).toBeGreaterThanOrEqual(ours.length);
          }
          const { start, members } = groupMembers(r);
          expect(start[r.groupCount]).toBe(n);
          for (let g = 0; g < r.groupCount; g++) {
            const size = start[g + 1] - start[g];
            expect(size).toBeGreaterThan(0);
            const cls = CLASSES[r.groupClass[g]];
            const hasOurs = [...members.subarray(start[g], start[g + 1])].some((L) => L < ours.length);
            const hasTheirs = [...members.subarray(start[g], start[g + 1])].some((L) => L >= ours.length);
            if (['matched', 'amount-diff', 'qty-diff', 'possible'].includes(cls)) expect(hasOurs && hasTheirs).toBe(true);
            else expect(size).toBe(1);
          }
          const adjustment = buildAdjustmentTable(
            ours.map((l) => l.amount),
            theirs.map((l) => l.amount),
            r,
          );
          expect(adjustment.unexplained).toBe(0);
          expect(adjustment.theirsTotal + adjustment.rows.reduce((s, x) => s + x.amount, 0)).toBe(adjustment.oursTotal);
          // Each 笔数 column counts one side: they add up to that side's lines.
          expect(adjustment.rows.reduce((s, x) => s + x.oursCount, 0)).toBe(ours.length);
          expect(adjustment.rows.reduce((s, x) => s + x.theirsCount, 0)).toBe(theirs.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  test('the 调节表 shows a line left unclassed', () => {
    const r = matchLines([{ doc: '1', part: 'A', qty: 1, amount: 100 }], [{ doc: '2', part: 'B', qty: 1, amount: 70 }]);
    r.cls[0] = UNCLASSED;
    expect(buildAdjustmentTable([100], [70], r).unexplained).toBe(100);
  });
});

describe('day arithmetic', () => {
  test('epochDay agrees with dates.ts on any real date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (dt) => {
        const iso = dt.toISOString().slice(0, 10);
        expect(epochDay(iso)).toBe(isoToEpochDays(asIsoDate(iso)));
      }),
      { numRuns: 2000 },
    );
  });
});
