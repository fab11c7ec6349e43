/**
 * Design rule 2: the same workbook and the same run through the Office.js host (on the simulation) and through the
 * xlsx host give identical generated sheets. Both are read back as Grids and compared cell by cell.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../src/excel';
import { tableColumnNames } from '../../src/excel/write';
import { XlsxHost } from '../../src/xlsx';
import { tableColumnNames as xlsxColumnNames } from '../../src/xlsx/write';
import { runOnHost } from '../../src/core/run-on-host';
import type { RunRequest } from '../../src/core/pipeline';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import { isGridError, type Grid } from '../../src/core/grid';
import { benchBook } from '../../bench/fixtures';
import { gridsFromSim, simFromGrids } from '../office-sim';
import { comparable } from '../office-wire/compare';
import { measureRun } from '../office-sim/metrics';
import { offsetSheet, shippingList } from './fixtures';

async function xlsxFromGrids(grids: readonly Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (grids.some((g) => g.date1904)) wb.properties.date1904 = true;
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name, g.hidden ? { state: 'hidden' } : {});
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = isGridError(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : typeof v === 'string' && v.startsWith('=') ? { richText: [{ text: v }] } : v;
        const f = g.formats[r]?.[c];
        if (f) cell.numFmt = f;
      }),
    );
    for (const m of g.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
    for (const r of g.hiddenRows) ws.getRow(r).hidden = true;
    for (const c of g.hiddenColumns) ws.getColumn(c).hidden = true;
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const request: RunRequest = {
  jobs: JOB_IDS.filter((j) => j !== 'structure'),
  asOf: asIsoDate('2026-10-31'),
  lang: 'zh-CN',
  options: { period: '2026-10', month: '2026-10' },
};

async function sameSheets(grids: Grid[], file?: Buffer): Promise<void> {
  const sim = simFromGrids(grids);
  const excel = new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });
  let xlsx = await XlsxHost.open(file ?? (await xlsxFromGrids(grids)), 'equivalence.xlsx');
  const clerkBefore = gridsFromSim(sim).map(comparable);

  for (const round of [1, 2]) {
    const { result: onSim, figures } = await measureRun(sim, () => runOnHost(excel, request));
    const onFile = await runOnHost(xlsx, request);
    expect(onSim.plan).toEqual(onFile.plan);
    const generated = onSim.plan.layouts.map((l) => l.name);
    expect(generated.length).toBeGreaterThan(3);

    xlsx = await XlsxHost.open(await xlsx.toBuffer(), 'equivalence.xlsx');
    const fileRead = await xlsx.readWorkbook();
    const simGrids = gridsFromSim(sim);
    for (const name of generated) {
      const a = simGrids.find((g) => g.name === name);
      const b = fileRead.grids.find((g) => g.name === name);
      expect(a && comparable(a)).toEqual(b && comparable(b));
    }
    // Same sheets in the same order, same tables on the same sheets.
    expect(simGrids.map((g) => g.name)).toEqual(fileRead.grids.map((g) => g.name));
    const simTables = sim.tables().map((t) => ({ name: t.name, sheet: t.sheet }));
    const key = (t: { name: string; sheet: string }) => `${t.sheet}/${t.name}`;
    expect(simTables.map(key).sort()).toEqual(fileRead.existing.tables.map(key).sort());
    // The clerk's sheets are as they were.
    expect(simGrids.slice(0, grids.length).map(comparable)).toEqual(clerkBefore);
    expect(figures.largestRequest).toBeLessThan(4_000_000);
    if (round === 2) expect(onSim.plan.reuse.length).toBe(generated.length);
  }
}

describe('the Office.js host and the xlsx host write the same sheets', () => {
  test('first run and re-run: identical generated sheets and tables, the clerk’s sheets untouched', async () => {
    await sameSheets([...benchBook(240).grids, { ...shippingList(), name: '手工出货单' }, { ...offsetSheet(), name: '客户档案（旧）' }]);
  });

  test('a 1904-date-system workbook: dates written in its own serials by both hosts', async () => {
    await sameSheets(benchBook(60).grids.map((g) => ({ ...g, date1904: true })));
  });

  test('the sample workbook: the same file behind both hosts gives the same sheets', async () => {
    const file = readFileSync(join(__dirname, '../../assets/sample/clerk-sample.xlsx'));
    const { grids } = await (await XlsxHost.open(file, 'clerk-sample.xlsx')).readWorkbook();
    await sameSheets(grids, file);
  });

  test('table header names are made valid the same way', () => {
    for (const headers of [['类型', ' ', '金额', '金额', ''], ['A', 'a', 'A2'], []]) expect(tableColumnNames(headers)).toEqual(xlsxColumnNames(headers));
  });
});
