import type { Party } from '../parties';
import { isoToEpochDays } from '../values/dates';
import { asFen, type Fen } from '../values/brand';
import { CLASSES, C_AMOUNT_DIFF, C_IN_TRANSIT, C_MATCHED, C_ONLY_OURS, C_ONLY_THEIRS, C_POSSIBLE, C_PRIOR_PERIOD, C_QTY_DIFF, PASSES, type MatchPass, type ReconClass } from './classes';
import type { Explainer, RefPrice, ReturnRef } from './explain';
import { buildAdjustmentTable, type AdjustmentTable } from './adjustment';
import { groupMembers, matchLines, type MatchLine, type MatchOptions, type MatchResult } from './match';
import type { CounterpartyScope, OurLine, TheirLine } from './scope';

/** One counterparty reconciled: the matcher's classes turned into groups of source lines, explained, with the 调节表. */

export interface ReconGroup {
  cls: ReconClass;
  pass: MatchPass;
  ours: OurLine[];
  theirs: TheirLine[];
  oursAmount: Fen;
  theirsAmount: Fen;
  /** ours − theirs. */
  difference: Fen;
  oursQty: number;
  theirsQty: number;
  /** amount-diff: the contract or quote price. */
  ref?: RefPrice;
  /** qty-diff: returns on our side against the note and part. */
  returns?: ReturnRef[];
  /** qty-diff: the returns account for exactly the quantity difference. */
  returnExplains?: boolean;
}

/**
 * agreed: every line matched; explained: differences, none waiting for anyone (in transit, booked late, a quantity
 * difference our returns account for); pending: items wait for confirmation; unexplained: the 调节表 does not close.
 */
export type ReconStatus = 'agreed' | 'explained' | 'pending' | 'unexplained';

/** Does this group wait for someone to confirm or correct it? */
export const isPending = (g: ReconGroup): boolean =>
  g.cls === 'amount-diff' || g.cls === 'only-ours' || g.cls === 'only-theirs' || g.cls === 'duplicate' || g.cls === 'possible' || (g.cls === 'qty-diff' && !g.returnExplains);

export interface CounterpartyResult {
  party: Party;
  scope: CounterpartyScope;
  groups: ReconGroup[];
  /** Groups per class (each entry of the JSON `lines`). */
  counts: Record<ReconClass, number>;
  adjustment: AdjustmentTable;
  status: ReconStatus;
  /** The items waiting for confirmation and the amount at stake (Σ |ours − theirs|, fen). */
  pending: { count: number; amount: Fen };
}

export const ourMatchLine = (l: OurLine): MatchLine => ({ doc: l.f.deliveryNo, part: l.f.part, qty: l.f.quantity, amount: l.amount, date: l.f.date });
export const theirMatchLine = (l: TheirLine): MatchLine => ({
  doc: l.f.docNo ?? l.f.deliveryNo,
  deliveryNo: l.f.docNo ? l.f.deliveryNo : undefined,
  remarks: l.f.remarks,
  part: l.f.part,
  qty: l.f.quantity,
  amount: l.amount,
  date: l.f.date,
});

const qtySum = (lines: { f: { quantity?: number } }[]): number => lines.reduce((s, l) => s + (l.f.quantity ?? 0), 0);

/**
 * Timing differences across periods (上期发货、本期入账): their lines still alone after matching are matched, by the
 * same passes, against our shipments of earlier periods in every shipment sheet. A pair found is no difference to
 * chase: they booked in this period what we shipped in an earlier one (also our in-transit lines of last month).
 * Returns the pairs and marks their lines C_PRIOR_PERIOD in `r`, so the 调节表 takes them out of 仅对方有.
 */
function matchPriorPeriod(scope: CounterpartyScope, r: MatchResult, options: Partial<MatchOptions>): { ours: OurLine[]; theirs: TheirLine[] }[] {
  // Alone, or paired on the amount only: an amount that happens to agree is weaker than last month's note number.
  const alone: number[] = [];
  for (let j = 0; j < r.nT; j++) if (r.cls[r.nO + j] === C_ONLY_THEIRS || r.cls[r.nO + j] === C_POSSIBLE) alone.push(j);
  if (!alone.length || !scope.earlier.length) return [];
  const r2 = matchLines(scope.earlier.map(ourMatchLine), alone.map((j) => theirMatchLine(scope.theirs[j])), { ...options, periodEnd: undefined });
  const { start, members } = groupMembers(r2);
  const pairs: { ours: OurLine[]; theirs: TheirLine[] }[] = [];
  for (let g = 0; g < r2.groupCount; g++) {
    const c = r2.groupClass[g];
    // Agreeing on the amount alone is not enough to call it last month's shipment.
    if (c !== C_MATCHED && c !== C_QTY_DIFF && c !== C_AMOUNT_DIFF) continue;
    const ours: OurLine[] = [];
    const theirs: TheirLine[] = [];
    for (let k = start[g]; k < start[g + 1]; k++) {
      const L = members[k];
      if (L < r2.nO) ours.push(scope.earlier[L]);
      else {
        const j = alone[L - r2.nO];
        theirs.push(scope.theirs[j]);
        r.cls[r.nO + j] = C_PRIOR_PERIOD;
      }
    }
    if (ours.length && theirs.length) pairs.push({ ours, theirs });
  }
  // A line of ours whose amount-only partner turned out to be last month's is alone again: in transit or ours only.
  const end = options.periodEnd ? isoToEpochDays(options.periodEnd) : undefined;
  const transitFrom = end === undefined ? undefined : end - Math.max(0, Math.floor(options.inTransitDays ?? 3));
  const partnerGone = new Set<number>();
  for (let j = 0; j < r.nT; j++) if (r.cls[r.nO + j] === C_PRIOR_PERIOD) partnerGone.add(r.group[r.nO + j]);
  for (let i = 0; i < r.nO; i++) {
    if (r.cls[i] !== C_POSSIBLE || !partnerGone.has(r.group[i])) continue;
    const date = scope.ours[i].f.date;
    const day = date ? isoToEpochDays(date) : undefined;
    r.cls[i] = end !== undefined && transitFrom !== undefined && day !== undefined && day > transitFrom && day <= end ? C_IN_TRANSIT : C_ONLY_OURS;
  }
  return pairs;
}

export function reconcileCounterparty(scope: CounterpartyScope, options: Partial<MatchOptions>, explainer: Explainer): CounterpartyResult {
  const r: MatchResult = matchLines(scope.ours.map(ourMatchLine), scope.theirs.map(theirMatchLine), options);
  const prior = matchPriorPeriod(scope, r, options);
  const { start, members } = groupMembers(r);
  const groups: ReconGroup[] = [];
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<ReconClass, number>;
  const grouped: { cls: ReconClass; pass: MatchPass; ours: OurLine[]; theirs: TheirLine[]; code: number }[] = [];
  for (let g = 0; g < r.groupCount; g++) {
    const ours: OurLine[] = [];
    const theirs: TheirLine[] = [];
    for (let k = start[g]; k < start[g + 1]; k++) {
      const L = members[k];
      if (r.cls[L] === C_PRIOR_PERIOD) continue; // now in a prior-period pair
      if (r.groupClass[g] === C_POSSIBLE && r.cls[L] !== C_POSSIBLE) {
        // Left alone when its amount-only partner went to a prior-period pair.
        grouped.push({ cls: CLASSES[r.cls[L]], pass: 'none', ours: [scope.ours[L]], theirs: [], code: r.cls[L] });
        continue;
      }
      if (L < r.nO) ours.push(scope.ours[L]);
      else theirs.push(scope.theirs[L - r.nO]);
    }
    if (ours.length || theirs.length) grouped.push({ cls: CLASSES[r.groupClass[g]], pass: PASSES[r.groupPass[g]], ours, theirs, code: r.groupClass[g] });
  }
  for (const p of prior) grouped.push({ cls: 'prior-period', pass: 'none', ours: p.ours, theirs: p.theirs, code: C_PRIOR_PERIOD });
  for (const { cls, pass, ours, theirs, code } of grouped) {
    const oursAmount = asFen(ours.reduce((s, l) => s + l.amount, 0));
    const theirsAmount = asFen(theirs.reduce((s, l) => s + l.amount, 0));
    const group: ReconGroup = {
      cls,
      pass,
      ours,
      theirs,
      oursAmount,
      theirsAmount,
      difference: asFen(oursAmount - theirsAmount),
      oursQty: qtySum(ours),
      theirsQty: qtySum(theirs),
    };
    const first = ours[0];
    if (code === C_AMOUNT_DIFF) {
      const line = first ?? theirs[0];
      group.ref = explainer.refPrice(first?.f.contractNo, scope.party.key, line?.f.part, line?.f.date);
    } else if (code === C_QTY_DIFF && first) {
      const rets = ours.flatMap((o) => explainer.returns(o.f.deliveryNo, o.f.part));
      group.returns = rets;
      const returned = rets.reduce((s, x) => s + x.qty, 0);
      group.returnExplains = rets.length > 0 && Math.abs(group.oursQty - returned - group.theirsQty) < 1e-9;
    }
    counts[group.cls]++;
    groups.push(group);
  }
  // Differences first (the clerk's work), then the rest; within a class in the order of their statement / our list.
  const order = (x: ReconGroup) => ['qty-diff', 'amount-diff', 'possible', 'only-theirs', 'duplicate', 'only-ours', 'in-transit', 'prior-period', 'matched'].indexOf(x.cls);
  const firstRow = (x: ReconGroup) => (x.theirs[0] ? x.theirs[0].source.row : 1e9 + (x.ours[0]?.source.row ?? 0));
  groups.sort((a, b) => order(a) - order(b) || firstRow(a) - firstRow(b));
  const adjustment = buildAdjustmentTable(
    scope.ours.map((l) => l.amount),
    scope.theirs.map((l) => l.amount),
    r,
  );
  const waiting = groups.filter(isPending);
  const pending = { count: waiting.length, amount: asFen(waiting.reduce((s, x) => s + Math.abs(x.difference), 0)) };
  const status: ReconStatus =
    adjustment.unexplained !== 0 ? 'unexplained' : groups.every((x) => x.cls === 'matched' && x.difference === 0) ? 'agreed' : pending.count ? 'pending' : 'explained';
  return { party: scope.party, scope, groups, counts, adjustment, status, pending };
}
