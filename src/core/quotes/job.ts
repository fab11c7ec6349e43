import type { Finding } from '../findings';
import type { Job, JobContext, JobInput, JobRun, OptionValue } from '../job-definition';
import { tablesOf } from '../tables/typed-table';
import { quotesFindings, quotesJson, quotesSheet } from './report';
import { checkQuotes, DEFAULT_TOLERANCE } from './rules';

/** The tolerance option: a non-negative number of yuan per unit; anything else falls back to the default. */
export function toleranceOption(v: OptionValue): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : DEFAULT_TOLERANCE;
}

/** Quote check: every contract line against the quote that governs it (see docs/quotes.md). */
export const quotesJob: Job = {
  id: 'quotes',
  section: 'quotes',
  title: 'quotes.title',
  options: [{ name: 'tolerance', type: 'number', label: 'quotes.option.tolerance', default: DEFAULT_TOLERANCE }],
  run(input: JobInput, ctx: JobContext): JobRun {
    const findings: Finding[] = [];
    if (!tablesOf(input.tables, 'contracts').length) {
      findings.push({ severity: 'info', code: 'quotes-no-contracts', message: { key: 'quotes.finding.noContracts' }, cells: [] });
      return { result: { checked: 0, ok: 0, findings: [] }, sheets: [], findings };
    }
    if (!tablesOf(input.tables, 'quotes').length) {
      findings.push({ severity: 'warning', code: 'quotes-no-quotes', message: { key: 'quotes.finding.noQuotes' }, cells: [] });
    }
    const check = checkQuotes(input.tables, { tolerance: toleranceOption(ctx.options.tolerance), progress: ctx.progress });
    findings.push(...quotesFindings(check));
    return { result: quotesJson(check), sheets: [quotesSheet(check, ctx.t)], findings };
  },
};
