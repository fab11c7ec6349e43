import type { HostProgress, WorkbookHost } from './host';
import { runWorkbook, type RunOutput, type RunRequest } from './pipeline';
import { planWrite, type WritePlan } from './report/write-plan';

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
  const plan = planWrite(existing, output.state, output.sheets);
  if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
  await host.write(plan, progress);
  return { ...output, plan };
}
