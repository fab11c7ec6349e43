import type { OptionSpec, OptionValue, OptionValues } from './job-definition';
import type { MessageRef } from './findings';
import { isIsoDate, isIsoMonth } from './values/dates';

/**
 * Whether an option's value can be used, the same check for the CLI (`--buckets 30,x` is refused) and the task
 * pane (the field shows the error and Run is disabled): no option is ever wrong silently. Undefined means "not
 * given", which is always acceptable (the job takes its default).
 */
export function optionProblem(spec: OptionSpec, value: OptionValue): MessageRef | null {
  if (value === undefined) return null;
  switch (spec.type) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : { key: 'options.problem.date' };
    case 'month':
      return typeof value === 'string' && isIsoMonth(value) ? null : { key: 'options.problem.month' };
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'options.problem.number' };
      const min = spec.min ?? 0;
      return value < min ? { key: 'options.problem.min', values: { min } } : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : { key: 'options.problem.boolean' };
    case 'enum':
      return (spec.choices ?? []).some((c) => c.value === value) ? null : { key: 'options.problem.choice', values: { choices: (spec.choices ?? []).map((c) => c.value).join(', ') } };
    case 'text':
      if (typeof value !== 'string') return { key: 'options.problem.text' };
      return spec.format === 'day-list' ? dayListProblem(value) : null;
  }
}

/** `30,60,90` (also with ，、 or spaces, full-width digits): whole days above 0, each larger than the one before. */
function dayListProblem(text: string): MessageRef | null {
  const parts = text.normalize('NFKC').split(/[,，、\s]+/).filter(Boolean);
  if (!parts.length) return { key: 'options.problem.dayList' };
  const days = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
  if (days.some((d) => !Number.isInteger(d) || d <= 0)) return { key: 'options.problem.dayList' };
  if (days.some((d, i) => i > 0 && d <= days[i - 1])) return { key: 'options.problem.dayListOrder' };
  return null;
}

/** Every problem among a job's (or a run's) option values, by option name. */
export function optionProblems(specs: readonly OptionSpec[], values: OptionValues): { name: string; problem: MessageRef }[] {
  const out: { name: string; problem: MessageRef }[] = [];
  for (const spec of specs) {
    const problem = optionProblem(spec, values[spec.name]);
    if (problem) out.push({ name: spec.name, problem });
  }
  return out;
}
