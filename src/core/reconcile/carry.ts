import type { CarriedInTransit } from '../state';
import { normalizeCode, normalizeDocNo } from '../values/text';
import type { Period } from '../period';
import type { CounterpartyResult } from './reconcile';
import type { OurLine } from './scope';

/**
 * In transit, carried forward: our lines in transit at the end of a period are remembered in the state sheet as
 * what to expect on the next statement; when a later statement books them (a prior-period pair) they are ticked
 * off, and those still not booked are listed again. Pure: the state in, the next state out.
 */

export interface CarriedStatus {
  line: CarriedInTransit;
  /** Booked on this period's statement. */
  arrived: boolean;
}

const lineKey = (x: { deliveryNo?: string; part?: string; date?: string; amount: number }): string =>
  `${x.deliveryNo ? normalizeDocNo(x.deliveryNo) : ''}|${x.part ? normalizeCode(x.part) : ''}|${x.date ?? ''}|${x.amount}`;

const ourKey = (l: OurLine): string => lineKey({ deliveryNo: l.f.deliveryNo, part: l.f.part, date: l.f.date, amount: l.amount });

/** Carried lines of earlier periods, per party, each ticked when this period's statement booked it. */
export function tickCarried(carried: readonly CarriedInTransit[], period: Period, results: readonly CounterpartyResult[]): Map<string, CarriedStatus[]> {
  const out = new Map<string, CarriedStatus[]>();
  for (const r of results) {
    const booked = new Set(r.groups.filter((g) => g.cls === 'prior-period').flatMap((g) => g.ours.map(ourKey)));
    const mine = carried.filter((c) => c.party === r.party.key && c.periodEnd < period.from && (!c.arrived || c.arrived === period.label));
    if (mine.length) out.set(r.party.key, mine.map((line) => ({ line, arrived: booked.has(lineKey(line)) })));
  }
  return out;
}

/** The next state's carried lines: this period's in-transit lines replace any earlier run of the same period; ticks recorded. */
export function nextCarried(carried: readonly CarriedInTransit[], period: Period, results: readonly CounterpartyResult[], ticks: Map<string, CarriedStatus[]>): CarriedInTransit[] {
  const arrivedNow = new Set([...ticks.values()].flat().filter((s) => s.arrived).map((s) => s.line));
  const kept = carried
    .filter((c) => c.period !== period.label)
    .map((c) => (arrivedNow.has(c) ? { ...c, arrived: period.label } : c.arrived === period.label && !arrivedNow.has(c) ? { ...c, arrived: undefined } : c));
  const fresh: CarriedInTransit[] = results.flatMap((r) =>
    r.groups
      .filter((g) => g.cls === 'in-transit')
      .flatMap((g) => g.ours)
      .map((l) => ({ party: r.party.key, period: period.label, periodEnd: period.to, deliveryNo: l.f.deliveryNo, part: l.f.part, date: l.f.date ?? '', amount: l.amount })),
  );
  return [...kept, ...fresh];
}
