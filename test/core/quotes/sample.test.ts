import * as fs from 'fs';
import * as path from 'path';
import { XlsxHost } from '../../../src/xlsx';
import { runWorkbook, type RunOutput } from '../../../src/core/pipeline';
import type { QuotesSection } from '../../../src/core/quotes/report';
import { LINES_TABLE } from '../../../src/core/quotes/report';
import { asIsoDate } from '../../../src/core/values/brand';

/** The sample workbook and its list of planted cases (assets/sample/PLANTED.md). */
const SAMPLE = path.join(__dirname, '../../../assets/sample/clerk-sample.xlsx');
const PLANTED = path.join(__dirname, '../../../assets/sample/planted.json');

interface PlantedCase {
  job: string;
  code: string;
  nearMiss: boolean;
  sheet: string;
  cell: string;
  also?: { sheet: string; cell: string }[];
  expect?: { contractNo?: string; expected?: number; actual?: number };
}

/** A list of planted cases to loop over: never empty, so the loop cannot pass by checking nothing. */
function nonEmpty<T>(what: string, xs: T[]): T[] {
  expect([what, xs.length > 0]).toEqual([what, true]);
  return xs;
}

describe('the quote check on the sample workbook', () => {
  let out: RunOutput;
  let q: QuotesSection;
  const planted = (JSON.parse(fs.readFileSync(PLANTED, 'utf8')) as { asOf: string; cases: PlantedCase[] }).cases.filter((c) => c.job === 'quotes');

  beforeAll(async () => {
    const host = await XlsxHost.open(SAMPLE);
    const read = await host.readWorkbook();
    out = runWorkbook(read.grids, { jobs: ['quotes'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    q = out.summary.quotes as unknown as QuotesSection;
  });

  test('the JSON lists exactly the planted findings', () => {
    const key = (rule: string, sheet: string, cell: string) => `${rule} ${sheet}!${cell}`;
    expect(q.findings.map((f) => key(f.rule, f.sheet, f.cell)).sort()).toEqual(planted.filter((c) => !c.nearMiss).map((c) => key(c.code, c.sheet, c.cell)).sort());
  });

  test('each finding carries the planted contract number and figures', () => {
    const found = nonEmpty('planted quote findings', planted.filter((p) => !p.nearMiss));
    nonEmpty('with a contract number', found.filter((c) => c.expect?.contractNo));
    nonEmpty('with figures', found.filter((c) => c.expect?.expected !== undefined));
    for (const c of found) {
      const f = q.findings.find((x) => x.rule === c.code && x.cell === c.cell)!;
      if (c.expect?.contractNo) expect([c.cell, f.contractNo]).toEqual([c.cell, c.expect.contractNo]);
      if (c.expect?.expected !== undefined) expect([c.cell, f.expected, f.actual]).toEqual([c.cell, c.expect.expected, c.expect.actual]);
    }
  });

  test('no near miss fires', () => {
    for (const c of nonEmpty('quote near misses', planted.filter((p) => p.nearMiss))) {
      expect([c.code, c.cell, q.findings.some((f) => f.rule === c.code && f.cell === c.cell)]).toEqual([c.code, c.cell, false]);
    }
  });

  test('a finding with other cells points at them too (the first of two duplicate lines)', () => {
    for (const c of nonEmpty('findings with other cells', planted.filter((p) => !p.nearMiss && p.also))) {
      const f = out.findings.find((x) => x.code === `quotes-${c.code}` && x.cells[0].cell === c.cell)!;
      for (const a of c.also!) expect(f.cells).toContainEqual({ sheet: a.sheet, cell: a.cell });
    }
  });

  test('the check sheet has one row per contract line', () => {
    const sheet = out.sheets.find((s) => s.name === '核对_报价合同')!;
    const lines = sheet.tables.find((t) => t.name === LINES_TABLE)!;
    expect(lines.rows).toHaveLength(q.checked);
    const contracts = out.structure.tables.find((t) => t.kind === 'contracts')!;
    expect(q.checked).toBe(contracts.rows.length);
    expect(q.ok).toBe(q.checked - new Set(q.findings.map((f) => f.row)).size);
  });
});
