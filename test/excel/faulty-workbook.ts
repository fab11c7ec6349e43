/**
 * A workbook behind the Office.js host whose syncs can be made to fail, for the atomic-run tests (issue 21). The
 * tests use only this interface, so they can run on another Excel stand-in (the emulated wire of Microsoft's client
 * library) by implementing it there: a host, a snapshot of every sheet, and sync faults.
 */
import { ExcelHost, type ExcelRun } from '../../src/excel';
import type { Grid } from '../../src/core/grid';
import { gridsFromSim, simFromGrids, type SimExcel } from '../office-sim';

export interface FaultyWorkbook {
  host(): ExcelHost;
  /** Every sheet, in tab order, as Grids (values, formats, hidden flag). */
  snapshot(): Grid[];
  tables(): { name: string; sheet: string; range: string }[];
  /** Syncs made so far. */
  syncs(): number;
  /**
   * The `nth` sync from now (1 = the next) runs its first `applied` actions, then fails (0: nothing ran; Infinity: all
   * ran and the answer was lost). With `thenGone`, every later sync fails too and runs nothing (the workbook closed).
   */
  failSync(nth: number, applied: number, thenGone?: boolean): void;
  /** Actions in the last sync made (to fail the switch after each of them). */
  lastSyncActions(): number;
  clearFaults(): void;
}

export function faultySim(grids: readonly Grid[], tables: { name: string; sheet: string; range: string }[] = []): FaultyWorkbook {
  const sim: SimExcel = simFromGrids(grids, { tables });
  return {
    host: () => new ExcelHost({ run: sim.run as unknown as ExcelRun, isSetSupported: sim.isSetSupported }),
    snapshot: () => gridsFromSim(sim),
    tables: () => sim.tables(),
    syncs: () => sim.metrics.syncs,
    failSync(nth, applied, thenGone = false) {
      const at = sim.metrics.syncs + nth;
      sim.model.fault = { sync: at, applied };
      sim.model.failFrom = thenGone ? at + 1 : null;
    },
    lastSyncActions: () => sim.metrics.log[sim.metrics.log.length - 1]?.ops ?? 0,
    clearFaults() {
      sim.model.fault = null;
      sim.model.failFrom = null;
    },
  };
}

/** Builds a workbook holding these sheets and tables (the tests start every case from such a copy). */
export type FaultyFactory = (grids: readonly Grid[], tables?: { name: string; sheet: string; range: string }[]) => FaultyWorkbook;

export const copyOf = (book: FaultyWorkbook, make: FaultyFactory = faultySim): FaultyWorkbook => make(book.snapshot(), book.tables());
