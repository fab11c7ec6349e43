import type { JobId } from '../core/job-definition';
import { JOB_IDS } from '../core/job-registry';
import { whenRunner, type RibbonOutcome } from '../shared-runtime/bridge';

/** What a ribbon button runs: one job, or all of them in one run. */
export type RibbonTarget = JobId | 'all';

/** The manifest's ExecuteFunction names: one per job (`runStructure`, `runQuotes`, …) and `runAll`. */
export const actionName = (jobId: RibbonTarget): string => `run${jobId.charAt(0).toUpperCase()}${jobId.slice(1)}`;

export const RIBBON_ACTIONS: readonly { action: string; jobId: RibbonTarget }[] = [...JOB_IDS, 'all' as const].map((jobId) => ({ action: actionName(jobId), jobId }));

/**
 * A one-click ribbon button: open the pane (shared runtime) and run the job there with its default options, so
 * the clerk sees progress, the result line and the findings. A press while a run is going waits its turn (the pane
 * queues it); it never cancels the run. Never throws.
 */
export async function runFromRibbon(jobId: RibbonTarget, showPane: () => Promise<void>): Promise<RibbonOutcome> {
  await showPane();
  const run = await whenRunner();
  if (!run) return { ok: false, message: 'pane not ready' };
  try {
    return await run(jobId);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
