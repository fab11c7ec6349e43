import type { Job } from '../job';

/** Placeholder until the Structure issue lands: writes no sheets. The pipeline adds `tables` and `issues` to the summary. */
export const structureJob: Job = {
  id: 'structure',
  section: 'structure',
  title: 'structure.title',
  options: [],
  run: () => ({ result: {}, sheets: [], findings: [] }),
};
