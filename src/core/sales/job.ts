import type { Job } from '../job';

/** Placeholder until this job's issue lands: it writes nothing and finds nothing. */
export const salesJob: Job = {
  id: 'sales',
  section: 'sales',
  title: 'sales.title',
  options: [],
  run: () => ({ result: {}, sheets: [], findings: [] }),
};
