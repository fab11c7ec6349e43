import { structureWorkbook } from '../../../src/core/structure';
import { runWorkbook } from '../../../src/core/pipeline';
import { readState, stateSheet, type WorkbookState } from '../../../src/core/state';
import { asIsoDate } from '../../../src/core/values/brand';
import { sheet, specToGrid } from './grid-builder';

const RUIDA = '宁波锐达汽车零部件有限公司';

const ambiguous = () =>
  sheet('Sheet1', [
    ['日期', '送货单号', '物料编码', '品名', '数量', '单价', '金额'],
    ['2026-10-05', 'DN2610001', 'HG-M2031', '导柱', 600, 18.8, 11280],
  ]);

const german = () =>
  sheet('Lieferungen', [
    ['Datum', 'Lieferschein', 'Teil', 'Menge', 'Kunde'],
    ['2026-10-05', 'LS-1', 'HG-M2031', 600, RUIDA],
    ['2026-10-06', 'LS-2', 'HG-M2032', 'viel', RUIDA],
  ]);

describe('the clerk’s overrides', () => {
  it('a kind override wins over detection, with no ambiguity finding', () => {
    const r = structureWorkbook([ambiguous()], { overrides: { Sheet1: { kind: 'statements' } } });
    expect(r.detections[0]).toMatchObject({ kind: 'statements', confidence: 1, alternatives: [], overridden: true });
    expect(r.tables[0].kind).toBe('statements');
    expect(r.findings).toEqual([]);
  });

  it("'ignore' skips the sheet", () => {
    const r = structureWorkbook([ambiguous()], { overrides: { Sheet1: { kind: 'ignore' } } });
    expect(r.tables).toEqual([]);
    expect(r.detections).toEqual([expect.objectContaining({ sheet: 'Sheet1', kind: null, overridden: true })]);
  });

  it('kind, header row and columns make a table of a sheet whose headers mean nothing to detection', () => {
    expect(structureWorkbook([german()]).tables).toEqual([]);
    const r = structureWorkbook([german()], {
      overrides: { Lieferungen: { kind: 'shipments', headerRow: 1, columns: { date: 1, deliveryNo: 2, part: 3, quantity: 4, customer: 5 } } },
    });
    const t = r.tables[0];
    expect(t).toMatchObject({ kind: 'shipments', headerRows: [1], firstDataRow: 2, lastDataRow: 3 });
    expect(t.columns).toEqual({ date: 1, deliveryNo: 2, customer: 5, part: 3, quantity: 4 });
    expect(t.rows[0].fields).toEqual({ date: '2026-10-05', deliveryNo: 'LS-1', customer: RUIDA, part: 'HG-M2031', quantity: 600 });
    expect(r.issues.map((i) => [i.cell, i.problem, i.message.values?.header])).toEqual([['D3', 'not-a-number', 'Menge']]);
  });

  it('a column override moves a field and null unmaps one; an unknown field is reported', () => {
    const grid = sheet('出货清单', [
      ['送货日期', '物料编码', '数量', '备注', '收货单位'],
      ['2026-10-05', 'HG-M2031', 600, '加急', RUIDA],
    ]);
    const auto = structureWorkbook([grid]);
    expect(auto.detections[0].columns).toMatchObject({ remarks: 'D' });
    expect(auto.detections[0].columns.customer).toBeUndefined();
    const r = structureWorkbook([grid], { overrides: { 出货清单: { columns: { customer: 5, remarks: null, colour: 2 } } } });
    expect(r.detections[0]).toMatchObject({ overridden: true, columns: { date: 'A', part: 'B', quantity: 'C', customer: 'E' } });
    expect(r.detections[0].columns.remarks).toBeUndefined();
    expect(r.tables[0].rows[0].fields).toEqual({ date: '2026-10-05', customer: RUIDA, part: 'HG-M2031', quantity: 600 });
    expect(r.findings.map((f) => f.code)).toEqual(['structure.override-unknown-field']);
  });

  it('a column override that takes a mapped column unmaps the field that had it', () => {
    const grid = sheet('出货清单', [
      ['送货日期', '物料编码', '数量', '备注'],
      ['2026-10-05', 'HG-M2031', 600, 'DN2610001'],
    ]);
    const r = structureWorkbook([grid], { overrides: { 出货清单: { columns: { deliveryNo: 4 } } } });
    expect(r.tables[0].rows[0].fields).toEqual({ date: '2026-10-05', deliveryNo: 'DN2610001', part: 'HG-M2031', quantity: 600 });
  });

  it('overrides stored in the workbook’s state sheet are applied by the pipeline and survive a re-run', () => {
    const state: WorkbookState = { version: 1, owned: [], overrides: { Sheet1: { kind: 'statements' } } };
    const stateGrid = specToGrid(stateSheet(state));
    const first = runWorkbook([ambiguous(), stateGrid], { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    expect(first.structure.tables[0].kind).toBe('statements');
    expect(first.state.overrides).toEqual(state.overrides);
    // Re-run on the workbook as written: our own sheets plus the new state sheet.
    const written = first.sheets.map(specToGrid);
    const again = runWorkbook([ambiguous(), ...written], { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    expect(again.structure.tables.map((t) => [t.sheet, t.kind])).toEqual([['Sheet1', 'statements']]);
    expect(again.structure.detections.map((d) => d.sheet)).toEqual(['Sheet1']);
    expect(readState(written).overrides).toEqual(state.overrides);
    expect(again.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
  });
});
