import * as fs from 'fs';
import * as path from 'path';
import { XlsxHost } from '../../../src/xlsx';
import { runWorkbook, type RunOutput } from '../../../src/core/pipeline';
import type { ReceivablesSection } from '../../../src/core/receivables/job';
import type { SalesSection } from '../../../src/core/sales/job';
import type { LedgersSection } from '../../../src/core/ledgers/job';
import { asIsoDate } from '../../../src/core/values/brand';

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
const cases = (job: string, nearMiss = false) => planted.cases.filter((c) => c.job === job && c.nearMiss === nearMiss);

let out: RunOutput;
beforeAll(async () => {
  const read = await (await XlsxHost.open(SAMPLE)).readWorkbook();
  out = runWorkbook(read.grids, { jobs: ['receivables', 'sales', 'ledgers'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { month: '2026-10' } });
});

describe('receivables on the sample', () => {
  const r = () => out.summary.receivables as unknown as ReceivablesSection;

  test('outstanding, unapplied and the October collection rate of every customer match the hand-worked figures', () => {
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
    for (const c of cases('receivables').filter((x) => ['overdue-90', 'partial-overdue', 'overpayment', 'receipt-no-invoice', 'receipt-unmatched-amount'].includes(x.code))) {
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
    expect(Object.fromEntries(s.months.map((m, i) => [m, s.totals.months[i]]))).toEqual(planted.figures.salesNetByMonth);
    const gross = runWorkbook([], { jobs: [], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' }); // keep types honest: an empty run has no sales
    expect(gross.summary.sales).toBeUndefined();
  });

  test('the development project at 6% is in the project class', () => {
    const s = out.summary.sales as unknown as SalesSection;
    expect(s.classes.find((c) => c.class === 'project')?.total).toBeGreaterThan(0);
  });
});

describe('ledgers on the sample', () => {
  const l = () => out.summary.ledgers as unknown as LedgersSection;
  const flagsOf = (no: string) => l().contracts.find((c) => c.contractNo === no)?.flags ?? [];

  test('every planted contract flag is found, and no near miss fires', () => {
    for (const c of cases('ledgers').filter((x) => x.expect?.contractNo)) expect([c.code, flagsOf(String(c.expect!.contractNo))]).toEqual([c.code, expect.arrayContaining([c.code])]);
    // A near miss on a contract line is judged on that line (the contract may carry the flag from its other line).
    const lineFlags = (sheet: string, row: number) => l().contracts.flatMap((c) => c.lines).find((x) => x.sheet === sheet && x.row === row)?.flags;
    for (const c of cases('ledgers', true).filter((x) => x.expect?.contractNo)) {
      const flags = c.sheet === '合同台账' ? lineFlags(c.sheet, c.row) : flagsOf(String(c.expect!.contractNo));
      expect([c.code, c.expect!.contractNo, flags]).toEqual([c.code, c.expect!.contractNo, expect.not.arrayContaining([c.code])]);
    }
  });

  test('customer property: missing, not on the ledger, quantity difference, unchecked; the returned item is not missing', () => {
    const items = l().property.items;
    const byNo = (no: string) => items.find((i) => i.itemNo === no);
    for (const c of cases('ledgers').filter((x) => ['missing', 'not-on-ledger', 'qty-diff'].includes(x.code))) {
      const no = c.code === 'qty-diff' ? undefined : String(c.value);
      if (no) expect([c.code, byNo(no)?.result]).toEqual([c.code, c.code]);
    }
    expect(items.filter((i) => i.result === 'qty-diff')).toHaveLength(1);
    expect(items.some((i) => i.unchecked)).toBe(true);
    const returned = cases('ledgers', true).find((c) => c.code === 'returned')!;
    expect(items.find((i) => i.result === 'returned')).toBeDefined();
    expect(out.findings.filter((f) => f.code === 'ledgers-property-missing').flatMap((f) => f.cells).map((c) => `${c.sheet}!${c.cell}`)).not.toContain(`${returned.sheet}!A${returned.row}`);
  });

  test('returns: each planted problem at its row, the clean return passes', () => {
    const flagged = l().returns.flagged.map((r) => `${r.flags.join(',')}@${r.row}`);
    for (const c of cases('ledgers').filter((x) => x.code.startsWith('return-'))) expect(flagged).toContain(`${c.code}@${c.row}`);
    for (const c of cases('ledgers', true).filter((x) => x.code.startsWith('return-'))) expect(l().returns.flagged.map((r) => r.row)).not.toContain(c.row);
  });

  test('sample room: the overdue loan with its days, the near misses not overdue, and the stock on hand', () => {
    const overdue = cases('ledgers').find((c) => c.code === 'sample-overdue')!;
    expect(l().samples.overdue.map((o) => o.daysOverdue)).toEqual([overdue.expect!.daysOverdue]);
    const stock = cases('ledgers').find((c) => c.code === 'sample-stock')!.expect as Record<string, number>;
    const onHand = Object.fromEntries(l().samples.onHand.map((s) => [s.sampleNo, s.onHand]));
    for (const [no, qty] of Object.entries(stock)) expect([no, onHand[no]]).toEqual([no, qty]);
  });
});
