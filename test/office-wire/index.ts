/**
 * The wire emulator under Microsoft's client library, for tests in Node (docs/excel-host.md, "On the wire"):
 *
 *   const wire = wireFromGrids(grids);
 *   const host = new ExcelHost({ run: wire.run, isSetSupported: wire.isSetSupported });
 */
import type { Grid } from '../../src/core/grid';
import { simFromGrids, type SimBuildOptions } from '../office-sim';
import type { ExcelBuild } from '../../src/office-wire/client';
import { loadExcelClient } from './node';
import { WireExcel } from '../../src/office-wire/wire';

export { WireExcel } from '../../src/office-wire/wire';
export type { WireMetrics, WireRequest, WireSyncRecord } from '../../src/office-wire/wire';
export { loadExcelClient } from './node';

/** A wire-emulated Excel holding these grids (the simulation's simFromGrids underneath). */
export function wireFromGrids(grids: readonly Grid[], options: SimBuildOptions & { build?: ExcelBuild } = {}): WireExcel {
  return new WireExcel(simFromGrids(grids, options), loadExcelClient(options.build));
}
