/**
 * Every job through Microsoft's Excel client library on the emulated wire: the same sample workbook behind the file
 * host and behind `Excel.run` of @microsoft/office-js (excel-web-16.00), the written sheets compared cell by cell,
 * on the first run and on a re-run; syncs and payload bytes counted on the wire, as the client sent them.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../src/excel';
import { XlsxHost } from '../../src/xlsx';
import { runOnHost } from '../../src/core/run-on-host';
import type { RunRequest } from '../../src/core/pipeline';
import type { JobId } from '../../src/core/job-definition';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import { benchBook } from '../../bench/fixtures';
import { fileWorkbook, wireWorkbook, xlsxOf } from './compare';
import { wireFromGrids } from './index';

const SAMPLE = join(__dirname, '../../assets/sample/clerk-sample.xlsx');
const open = (buf: Buffer) => XlsxHost.open(buf, 'clerk-sample.xlsx');

const request = (jobs: readonly JobId[]): RunRequest => ({
  jobs,
  asOf: asIsoDate('2026-10-31'),
  lang: 'zh-CN',
  options: { period: '2026-10', month: '2026-10' },
});

const JOBS: [string, readonly JobId[]][] = [...JOB_IDS.map((j): [string, readonly JobId[]] => [j, [j]]), ['all', JOB_IDS]];

const figures: string[] = [];
afterAll(() => console.log(`book | job | run | syncs | largest request B | request B | largest response B | response B\n${figures.join('\n')}`));

/** Run `jobs` twice (first run, re-run) on both hosts over the same workbook file and compare what they wrote. */
async function sameOnBoth(book: string, file: Buffer, name: string, jobs: readonly JobId[]): Promise<void> {
  {
    const { grids } = await (await open(file)).readWorkbook();
    const wire = wireFromGrids(grids);
    const excel = new ExcelHost({ run: wire.run, isSetSupported: wire.isSetSupported });
    let xlsx = await open(file);
    const clerkBefore = wireWorkbook(wire).sheets;
    for (const round of [1, 2]) {
      wire.resetMetrics();
      const onWire = await runOnHost(excel, request(jobs));
      const onFile = await runOnHost(xlsx, request(jobs));
      expect(onWire.plan).toEqual(onFile.plan);
      const m = wire.metrics;
      figures.push(`${book} | ${name} | ${round} | ${m.syncs} | ${m.largestRequest} | ${m.requestBytes} | ${m.largestResponse} | ${m.responseBytes}`);
      expect(m.log.filter((r) => r.error)).toEqual([]);
      expect(m.largestRequest).toBeLessThan(4_000_000);

      const inExcel = wireWorkbook(wire);
      const inFile = await fileWorkbook(xlsx, open);
      xlsx = await open(await xlsx.toBuffer());
      expect(inExcel.sheets.map((s) => s.name)).toEqual(inFile.sheets.map((s) => s.name));
      for (const layout of onWire.plan.layouts) {
        const a = inExcel.sheets.find((s) => s.name === layout.name);
        const b = inFile.sheets.find((s) => s.name === layout.name);
        expect(a).toEqual(b);
      }
      expect(inExcel.tables).toEqual(inFile.tables);
      // Excel put every table where the layout said.
      for (const layout of onWire.plan.layouts) {
        for (const t of layout.tables) {
          const got = wire.sim.tables(layout.name).find((x) => x.name === t.name);
          expect(got?.range).toBe(`${col(t.left)}${t.top}:${col(t.right)}${t.bottom}`);
        }
      }
      // The clerk's sheets are as they were.
      expect(inExcel.sheets.slice(0, clerkBefore.length)).toEqual(clerkBefore);
      if (round === 2) expect(onWire.plan.reuse.length).toBe(onWire.plan.layouts.length);
    }
  }
}

describe('every job on Microsoft’s client over the emulated wire writes what the file host writes', () => {
  test.each(JOBS)('sample workbook: %s', async (name, jobs) => {
    await sameOnBoth('sample', readFileSync(SAMPLE), name, jobs);
  });

  test('10,000 shipment rows: all jobs', async () => {
    await sameOnBoth('10k rows', await xlsxOf(benchBook(10_000).grids), 'all', JOB_IDS);
  }, 600_000);
});

function col(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
