import type { Job, JobContext, JobInput, JobRun } from '../job-definition';
import { reconcileJob, runReconcile } from '../reconcile/job';
import { confirmationLetters } from './letter';

/**
 * The reconcile job with its confirmation letters: the letters are built from the reconcile result (the same
 * groups and totals as the 调节表), after the working sheets, and are owned by the reconcile job like them.
 */
export const reconcileWithLetters: Job = {
  ...reconcileJob,
  run(input: JobInput, ctx: JobContext): JobRun {
    const { result, sheets, findings, model } = runReconcile(input, ctx);
    const taken = new Set([...input.grids.map((g) => g.name), ...sheets.map((s) => s.name)]);
    return { result, sheets: [...sheets, ...confirmationLetters(model, ctx, ctx.company, taken)], findings };
  },
};
