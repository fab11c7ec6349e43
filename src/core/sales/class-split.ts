import type { GoodsClass } from '../tables/kinds';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import { asFen, type Fen, type PriceFen } from '../values/brand';
import { roundHalfAwayFromZero } from '../values/money';
import { normalizeCode, normalizeDocNo } from '../values/text';

/**
 * Which goods classes an invoice covers, and how much of it each. An invoice row rarely states a class; when it
 * covers a delivery note or a contract with several classes, putting all of it in one class misstates the class
 * mix finance reviews. Finest first: the invoice's own class; the lines of its delivery note; the lines of its
 * contract. Where the lines' total is not the invoice's amount the shares are pro rata — an estimate, said so.
 */

export interface ClassShare {
  goodsClass: GoodsClass;
  /** Weight of this class among the lines (fen of the lines, with tax). */
  weight: number;
}

export interface ClassSplit {
  shares: ClassShare[];
  /** True when the lines do not add up to the invoice, so the shares are proportions rather than the lines' amounts. */
  estimated: boolean;
}

type Weights = Map<GoodsClass, number>;

const lineGross = (f: { amount?: Fen; quantity?: number; unitPriceWithTax?: PriceFen; unitPrice?: PriceFen }): number | undefined => {
  if (f.amount !== undefined) return f.amount;
  const price = f.unitPriceWithTax ?? f.unitPrice;
  return f.quantity !== undefined && price !== undefined ? roundHalfAwayFromZero(f.quantity * price) : undefined;
};

function addWeight(map: Map<string, Weights>, key: string, cls: GoodsClass | undefined, w: number | undefined): void {
  if (!cls || w === undefined) return;
  const m = map.get(key) ?? new Map<GoodsClass, number>();
  m.set(cls, (m.get(cls) ?? 0) + w);
  map.set(key, m);
}

/** Class weights by delivery note (shipment lines) and by contract (contract lines), read once. */
export function classIndex(tables: readonly AnyTypedTable[]) {
  const byContract = new Map<string, Weights>();
  const contractClass = new Map<string, GoodsClass>();
  for (const t of tablesOf(tables, 'contracts')) {
    for (const { fields: f } of t.rows) {
      if (!f.contractNo) continue;
      const key = normalizeCode(f.contractNo);
      addWeight(byContract, key, f.goodsClass, lineGross(f));
      if (f.goodsClass && !contractClass.has(key)) contractClass.set(key, f.goodsClass);
    }
  }
  const byDelivery = new Map<string, Weights>();
  for (const t of tablesOf(tables, 'shipments')) {
    for (const { fields: f } of t.rows) {
      if (!f.deliveryNo) continue;
      const cls = f.goodsClass ?? (f.contractNo ? contractClass.get(normalizeCode(f.contractNo)) : undefined);
      addWeight(byDelivery, normalizeDocNo(f.deliveryNo), cls, lineGross(f));
    }
  }
  return { byContract, byDelivery, contractClass };
}

export type ClassIndex = ReturnType<typeof classIndex>;

const toSplit = (w: Weights, invoiceGross: number | undefined): ClassSplit | undefined => {
  const shares = [...w].filter(([, x]) => x !== 0).map(([goodsClass, weight]) => ({ goodsClass, weight }));
  if (!shares.length) return undefined;
  const total = shares.reduce((s, x) => s + x.weight, 0);
  return { shares, estimated: shares.length > 1 && (invoiceGross === undefined || Math.abs(total) !== Math.abs(invoiceGross)) };
};

/** The classes of one invoice row. */
export function invoiceClasses(
  index: ClassIndex,
  f: { goodsClass?: GoodsClass; deliveryNo?: string; contractNo?: string; amount?: Fen },
): ClassSplit | undefined {
  if (f.goodsClass) return { shares: [{ goodsClass: f.goodsClass, weight: 1 }], estimated: false };
  const notes = (f.deliveryNo ?? '').split(/[、,，;；/\s]+/).filter(Boolean);
  if (notes.length) {
    const w: Weights = new Map();
    for (const n of notes) for (const [c, x] of index.byDelivery.get(normalizeDocNo(n)) ?? []) w.set(c, (w.get(c) ?? 0) + x);
    const split = toSplit(w, f.amount);
    if (split) return split;
  }
  if (f.contractNo) {
    const w = index.byContract.get(normalizeCode(f.contractNo));
    if (w) return toSplit(w, f.amount);
  }
  return undefined;
}

/**
 * Divide an amount among weights in integer fen, the parts adding up to the amount exactly (largest remainder,
 * ties to the earlier part). Weights may be negative only all together (a credit note's lines).
 */
export function allocate(amount: Fen, weights: readonly number[]): Fen[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (total === 0) return weights.map((_, i) => asFen(i === 0 ? amount : 0));
  const sign = amount < 0 ? -1 : 1;
  const abs = Math.abs(amount);
  const exact = weights.map((w) => (abs * w) / total);
  const parts = exact.map((x) => Math.floor(x));
  let rest = abs - parts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k][1]]++;
  return parts.map((p) => asFen(sign * p + 0));
}
