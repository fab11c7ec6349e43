import { asFen, type Fen } from '../values/brand';
import { CLASSES, C_DUPLICATE, type ReconClass } from './classes';
import type { MatchResult } from './match';

/**
 * The reconciliation statement (调节表): from their statement total, add or subtract each explained item by class,
 * and arrive at our total. Every line contributes once — ours with +amount, theirs with −amount — to the row of its
 * class, so theirs + Σ rows = ours exactly when every line is classed. The unexplained remainder is computed from
 * the two totals independently of the rows, so a line left out or counted twice shows up there. All in integer fen.
 */

export const ADJUSTMENT_ITEMS = ['only-ours', 'in-transit', 'only-theirs', 'prior-period', 'duplicate-theirs', 'duplicate-ours', 'qty-diff', 'amount-diff', 'possible', 'matched'] as const;
export type AdjustmentItem = (typeof ADJUSTMENT_ITEMS)[number];

export interface AdjustmentRow {
  item: AdjustmentItem;
  /** Lines behind the row, per side: each 笔数 counts the lines of one stated side, so the columns add up to the totals. */
  oursCount: number;
  theirsCount: number;
  /** Signed adjustment, fen. */
  amount: Fen;
}

export interface AdjustmentTable {
  theirsTotal: Fen;
  oursTotal: Fen;
  rows: AdjustmentRow[];
  /** theirsTotal + Σ rows. */
  adjusted: Fen;
  /** oursTotal − adjusted: 0 when every line is classed. */
  unexplained: Fen;
}

const itemOf = (cls: number, ours: boolean): AdjustmentItem | undefined => {
  if (cls === C_DUPLICATE) return ours ? 'duplicate-ours' : 'duplicate-theirs';
  const c = CLASSES[cls] as ReconClass | undefined;
  return c && c !== 'duplicate' ? c : undefined;
};

function exact(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError('money sum exceeds the exact range');
  return asFen(n);
}

/** The 调节表 of one counterparty from its lines' amounts (fen) and the matcher's classes. */
export function buildAdjustmentTable(oursAmounts: ArrayLike<number>, theirsAmounts: ArrayLike<number>, r: MatchResult): AdjustmentTable {
  let oursTotal = 0;
  let theirsTotal = 0;
  for (let i = 0; i < oursAmounts.length; i++) oursTotal += oursAmounts[i];
  for (let j = 0; j < theirsAmounts.length; j++) theirsTotal += theirsAmounts[j];
  const sums = new Map<AdjustmentItem, { ours: number; theirs: number; amount: number }>(ADJUSTMENT_ITEMS.map((i) => [i, { ours: 0, theirs: 0, amount: 0 }]));
  const n = r.nO + r.nT;
  for (let L = 0; L < n; L++) {
    const ours = L < r.nO;
    const item = itemOf(r.cls[L], ours);
    if (!item) continue; // unclassed: left out on purpose, so the remainder shows it
    const s = sums.get(item)!;
    if (ours) s.ours++;
    else s.theirs++;
    s.amount += ours ? oursAmounts[L] : -theirsAmounts[L - r.nO];
  }
  const rows = ADJUSTMENT_ITEMS.map((item) => {
    const x = sums.get(item)!;
    return { item, oursCount: x.ours, theirsCount: x.theirs, amount: exact(x.amount + 0) };
  });
  const adjusted = exact(theirsTotal + rows.reduce((s, row) => s + row.amount, 0));
  return { theirsTotal: exact(theirsTotal), oursTotal: exact(oursTotal), rows, adjusted, unexplained: exact(oursTotal - adjusted + 0) };
}
