import type { CustomerGroup, GoodsClass } from '../tables/kinds';
import type { Fen, IsoMonth } from '../values/brand';
import { asFen } from '../values/brand';
import { addMonths } from '../values/dates';
import type { Amount, SalesLine } from './lines';

/** Sales summed by month for one row of a breakdown (a customer, a class, a group, or the total). */
export interface Series {
  /** One amount per month of the window, oldest first; a month without sales is zero, never missing. */
  months: Amount[];
  /** The same months one year earlier (for year on year). */
  priorYear: Amount[];
  /** January to the chosen month of the chosen year, and of the year before. */
  ytd: Amount;
  ytdPrior: Amount;
  /** Sum over the window. */
  total: Amount;
}

export interface CustomerSeries extends Series {
  key: string;
  name: string;
  group: CustomerGroup;
}

export interface SalesModel {
  /** The 12 months ending in the chosen month. */
  months: IsoMonth[];
  customers: CustomerSeries[];
  classes: ({ goodsClass: GoodsClass } & Series)[];
  groups: ({ group: CustomerGroup } & Series)[];
  totals: Series;
}

export const GOODS_CLASSES: readonly GoodsClass[] = ['batch', 'tooling', 'material', 'finished', 'semi-finished', 'project', 'other'];
const GROUPS: readonly CustomerGroup[] = ['related', 'external'];

const zero = (): Amount => ({ net: asFen(0), gross: asFen(0) });
const add = (a: Amount, b: Amount): Amount => ({ net: asFen(a.net + b.net), gross: asFen(a.gross + b.gross) });

/** The 12 months ending in `month`. */
export const windowMonths = (month: IsoMonth, length = 12): IsoMonth[] =>
  Array.from({ length }, (_, i) => addMonths(month, i - length + 1));

function emptySeries(n: number): Series {
  return {
    months: Array.from({ length: n }, zero),
    priorYear: Array.from({ length: n }, zero),
    ytd: zero(),
    ytdPrior: zero(),
    total: zero(),
  };
}

export function aggregate(lines: readonly SalesLine[], month: IsoMonth): SalesModel {
  const months = windowMonths(month);
  const index = new Map(months.map((m, i) => [m, i] as const));
  const priorIndex = new Map(months.map((m, i) => [addMonths(m, -12), i] as const));
  const year = month.slice(0, 4);
  const priorYear = String(Number(year) - 1).padStart(4, '0');
  const monthNo = month.slice(5, 7);

  const totals = emptySeries(months.length);
  const customers = new Map<string, CustomerSeries>();
  const classes = new Map<GoodsClass, Series>(GOODS_CLASSES.map((c) => [c, emptySeries(months.length)]));
  const groups = new Map<CustomerGroup, Series>(GROUPS.map((g) => [g, emptySeries(months.length)]));

  const addTo = (s: Series, line: SalesLine) => {
    const i = index.get(line.month);
    if (i !== undefined) {
      s.months[i] = add(s.months[i], line.amount);
      s.total = add(s.total, line.amount);
    }
    const p = priorIndex.get(line.month);
    if (p !== undefined) s.priorYear[p] = add(s.priorYear[p], line.amount);
    const ly = line.month.slice(0, 4);
    const lm = line.month.slice(5, 7);
    if (lm <= monthNo) {
      if (ly === year) s.ytd = add(s.ytd, line.amount);
      else if (ly === priorYear) s.ytdPrior = add(s.ytdPrior, line.amount);
    }
  };

  for (const line of lines) {
    let c = customers.get(line.partyKey);
    if (!c) {
      c = { key: line.partyKey, name: line.partyName, group: line.group, ...emptySeries(months.length) };
      customers.set(line.partyKey, c);
    }
    addTo(c, line);
    addTo(classes.get(line.goodsClass) ?? classes.get('other')!, line);
    addTo(groups.get(line.group)!, line);
    addTo(totals, line);
  }

  // Customers with nothing in the window or the year before are not sales of this report.
  const active = [...customers.values()].filter((c) => c.total.gross !== 0 || c.ytdPrior.gross !== 0 || c.priorYear.some((a) => a.gross !== 0));
  active.sort((a, b) => b.total.net - a.total.net || a.name.localeCompare(b.name, 'zh-CN'));
  return {
    months,
    customers: active,
    classes: GOODS_CLASSES.map((goodsClass) => ({ goodsClass, ...classes.get(goodsClass)! })),
    groups: GROUPS.map((group) => ({ group, ...groups.get(group)! })),
    totals,
  };
}

/** (current − previous) ÷ |previous|; null when there is nothing to compare with (shown as "—"). */
export function change(current: Fen, previous: Fen): number | null {
  if (previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}
