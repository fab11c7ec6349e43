import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { SheetSpec } from '../sheet-spec';
import { money, safeTableName, sourceLink } from '../report/build';
import { col, colWithTotal, tableBody, via, type Column } from '../report/columns';
import type { CustomerGroup } from '../tables/kinds';
import { asFen } from '../values/brand';
import { formatFen } from '../values/money';
import type { AbnormalItem } from './abnormal';
import { bucketLabel, type AgedItem, type AgingBasis, type AgingRow, type AgingTable, type Bucket } from './aging';
import type { CollectionResult, CollectionRow } from './collection';
import type { Settlement } from './open-items';
import type { PlanCustomer, PlanLine, ReceivablesPlan } from './plan';

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

/** A row of a by-group table: the group (or the total), how many customers it sums, and its figures. */
interface GroupRow<F> {
  label: string;
  count: number;
  figures: F;
}

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
  // The aging figures of a row (a customer, a group, the total), declared once for every aging table.
  const agingCols: Column<AgingRow, AgingRow>[] = [
    colWithTotal('outstanding', t('receivables.col.outstanding'), 'money', 15, (r: AgingRow) => money(r.outstanding)),
    colWithTotal('notDue', t('receivables.col.notDue'), 'money', 13, (r: AgingRow) => money(r.notDue)),
    ...m.buckets.map((_, i) => colWithTotal(`b${i}`, label(i), 'money', 13, (r: AgingRow) => money(r.buckets[i]))),
  ];
  const totalLabel = () => t('receivables.total');
  /** The three rows of a by-group table: each group with how many customers it sums, then the total. */
  const groupRows = <F>(customers: readonly { group: CustomerGroup }[], groups: Record<CustomerGroup, F>, total: F): GroupRow<F>[] => [
    { label: groupName('related'), count: countOf(customers, 'related'), figures: groups.related },
    { label: groupName('external'), count: countOf(customers, 'external'), figures: groups.external },
    { label: t('receivables.total'), count: customers.length, figures: total },
  ];
  const groupCols = <F>(): Column<GroupRow<F>>[] => [
    col('group', t('receivables.col.group'), 'text', 28, (g) => g.label),
    col('customers', t('documents.col.customerCount'), 'integer', 10, (g) => g.count),
  ];
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
        ...tableBody<AgingTable['customers'][number], AgingRow>(
          [
            col('customer', t('receivables.col.customer'), 'text', 28, (c) => c.name, { total: totalLabel }),
            col('group', t('receivables.col.group'), 'text', 10, (c) => groupName(c.group)),
            ...via(agingCols, (c: AgingTable['customers'][number]) => c.row, (total: AgingRow) => total),
          ],
          m.aging.customers,
          m.aging.total,
        ),
      },
      {
        name: name('Aging_Groups'),
        caption: t('receivables.caption.byGroup'),
        ...tableBody([...groupCols<AgingRow>(), ...via(agingCols, (g: GroupRow<AgingRow>) => g.figures)], groupRows(m.aging.customers, m.aging.groups, m.aging.total)),
      },
      {
        name: name('Aging_Chart'),
        caption: t('receivables.caption.chart'),
        ...tableBody<{ label: string; amount: number | null }>(
          [col('label', t('receivables.col.label'), 'text', 12, (r) => r.label), col('amount', t('receivables.col.outstanding'), 'money', 15, (r) => r.amount)],
          [{ label: t('receivables.notDue'), amount: money(m.aging.total.notDue) }, ...m.buckets.map((_, i) => ({ label: label(i), amount: money(m.aging.total.buckets[i]) }))],
        ),
      },
      {
        name: name('Aging_Items'),
        caption: t('receivables.caption.items'),
        ...tableBody<AgedItem>(
          [
            col('source', t('receivables.col.source'), 'link', 14, (a) => sourceLink(a.item.invoice.source.sheet, a.item.invoice.source.row)),
            col('customer', t('receivables.col.customer'), 'text', 28, (a) => a.item.invoice.party.name),
            col('invoice', t('receivables.col.invoice'), 'text', 14, (a) => a.item.invoice.invoiceNo),
            col('date', t('receivables.col.date'), 'date', undefined, (a) => a.item.invoice.date),
            col('due', t('receivables.col.due'), 'date', undefined, (a) => a.item.invoice.due),
            col('amount', t('receivables.col.amount'), 'money', 14, (a) => money(a.item.invoice.amount)),
            col('paid', t('receivables.col.paid'), 'money', 14, (a) => money(a.item.paid)),
            col('outstanding', t('receivables.col.outstanding'), 'money', 14, (a) => money(a.item.outstanding)),
            // Days past due, or since the invoice on that basis; an item not yet due shows days until due, never a negative age.
            col('days', t(m.basis === 'due' ? 'receivables.col.daysOverdue' : 'receivables.col.daysSinceInvoice'), 'integer', 8, (a) =>
              m.basis === 'due' ? (a.daysOverdue > 0 ? a.daysOverdue : null) : a.days,
            ),
            col('untilDue', t('receivables.col.daysUntilDue'), 'integer', 8, (a) => (a.daysOverdue < 0 ? -a.daysOverdue : a.daysOverdue === 0 ? 0 : null)),
            col('bucket', t('receivables.col.bucket'), 'text', 12, (a) => (a.bucket < 0 ? t('receivables.notDue') : label(a.bucket))),
          ],
          [...m.aged].sort((a, b) => b.days - a.days),
        ),
      },
    ],
    charts: [{ kind: 'column', title: t('receivables.chart.aging'), table: name('Aging_Chart'), categories: 'label', series: ['amount'] }],
  };

  const status = (r: CollectionRow) => (r.planned === 0 ? t('receivables.status.nothing') : r.met ? t('receivables.status.met') : t('receivables.status.missed'));
  const collectionCols: Column<CollectionRow, CollectionRow>[] = [
    col('planned', t('receivables.col.planned'), 'money', 14, (r) => money(r.planned)),
    col('received', t('receivables.col.received'), 'money', 14, (r) => money(r.received)),
    col('rate', t('receivables.col.rate'), 'rate', 11, (r) => r.rate ?? none),
    col('target', t('receivables.col.target'), 'rate', 8, (r) => r.target),
    col('status', t('receivables.col.status'), 'text', 10, status),
    col('opening', t('receivables.col.opening'), 'money', 14, (r) => money(r.opening)),
    col('invoiced', t('receivables.col.invoiced'), 'money', 14, (r) => money(r.invoiced)),
    col('balanceRate', t('receivables.col.balanceRate'), 'rate', 11, (r) => r.balanceRate ?? none),
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
        ...tableBody<CollectionResult['customers'][number]>(
          [col('customer', t('receivables.col.customer'), 'text', 28, (r) => r.name), col('group', t('receivables.col.group'), 'text', 10, (r) => groupName(r.group)), ...via(collectionCols, (r: CollectionRow) => r)],
          c.customers,
        ),
        highlights: statusHighlights,
      },
      {
        name: name('Collection_Groups'),
        caption: t('receivables.caption.byGroup'),
        ...tableBody([...groupCols<CollectionRow>(), ...via(collectionCols, (g: GroupRow<CollectionRow>) => g.figures)], groupRows(c.customers, c.groups, c.total)),
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
        ...tableBody<PlanCustomer, ReceivablesPlan['total']>(
          [
            col('customer', t('receivables.col.customer'), 'text', 28, (x) => x.name, { total: totalLabel }),
            col('group', t('receivables.col.group'), 'text', 10, (x) => groupName(x.group)),
            colWithTotal('overdue', t('receivables.col.overdue'), 'money', 14, (x: ReceivablesPlan['total']) => money(x.overdue)),
            colWithTotal('dueNext', t('receivables.col.dueNext'), 'money', 14, (x: ReceivablesPlan['total']) => money(x.dueNext)),
            colWithTotal('total', t('receivables.col.planTotal'), 'money', 15, (x: ReceivablesPlan['total']) => money(x.total)),
          ],
          p.customers,
          p.total,
        ),
      },
      {
        name: name('Plan_Items'),
        caption: t('receivables.caption.items'),
        ...tableBody<{ x: PlanCustomer; l: PlanLine }>(
          [
            col('source', t('receivables.col.source'), 'link', 14, ({ l }) => sourceLink(l.item.invoice.source.sheet, l.item.invoice.source.row)),
            col('customer', t('receivables.col.customer'), 'text', 28, ({ x }) => x.name),
            col('invoice', t('receivables.col.invoice'), 'text', 14, ({ l }) => l.item.invoice.invoiceNo),
            col('date', t('receivables.col.date'), 'date', undefined, ({ l }) => l.item.invoice.date),
            col('due', t('receivables.col.due'), 'date', undefined, ({ l }) => l.item.invoice.due),
            col('outstanding', t('receivables.col.outstanding'), 'money', 14, ({ l }) => money(l.item.outstanding)),
            col('category', t('receivables.col.category'), 'text', 10, ({ l }) => t(`receivables.category.${l.category}` as MessageKey)),
          ],
          p.customers.flatMap((x) => x.lines.map((l) => ({ x, l }))),
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
        ...tableBody<{ a: AbnormalItem; text: ReturnType<typeof abnormalText> }>(
          [
            col('kind', t('receivables.col.kind'), 'text', 18, ({ text }) => text.kind),
            col('customer', t('receivables.col.customer'), 'text', 28, ({ a }) => a.party.name),
            col('document', t('receivables.col.document'), 'link', 16, ({ a }) => (a.source ? sourceLink(a.source.sheet, a.source.row, 1, a.document || `${a.source.sheet}!A${a.source.row}`) : a.document)),
            col('amount', t('receivables.col.amount'), 'money', 14, ({ a }) => money(a.amount)),
            col('days', t('receivables.col.days'), 'integer', 7, ({ a }) => a.days ?? null),
            col('description', t('receivables.col.description'), 'text', 36, ({ text }) => text.description),
            col('action', t('receivables.col.action'), 'text', 44, ({ text }) => text.action),
          ],
          m.abnormal.map((a) => ({ a, text: abnormalText(a, ctx, m.overdueDays) })),
        ),
      },
    ],
  };
  return [agingSheet, collectionSheet, planSheet, abnormalSheet];
}
