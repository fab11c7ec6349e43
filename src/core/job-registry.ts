import type { Job, JobId, OptionValues } from './job-definition';
import type { TableKind } from './tables/kinds';
import { structureJob } from './structure/job';
import { quotesJob } from './quotes/job';
import { reconcileWithLetters } from './report/letter-job';
import { receivablesJob } from './receivables/job';
import { salesJob } from './sales/job';
import { ledgersJob } from './ledgers/job';

/** Every job, in the order `all` runs them. */
export const JOBS: readonly Job[] = [structureJob, quotesJob, reconcileWithLetters, receivablesJob, salesJob, ledgersJob];

export const JOB_IDS: readonly JobId[] = JOBS.map((j) => j.id);

export const jobById = (id: string): Job | undefined => JOBS.find((j) => j.id === id);

/**
 * The tables without which a job has nothing to do (any one of them will do): with none of them in the workbook the
 * run writes none of the job's sheets and says so in one finding, instead of empty sheets.
 */
export function jobNeeds(id: JobId, options: OptionValues): readonly TableKind[] {
  switch (id) {
    case 'quotes':
      return ['contracts'];
    case 'reconcile':
      return ['statements'];
    case 'receivables':
      return ['invoices'];
    case 'sales':
      return [options.basis === 'shipments' ? 'shipments' : 'invoices'];
    case 'ledgers':
      return ['contracts', 'property', 'propertyCounts', 'returns', 'samples'];
    case 'structure':
      return [];
  }
}
