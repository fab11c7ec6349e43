import { ExcelHost } from '../../src/excel';
import { FIRST_BLOCK_ROWS, SYNC_CEILING } from '../../src/excel/bytes';
import { HostError } from '../../src/core/host';
import { planWrite } from '../../src/core/report/write-plan';
import { emptyState } from '../../src/core/state';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { gridsFromSim, simFromGrids, trimGrid, type SimExcel } from '../office-sim';
import { figures, measureJobOnSim, measureRun } from '../office-sim/metrics';
import { asIsoDate } from '../../src/core/values/brand';
import { bigGrid, numericFormats, shippingList } from './fixtures';

const hostOn = (sim: SimExcel) => new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });
const ROWS = 100_000;

/** Successful syncs, i.e. the log without the ones Excel refused. */
const okSyncs = (sim: SimExcel) => sim.metrics.log.filter((r) => !r.error);

describe('100k rows × 15 columns', () => {
  const grid = bigGrid(ROWS);

  test('read: syncs in proportion to the blocks, none per row, no request or response over 4 MB', async () => {
    const sim = simFromGrids([grid]);
    const { result, figures: f } = await measureRun(sim, () => hostOn(sim).readWorkbook());
    const read = result.grids[0];
    // Same grid back (formats where a cell holds a number).
    const values = grid.values.map((r) => [...r]);
    const formats = numericFormats(grid);
    trimGrid(values, formats);
    expect(read.values.length).toBe(ROWS + 2);
    expect(JSON.stringify(read.values)).toBe(JSON.stringify(values));
    expect(JSON.stringify(read.formats)).toBe(JSON.stringify(formats));
    // 3 fixed syncs (sheets, used range, merges), one per block, one to finish the last block's formats.
    const blockBound = Math.ceil(ROWS / FIRST_BLOCK_ROWS) + 4;
    expect(f.syncs).toBeLessThanOrEqual(blockBound);
    expect(f.failedSyncs).toBe(0);
    expect(f.largestResponse).toBeLessThanOrEqual(SYNC_CEILING);
    expect(f.largestRequest).toBeLessThanOrEqual(SYNC_CEILING);
    console.log(`read 100k×15: ${f.syncs} syncs (bound ${blockBound}), largest response ${f.largestResponse} B, total ${f.responseBytes} B`);
  });

  test('write: a 100k-row table in byte-sized syncs, none over 4 MB, the cells all there', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    const data = grid.values.slice(2);
    const types = ['date', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'quantity', 'money', 'money', 'rate', 'text', 'text', 'text'] as const;
    const spec: SheetSpec = {
      name: '结构_出货明细',
      purpose: 'structure',
      title: ['出货明细（结构化）'],
      tables: [
        {
          name: '表_出货明细',
          columns: (grid.values[1] as string[]).map((h, i) => ({ key: `c${i}`, header: h, type: types[i] })),
          rows: data.map((r) => r.map((v, i) => (i === 0 && typeof v === 'number' ? isoFromSerial(v) : (v as string | number | null)))),
        },
      ],
    };
    const { existing } = await host.readWorkbook();
    const plan = planWrite(existing, emptyState(), [spec]);
    const progress: number[] = [];
    const { figures: f } = await measureRun(sim, () => host.write(plan, { onProgress: (_p, done) => progress.push(done) }));
    const back = gridsFromSim(sim).find((g) => g.name === '结构_出货明细');
    expect(back?.values.length).toBe(ROWS + 3);
    expect(back?.values[3]).toEqual(data[0].map((v) => v ?? null).slice(0, back?.values[3].length));
    expect(back?.values[ROWS + 2][1]).toBe(data[ROWS - 1][1]);
    expect(sim.tables('结构_出货明细')).toEqual([{ name: '表_出货明细', sheet: '结构_出货明细', range: `A3:O${ROWS + 3}` }]);
    const written = okSyncs(sim).reduce((n, r) => n + r.requestBytes, 0);
    // Every value sync carries at least half the budget, except the last of a run: syncs ≤ bytes / 1.75 MB + constant.
    const bound = Math.ceil(written / 1_750_000) + 4;
    expect(f.syncs).toBeLessThanOrEqual(bound);
    expect(f.syncs).toBeLessThan(ROWS / 1000);
    expect(f.largestRequest).toBeLessThanOrEqual(SYNC_CEILING);
    expect(f.calcSuspensions).toBeGreaterThanOrEqual(f.syncs - 3);
    expect(progress[progress.length - 1]).toBe(ROWS + 2);
    console.log(`write 100k×15: ${f.syncs} syncs (bound ${bound}), largest request ${f.largestRequest} B, total ${f.requestBytes} B`);
  });
});

function isoFromSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return d.toISOString().slice(0, 10);
}

describe('payload limits: halve and retry', () => {
  test('a read whose blocks exceed a small response limit halves until they fit', async () => {
    const sim = simFromGrids([bigGrid(6000)]);
    sim.model.limits.maxResponseBytes = 200_000;
    const { grids } = await hostOn(sim).readWorkbook();
    expect(grids[0].values.length).toBe(6002);
    const f = figures(sim);
    expect(f.failedSyncs).toBeGreaterThan(0);
    expect(sim.metrics.log.filter((r) => r.error).every((r) => r.error === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(okSyncs(sim).every((r) => r.responseBytes <= 200_000)).toBe(true);
  });

  test('small sheets read together fall back to one at a time when the response is too big', async () => {
    const grids = Array.from({ length: 8 }, (_, i) => ({ ...bigGrid(40), name: `第${i + 1}张` }));
    const sim = simFromGrids(grids);
    sim.model.limits.maxResponseBytes = 12_000;
    const { grids: read } = await hostOn(sim).readWorkbook();
    read.forEach((g, i) => expect(g.values).toEqual(grids[i].values.map((r) => { const c = [...r]; while (c.length && c[c.length - 1] === null) c.pop(); return c; })));
    expect(figures(sim).failedSyncs).toBeGreaterThan(0);
    expect(okSyncs(sim).every((r) => r.responseBytes <= 12_000)).toBe(true);
  });

  test('values coming back null (too many cells) also halves the block', async () => {
    const sim = simFromGrids([bigGrid(3000)]);
    sim.model.limits.maxReadCells = 10_000;
    const { grids } = await hostOn(sim).readWorkbook();
    expect(grids[0].values.length).toBe(3002);
    expect(grids[0].values[3001][1]).toBe('SH00262999');
  });

  test('a write refused as too large is split and retried; nothing is lost', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    const { existing } = await host.readWorkbook();
    const rows = Array.from({ length: 4000 }, (_, i) => [`SH${i}`, `苏州华工精密模具有限公司第${i}批`, i]);
    const spec: SheetSpec = {
      name: '结构_大表',
      purpose: 'structure',
      title: [],
      tables: [{ name: '表_大表', columns: [{ key: 'a', header: '单号', type: 'text' }, { key: 'b', header: '客户', type: 'text' }, { key: 'c', header: '数量', type: 'integer' }], rows }],
    };
    sim.model.limits.maxRequestBytes = 60_000;
    await host.write(planWrite(existing, emptyState(), [spec]));
    const f = figures(sim);
    expect(f.failedSyncs).toBeGreaterThan(0);
    expect(sim.cell('结构_大表', 'B4001')).toMatchObject({ value: '苏州华工精密模具有限公司第3999批' });
    expect(sim.tables('结构_大表')[0].range).toBe('A1:C4001');
  });

  test('when even one row is too large: a clear message naming the sheet and row', async () => {
    const g = shippingList();
    g.values[2][7] = '很长的备注'.repeat(3000);
    const sim = simFromGrids([g]);
    sim.model.limits.maxResponseBytes = 20_000;
    let err: unknown;
    try {
      await hostOn(sim).readWorkbook();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('excel.host.payloadTooLarge');
    expect((err as HostError).values).toEqual({ sheet: '出货清单', row: 3 });
  });
});

describe('progress and cancellation', () => {
  test('reads report rows done; an abort between blocks stops before the next sync', async () => {
    const sim = simFromGrids([bigGrid(30_000)]);
    const controller = new AbortController();
    const seen: [number, number][] = [];
    const host = hostOn(sim);
    await expect(
      host.readWorkbook({
        signal: controller.signal,
        onProgress: (phase, done, total) => {
          expect(phase).toBe('read');
          seen.push([done, total]);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([[5000, 30_002]]);
    const syncsAtAbort = sim.metrics.syncs;
    expect(syncsAtAbort).toBeLessThanOrEqual(5);
    const full: number[] = [];
    await host.readWorkbook({ onProgress: (_p, done) => full.push(done) });
    expect(full[full.length - 1]).toBe(30_002);
    expect([...full].sort((a, b) => a - b)).toEqual(full);
  });

  test('writes stop between syncs when cancelled', async () => {
    const sim = simFromGrids([shippingList()]);
    const host = hostOn(sim);
    const { existing } = await host.readWorkbook();
    const rows = Array.from({ length: 60_000 }, (_, i) => [`SH${i}`, `苏州华工精密模具有限公司第${i}批`, i]);
    const spec: SheetSpec = {
      name: '结构_大表',
      purpose: 'structure',
      title: [],
      tables: [{ name: '表_大表', columns: [{ key: 'a', header: '单号', type: 'text' }, { key: 'b', header: '客户', type: 'text' }, { key: 'c', header: '数量', type: 'integer' }], rows }],
    };
    const controller = new AbortController();
    sim.resetMetrics();
    await expect(host.write(planWrite(existing, emptyState(), [spec]), { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    // preflight, prepare, one block; then the cancelled run removes the sheet it added (load, delete)
    expect(sim.metrics.syncs).toBe(5);
    expect(gridsFromSim(sim).map((g) => g.name)).not.toContain('结构_大表');
  });
});

describe('figures for the bench', () => {
  test('measureJobOnSim reports a job run’s syncs and largest request, read and write apart', async () => {
    const { figures: f, read, write, sheets } = await measureJobOnSim([bigGrid(20_000)], { jobs: [], asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' });
    expect(sheets).toBeGreaterThan(1);
    expect(f.syncs).toBe(read.syncs + write.syncs);
    expect(read.syncs).toBeGreaterThanOrEqual(5);
    expect(write.syncs).toBeGreaterThanOrEqual(3);
    expect(f.largestRequest).toBeLessThanOrEqual(SYNC_CEILING);
    expect(f.failedSyncs).toBe(0);
  });
});
