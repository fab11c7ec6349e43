import type { Grid } from '../core/grid';
import { runWorkbook, type RunRequest } from '../core/pipeline';
import type { WorkerOutput } from './protocol';

/** The heavy part of a run (structure + jobs), pure: runs in the worker, or inline where there is no Worker. */
export function compute(grids: readonly Grid[], request: RunRequest): WorkerOutput {
  const out = runWorkbook(grids, request);
  return {
    lookupTables: out.structure.tables.filter((t) => t.kind === 'quotes' || t.kind === 'customers'),
    summary: out.summary,
    sheets: out.sheets,
    findings: out.findings,
    outcomes: out.outcomes,
    detections: out.structure.detections,
    state: out.state,
    ...(out.company ? { company: out.company } : {}),
    titleCompanies: out.titleCompanies,
  };
}
