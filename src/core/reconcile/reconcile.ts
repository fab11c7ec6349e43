import type { Party } from '../parties';
import { asFen, type Fen } from '../values/brand';
import { CLASSES, C_AMOUNT_DIFF, C_QTY_DIFF, PASSES, type MatchPass, type ReconClass } from './classes';
import type { Explainer, RefPrice, ReturnRef } from './explain';
import { buildLedger, type Ledger } from './ledger';
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

export type ReconStatus = 'agreed' | 'explained' | 'unexplained';

export interface CounterpartyResult {
  party: Party;
  scope: CounterpartyScope;
  groups: ReconGroup[];
  /** Groups per class (each entry of the JSON `lines`). */
  counts: Record<ReconClass, number>;
  ledger: Ledger;
  status: ReconStatus;
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

export function reconcileCounterparty(scope: CounterpartyScope, options: Partial<MatchOptions>, explainer: Explainer): CounterpartyResult {
  const r: MatchResult = matchLines(scope.ours.map(ourMatchLine), scope.theirs.map(theirMatchLine), options);
  const { start, members } = groupMembers(r);
  const groups: ReconGroup[] = [];
  const counts = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<ReconClass, number>;
  for (let g = 0; g < r.groupCount; g++) {
    const ours: OurLine[] = [];
    const theirs: TheirLine[] = [];
    for (let k = start[g]; k < start[g + 1]; k++) {
      const L = members[k];
      if (L < r.nO) ours.push(scope.ours[L]);
      else theirs.push(scope.theirs[L - r.nO]);
    }
    const oursAmount = asFen(ours.reduce((s, l) => s + l.amount, 0));
    const theirsAmount = asFen(theirs.reduce((s, l) => s + l.amount, 0));
    const group: ReconGroup = {
      cls: CLASSES[r.groupClass[g]],
      pass: PASSES[r.groupPass[g]],
      ours,
      theirs,
      oursAmount,
      theirsAmount,
      difference: asFen(oursAmount - theirsAmount),
      oursQty: qtySum(ours),
      theirsQty: qtySum(theirs),
    };
    const first = ours[0];
    if (r.groupClass[g] === C_AMOUNT_DIFF) {
      const line = first ?? theirs[0];
      group.ref = explainer.refPrice(first?.f.contractNo, scope.party.key, line?.f.part, line?.f.date);
    } else if (r.groupClass[g] === C_QTY_DIFF && first) {
      const rets = ours.flatMap((o) => explainer.returns(o.f.deliveryNo, o.f.part));
      group.returns = rets;
      const returned = rets.reduce((s, x) => s + x.qty, 0);
      group.returnExplains = rets.length > 0 && Math.abs(group.oursQty - returned - group.theirsQty) < 1e-9;
    }
    counts[group.cls]++;
    groups.push(group);
  }
  // Differences first (the clerk's work), then the rest; within a class in the order of their statement / our list.
  const order = (x: ReconGroup) => ['qty-diff', 'amount-diff', 'possible', 'only-theirs', 'duplicate', 'only-ours', 'in-transit', 'matched'].indexOf(x.cls);
  const firstRow = (x: ReconGroup) => (x.theirs[0] ? x.theirs[0].source.row : 1e9 + (x.ours[0]?.source.row ?? 0));
  groups.sort((a, b) => order(a) - order(b) || firstRow(a) - firstRow(b));
  const ledger = buildLedger(
    scope.ours.map((l) => l.amount),
    scope.theirs.map((l) => l.amount),
    r,
  );
  const status: ReconStatus = ledger.unexplained !== 0 ? 'unexplained' : groups.every((x) => x.cls === 'matched' && x.difference === 0) ? 'agreed' : 'explained';
  return { party: scope.party, scope, groups, counts, ledger, status };
}
