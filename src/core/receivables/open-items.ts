import type { Party, PartyDirectory } from '../parties';
import type { InvoiceRow, ReceiptRow } from '../tables/kinds';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { Fen, IsoDate } from '../values/brand';
import { asFen } from '../values/brand';
import { addDays } from '../values/dates';
import { normalizeCode } from '../values/text';

/**
 * Open items: invoices less receipts, as of a date.
 * - Credit notes (red-letter, negative invoices) first reduce the invoice they name (an invoice number in their
 *   remarks, else the same contract), else the customer's oldest open invoice.
 * - A receipt that names an invoice goes to that invoice; the rest of it, and receipts that name none, go to the
 *   customer's open invoices oldest due first (FIFO).
 * - What is left of a receipt is an unapplied credit.
 * Amounts are integer fen, so "below 0.01 is closed, 0.01 stays open" is simply: 0 fen is closed.
 */

export interface SourceRef {
  sheet: string;
  row: number;
}

export interface Invoice {
  invoiceNo: string;
  party: Party;
  date: IsoDate;
  due: IsoDate;
  /** True when the due date was stated on the invoice rather than derived from terms. */
  dueStated: boolean;
  amount: Fen;
  contractNo?: string;
  remarks?: string;
  source: SourceRef;
}

export interface Receipt {
  receiptNo?: string;
  party: Party;
  date: IsoDate;
  amount: Fen;
  invoiceNo?: string;
  source: SourceRef;
}

export interface Application {
  /** The receipt or credit note that paid. */
  from: { kind: 'receipt' | 'credit'; source: SourceRef; document: string };
  invoice: Invoice;
  amount: Fen;
}

export interface OpenItem {
  invoice: Invoice;
  paid: Fen;
  outstanding: Fen;
}

export interface Unapplied {
  party: Party;
  receipt: Receipt;
  amount: Fen;
  /** Why it could not be applied: no open invoice for the customer, or it named an invoice that does not exist. */
  reason: 'no-invoice' | 'unknown-invoice' | 'overpayment';
}

export interface ReceivablesBook {
  invoices: Invoice[];
  receipts: Receipt[];
  credits: Invoice[];
}

export interface Settlement {
  /** Every positive invoice dated on or before the as-of date, with what is left of it (0 when paid). */
  items: OpenItem[];
  unapplied: Unapplied[];
  applications: Application[];
}

export interface ReceivablesBookOptions {
  /** Terms used when neither the invoice nor the customer master gives any. */
  defaultTermsDays: number;
}

const byDateThenRow = <T extends { date: IsoDate; source: SourceRef }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.source.sheet < b.source.sheet ? -1 : a.source.sheet > b.source.sheet ? 1 : a.source.row - b.source.row;

/** Read invoices and receipts out of the typed tables; rows without the essentials are left to structure's issues. */
export function readReceivablesBook(tables: readonly AnyTypedTable[], directory: PartyDirectory, options: ReceivablesBookOptions): ReceivablesBook {
  const invoices: Invoice[] = [];
  const credits: Invoice[] = [];
  for (const t of tablesOf(tables, 'invoices')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const inv = toInvoice(f, directory, options, { sheet: t.sheet, row: sourceRow });
      if (!inv || inv.amount === 0) continue;
      (inv.amount > 0 ? invoices : credits).push(inv);
    }
  }
  const receipts: Receipt[] = [];
  for (const t of tablesOf(tables, 'receipts')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const r = toReceipt(f, directory, { sheet: t.sheet, row: sourceRow });
      if (r && r.amount !== 0) receipts.push(r);
    }
  }
  return { invoices: invoices.sort(byDateThenRow), credits: credits.sort(byDateThenRow), receipts: receipts.sort(byDateThenRow) };
}

function toInvoice(f: InvoiceRow, directory: PartyDirectory, options: ReceivablesBookOptions, source: SourceRef): Invoice | null {
  if (!f.date || !f.customer || f.amount === undefined) return null;
  const party = directory.resolve(f.customer);
  const terms = f.termsDays ?? party.termsDays ?? options.defaultTermsDays;
  return {
    invoiceNo: f.invoiceNo ?? `${source.sheet}!${source.row}`,
    party,
    date: f.date,
    due: f.dueDate ?? addDays(f.date, terms),
    dueStated: f.dueDate !== undefined,
    amount: f.amount,
    contractNo: f.contractNo,
    remarks: f.remarks,
    source,
  };
}

function toReceipt(f: ReceiptRow, directory: PartyDirectory, source: SourceRef): Receipt | null {
  if (!f.date || !f.customer || f.amount === undefined) return null;
  return { receiptNo: f.receiptNo, party: directory.resolve(f.customer), date: f.date, amount: f.amount, invoiceNo: f.invoiceNo, source };
}

const invoiceKey = (no: string) => normalizeCode(no).replace(/^0+(?=\d)/, '');

/**
 * Apply credits and receipts to invoices dated on or before `asOf`. Receipts count up to `receiptsAsOf`
 * (default `asOf`): the collection rate needs "invoiced by month end, paid before the month began".
 */
export function settle(book: ReceivablesBook, asOf: IsoDate, receiptsAsOf: IsoDate = asOf): Settlement {
  const items: OpenItem[] = book.invoices
    .filter((i) => i.date <= asOf)
    .map((invoice) => ({ invoice, paid: asFen(0), outstanding: invoice.amount }));
  // FIFO order: oldest due first, then oldest invoice.
  const byParty = new Map<string, OpenItem[]>();
  for (const item of [...items].sort((a, b) => (a.invoice.due < b.invoice.due ? -1 : a.invoice.due > b.invoice.due ? 1 : byDateThenRow(a.invoice, b.invoice)))) {
    const list = byParty.get(item.invoice.party.key) ?? [];
    list.push(item);
    byParty.set(item.invoice.party.key, list);
  }
  const byNo = new Map<string, OpenItem>();
  for (const item of items) byNo.set(invoiceKey(item.invoice.invoiceNo), item);

  const applications: Application[] = [];
  const unapplied: Unapplied[] = [];
  const pay = (item: OpenItem, amount: number, from: Application['from']): number => {
    const take = Math.min(amount, item.outstanding);
    if (take <= 0) return 0;
    item.outstanding = asFen(item.outstanding - take);
    item.paid = asFen(item.paid + take);
    applications.push({ from, invoice: item.invoice, amount: asFen(take) });
    return take;
  };
  // Per party, the first item that may still be open: paid-off items at the front are never looked at again,
  // which keeps FIFO linear in the number of invoices rather than invoices × receipts.
  const cursor = new Map<string, number>();
  const fifo = (partyKey: string, amount: number, from: Application['from']): number => {
    let left = amount;
    const list = byParty.get(partyKey) ?? [];
    let i = cursor.get(partyKey) ?? 0;
    while (i < list.length && list[i].outstanding <= 0) i++;
    cursor.set(partyKey, i);
    for (let j = i; j < list.length && left > 0; j++) left -= pay(list[j], left, from);
    return left;
  };

  // Credit notes first: they cancel what was invoiced, before any money is counted against it.
  for (const credit of book.credits.filter((c) => c.date <= asOf)) {
    const from = { kind: 'credit' as const, source: credit.source, document: credit.invoiceNo };
    let left = -credit.amount;
    const named = findNamedInvoice(credit, byNo, byParty.get(credit.party.key) ?? []);
    if (named) left -= pay(named, left, from);
    left = fifo(credit.party.key, left, from);
    if (left > 0) {
      unapplied.push({
        party: credit.party,
        receipt: { party: credit.party, date: credit.date, amount: credit.amount, source: credit.source, receiptNo: credit.invoiceNo },
        amount: asFen(left),
        reason: 'overpayment',
      });
    }
  }

  for (const receipt of book.receipts.filter((r) => r.date <= receiptsAsOf)) {
    const from = { kind: 'receipt' as const, source: receipt.source, document: receipt.receiptNo ?? receipt.invoiceNo ?? `${receipt.source.sheet}!${receipt.source.row}` };
    if (receipt.amount < 0) {
      // A refund or reversal: shown as a negative credit, never applied to invoices.
      unapplied.push({ party: receipt.party, receipt, amount: receipt.amount, reason: 'overpayment' });
      continue;
    }
    let left: number = receipt.amount;
    let namedMissing = false;
    if (receipt.invoiceNo) {
      const named = byNo.get(invoiceKey(receipt.invoiceNo));
      if (named && named.invoice.party.key === receipt.party.key) left -= pay(named, left, from);
      else namedMissing = true;
    }
    left = fifo(receipt.party.key, left, from);
    if (left > 0) {
      const hasInvoices = (byParty.get(receipt.party.key) ?? []).length > 0;
      unapplied.push({
        party: receipt.party,
        receipt,
        amount: asFen(left),
        reason: namedMissing ? 'unknown-invoice' : hasInvoices ? 'overpayment' : 'no-invoice',
      });
    }
  }
  return { items, unapplied, applications };
}

function findNamedInvoice(credit: Invoice, byNo: Map<string, OpenItem>, partyItems: OpenItem[]): OpenItem | undefined {
  const words = (credit.remarks ?? '').normalize('NFKC').match(/[A-Za-z0-9-]{6,}/g) ?? [];
  for (const w of words) {
    const item = byNo.get(invoiceKey(w));
    if (item && item.invoice.party.key === credit.party.key && item.outstanding > 0) return item;
  }
  if (credit.contractNo) {
    const c = normalizeCode(credit.contractNo);
    return partyItems.find((i) => i.outstanding > 0 && i.invoice.contractNo && normalizeCode(i.invoice.contractNo) === c);
  }
  return undefined;
}

/** Foreign-currency rows: receivables are in yuan, so these are refused unless converted first. */
export function foreignCurrencyRows(tables: readonly AnyTypedTable[]): SourceRef[] {
  const isYuan = (c?: string) => !c || /^(cny|rmb|人民币|元|¥|￥|人民币元)$/i.test(c.normalize('NFKC').trim());
  const out: SourceRef[] = [];
  for (const t of tablesOf(tables, 'invoices')) for (const r of t.rows) if (!isYuan(r.fields.currency)) out.push({ sheet: t.sheet, row: r.sourceRow });
  for (const t of tablesOf(tables, 'receipts')) for (const r of t.rows) if (!isYuan(r.fields.currency)) out.push({ sheet: t.sheet, row: r.sourceRow });
  return out;
}
