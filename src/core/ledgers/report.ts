import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { SheetSpec } from '../sheet-spec';
import { column, money, safeTableName, sourceLink } from '../report/build';
import { asFen } from '../values/brand';
import type { ContractExec } from './contracts';
import type { PropertyItem } from './property';
import type { ReturnCheck } from './returns';
import type { SampleRoom } from './samples';

export interface LedgersModel {
  contracts: ContractExec[];
  property: PropertyItem[];
  returns: ReturnCheck[];
  samples: SampleRoom;
  invoiceDays: number;
  tolerancePct: number;
  checkSince: string;
}

const sum = (xs: number[]) => asFen(xs.reduce((a, b) => a + b, 0));

export function ledgerSheets(m: LedgersModel, ctx: JobContext): SheetSpec[] {
  const { t } = ctx;
  const tag = ctx.asOf.replace(/-/g, '');
  const name = (base: string) => safeTableName(`${base}_${tag}`);
  const flagText = (flags: string[]) => flags.map((f) => t(`ledgers.flag.${f}` as MessageKey)).join('、');
  const warnFlags = (flags: string[]) => flags.filter((f) => f !== 'fully-collected');

  const contracts: SheetSpec = {
    name: t('ledgers.sheet.contracts'),
    purpose: 'ledgers',
    needs: ['contracts'],
    title: [t('ledgers.heading.contracts', { asOf: ctx.asOf }), t('ledgers.line.contracts', { days: m.invoiceDays, tolerance: m.tolerancePct })],
    summary: [
      { label: t('ledgers.summary.contracts'), value: m.contracts.length, type: 'integer' },
      { label: t('ledgers.summary.flagged'), value: m.contracts.filter((c) => warnFlags(c.flags).length).length, type: 'integer' },
      { label: t('ledgers.summary.toInvoice'), value: money(sum(m.contracts.map((c) => c.toInvoice))), type: 'money' },
      { label: t('ledgers.summary.toCollect'), value: money(sum(m.contracts.map((c) => c.toCollect))), type: 'money' },
    ],
    tables: [
      {
        name: name('Ledger_Contracts'),
        caption: t('ledgers.caption.contracts'),
        columns: [
          column('source', t('ledgers.col.source'), 'link', 14),
          column('contractNo', t('ledgers.col.contractNo'), 'text', 16),
          column('customer', t('ledgers.col.customer'), 'text', 26),
          column('signDate', t('ledgers.col.signDate'), 'date'),
          column('value', t('ledgers.col.value'), 'money', 14),
          column('shipped', t('ledgers.col.shipped'), 'money', 14),
          column('invoiced', t('ledgers.col.invoiced'), 'money', 14),
          column('received', t('ledgers.col.received'), 'money', 14),
          column('toShip', t('ledgers.col.toShip'), 'money', 14),
          column('toInvoice', t('ledgers.col.toInvoice'), 'money', 14),
          column('toCollect', t('ledgers.col.toCollect'), 'money', 14),
          column('status', t('ledgers.col.status'), 'text', 10),
          column('flags', t('ledgers.col.flags'), 'text', 30),
        ],
        rows: m.contracts.map((c) => [
          sourceLink(c.source.sheet, c.source.row),
          c.contractNo,
          c.customer,
          c.signDate ?? null,
          money(c.value),
          money(c.shipped),
          money(c.invoiced),
          money(c.received),
          money(c.toShip),
          money(c.toInvoice),
          money(c.toCollect),
          t(`ledgers.status.${c.status}` as MessageKey),
          flagText(c.flags),
        ]),
        highlights: [
          { column: 'status', equals: t('ledgers.status.closed'), tone: 'good' },
          { column: 'status', equals: t('ledgers.status.to-invoice'), tone: 'warn' },
        ],
        totals: [null, t('ledgers.summary.contracts'), null, null, ...(['value', 'shipped', 'invoiced', 'received', 'toShip', 'toInvoice', 'toCollect'] as const).map((k) => money(sum(m.contracts.map((c) => c[k])))), null, null],
      },
      {
        name: name('Ledger_Lines'),
        caption: t('ledgers.caption.lines'),
        columns: [
          column('source', t('ledgers.col.source'), 'link', 14),
          column('contractNo', t('ledgers.col.contractNo'), 'text', 16),
          column('line', t('ledgers.col.line'), 'integer', 6),
          column('part', t('ledgers.col.part'), 'text', 16),
          column('name', t('ledgers.col.name'), 'text', 20),
          column('quantity', t('ledgers.col.quantity'), 'quantity'),
          column('shippedQty', t('ledgers.col.shippedQty'), 'quantity'),
          column('value', t('ledgers.col.value'), 'money', 14),
          column('shipped', t('ledgers.col.shipped'), 'money', 14),
          column('deliveryDate', t('ledgers.col.deliveryDate'), 'date'),
          column('flags', t('ledgers.col.flags'), 'text', 24),
        ],
        rows: m.contracts.flatMap((c) =>
          c.lines.map((l) => [sourceLink(l.source.sheet, l.source.row), c.contractNo, l.line ?? null, l.part, l.name ?? null, l.quantity, l.shippedQty, money(l.value), money(l.shipped), l.deliveryDate ?? null, flagText(l.flags)]),
        ),
      },
    ],
  };

  const problems = m.property.filter((p) => p.result !== 'found' && p.result !== 'returned');
  const property: SheetSpec = {
    name: t('ledgers.sheet.property'),
    purpose: 'ledgers',
    needs: ['property', 'propertyCounts'],
    title: [t('ledgers.heading.property', { asOf: ctx.asOf }), t('ledgers.line.property', { since: m.checkSince })],
    summary: [
      { label: t('ledgers.summary.items'), value: m.property.filter((p) => p.bookQty > 0).length, type: 'integer' },
      { label: t('ledgers.summary.problems'), value: problems.length + m.property.filter((p) => p.unchecked).length, type: 'integer' },
    ],
    tables: [
      {
        name: name('Ledger_Property'),
        columns: [
          column('source', t('ledgers.col.source'), 'link', 14),
          column('itemNo', t('ledgers.col.itemNo'), 'text', 14),
          column('name', t('ledgers.col.name'), 'text', 22),
          column('customer', t('ledgers.col.customer'), 'text', 24),
          column('location', t('ledgers.col.location'), 'text', 12),
          column('bookQty', t('ledgers.col.bookQty'), 'quantity'),
          column('countedQty', t('ledgers.col.countedQty'), 'quantity'),
          column('result', t('ledgers.col.result'), 'text', 16),
          column('lastCheck', t('ledgers.col.lastCheck'), 'date'),
          column('unchecked', t('ledgers.col.unchecked'), 'text', 10),
        ],
        rows: m.property.map((p) => [
          sourceLink(p.source.sheet, p.source.row),
          p.itemNo,
          p.name ?? null,
          p.customer ?? null,
          p.location ?? null,
          p.bookQty,
          p.countedQty ?? null,
          t(`ledgers.result.${p.result}` as MessageKey),
          p.lastCheck ?? null,
          p.unchecked ? t('ledgers.yes') : null,
        ]),
        highlights: [
          { column: 'result', equals: t('ledgers.result.missing'), tone: 'bad' },
          { column: 'result', equals: t('ledgers.result.qty-diff'), tone: 'warn' },
          { column: 'result', equals: t('ledgers.result.not-on-ledger'), tone: 'warn' },
          { column: 'unchecked', equals: t('ledgers.yes'), tone: 'warn' },
        ],
      },
    ],
  };

  const returns: SheetSpec = {
    name: t('ledgers.sheet.returns'),
    purpose: 'ledgers',
    needs: ['returns'],
    title: [t('ledgers.heading.returns'), t('ledgers.line.returns')],
    summary: [
      { label: t('ledgers.summary.returns'), value: m.returns.length, type: 'integer' },
      { label: t('ledgers.summary.badReturns'), value: m.returns.filter((r) => r.flags.length).length, type: 'integer' },
    ],
    tables: [
      {
        name: name('Ledger_Returns'),
        columns: [
          column('source', t('ledgers.col.source'), 'link', 14),
          column('returnNo', t('ledgers.col.returnNo'), 'text', 14),
          column('date', t('ledgers.col.date'), 'date'),
          column('customer', t('ledgers.col.customer'), 'text', 24),
          column('deliveryNo', t('ledgers.col.deliveryNo'), 'text', 14),
          column('part', t('ledgers.col.part'), 'text', 14),
          column('quantity', t('ledgers.col.returnQty'), 'quantity'),
          column('shippedQty', t('ledgers.col.shippedQty'), 'quantity'),
          column('returnedBefore', t('ledgers.col.returnedBefore'), 'quantity'),
          column('price', t('ledgers.col.price'), 'money', 12),
          column('originalPrice', t('ledgers.col.originalPrice'), 'money', 12),
          column('flags', t('ledgers.col.flags'), 'text', 26),
        ],
        rows: m.returns.map((r) => [
          sourceLink(r.source.sheet, r.source.row),
          r.returnNo ?? null,
          r.date ?? null,
          r.customer ?? null,
          r.deliveryNo ?? null,
          r.part ?? null,
          r.quantity,
          r.shippedQty ?? null,
          r.returnedBefore,
          money(r.price),
          money(r.originalPrice),
          r.flags.length ? flagText(r.flags) : t('ledgers.ok'),
        ]),
        highlights: [{ column: 'flags', equals: t('ledgers.ok'), tone: 'good' }],
      },
    ],
  };

  const loanColumns = [
    column('source', t('ledgers.col.source'), 'link', 14),
    column('sampleNo', t('ledgers.col.sampleNo'), 'text', 14),
    column('name', t('ledgers.col.name'), 'text', 20),
    column('borrower', t('ledgers.col.borrower'), 'text', 10),
    column('customer', t('ledgers.col.customer'), 'text', 22),
    column('date', t('ledgers.col.date'), 'date'),
    column('promised', t('ledgers.col.promised'), 'date'),
    column('quantity', t('ledgers.col.out'), 'quantity'),
    column('daysOverdue', t('ledgers.col.daysOverdue'), 'integer', 8),
  ];
  const loanRows = (loans: SampleRoom['overdue']) =>
    loans.map((l) => [sourceLink(l.source.sheet, l.source.row), l.sampleNo, l.name ?? null, l.borrower ?? null, l.customer ?? null, l.date ?? null, l.promisedReturn ?? null, l.quantity, Math.max(0, l.daysOverdue)]);
  const samples: SheetSpec = {
    name: t('ledgers.sheet.samples'),
    purpose: 'ledgers',
    needs: ['samples'],
    title: [t('ledgers.heading.samples', { asOf: ctx.asOf }), t('ledgers.line.samples')],
    summary: [
      { label: t('ledgers.summary.onHand'), value: m.samples.stock.reduce((s, x) => s + Math.max(0, x.onHand), 0), type: 'quantity' },
      { label: t('ledgers.summary.overdueLoans'), value: m.samples.overdue.length, type: 'integer', tone: m.samples.overdue.length ? 'bad' : 'good' },
    ],
    tables: [
      { name: name('Samples_Overdue'), caption: t('ledgers.caption.overdue'), columns: loanColumns, rows: loanRows(m.samples.overdue) },
      { name: name('Samples_Out'), caption: t('ledgers.caption.open'), columns: loanColumns, rows: loanRows(m.samples.open) },
      {
        name: name('Samples_Stock'),
        caption: t('ledgers.caption.stock'),
        columns: [
          column('source', t('ledgers.col.source'), 'link', 14),
          column('sampleNo', t('ledgers.col.sampleNo'), 'text', 14),
          column('name', t('ledgers.col.name'), 'text', 20),
          column('customer', t('ledgers.col.customer'), 'text', 22),
          column('location', t('ledgers.col.location'), 'text', 12),
          column('onHand', t('ledgers.col.onHand'), 'quantity'),
          column('out', t('ledgers.col.out'), 'quantity'),
        ],
        rows: m.samples.stock.map((s) => [sourceLink(s.source.sheet, s.source.row), s.sampleNo, s.name ?? null, s.customer ?? null, s.location ?? null, s.onHand, s.out]),
      },
    ],
  };
  return [contracts, property, returns, samples];
}
