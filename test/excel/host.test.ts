import { ExcelHost, missingRequirements, charsToPoints } from '../../src/excel';
import { HostError } from '../../src/core/host';
import { t } from '../../src/core/i18n';
import { planWrite } from '../../src/core/report/write-plan';
import { layoutSheet } from '../../src/core/report/layout';
import { a1 } from '../../src/core/values/address';
import { emptyState, readState, stateSheet, STATE_SHEET, type WorkbookState } from '../../src/core/state';
import type { Grid } from '../../src/core/grid';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { gridsFromSim, simFromGrids, trimGrid, type SimExcel } from '../office-sim';
import { figures } from '../office-sim/metrics';
import { hiddenSheet, numericFormats, offsetSheet, reportSpec, shippingList, trickySpec } from './fixtures';

const hostOn = (sim: SimExcel) => new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });

const normalise = (g: Grid) => {
  const values = g.values.map((r) => [...r]);
  const formats = numericFormats(g).map((r) => [...r]);
  trimGrid(values, formats);
  // The host looks for our ownership mark on every sheet; these sheets carry none.
  return { ...g, values, formats, ownerMark: null };
};

async function caught(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HostError) return e;
    throw e;
  }
  throw new Error('expected a HostError');
}

/** Write specs the way runOnHost does: plan against what the host read, the state sheet last. */
async function writeSpecs(host: ExcelHost, specs: SheetSpec[]) {
  const { grids, existing } = await host.readWorkbook();
  const prior = readState(grids);
  const owned = specs.map((s) => ({ sheet: s.name, purpose: s.purpose }));
  const state: WorkbookState = { ...prior, owned: [...prior.owned.filter((o) => !owned.some((n) => n.sheet === o.sheet)), ...owned] };
  const plan = planWrite(existing, state, [...specs, stateSheet(state)]);
  await host.write(plan);
  return plan;
}

describe('ExcelHost reads', () => {
  test('a workbook into the same Grids it was built from: numbers, text, dates with their formats, errors, merges, hidden rows/columns/sheets', async () => {
    const grids = [shippingList(), offsetSheet(), hiddenSheet()];
    const sim = simFromGrids(grids, { tables: [{ name: '表_客户', sheet: '客户档案', range: 'C3:D5' }] });
    const host = hostOn(sim);
    const { grids: read, existing } = await host.readWorkbook();
    expect(read.map((g) => g.name)).toEqual(['出货清单', '客户档案', '备用']);
    read.forEach((g, i) => expect(g).toEqual(normalise(grids[i])));
    // An error is an error; the same characters typed as text stay text.
    expect(read[0].values[4][5]).toEqual({ error: '#N/A' });
    expect(read[0].values[4][7]).toBe('#N/A');
    expect(read[0].values[6][7]).toBe('=SUM(G3:G6)');
    expect(read[0].formats[3][0]).toBe('yyyy"年"m"月"d"日"');
    expect(existing).toEqual({ sheets: ['出货清单', '客户档案', '备用'], tables: [{ name: '表_客户', sheet: '客户档案' }], marks: true });
    expect(host.warnings).toEqual([]);
  });

  test('many small sheets are read together: a few syncs, not one per sheet', async () => {
    const grids = Array.from({ length: 12 }, (_, i) => ({ ...shippingList(), name: `${i + 1}月出货清单`, merges: [], hiddenRows: [], hiddenColumns: [] }));
    const sim = simFromGrids(grids);
    const { grids: read } = await hostOn(sim).readWorkbook();
    read.forEach((g, i) => expect(g).toEqual(normalise(grids[i])));
    expect(sim.metrics.syncs).toBeLessThanOrEqual(6);
  });

  test('the 1904 date system is detected through DATE(1904,1,1)', async () => {
    const grids = [shippingList()];
    const sim = simFromGrids(grids, { date1904: true });
    const { grids: read } = await hostOn(sim).readWorkbook();
    expect(read[0].date1904).toBe(true);
    const { grids: read1900 } = await hostOn(simFromGrids(grids)).readWorkbook();
    expect(read1900[0].date1904).toBe(false);
  });

  test('more than 512 merged areas: banded reads still find them', async () => {
    const g = shippingList();
    g.values = Array.from({ length: 1400 }, (_, r) => [`第${r + 1}行`, null, r]);
    g.formats = g.values.map(() => [null, null, null]);
    g.merges = Array.from({ length: 700 }, (_, i) => ({ top: i * 2 + 1, left: 1, bottom: i * 2 + 2, right: 2 }));
    g.hiddenRows = [];
    g.hiddenColumns = [];
    const sim = simFromGrids([g]);
    const host = hostOn(sim);
    const { grids: read } = await host.readWorkbook();
    expect(read[0].merges).toEqual(g.merges);
    expect(host.warnings).toEqual([]);
  });

  test('scattered hidden rows are found by bisection, in a few syncs', async () => {
    const g = shippingList();
    g.values = Array.from({ length: 3000 }, (_, r) => [`第${r + 1}行`]);
    g.formats = g.values.map(() => [null]);
    g.merges = [];
    g.hiddenRows = [7, 8, 9, 1500, 2999];
    g.hiddenColumns = [];
    const sim = simFromGrids([g]);
    const { grids: read } = await hostOn(sim).readWorkbook();
    expect(read[0].hiddenRows).toEqual(g.hiddenRows);
    expect(sim.metrics.syncs).toBeLessThan(25);
  });
});

test('a filtered list (every other row hidden): exact with ExcelApi 1.9 visible cells; before 1.9 a warning past the probe cap', async () => {
  const g = shippingList();
  g.values = Array.from({ length: 20_000 }, (_, r) => [`第${r + 1}行`, r]);
  g.formats = g.values.map(() => [null, null]);
  g.merges = [];
  g.hiddenRows = Array.from({ length: 10_000 }, (_, i) => i * 2 + 2);
  g.hiddenColumns = [2];
  const sim = simFromGrids([g]);
  const host = hostOn(sim);
  const { grids: read } = await host.readWorkbook();
  expect(read[0].hiddenRows).toEqual(g.hiddenRows);
  expect(read[0].hiddenColumns).toEqual([2]);
  expect(host.warnings).toEqual([]);
  expect(sim.metrics.syncs).toBeLessThan(10);

  const old = simFromGrids([g], { apiMinor: 8 });
  const oldHost = hostOn(old);
  const { grids: oldRead } = await oldHost.readWorkbook();
  expect(oldHost.warnings).toEqual([{ key: 'excel.host.warn.hiddenRows', values: { sheet: '出货清单' } }]);
  expect(oldRead[0].hiddenRows.every((r) => r % 2 === 0)).toBe(true);
  expect(oldRead[0].hiddenColumns).toEqual([2]);
  expect(old.metrics.largestRequest).toBeLessThan(4_000_000);
});

describe('ExcelHost writes', () => {
  test('a WritePlan: cells, formats, tables, links, highlights, widths, freeze, chart, hidden state sheet', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    const plan = await writeSpecs(host, [reportSpec()]);
    const layout = plan.layouts[0];
    const c = (a1: string) => sim.cell('核对_出货', a1);
    expect(c('A1').value).toBe('出货核对');
    expect(c('A4')).toMatchObject({ value: '核对行数', format: '@' });
    expect(c('B4')).toMatchObject({ value: 3, format: '0' });
    expect(c('B5')).toMatchObject({ value: '-5% 以内视为一致', formula: null });
    // Table: header row 7, data 8..10, totals 11.
    expect(c('A7').value).toBe('来源');
    expect(c('B8')).toMatchObject({ value: 46300, format: 'yyyy-mm-dd' });
    expect(c('C9')).toMatchObject({ value: 614.4, format: '¥#,##0.00;-¥#,##0.00' });
    expect(c('D10')).toMatchObject({ value: '=SUM(A1)', formula: null });
    expect(c('A11').value).toBe('合计');
    expect(sim.tables('核对_出货')).toEqual([{ name: '表_出货核对', sheet: '核对_出货', range: 'A7:E10' }]);
    expect(c('A8').hyperlink).toEqual({ documentReference: "'出货清单'!B3", textToDisplay: '出货清单!B3' });
    expect(c('A8').font).toEqual({ color: '#0563C1', underline: 'Single' });
    expect(c('A1').font).toEqual({ bold: true, size: 14 });
    expect(c('A2').font).toEqual({ bold: true });
    expect(c('A4').font).toBeNull();
    const sheet = sim.sheet('核对_出货');
    expect(sheet.conditionalFormats).toEqual([{ type: 'Custom', range: 'A8:E10', formula: '=$D8="错误"', fill: '#FFC7CE' }]);
    expect(layout.widths.map((_, i) => sheet.columnWidths.get(i))).toEqual(layout.widths.map(charsToPoints));
    expect(sheet.frozenRows).toBe(7);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: 'ColumnClustered',
      title: '金额与数量',
      // Under the tables, so the chart prints with them; the same size as in the file host.
      position: 'A13',
      end: 'I31',
      series: [
        { name: '含税金额', values: "'核对_出货'!C8:C10", xValues: "'核对_出货'!B8:B10" },
        { name: '数量', values: "'核对_出货'!E8:E10", xValues: "'核对_出货'!B8:B10" },
      ],
    });
    expect(sim.sheet(STATE_SHEET).visibility).toBe('Hidden');
    expect(readState(gridsFromSim(sim)).owned).toEqual([{ sheet: '核对_出货', purpose: 'quotes', mark: 'CD-1' }]);
    expect(sim.metrics.calcSuspensions).toBeGreaterThan(0);
  });

  test('formula-like and number-like text stays text, in text and in number columns', async () => {
    const sim = simFromGrids([shippingList()]);
    await writeSpecs(hostOn(sim), [trickySpec()]);
    const spec = trickySpec();
    const sheet = sim.sheet('结构_测试');
    expect(sheet.formulas.size).toBe(0);
    expect(sim.cell('结构_测试', 'A1').value).toBe('=HYPERLINK("http://example.com")');
    spec.tables[0].rows.forEach((row, i) => {
      expect(sim.cell('结构_测试', `A${i + 4}`).value).toBe(row[0]);
      expect(sim.cell('结构_测试', `B${i + 4}`).value).toBe(row[1]);
    });
  });

  test('a re-run replaces our sheets in their places: no extra sheet or table, the clerk’s sheets untouched', async () => {
    const sim = simFromGrids([shippingList(), offsetSheet()], { tables: [{ name: '表_客户', sheet: '客户档案', range: 'C3:D5' }] });
    const host = hostOn(sim);
    const clerkBefore = gridsFromSim(sim).slice(0, 2);
    await writeSpecs(host, [reportSpec(3)]);
    const sheetsAfterFirst = sim.model.sheets.map((s) => s.name);
    const first = sim.sheet('核对_出货');
    await writeSpecs(host, [reportSpec(2)]);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(sheetsAfterFirst);
    // A new sheet, filled while hidden and switched into the old one's place (issue 21), visible like the old one.
    expect(sim.sheet('核对_出货')).not.toBe(first);
    expect(sim.sheet('核对_出货').visibility).toBe('Visible');
    expect(sim.sheet(STATE_SHEET).visibility).toBe('Hidden');
    expect(sim.tables().map((x) => x.name).sort()).toEqual(['ClerkDesk_state', '表_出货核对', '表_客户'].sort());
    expect(sim.tables('核对_出货')[0].range).toBe('A7:E9');
    expect(sim.cell('核对_出货', 'A10').value).toBe('合计'); // totals moved up; the old row 11 is gone
    expect(sim.cell('核对_出货', 'A11').value).toBeNull();
    expect(sim.sheet('核对_出货').conditionalFormats).toHaveLength(1);
    expect(sim.sheet('核对_出货').charts).toHaveLength(1);
    expect(gridsFromSim(sim).slice(0, 2)).toEqual(clerkBefore);
  });

  test('a stale sheet of ours is removed; a name the clerk took gets a new one', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec(), { ...reportSpec(), name: '核对_旧', tables: [{ ...reportSpec().tables[0], name: '表_旧' }], charts: [] }]);
    expect(sim.model.sheet('核对_旧')).toBeDefined();
    const plan = await writeSpecs(host, [reportSpec()]);
    expect(plan.remove).toEqual(['核对_旧']);
    expect(sim.model.sheet('核对_旧')).toBeUndefined();
    expect(sim.tables().map((x) => x.name)).not.toContain('表_旧');
  });

  test('a protected sheet of ours: a clear HostError naming it, and nothing written anywhere', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec()]);
    sim.sheet('核对_出货').protected = true;
    const before = JSON.stringify(gridsFromSim(sim));
    const err = await caught(writeSpecs(host, [reportSpec(1), { ...trickySpec() }]));
    expect(err.key).toBe('excel.host.protected');
    expect(err.values).toEqual({ sheet: '核对_出货' });
    expect(t('zh-CN', err.key, err.values)).toContain('“核对_出货”受保护');
    expect(JSON.stringify(gridsFromSim(sim))).toBe(before);
    expect(sim.model.sheet('结构_测试')).toBeUndefined();
  });

  test('the clerk typing in a cell, a name taken meanwhile: clear messages', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    const { existing } = await host.readWorkbook();
    const plan = planWrite(existing, emptyState(), [reportSpec()]);
    sim.model.addSheet('核对_出货'); // the clerk adds a sheet with that name after we read
    const dup = await caught(host.write(plan));
    expect(dup.key).toBe('excel.host.duplicateName');
    expect(t('en-US', dup.key, dup.values)).toBe('The name "核对_出货" is already used by a sheet or table in this workbook. Rename or delete it, then run again.');
    sim.model.cellEditMode = true;
    const edit = await caught(host.readWorkbook());
    expect(edit.key).toBe('excel.host.cellEditMode');
    expect(t('zh-CN', edit.key)).toContain('Enter');
  });

  test('a sheet of ours deleted between read and write is simply written again', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec()]);
    const { grids, existing } = await host.readWorkbook();
    const state = readState(grids);
    const plan = planWrite(existing, state, [reportSpec(), stateSheet(state)]);
    expect(plan.reuse).toContain('核对_出货');
    sim.model.deleteSheet(sim.sheet('核对_出货'));
    await host.write(plan);
    expect(sim.cell('核对_出货', 'A8').hyperlink?.documentReference).toBe("'出货清单'!B3");
    expect(sim.tables('核对_出货')).toHaveLength(1);
  });

  test('select activates the sheet and selects the cell', async () => {
    const sim = simFromGrids([shippingList(), offsetSheet()]);
    const host = hostOn(sim);
    await host.select({ sheet: '客户档案', cell: 'D4' });
    expect(sim.model.selection).toEqual({ sheet: '客户档案', address: 'D4' });
    expect(sim.model.active?.name).toBe('客户档案');
    expect((await caught(host.select({ sheet: '不存在', cell: 'A1' }))).key).toBe('excel.host.sheetMissing');
  });

  test('layout widths and values written match layoutSheet for the spec', async () => {
    const layout = layoutSheet(reportSpec());
    expect(layout.tables[0]).toMatchObject({ top: 7, bottom: 10, right: 5 });
    const sim = simFromGrids([shippingList()]);
    await writeSpecs(hostOn(sim), [reportSpec()]);
    const sheet = sim.sheet(layout.name);
    // Excel's rule for a width of n characters of Calibri 11: 7 px a character plus 5 px of padding, 0.75 pt a pixel.
    expect(layout.widths.length).toBeGreaterThan(0);
    layout.widths.forEach((chars, i) => expect([i, sheet.columnWidths.get(i)]).toEqual([i, expect.closeTo((chars * 7 + 5) * 0.75, 2)]));
    // Every cell of every block holds the value the layout put there, an empty one included.
    const cells = layout.blocks.flatMap((b) => b.rows.flatMap((row, r) => row.map((v, c) => ({ at: a1(b.top + r, b.left + c), v }))));
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.map(({ at }) => [at, sim.cell(layout.name, at).value])).toEqual(cells.map(({ at, v }) => [at, v]));
  });
});

describe('requirement sets', () => {
  test('below ExcelApi 1.7 the host refuses clearly; optional sets are listed', async () => {
    const sim = simFromGrids([shippingList()], { apiMinor: 6 });
    const host = hostOn(sim);
    expect(host.missing().map((r) => [r.version, r.required])).toEqual([
      ['1.7', true],
      ['1.9', false],
      ['1.9', false],
      ['1.9', false],
      ['1.13', false],
    ]);
    const err = await caught(host.readWorkbook());
    expect(err.key).toBe('excel.host.unsupported');
    expect(t('zh-CN', err.key, err.values)).toContain('ExcelApi 1.7');
    expect(sim.metrics.syncs).toBe(0);
  });

  test('on ExcelApi 1.12 (no merged areas, no 1.13) reads work without merges and writes without errors', async () => {
    const sim = simFromGrids([shippingList()], { apiMinor: 12 });
    const host = hostOn(sim);
    expect(missingRequirements(sim.isSetSupported).map((r) => r.version)).toEqual(['1.13']);
    const { grids } = await host.readWorkbook();
    expect(grids[0].merges).toEqual([]);
    await writeSpecs(host, [reportSpec()]);
    expect(sim.tables('核对_出货')).toHaveLength(1);
    expect(figures(sim).failedSyncs).toBe(0);
  });
});
