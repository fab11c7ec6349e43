import type { PartyDirectory } from '../parties';
import type { CustomerGroup, GoodsClass } from '../tables/kinds';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { Fen, IsoDate, IsoMonth, Rate } from '../values/brand';
import { asFen } from '../values/brand';
import { monthOf } from '../values/dates';
import { roundHalfAwayFromZero } from '../values/money';
import { normalizeCode, normalizeDocNo } from '../values/text';
import { allocate, classIndex, invoiceClasses } from './class-split';

/** What counts as a sale: invoices (the default, what finance books) or shipments (what left the gate). */
export type SalesBasis = 'invoices' | 'shipments';

/** Both tax bases of one amount. */
export interface Amount {
  net: Fen;
  gross: Fen;
}

export interface SalesLine {
  month: IsoMonth;
  partyKey: string;
  partyName: string;
  group: CustomerGroup;
  goodsClass: GoodsClass;
  amount: Amount;
  source: { sheet: string; row: number };
  /** True when no tax rate was known and the default rate was assumed to split net from gross. */
  assumedRate: boolean;
  /** True when this is a class's share of an invoice split pro rata (its lines did not add up to it). */
  estimatedClass?: boolean;
}

/** The rate assumed when a line, its contract and its shipment are all silent: the standard VAT rate for goods. */
export const DEFAULT_TAX_RATE = 0.13 as Rate;

interface ContractFacts {
  goodsClass?: GoodsClass;
  taxRate?: Rate;
}

/** Goods class and tax rate by contract number and by delivery note, so an invoice can borrow what it lacks. */
function lookupFacts(tables: readonly AnyTypedTable[]) {
  const byContract = new Map<string, ContractFacts>();
  for (const t of tablesOf(tables, 'contracts')) {
    for (const { fields } of t.rows) {
      if (!fields.contractNo) continue;
      const key = normalizeCode(fields.contractNo);
      const facts = byContract.get(key) ?? {};
      facts.goodsClass ??= fields.goodsClass;
      facts.taxRate ??= fields.taxRate;
      byContract.set(key, facts);
    }
  }
  const byDelivery = new Map<string, ContractFacts>();
  for (const t of tablesOf(tables, 'shipments')) {
    for (const { fields } of t.rows) {
      if (!fields.deliveryNo) continue;
      const key = normalizeDocNo(fields.deliveryNo);
      const facts = byDelivery.get(key) ?? {};
      facts.goodsClass ??= fields.goodsClass ?? (fields.contractNo ? byContract.get(normalizeCode(fields.contractNo))?.goodsClass : undefined);
      facts.taxRate ??= fields.taxRate;
      byDelivery.set(key, facts);
    }
  }
  return {
    contract: (no?: string) => (no ? byContract.get(normalizeCode(no)) : undefined),
    delivery: (no?: string) => (no ? byDelivery.get(normalizeDocNo(no)) : undefined),
  };
}

/**
 * Split an amount into net and gross from whatever the row states: both; gross and tax; gross and a rate;
 * net and a rate; otherwise gross with the default rate (flagged as assumed).
 */
export function splitAmount(
  given: { gross?: Fen; net?: Fen; tax?: Fen; rate?: Rate },
): { amount: Amount; assumedRate: boolean } | null {
  const { gross, net, tax, rate } = given;
  if (gross !== undefined && net !== undefined) return { amount: { gross, net }, assumedRate: false };
  if (gross !== undefined && tax !== undefined) return { amount: { gross, net: asFen(gross - tax) }, assumedRate: false };
  if (net !== undefined && tax !== undefined) return { amount: { gross: asFen(net + tax), net }, assumedRate: false };
  if (gross !== undefined) {
    const r = rate ?? DEFAULT_TAX_RATE;
    return { amount: { gross, net: asFen(roundHalfAwayFromZero(gross / (1 + r))) }, assumedRate: rate === undefined };
  }
  if (net !== undefined) {
    const r = rate ?? DEFAULT_TAX_RATE;
    return { amount: { net, gross: asFen(roundHalfAwayFromZero(net * (1 + r))) }, assumedRate: rate === undefined };
  }
  return null;
}

const negate = (a: Amount): Amount => ({ net: asFen(-a.net || 0), gross: asFen(-a.gross || 0) });

export function salesLines(tables: readonly AnyTypedTable[], directory: PartyDirectory, basis: SalesBasis): SalesLine[] {
  const facts = lookupFacts(tables);
  const lines: SalesLine[] = [];
  const push = (
    date: IsoDate | undefined,
    customer: string | undefined,
    goodsClass: GoodsClass | undefined,
    split: ReturnType<typeof splitAmount>,
    source: { sheet: string; row: number },
    sign: 1 | -1,
  ) => {
    if (!date || !customer || !split) return;
    const party = directory.resolve(customer);
    lines.push({
      month: monthOf(date),
      partyKey: party.key,
      partyName: party.name,
      group: party.group,
      goodsClass: goodsClass ?? 'other',
      amount: sign === 1 ? split.amount : negate(split.amount),
      source,
      assumedRate: split.assumedRate,
    });
  };

  if (basis === 'invoices') {
    const classes = classIndex(tables);
    // Red-letter invoices are negative rows: a return invoiced back nets in its own month by itself.
    for (const t of tablesOf(tables, 'invoices')) {
      for (const { fields: f, sourceRow } of t.rows) {
        const borrowed = facts.contract(f.contractNo) ?? facts.delivery(f.deliveryNo);
        const split = splitAmount({ gross: f.amount, net: f.amountNet, tax: f.tax, rate: f.taxRate ?? borrowed?.taxRate });
        const by = invoiceClasses(classes, f);
        const source = { sheet: t.sheet, row: sourceRow };
        if (!split || !by || by.shares.length < 2) {
          push(f.date, f.customer, by?.shares[0]?.goodsClass ?? borrowed?.goodsClass, split, source, 1);
          continue;
        }
        // One invoice, several classes: split by its lines, both tax bases divided the same way to the fen.
        const weights = by.shares.map((x) => x.weight);
        const gross = allocate(split.amount.gross, weights);
        const net = allocate(split.amount.net, weights);
        by.shares.forEach((x, i) => {
          const before = lines.length;
          push(f.date, f.customer, x.goodsClass, { amount: { gross: gross[i], net: net[i] }, assumedRate: split.assumedRate }, source, 1);
          if (by.estimated && lines.length > before) lines[before].estimatedClass = true;
        });
      }
    }
    return lines;
  }

  for (const t of tablesOf(tables, 'shipments')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const contract = facts.contract(f.contractNo);
      const gross = f.amount ?? (f.quantity !== undefined && (f.unitPriceWithTax ?? f.unitPrice) !== undefined
        ? asFen(roundHalfAwayFromZero(f.quantity * (f.unitPriceWithTax ?? f.unitPrice)!))
        : undefined);
      const net = f.amountNet ?? (gross === undefined && f.quantity !== undefined && f.unitPriceNet !== undefined
        ? asFen(roundHalfAwayFromZero(f.quantity * f.unitPriceNet))
        : undefined);
      const split = splitAmount({ gross, net, rate: f.taxRate ?? contract?.taxRate });
      push(f.date, f.customer, f.goodsClass ?? contract?.goodsClass, split, { sheet: t.sheet, row: sourceRow }, 1);
    }
  }
  // On the shipment basis a return is netted in the month it comes back.
  for (const t of tablesOf(tables, 'returns')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const original = facts.delivery(f.deliveryNo);
      const contract = facts.contract(f.contractNo);
      const gross = f.amount ?? (f.quantity !== undefined && f.unitPrice !== undefined ? asFen(roundHalfAwayFromZero(f.quantity * f.unitPrice)) : undefined);
      const split = splitAmount({ gross: gross === undefined ? undefined : asFen(Math.abs(gross)), rate: original?.taxRate ?? contract?.taxRate });
      push(f.date, f.customer, original?.goodsClass ?? contract?.goodsClass, split, { sheet: t.sheet, row: sourceRow }, -1);
    }
  }
  return lines;
}
