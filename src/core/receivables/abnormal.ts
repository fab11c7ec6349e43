import type { Party } from '../parties';
import type { Fen, IsoDate } from '../values/brand';
import { asFen } from '../values/brand';
import type { AgedItem } from './aging';
import type { Application, Receipt, Settlement, SourceRef } from './open-items';

/** The abnormal items (异常款项) the clerk reports each month, each with a suggested action. */

export type AbnormalKind =
  | 'overdue-90'
  | 'receipt-no-invoice'
  | 'receipt-unmatched-amount'
  | 'overpayment'
  | 'partial-overdue'
  | 'beyond-terms';

export const ABNORMAL_KINDS: readonly AbnormalKind[] = ['overdue-90', 'partial-overdue', 'beyond-terms', 'receipt-no-invoice', 'receipt-unmatched-amount', 'overpayment'];

export interface AbnormalItem {
  kind: AbnormalKind;
  party: Party;
  /** Invoice or receipt number; for a customer-level item, empty. */
  document: string;
  amount: Fen;
  /** Days past due, where it applies. */
  days?: number;
  date?: IsoDate;
  source?: SourceRef;
}

export interface AbnormalOptions {
  /** Overdue beyond this many days is abnormal (default 90). */
  overdueDays: number;
}

export function findAbnormal(settlement: Settlement, aged: readonly AgedItem[], receipts: readonly Receipt[], asOf: IsoDate, options: AbnormalOptions): AbnormalItem[] {
  const out: AbnormalItem[] = [];
  for (const a of aged) {
    const inv = a.item.invoice;
    if (a.item.outstanding <= 0) continue;
    if (a.daysOverdue > options.overdueDays) {
      out.push({ kind: 'overdue-90', party: inv.party, document: inv.invoiceNo, amount: a.item.outstanding, days: a.daysOverdue, date: inv.due, source: inv.source });
    } else if (a.daysOverdue > 0 && a.item.paid > 0) {
      out.push({ kind: 'partial-overdue', party: inv.party, document: inv.invoiceNo, amount: a.item.outstanding, days: a.daysOverdue, date: inv.due, source: inv.source });
    }
  }

  // Customers past their terms: everything overdue, summed per customer, with the oldest days.
  const beyond = new Map<string, { party: Party; amount: number; days: number }>();
  for (const a of aged) {
    if (a.item.outstanding <= 0 || a.daysOverdue <= 0) continue;
    const p = a.item.invoice.party;
    const e = beyond.get(p.key) ?? { party: p, amount: 0, days: 0 };
    e.amount += a.item.outstanding;
    e.days = Math.max(e.days, a.daysOverdue);
    beyond.set(p.key, e);
  }
  for (const e of beyond.values()) out.push({ kind: 'beyond-terms', party: e.party, document: '', amount: asFen(e.amount), days: e.days });

  for (const u of settlement.unapplied) {
    if (u.reason === 'overpayment') {
      out.push({ kind: 'overpayment', party: u.party, document: docOf(u.receipt), amount: u.amount, date: u.receipt.date, source: u.receipt.source });
    } else {
      out.push({ kind: 'receipt-no-invoice', party: u.party, document: docOf(u.receipt), amount: u.amount, date: u.receipt.date, source: u.receipt.source });
    }
  }

  // A receipt without an invoice number that pays no whole set of invoices and equals no invoice amount.
  // What each application found already paid on its invoice, in one pass (applications are in the order made).
  const paidBefore = new Map<Application, number>();
  const paidSoFar = new Map<unknown, number>();
  for (const app of settlement.applications) {
    const before = paidSoFar.get(app.invoice) ?? 0;
    paidBefore.set(app, before);
    paidSoFar.set(app.invoice, before + app.amount);
  }
  const appsByReceipt = new Map<string, Application[]>();
  for (const app of settlement.applications) {
    if (app.from.kind !== 'receipt') continue;
    const k = `${app.from.source.sheet}!${app.from.source.row}`;
    const list = appsByReceipt.get(k) ?? [];
    list.push(app);
    appsByReceipt.set(k, list);
  }
  const amountsByParty = new Map<string, Set<number>>();
  for (const item of settlement.items) {
    const set = amountsByParty.get(item.invoice.party.key) ?? new Set<number>();
    set.add(item.invoice.amount);
    amountsByParty.set(item.invoice.party.key, set);
  }
  for (const r of receipts) {
    if (r.invoiceNo || r.amount <= 0 || r.date > asOf) continue;
    const apps = appsByReceipt.get(`${r.source.sheet}!${r.source.row}`) ?? [];
    if (!apps.length) continue; // unapplied receipts are reported above
    const closesWhole = apps.every((app) => app.amount === app.invoice.amount - (paidBefore.get(app) ?? 0));
    const equalsAnInvoice = amountsByParty.get(r.party.key)?.has(r.amount) ?? false;
    if (!closesWhole && !equalsAnInvoice) {
      out.push({ kind: 'receipt-unmatched-amount', party: r.party, document: docOf(r), amount: r.amount, date: r.date, source: r.source });
    }
  }
  const order = new Map(ABNORMAL_KINDS.map((k, i) => [k, i] as const));
  return out.sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || b.amount - a.amount);
}

const docOf = (r: Receipt): string => r.receiptNo ?? r.invoiceNo ?? `${r.source.sheet}!${r.source.row}`;
