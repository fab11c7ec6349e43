/**
 * Sync and payload figures of one job run on the simulation, for the bench and the host tests:
 *
 *   const figures = await measureRun(sim, () => runOnHost(host, request));
 *   figures.syncs, figures.largestRequest …
 */
import { ExcelHost } from '../../src/excel';
import type { Grid } from '../../src/core/grid';
import { runWorkbook, type RunRequest } from '../../src/core/pipeline';
import { planWrite } from '../../src/core/report/write-plan';
import { readState } from '../../src/core/state';
import { simFromGrids, type SimExcel } from '../../src/office-sim';

export interface RunFigures {
  syncs: number;
  /** Bytes of the largest single request / response (JSON, UTF-8). */
  largestRequest: number;
  largestResponse: number;
  requestBytes: number;
  responseBytes: number;
  /** Syncs that failed (e.g. a payload limit the host then halved around). */
  failedSyncs: number;
  calcSuspensions: number;
}

/** The figures accumulated on this simulation since it was built or last reset. */
export function figures(sim: SimExcel): RunFigures {
  const m = sim.metrics;
  return {
    syncs: m.syncs,
    largestRequest: m.largestRequest,
    largestResponse: m.largestResponse,
    requestBytes: m.requestBytes,
    responseBytes: m.responseBytes,
    failedSyncs: m.log.filter((r) => r.error).length,
    calcSuspensions: m.calcSuspensions,
  };
}

/** Run `job` against the simulation and report only what it cost. */
export async function measureRun<T>(sim: SimExcel, job: () => Promise<T>): Promise<{ result: T; figures: RunFigures }> {
  sim.resetMetrics();
  const result = await job();
  return { result, figures: figures(sim) };
}

/**
 * One job run through the Office.js host on a fresh simulation of `grids`: read → run → plan → write, with the sync
 * and payload figures of the whole run and of its read and write halves. For the bench:
 *
 *   const { figures } = await measureJobOnSim(book.grids, { jobs: ['sales'], asOf, lang: 'zh-CN' });
 */
export async function measureJobOnSim(
  grids: readonly Grid[],
  request: RunRequest,
): Promise<{ figures: RunFigures; read: RunFigures; write: RunFigures; sheets: number }> {
  const sim = simFromGrids(grids);
  const host = new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  // The steps of runOnHost, measured apart.
  const { result: got, figures: read } = await measureRun(sim, () => host.readWorkbook());
  const output = runWorkbook(got.grids, request);
  const plan = planWrite(got.existing, readState(got.grids), output.sheets);
  const { figures: write } = await measureRun(sim, () => host.write(plan));
  const figures: RunFigures = {
    syncs: read.syncs + write.syncs,
    largestRequest: Math.max(read.largestRequest, write.largestRequest),
    largestResponse: Math.max(read.largestResponse, write.largestResponse),
    requestBytes: read.requestBytes + write.requestBytes,
    responseBytes: read.responseBytes + write.responseBytes,
    failedSyncs: read.failedSyncs + write.failedSyncs,
    calcSuspensions: read.calcSuspensions + write.calcSuspensions,
  };
  return { figures, read, write, sheets: plan.layouts.length };
}
