/**
 * Re-running must not change what Clerk Desk remembers (design rule 5). Regression: a generated sheet renamed
 * because the clerk has a sheet of that name (账龄分析 → 账龄分析_2) was listed once more in the state on every
 * re-run (runWorkbook 'kept' it under its final name, planWrite added it again), so the state sheet grew forever.
 */
import { ExcelHost } from '../../src/excel';
import { emptyGrid, type Grid } from '../../src/core/grid';
import { runOnHost } from '../../src/core/run-on-host';
import { readState } from '../../src/core/state';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import { gridsFromSim, simFromGrids } from '../office-sim';

const sheet = (name: string, values: Grid['values']): Grid => ({ ...emptyGrid(name), values });

test('the owned-sheet list is the same after every re-run, each sheet once, when ours had to be renamed', async () => {
  const sim = simFromGrids([
    sheet('开票', [
      ['发票号码', '开票日期', '客户名称', '价税合计'],
      ['00012345', '2026-08-01', '苏州华工精密模具有限公司', 11300],
      ['00012346', '2026-09-15', '无锡锐达汽车部件有限公司', 2260],
    ]),
    sheet('回款', [['收款日期', '客户名称', '回款金额', '发票号'], ['2026-10-20', '苏州华工精密模具有限公司', 5000, '00012345']]),
    sheet('账龄分析', [['业务员手工做的表，请勿覆盖']]),
  ]);
  const host = new ExcelHost({ run: sim.run as never, isSetSupported: sim.isSetSupported });
  const request = { jobs: JOB_IDS.filter((j) => j !== 'structure'), asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' as const };
  const lists: string[][] = [];
  for (let i = 0; i < 3; i++) {
    await runOnHost(host, request);
    lists.push(readState(gridsFromSim(sim)).owned.map((o) => o.sheet));
  }
  expect(lists[0]).toContain('账龄分析_2');
  expect(lists[0]).not.toContain('账龄分析');
  expect(new Set(lists[0]).size).toBe(lists[0].length);
  expect(lists[1]).toEqual(lists[0]);
  expect(lists[2]).toEqual(lists[0]);
  expect(sim.cell('账龄分析', 'A1').value).toBe('业务员手工做的表，请勿覆盖');
});
