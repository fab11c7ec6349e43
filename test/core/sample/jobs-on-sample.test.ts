import * as fs from 'fs';
import * as path from 'path';
import { XlsxHost } from '../../../src/xlsx';
import { runWorkbook, type RunOutput } from '../../../src/core/pipeline';
import type { ReceivablesSection } from '../../../src/core/receivables/job';
import type { SalesSection } from '../../../src/core/sales/job';
import type { LedgersSection } from '../../../src/core/ledgers/job';
import { asIsoDate } from '../../../src/core/values/brand';
import { parseA1 } from '../../../src/core/values/address';
import type { Grid } from '../../../src/core/grid';

/** Receivables, sales and ledgers on the sample workbook, against the figures and cases planted in it. */
const SAMPLE = path.join(__dirname, '../../../assets/sample/clerk-sample.xlsx');

interface PlantedCase {
  job: string;
  code: string;
  nearMiss: boolean;
  sheet: string;
  row: number;
  cell: string;
  value?: unknown;
  expect?: Record<string, unknown>;
  also?: { sheet: string; row: number; cell: string; value?: unknown }[];
}
interface PlantedCustomer {
  name: string;
  related: boolean;
  outstanding: number;
  unapplied: number;
  octPlanned: number;
  octReceived: number;
  octRate: number | null;
  octTarget: number;
}
const planted = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../assets/sample/planted.json'), 'utf8')) as {
  cases: PlantedCase[];
  figures: { customers: PlantedCustomer[]; salesNetByMonth: Record<string, number>; salesGrossByMonth: Record<string, number> };
};
/** The planted cases of a job; never empty, so a loop over them cannot pass by checking nothing. */
function cases(job: string, nearMiss = false, which: (c: PlantedCase) => boolean = () => true): PlantedCase[] {
  const found = planted.cases.filter((c) => c.job === job && c.nearMiss === nearMiss && which(c));
  expect([job, nearMiss, found.length > 0]).toEqual([job, nearMiss, true]);
  return found;
}

let out: RunOutput;
let grids: Grid[];
beforeAll(async () => {
  grids = (await (await XlsxHost.open(SAMPLE)).readWorkbook()).grids;
  out = runWorkbook(grids, { jobs: ['receivables', 'sales', 'ledgers'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { month: '2026-10' } });
});

/** What the clerk typed in one cell of the sample (the input, not something a job computed). */
function typedAt(sheet: string, cell: string): unknown {
  const at = parseA1(cell)!;
  const grid = grids.find((g) => g.name === sheet);
  expect([sheet, grid === undefined]).toEqual([sheet, false]);
  return grid!.values[at.row - 1]?.[at.col - 1];
}

describe('receivables on the sample', () => {
  const r = () => out.summary.receivables as unknown as ReceivablesSection;

  test('outstanding, unapplied and the October collection rate of every customer match the hand-worked figures', () => {
    expect(planted.figures.customers.length).toBeGreaterThan(0);
    for (const c of planted.figures.customers) {
      const got = r().customers.find((x) => x.name === c.name);
      const unapplied = r().unapplied.filter((u) => u.customer === c.name).reduce((s, u) => s + u.amount, 0);
      expect([c.name, got?.outstanding ?? 0, Math.round(unapplied * 100) / 100]).toEqual([c.name, c.outstanding, c.unapplied]);
      if (c.octPlanned || c.octReceived) {
        expect([c.name, got?.planned, got?.received, got?.target]).toEqual([c.name, c.octPlanned, c.octReceived, c.octTarget]);
        if (c.octRate === null) expect(got?.collectionRate).toBeNull();
        else expect(got?.collectionRate).toBeCloseTo(c.octRate, 4);
      }
    }
  });

  test('the totals tie: not yet due + buckets = outstanding', () => {
    const t = r().totals;
    const fen = (n: number) => Math.round(n * 100);
    expect(fen(t.notDue) + t.aging.reduce((s, x) => s + fen(x), 0)).toBe(fen(t.outstanding));
    expect(fen(t.outstanding)).toBe(planted.figures.customers.reduce((s, c) => s + fen(c.outstanding), 0));
  });

  test('every planted abnormal item is reported, at its cell', () => {
    const findings = out.findings.filter((f) => f.code.startsWith('receivables-'));
    const at = (code: string) => findings.filter((f) => f.code === `receivables-${code}`).flatMap((f) => f.cells.map((c) => `${c.sheet}!${c.cell}`));
    const codes = ['overdue-90', 'partial-overdue', 'overpayment', 'receipt-no-invoice', 'receipt-unmatched-amount'];
    const abnormal = cases('receivables', false, (x) => codes.includes(x.code));
    expect([...new Set(abnormal.map((c) => c.code))].sort()).toEqual([...codes].sort());
    for (const c of abnormal) {
      expect([c.code, at(c.code)]).toEqual([c.code, expect.arrayContaining([`${c.sheet}!${c.cell}`])]);
    }
    const beyond = r().abnormal.filter((a) => a.kind === 'beyond-terms').map((a) => a.customer);
    expect(beyond).toContain('常州恒泰液压机械有限公司');
  });

  test('the customers that miss their targets are the planted ones', () => {
    const missed = r().customers.filter((c) => c.collectionRate !== null && c.collectionRate < c.target).map((c) => c.name).sort();
    expect(missed).toEqual(['常州恒泰液压机械有限公司', '嘉兴华工新材料科技有限公司'].sort());
  });
});

describe('sales on the sample', () => {
  test('monthly sales without and with tax tie to the invoices, red-letter invoice netted', () => {
    const s = out.summary.sales as unknown as SalesSection;
    expect(s.withTax).toBe(false);
    expect(Object.fromEntries(s.months.map((m, i) => [m, s.totals.months[i]]))).toEqual(planted.figures.salesNetByMonth);
    const withTax = runWorkbook(grids, { jobs: ['sales'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { month: '2026-10', withTax: true } });
    const g = withTax.summary.sales as unknown as SalesSection;
    expect(g.withTax).toBe(true);
    expect(Object.fromEntries(g.months.map((m, i) => [m, g.totals.months[i]]))).toEqual(planted.figures.salesGrossByMonth);
  });

  test('the development project at 6% is in the project class', () => {
    const s = out.summary.sales as unknown as SalesSection;
    // The planted project is the sample's only project contract; its one invoice (typed on 开票明细) is the whole class.
    const [project] = cases('sales', false, (x) => x.code === 'project-6pct');
    expect(project.value).toBe(0.06);
    const contractNo = typedAt(project.sheet, `A${project.row}`);
    const invoiceSheet = grids.find((g) => g.name === '开票明细')!;
    const header = invoiceSheet.values.find((r) => r.includes('合同号'))!;
    const invoiced = invoiceSheet.values.filter((r) => r[header.indexOf('合同号')] === contractNo);
    expect([contractNo, invoiced.length]).toEqual([contractNo, 1]);
    expect(invoiced[0][header.indexOf('税率')]).toBe(0.06);
    expect(s.classes.find((c) => c.class === 'project')?.total).toBe(invoiced[0][header.indexOf('不含税金额')]);
  });
});

describe('ledgers on the sample', () => {
  const l = () => out.summary.ledgers as unknown as LedgersSection;
  const flagsOf = (no: string) => l().contracts.find((c) => c.contractNo === no)?.flags ?? [];

  test('every planted contract flag is found, and no near miss fires', () => {
    for (const c of cases('ledgers', false, (x) => !!x.expect?.contractNo)) expect([c.code, flagsOf(String(c.expect!.contractNo))]).toEqual([c.code, expect.arrayContaining([c.code])]);
    // A near miss on a contract line is judged on that line (the contract may carry the flag from its other line).
    const lineFlags = (sheet: string, row: number) => l().contracts.flatMap((c) => c.lines).find((x) => x.sheet === sheet && x.row === row)?.flags;
    for (const c of cases('ledgers', true, (x) => !!x.expect?.contractNo)) {
      const flags = c.sheet === '合同台账' ? lineFlags(c.sheet, c.row) : flagsOf(String(c.expect!.contractNo));
      expect([c.code, c.expect!.contractNo, flags]).toEqual([c.code, c.expect!.contractNo, expect.not.arrayContaining([c.code])]);
    }
  });

  test('customer property: missing, not on the ledger, quantity difference, unchecked; the returned item is not missing', () => {
    const items = l().property.items;
    const byNo = (no: unknown) => items.find((i) => i.itemNo === String(no));
    // The item number is column A on the ledger (客户财产台账) and column B on the count (盘点表), as the planted cells say.
    const itemNoOnRow = (sheet: string, row: number) => typedAt(sheet, `${sheet === '盘点表' ? 'B' : 'A'}${row}`);
    const [missing] = cases('ledgers', false, (x) => x.code === 'missing');
    expect([missing.value, byNo(missing.value)?.result]).toEqual([missing.value, 'missing']);
    const [notOnLedger] = cases('ledgers', false, (x) => x.code === 'not-on-ledger');
    expect([notOnLedger.value, byNo(notOnLedger.value)?.result]).toEqual([notOnLedger.value, 'not-on-ledger']);

    const [qtyDiff] = cases('ledgers', false, (x) => x.code === 'qty-diff');
    const book = qtyDiff.also!.find((a) => a.sheet === '客户财产台账')!;
    const diffed = items.filter((i) => i.result === 'qty-diff');
    expect(diffed.map((i) => [i.itemNo, i.bookQty, i.countedQty])).toEqual([[itemNoOnRow(qtyDiff.sheet, qtyDiff.row), book.value, qtyDiff.value]]);

    const [stale] = cases('ledgers', false, (x) => x.code === 'not-checked-last-quarter');
    expect(items.filter((i) => i.unchecked).map((i) => i.itemNo)).toContain(itemNoOnRow(stale.sheet, stale.row));

    const [returned] = cases('ledgers', true, (x) => x.code === 'returned');
    const returnedNo = itemNoOnRow(returned.sheet, returned.row);
    expect([returnedNo, byNo(returnedNo)?.result]).toEqual([returnedNo, 'returned']);
    expect(out.findings.filter((f) => f.code === 'ledgers-property-missing').flatMap((f) => f.cells).map((c) => `${c.sheet}!${c.cell}`)).not.toContain(`${returned.sheet}!A${returned.row}`);
  });

  test('returns: each planted problem at its row, the clean return passes', () => {
    const flagged = l().returns.flagged.map((r) => `${r.flags.join(',')}@${r.row}`);
    for (const c of cases('ledgers', false, (x) => x.code.startsWith('return-'))) expect(flagged).toContain(`${c.code}@${c.row}`);
    for (const c of cases('ledgers', true, (x) => x.code.startsWith('return-'))) expect(l().returns.flagged.map((r) => r.row)).not.toContain(c.row);
  });

  test('sample room: the overdue loan with its days, the near misses not overdue, and the stock on hand', () => {
    const overdue = cases('ledgers').find((c) => c.code === 'sample-overdue')!;
    expect(l().samples.overdue.map((o) => o.daysOverdue)).toEqual([overdue.expect!.daysOverdue]);
    const stock = cases('ledgers').find((c) => c.code === 'sample-stock')!.expect as Record<string, number>;
    const onHand = Object.fromEntries(l().samples.onHand.map((s) => [s.sampleNo, s.onHand]));
    for (const [no, qty] of Object.entries(stock)) expect([no, onHand[no]]).toEqual([no, qty]);
  });
});
