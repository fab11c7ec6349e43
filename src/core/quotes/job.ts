import type { Job } from '../job';

/** Placeholder until this job's issue lands: it writes nothing and finds nothing. */
export const quotesJob: Job = {
  id: 'quotes',
  section: 'quotes',
  title: 'quotes.title',
  options: [],
  run: () => ({ result: {}, sheets: [], findings: [] }),
};
