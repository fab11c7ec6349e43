import type { Job, JobId } from './job';
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
