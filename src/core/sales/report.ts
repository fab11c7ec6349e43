import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { ColumnSpec, OutValue, SheetSpec, SummaryLine } from '../sheet-spec';
import { column, money, safeTableName } from '../report/build';
import type { IsoMonth } from '../values/brand';
import { formatFen } from '../values/money';
import { periodSourceText, type PeriodSource } from '../period';
import { change, type SalesModel, type Series } from './aggregate';
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
  const monthCols = (): ColumnSpec[] => model.months.map((m, i) => column(`m${i}`, m, 'money', 13));
  const group = (g: 'related' | 'external') => t(g === 'related' ? 'sales.group.related' : 'sales.group.external');
  const className = (c: string) => t(`sales.class.${c}` as MessageKey);
  const seriesRow = (s: Series, k: Tax): OutValue[] => [...s.months.map((a) => money(a[k])), money(s.total[k])];
  const table = (name: string) => safeTableName(`${name}_${month.replace('-', '')}`);

  const customersByTax = (k: Tax) => ({
    name: table(k === 'net' ? 'Sales_Customers_Net' : 'Sales_Customers_Gross'),
    caption: t(k === 'net' ? 'sales.caption.net' : 'sales.caption.gross'),
    columns: [column('customer', t('sales.col.customer'), 'text', 28), column('group', t('sales.col.group'), 'text', 10), ...monthCols(), column('total', t('sales.col.total'), 'money', 15)],
    rows: model.customers.map((c) => [c.name, group(c.group), ...seriesRow(c, k)]),
    totals: [t('sales.total'), null, ...seriesRow(model.totals, k)],
  });

  const classTableByTax = (k: Tax) => ({
    name: table(k === 'net' ? 'Sales_Classes_Net' : 'Sales_Classes_Gross'),
    caption: t(k === 'net' ? 'sales.caption.net' : 'sales.caption.gross'),
    columns: [
      column('month', t('sales.col.month'), 'text', 10),
      ...model.classes.map((c) => column(c.goodsClass, className(c.goodsClass), 'money', 13)),
      column('total', t('sales.col.total'), 'money', 15),
    ],
    rows: model.months.map((m, i) => [m, ...model.classes.map((c) => money(c.months[i][k])), money(model.totals.months[i][k])]),
    totals: [t('sales.total'), ...model.classes.map((c) => money(c.total[k])), money(model.totals.total[k])],
  });

  const [related, external] = model.groups;
  const groupsTable = {
    name: table('Sales_Groups'),
    columns: [
      column('month', t('sales.col.month'), 'text', 10),
      column('relatedNet', `${t('sales.group.related')}·${t('sales.tax.net')}`, 'money', 15),
      column('externalNet', `${t('sales.group.external')}·${t('sales.tax.net')}`, 'money', 15),
      column('totalNet', `${t('sales.total')}·${t('sales.tax.net')}`, 'money', 15),
      column('relatedGross', `${t('sales.group.related')}·${t('sales.tax.gross')}`, 'money', 15),
      column('externalGross', `${t('sales.group.external')}·${t('sales.tax.gross')}`, 'money', 15),
      column('totalGross', `${t('sales.total')}·${t('sales.tax.gross')}`, 'money', 15),
      column('relatedShare', t('sales.col.relatedShare'), 'rate', 10),
    ],
    rows: model.months.map((m, i) => {
      const total = model.totals.months[i];
      return [
        m,
        money(related.months[i].net),
        money(external.months[i].net),
        money(total.net),
        money(related.months[i].gross),
        money(external.months[i].gross),
        money(total.gross),
        total.net > 0 ? related.months[i].net / total.net : none,
      ];
    }),
  };

  const changeRow = (s: Series, i: number, k: Tax): OutValue[] => {
    const cur = s.months[i][k];
    const prev = i > 0 ? s.months[i - 1][k] : null;
    const ly = s.priorYear[i][k];
    // A comparison month with no sales has no figure to compare with: '—', never ¥0.00 (which reads as "sales stopped").
    return [money(cur), prev === null || prev === 0 ? none : money(prev), prev === null ? none : rateOrDash(change(cur, prev), none), ly === 0 ? none : money(ly), rateOrDash(change(cur, ly), none)];
  };
  const changeCols = (): ColumnSpec[] => [
    column('current', t('sales.col.current'), 'money', 15),
    column('previous', t('sales.col.previous'), 'money', 15),
    column('mom', t('sales.col.mom'), 'rate', 9),
    column('lastYear', t('sales.col.lastYear'), 'money', 15),
    column('yoy', t('sales.col.yoy'), 'rate', 9),
  ];
  const trendTable = {
    name: table('Sales_Trend'),
    columns: [column('month', t('sales.col.month'), 'text', 10), column('net', t('sales.col.net'), 'money', 15), column('gross', t('sales.col.gross'), 'money', 15), ...changeCols().slice(1).map((c) => ({ ...c, key: `${c.key}Net` }))],
    rows: model.months.map((m, i) => [m, money(model.totals.months[i].net), money(model.totals.months[i].gross), ...changeRow(model.totals, i, 'net').slice(1)]),
  };
  const ytdCols: ColumnSpec[] = [
    column('ytd', t('sales.col.ytd'), 'money', 15),
    column('ytdPrior', t('sales.col.ytdPrior'), 'money', 15),
    column('ytdChange', t('sales.col.ytdChange'), 'rate', 10),
  ];
  const ytdRow = (s: Series, k: Tax): OutValue[] => [money(s.ytd[k]), s.ytdPrior[k] === 0 ? none : money(s.ytdPrior[k]), rateOrDash(change(s.ytd[k], s.ytdPrior[k]), none)];
  const customerChanges = {
    name: table('Sales_Changes'),
    caption: `${t('sales.caption.customersYtd')}（${t(tax === 'net' ? 'sales.tax.net' : 'sales.tax.gross')}）`,
    columns: [column('customer', t('sales.col.customer'), 'text', 28), column('group', t('sales.col.group'), 'text', 10), ...changeCols(), ...ytdCols],
    rows: model.customers.map((c) => [c.name, group(c.group), ...changeRow(c, n - 1, tax), ...ytdRow(c, tax)]),
    totals: [t('sales.total'), null, ...changeRow(model.totals, n - 1, tax), ...ytdRow(model.totals, tax)],
  };

  const ranked = [...model.customers].sort((a, b) => b.months[n - 1][tax] - a.months[n - 1][tax] || b.ytd[tax] - a.ytd[tax]);
  const monthTotal = model.totals.months[n - 1][tax];
  const ytdTotal = model.totals.ytd[tax];
  const topTable = {
    name: table('Sales_Top'),
    columns: [
      column('rank', t('sales.col.rank'), 'integer', 6),
      column('customer', t('sales.col.customer'), 'text', 28),
      column('group', t('sales.col.group'), 'text', 10),
      column('net', t('sales.col.net'), 'money', 15),
      column('gross', t('sales.col.gross'), 'money', 15),
      column('share', t('sales.col.share'), 'rate', 9),
      column('ytd', t('sales.col.ytd'), 'money', 15),
      column('ytdShare', t('sales.col.ytdShare'), 'rate', 9),
    ],
    rows: ranked.map((c, i) => [
      i + 1,
      c.name,
      group(c.group),
      money(c.months[n - 1].net),
      money(c.months[n - 1].gross),
      monthTotal > 0 ? c.months[n - 1][tax] / monthTotal : none,
      money(c.ytd[tax]),
      ytdTotal > 0 ? c.ytd[tax] / ytdTotal : none,
    ]),
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
