import type { CellRef, Finding } from '../findings';
import type { Json, JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { Highlight, OutValue, SheetSpec, TableSpec } from '../sheet-spec';
import { money, safeSheetName, safeTableName, sourceLink, uniqueName, yuan } from '../report/build';
import { col, tableBody } from '../report/columns';
import type { AnyTypedTable } from '../tables/typed-table';
import { a1 } from '../values/address';
import { asFen, type Fen } from '../values/brand';
import { formatFen } from '../values/money';
import { CLASSES, type ReconClass } from './classes';
import type { CounterpartyResult, ReconGroup } from './reconcile';
import type { CounterpartyScope, OurLine, Period, SourceRef, TheirLine } from './scope';
import { periodSourceText, type PeriodSource } from '../period';
import type { CarriedStatus } from './carry';

/** The generated sheets, the findings and the JSON section, from the reconciled counterparties. */

export interface ReconSettings {
  amountTolFen: number;
  amountTolPct: number;
  dateWindow: number;
  inTransitDays: number;
}

export interface ReconModel {
  period: Period;
  /** Where the period came from (an option, the statements' 对账期间, …). */
  periodSource?: PeriodSource;
  /** Per party, last periods' in-transit lines and whether this statement booked them. */
  carried?: Map<string, CarriedStatus[]>;
  settings: ReconSettings;
  results: CounterpartyResult[];
  /** Related parties with shipments in the period but no statement. */
  missing: CounterpartyScope[];
}

const fmt = (fen: number) => formatFen(asFen(fen), { symbol: true });
const qtyText = (q: number) => String(Math.round(q * 1e6) / 1e6);

const refJson = (s: SourceRef): Json => ({ sheet: s.sheet, row: s.row });
const sideJson = (lines: { source: SourceRef }[]): Json => (lines.length === 0 ? null : lines.length === 1 ? refJson(lines[0].source) : lines.map((l) => refJson(l.source)));

/** The `reconcile` section of the JSON summary (yuan to two decimals). */
export function reconcileJson(m: ReconModel): { [key: string]: Json } {
  return {
    period: m.period.label,
    periodFrom: m.period.from,
    periodTo: m.period.to,
    periodSource: m.periodSource ?? 'option',
    counterparties: m.results.map((r) => ({
      name: r.party.name,
      oursTotal: yuan(r.adjustment.oursTotal),
      theirsTotal: yuan(r.adjustment.theirsTotal),
      difference: yuan(asFen(r.adjustment.oursTotal - r.adjustment.theirsTotal)),
      unexplained: yuan(r.adjustment.unexplained),
      counts: { ...r.counts },
      lines: r.groups.map((g) => ({ class: g.cls, ours: sideJson(g.ours), theirs: sideJson(g.theirs), difference: yuan(g.difference) })),
    })),
  };
}

/** "对账期间：2026-10-01 至 2026-10-31（取自对账单抬头）": the period and where it came from. */
function periodLine(m: ReconModel, ctx: JobContext): string {
  return `${ctx.t('reconcile.line.period', { from: m.period.from, to: m.period.to })}${periodSourceText(ctx.t, m.periodSource ?? 'option')}`;
}

/** The short name for a sheet: the shortest alias, else the name without its company suffix. */
export function shortName(name: string, aliases: string[]): string {
  const candidates = aliases.map((a) => a.trim()).filter((a) => a.length >= 2);
  if (candidates.length) return candidates.sort((a, b) => [...a].length - [...b].length)[0];
  const stripped = name.replace(/(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司)$/u, '').replace(/[（(][^）)]*[)）]$/u, '');
  return stripped || name;
}

/** The cell of `field` on a source row, so a link or finding selects the very cell (column A when unknown). */
function cellOf(table: AnyTypedTable | { columns: Record<string, number | undefined> }, row: number, field: string): string {
  const col = (table.columns as Record<string, number | undefined>)[field] ?? 1;
  return a1(row, col);
}

export function noteOf(g: ReconGroup, ctx: JobContext, inTransitDays: number): string {
  const { t } = ctx;
  const parts: string[] = [];
  if (g.cls === 'amount-diff' && g.ref) {
    const source = t(g.ref.kind === 'contract' ? 'reconcile.note.contract' : 'reconcile.note.quote', { no: g.ref.no });
    parts.push(t('reconcile.note.refPrice', { source, price: fmt(g.ref.price) }));
    const ourPrice = g.ours[0]?.f.unitPriceWithTax ?? g.ours[0]?.f.unitPrice;
    const theirPrice = g.theirs[0]?.f.unitPrice;
    if (ourPrice === g.ref.price && theirPrice !== g.ref.price) parts.push(t('reconcile.note.ourPriceRight', { source }));
    else if (theirPrice === g.ref.price && ourPrice !== g.ref.price) parts.push(t('reconcile.note.theirPriceRight', { source }));
  }
  if (g.cls === 'qty-diff') {
    parts.push(t('reconcile.note.qty', { ours: qtyText(g.oursQty), theirs: qtyText(g.theirsQty) }));
    if (g.returns && g.returns.length) {
      for (const r of g.returns) parts.push(t(g.returnExplains ? 'reconcile.note.returnExplains' : 'reconcile.note.return', { no: r.no, date: r.date ?? '', qty: qtyText(r.qty) }));
    } else parts.push(t('reconcile.note.noReturn'));
  }
  if ((g.pass === 'document-sum' || g.pass === 'window-sum') && g.cls === 'matched') parts.push(t('reconcile.note.sum', { n: g.ours.length + g.theirs.length }));
  if (g.cls === 'in-transit') parts.push(t('reconcile.note.inTransit', { days: inTransitDays }));
  if (g.cls === 'prior-period' && g.ours[0]) parts.push(t('reconcile.note.prior-period', { date: g.ours[0].f.date ?? '', sheet: g.ours[0].source.sheet }));
  if (g.cls === 'duplicate') parts.push(t('reconcile.note.duplicate'));
  if (g.cls === 'possible') parts.push(t('reconcile.note.possible'));
  if (g.cls === 'matched' && g.difference !== 0) parts.push(t('reconcile.note.rounding'));
  return parts.join('；');
}

const ourDoc = (l: OurLine | undefined) => l?.f.deliveryNo ?? '';
const theirDoc = (l: TheirLine | undefined) => l?.f.docNo ?? l?.f.deliveryNo ?? '';

/** Findings: one per group that is not plainly matched, with the cells it is about. */
export function reconcileFindings(m: ReconModel, ctx: JobContext): Finding[] {
  const { t } = ctx;
  const findings: Finding[] = [];
  for (const r of m.results) {
    const party = r.party.name;
    for (const g of r.groups) {
      if (g.cls === 'matched') continue;
      const o = g.ours[0];
      const th = g.theirs[0];
      const field = g.cls === 'qty-diff' ? 'quantity' : g.cls === 'amount-diff' || g.cls === 'possible' ? 'amount' : undefined;
      const cells: CellRef[] = [
        ...g.ours.map((l) => ({ sheet: l.source.sheet, cell: cellOf(l.table, l.source.row, field ?? 'deliveryNo') })),
        ...g.theirs.map((l) => ({ sheet: l.source.sheet, cell: cellOf(l.table, l.source.row, field ?? (l.f.docNo ? 'docNo' : 'deliveryNo')) })),
      ];
      const note = noteOf(g, ctx, m.settings.inTransitDays);
      const values = {
        party,
        doc: ourDoc(o) || theirDoc(th),
        theirDoc: theirDoc(th) || (th ? `${th.source.sheet}!${th.source.row}` : ''),
        part: o?.f.part ?? th?.f.part ?? '',
        ours: g.cls === 'qty-diff' ? qtyText(g.oursQty) : fmt(g.oursAmount),
        theirs: g.cls === 'qty-diff' ? qtyText(g.theirsQty) : fmt(g.theirsAmount),
        diff: g.cls === 'qty-diff' ? `${qtyText(g.oursQty - g.theirsQty)}（${fmt(g.difference)}）` : fmt(g.difference),
        note: note ? `；${note}` : '',
        side: t(o ? 'reconcile.side.ours' : 'reconcile.side.theirs'),
        amount: fmt(o ? g.oursAmount : g.theirsAmount),
      };
      const severity = g.cls === 'in-transit' || g.cls === 'possible' || g.cls === 'prior-period' ? 'info' : 'warning';
      findings.push({ severity, code: `reconcile-${g.cls}`, message: { key: `reconcile.finding.${g.cls}` as MessageKey, values }, cells });
    }
    if (r.adjustment.unexplained !== 0) {
      findings.push({ severity: 'error', code: 'reconcile-unexplained', message: { key: 'reconcile.finding.unexplained', values: { party, amount: fmt(r.adjustment.unexplained) } }, cells: [] });
    }
  }
  for (const r of m.results) {
    for (const c of m.carried?.get(r.party.key) ?? []) {
      if (c.arrived) continue;
      findings.push({
        severity: 'warning',
        code: 'reconcile-carried-not-booked',
        message: { key: 'reconcile.finding.carriedNotBooked', values: { party: r.party.name, doc: c.line.deliveryNo ?? '', part: c.line.part ?? '', amount: fmt(c.line.amount), period: c.line.period } },
        cells: [],
      });
    }
  }
  for (const s of m.missing) {
    const amount = s.ours.reduce((x, l) => x + l.amount, 0);
    findings.push({
      severity: 'warning',
      code: 'reconcile-no-statement',
      message: { key: 'reconcile.finding.noStatement', values: { party: s.party.name, amount: fmt(amount) } },
      cells: s.ours.slice(0, 20).map((l) => ({ sheet: l.source.sheet, cell: cellOf(l.table, l.source.row, 'customer') })),
    });
  }
  return findings;
}

function statusWord(ctx: JobContext, s: 'agreed' | 'explained' | 'unexplained' | 'noStatement'): string {
  return ctx.t(`reconcile.status.${s}` as MessageKey);
}

/** The status as the clerk reads it: "有 N 项待确认（¥X）" names what still waits, never "已全部说明" while anything does. */
function statusText(ctx: JobContext, r: CounterpartyResult): string {
  if (r.status !== 'pending') return statusWord(ctx, r.status);
  return ctx.t('reconcile.status.pending', { count: r.pending.count, amount: fmt(r.pending.amount) });
}

export function reconcileSheets(m: ReconModel, ctx: JobContext, aliasesOf: (name: string) => string[], takenSheets: Set<string> = new Set()): SheetSpec[] {
  const { t } = ctx;
  const classLabel = (c: ReconClass) => t(`reconcile.class.${c}` as MessageKey);
  const tag = m.period.label.replace(/[^0-9]/g, '');
  const takenTables = new Set<string>();
  const tableName = (base: string) => uniqueName(safeTableName(`${base}_${tag}`), takenTables);
  const summaryName = uniqueName(safeSheetName(t('reconcile.sheet.summary')), takenSheets, 31);
  const highlights: Highlight[] = [
    { column: 'class', equals: classLabel('amount-diff'), tone: 'bad' },
    { column: 'class', equals: classLabel('qty-diff'), tone: 'bad' },
    { column: 'class', equals: classLabel('possible'), tone: 'info' },
    { column: 'class', equals: classLabel('only-ours'), tone: 'warn' },
    { column: 'class', equals: classLabel('only-theirs'), tone: 'warn' },
    { column: 'class', equals: classLabel('duplicate'), tone: 'warn' },
    { column: 'class', equals: classLabel('in-transit'), tone: 'info' },
    { column: 'class', equals: classLabel('prior-period'), tone: 'info' },
  ];
  const sheetOf = new Map<string, string>();
  const partySheets: SheetSpec[] = [];
  m.results.forEach((r, idx) => {
    const name = uniqueName(safeSheetName(t('reconcile.sheet.party', { name: shortName(r.party.name, aliasesOf(r.party.name)) })), takenSheets, 31);
    sheetOf.set(r.party.key, name);
    const base = `Recon${idx + 1}`;
    const ourLink = (l: OurLine | undefined): OutValue => (l ? sourceLink(l.source.sheet, l.source.row, l.table.columns.deliveryNo ?? 1) : null);
    const theirLink = (l: TheirLine | undefined): OutValue => (l ? sourceLink(l.source.sheet, l.source.row, l.table.columns.docNo ?? l.table.columns.deliveryNo ?? 1) : null);
    const ourPrice = (l: OurLine | undefined) => money(l?.f.unitPriceWithTax ?? l?.f.unitPrice);
    // 1. side by side: every group with lines on both sides, its lines paired in order; the group's own figures
    // (difference, reference price, note) on its first pair only.
    type Pair = { g: ReconGroup; i: number; o: OurLine | undefined; th: TheirLine | undefined; note: string };
    const pairs: Pair[] = r.groups
      .filter((g) => g.ours.length && g.theirs.length)
      .flatMap((g) => {
        const note = noteOf(g, ctx, m.settings.inTransitDays);
        return Array.from({ length: Math.max(g.ours.length, g.theirs.length) }, (_, i): Pair => ({ g, i, o: g.ours[i], th: g.theirs[i], note }));
      });
    const lines: TableSpec = {
      name: tableName(`${base}_Lines`),
      caption: t('reconcile.caption.lines'),
      ...tableBody<Pair>(
        [
          col('class', t('reconcile.col.class'), 'text', 10, ({ g }) => classLabel(g.cls)),
          col('pass', t('reconcile.col.pass'), 'text', 14, ({ g }) => t(`reconcile.pass.${g.pass}` as MessageKey)),
          col('ourSource', t('reconcile.col.ourSource'), 'link', 16, ({ o }) => ourLink(o)),
          col('ourDate', t('reconcile.col.ourDate'), 'date', undefined, ({ o }) => o?.f.date ?? null),
          col('ourDoc', t('reconcile.col.ourDoc'), 'text', 14, ({ o }) => ourDoc(o)),
          col('part', t('reconcile.col.part'), 'text', 14, ({ o, th }) => o?.f.part ?? th?.f.part ?? ''),
          col('ourQty', t('reconcile.col.ourQty'), 'quantity', 10, ({ o }) => o?.f.quantity ?? null),
          col('ourPrice', t('reconcile.col.ourPrice'), 'money', 11, ({ o }) => ourPrice(o)),
          col('ourAmount', t('reconcile.col.ourAmount'), 'money', 13, ({ o }) => (o ? money(o.amount) : null)),
          col('theirSource', t('reconcile.col.theirSource'), 'link', 16, ({ th }) => theirLink(th)),
          col('theirDate', t('reconcile.col.theirDate'), 'date', undefined, ({ th }) => th?.f.date ?? null),
          col('theirDoc', t('reconcile.col.theirDoc'), 'text', 14, ({ th }) => theirDoc(th)),
          col('theirQty', t('reconcile.col.theirQty'), 'quantity', 10, ({ th }) => th?.f.quantity ?? null),
          col('theirPrice', t('reconcile.col.theirPrice'), 'money', 11, ({ th }) => money(th?.f.unitPrice)),
          col('theirAmount', t('reconcile.col.theirAmount'), 'money', 13, ({ th }) => (th ? money(th.amount) : null)),
          col('difference', t('reconcile.col.difference'), 'money', 13, ({ g, i }) => (i === 0 ? money(g.difference) : null)),
          col('refPrice', t('reconcile.col.refPrice'), 'money', 12, ({ g, i }) => (i === 0 && g.ref ? money(g.ref.price) : null)),
          col('note', t('reconcile.col.note'), 'text', 40, ({ i, note }) => (i === 0 ? note : '')),
        ],
        pairs,
      ),
      highlights,
    };
    // 2. the lines alone on one side
    type Alone = { g: ReconGroup; note: string } & ({ side: 'ours'; line: OurLine } | { side: 'theirs'; line: TheirLine });
    const alones: Alone[] = r.groups
      .filter((g) => !(g.ours.length && g.theirs.length))
      .flatMap((g) => {
        const note = noteOf(g, ctx, m.settings.inTransitDays);
        return [...g.ours.map((line): Alone => ({ g, note, side: 'ours', line })), ...g.theirs.map((line): Alone => ({ g, note, side: 'theirs', line }))];
      });
    const alone: TableSpec = {
      name: tableName(`${base}_Unmatched`),
      caption: t('reconcile.caption.unmatched'),
      ...tableBody<Alone>(
        [
          col('class', t('reconcile.col.class'), 'text', 10, ({ g }) => classLabel(g.cls)),
          col('side', t('reconcile.col.side'), 'text', 6, (x) => t(x.side === 'ours' ? 'reconcile.side.ours' : 'reconcile.side.theirs')),
          col('source', t('reconcile.col.source'), 'link', 16, (x) => (x.side === 'ours' ? ourLink(x.line) : theirLink(x.line))),
          col('date', t('reconcile.col.date'), 'date', undefined, ({ line }) => line.f.date ?? null),
          col('doc', t('reconcile.col.doc'), 'text', 14, (x) => (x.side === 'ours' ? ourDoc(x.line) : theirDoc(x.line))),
          col('part', t('reconcile.col.part'), 'text', 14, ({ line }) => line.f.part ?? ''),
          col('name', t('reconcile.col.name'), 'text', 16, ({ line }) => line.f.name ?? ''),
          col('qty', t('reconcile.col.qty'), 'quantity', 10, ({ line }) => line.f.quantity ?? null),
          col('price', t('reconcile.col.price'), 'money', 11, (x) => (x.side === 'ours' ? ourPrice(x.line) : money(x.line.f.unitPrice))),
          col('amount', t('reconcile.col.amount'), 'money', 13, ({ line }) => money(line.amount)),
          col('note', t('reconcile.col.note'), 'text', 40, ({ note }) => note),
        ],
        alones,
      ),
      highlights,
    };
    // 3. the 调节表
    const L = r.adjustment;
    // Each line of the 调节表 names what it is; the running balance starts at their total and adds each adjustment.
    type AdjustmentLine = { item: string; cls?: ReconClass; theirsCount?: number; oursCount?: number; adjust?: Fen; balance?: Fen };
    let running = L.theirsTotal as number;
    const adjustmentLines: AdjustmentLine[] = [
      { item: t('reconcile.adjustment.start'), theirsCount: r.scope.theirs.length, adjust: L.theirsTotal, balance: L.theirsTotal },
      ...L.rows.map((row): AdjustmentLine => {
        running += row.amount;
        const cls = row.item.startsWith('duplicate') ? 'duplicate' : (row.item as ReconClass);
        return { item: t(`reconcile.adjustment.${row.item}` as MessageKey, { days: m.settings.inTransitDays }), cls, theirsCount: row.theirsCount, oursCount: row.oursCount, adjust: row.amount, balance: asFen(running) };
      }),
      { item: t('reconcile.adjustment.adjusted'), balance: L.adjusted },
      { item: t('reconcile.adjustment.ours'), oursCount: r.scope.ours.length, adjust: L.oursTotal },
      { item: t('reconcile.adjustment.unexplained'), adjust: L.unexplained },
    ];
    const adjustment: TableSpec = {
      name: tableName(`${base}_Ledger`),
      caption: t('reconcile.caption.adjustment'),
      ...tableBody<AdjustmentLine>(
        [
          col('item', t('reconcile.col.item'), 'text', 36, (x) => x.item),
          col('class', t('reconcile.col.class'), 'text', 10, (x) => (x.cls ? classLabel(x.cls) : null)),
          col('theirsCount', t('reconcile.col.theirsCount'), 'integer', 9, (x) => x.theirsCount ?? null),
          col('oursCount', t('reconcile.col.oursCount'), 'integer', 9, (x) => x.oursCount ?? null),
          col('adjust', t('reconcile.col.adjust'), 'money', 15, (x) => money(x.adjust)),
          col('balance', t('reconcile.col.balance'), 'money', 15, (x) => money(x.balance)),
        ],
        adjustmentLines,
      ),
      highlights: [{ column: 'item', equals: t('reconcile.adjustment.unexplained'), tone: L.unexplained === 0 ? 'good' : 'bad' }],
    };
    // Last period's in-transit lines: ticked when this statement booked them, else still to expect.
    const carriedTable = (x: CounterpartyResult): TableSpec[] => {
      const list = m.carried?.get(x.party.key) ?? [];
      if (!list.length) return [];
      return [
        {
          name: tableName(`${base}_Carried`),
          caption: t('reconcile.caption.carried'),
          ...tableBody<CarriedStatus>(
            [
              col('period', t('reconcile.col.carriedPeriod'), 'text', 12, (c) => c.line.period),
              col('date', t('reconcile.col.date'), 'date', undefined, (c) => c.line.date || null),
              col('doc', t('reconcile.col.doc'), 'text', 14, (c) => c.line.deliveryNo ?? ''),
              col('part', t('reconcile.col.part'), 'text', 14, (c) => c.line.part ?? ''),
              col('amount', t('reconcile.col.amount'), 'money', 13, (c) => money(asFen(c.line.amount))),
              col('status', t('reconcile.col.status'), 'text', 16, (c) => t(c.arrived ? 'reconcile.carried.arrived' : 'reconcile.carried.pending')),
            ],
            list,
          ),
          highlights: [{ column: 'status', equals: t('reconcile.carried.pending'), tone: 'warn' }],
        },
      ];
    };
    const signoff: TableSpec = {
      name: tableName(`${base}_SignOff`),
      caption: t('reconcile.caption.signoff'),
      // Blank lines to sign on paper: who signs, then room for the signature and the date.
      ...tableBody<string>(
        [col('role', t('reconcile.col.role'), 'text', 24, (role) => role), col('signature', t('reconcile.col.signature'), 'text', 24, () => ''), col('date', t('reconcile.col.signDate'), 'text', 14, () => '')],
        [t('reconcile.sign.checker'), t('reconcile.sign.counterparty')],
      ),
    };
    const diff = asFen(L.oursTotal - L.theirsTotal);
    partySheets.push({
      name,
      purpose: 'reconcile',
      title: [
        t('reconcile.heading.party', { name: r.party.name }),
        periodLine(m, ctx),
        t('reconcile.line.sources', { ours: r.scope.shipmentSheets.join('、') || t('reconcile.none'), theirs: r.scope.statementSheets.join('、') || t('reconcile.none') }),
        t('reconcile.line.tolerance', { amount: (m.settings.amountTolFen / 100).toFixed(2), percent: String(Math.round(m.settings.amountTolPct * 1e6) / 1e4), days: m.settings.dateWindow, transit: m.settings.inTransitDays }),
      ],
      summary: [
        { label: t('reconcile.summary.theirs'), value: money(L.theirsTotal), type: 'money' },
        { label: t('reconcile.summary.ours'), value: money(L.oursTotal), type: 'money' },
        { label: t('reconcile.summary.difference'), value: money(diff), type: 'money', tone: diff === 0 ? 'good' : 'warn' },
        { label: t('reconcile.summary.unexplained'), value: money(L.unexplained), type: 'money', tone: L.unexplained === 0 ? 'good' : 'bad' },
        { label: t('reconcile.summary.status'), value: statusText(ctx, r), tone: r.status === 'agreed' ? 'good' : r.status === 'unexplained' ? 'bad' : 'warn' },
      ],
      tables: [lines, alone, adjustment, ...carriedTable(r), signoff],
    });
  });
  // the summary across counterparties
  // One row per reconciled counterparty, then one per related party that sent no statement (our side only).
  type PartyRow = { r: CounterpartyResult } | { missing: CounterpartyScope };
  const groupWord = (p: PartyRow) => t((('r' in p ? p.r.party : p.missing.party).group === 'related' ? 'reconcile.group.related' : 'reconcile.group.external'));
  const resultMoney = (f: (r: CounterpartyResult) => number) => (p: PartyRow) => ('r' in p ? money(asFen(f(p.r))) : null);
  const sum = (f: (r: CounterpartyResult) => number): Fen => asFen(m.results.reduce((s, r) => s + f(r), 0));
  const summary: SheetSpec = {
    name: summaryName,
    purpose: 'reconcile',
    title: [t('reconcile.heading.summary', { period: m.period.label }), periodLine(m, ctx), t('reconcile.line.summaryNote')],
    summary: [
      { label: t('reconcile.summary.theirs'), value: money(sum((r) => r.adjustment.theirsTotal)), type: 'money' },
      { label: t('reconcile.summary.ours'), value: money(sum((r) => r.adjustment.oursTotal)), type: 'money' },
      { label: t('reconcile.summary.unexplained'), value: money(sum((r) => r.adjustment.unexplained)), type: 'money', tone: m.results.every((r) => r.adjustment.unexplained === 0) ? 'good' : 'bad' },
    ],
    tables: [
      {
        name: tableName('Recon_Summary'),
        caption: t('reconcile.caption.parties'),
        ...tableBody<PartyRow, readonly CounterpartyResult[]>(
          [
            col(
              'counterparty',
              t('reconcile.col.counterparty'),
              'link',
              30,
              (p) => {
                if ('r' in p) return { text: p.r.party.name, target: { sheet: sheetOf.get(p.r.party.key) ?? summaryName, cell: 'A1' } };
                const first = p.missing.ours[0];
                return first ? sourceLink(first.source.sheet, first.source.row, 1, p.missing.party.name) : p.missing.party.name;
              },
              { total: () => t('reconcile.total') },
            ),
            col('group', t('reconcile.col.groupKind'), 'text', 10, groupWord),
            col('status', t('reconcile.col.status'), 'text', 18, (p) => ('r' in p ? statusText(ctx, p.r) : statusWord(ctx, 'noStatement'))),
            col('theirs', t('reconcile.col.theirs'), 'money', 15, resultMoney((x) => x.adjustment.theirsTotal), { total: () => money(sum((x) => x.adjustment.theirsTotal)) }),
            col('ours', t('reconcile.col.ours'), 'money', 15, (p) => ('r' in p ? money(p.r.adjustment.oursTotal) : money(asFen(p.missing.ours.reduce((x, l) => x + l.amount, 0)))), {
              total: () => money(sum((x) => x.adjustment.oursTotal)),
            }),
            col('difference', t('reconcile.col.difference'), 'money', 15, resultMoney((x) => x.adjustment.oursTotal - x.adjustment.theirsTotal), {
              total: () => money(sum((x) => x.adjustment.oursTotal - x.adjustment.theirsTotal)),
            }),
            col('unexplained', t('reconcile.col.unexplained'), 'money', 13, resultMoney((x) => x.adjustment.unexplained), { total: () => money(sum((x) => x.adjustment.unexplained)) }),
            ...CLASSES.map((c) =>
              col<PartyRow, readonly CounterpartyResult[]>(`n_${c}`, classLabel(c), 'integer', 9, (p) => ('r' in p ? p.r.counts[c] : null), { total: (all) => all.reduce((s, x) => s + x.counts[c], 0) }),
            ),
          ],
          [...m.results.map((r): PartyRow => ({ r })), ...m.missing.map((missing): PartyRow => ({ missing }))],
          m.results,
        ),
        highlights: [
          { column: 'status', equals: statusWord(ctx, 'agreed'), tone: 'good' },
          { column: 'status', equals: statusWord(ctx, 'explained'), tone: 'good' },
          { column: 'status', equals: statusWord(ctx, 'unexplained'), tone: 'bad' },
          { column: 'status', equals: statusWord(ctx, 'noStatement'), tone: 'warn' },
          ...[...new Set(m.results.filter((r) => r.status === 'pending').map((r) => statusText(ctx, r)))].map((equals): Highlight => ({ column: 'status', equals, tone: 'warn' })),
        ],
      },
    ],
  };
  return [summary, ...partySheets];
}
