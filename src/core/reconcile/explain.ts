import type { PartyDirectory } from '../parties';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { IsoDate, PriceFen } from '../values/brand';
import { normalizeCode, normalizeDocNo } from '../values/text';
import type { SourceRef } from './scope';

/** What the clerk's other ledgers say about a difference: the agreed price, a return on our side. */

export interface RefPrice {
  kind: 'contract' | 'quote';
  no: string;
  price: PriceFen;
  source: SourceRef;
}

export interface ReturnRef {
  no: string;
  date?: IsoDate;
  qty: number;
  source: SourceRef;
}

export interface Explainer {
  /** The contract price (by contract no. + part), else the latest quote price for the customer and part. */
  refPrice(contractNo: string | undefined, partyKey: string, part: string | undefined, date: IsoDate | undefined): RefPrice | undefined;
  /** Returns against a delivery note and part (and, without a note, by customer and part in the period). */
  returns(deliveryNo: string | undefined, part: string | undefined): ReturnRef[];
}

export function buildExplainer(tables: readonly AnyTypedTable[], directory: PartyDirectory): Explainer {
  const contracts = new Map<string, RefPrice>();
  for (const t of tablesOf(tables, 'contracts')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const price = f.unitPriceWithTax ?? f.unitPrice;
      if (!f.contractNo || !f.part || price === undefined) continue;
      const k = `${normalizeCode(f.contractNo)}|${normalizeCode(f.part)}`;
      if (!contracts.has(k)) contracts.set(k, { kind: 'contract', no: f.contractNo, price, source: { sheet: t.sheet, row: sourceRow } });
    }
  }
  const quotes = new Map<string, { ref: RefPrice; date?: IsoDate }[]>();
  for (const t of tablesOf(tables, 'quotes')) {
    for (const { fields: f, sourceRow } of t.rows) {
      const price = f.taxIncluded === false ? f.unitPriceWithTax : (f.unitPriceWithTax ?? f.unitPrice);
      if (!f.customer || !f.part || price === undefined) continue;
      const k = `${directory.resolve(f.customer).key}|${normalizeCode(f.part)}`;
      let list = quotes.get(k);
      if (!list) quotes.set(k, (list = []));
      list.push({ ref: { kind: 'quote', no: f.quoteNo ?? '', price, source: { sheet: t.sheet, row: sourceRow } }, date: f.date });
    }
  }
  const returns = new Map<string, ReturnRef[]>();
  for (const t of tablesOf(tables, 'returns')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.deliveryNo || !f.part) continue;
      const k = `${normalizeDocNo(f.deliveryNo)}|${normalizeCode(f.part)}`;
      let list = returns.get(k);
      if (!list) returns.set(k, (list = []));
      list.push({ no: f.returnNo ?? '', date: f.date, qty: Math.abs(f.quantity ?? 0), source: { sheet: t.sheet, row: sourceRow } });
    }
  }
  return {
    refPrice(contractNo, partyKey, part, date) {
      if (!part) return undefined;
      const p = normalizeCode(part);
      if (contractNo) {
        const c = contracts.get(`${normalizeCode(contractNo)}|${p}`);
        if (c) return c;
      }
      const list = quotes.get(`${partyKey}|${p}`);
      if (!list) return undefined;
      // the latest quote on or before the date (any, when none is dated that early)
      let best: { ref: RefPrice; date?: IsoDate } | undefined;
      for (const q of list) {
        if (date && q.date && q.date > date) continue;
        if (!best || (q.date ?? '') > (best.date ?? '')) best = q;
      }
      return (best ?? list[list.length - 1]).ref;
    },
    returns(deliveryNo, part) {
      if (!deliveryNo || !part) return [];
      return returns.get(`${normalizeDocNo(deliveryNo)}|${normalizeCode(part)}`) ?? [];
    },
  };
}
