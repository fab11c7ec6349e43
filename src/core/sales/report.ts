import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { ColumnType, OutValue, SheetSpec, SummaryLine } from '../sheet-spec';
import { money, safeTableName } from '../report/build';
import { col, colWithTotal, tableBody, type Column } from '../report/columns';
import type { IsoMonth } from '../values/brand';
import { formatFen } from '../values/money';
import { periodSourceText, type PeriodSource } from '../period';
import { change, type CustomerSeries, type SalesModel, type Series } from './aggregate';
import type { Amount, SalesBasis } from './lines';

type Tax = 'net' | 'gross';

/** "+12.3%", "−4.0%" (a real minus sign, as printed reports use), or the dash when there is nothing to compare. */
export function formatChange(rate: number | null, none: string): string {
  if (rate === null) return none;
  const pct = Math.round(rate * 1000) / 10;
  if (pct === 0) return '0.0%';
  return `${pct > 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)}%`;
}

const monthLabel = (m: IsoMonth, lang: string): string =>
  lang === 'zh-CN' ? `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月` : m;

export interface SalesFigures {
  current: Amount;
  previous: Amount;
  lastYear: Amount;
  top3Share: number | null;
}

/** The headline numbers of the chosen month (the last of the window). */
export function headline(model: SalesModel, tax: Tax): SalesFigures {
  const n = model.months.length;
  const current = model.totals.months[n - 1];
  const top = [...model.customers].sort((a, b) => b.months[n - 1][tax] - a.months[n - 1][tax]).slice(0, 3);
  const top3 = top.reduce((s, c) => s + Math.max(0, c.months[n - 1][tax]), 0);
  return {
    current,
    previous: model.totals.months[n - 2],
    lastYear: model.totals.priorYear[n - 1],
    top3Share: current[tax] > 0 ? top3 / current[tax] : null,
  };
}

export function summarySentence(model: SalesModel, tax: Tax, ctx: JobContext): string {
  const h = headline(model, tax);
  const none = ctx.t('sales.none');
  return ctx.t('sales.summary', {
    month: monthLabel(model.months[model.months.length - 1], ctx.lang),
    tax: ctx.t(tax === 'net' ? 'sales.tax.net' : 'sales.tax.gross'),
    amount: formatFen(h.current[tax], { symbol: true }),
    mom: formatChange(change(h.current[tax], h.previous[tax]), none),
    yoy: formatChange(change(h.current[tax], h.lastYear[tax]), none),
    top3: h.top3Share === null ? none : `${Math.round(h.top3Share * 100)}%`,
  });
}

const rateOrDash = (rate: number | null, none: string): OutValue => (rate === null ? none : rate);

export function salesSheets(model: SalesModel, basis: SalesBasis, tax: Tax, ctx: JobContext, monthSource: PeriodSource = 'option', estimatedSplits = 0): SheetSpec[] {
  const { t } = ctx;
  const none = t('sales.none');
  const n = model.months.length;
  const month = model.months[n - 1];
  const title = (heading: MessageKey, values?: Record<string, string>): string[] => [
    t(heading, values),
    summarySentence(model, tax, ctx),
    t('period.said.sales', { month: model.months[model.months.length - 1], source: periodSourceText(t, monthSource) }),
    t('sales.basisLine', { basis: t(basis === 'invoices' ? 'sales.basis.invoices' : 'sales.basis.shipments'), asOf: ctx.asOf }),
  ];
  const group = (g: 'related' | 'external') => t(g === 'related' ? 'sales.group.related' : 'sales.group.external');
  const className = (c: string) => t(`sales.class.${c}` as MessageKey);
  const table = (name: string) => safeTableName(`${name}_${month.replace('-', '')}`);
  const totalLabel = () => t('sales.total');
  // A customer's columns: its name and group, with the label of the totals row under the name.
  const customerCols: Column<CustomerSeries, Series>[] = [
    col('customer', t('sales.col.customer'), 'text', 28, (c) => c.name, { total: totalLabel }),
    col('group', t('sales.col.group'), 'text', 10, (c) => group(c.group)),
  ];
  const seriesCols = (k: Tax): Column<CustomerSeries, Series>[] => [
    ...model.months.map((m, i) => colWithTotal<CustomerSeries, Series>(`m${i}`, m, 'money', 13, (s) => money(s.months[i][k]))),
    colWithTotal<CustomerSeries, Series>('total', t('sales.col.total'), 'money', 15, (s) => money(s.total[k])),
  ];

  const customersByTax = (k: Tax) => ({
    name: table(k === 'net' ? 'Sales_Customers_Net' : 'Sales_Customers_Gross'),
    caption: t(k === 'net' ? 'sales.caption.net' : 'sales.caption.gross'),
    ...tableBody([...customerCols, ...seriesCols(k)], model.customers, model.totals),
  });

  // One row per month of the window (by its index); the totals row sums the window.
  const classTableByTax = (k: Tax) => ({
    name: table(k === 'net' ? 'Sales_Classes_Net' : 'Sales_Classes_Gross'),
    caption: t(k === 'net' ? 'sales.caption.net' : 'sales.caption.gross'),
    ...tableBody<number, null>(
      [
        col('month', t('sales.col.month'), 'text', 10, (i) => model.months[i], { total: totalLabel }),
        ...model.classes.map((c) => col<number, null>(c.goodsClass, className(c.goodsClass), 'money', 13, (i) => money(c.months[i][k]), { total: () => money(c.total[k]) })),
        col<number, null>('total', t('sales.col.total'), 'money', 15, (i) => money(model.totals.months[i][k]), { total: () => money(model.totals.total[k]) }),
      ],
      model.months.map((_, i) => i),
      null,
    ),
  });

  const [related, external] = model.groups;
  const groupsTable = {
    name: table('Sales_Groups'),
    ...tableBody<number>(
      [
        col('month', t('sales.col.month'), 'text', 10, (i) => model.months[i]),
        col('relatedNet', `${t('sales.group.related')}·${t('sales.tax.net')}`, 'money', 15, (i) => money(related.months[i].net)),
        col('externalNet', `${t('sales.group.external')}·${t('sales.tax.net')}`, 'money', 15, (i) => money(external.months[i].net)),
        col('totalNet', `${t('sales.total')}·${t('sales.tax.net')}`, 'money', 15, (i) => money(model.totals.months[i].net)),
        col('relatedGross', `${t('sales.group.related')}·${t('sales.tax.gross')}`, 'money', 15, (i) => money(related.months[i].gross)),
        col('externalGross', `${t('sales.group.external')}·${t('sales.tax.gross')}`, 'money', 15, (i) => money(external.months[i].gross)),
        col('totalGross', `${t('sales.total')}·${t('sales.tax.gross')}`, 'money', 15, (i) => money(model.totals.months[i].gross)),
        col('relatedShare', t('sales.col.relatedShare'), 'rate', 10, (i) => {
          const total = model.totals.months[i];
          return total.net > 0 ? related.months[i].net / total.net : none;
        }),
      ],
      model.months.map((_, i) => i),
    ),
  };

  /**
   * Month `i` of a series against the month before and the same month a year earlier. A comparison month with no
   * sales has no figure to compare with: '—', never ¥0.00 (which reads as "sales stopped").
   */
  const changeCols = <R extends Series>(at: (row: R) => number, k: (row: R) => Tax, keySuffix = ''): Column<R, R>[] => {
    const cur = (s: R) => s.months[at(s)][k(s)];
    const prev = (s: R) => (at(s) > 0 ? s.months[at(s) - 1][k(s)] : null);
    const ly = (s: R) => s.priorYear[at(s)][k(s)];
    const both = (key: string, header: string, type: ColumnType, width: number, cell: (s: R) => OutValue) => colWithTotal<R, R>(`${key}${keySuffix}`, header, type, width, cell);
    return [
      both('current', t('sales.col.current'), 'money', 15, (s) => money(cur(s))),
      both('previous', t('sales.col.previous'), 'money', 15, (s) => {
        const p = prev(s);
        return p === null || p === 0 ? none : money(p);
      }),
      both('mom', t('sales.col.mom'), 'rate', 9, (s) => {
        const p = prev(s);
        return p === null ? none : rateOrDash(change(cur(s), p), none);
      }),
      both('lastYear', t('sales.col.lastYear'), 'money', 15, (s) => (ly(s) === 0 ? none : money(ly(s)))),
      both('yoy', t('sales.col.yoy'), 'rate', 9, (s) => rateOrDash(change(cur(s), ly(s)), none)),
    ];
  };
  // The trend: the window's totals month by month, net and gross, the net compared.
  type TrendMonth = Series & { i: number };
  const trendTable = {
    name: table('Sales_Trend'),
    ...tableBody<TrendMonth, TrendMonth>(
      [
        col('month', t('sales.col.month'), 'text', 10, (r) => model.months[r.i]),
        col('net', t('sales.col.net'), 'money', 15, (r) => money(r.months[r.i].net)),
        col('gross', t('sales.col.gross'), 'money', 15, (r) => money(r.months[r.i].gross)),
        ...changeCols<TrendMonth>((r) => r.i, () => 'net', 'Net').slice(1),
      ],
      model.months.map((_, i) => ({ ...model.totals, i })),
    ),
  };
  const ytdCols = <R extends Series>(): Column<R, R>[] => [
    colWithTotal<R, R>('ytd', t('sales.col.ytd'), 'money', 15, (s) => money(s.ytd[tax])),
    colWithTotal<R, R>('ytdPrior', t('sales.col.ytdPrior'), 'money', 15, (s) => (s.ytdPrior[tax] === 0 ? none : money(s.ytdPrior[tax]))),
    colWithTotal<R, R>('ytdChange', t('sales.col.ytdChange'), 'rate', 10, (s) => rateOrDash(change(s.ytd[tax], s.ytdPrior[tax]), none)),
  ];
  const customerChanges = {
    name: table('Sales_Changes'),
    caption: `${t('sales.caption.customersYtd')}（${t(tax === 'net' ? 'sales.tax.net' : 'sales.tax.gross')}）`,
    ...tableBody<CustomerSeries, Series>(
      [...customerCols, ...changeCols<Series>(() => n - 1, () => tax), ...ytdCols<Series>()],
      model.customers,
      model.totals,
    ),
  };

  const ranked = [...model.customers].sort((a, b) => b.months[n - 1][tax] - a.months[n - 1][tax] || b.ytd[tax] - a.ytd[tax]);
  const monthTotal = model.totals.months[n - 1][tax];
  const ytdTotal = model.totals.ytd[tax];
  const topTable = {
    name: table('Sales_Top'),
    ...tableBody<[CustomerSeries, number]>(
      [
        col('rank', t('sales.col.rank'), 'integer', 6, ([, i]) => i + 1),
        col('customer', t('sales.col.customer'), 'text', 28, ([c]) => c.name),
        col('group', t('sales.col.group'), 'text', 10, ([c]) => group(c.group)),
        col('net', t('sales.col.net'), 'money', 15, ([c]) => money(c.months[n - 1].net)),
        col('gross', t('sales.col.gross'), 'money', 15, ([c]) => money(c.months[n - 1].gross)),
        col('share', t('sales.col.share'), 'rate', 9, ([c]) => (monthTotal > 0 ? c.months[n - 1][tax] / monthTotal : none)),
        col('ytd', t('sales.col.ytd'), 'money', 15, ([c]) => money(c.ytd[tax])),
        col('ytdShare', t('sales.col.ytdShare'), 'rate', 9, ([c]) => (ytdTotal > 0 ? c.ytd[tax] / ytdTotal : none)),
      ],
      ranked.map((c, i): [CustomerSeries, number] => [c, i]),
    ),
  };

  const summary: SummaryLine[] = [];
  return [
    { name: t('sales.sheet.customers'), purpose: 'sales', title: title('sales.heading.customers'), summary, tables: [customersByTax('net'), customersByTax('gross')] },
    {
      name: t('sales.sheet.classes'),
      purpose: 'sales',
      // Where an invoice's class split is an estimate, the sheet says so next to the figures it affects.
      title: [...title('sales.heading.classes'), ...(estimatedSplits ? [t('sales.line.estimatedClass', { count: estimatedSplits, month })] : [])],
      tables: [classTableByTax('net'), classTableByTax('gross')],
      charts: [{ kind: 'column', title: t('sales.chart.mix'), table: classTableByTax('net').name, categories: 'month', series: model.classes.map((c) => c.goodsClass) }],
    },
    {
      name: t('sales.sheet.groups'),
      purpose: 'sales',
      title: title('sales.heading.groups'),
      tables: [groupsTable],
      charts: [{ kind: 'column', title: t('sales.chart.groups'), table: groupsTable.name, categories: 'month', series: ['relatedNet', 'externalNet'] }],
    },
    {
      name: t('sales.sheet.changes'),
      purpose: 'sales',
      title: title('sales.heading.changes'),
      tables: [trendTable, customerChanges],
      charts: [{ kind: 'line', title: t('sales.chart.trend'), table: trendTable.name, categories: 'month', series: ['net'] }],
    },
    { name: t('sales.sheet.top'), purpose: 'sales', title: title('sales.heading.top', { month: monthLabel(month, ctx.lang) }), tables: [topTable] },
  ];
}
