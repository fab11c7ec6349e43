import type { JobId } from '../core/job';
import { JOB_IDS } from '../core/jobs';
import { whenRunner, type RibbonOutcome } from '../shared-runtime/bridge';

/** The manifest's ExecuteFunction names: one per job (`runStructure`, `runQuotes`, …). */
export const actionName = (jobId: JobId): string => `run${jobId.charAt(0).toUpperCase()}${jobId.slice(1)}`;

export const RIBBON_ACTIONS: readonly { action: string; jobId: JobId }[] = JOB_IDS.map((jobId) => ({ action: actionName(jobId), jobId }));

/**
 * A one-click ribbon button: open the pane (shared runtime) and run the job there with its default options, so
 * the clerk sees progress, the result line and the findings. Never throws.
 */
export async function runFromRibbon(jobId: JobId, showPane: () => Promise<void>): Promise<RibbonOutcome> {
  await showPane();
  const run = await whenRunner();
  if (!run) return { ok: false, message: 'pane not ready' };
  try {
    return await run(jobId);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
