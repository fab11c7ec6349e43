import type { OptionSpec, OptionValue, OptionValues } from '../core/job-definition';
import { optionProblem } from '../core/option-check';

/**
 * A field's starting value: the spec's default. Dates and months start empty: empty means the period the workbook is
 * about (src/core/period.ts), the same as the CLI with no date option. (Filling them from the as-of date made a
 * December click reconcile a single December day.) `_asOf` stays in the signature for the callers.
 */
export function defaultValue(spec: OptionSpec, _asOf?: string): OptionValue {
  if (spec.default !== undefined) return spec.default;
  if (spec.type === 'date' || spec.type === 'month') return undefined;
  if (spec.type === 'boolean') return false;
  if (spec.type === 'enum') return spec.choices?.[0]?.value;
  return undefined;
}

export function defaultValues(specs: readonly OptionSpec[], _asOf?: string): OptionValues {
  return Object.fromEntries(specs.map((s) => [s.name, defaultValue(s)]));
}

/** Where a month field and date fields are both filled, the dates win (as in core): the month field says so. */
export function datesWinOver(spec: OptionSpec, values: OptionValues): boolean {
  return spec.type === 'month' && spec.name === 'period' && (values.from !== undefined || values.to !== undefined) && values.period !== undefined;
}

/** Turn what a form field holds (always text for inputs) into the option's type; blank means "not given". */
export function coerce(spec: OptionSpec, raw: string | boolean): OptionValue {
  if (spec.type === 'boolean') return Boolean(raw);
  const text = String(raw).trim();
  if (text === '') return undefined;
  if (spec.type === 'number') {
    const n = Number(text.replace(/[，,]/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return text;
}

/** Is a value acceptable for its field? The same check as the CLI's (core/option-check), so Run stays honest. */
export const isValid = (spec: OptionSpec, value: OptionValue): boolean => optionProblem(spec, value) === null;

/** Today's date in the clerk's time zone, as the pane's default as-of date (core never reads the clock). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
