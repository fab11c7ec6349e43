import type { PartyDirectory } from '../parties';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { Fen, IsoDate, PriceFen } from '../values/brand';
import { normalizeCode, normalizeDocNo } from '../values/text';
import type { Source } from './contracts';

/** Each return (退货) against the shipment it came from. */

export type ReturnFlag = 'return-no-shipment' | 'return-exceeds-shipped' | 'return-price-above-original';

export interface ReturnCheck {
  returnNo?: string;
  date?: IsoDate;
  customer?: string;
  deliveryNo?: string;
  part?: string;
  quantity: number;
  price?: Fen;
  shippedQty?: number;
  returnedBefore: number;
  originalPrice?: Fen;
  flags: ReturnFlag[];
  source: Source;
  shipmentSource?: Source;
}

const unitPriceOf = (f: { unitPrice?: PriceFen; unitPriceWithTax?: PriceFen; amount?: Fen; quantity?: number }): number | undefined =>
  f.unitPriceWithTax ?? f.unitPrice ?? (f.amount !== undefined && f.quantity && Number.isFinite(f.amount / f.quantity) ? f.amount / f.quantity : undefined);

export function checkReturns(tables: readonly AnyTypedTable[], directory: PartyDirectory): ReturnCheck[] {
  const shipments = new Map<string, { qty: number; price?: number; source: Source }>();
  const byDelivery = new Set<string>();
  for (const t of tablesOf(tables, 'shipments')) {
    for (const { fields: f, sourceRow } of t.rows) {
      if (!f.deliveryNo) continue;
      const dn = normalizeDocNo(f.deliveryNo);
      byDelivery.add(dn);
      const k = `${dn}|${normalizeCode(f.part ?? '')}`;
      const prev = shipments.get(k);
      const price = unitPriceOf(f);
      if (prev) {
        prev.qty += f.quantity ?? 0;
        prev.price = prev.price === undefined ? price : price === undefined ? prev.price : Math.max(prev.price, price);
      } else shipments.set(k, { qty: f.quantity ?? 0, price, source: { sheet: t.sheet, row: sourceRow } });
    }
  }
  const rows = tablesOf(tables, 'returns').flatMap((t) => t.rows.map((r) => ({ f: r.fields, source: { sheet: t.sheet, row: r.sourceRow } })));
  rows.sort((a, b) => ((a.f.date ?? '') < (b.f.date ?? '') ? -1 : (a.f.date ?? '') > (b.f.date ?? '') ? 1 : 0));
  const returnedSoFar = new Map<string, number>();
  return rows.map(({ f, source }) => {
    const flags: ReturnFlag[] = [];
    const k = `${normalizeDocNo(f.deliveryNo ?? '')}|${normalizeCode(f.part ?? '')}`;
    const shipment = f.deliveryNo ? shipments.get(k) : undefined;
    const before = returnedSoFar.get(k) ?? 0;
    const qty = f.quantity ?? 0;
    const perUnit = f.amount !== undefined && qty ? Math.abs(f.amount) / qty : undefined;
    // A quantity so small that amount ÷ quantity overflows says nothing about a price.
    const price = f.unitPrice ?? (perUnit !== undefined && Number.isFinite(perUnit) ? perUnit : undefined);
    if (!shipment) flags.push('return-no-shipment');
    else {
      if (before + qty > shipment.qty + 1e-9) flags.push('return-exceeds-shipped');
      if (price !== undefined && shipment.price !== undefined && price > shipment.price + 0.5) flags.push('return-price-above-original');
    }
    returnedSoFar.set(k, before + qty);
    return {
      returnNo: f.returnNo,
      date: f.date,
      customer: f.customer ? directory.resolve(f.customer).name : undefined,
      deliveryNo: f.deliveryNo,
      part: f.part,
      quantity: qty,
      price: price === undefined ? undefined : (Math.round(price) as Fen),
      shippedQty: shipment?.qty,
      returnedBefore: before,
      originalPrice: shipment?.price === undefined ? undefined : (Math.round(shipment.price) as Fen),
      flags,
      source,
      shipmentSource: shipment?.source,
    };
  });
}
