/**
 * The pane's engine on the playground's memory host: scan lists detections without writing; a run writes the
 * job's sheets and the state sheet, and a re-run replaces them in place; an override saved through the state
 * sheet changes what structure sees; cancel leaves the workbook as it was. (No Worker under jest: the engine
 * runs the same pipeline inline.)
 */
import type { Grid, GridValue } from '../../src/core/grid';
import { readState, STATE_SHEET } from '../../src/core/state';
import { PaneEngine } from '../../src/taskpane/engine';
import { MemoryHost } from '../../src/playground/memory-host';
import type { IsoDate } from '../../src/core/values/brand';

const AS_OF = '2024-03-31' as IsoDate;

function grid(name: string, values: GridValue[][], formats: (string | null)[][] = []): Grid {
  return { name, values, formats, merges: [], hiddenRows: [], hiddenColumns: [], date1904: false };
}

const shipments = grid('3月出货清单', [
  ['2024年3月出货清单'],
  ['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '数量', '含税单价', '金额'],
  ['2024-03-05', 'SH240305-01', '无锡恒通汽车零部件有限公司', 'HT-2024-001', 'P-10023', 120, 35.5, 4260],
  ['2024.3.8', 'SH240308-02', '无锡恒通汽车零部件有限公司', 'HT-2024-001', 'P-10024', 80, 12, 960],
  ['2024.13.45', 'SH240315-03', '昆山鼎盛电子有限公司', 'DS-2024-007', 'M-2002', 50, 18, 900],
]);
const customers = grid('客户档案', [
  ['客户编码', '客户名称', '关联关系', '账期'],
  ['C001', '无锡恒通汽车零部件有限公司', '外部客户', 60],
  ['C002', '昆山鼎盛电子有限公司', '关联企业', 30],
]);

describe('PaneEngine on the memory host', () => {
  test('scan lists every source sheet with a kind and writes nothing', async () => {
    const host = new MemoryHost([shipments, customers]);
    const engine = new PaneEngine(host);
    const scan = await engine.scan('zh-CN', AS_OF);
    const bySheet = Object.fromEntries(scan.sheets.map((s) => [s.detection.sheet, s]));
    expect(bySheet['3月出货清单'].detection.kind).toBe('shipments');
    expect(bySheet['3月出货清单'].detection.headerRows).toContain(2);
    expect(bySheet['3月出货清单'].headers.slice(0, 3)).toEqual(['出货日期', '送货单号', '客户名称']);
    expect(bySheet['客户档案'].detection.kind).toBe('customers');
    expect(host.log.filter((l) => l.startsWith('write'))).toEqual([]);
    expect(host.snapshot().grids.map((g) => g.name)).toEqual(['3月出货清单', '客户档案']);
  });

  test('structure writes its sheets and the state sheet; a re-run replaces them in place', async () => {
    const host = new MemoryHost([shipments, customers]);
    const engine = new PaneEngine(host);
    const phases: string[] = [];
    const first = await engine.run('structure', {}, AS_OF, 'zh-CN', (p) => phases.push(p.phase));
    expect(first.written.length).toBeGreaterThan(0);
    expect(first.findings.some((f) => f.cells.some((c) => c.sheet === '3月出货清单' && c.cell === 'A5'))).toBe(true);
    expect(phases[0]).toBe('read');
    expect(phases[phases.length - 1]).toBe('write');
    const names1 = host.snapshot().grids.map((g) => g.name);
    expect(names1).toContain(STATE_SHEET);
    for (const s of first.written) expect(names1).toContain(s);
    // The clerk's sheets are untouched.
    expect(host.snapshot().grids.find((g) => g.name === '3月出货清单')?.values).toEqual(shipments.values);

    const second = await engine.run('structure', {}, AS_OF, 'zh-CN');
    const names2 = host.snapshot().grids.map((g) => g.name);
    expect(names2).toEqual(names1);
    expect(second.written).toEqual(first.written);
    // Generated sheets are not listed as source sheets.
    expect(second.scan.sheets.map((s) => s.detection.sheet).sort()).toEqual(['3月出货清单', '客户档案'].sort());
  });

  test('an override saved in the state sheet changes the detected kind, and resetting removes it', async () => {
    const host = new MemoryHost([shipments, customers]);
    const engine = new PaneEngine(host);
    await engine.saveOverride('客户档案', { kind: 'ignore' });
    expect(readState(host.snapshot().grids).overrides['客户档案']).toEqual({ kind: 'ignore' });
    const scan = await engine.scan('zh-CN', AS_OF);
    const cust = scan.sheets.find((s) => s.detection.sheet === '客户档案');
    expect(cust?.detection.kind).toBeNull();
    expect(cust?.override).toEqual({ kind: 'ignore' });

    await engine.saveOverride('客户档案', null);
    expect(readState(host.snapshot().grids).overrides).toEqual({});
    const again = await engine.scan('zh-CN', AS_OF);
    expect(again.sheets.find((s) => s.detection.sheet === '客户档案')?.detection.kind).toBe('customers');
  });

  test('a column override maps a field to the column the clerk chose', async () => {
    const host = new MemoryHost([shipments]);
    const engine = new PaneEngine(host);
    // Take the part code from column D (the contract no.) instead of E: the mapping follows the clerk.
    await engine.saveOverride('3月出货清单', { columns: { part: 4 } });
    const scan = await engine.scan('zh-CN', AS_OF);
    const d = scan.sheets[0].detection;
    expect(d.overridden).toBe(true);
    expect(d.columns.part).toBe('D');
  });

  test('a cancelled run writes nothing', async () => {
    const host = new MemoryHost([shipments, customers]);
    const engine = new PaneEngine(host);
    const controller = new AbortController();
    controller.abort();
    await expect(engine.run('structure', {}, AS_OF, 'zh-CN', undefined, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(host.log.filter((l) => l.startsWith('write'))).toEqual([]);
    expect(host.snapshot().grids.map((g) => g.name)).toEqual(['3月出货清单', '客户档案']);
  });

  test('select reaches the host', async () => {
    const host = new MemoryHost([shipments]);
    await new PaneEngine(host).select({ sheet: '3月出货清单', cell: 'A5' });
    expect(host.snapshot().selected).toEqual({ sheet: '3月出货清单', cell: 'A5' });
  });
});

describe('PaneEngine: names and the shared runtime', () => {
  test("a clerk's sheet named like one of ours is never overwritten: ours is renamed", async () => {
    const clerks = grid('账龄分析', [['业务员手工做的账龄分析'], ['华工', 1234]]);
    const invoices = grid('开票明细', [
      ['发票号码', '开票日期', '客户名称', '价税合计'],
      ['00012345', '2024-03-06', '无锡恒通汽车零部件有限公司', 4260],
    ]);
    const host = new MemoryHost([shipments, customers, invoices, clerks]);
    const result = await new PaneEngine(host).run('receivables', {}, AS_OF, 'zh-CN');
    expect(result.renamed['账龄分析']).toBe('账龄分析_2');
    expect(host.snapshot().grids.find((g) => g.name === '账龄分析')?.values).toEqual(clerks.values);
  });

  test('after a scan, CLERK.QUOTEPRICE can read the workbook\u2019s quotes', async () => {
    const quotes = grid('报价台账', [
      ['报价单号', '报价日期', '客户名称', '物料编码', '含税单价', '税率', '有效期至'],
      ['BJ-01', '2024-01-05', '昆山鼎盛电子有限公司', 'M-2002', 18, '13%', '2024-12-31'],
    ]);
    const { callFunction } = await import('../../src/functions/registry');
    const { setWorkbookTables } = await import('../../src/functions/workbook');
    setWorkbookTables(null);
    await new PaneEngine(new MemoryHost([customers, quotes])).scan('zh-CN', AS_OF);
    expect(callFunction('QUOTEPRICE', ['鼎盛电子', 'M-2002', '50'])).toEqual({ value: 18 });
    setWorkbookTables(null);
  });
});
