import type { Grid } from '../core/grid';
import type { Finding } from '../core/findings';
import type { Json } from '../core/job-definition';
import type { SheetSpec } from '../core/sheet-spec';
import type { SheetDetection } from '../core/structure';
import type { WorkbookState } from '../core/state';
import type { JobOutcome, RunOutput, RunRequest } from '../core/pipeline';
import type { AnyTypedTable } from '../core/tables/typed-table';

/** What the pane sends to its worker: the grids the host read and the run to make (without the progress callback). */
export interface WorkerRequest {
  id: number;
  grids: Grid[];
  request: Omit<RunRequest, 'progress'>;
}

/**
 * What comes back: the pipeline's output, minus most typed tables (the pane only needs their detections) — but with
 * the quotes and customers tables, which CLERK.QUOTEPRICE reads in the shared runtime.
 */
export interface WorkerOutput {
  lookupTables: AnyTypedTable[];
  summary: { [key: string]: Json };
  sheets: SheetSpec[];
  findings: Finding[];
  outcomes: JobOutcome[];
  detections: SheetDetection[];
  state: WorkbookState;
  company?: RunOutput['company'];
  titleCompanies: string[];
}

export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; output: WorkerOutput }
  | { id: number; type: 'error'; message: string };
