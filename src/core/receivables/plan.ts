import type { CustomerGroup } from '../tables/kinds';
import type { Fen, IsoDate, IsoMonth } from '../values/brand';
import { asFen } from '../values/brand';
import { addMonths, firstDayOfMonth, lastDayOfMonth, monthOf } from '../values/dates';
import type { OpenItem } from './open-items';

/** Next month's receivables plan (月度应收款计划): per customer, what is already overdue plus what falls due next month. */

export interface PlanLine {
  item: OpenItem;
  category: 'overdue' | 'due-next';
}

export interface PlanCustomer {
  key: string;
  name: string;
  group: CustomerGroup;
  overdue: Fen;
  dueNext: Fen;
  total: Fen;
  lines: PlanLine[];
}

export interface ReceivablesPlan {
  month: IsoMonth;
  customers: PlanCustomer[];
  total: { overdue: Fen; dueNext: Fen; total: Fen };
}

export function nextMonthPlan(items: readonly OpenItem[], asOf: IsoDate): ReceivablesPlan {
  const month = addMonths(monthOf(asOf), 1);
  const start = firstDayOfMonth(month);
  const end = lastDayOfMonth(month);
  const byParty = new Map<string, PlanCustomer>();
  const total = { overdue: asFen(0), dueNext: asFen(0), total: asFen(0) };
  const sorted = [...items].sort((a, b) => (a.invoice.due < b.invoice.due ? -1 : a.invoice.due > b.invoice.due ? 1 : 0));
  for (const item of sorted) {
    if (item.outstanding <= 0 || item.invoice.due > end) continue;
    const category = item.invoice.due < start ? 'overdue' : 'due-next';
    const p = item.invoice.party;
    let c = byParty.get(p.key);
    if (!c) {
      c = { key: p.key, name: p.name, group: p.group, overdue: asFen(0), dueNext: asFen(0), total: asFen(0), lines: [] };
      byParty.set(p.key, c);
    }
    c.lines.push({ item, category });
    if (category === 'overdue') {
      c.overdue = asFen(c.overdue + item.outstanding);
      total.overdue = asFen(total.overdue + item.outstanding);
    } else {
      c.dueNext = asFen(c.dueNext + item.outstanding);
      total.dueNext = asFen(total.dueNext + item.outstanding);
    }
    c.total = asFen(c.total + item.outstanding);
    total.total = asFen(total.total + item.outstanding);
  }
  const customers = [...byParty.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  return { month, customers, total };
}
