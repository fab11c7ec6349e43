/**
 * Issue 13 item 2 on the Office.js host: our sheets carry a hidden sheet-scoped name (the ownership mark) that follows
 * the staging sheet's rename; a sheet of our name without it is the clerk's, kept as it is.
 */
import { ExcelHost } from '../../src/excel';
import { runOnHost } from '../../src/core/run-on-host';
import { OWNER_MARK_NAME, readState, STATE_SHEET } from '../../src/core/state';
import { asIsoDate } from '../../src/core/values/brand';
import { gridsFromSim, simFromGrids, type SimExcel } from '../office-sim';
import { shippingList } from './fixtures';

const hostOn = (sim: SimExcel) => new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });
const request = { jobs: ['sales'] as const, asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' as const };
const marksOf = (sim: SimExcel, sheet: string) => sim.sheet(sheet).names.filter((n) => n.name === OWNER_MARK_NAME);

test('a sheet of ours deleted and one of hers made under its name: hers is kept, ours goes elsewhere, marked', async () => {
  const sim = simFromGrids([shippingList()]);
  const first = await runOnHost(hostOn(sim), request);
  const ours = first.plan.layouts.map((l) => l.name).find((n) => n !== STATE_SHEET)!;
  const state = readState(gridsFromSim(sim));
  const entry = state.owned.find((o) => o.sheet === ours)!;
  // The staging sheet's name went through the rename with it: the final sheet carries the token the state records.
  expect(marksOf(sim, ours)).toEqual([{ name: OWNER_MARK_NAME, formula: `="${entry.mark}"`, visible: false }]);
  expect(entry.mark).toMatch(/^CD-\d+$/);

  // A re-run reads the mark back and reuses the sheet in place.
  const again = await runOnHost(hostOn(sim), request);
  expect(again.plan.renamed).toEqual({});
  expect(again.plan.reuse).toContain(ours);
  expect(marksOf(sim, ours)[0].formula).toBe(`="${entry.mark}"`);

  // She deletes it and makes her own.
  sim.model.deleteSheet(sim.sheet(ours));
  const hers = sim.model.addSheet(ours);
  hers.setRaw(0, 0, '我的备忘');
  hers.setRaw(1, 0, '苏州华工精密模具有限公司');
  hers.setRaw(1, 1, '11月再对一次');
  const before = gridsFromSim(sim).find((g) => g.name === ours)!;

  const third = await runOnHost(hostOn(sim), request);
  expect(gridsFromSim(sim).find((g) => g.name === ours)).toEqual(before);
  expect(marksOf(sim, ours)).toEqual([]);
  // Ours (the same purpose) is under another name, marked; hers is in the state nowhere.
  const next = readState(gridsFromSim(sim));
  expect(next.owned.some((o) => o.sheet === ours)).toBe(false);
  const movedEntry = next.owned.find((o) => o.purpose === entry.purpose)!;
  expect(movedEntry.sheet).not.toBe(ours);
  expect(third.plan.layouts.map((l) => l.name)).toContain(movedEntry.sheet);
  expect(marksOf(sim, movedEntry.sheet)[0].formula).toBe(`="${movedEntry.mark}"`);
  expect(third.findings.find((f) => f.code === 'sheet-is-hers')?.message.values).toEqual({ sheet: ours });
});
