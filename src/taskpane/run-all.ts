import type { OptionValues } from '../core/job-definition';
import { JOBS } from '../core/job-registry';
import type { JobResult, RunTarget } from './engine';
import { defaultValues } from './options';

/**
 * The options of a run: each job's defaults (dates following the as-of date) with the clerk's edits on top. For
 * 'all' every job's, merged as the CLI merges them (one set of options for the run).
 */
export function mergedOptions(target: RunTarget, asOf: string, edits: Record<string, OptionValues>): OptionValues {
  const jobs = target === 'all' ? JOBS : JOBS.filter((j) => j.id === target);
  return Object.assign({}, ...jobs.map((j) => ({ ...defaultValues(j.options, asOf), ...(edits[j.id] ?? {}) }))) as OptionValues;
}

/**
 * The sheet to open after a run: the job's main sheet (the first it wrote). For 'all', the first job after structure
 * that wrote one — the answer, not the list of tables. None when the job had nothing to do.
 */
export function mainSheetOf(result: JobResult): string | null {
  const outcomes = result.jobId === 'all' ? [...result.outcomes.filter((o) => o.job !== 'structure'), ...result.outcomes] : result.outcomes.filter((o) => o.job === result.jobId);
  return outcomes.find((o) => o.sheets.length)?.sheets[0] ?? null;
}
