/** Counterexamples the property tests found, kept as plain cases so they stay fixed. */
import { emptyGrid, type GridValue } from '../../src/core/grid';
import { runWorkbook } from '../../src/core/pipeline';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import { MAX_QUANTITY, parseQuantity } from '../../src/core/values/number-parse';

test('a contract quantity of 1e308 is a CellIssue, not a crash of the quote check (fast-check seed 1057282456)', () => {
  const values: GridValue[][] = [['合同号', '数量'], ...Array.from({ length: 22 }, (): GridValue[] => []), [0, 1e308]];
  const run = () => runWorkbook([{ ...emptyGrid('合同'), values }], { jobs: JOB_IDS.filter((j) => j !== 'structure'), asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
  expect(run).not.toThrow();
  expect(run().structure.issues.some((i) => i.cell === 'B24' && i.problem === 'out-of-range')).toBe(true);
});

test('quantities up to a trillion units are read; beyond, as numbers or text, they are out of range', () => {
  expect(parseQuantity(MAX_QUANTITY)).toEqual({ ok: true, value: 1e12 });
  expect(parseQuantity(-MAX_QUANTITY)).toEqual({ ok: true, value: -1e12 });
  expect(parseQuantity(1200)).toEqual({ ok: true, value: 1200 });
  for (const raw of [1e308, -1e308, MAX_QUANTITY * 10, '2,000,000,000,000', '20000亿']) expect(parseQuantity(raw)).toEqual({ ok: false, reason: 'out-of-range' });
});
