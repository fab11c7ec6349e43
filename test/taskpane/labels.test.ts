import { JOBS } from '../../src/core/job-registry';
import { LANGS, t } from '../../src/core/i18n';

describe('labels a clerk can tell apart', () => {
  test.each(LANGS)('in %s the as-of date differs from every option, and no job has two options with one label', (lang) => {
    const asOf = t(lang, 'excel.pane.asOf');
    for (const job of JOBS) {
      const labels = job.options.map((o) => t(lang, o.label));
      expect([job.id, labels.filter((l) => l === asOf)]).toEqual([job.id, []]);
      expect([job.id, new Set(labels).size]).toEqual([job.id, labels.length]);
    }
  });
});
