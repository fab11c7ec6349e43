import type { PartyDirectory } from '../parties';
import { tablesOf, type AnyTypedTable } from '../tables/typed-table';
import type { IsoDate } from '../values/brand';
import { diffDays } from '../values/dates';
import { normalizeCode } from '../values/text';
import type { Source } from './contracts';

/** The sample room (样品间): stock on hand per sample, and loans not back by their promised date. */

export interface SampleStock {
  sampleNo: string;
  name?: string;
  customer?: string;
  location?: string;
  onHand: number;
  out: number;
  source: Source;
}

export interface SampleLoan {
  sampleNo: string;
  name?: string;
  borrower?: string;
  customer?: string;
  date?: IsoDate;
  promisedReturn?: IsoDate;
  quantity: number;
  daysOverdue: number;
  source: Source;
}

export interface SampleRoom {
  stock: SampleStock[];
  overdue: SampleLoan[];
  /** Loans still out and not yet due. */
  open: SampleLoan[];
}

export function sampleRoom(tables: readonly AnyTypedTable[], directory: PartyDirectory, asOf: IsoDate): SampleRoom {
  const stock = new Map<string, SampleStock>();
  const loans: (SampleLoan & { left: number; key: string })[] = [];
  const rows = tablesOf(tables, 'samples').flatMap((t) => t.rows.map((r) => ({ f: r.fields, source: { sheet: t.sheet, row: r.sourceRow } })));
  rows.sort((a, b) => ((a.f.date ?? '') < (b.f.date ?? '') ? -1 : (a.f.date ?? '') > (b.f.date ?? '') ? 1 : a.source.row - b.source.row));
  for (const { f, source } of rows) {
    if (!f.sampleNo || (f.date && f.date > asOf)) continue;
    const k = normalizeCode(f.sampleNo);
    let s = stock.get(k);
    if (!s) {
      s = { sampleNo: f.sampleNo, name: f.name, customer: f.customer ? directory.resolve(f.customer).name : undefined, location: f.location, onHand: 0, out: 0, source };
      stock.set(k, s);
    }
    s.name ??= f.name;
    s.location = f.location ?? s.location;
    const qty = f.quantity ?? 1;
    // A row that says neither in nor out but names a borrower is a loan; otherwise a receipt into the room.
    const direction = f.direction ?? (f.borrower || f.promisedReturn ? 'out' : 'in');
    if (direction === 'in') s.onHand += qty;
    else if (direction === 'out') {
      s.onHand -= qty;
      s.out += qty;
      const returnedOnRow = f.returnedDate && f.returnedDate <= asOf;
      if (returnedOnRow) {
        s.onHand += qty;
        s.out -= qty;
      } else {
        loans.push({ key: k, sampleNo: f.sampleNo, name: s.name, borrower: f.borrower, customer: f.customer ? directory.resolve(f.customer).name : f.project, date: f.date, promisedReturn: f.promisedReturn, quantity: qty, left: qty, daysOverdue: 0, source });
      }
    } else {
      s.onHand += qty;
      s.out = Math.max(0, s.out - qty);
      // A return row closes the oldest open loan of the same sample.
      let left = qty;
      for (const loan of loans) {
        if (left <= 0) break;
        if (loan.key !== k || loan.left <= 0) continue;
        const take = Math.min(left, loan.left);
        loan.left -= take;
        left -= take;
      }
    }
  }
  const open = loans.filter((l) => l.left > 0).map(({ key: _k, left, ...l }) => ({ ...l, quantity: left, daysOverdue: l.promisedReturn ? diffDays(l.promisedReturn, asOf) : 0 }));
  return {
    stock: [...stock.values()],
    overdue: open.filter((l) => l.daysOverdue > 0),
    open: open.filter((l) => l.daysOverdue <= 0),
  };
}
