import { useState } from 'react';
import { Button, Field, Input, Link, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { JobId } from '../../core/job-definition';
import { jobById } from '../../core/job-registry';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { CellRef, Finding, Severity } from '../../core/findings';
import { useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: '2px', margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    gap: '6px',
    padding: '4px 6px',
    borderRadius: tokens.borderRadiusMedium,
  },
  icon: { flexShrink: 0, paddingTop: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '2px' },
  message: { wordBreak: 'break-word', textAlign: 'left' },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '2px 8px', fontSize: tokens.fontSizeBase200 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'flex-end' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px' },
  groupHead: { fontSize: tokens.fontSizeBase300, fontWeight: 600, margin: '4px 0 0' },
  toggle: { justifyContent: 'flex-start', fontWeight: 600, minWidth: 0, paddingLeft: 0 },
});

const ICONS: Record<Severity, typeof ErrorCircle16Filled> = { error: ErrorCircle16Filled, warning: Warning16Filled, info: Info16Filled };
const PAGE = 100;

export const cellLabel = (c: CellRef) => `${c.sheet}!${c.cell}`;

function FindingList({ findings, onSelect, label }: { findings: Finding[]; onSelect: (cell: CellRef) => void; label: string }) {
  const styles = useStyles();
  const { tr } = useT();
  const [shown, setShown] = useState(PAGE);
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {sorted.slice(0, shown).map((f, i) => {
          const Icon = ICONS[f.severity];
          const first = f.cells[0];
          const message = tr(f.message.key, f.message.values);
          return (
            <li key={i} className={styles.item} data-testid="finding" data-severity={f.severity} data-code={f.code}>
              <span className={`${styles.icon} ${styles[f.severity]}`} aria-label={tr(`excel.pane.severity.${f.severity}`)} role="img">
                <Icon />
              </span>
              <span className={styles.body}>
                {first ? (
                  // One control per action, none inside another: the message selects the first cell, the links the others.
                  <Link
                    as="button"
                    className={styles.message}
                    data-testid="finding-select"
                    aria-label={tr('pane.finding.selectAria', { message, cell: cellLabel(first) })}
                    onClick={() => onSelect(first)}
                  >
                    {message}
                  </Link>
                ) : (
                  <span className={styles.message}>{message}</span>
                )}
                {f.cells.length > 0 && (
                  <span className={styles.cells}>
                    {f.cells.slice(0, 4).map((c, j) => (
                      <Link key={j} as="button" data-testid="finding-cell" onClick={() => onSelect(c)}>
                        {cellLabel(c)}
                      </Link>
                    ))}
                    {f.cells.length > 4 ? <span>{tr('excel.pane.findings.moreCells', { count: f.cells.length - 4 })}</span> : null}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {sorted.length > shown && (
        <Button size="small" appearance="subtle" onClick={() => setShown(shown + PAGE)}>
          {tr('excel.pane.findings.more', { count: sorted.length - shown })}
        </Button>
      )}
    </>
  );
}

export interface FindingGroup {
  job: JobId;
  findings: Finding[];
}

type SeverityFilter = Severity | 'all';

/**
 * A run's findings grouped by job (in run order) and, within a job, by severity; the cells structure could not read
 * sit collapsed under their own heading unless structure was the job asked for. A severity and a text filter.
 */
export function Findings({ groups, onSelect, expandStructure }: { groups: FindingGroup[]; onSelect: (cell: CellRef) => void; expandStructure: boolean }) {
  const styles = useStyles();
  const { tr } = useT();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [text, setText] = useState('');
  const [structureOpen, setStructureOpen] = useState(expandStructure);
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (!total) return <Text size={200}>{tr('excel.pane.findings.none')}</Text>;
  const needle = text.trim().toLowerCase();
  const keep = (f: Finding) =>
    (severity === 'all' || f.severity === severity) &&
    (!needle || `${tr(f.message.key, f.message.values)} ${f.cells.map(cellLabel).join(' ')}`.toLowerCase().includes(needle));
  const shown = groups.map((g) => ({ ...g, findings: g.findings.filter(keep) })).filter((g) => g.findings.length);
  return (
    <div className={styles.group} data-testid="findings">
      <div className={styles.filters} role="search" aria-label={tr('pane.findings.filter')}>
        <Field label={tr('pane.findings.filter')} size="small">
          <Select size="small" value={severity} onChange={(_, d) => setSeverity(d.value as SeverityFilter)} data-testid="findings-severity">
            <option value="all">{tr('pane.findings.filter.all')}</option>
            {(['error', 'warning', 'info'] as const).map((s) => (
              <option key={s} value={s}>{tr(`excel.pane.severity.${s}`)}</option>
            ))}
          </Select>
        </Field>
        <Field label={tr('pane.findings.search')} size="small">
          <Input size="small" value={text} onChange={(_, d) => setText(d.value)} data-testid="findings-search" />
        </Field>
      </div>
      {shown.length === 0 && <Text size={200}>{tr('pane.findings.noMatch')}</Text>}
      {shown.map((g) => {
        const job = jobById(g.job);
        const title = job ? tr(job.title) : g.job;
        if (g.job === 'structure' && !expandStructure) {
          const label = tr('pane.findings.structure', { count: g.findings.length });
          return (
            <div key={g.job} className={styles.group} data-testid="findings-structure">
              <Button
                size="small"
                appearance="subtle"
                className={styles.toggle}
                icon={structureOpen ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
                aria-expanded={structureOpen}
                onClick={() => setStructureOpen(!structureOpen)}
                data-testid="findings-structure-toggle"
              >
                {label}
              </Button>
              {structureOpen && <FindingList findings={g.findings} onSelect={onSelect} label={label} />}
            </div>
          );
        }
        const label = tr('pane.findings.job', { job: title, count: g.findings.length });
        return (
          <div key={g.job} className={styles.group} data-testid={`findings-${g.job}`}>
            <h3 className={styles.groupHead}>{label}</h3>
            <FindingList findings={g.findings} onSelect={onSelect} label={label} />
          </div>
        );
      })}
    </div>
  );
}
