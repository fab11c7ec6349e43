import type { Finding } from '../findings';
import type { Job, JobContext, JobInput, JobRun } from '../job-definition';
import { buildDirectory } from '../parties';
import { tablesOf } from '../tables/typed-table';
import { salesMonth, type PeriodSource } from '../period';
import { change, aggregate, type SalesModel, type Series } from './aggregate';
import { salesLines, type Amount, type SalesBasis } from './lines';
import { salesSheets } from './report';

const yuan2 = (fen: number): number => Math.round(fen) / 100;

type Breakdown<K extends string> = { [P in K]: string } & { months: number[]; total: number };

/** The `sales` section of the JSON summary; amounts in yuan, without tax unless withTax. */
export type SalesSection = {
  /** The month reported (the last of the window) and why it was chosen. */
  month: string;
  monthSource: PeriodSource;
  months: string[];
  basis: SalesBasis;
  withTax: boolean;
  customers: { name: string; related: boolean; months: number[]; total: number }[];
  classes: Breakdown<'class'>[];
  groups: Breakdown<'group'>[];
  totals: {
    months: number[];
    total: number;
    mom: number | null;
    yoy: number | null;
    ytd: { current: number; previous: number; change: number | null };
  };
};

export function salesJson(model: SalesModel, basis: SalesBasis, withTax: boolean, monthSource: PeriodSource = 'option'): SalesSection {
  const k = withTax ? 'gross' : 'net';
  const amounts = (xs: Amount[]) => xs.map((a) => yuan2(a[k]));
  const n = model.months.length;
  const totals: Series = model.totals;
  return {
    month: model.months[n - 1],
    monthSource,
    months: model.months,
    basis,
    withTax,
    customers: model.customers.map((c) => ({ name: c.name, related: c.group === 'related', months: amounts(c.months), total: yuan2(c.total[k]) })),
    classes: model.classes.map((c) => ({ class: c.goodsClass, months: amounts(c.months), total: yuan2(c.total[k]) })),
    groups: model.groups.map((g) => ({ group: g.group, months: amounts(g.months), total: yuan2(g.total[k]) })),
    totals: {
      months: amounts(totals.months),
      total: yuan2(totals.total[k]),
      mom: change(totals.months[n - 1][k], totals.months[n - 2][k]),
      yoy: change(totals.months[n - 1][k], totals.priorYear[n - 1][k]),
      ytd: { current: yuan2(totals.ytd[k]), previous: yuan2(totals.ytdPrior[k]), change: change(totals.ytd[k], totals.ytdPrior[k]) },
    },
  };
}

export const salesJob: Job = {
  id: 'sales',
  section: 'sales',
  title: 'sales.title',
  options: [
    { name: 'month', type: 'month', label: 'sales.option.month' },
    {
      name: 'basis',
      type: 'enum',
      label: 'sales.option.basis',
      default: 'invoices',
      choices: [
        { value: 'invoices', label: 'sales.basis.invoices' },
        { value: 'shipments', label: 'sales.basis.shipments' },
      ],
    },
    { name: 'withTax', type: 'boolean', label: 'sales.option.withTax', default: false },
  ],
  run(input: JobInput, ctx: JobContext): JobRun {
    const basis: SalesBasis = ctx.options.basis === 'shipments' ? 'shipments' : 'invoices';
    const withTax = ctx.options.withTax === true;
    const chosen = salesMonth(input.tables, ctx.options, ctx.asOf, basis);
    const month = chosen.month;
    const findings: Finding[] = [];
    const basisName = ctx.t(basis === 'invoices' ? 'sales.basis.invoices' : 'sales.basis.shipments');
    if (!tablesOf(input.tables, basis).length) {
      findings.push({ severity: 'warning', code: 'sales-no-source', message: { key: 'sales.finding.noSource', values: { basis: basisName } }, cells: [] });
    }
    const lines = salesLines(input.tables, buildDirectory(input.tables), basis);
    const model = aggregate(lines, month);
    // A split invoice is several lines of one source row: count and point at rows, not lines.
    const rows = (xs: typeof lines) => [...new Map(xs.map((l) => [`${l.source.sheet}!${l.source.row}`, l])).values()];
    const assumed = rows(lines.filter((l) => l.assumedRate));
    const estimated = rows(lines.filter((l) => l.estimatedClass && l.month === month));
    if (estimated.length) {
      findings.push({
        severity: 'info',
        code: 'sales-estimated-class',
        message: { key: 'sales.finding.estimatedClass', values: { count: estimated.length, month } },
        cells: estimated.slice(0, 50).map((l) => ({ sheet: l.source.sheet, cell: `A${l.source.row}` })),
      });
    }
    if (assumed.length) {
      findings.push({
        severity: 'info',
        code: 'sales-assumed-rate',
        message: { key: 'sales.finding.assumedRate', values: { count: assumed.length } },
        cells: assumed.slice(0, 50).map((l) => ({ sheet: l.source.sheet, cell: `A${l.source.row}` })),
      });
    }
    if (!model.customers.some((c) => c.months[model.months.length - 1].gross !== 0)) {
      // A month with no sales is said, never reported as "¥0.00, 同比 −100%" as if sales had stopped.
      findings.push({ severity: 'warning', code: 'sales-empty-month', message: { key: 'period.finding.salesEmpty', values: { month } }, cells: [] });
    }
    return {
      result: salesJson(model, basis, withTax, chosen.source),
      sheets: salesSheets(model, basis, withTax ? 'gross' : 'net', ctx, chosen.source, estimated.length),
      findings,
    };
  },
};
