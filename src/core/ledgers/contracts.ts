import type { PartyDirectory } from '../parties';
import { readReceivablesBook, settle } from '../receivables/open-items';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { Fen, IsoDate } from '../values/brand';
import { asFen } from '../values/brand';
import { addDays } from '../values/dates';
import { lineAmount } from '../values/money';
import { normalizeCode, normalizeDocNo } from '../values/text';
import { checkReturns } from './returns';

/**
 * Contract execution ledger (合同执行台账): per contract and per line, what was agreed, shipped (handed over),
 * invoiced and received, what remains, and the flags the clerk is judged by.
 */

export type ContractFlag = 'shipped-not-invoiced' | 'invoiced-beyond-contract' | 'shipped-beyond-contract' | 'delivery-overdue' | 'collected-beyond-invoiced' | 'fully-collected';
export type ContractStatus = 'closed' | 'to-collect' | 'to-invoice' | 'in-progress' | 'not-started';

export interface Source {
  sheet: string;
  row: number;
}

export interface ContractLineExec {
  line?: number;
  part: string;
  name?: string;
  quantity: number;
  /** Shipped, net of returns that check out. */
  shippedQty: number;
  /** Handed over, before returns: what the delivery date and the over-shipment tolerance are judged on. */
  deliveredQty: number;
  value: Fen;
  shipped: Fen;
  deliveryDate?: IsoDate;
  flags: ContractFlag[];
  source: Source;
}

export interface ContractExec {
  contractNo: string;
  customer: string;
  signDate?: IsoDate;
  value: Fen;
  shipped: Fen;
  invoiced: Fen;
  received: Fen;
  toShip: Fen;
  toInvoice: Fen;
  toCollect: Fen;
  status: ContractStatus;
  flags: ContractFlag[];
  /** Oldest shipment not covered by an invoice, for shipped-not-invoiced. */
  oldestUninvoiced?: IsoDate;
  lines: ContractLineExec[];
  source: Source;
}

export interface ContractOptions {
  asOf: IsoDate;
  /** Days after a handover by which it should be invoiced. */
  invoiceDays: number;
  /** Shipping more than the contract quantity by more than this fraction is flagged. */
  overShipTolerance: number;
}

const key = (s: string) => normalizeCode(s);

export function contractLedger(tables: readonly AnyTypedTable[], directory: PartyDirectory, options: ContractOptions): ContractExec[] {
  const { asOf } = options;
  const contracts = new Map<string, ContractExec>();
  for (const t of tablesOf(tables, 'contracts')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.contractNo) continue;
      const k = key(f.contractNo);
      let c = contracts.get(k);
      if (!c) {
        c = {
          contractNo: f.contractNo,
          customer: f.customer ? directory.resolve(f.customer).name : '',
          signDate: f.signDate,
          value: asFen(0),
          shipped: asFen(0),
          invoiced: asFen(0),
          received: asFen(0),
          toShip: asFen(0),
          toInvoice: asFen(0),
          toCollect: asFen(0),
          status: 'not-started',
          flags: [],
          lines: [],
          source: { sheet: t.sheet, row: sourceRow },
        };
        contracts.set(k, c);
      }
      const price = f.unitPriceWithTax ?? (f.taxIncluded === false ? undefined : f.unitPrice);
      const value = f.amount ?? (f.quantity !== undefined && price !== undefined ? lineAmount(f.quantity, price) : asFen(0));
      c.value = asFen(c.value + value);
      c.lines.push({ line: f.line, part: f.part ?? '', name: f.name, quantity: f.quantity ?? 0, shippedQty: 0, deliveredQty: 0, value, shipped: asFen(0), deliveryDate: f.deliveryDate, flags: [], source: { sheet: t.sheet, row: sourceRow } });
    }
  }

  // Shipments: by contract number, then by part to the contract's line.
  const shipmentDates = new Map<string, { date: IsoDate; amount: number; part: string; deliveryNo: string }[]>();
  for (const t of tablesOf(tables, 'shipments')) {
    for (const { fields: f } of t.rows) {
      if (!f.contractNo || !f.date || f.date > asOf) continue;
      const c = contracts.get(key(f.contractNo));
      if (!c) continue;
      const line = c.lines.find((l) => f.part && key(l.part) === key(f.part));
      const price = f.unitPriceWithTax ?? f.unitPrice;
      const unitValue = line && line.quantity && Number.isFinite(line.value / line.quantity) ? line.value / line.quantity : undefined;
      const amount = f.amount ?? (f.quantity !== undefined && price !== undefined ? lineAmount(f.quantity, price) : f.quantity !== undefined && unitValue !== undefined ? lineAmount(f.quantity, unitValue) : 0);
      c.shipped = asFen(c.shipped + amount);
      if (line) {
        line.shippedQty += f.quantity ?? 0;
        line.deliveredQty += f.quantity ?? 0;
        line.shipped = asFen(line.shipped + amount);
      }
      const list = shipmentDates.get(c.contractNo) ?? [];
      list.push({ date: f.date, amount, part: key(f.part ?? ''), deliveryNo: f.deliveryNo ? normalizeDocNo(f.deliveryNo) : '' });
      shipmentDates.set(c.contractNo, list);
    }
  }

  // Returns take back what was handed over: a contract's shipped figures are net of them.
  const contractOfDelivery = new Map<string, string>();
  for (const [no, list] of shipmentDates) for (const s of list) if (s.deliveryNo) contractOfDelivery.set(s.deliveryNo, no);
  // Only returns that check out against their shipment are netted; the others are findings of the returns check.
  const valid = new Set(checkReturns(tables, directory).filter((r) => !r.flags.length).map((r) => `${r.source.sheet}!${r.source.row}`));
  for (const t of tablesOf(tables, 'returns')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.date || f.date > asOf || !f.quantity || !valid.has(`${t.sheet}!${sourceRow}`)) continue;
      const dn = f.deliveryNo ? normalizeDocNo(f.deliveryNo) : '';
      const contractNo = f.contractNo ?? contractOfDelivery.get(dn);
      const c = contractNo ? contracts.get(key(contractNo)) : undefined;
      if (!c) continue;
      const part = key(f.part ?? '');
      const line = c.lines.find((l) => key(l.part) === part);
      const unitValue = line && line.quantity && Number.isFinite(line.value / line.quantity) ? line.value / line.quantity : undefined;
      const amount = Math.abs(f.amount ?? (f.unitPrice !== undefined ? lineAmount(f.quantity, f.unitPrice) : unitValue !== undefined ? lineAmount(f.quantity, unitValue) : 0));
      c.shipped = asFen(c.shipped - amount);
      if (line) {
        line.shippedQty -= f.quantity;
        line.shipped = asFen(line.shipped - amount);
      }
      // Net the return off the shipment it came from (else the contract's first shipment of the part).
      const list = shipmentDates.get(c.contractNo) ?? [];
      const from = list.find((s) => dn && s.deliveryNo === dn && s.part === part) ?? list.find((s) => s.part === part) ?? list[0];
      if (from) from.amount -= amount;
    }
  }

  // Invoices and the money received against them (the receivables engine decides what paid what).
  const book = readReceivablesBook(tables, directory, { defaultTermsDays: 0 });
  const settlement = settle(book, asOf);
  for (const item of settlement.items) {
    const c = item.invoice.contractNo ? contracts.get(key(item.invoice.contractNo)) : undefined;
    if (c) c.invoiced = asFen(c.invoiced + item.invoice.amount);
  }
  // Collected means cash: only receipts count. A red-letter invoice settles part of an invoice too, but it reduces
  // what was invoiced (below) and is never money received — counting it both ways made a credited contract look paid.
  for (const a of settlement.applications) {
    if (a.from.kind !== 'receipt') continue;
    const c = a.invoice.contractNo ? contracts.get(key(a.invoice.contractNo)) : undefined;
    if (c) c.received = asFen(c.received + a.amount);
  }
  for (const credit of book.credits) {
    const c = credit.contractNo && credit.date <= asOf ? contracts.get(key(credit.contractNo)) : undefined;
    if (c) c.invoiced = asFen(c.invoiced + credit.amount);
  }

  const cutoff = addDays(asOf, -options.invoiceDays);
  for (const c of contracts.values()) {
    c.toShip = asFen(Math.max(0, c.value - c.shipped));
    c.toInvoice = asFen(Math.max(0, Math.max(c.shipped, c.value) - c.invoiced));
    c.toCollect = asFen(Math.max(0, c.invoiced - c.received));
    for (const line of c.lines) {
      // A return is a quality matter (the returns check, and the money figures), not a delivery still owed.
      if (line.quantity > 0 && line.deliveredQty > line.quantity * (1 + options.overShipTolerance) + 1e-9) line.flags.push('shipped-beyond-contract');
      if (line.deliveryDate && line.deliveryDate < asOf && line.deliveredQty < line.quantity) line.flags.push('delivery-overdue');
    }
    // Invoices cover shipments oldest first; the first shipment left uncovered past the cutoff is late to invoice.
    let covered: number = c.invoiced;
    for (const s of (shipmentDates.get(c.contractNo) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
      if (s.amount <= 0 || covered >= s.amount) {
        covered -= Math.max(0, s.amount);
        continue;
      }
      if (s.date <= cutoff) c.oldestUninvoiced = s.date;
      break;
    }
    if (c.oldestUninvoiced) c.flags.push('shipped-not-invoiced');
    // The delivery tolerance a contract allows applies to invoicing what was delivered, too.
    if (c.invoiced > Math.round(c.value * (1 + options.overShipTolerance)) + 1) c.flags.push('invoiced-beyond-contract');
    for (const f of ['shipped-beyond-contract', 'delivery-overdue'] as const) if (c.lines.some((l) => l.flags.includes(f))) c.flags.push(f);
    // Money beyond what was invoiced net of credits is a real overpayment (or a receipt put on the wrong invoice).
    if (c.received > c.invoiced) c.flags.push('collected-beyond-invoiced');
    const fullyShipped = c.lines.length > 0 && c.lines.every((l) => l.deliveredQty >= l.quantity);
    if ((c.value > 0 && c.received >= c.value) || (fullyShipped && c.invoiced > 0 && c.received >= c.invoiced && c.invoiced >= c.shipped)) {
      c.flags.push('fully-collected');
      c.status = 'closed';
    } else if (c.value > 0 && c.invoiced >= c.value) c.status = 'to-collect';
    else if (fullyShipped) c.status = 'to-invoice';
    else if (c.shipped > 0) c.status = 'in-progress';
    else c.status = 'not-started';
  }
  return [...contracts.values()];
}
