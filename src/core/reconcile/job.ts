import type { Finding } from '../findings';
import type { Job, JobContext, JobInput, JobRun, OptionValue } from '../job-definition';
import { buildDirectory } from '../parties';
import { tablesOf } from '../tables/typed-table';
import { companyKey } from '../values/company';
import { buildExplainer } from './explain';
import type { MatchOptions } from './match';
import { reconcileCounterparty } from './reconcile';
import { reconcileFindings, reconcileJson, reconcileSheets, type ReconModel } from './report';
import { collectScope, PartyFinder } from './scope';
import { reconcilePeriod } from '../period';
import { nextCarried, tickCarried } from './carry';

/** A non-negative number option (the CLI passes text), else the default. */
export function numberOption(v: OptionValue, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Tolerances from the options: amounts in yuan and percent as the clerk types them, fen and fractions inside. */
export function matchOptionsFrom(ctx: Pick<JobContext, 'options'>): Omit<MatchOptions, 'periodEnd'> {
  const o = ctx.options;
  return {
    amountTolFen: Math.round(numberOption(o.amountTolerance, 0.01) * 100),
    amountTolPct: numberOption(o.percentTolerance, 0) / 100,
    qtyTol: numberOption(o.qtyTolerance, 0),
    dateWindow: Math.floor(numberOption(o.dateWindow, 3)),
    inTransitDays: Math.floor(numberOption(o.inTransitDays, 3)),
  };
}

export function runReconcile(input: JobInput, ctx: JobContext): JobRun & { model: ReconModel } {
  const chosen = reconcilePeriod(input.tables, ctx.options, ctx.asOf);
  const period = chosen.period;
  const directory = buildDirectory(input.tables);
  const finder = new PartyFinder(input.tables, directory);
  const explainer = buildExplainer(input.tables, directory);
  const settings = matchOptionsFrom(ctx);
  const only = typeof ctx.options.counterparty === 'string' && ctx.options.counterparty.trim() ? finder.resolve(ctx.options.counterparty).key : undefined;
  const scopes = [...collectScope(input.tables, directory, finder, period).values()].filter((s) => !only || s.party.key === only);
  const results = scopes.filter((s) => s.theirs.length > 0).map((s) => reconcileCounterparty(s, { ...settings, periodEnd: period.to }, explainer));
  const missing = scopes.filter((s) => s.theirs.length === 0 && s.ours.length > 0);
  const carried = input.state?.inTransit ?? [];
  const ticks = tickCarried(carried, period, results);
  const model: ReconModel = { period, periodSource: chosen.source, settings, results, missing, carried: ticks };
  const findings: Finding[] = [];
  if (!tablesOf(input.tables, 'statements').length) {
    findings.push({ severity: 'warning', code: 'reconcile-no-statements', message: { key: 'reconcile.finding.noStatements' }, cells: [] });
  }
  else if (!scopes.some((s) => s.theirs.length > 0 || s.ours.length > 0)) {
    // A period with nothing in it is said, never shown as a sheet of zeros that looks like an agreed close.
    findings.push({ severity: 'warning', code: 'reconcile-period-empty', message: { key: 'period.finding.reconcileEmpty', values: { period: period.label } }, cells: [] });
  }
  findings.push(...reconcileFindings(model, ctx));
  // Aliases for the short sheet names come from the customers sheet.
  const aliases = new Map<string, string[]>();
  for (const t of tablesOf(input.tables, 'customers')) {
    for (const { fields } of t.rows) {
      if (fields.name) aliases.set(companyKey(fields.name), (fields.aliases ?? '').split(/[、,，;；/|\n]+/).filter(Boolean));
    }
  }
  const taken = new Set(input.grids.map((g) => g.name));
  const sheets = reconcileSheets(model, ctx, (name) => aliases.get(companyKey(name)) ?? [], taken);
  return { result: reconcileJson(model), sheets, findings, model, state: { inTransit: nextCarried(carried, period, results, ticks) } };
}

export const reconcileJob: Job = {
  id: 'reconcile',
  section: 'reconcile',
  title: 'reconcile.title',
  options: [
    { name: 'period', type: 'month', label: 'reconcile.option.period' },
    { name: 'from', type: 'date', label: 'reconcile.option.from' },
    { name: 'to', type: 'date', label: 'reconcile.option.to' },
    { name: 'counterparty', type: 'text', label: 'reconcile.option.counterparty' },
    { name: 'amountTolerance', type: 'number', label: 'reconcile.option.amountTolerance', default: 0.01 },
    { name: 'percentTolerance', type: 'number', label: 'reconcile.option.percentTolerance', default: 0 },
    { name: 'qtyTolerance', type: 'number', label: 'reconcile.option.qtyTolerance', default: 0 },
    { name: 'dateWindow', type: 'number', label: 'reconcile.option.dateWindow', default: 3 },
    { name: 'inTransitDays', type: 'number', label: 'reconcile.option.inTransitDays', default: 3 },
  ],
  run(input: JobInput, ctx: JobContext): JobRun {
    const { result, sheets, findings, state } = runReconcile(input, ctx);
    return { result, sheets, findings, state };
  },
};
