/**
 * Sync and payload figures of one job run on the simulation, for the bench and the host tests:
 *
 *   const figures = await measureRun(sim, () => runOnHost(host, request));
 *   figures.syncs, figures.largestRequest …
 */
import type { SimExcel } from './index';

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
