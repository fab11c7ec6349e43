/**
 * Issue 21 on the Office.js host: what a re-run's switch leaves (names, places, references), the repair of a run that
 * stopped, failures in the middle of a fill that takes several syncs, and what the clerk is told.
 */
import { ExcelHost } from '../../src/excel';
import { STAGING_PREFIX } from '../../src/excel/staging';
import { HostError } from '../../src/core/host';
import { planWrite } from '../../src/core/report/write-plan';
import { readState, stateSheet, STATE_SHEET, type WorkbookState } from '../../src/core/state';
import type { SheetSpec } from '../../src/core/sheet-spec';
import type { Grid } from '../../src/core/grid';
import { canRetry, errorText } from '../../src/taskpane/errors';
import { gridsFromSim, simFromGrids, type SimExcel } from '../office-sim';
import { offsetSheet, reportSpec, shippingList, trickySpec } from './fixtures';

const hostOn = (sim: SimExcel) => new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });

/** Plan specs the way runOnHost does (read first, the state sheet last), without writing. */
async function planSpecs(host: ExcelHost, specs: SheetSpec[]) {
  const { grids, existing } = await host.readWorkbook();
  const prior = readState(grids);
  const owned = specs.map((s) => ({ sheet: s.name, purpose: s.purpose }));
  const state: WorkbookState = { ...prior, owned: [...prior.owned.filter((o) => !owned.some((n) => n.sheet === o.sheet)), ...owned] };
  return planWrite(existing, state, [...specs, stateSheet(state)]);
}

async function writeSpecs(host: ExcelHost, specs: SheetSpec[]) {
  const plan = await planSpecs(host, specs);
  await host.write(plan);
  return plan;
}

const names = (sim: SimExcel) => sim.model.sheets.map((s) => `${s.name}${s.visibility === 'Visible' ? '' : ' (hidden)'}`);

describe('the switch of a re-run', () => {
  test('sheets keep their places between the clerk’s; tables, charts, links and freeze panes name the final sheets', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec(3), trickySpec()]);
    // The clerk moves a sheet of hers between ours.
    sim.model.moveSheet(sim.model.addSheet('备注'), 2);
    expect(names(sim)).toEqual(['出货清单', '核对_出货', '备注', '结构_测试', 'ClerkDesk_state (hidden)']);
    await writeSpecs(host, [reportSpec(2), trickySpec()]);
    expect(names(sim)).toEqual(['出货清单', '核对_出货', '备注', '结构_测试', 'ClerkDesk_state (hidden)']);
    expect(sim.tables().sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [
        { name: 'ClerkDesk_state', sheet: STATE_SHEET, range: 'A1:A2' },
        { name: '表_出货核对', sheet: '核对_出货', range: 'A7:E9' },
        { name: '表_测试', sheet: '结构_测试', range: 'A3:B13' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const sheet = sim.sheet('核对_出货');
    expect(sheet.charts.map((c) => c.series)).toEqual([
      [
        { name: '含税金额', values: "'核对_出货'!C8:C9", xValues: "'核对_出货'!B8:B9" },
        { name: '数量', values: "'核对_出货'!E8:E9", xValues: "'核对_出货'!B8:B9" },
      ],
    ]);
    expect(sim.cell('核对_出货', 'A9').hyperlink).toEqual({ documentReference: "'出货清单'!B4", textToDisplay: '出货清单!B4' });
    expect(sheet.frozenRows).toBe(7);
    expect(sheet.conditionalFormats).toEqual([{ type: 'Custom', range: 'A8:E9', formula: '=$D8="错误"', fill: '#FFC7CE' }]);
    // The record is cleared; nothing of the staging is left.
    const grids = gridsFromSim(sim);
    expect(readState(grids).staging).toBeUndefined();
    expect(grids.find((g) => g.name === STATE_SHEET)!.values.every((r) => (r ?? []).length <= 1)).toBe(true);
  });

  test('a sheet of ours no longer produced is removed by the switch, and its table with it', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec(), { ...trickySpec(), purpose: 'quotes' }]);
    const plan = await writeSpecs(host, [reportSpec()]);
    expect(plan.remove).toEqual(['结构_测试']);
    expect(names(sim)).toEqual(['出货清单', '核对_出货', 'ClerkDesk_state (hidden)']);
    expect(sim.tables().map((t) => t.name).sort()).toEqual(['ClerkDesk_state', '表_出货核对']);
  });

  test('when a sheet of ours is the only visible one (the clerk hid hers), the switch still replaces it', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec(3)]);
    sim.model.setVisibility(sim.sheet('出货清单'), 'Hidden');
    await writeSpecs(host, [reportSpec(2)]);
    expect(names(sim)).toEqual(['出货清单 (hidden)', '核对_出货', 'ClerkDesk_state (hidden)']);
    expect(sim.cell('核对_出货', 'B4').value).toBe(2);
  });
});

describe('a run that stopped is repaired by the next read', () => {
  async function stopped(applied: number) {
    const sim = simFromGrids([shippingList(), offsetSheet()]);
    const host = hostOn(sim);
    await writeSpecs(host, [reportSpec(3)]);
    const previous = gridsFromSim(sim);
    const plan = await planSpecs(host, [reportSpec(2), trickySpec()]);
    // Sync 3 is the stage, 4 the fill, 5 the switch; Excel is gone from the failing sync on.
    const at = sim.metrics.syncs;
    sim.model.fault = { sync: at + (applied < 0 ? 4 : 5), applied: Math.max(applied, 0) };
    sim.model.failFrom = sim.model.fault.sync + 1;
    const err = await host.write(plan).then(() => null, (e: unknown) => e);
    sim.model.fault = null;
    sim.model.failFrom = null;
    return { sim, host, previous, err: err as HostError };
  }

  test('stopped while filling: the read removes the staging sheets, the previous results are exactly there', async () => {
    const { sim, host, previous, err } = await stopped(-1);
    expect(err.previousResults).toBe('kept');
    expect(names(sim).filter((n) => n.startsWith(STAGING_PREFIX))).toHaveLength(2);
    expect(names(sim).filter((n) => n.startsWith(STAGING_PREFIX)).every((n) => n.endsWith('(hidden)'))).toBe(true);
    expect(readState(gridsFromSim(sim)).staging?.phase).toBe('filling');
    const read = await host.readWorkbook();
    expect(host.repaired).toBe('undone');
    expect(read.grids.map((g) => g.name)).toEqual(previous.map((g) => g.name));
    expect(gridsFromSim(sim)).toEqual(previous);
    await host.readWorkbook();
    expect(host.repaired).toBe('none');
  });

  test('stopped in the middle of the switch: the read finishes it', async () => {
    const { sim, host, err } = await stopped(3);
    expect(err.previousResults).toBe('pending');
    expect(readState(gridsFromSim(sim)).staging?.phase).toBe('switching');
    await host.readWorkbook();
    expect(host.repaired).toBe('finished');
    expect(names(sim)).toEqual(['出货清单', '客户档案', '核对_出货', 'ClerkDesk_state (hidden)', '结构_测试']);
    expect(sim.cell('核对_出货', 'B4').value).toBe(2);
    expect(readState(gridsFromSim(sim))).toEqual({
      version: 1,
      // Each with the token of the ownership mark its sheet carries (issue 13).
      owned: [
        { sheet: '核对_出货', purpose: 'quotes', mark: 'CD-1' },
        { sheet: '结构_测试', purpose: 'structure', mark: 'CD-2' },
      ],
      overrides: {},
    });
  });
});

describe('a fill over several syncs', () => {
  /** A sheet big enough to need several syncs (about 3 MB of values a sync). */
  const bigSpec = (tag: string): SheetSpec => ({
    name: '结构_大表',
    purpose: 'structure',
    title: [`大表 ${tag}`],
    tables: [
      {
        name: '表_大表',
        columns: [
          { key: 'a', header: '单号', type: 'text' },
          { key: 'b', header: '客户', type: 'text' },
          { key: 'c', header: '数量', type: 'integer' },
        ],
        rows: Array.from({ length: 40_000 }, (_, i) => [`SH${tag}${i}`, `苏州华工精密模具有限公司第${i}批（${tag}）备注：按合同约定分批交货，含税价`, i]),
      },
    ],
  });

  test('a failure at every sync of a re-run leaves exactly the previous results or exactly the new ones', async () => {
    const base = simFromGrids([shippingList()]);
    await writeSpecs(hostOn(base), [bigSpec('旧'), reportSpec(3)]);
    const previous = gridsFromSim(base);
    const copy = () => simFromGrids(previous, { tables: base.tables() });
    const probe = copy();
    const plan = await planSpecs(hostOn(probe), [bigSpec('新'), reportSpec(2)]);
    const start = probe.metrics.syncs;
    await hostOn(probe).write(plan);
    const total = probe.metrics.syncs - start;
    const next = gridsFromSim(probe);
    expect(total).toBeGreaterThanOrEqual(6); // preflight 2, stage 1, fill ≥ 2, switch 1
    const found: string[] = [];
    for (let n = 1; n <= total; n++) {
      const sim = copy();
      const host = hostOn(sim);
      const p = await planSpecs(host, [bigSpec('新'), reportSpec(2)]);
      sim.model.fault = { sync: sim.metrics.syncs + n, applied: 1 };
      const err = await host.write(p).then(() => null, (e: unknown) => e);
      sim.model.fault = null;
      const after: Grid[] = gridsFromSim(sim);
      const is = (want: Grid[]) => JSON.stringify(after) === JSON.stringify(want);
      if (err ? !(err instanceof HostError && err.previousResults === 'kept' && is(previous)) : !is(next)) {
        found.push(`sync ${n}/${total}: ${err ? 'error' : 'no error'}, ${is(previous) ? 'previous' : is(next) ? 'new' : names(sim).join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('what the clerk is told', () => {
  test('one sentence more says the previous results were kept, or that the switch will be finished; such a run can be retried', () => {
    const kept = new HostError('excel.host.cellEditMode');
    kept.previousResults = 'kept';
    expect(errorText('zh-CN', kept)).toBe('Excel 正在编辑单元格。请先按 Enter 或 Esc 完成编辑，再运行一次。之前的结果原样保留，没有任何改动。');
    expect(errorText('en-US', kept)).toBe('Excel is editing a cell. Press Enter or Esc to finish editing, then run again. Your previous results were kept exactly as they were.');
    const pending = new HostError('excel.host.busy', { code: 'Timeout' });
    pending.previousResults = 'pending';
    expect(errorText('zh-CN', pending)).toContain('下次运行或重新打开面板时会自动换完');
    expect(canRetry(kept)).toBe(true);
    expect(canRetry(pending)).toBe(true);
    expect(canRetry(new HostError('excel.host.unsupported', { version: '1.7' }))).toBe(false);
  });
});

describe('the staging record in the state sheet', () => {
  test('read from column B beside the state; a finished state written never carries it', () => {
    const record = { phase: 'switching' as const, sheets: [{ staging: `${STAGING_PREFIX}k3f9aa~1`, final: '账龄分析', hidden: false, position: 2 }], remove: ['旧表'], tables: [], createdStateSheet: false };
    const grid: Grid = {
      name: STATE_SHEET,
      values: [
        ['json', JSON.stringify(record).slice(0, 40)],
        ['{"version":1,"owned":[{"sheet":"账龄分析","purpose":"receivables"}],"overrides":{}}', JSON.stringify(record).slice(40)],
      ],
      formats: [],
      merges: [],
      hiddenRows: [],
      hiddenColumns: [],
      date1904: false,
    };
    const state = readState([grid]);
    expect(state.owned).toEqual([{ sheet: '账龄分析', purpose: 'receivables' }]);
    expect(state.staging).toEqual(record);
    const written = stateSheet(state).tables[0].rows.map((r) => r[0]).join('');
    expect(JSON.parse(written as string)).toEqual({ version: 1, owned: [{ sheet: '账龄分析', purpose: 'receivables' }], overrides: {} });
    // A broken record is no record.
    expect(readState([{ ...grid, values: [['json', '{"phase":"switching"'], [grid.values[1][0]]] }]).staging).toBeUndefined();
  });
});
