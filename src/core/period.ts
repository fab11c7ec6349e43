/**
 * The one rule for which period a job works on, shared by every door (CLI, task pane, ribbon) because every door
 * runs the jobs through core. With no option given, the period is the one the workbook itself is about, never the
 * clock's month: a clerk closing October in early December wants October.
 *
 *   reconcile    the statements' own period (对账期间 in their title block, else the month their lines fall in);
 *                with no statement, the latest month with shipments up to the as-of date
 *   sales        the latest month with sales up to the as-of date
 *   receivables  ages as of the as-of date; its collection month is the close month (as sales)
 *
 * An explicit option (`period`, `from`/`to`, `month`) always wins.
 */
import type { Json, OptionValues } from './job-definition';
import type { MessageKey, Translate } from './i18n';
import type { StatementRow } from './tables/kinds';
import { tablesOf, type AnyTypedTable, type TypedTable } from './tables/typed-table';
import { asIsoDate, asIsoMonth, type IsoDate, type IsoMonth } from './values/brand';
import { firstDayOfMonth, isIsoDate, isIsoMonth, isValidYmd, lastDayOfMonth, monthOf, ymdToIso } from './values/dates';

export interface Period {
  from: IsoDate;
  to: IsoDate;
  /** 'YYYY-MM' for a whole calendar month, 'from..to' otherwise. */
  label: string;
}

/** Where a period came from, so each door can say it. */
export type PeriodSource = 'option' | 'statement-title' | 'statement-lines' | 'shipments' | 'sales' | 'as-of';

export interface ChosenPeriod {
  period: Period;
  source: PeriodSource;
}

export interface ChosenMonth {
  month: IsoMonth;
  source: PeriodSource;
}

export function monthPeriod(month: IsoMonth): Period {
  return { from: firstDayOfMonth(month), to: lastDayOfMonth(month), label: month };
}

/** A date range as a period; a range that is exactly one calendar month is labelled by its month. */
export function rangePeriod(a: IsoDate, b: IsoDate): Period {
  const [from, to] = a <= b ? [a, b] : [b, a];
  const month = monthOf(from);
  if (from === firstDayOfMonth(month) && to === lastDayOfMonth(month)) return monthPeriod(month);
  return { from, to, label: `${from}..${to}` };
}

export const inPeriod = (d: IsoDate, p: Period): boolean => d >= p.from && d <= p.to;
const overlaps = (a: Period, b: Period): boolean => a.from <= b.to && b.from <= a.to;

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The explicit choice among `period` / `from` / `to`, if any: dates win over the month, as the fields say. */
export function explicitPeriod(options: OptionValues): Period | undefined {
  const from = isIsoDate(text(options.from)) ? asIsoDate(text(options.from)) : undefined;
  const to = isIsoDate(text(options.to)) ? asIsoDate(text(options.to)) : undefined;
  if (from || to) {
    const month = monthOf((from ?? to) as IsoDate);
    return rangePeriod(from ?? firstDayOfMonth(month), to ?? lastDayOfMonth(month));
  }
  const period = text(options.period);
  return isIsoMonth(period) ? monthPeriod(asIsoMonth(period)) : undefined;
}

export function explicitMonth(options: OptionValues): IsoMonth | undefined {
  const m = text(options.month);
  return isIsoMonth(m) ? asIsoMonth(m) : undefined;
}

// A date inside a title line: 2026-10-01, 2026.10.1, 2026/10/01, 2026年10月1日 (digits already half-width).
const DAY = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*[日号]?/g;
// A month alone: 2026年10月, 2026-10, 2026.10 (not followed by another date part).
const MONTH = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*月?(?!\s*(?:[-./]\s*)?\d)/g;
const PERIOD_WORDS = /(对账|对帐|结算|账|帐)?(期间|月份|周期|日期|区间)|period|statement\s*date|from/i;

/** The 对账期间 a title block states ("对账期间：2026-10-01至2026-10-31", "结算期间 2026年10月"), if any. */
export function periodInTitle(lines: readonly string[]): Period | undefined {
  for (const raw of lines) {
    const line = raw.normalize('NFKC');
    if (!PERIOD_WORDS.test(line)) continue;
    // Only the part after the period words: a printing date later on the line is not the period.
    const after = line.slice(line.search(PERIOD_WORDS));
    const days: IsoDate[] = [];
    let firstEnd = 0;
    for (const m of after.matchAll(DAY)) {
      if (!isValidYmd(+m[1], +m[2], +m[3])) continue;
      if (!days.length) firstEnd = (m.index ?? 0) + m[0].length;
      days.push(ymdToIso(+m[1], +m[2], +m[3]));
    }
    if (days.length === 1) {
      // "2026年9月26日至10月25日": the second date takes the first one's year (the next one across a new year).
      const m = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/.exec(after.slice(firstEnd));
      const y = Number(days[0].slice(0, 4));
      if (m && isValidYmd(y, +m[1], +m[2])) {
        const second = ymdToIso(y, +m[1], +m[2]);
        return rangePeriod(days[0], second >= days[0] ? second : ymdToIso(y + 1, +m[1], +m[2]));
      }
    }
    if (days.length >= 2) return rangePeriod(days[0], days[1]);
    const months = [...after.matchAll(MONTH)].filter((m) => +m[2] >= 1 && +m[2] <= 12);
    if (months.length && !days.length) {
      const first = asIsoMonth(`${months[0][1]}-${months[0][2].padStart(2, '0')}`);
      const last = months.length > 1 ? asIsoMonth(`${months[1][1]}-${months[1][2].padStart(2, '0')}`) : first;
      return rangePeriod(firstDayOfMonth(first), lastDayOfMonth(last));
    }
  }
  return undefined;
}

/** The month most of the dates fall in (the later one on a tie), if any date is given. */
export function dominantMonth(dates: Iterable<IsoDate | undefined>): IsoMonth | undefined {
  const counts = new Map<IsoMonth, number>();
  for (const d of dates) if (d) counts.set(monthOf(d), (counts.get(monthOf(d)) ?? 0) + 1);
  let best: IsoMonth | undefined;
  for (const [m, n] of counts) if (!best || n > (counts.get(best) ?? 0) || (n === counts.get(best) && m > best)) best = m;
  return best;
}

/** One statement's own period: its title's 对账期间, else the month its lines fall in. */
export function statementPeriod(table: TypedTable<'statements'>): ChosenPeriod | undefined {
  const titled = periodInTitle(table.titleText ?? []);
  if (titled) return { period: titled, source: 'statement-title' };
  const month = dominantMonth(table.rows.map((r: { fields: StatementRow }) => r.fields.date));
  return month ? { period: monthPeriod(month), source: 'statement-lines' } : undefined;
}

/** The latest month holding one of the dates, up to the as-of date. */
function latestMonthUpTo(dates: Iterable<IsoDate | undefined>, asOf: IsoDate): IsoMonth | undefined {
  let latest: IsoDate | undefined;
  for (const d of dates) if (d && d <= asOf && (!latest || d > latest)) latest = d;
  return latest ? monthOf(latest) : undefined;
}

function* datesOf<K extends 'shipments' | 'invoices'>(tables: readonly AnyTypedTable[], kind: K): Generator<IsoDate | undefined> {
  for (const t of tablesOf(tables, kind)) for (const r of t.rows) yield (r.fields as { date?: IsoDate }).date;
}

/** The period reconcile works on. */
export function reconcilePeriod(tables: readonly AnyTypedTable[], options: OptionValues, asOf: IsoDate): ChosenPeriod {
  const chosen = explicitPeriod(options);
  if (chosen) return { period: chosen, source: 'option' };
  // The latest statement period that has begun by the as-of date (older statements kept in the workbook are last month's).
  const own = tablesOf(tables, 'statements')
    .map(statementPeriod)
    .filter((p): p is ChosenPeriod => p !== undefined);
  const begun = own.filter((p) => p.period.from <= asOf);
  const pick = (begun.length ? begun : own).sort((a, b) => b.period.to.localeCompare(a.period.to) || a.source.localeCompare(b.source))[0];
  if (pick) return pick;
  const shipped = latestMonthUpTo(datesOf(tables, 'shipments'), asOf);
  if (shipped) return { period: monthPeriod(shipped), source: 'shipments' };
  return { period: monthPeriod(monthOf(asOf)), source: 'as-of' };
}

/** Does a statement table belong to the period (its own period overlaps it, or it states none)? */
export function statementInPeriod(table: TypedTable<'statements'>, period: Period): boolean {
  const own = periodInTitle(table.titleText ?? []);
  return !own || overlaps(own, period);
}

/** The month sales reports: the latest month with sales (on the chosen basis) up to the as-of date. */
export function salesMonth(tables: readonly AnyTypedTable[], options: OptionValues, asOf: IsoDate, basis: 'invoices' | 'shipments'): ChosenMonth {
  const chosen = explicitMonth(options);
  if (chosen) return { month: chosen, source: 'option' };
  const latest = latestMonthUpTo(datesOf(tables, basis), asOf);
  return latest ? { month: latest, source: 'sales' } : { month: monthOf(asOf), source: 'as-of' };
}

/** The close month for receivables' collection rate: as sales (invoices, else shipments); aging keeps the as-of date. */
export function closeMonth(tables: readonly AnyTypedTable[], options: OptionValues, asOf: IsoDate): ChosenMonth {
  const chosen = explicitMonth(options);
  if (chosen) return { month: chosen, source: 'option' };
  const latest = latestMonthUpTo(datesOf(tables, 'invoices'), asOf) ?? latestMonthUpTo(datesOf(tables, 'shipments'), asOf);
  return latest ? { month: latest, source: 'sales' } : { month: monthOf(asOf), source: 'as-of' };
}

/** The last business date in the workbook (shipments, statements, invoices, receipts), if any. */
export function dataEnd(tables: readonly AnyTypedTable[]): IsoDate | undefined {
  let end: IsoDate | undefined;
  for (const t of tables) {
    if (t.kind !== 'shipments' && t.kind !== 'statements' && t.kind !== 'invoices' && t.kind !== 'receipts') continue;
    for (const r of t.rows) {
      const d = (r.fields as { date?: IsoDate }).date;
      if (d && (!end || d > end)) end = d;
    }
  }
  return end;
}

const SOURCES: readonly PeriodSource[] = ['option', 'statement-title', 'statement-lines', 'shipments', 'sales', 'as-of'];
const asSource = (v: Json | undefined): PeriodSource => (SOURCES as readonly Json[]).includes(v ?? null) ? (v as PeriodSource) : 'option';

/** "（取自对账单抬头的对账期间）": why this period, in the clerk's language. */
export function periodSourceText(t: Translate, source: PeriodSource): string {
  return t(`period.source.${source}` as MessageKey);
}

type Section = { [key: string]: Json } | undefined;
const sectionOf = (summary: { [key: string]: Json }, key: string): Section => {
  const v = summary[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
};

/**
 * The periods a run used, one line per job that has one, read back from its JSON summary: what the CLI says on
 * stderr and the pane adds to its result line, so that both say exactly what the sheets were built on.
 */
export function periodLines(summary: { [key: string]: Json }, t: Translate): string[] {
  const lines: string[] = [];
  const rec = sectionOf(summary, 'reconcile');
  if (rec && typeof rec.period === 'string') lines.push(t('period.said.reconcile', { period: rec.period, source: periodSourceText(t, asSource(rec.periodSource)) }));
  const sales = sectionOf(summary, 'sales');
  if (sales && typeof sales.month === 'string') lines.push(t('period.said.sales', { month: sales.month, source: periodSourceText(t, asSource(sales.monthSource)) }));
  const rcv = sectionOf(summary, 'receivables');
  if (rcv && typeof rcv.month === 'string' && typeof rcv.asOf === 'string') {
    lines.push(t('period.said.receivables', { asOf: rcv.asOf, month: rcv.month, source: periodSourceText(t, asSource(rcv.monthSource)) }));
  }
  if (typeof summary.dataEnd === 'string' && typeof summary.asOf === 'string' && summary.asOf > summary.dataEnd) {
    lines.push(t('period.said.beyondData', { asOf: summary.asOf, dataEnd: summary.dataEnd }));
  }
  return lines;
}
