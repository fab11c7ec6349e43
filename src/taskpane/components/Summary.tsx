import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef } from '../../core/findings';
import type { JobResult } from '../engine';
import { jobById } from '../../core/jobs';
import { useT } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '4px' },
  stats: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: '4px' },
  stat: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: '4px',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  num: { fontSize: tokens.fontSizeBase500, fontWeight: 600, lineHeight: tokens.lineHeightBase500 },
  lbl: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, textAlign: 'center' },
  sheets: { display: 'flex', flexWrap: 'wrap', gap: '2px 8px', fontSize: tokens.fontSizeBase200 },
});

const countOf = (v: unknown) => (Array.isArray(v) ? v.length : 0);

export function Summary({ result, onSelect }: { result: JobResult; onSelect: (cell: CellRef) => void }) {
  const styles = useStyles();
  const { tr } = useT();
  const job = jobById(result.jobId);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const stats: [string, string, number][] = [
    ['tables', tr('excel.pane.summary.tables'), countOf(result.summary.tables)],
    ['issues', tr('excel.pane.summary.issues'), countOf(result.summary.issues)],
    ['errors', tr('excel.pane.summary.errors'), errors],
    ['warnings', tr('excel.pane.summary.warnings'), warnings],
  ];
  return (
    <div className={styles.box} data-testid="summary">
      <Text weight="semibold">{tr('excel.pane.summary.done', { job: job ? tr(job.title) : result.jobId })}</Text>
      <div className={styles.stats}>
        {stats.map(([id, label, n]) => (
          <div key={id} className={styles.stat}>
            <span className={styles.num} data-testid={`stat-${id}`}>{n}</span>
            <span className={styles.lbl}>{label}</span>
          </div>
        ))}
      </div>
      {result.written.length > 0 ? (
        <div className={styles.sheets}>
          <span>{tr('excel.pane.summary.written')}</span>
          {result.written.map((s) => (
            <Link key={s} as="button" data-testid="written-sheet" onClick={() => onSelect({ sheet: s, cell: 'A1' })}>
              {s}
            </Link>
          ))}
        </div>
      ) : (
        <Text size={200}>{tr('excel.pane.summary.nothingWritten')}</Text>
      )}
      {Object.entries(result.renamed).map(([from, to]) => (
        <Text key={from} size={200}>{tr('excel.pane.summary.renamed', { from, to })}</Text>
      ))}
    </div>
  );
}
