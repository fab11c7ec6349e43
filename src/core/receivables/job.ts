import type { Job } from '../job';

/** Placeholder until this job's issue lands: it writes nothing and finds nothing. */
export const receivablesJob: Job = {
  id: 'receivables',
  section: 'receivables',
  title: 'receivables.title',
  options: [],
  run: () => ({ result: {}, sheets: [], findings: [] }),
};
