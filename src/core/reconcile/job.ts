import type { Job } from '../job';

/** Placeholder until this job's issue lands: it writes nothing and finds nothing. */
export const reconcileJob: Job = {
  id: 'reconcile',
  section: 'reconcile',
  title: 'reconcile.title',
  options: [],
  run: () => ({ result: {}, sheets: [], findings: [] }),
};
