import type { Finding } from '../findings';
import type { Job, JobContext, JobInput, JobRun } from '../job-definition';
import type { MessageKey } from '../i18n';
import { buildDirectory } from '../parties';
import type { AnyTypedTable } from '../tables/typed-table';
import { a1 } from '../values/address';
import { addMonths, monthOf } from '../values/dates';
import { contractLedger } from './contracts';
import { propertyLedger } from './property';
import { checkReturns } from './returns';
import { sampleRoom } from './samples';
import { ledgerSheets, type LedgersModel } from './report';

const yuan2 = (fen: number): number => Math.round(fen) / 100;
const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : fallback;

/** The `ledgers` section of the JSON summary (yuan). */
export type LedgersSection = {
  contracts: { contractNo: string; customer: string; value: number; shipped: number; invoiced: number; received: number; toShip: number; toInvoice: number; toCollect: number; status: string; flags: string[]; lines: { line: number | null; part: string; sheet: string; row: number; flags: string[] }[] }[];
  property: { items: { itemNo: string; bookQty: number; countedQty: number | null; result: string; lastCheck: string | null; unchecked: boolean }[]; counts: Record<string, number> };
  returns: { checked: number; flagged: { returnNo: string | null; sheet: string; row: number; flags: string[] }[] };
  samples: { onHand: { sampleNo: string; onHand: number }[]; overdue: { sampleNo: string; borrower: string | null; promisedReturn: string | null; daysOverdue: number }[] };
};

function cellOf(tables: readonly AnyTypedTable[], sheet: string, row: number, field: string): string {
  const t = tables.find((x) => x.sheet === sheet);
  return a1(row, (t?.columns as Record<string, number> | undefined)?.[field] ?? 1);
}

export const ledgersJob: Job = {
  id: 'ledgers',
  section: 'ledgers',
  title: 'ledgers.title',
  options: [
    { name: 'invoiceDays', type: 'number', label: 'ledgers.option.invoiceDays', default: 7 },
    { name: 'overShipTolerance', type: 'number', label: 'ledgers.option.overShipTolerance', default: 5 },
  ],
  run(input: JobInput, ctx: JobContext): JobRun {
    const invoiceDays = num(ctx.options.invoiceDays, 7);
    const tolerancePct = num(ctx.options.overShipTolerance, 5);
    const directory = buildDirectory(input.tables);
    const checkSince = `${addMonths(monthOf(ctx.asOf), -3)}${ctx.asOf.slice(7)}`;
    const model: LedgersModel = {
      contracts: contractLedger(input.tables, directory, { asOf: ctx.asOf, invoiceDays, overShipTolerance: tolerancePct / 100 }),
      property: propertyLedger(input.tables, directory, ctx.asOf),
      returns: checkReturns(input.tables, directory),
      samples: sampleRoom(input.tables, directory, ctx.asOf),
      invoiceDays,
      tolerancePct,
      checkSince,
    };
    const { t } = ctx;
    const findings: Finding[] = [];
    for (const c of model.contracts) {
      for (const flag of c.flags) {
        if (flag === 'fully-collected') continue;
        const line = flag === 'shipped-beyond-contract' || flag === 'delivery-overdue' ? c.lines.find((l) => l.flags.includes(flag)) : undefined;
        const at = line?.source ?? c.source;
        const field = flag === 'delivery-overdue' ? 'deliveryDate' : flag === 'shipped-beyond-contract' ? 'quantity' : 'contractNo';
        findings.push({
          severity: flag === 'shipped-not-invoiced' || flag === 'invoiced-beyond-contract' ? 'error' : 'warning',
          code: `ledgers-${flag}`,
          message:
            flag === 'shipped-not-invoiced'
              ? { key: 'ledgers.finding.shippedNotInvoiced', values: { contractNo: c.contractNo, date: c.oldestUninvoiced ?? '', days: invoiceDays } }
              : { key: 'ledgers.finding.contract', values: { contractNo: c.contractNo, flag: t(`ledgers.flag.${flag}` as MessageKey) } },
          cells: [{ sheet: at.sheet, cell: cellOf(input.tables, at.sheet, at.row, field) }],
        });
      }
    }
    for (const p of model.property) {
      if (p.result !== 'found' && p.result !== 'returned') {
        const at = p.countSource && p.result === 'not-on-ledger' ? p.countSource : p.source;
        findings.push({
          severity: p.result === 'missing' ? 'error' : 'warning',
          code: `ledgers-property-${p.result}`,
          message: { key: 'ledgers.finding.property', values: { itemNo: p.itemNo, result: t(`ledgers.result.${p.result}` as MessageKey) } },
          cells: [{ sheet: at.sheet, cell: cellOf(input.tables, at.sheet, at.row, 'itemNo') }],
        });
      }
      if (p.unchecked) {
        findings.push({
          severity: 'warning',
          code: 'ledgers-property-unchecked',
          message: { key: 'ledgers.finding.unchecked', values: { itemNo: p.itemNo, last: p.lastCheck ?? t('ledgers.never') } },
          cells: [{ sheet: p.source.sheet, cell: cellOf(input.tables, p.source.sheet, p.source.row, 'lastCheckDate') }],
        });
      }
    }
    for (const r of model.returns) {
      for (const flag of r.flags) {
        const field = flag === 'return-no-shipment' ? 'deliveryNo' : flag === 'return-exceeds-shipped' ? 'quantity' : 'unitPrice';
        findings.push({
          severity: 'error',
          code: `ledgers-${flag}`,
          message: { key: 'ledgers.finding.return', values: { returnNo: r.returnNo ?? `${r.source.sheet}!${r.source.row}`, flag: t(`ledgers.flag.${flag}` as MessageKey) } },
          cells: [{ sheet: r.source.sheet, cell: cellOf(input.tables, r.source.sheet, r.source.row, field) }],
        });
      }
    }
    for (const l of model.samples.overdue) {
      findings.push({
        severity: 'warning',
        code: 'ledgers-sample-overdue',
        message: { key: 'ledgers.finding.sample', values: { sampleNo: l.sampleNo, borrower: l.borrower ?? '', promised: l.promisedReturn ?? '', days: l.daysOverdue } },
        cells: [{ sheet: l.source.sheet, cell: cellOf(input.tables, l.source.sheet, l.source.row, 'promisedReturn') }],
      });
    }
    const counts: Record<string, number> = {};
    for (const p of model.property) counts[p.result] = (counts[p.result] ?? 0) + 1;
    const result: LedgersSection = {
      contracts: model.contracts.map((c) => ({
        contractNo: c.contractNo,
        customer: c.customer,
        value: yuan2(c.value),
        shipped: yuan2(c.shipped),
        invoiced: yuan2(c.invoiced),
        received: yuan2(c.received),
        toShip: yuan2(c.toShip),
        toInvoice: yuan2(c.toInvoice),
        toCollect: yuan2(c.toCollect),
        status: c.status,
        flags: c.flags,
        lines: c.lines.map((l) => ({ line: l.line ?? null, part: l.part, sheet: l.source.sheet, row: l.source.row, flags: l.flags })),
      })),
      property: {
        items: model.property.map((p) => ({ itemNo: p.itemNo, bookQty: p.bookQty, countedQty: p.countedQty ?? null, result: p.result, lastCheck: p.lastCheck ?? null, unchecked: p.unchecked })),
        counts,
      },
      returns: {
        checked: model.returns.length,
        flagged: model.returns.filter((r) => r.flags.length).map((r) => ({ returnNo: r.returnNo ?? null, sheet: r.source.sheet, row: r.source.row, flags: r.flags })),
      },
      samples: {
        onHand: model.samples.stock.map((s) => ({ sampleNo: s.sampleNo, onHand: s.onHand })),
        overdue: model.samples.overdue.map((l) => ({ sampleNo: l.sampleNo, borrower: l.borrower ?? null, promisedReturn: l.promisedReturn ?? null, daysOverdue: l.daysOverdue })),
      },
    };
    return { result, sheets: ledgerSheets(model, ctx), findings };
  },
};
