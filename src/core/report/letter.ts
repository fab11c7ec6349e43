import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { CounterpartyResult, ReconGroup } from '../reconcile/reconcile';
import type { ReconModel } from '../reconcile/report';
import type { OurLine } from '../reconcile/scope';
import type { SheetSpec, TableSpec } from '../sheet-spec';
import { asFen, type Fen } from '../values/brand';
import { rmbUpper } from '../values/rmb-upper';
import { money, safeSheetName, uniqueName } from './build';
import { col, tableBody, type Column } from './columns';
import type { CompanySettings } from './company';
import { textWidth } from './widths';

/**
 * 对账确认函: one letter per related company with a statement, to print, sign, stamp and send. It faces the other
 * company, so it says everything in business words — documents, dates, quantities, amounts and the reason — and
 * nothing of ours: no links into our workbook, no tolerances, no match passes or class codes. It is built from
 * the reconcile result alone (the same groups and totals as our 调节表) and fits one A4 page.
 */

/** Longest line of running text, in width units: the letter's columns are about this wide. */
const LINE_WIDTH = 96;
/** The reason column wraps past this width, so the letter stays one portrait page wide. */
const REASON_WIDTH = 30;

/** Punctuation that never starts a line (避头点): it stays on the line before, even past the width. */
const NO_LINE_START = /[，。；：、！？）」』”’,.;:!?)]/;

/**
 * Break running text into lines of at most `width` display units (CJK counts two): Chinese at any character
 * (closing punctuation kept with the line before), text in spaced words (English) at the last space that fits.
 */
export function wrapText(text: string, width: number): string[] {
  const spaced = textWidth(text) === [...text].length;
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = textWidth(ch);
    if (w + cw > width && line && !NO_LINE_START.test(ch)) {
      const space = spaced ? line.lastIndexOf(' ') : -1;
      const cut = ch !== ' ' && space > 0 ? space : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
      w = textWidth(line);
      if (ch === ' ' && !line) continue;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const qtyText = (qty: number | undefined, unit: string | undefined): string => (qty === undefined ? '' : `${Number(qty.toFixed(4))}${unit ?? ''}`);

interface Difference {
  doc: string;
  date: string | null;
  part: string;
  ours: Fen;
  theirs: Fen;
  reason: string;
}

function reasonOf(g: ReconGroup, ctx: JobContext): string | null {
  const { t } = ctx;
  const o: OurLine | undefined = g.ours[0];
  const unit = o?.f.unit;
  const key = (k: string) => `documents.letter.reason.${k}` as MessageKey;
  switch (g.cls) {
    case 'only-ours':
      return t(key('only-ours'), { date: o?.f.date ?? '', qty: qtyText(g.oursQty, unit) });
    case 'only-theirs':
      return t(key('only-theirs'), { qty: qtyText(g.theirsQty, unit) });
    case 'qty-diff':
      return t(key('qty-diff'), { ours: qtyText(g.oursQty, unit), theirs: qtyText(g.theirsQty, unit) });
    case 'amount-diff':
      return t(key('amount-diff'), { qty: qtyText(g.oursQty, unit) });
    case 'duplicate':
      return t(key(g.theirs.length > g.ours.length ? 'duplicate-theirs' : 'duplicate-ours'));
    case 'possible':
      return t(key('possible'));
    case 'matched':
      return g.difference !== 0 ? t(key('rounding')) : null;
    default:
      return null;
  }
}

function differencesOf(r: CounterpartyResult, ctx: JobContext): { diffs: Difference[]; timing: Difference[] } {
  const diffs: Difference[] = [];
  const timing: Difference[] = [];
  for (const g of r.groups) {
    const o = g.ours[0];
    const th = g.theirs[0];
    const base = {
      doc: o?.f.deliveryNo ?? th?.f.docNo ?? th?.f.deliveryNo ?? '',
      date: o?.f.date ?? th?.f.date ?? null,
      part: o?.f.part ?? th?.f.part ?? '',
      ours: g.oursAmount,
      theirs: g.theirsAmount,
    };
    if (g.cls === 'in-transit') {
      timing.push({ ...base, reason: ctx.t('documents.letter.reason.in-transit', { date: o?.f.date ?? '' }) });
      continue;
    }
    if (g.cls === 'prior-period') {
      // Shipped by us in an earlier period, booked by them in this one: not in our total for the period, so it
      // explains the whole of their amount.
      timing.push({ ...base, ours: asFen(0), reason: ctx.t('documents.letter.reason.prior-period', { date: o?.f.date ?? '' }) });
      continue;
    }
    const reason = reasonOf(g, ctx);
    if (reason) diffs.push({ ...base, reason });
  }
  const byDate = (a: Difference, b: Difference) => (a.date ?? '').localeCompare(b.date ?? '') || a.doc.localeCompare(b.doc);
  return { diffs: diffs.sort(byDate), timing: timing.sort(byDate) };
}

function letterOf(r: CounterpartyResult, m: ReconModel, ctx: JobContext, company: CompanySettings | undefined, index: number, sheetName: string): SheetSpec {
  const { t } = ctx;
  const { diffs, timing } = differencesOf(r, ctx);
  const theirs = r.adjustment.theirsTotal;
  const ours = r.adjustment.oursTotal;
  const title = [
    t('documents.letter.title'),
    t('documents.letter.to', { name: r.party.name }),
    ...wrapText(t('documents.letter.intro', { from: m.period.from, to: m.period.to }), LINE_WIDTH),
  ];
  if (company) {
    title.push(t('documents.letter.from', { name: company.name }));
    const extra = [
      company.taxNo && t('documents.letter.taxNo', { value: company.taxNo }),
      company.address && t('documents.letter.address', { value: company.address }),
      company.contact && t('documents.letter.contact', { value: company.contact }),
    ].filter((s): s is string => !!s);
    if (extra.length) title.push(extra.join('　'));
  }
  const summary = [
    { label: t('documents.letter.period'), value: t('documents.letter.periodValue', { from: m.period.from, to: m.period.to }) },
    { label: t('documents.letter.theirs'), value: money(theirs), type: 'money' as const },
    { label: t('documents.letter.upper'), value: rmbUpper(theirs) },
    { label: t('documents.letter.ours'), value: money(ours), type: 'money' as const },
    { label: t('documents.letter.upper'), value: rmbUpper(ours) },
    { label: t('documents.letter.difference'), value: money(asFen(ours - theirs)), type: 'money' as const },
  ];
  const name = (part: string) => `Letter${index + 1}_${part}`;
  // The differences and the timing items share their columns, so that together their 差额 make the total one.
  const columns: Column<Difference, readonly Difference[]>[] = [
    col('doc', t('documents.letter.col.doc'), 'text', undefined, (d) => d.doc, { total: () => t('documents.letter.total') }),
    col('date', t('documents.letter.col.date'), 'date', undefined, (d) => d.date),
    col('part', t('documents.letter.col.part'), 'text', undefined, (d) => d.part),
    col('ours', t('documents.letter.col.ours'), 'money', undefined, (d) => money(d.ours), { total: (ds) => money(asFen(sum(ds.map((d) => d.ours)))) }),
    col('theirs', t('documents.letter.col.theirs'), 'money', undefined, (d) => money(d.theirs), { total: (ds) => money(asFen(sum(ds.map((d) => d.theirs)))) }),
    col('diff', t('documents.letter.col.diff'), 'money', undefined, (d) => money(asFen(d.ours - d.theirs)), { total: (ds) => money(asFen(sum(ds.map((d) => d.ours - d.theirs)))) }),
    col('reason', t('documents.letter.col.reason'), 'text', undefined, (d) => d.reason, { wrapAt: REASON_WIDTH }),
  ];
  const tables: TableSpec[] = [];
  if (diffs.length) {
    tables.push({ name: name('Diff'), caption: t('documents.letter.caption.diffs', { n: diffs.length }), ...tableBody(columns, diffs, diffs) });
  } else title.push(t('documents.letter.agreed'));
  if (timing.length) {
    tables.push({ name: name('Transit'), caption: t('documents.letter.caption.timing'), ...tableBody(columns, timing, timing) });
  }
  tables.push({
    name: name('Reply'),
    caption: t('documents.letter.caption.confirm'),
    // The counterparty's reply, filled in by hand: what is confirmed, by whom, and the blanks for the other side.
    ...tableBody<[string, string, string]>(
      [
        col('item', t('documents.letter.col.item'), 'text', undefined, ([item]) => item),
        col('sender', t('documents.letter.col.sender'), 'text', undefined, ([, sender]) => sender),
        col('receiver', t('documents.letter.col.receiver'), 'text', undefined, ([, , receiver]) => receiver),
      ],
      [
        [t('documents.letter.confirm.result'), '', t('documents.letter.confirm.agreed')],
        ['', '', t('documents.letter.confirm.disagreed')],
        [t('documents.letter.confirm.note'), '', ''],
        [t('documents.letter.confirm.person'), company?.preparer ?? '', ''],
        [t('documents.letter.confirm.seal'), '', ''],
        [t('documents.letter.confirm.date'), ctx.asOf, t('documents.letter.confirm.blankDate')],
      ],
    ),
  });
  return { name: sheetName, purpose: 'reconcile', title, summary, tables, page: { onePage: true, orientation: 'portrait' } };
}

/** One confirmation letter per counterparty that sent a statement, in the reconcile result's order. */
export function confirmationLetters(m: ReconModel, ctx: JobContext, company: CompanySettings | undefined, takenSheets: Set<string>): SheetSpec[] {
  return m.results.map((r, i) => {
    const name = uniqueName(safeSheetName(ctx.t('documents.letter.sheet', { name: r.party.name })), takenSheets, 31);
    return letterOf(r, m, ctx, company, i, name);
  });
}
