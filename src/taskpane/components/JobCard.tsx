import { useState, type ReactNode } from 'react';
import { Button, Card, Field, Input, ProgressBar, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Job, OptionSpec, OptionValue, OptionValues } from '../../core/job-definition';
import { coerce, datesWinOver, isValid } from '../options';
import { optionProblem } from '../../core/option-check';
import { useT } from '../i18n';
import type { MessageKey } from '../../core/i18n';
import type { PaneProgress } from '../engine';

const useStyles = makeStyles({
  card: { padding: '8px 10px', gap: '6px' },
  head: { display: 'flex', alignItems: 'center', gap: '6px' },
  title: { flexGrow: 1, fontWeight: 600 },
  blurb: { color: tokens.colorNeutralForeground3 },
  options: { display: 'flex', flexDirection: 'column', gap: '6px' },
  progress: { display: 'flex', alignItems: 'center', gap: '6px' },
  phase: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
});

function OptionField({ spec, value, onChange, values }: { spec: OptionSpec; value: OptionValue; onChange: (v: OptionValue) => void; values: OptionValues }) {
  const { tr } = useT();
  const label = tr(spec.label);
  const problem = optionProblem(spec, value);
  const valid = problem === null;
  const message = problem ? tr(problem.key, problem.values) : undefined;
  // An empty period field is not "nothing": it is the period the data is about, and a filled month under filled dates does nothing.
  const periodField = spec.type === 'month' || spec.type === 'date';
  const hint = periodField && valid ? (datesWinOver(spec, values) ? tr('period.field.datesWin') : value === undefined ? tr('period.field.auto') : undefined) : undefined;
  if (spec.type === 'boolean') {
    return <Switch label={label} checked={Boolean(value)} onChange={(_, d) => onChange(d.checked)} />;
  }
  if (spec.type === 'enum') {
    return (
      <Field label={label} size="small">
        <Select size="small" value={String(value ?? '')} onChange={(_, d) => onChange(coerce(spec, d.value))}>
          {(spec.choices ?? []).map((c) => (
            <option key={c.value} value={c.value}>{tr(c.label)}</option>
          ))}
        </Select>
      </Field>
    );
  }
  const type = spec.type === 'date' ? 'date' : spec.type === 'month' ? 'month' : spec.type === 'number' ? 'number' : 'text';
  return (
    <Field label={label} size="small" validationState={valid ? (hint && value !== undefined ? 'warning' : 'none') : 'error'} validationMessage={message} hint={hint}>
      <Input
        size="small"
        type={type}
        value={value === undefined ? '' : String(value)}
        placeholder={type === 'month' ? 'YYYY-MM' : undefined}
        data-testid={periodField ? `option-${spec.name}` : undefined}
        onChange={(_, d) => onChange(coerce(spec, d.value))}
      />
    </Field>
  );
}

export interface JobCardProps {
  job: Job;
  values: OptionValues;
  onValues: (values: OptionValues) => void;
  running: boolean;
  disabled: boolean;
  progress: PaneProgress | null;
  onRun: () => void;
  onCancel: () => void;
  /** What a job takes besides its options, always in view (reconcile: their statement files). */
  extra?: ReactNode;
}

export function JobCard({ job, values, onValues, running, disabled, progress, onRun, onCancel, extra }: JobCardProps) {
  const styles = useStyles();
  const { tr } = useT();
  const [open, setOpen] = useState(false);
  const allValid = job.options.every((o) => isValid(o, values[o.name]));
  const title = tr(job.title);
  return (
    <Card className={styles.card} size="small" data-testid={`job-${job.id}`}>
      <div className={styles.head}>
        <Text className={styles.title}>{title}</Text>
        {job.options.length > 0 && (
          <Button
            size="small"
            appearance="subtle"
            aria-expanded={open}
            aria-label={tr(open ? 'pane.job.hideOptionsAria' : 'pane.job.optionsAria', { job: title })}
            onClick={() => setOpen(!open)}
          >
            {tr(open ? 'excel.pane.job.hideOptions' : 'excel.pane.job.options')}
          </Button>
        )}
        <Button
          size="small"
          appearance="primary"
          disabled={disabled || running || !allValid}
          onClick={onRun}
          data-testid={`run-${job.id}`}
          aria-label={tr('excel.pane.job.runAria', { job: title })}
        >
          {tr('excel.pane.job.run')}
        </Button>
      </div>
      <Text size={200} className={styles.blurb}>{tr(`pane.job.${job.id}.blurb` as MessageKey)}</Text>
      {open && (
        <div className={styles.options}>
          {job.options.map((spec) => (
            <OptionField key={spec.name} spec={spec} value={values[spec.name]} values={values} onChange={(v) => onValues({ ...values, [spec.name]: v })} />
          ))}
        </div>
      )}
      {extra}
      {running && (
        <div className={styles.progress}>
          <ProgressBar
            value={progress ? progress.fraction : undefined}
            thickness="large"
            aria-label={tr('excel.pane.progress')}
            style={{ flexGrow: 1 }}
          />
          <span className={styles.phase}>{progress ? tr(`excel.pane.phase.${progress.phase}`) : ''}</span>
          <Button size="small" onClick={onCancel} data-testid="cancel">{tr('excel.pane.cancel')}</Button>
        </div>
      )}
    </Card>
  );
}
