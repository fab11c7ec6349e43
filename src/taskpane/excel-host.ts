import type { WorkbookHost } from '../core/host';

/**
 * The Office.js host for the pane. src/excel (another part of the project) implements WorkbookHost over Excel.run;
 * until it is wired in here the pane explains that it needs it.
 */
export async function createExcelHost(): Promise<WorkbookHost | null> {
  return null;
}
