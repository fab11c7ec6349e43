import type { CellRef } from './findings';
import type { Grid } from './grid';
import type { ExistingWorkbook, WritePlan } from './report/write-plan';

/**
 * What a host (Office.js in src/excel, ExcelJS in src/xlsx) offers. Both implement exactly this, and a job never
 * knows which one it runs on (design rule 2).
 */

export interface HostProgress {
  /** Called with work done and total (rows or blocks); return false to ask the host to stop. */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface WorkbookRead {
  grids: Grid[];
  existing: ExistingWorkbook;
}

export interface WorkbookHost {
  readWorkbook(progress?: HostProgress): Promise<WorkbookRead>;
  /** Execute a plan: remove stale sheets of ours, clear and reuse ours, write the layouts. Never touches the clerk's sheets. */
  write(plan: WritePlan, progress?: HostProgress): Promise<void>;
  /** Select a cell where there is a screen (no-op for files). */
  select(cell: CellRef): Promise<void>;
}

/** An error a host reports to the clerk in their language: a catalog key, never raw API text alone. */
export class HostError extends Error {
  constructor(
    readonly key: import('./i18n').MessageKey,
    readonly values: Record<string, string | number> = {},
    readonly detail?: string,
  ) {
    super(detail ? `${key}: ${detail}` : key);
    this.name = 'HostError';
  }

  /**
   * Set when a write failed: 'kept' — the workbook still holds the previous results, exactly; 'pending' — the run
   * stopped while switching to the new results, and the next run (or reading the workbook) finishes the switch.
   */
  previousResults?: 'kept' | 'pending';
}
