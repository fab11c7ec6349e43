import { forwardRef } from 'react';
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef } from '../../core/findings';
import type { JobOutcome } from '../../core/pipeline';
import type { JobResult } from '../engine';
import { jobById } from '../../core/job-registry';
import { figuresOf, type FigureTone } from '../../core/figures';
import { useT } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px' },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: 600, margin: 0, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  job: { display: 'flex', flexDirection: 'column', gap: '4px' },
  jobTitle: { fontSize: tokens.fontSizeBase300, fontWeight: 600, margin: 0 },
  figures: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0 },
  figure: { display: 'flex', justifyContent: 'space-between', gap: '8px', padding: '2px 6px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  value: { fontWeight: 600, margin: 0, textAlign: 'right', wordBreak: 'break-word', fontVariantNumeric: 'tabular-nums' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  none: {},
  sheets: { display: 'flex', flexWrap: 'wrap', gap: '2px 8px', fontSize: tokens.fontSizeBase200 },
});

/** The outcomes the result area shows: structure's only when structure was the job asked for (or the only one). */
export const shownOutcomes = (result: JobResult): JobOutcome[] =>
  result.outcomes.filter((o) => o.job !== 'structure' || result.jobId === 'structure');

function JobAnswer({ outcome, result, onSelect }: { outcome: JobOutcome; result: JobResult; onSelect: (cell: CellRef) => void }) {
  const styles = useStyles();
  const { tr, lang } = useT();
  const job = jobById(outcome.job);
  const title = job ? tr(job.title) : outcome.job;
  const figures = figuresOf(outcome, result.summary, lang);
  const tone = (t: FigureTone) => styles[t];
  return (
    <section className={styles.job} data-testid={`result-${outcome.job}`} aria-label={title}>
      {result.jobId === 'all' && <h3 className={styles.jobTitle}>{title}</h3>}
      {figures.length > 0 ? (
        <dl className={styles.figures}>
          {figures.map((f) => (
            <div key={f.id} className={styles.figure} data-testid={`figure-${outcome.job}-${f.id}`} data-tone={f.tone}>
              <dt className={styles.label}>{f.label}</dt>
              <dd className={`${styles.value} ${tone(f.tone)}`}>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <Text size={200} data-testid={`nothing-${outcome.job}`}>{tr('pane.result.nothing', { job: title })}</Text>
      )}
      {outcome.sheets.length > 0 && (
        <div className={styles.sheets}>
          <span>{tr('excel.pane.summary.written')}</span>
          {outcome.sheets.map((s) => (
            <Link key={s} as="button" data-testid="written-sheet" onClick={() => onSelect({ sheet: s, cell: 'A1' })}>
              {s}
            </Link>
          ))}
        </div>
      )}
    </section>
  );
}

/** The answer first: each job's own figures, then the sheets it wrote (its main sheet first). */
export const Summary = forwardRef<HTMLHeadingElement, { result: JobResult; onSelect: (cell: CellRef) => void }>(function Summary({ result, onSelect }, headingRef) {
  const styles = useStyles();
  const { tr } = useT();
  const job = result.jobId === 'all' ? null : jobById(result.jobId);
  const name = job ? tr(job.title) : tr('pane.runAll');
  const others = result.written.filter((s) => !result.outcomes.some((o) => o.sheets.includes(s)));
  return (
    <div className={styles.box} data-testid="summary">
      <h2 id="clerk-result" className={styles.heading} tabIndex={-1} ref={headingRef} data-testid="result-heading">
        {tr('pane.result.heading', { job: name })}
      </h2>
      {shownOutcomes(result).map((o) => (
        <JobAnswer key={o.job} outcome={o} result={result} onSelect={onSelect} />
      ))}
      {others.length > 0 && (
        <div className={styles.sheets}>
          {others.map((s) => (
            <Link key={s} as="button" data-testid="written-sheet" onClick={() => onSelect({ sheet: s, cell: 'A1' })}>
              {s}
            </Link>
          ))}
        </div>
      )}
      {Object.entries(result.renamed).map(([from, to]) => (
        <Text key={from} size={200}>{tr('excel.pane.summary.renamed', { from, to })}</Text>
      ))}
    </div>
  );
});
