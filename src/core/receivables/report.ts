import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { OutValue, SheetSpec } from '../sheet-spec';
import { column, money, safeTableName, sourceLink } from '../report/build';
import type { CustomerGroup } from '../tables/kinds';
import { asFen } from '../values/brand';
import { formatFen } from '../values/money';
import type { AbnormalItem } from './abnormal';
import { bucketLabel, type AgedItem, type AgingBasis, type AgingRow, type AgingTable, type Bucket } from './aging';
import type { CollectionResult, CollectionRow } from './collection';
import type { Settlement } from './open-items';
import type { ReceivablesPlan } from './plan';

export interface ReceivablesModel {
  basis: AgingBasis;
  buckets: Bucket[];
  aged: AgedItem[];
  aging: AgingTable;
  collection: CollectionResult;
  plan: ReceivablesPlan;
  abnormal: AbnormalItem[];
  settlement: Settlement;
  overdueDays: number;
}

const fmt = (fen: number) => formatFen(asFen(fen), { symbol: true });
/** How many customers of a group a per-group row sums (the by-group tables' second column). */
const countOf = (rows: readonly { group: CustomerGroup }[], group: CustomerGroup): number => rows.filter((r) => r.group === group).length;

export function abnormalText(a: AbnormalItem, ctx: JobContext, overdueDays: number): { kind: string; description: string; action: string } {
  const { t } = ctx;
  const amount = fmt(a.amount);
  const kind = t(`receivables.kind.${a.kind}` as MessageKey, { days: overdueDays });
  const action = t(`receivables.action.${a.kind}` as MessageKey);
  const values = { due: a.date ?? '', date: a.date ?? '', days: a.days ?? 0, amount };
  const descKey: Record<AbnormalItem['kind'], MessageKey> = {
    'overdue-90': 'receivables.desc.overdue',
    'partial-overdue': 'receivables.desc.partial',
    'beyond-terms': 'receivables.desc.beyond',
    'receipt-no-invoice': 'receivables.desc.noInvoice',
    'receipt-unmatched-amount': 'receivables.desc.unmatched',
    overpayment: 'receivables.desc.overpayment',
  };
  return { kind, description: t(descKey[a.kind], values), action };
}

export function receivablesSheets(m: ReceivablesModel, ctx: JobContext): SheetSpec[] {
  const { t } = ctx;
  const none = t('receivables.none');
  const groupName = (g: CustomerGroup) => t(g === 'related' ? 'receivables.group.related' : 'receivables.group.external');
  const tag = ctx.asOf.replace(/-/g, '');
  const name = (base: string) => safeTableName(`${base}_${tag}`);
  const label = (i: number) => bucketLabel(m.buckets[i], m.basis, t);
  const bucketCols = m.buckets.map((_, i) => column(`b${i}`, label(i), 'money', 13));
  const agingValues = (r: AgingRow): OutValue[] => [money(r.outstanding), money(r.notDue), ...r.buckets.map(money)];
  const invoiced = m.settlement.items.reduce((s, i) => s + i.invoice.amount, 0);
  const applied = m.settlement.items.reduce((s, i) => s + i.paid, 0);
  const overdue = m.aged.filter((a) => a.daysOverdue > 0).reduce((s, a) => s + a.item.outstanding, 0);
  const unapplied = m.settlement.unapplied.reduce((s, u) => s + u.amount, 0);

  const agingSheet: SheetSpec = {
    name: t('receivables.sheet.aging'),
    purpose: 'receivables',
    title: [
      t('receivables.heading.aging', { asOf: ctx.asOf }),
      t('receivables.line.basis', { basis: t(m.basis === 'due' ? 'receivables.basis.due' : 'receivables.basis.invoice'), asOf: ctx.asOf }),
      t('receivables.line.tie', { outstanding: fmt(m.aging.total.outstanding), invoiced: fmt(invoiced), applied: fmt(applied) }),
      ...(unapplied ? [t('receivables.line.unapplied', { amount: fmt(unapplied) })] : []),
    ],
    summary: [
      { label: t('receivables.summary.outstanding'), value: money(m.aging.total.outstanding), type: 'money' },
      { label: t('receivables.summary.overdue'), value: money(asFen(overdue)), type: 'money', tone: overdue > 0 ? 'warn' : 'good' },
    ],
    tables: [
      {
        name: name('Aging_Customers'),
        caption: t('receivables.caption.byCustomer'),
        columns: [column('customer', t('receivables.col.customer'), 'text', 28), column('group', t('receivables.col.group'), 'text', 10), column('outstanding', t('receivables.col.outstanding'), 'money', 15), column('notDue', t('receivables.col.notDue'), 'money', 13), ...bucketCols],
        rows: m.aging.customers.map((c) => [c.name, groupName(c.group), ...agingValues(c.row)]),
        totals: [t('receivables.total'), null, ...agingValues(m.aging.total)],
      },
      {
        name: name('Aging_Groups'),
        caption: t('receivables.caption.byGroup'),
        columns: [column('group', t('receivables.col.group'), 'text', 28), column('customers', t('documents.col.customerCount'), 'integer', 10), column('outstanding', t('receivables.col.outstanding'), 'money', 15), column('notDue', t('receivables.col.notDue'), 'money', 13), ...bucketCols],
        rows: [
          [groupName('related'), countOf(m.aging.customers, 'related'), ...agingValues(m.aging.groups.related)],
          [groupName('external'), countOf(m.aging.customers, 'external'), ...agingValues(m.aging.groups.external)],
          [t('receivables.total'), m.aging.customers.length, ...agingValues(m.aging.total)],
        ],
      },
      {
        name: name('Aging_Chart'),
        caption: t('receivables.caption.chart'),
        columns: [column('label', t('receivables.col.label'), 'text', 12), column('amount', t('receivables.col.outstanding'), 'money', 15)],
        rows: [[t('receivables.notDue'), money(m.aging.total.notDue)], ...m.buckets.map((_, i) => [label(i), money(m.aging.total.buckets[i])])],
      },
      {
        name: name('Aging_Items'),
        caption: t('receivables.caption.items'),
        columns: [
          column('source', t('receivables.col.source'), 'link', 14),
          column('customer', t('receivables.col.customer'), 'text', 28),
          column('invoice', t('receivables.col.invoice'), 'text', 14),
          column('date', t('receivables.col.date'), 'date'),
          column('due', t('receivables.col.due'), 'date'),
          column('amount', t('receivables.col.amount'), 'money', 14),
          column('paid', t('receivables.col.paid'), 'money', 14),
          column('outstanding', t('receivables.col.outstanding'), 'money', 14),
          // Days past due, or since the invoice on that basis; an item not yet due shows days until due, never a negative age.
          column('days', t(m.basis === 'due' ? 'receivables.col.daysOverdue' : 'receivables.col.daysSinceInvoice'), 'integer', 8),
          column('untilDue', t('receivables.col.daysUntilDue'), 'integer', 8),
          column('bucket', t('receivables.col.bucket'), 'text', 12),
        ],
        rows: [...m.aged]
          .sort((a, b) => b.days - a.days)
          .map((a) => {
            const inv = a.item.invoice;
            return [sourceLink(inv.source.sheet, inv.source.row), inv.party.name, inv.invoiceNo, inv.date, inv.due, money(inv.amount), money(a.item.paid), money(a.item.outstanding), m.basis === 'due' ? (a.daysOverdue > 0 ? a.daysOverdue : null) : a.days, a.daysOverdue < 0 ? -a.daysOverdue : a.daysOverdue === 0 ? 0 : null, a.bucket < 0 ? t('receivables.notDue') : label(a.bucket)];
          }),
      },
    ],
    charts: [{ kind: 'column', title: t('receivables.chart.aging'), table: name('Aging_Chart'), categories: 'label', series: ['amount'] }],
  };

  const status = (r: CollectionRow) => (r.planned === 0 ? t('receivables.status.nothing') : r.met ? t('receivables.status.met') : t('receivables.status.missed'));
  const collectionValues = (r: CollectionRow): OutValue[] => [money(r.planned), money(r.received), r.rate ?? none, r.target, status(r), money(r.opening), money(r.invoiced), r.balanceRate ?? none];
  const collectionCols = [
    column('planned', t('receivables.col.planned'), 'money', 14),
    column('received', t('receivables.col.received'), 'money', 14),
    column('rate', t('receivables.col.rate'), 'rate', 11),
    column('target', t('receivables.col.target'), 'rate', 8),
    column('status', t('receivables.col.status'), 'text', 10),
    column('opening', t('receivables.col.opening'), 'money', 14),
    column('invoiced', t('receivables.col.invoiced'), 'money', 14),
    column('balanceRate', t('receivables.col.balanceRate'), 'rate', 11),
  ];
  const statusHighlights = [
    { column: 'status', equals: t('receivables.status.missed'), tone: 'bad' as const },
    { column: 'status', equals: t('receivables.status.met'), tone: 'good' as const },
  ];
  const c = m.collection;
  const collectionSheet: SheetSpec = {
    name: t('receivables.sheet.collection'),
    purpose: 'receivables',
    title: [t('receivables.heading.collection', { month: c.month }), t('receivables.line.planDef'), t('receivables.line.balanceDef'), t('receivables.line.targets')],
    summary: [{ label: t('receivables.summary.rate'), value: c.total.rate ?? none, type: 'rate', tone: c.total.met ? 'good' : 'bad' }],
    tables: [
      {
        name: name('Collection_Customers'),
        caption: t('receivables.caption.byCustomer'),
        columns: [column('customer', t('receivables.col.customer'), 'text', 28), column('group', t('receivables.col.group'), 'text', 10), ...collectionCols],
        rows: c.customers.map((r) => [r.name, groupName(r.group), ...collectionValues(r)]),
        highlights: statusHighlights,
      },
      {
        name: name('Collection_Groups'),
        caption: t('receivables.caption.byGroup'),
        columns: [column('group', t('receivables.col.group'), 'text', 28), column('customers', t('documents.col.customerCount'), 'integer', 10), ...collectionCols],
        rows: [
          [groupName('related'), countOf(c.customers, 'related'), ...collectionValues(c.groups.related)],
          [groupName('external'), countOf(c.customers, 'external'), ...collectionValues(c.groups.external)],
          [t('receivables.total'), c.customers.length, ...collectionValues(c.total)],
        ],
        highlights: statusHighlights,
      },
    ],
  };

  const p = m.plan;
  const planSheet: SheetSpec = {
    name: t('receivables.sheet.plan'),
    purpose: 'receivables',
    title: [t('receivables.heading.plan', { month: p.month }), t('receivables.line.planDesc')],
    summary: [{ label: t('receivables.summary.plan'), value: money(p.total.total), type: 'money' }],
    tables: [
      {
        name: name('Plan_Customers'),
        caption: t('receivables.caption.byCustomer'),
        columns: [column('customer', t('receivables.col.customer'), 'text', 28), column('group', t('receivables.col.group'), 'text', 10), column('overdue', t('receivables.col.overdue'), 'money', 14), column('dueNext', t('receivables.col.dueNext'), 'money', 14), column('total', t('receivables.col.planTotal'), 'money', 15)],
        rows: p.customers.map((x) => [x.name, groupName(x.group), money(x.overdue), money(x.dueNext), money(x.total)]),
        totals: [t('receivables.total'), null, money(p.total.overdue), money(p.total.dueNext), money(p.total.total)],
      },
      {
        name: name('Plan_Items'),
        caption: t('receivables.caption.items'),
        columns: [
          column('source', t('receivables.col.source'), 'link', 14),
          column('customer', t('receivables.col.customer'), 'text', 28),
          column('invoice', t('receivables.col.invoice'), 'text', 14),
          column('date', t('receivables.col.date'), 'date'),
          column('due', t('receivables.col.due'), 'date'),
          column('outstanding', t('receivables.col.outstanding'), 'money', 14),
          column('category', t('receivables.col.category'), 'text', 10),
        ],
        rows: p.customers.flatMap((x) =>
          x.lines.map((l) => {
            const inv = l.item.invoice;
            return [sourceLink(inv.source.sheet, inv.source.row), x.name, inv.invoiceNo, inv.date, inv.due, money(l.item.outstanding), t(`receivables.category.${l.category}` as MessageKey)];
          }),
        ),
        highlights: [{ column: 'category', equals: t('receivables.category.overdue'), tone: 'warn' }],
      },
    ],
  };

  const abnormalSheet: SheetSpec = {
    name: t('receivables.sheet.abnormal'),
    purpose: 'receivables',
    title: [t('receivables.heading.abnormal', { asOf: ctx.asOf })],
    summary: [{ label: t('receivables.summary.abnormal'), value: m.abnormal.length, type: 'integer', tone: m.abnormal.length ? 'warn' : 'good' }],
    tables: [
      {
        name: name('Abnormal'),
        columns: [
          column('kind', t('receivables.col.kind'), 'text', 18),
          column('customer', t('receivables.col.customer'), 'text', 28),
          column('document', t('receivables.col.document'), 'link', 16),
          column('amount', t('receivables.col.amount'), 'money', 14),
          column('days', t('receivables.col.days'), 'integer', 7),
          column('description', t('receivables.col.description'), 'text', 36),
          column('action', t('receivables.col.action'), 'text', 44),
        ],
        rows: m.abnormal.map((a) => {
          const text = abnormalText(a, ctx, m.overdueDays);
          const doc: OutValue = a.source ? sourceLink(a.source.sheet, a.source.row, 1, a.document || `${a.source.sheet}!A${a.source.row}`) : a.document;
          return [text.kind, a.party.name, doc, money(a.amount), a.days ?? null, text.description, text.action];
        }),
      },
    ],
  };
  return [agingSheet, collectionSheet, planSheet, abnormalSheet];
}
