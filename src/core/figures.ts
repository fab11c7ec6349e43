/**
 * Each job's own answer, read from its result (the JSON section the CLI writes too): the lines the pane shows
 * first, before any sheet or finding. Pure, so that the lines are tested without a browser.
 */
import type { Json, JobId } from './job-definition';
import type { JobOutcome } from './pipeline';
import { isMessageKey, t, type Lang } from './i18n';

export type FigureTone = 'good' | 'warn' | 'bad' | 'none';

export interface Figure {
  /** Stable id (data-testid `figure-<job>-<id>`). */
  id: string;
  label: string;
  value: string;
  tone: FigureTone;
}

type Obj = { [key: string]: Json };
const obj = (v: Json | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const num = (v: Json | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const sum = (xs: (number | null)[]): number => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

export function formatYuan(lang: Lang, yuan: number): string {
  return `¥${new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(yuan)}`;
}

export function formatPercent(lang: Lang, rate: number | null, signed = false): string {
  if (rate === null) return '—';
  const text = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(rate);
  return text;
}

const count = (lang: Lang, n: number) => new Intl.NumberFormat(lang).format(n);
const labelOr = (lang: Lang, key: string, fallback: string) => (isMessageKey(key) ? t(lang, key) : fallback);
const sep = (lang: Lang) => t(lang, 'run.listSeparator');

function reconcileFigures(r: Obj, lang: Lang): Figure[] {
  const parties = arr(r.counterparties).map(obj);
  const counts = parties.map((p) => obj(p.counts));
  const matched = sum(counts.map((c) => num(c.matched)));
  const differences = sum(counts.flatMap((c) => Object.entries(c).filter(([k]) => k !== 'matched').map(([, v]) => num(v))));
  const unexplained = sum(parties.map((p) => num(p.unexplained)));
  return [
    { id: 'counterparties', label: t(lang, 'pane.fig.reconcile.counterparties'), value: count(lang, parties.length), tone: 'none' },
    { id: 'matched', label: t(lang, 'pane.fig.reconcile.matched'), value: count(lang, matched), tone: 'good' },
    { id: 'differences', label: t(lang, 'pane.fig.reconcile.differences'), value: count(lang, differences), tone: differences ? 'warn' : 'good' },
    { id: 'unexplained', label: t(lang, 'pane.fig.reconcile.unexplained'), value: formatYuan(lang, unexplained), tone: unexplained ? 'bad' : 'good' },
  ];
}

function receivablesFigures(r: Obj, lang: Lang): Figure[] {
  const totals = obj(r.totals);
  const overdue = sum(arr(totals.aging).map(num));
  const rate = (group: 'related' | 'external'): Figure => {
    const g = obj(totals[group]);
    const value = num(g.collectionRate);
    const target = num(g.target) ?? (group === 'related' ? 0.95 : 1);
    return {
      id: `rate-${group}`,
      label: t(lang, `pane.fig.receivables.rate.${group}`),
      value: t(lang, 'pane.fig.receivables.rateValue', { rate: formatPercent(lang, value), target: formatPercent(lang, target).replace(/\.0%$/, '%') }),
      tone: value === null ? 'none' : value >= target ? 'good' : 'warn',
    };
  };
  return [
    { id: 'balance', label: t(lang, 'pane.fig.receivables.balance'), value: formatYuan(lang, num(totals.outstanding) ?? 0), tone: 'none' },
    { id: 'overdue', label: t(lang, 'pane.fig.receivables.overdue'), value: formatYuan(lang, overdue), tone: overdue ? 'warn' : 'good' },
    rate('related'),
    rate('external'),
  ];
}

function salesFigures(r: Obj, lang: Lang): Figure[] {
  const months = arr(r.months).filter((m): m is string => typeof m === 'string');
  const totals = obj(r.totals);
  const amounts = arr(totals.months).map(num);
  const month = months[months.length - 1] ?? '';
  const mom = num(totals.mom);
  const yoy = num(totals.yoy);
  const tone = (v: number | null): FigureTone => (v === null ? 'none' : v >= 0 ? 'good' : 'warn');
  return [
    { id: 'month', label: t(lang, 'pane.fig.sales.month', { month }), value: formatYuan(lang, amounts[amounts.length - 1] ?? 0), tone: 'none' },
    { id: 'mom', label: t(lang, 'pane.fig.sales.mom'), value: formatPercent(lang, mom, true), tone: tone(mom) },
    { id: 'yoy', label: t(lang, 'pane.fig.sales.yoy'), value: yoy === null ? t(lang, 'pane.fig.sales.noYoy') : formatPercent(lang, yoy, true), tone: tone(yoy) },
  ];
}

function quotesFigures(r: Obj, lang: Lang): Figure[] {
  const byRule = new Map<string, number>();
  for (const f of arr(r.findings).map(obj)) {
    const rule = typeof f.rule === 'string' ? f.rule : '?';
    byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
  }
  const problems = [...byRule.entries()].sort((a, b) => b[1] - a[1]);
  return [
    { id: 'checked', label: t(lang, 'pane.fig.quotes.checked'), value: count(lang, num(r.checked) ?? 0), tone: 'none' },
    {
      id: 'problems',
      label: t(lang, 'pane.fig.quotes.problems'),
      value: problems.length ? problems.map(([rule, n]) => `${labelOr(lang, `quotes.rule.${rule}`, rule)} ${count(lang, n)}`).join(sep(lang)) : t(lang, 'pane.fig.none'),
      tone: problems.length ? 'warn' : 'good',
    },
  ];
}

function ledgersFigures(r: Obj, lang: Lang): Figure[] {
  const flags = new Map<string, number>();
  for (const c of arr(r.contracts).map(obj)) for (const f of arr(c.flags)) if (typeof f === 'string' && f !== 'fully-collected') flags.set(f, (flags.get(f) ?? 0) + 1);
  const property = obj(obj(r.property).counts);
  const propertyProblems = Object.entries(property).filter(([k, v]) => k !== 'found' && k !== 'returned' && (num(v) ?? 0) > 0);
  const returns = obj(r.returns);
  const flagged = arr(returns.flagged).length;
  const overdue = arr(obj(r.samples).overdue).length;
  const list = (entries: [string, number][], prefix: string) =>
    entries.length ? entries.map(([k, n]) => `${labelOr(lang, `${prefix}${k}`, k)} ${count(lang, n)}`).join(sep(lang)) : t(lang, 'pane.fig.none');
  return [
    { id: 'contracts', label: t(lang, 'pane.fig.ledgers.contracts'), value: list([...flags.entries()], 'ledgers.flag.'), tone: flags.size ? 'warn' : 'good' },
    { id: 'property', label: t(lang, 'pane.fig.ledgers.property'), value: list(propertyProblems.map(([k, v]) => [k, num(v) ?? 0]), 'ledgers.result.'), tone: propertyProblems.length ? 'warn' : 'good' },
    { id: 'returns', label: t(lang, 'pane.fig.ledgers.returns'), value: t(lang, 'pane.fig.ledgers.returnsValue', { checked: count(lang, num(returns.checked) ?? 0), flagged: count(lang, flagged) }), tone: flagged ? 'warn' : 'good' },
    { id: 'samples', label: t(lang, 'pane.fig.ledgers.samples'), value: count(lang, overdue), tone: overdue ? 'warn' : 'good' },
  ];
}

function structureFigures(summary: Obj, lang: Lang): Figure[] {
  const tables = arr(summary.tables).map(obj);
  const issues = arr(summary.issues).length;
  return [
    { id: 'tables', label: t(lang, 'pane.fig.structure.tables'), value: count(lang, tables.length), tone: 'none' },
    { id: 'rows', label: t(lang, 'pane.fig.structure.rows'), value: count(lang, sum(tables.map((tb) => num(tb.rows)))), tone: 'none' },
    { id: 'issues', label: t(lang, 'pane.fig.structure.issues'), value: count(lang, issues), tone: issues ? 'warn' : 'good' },
  ];
}

/**
 * The figures of one job of a run. A job that had nothing to do shows none (its one finding says why); structure's
 * come from the run's summary (its own section is empty).
 */
export function figuresOf(outcome: JobOutcome, summary: { [key: string]: Json }, lang: Lang): Figure[] {
  if (outcome.job !== 'structure' && outcome.findings.some((f) => f.code === 'nothing-to-do')) return [];
  const r = outcome.result;
  const by: Record<JobId, () => Figure[]> = {
    structure: () => structureFigures(summary, lang),
    quotes: () => quotesFigures(r, lang),
    reconcile: () => reconcileFigures(r, lang),
    receivables: () => receivablesFigures(r, lang),
    sales: () => salesFigures(r, lang),
    ledgers: () => ledgersFigures(r, lang),
  };
  return by[outcome.job]();
}

