import type { HostProgress, WorkbookHost } from './host';
import { runWorkbook, type RunOutput, type RunRequest } from './pipeline';
import { planWrite, type WritePlan } from './report/write-plan';
import { readState } from './state';

export interface HostRun extends RunOutput {
  plan: WritePlan;
}

/**
 * Read → run jobs → plan → write, the same on every host. The plan is made in full before anything is written,
 * so a job that fails leaves the workbook as it was.
 */
export async function runOnHost(host: WorkbookHost, request: RunRequest, progress?: HostProgress): Promise<HostRun> {
  const { grids, existing } = await host.readWorkbook(progress);
  const output = runWorkbook(grids, request);
  // Ownership is judged by the state the workbook holds now, not the one this run will write: a generated sheet
  // whose name equals one of the clerk's sheets must be renamed, never reused (planWrite's contract).
  const plan = planWrite(existing, readState(grids), output.sheets);
  if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
  await host.write(plan, progress);
  return { ...output, plan };
}
