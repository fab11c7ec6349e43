import type { JobContext } from '../job-definition';
import type { MessageKey } from '../i18n';
import type { SheetSpec } from '../sheet-spec';
import { money, safeTableName, sourceLink } from '../report/build';
import { col, tableBody, type Column } from '../report/columns';
import { asFen } from '../values/brand';
import type { ContractExec } from './contracts';
import type { PropertyItem } from './property';
import type { ReturnCheck } from './returns';
import type { SampleLoan, SampleRoom, SampleStock } from './samples';

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
  /** A money column of the contracts table, its total the sum over every contract. */
  const contractSum = (key: 'value' | 'shipped' | 'invoiced' | 'received' | 'toShip' | 'toInvoice' | 'toCollect', header: string) =>
    col<ContractExec, readonly ContractExec[]>(key, header, 'money', 14, (c) => money(c[key]), { total: (all) => money(sum(all.map((c) => c[key]))) });

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
        ...tableBody<ContractExec, readonly ContractExec[]>(
          [
            col('source', t('ledgers.col.source'), 'link', 14, (c) => sourceLink(c.source.sheet, c.source.row)),
            col('contractNo', t('ledgers.col.contractNo'), 'text', 16, (c) => c.contractNo, { total: () => t('ledgers.summary.contracts') }),
            col('customer', t('ledgers.col.customer'), 'text', 26, (c) => c.customer),
            col('signDate', t('ledgers.col.signDate'), 'date', undefined, (c) => c.signDate ?? null),
            contractSum('value', t('ledgers.col.value')),
            contractSum('shipped', t('ledgers.col.shipped')),
            contractSum('invoiced', t('ledgers.col.invoiced')),
            contractSum('received', t('ledgers.col.received')),
            contractSum('toShip', t('ledgers.col.toShip')),
            contractSum('toInvoice', t('ledgers.col.toInvoice')),
            contractSum('toCollect', t('ledgers.col.toCollect')),
            col('status', t('ledgers.col.status'), 'text', 10, (c) => t(`ledgers.status.${c.status}` as MessageKey)),
            col('flags', t('ledgers.col.flags'), 'text', 30, (c) => flagText(c.flags)),
          ],
          m.contracts,
          m.contracts,
        ),
        highlights: [
          { column: 'status', equals: t('ledgers.status.closed'), tone: 'good' },
          { column: 'status', equals: t('ledgers.status.to-invoice'), tone: 'warn' },
        ],
      },
      {
        name: name('Ledger_Lines'),
        caption: t('ledgers.caption.lines'),
        ...tableBody<{ c: ContractExec; l: ContractExec['lines'][number] }>(
          [
            col('source', t('ledgers.col.source'), 'link', 14, ({ l }) => sourceLink(l.source.sheet, l.source.row)),
            col('contractNo', t('ledgers.col.contractNo'), 'text', 16, ({ c }) => c.contractNo),
            col('line', t('ledgers.col.line'), 'integer', 6, ({ l }) => l.line ?? null),
            col('part', t('ledgers.col.part'), 'text', 16, ({ l }) => l.part),
            col('name', t('ledgers.col.name'), 'text', 20, ({ l }) => l.name ?? null),
            col('quantity', t('ledgers.col.quantity'), 'quantity', undefined, ({ l }) => l.quantity),
            col('shippedQty', t('ledgers.col.shippedQty'), 'quantity', undefined, ({ l }) => l.shippedQty),
            col('value', t('ledgers.col.value'), 'money', 14, ({ l }) => money(l.value)),
            col('shipped', t('ledgers.col.shipped'), 'money', 14, ({ l }) => money(l.shipped)),
            col('deliveryDate', t('ledgers.col.deliveryDate'), 'date', undefined, ({ l }) => l.deliveryDate ?? null),
            col('flags', t('ledgers.col.flags'), 'text', 24, ({ l }) => flagText(l.flags)),
          ],
          m.contracts.flatMap((c) => c.lines.map((l) => ({ c, l }))),
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
        ...tableBody<PropertyItem>(
          [
            col('source', t('ledgers.col.source'), 'link', 14, (p) => sourceLink(p.source.sheet, p.source.row)),
            col('itemNo', t('ledgers.col.itemNo'), 'text', 14, (p) => p.itemNo),
            col('name', t('ledgers.col.name'), 'text', 22, (p) => p.name ?? null),
            col('customer', t('ledgers.col.customer'), 'text', 24, (p) => p.customer ?? null),
            col('location', t('ledgers.col.location'), 'text', 12, (p) => p.location ?? null),
            col('bookQty', t('ledgers.col.bookQty'), 'quantity', undefined, (p) => p.bookQty),
            col('countedQty', t('ledgers.col.countedQty'), 'quantity', undefined, (p) => p.countedQty ?? null),
            col('result', t('ledgers.col.result'), 'text', 16, (p) => t(`ledgers.result.${p.result}` as MessageKey)),
            col('lastCheck', t('ledgers.col.lastCheck'), 'date', undefined, (p) => p.lastCheck ?? null),
            col('unchecked', t('ledgers.col.unchecked'), 'text', 10, (p) => (p.unchecked ? t('ledgers.yes') : null)),
          ],
          m.property,
        ),
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
        ...tableBody<ReturnCheck>(
          [
            col('source', t('ledgers.col.source'), 'link', 14, (r) => sourceLink(r.source.sheet, r.source.row)),
            col('returnNo', t('ledgers.col.returnNo'), 'text', 14, (r) => r.returnNo ?? null),
            col('date', t('ledgers.col.date'), 'date', undefined, (r) => r.date ?? null),
            col('customer', t('ledgers.col.customer'), 'text', 24, (r) => r.customer ?? null),
            col('deliveryNo', t('ledgers.col.deliveryNo'), 'text', 14, (r) => r.deliveryNo ?? null),
            col('part', t('ledgers.col.part'), 'text', 14, (r) => r.part ?? null),
            col('quantity', t('ledgers.col.returnQty'), 'quantity', undefined, (r) => r.quantity),
            col('shippedQty', t('ledgers.col.shippedQty'), 'quantity', undefined, (r) => r.shippedQty ?? null),
            col('returnedBefore', t('ledgers.col.returnedBefore'), 'quantity', undefined, (r) => r.returnedBefore),
            col('price', t('ledgers.col.price'), 'money', 12, (r) => money(r.price)),
            col('originalPrice', t('ledgers.col.originalPrice'), 'money', 12, (r) => money(r.originalPrice)),
            col('flags', t('ledgers.col.flags'), 'text', 26, (r) => (r.flags.length ? flagText(r.flags) : t('ledgers.ok'))),
          ],
          m.returns,
        ),
        highlights: [{ column: 'flags', equals: t('ledgers.ok'), tone: 'good' }],
      },
    ],
  };

  const loanColumns: Column<SampleLoan>[] = [
    col('source', t('ledgers.col.source'), 'link', 14, (l) => sourceLink(l.source.sheet, l.source.row)),
    col('sampleNo', t('ledgers.col.sampleNo'), 'text', 14, (l) => l.sampleNo),
    col('name', t('ledgers.col.name'), 'text', 20, (l) => l.name ?? null),
    col('borrower', t('ledgers.col.borrower'), 'text', 10, (l) => l.borrower ?? null),
    col('customer', t('ledgers.col.customer'), 'text', 22, (l) => l.customer ?? null),
    col('date', t('ledgers.col.date'), 'date', undefined, (l) => l.date ?? null),
    col('promised', t('ledgers.col.promised'), 'date', undefined, (l) => l.promisedReturn ?? null),
    col('quantity', t('ledgers.col.out'), 'quantity', undefined, (l) => l.quantity),
    col('daysOverdue', t('ledgers.col.daysOverdue'), 'integer', 8, (l) => Math.max(0, l.daysOverdue)),
  ];
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
      { name: name('Samples_Overdue'), caption: t('ledgers.caption.overdue'), ...tableBody(loanColumns, m.samples.overdue) },
      { name: name('Samples_Out'), caption: t('ledgers.caption.open'), ...tableBody(loanColumns, m.samples.open) },
      {
        name: name('Samples_Stock'),
        caption: t('ledgers.caption.stock'),
        ...tableBody<SampleStock>(
          [
            col('source', t('ledgers.col.source'), 'link', 14, (x) => sourceLink(x.source.sheet, x.source.row)),
            col('sampleNo', t('ledgers.col.sampleNo'), 'text', 14, (x) => x.sampleNo),
            col('name', t('ledgers.col.name'), 'text', 20, (x) => x.name ?? null),
            col('customer', t('ledgers.col.customer'), 'text', 22, (x) => x.customer ?? null),
            col('location', t('ledgers.col.location'), 'text', 12, (x) => x.location ?? null),
            col('onHand', t('ledgers.col.onHand'), 'quantity', undefined, (x) => x.onHand),
            col('out', t('ledgers.col.out'), 'quantity', undefined, (x) => x.out),
          ],
          m.samples.stock,
        ),
      },
    ],
  };
  return [contracts, property, returns, samples];
}
