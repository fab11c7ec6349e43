/**
 * Writing through Microsoft's client on the emulated wire: re-runs over our own sheets (tables and charts deleted
 * and written again), a request Excel refuses as too large split rather than failed, and what the wire costs
 * beside what the simulation measures for the same write.
 */
import { ExcelHost } from '../../src/excel';
import { planWrite } from '../../src/core/report/write-plan';
import { readState, stateSheet, type WorkbookState } from '../../src/core/state';
import type { SheetSpec } from '../../src/core/sheet-spec';
import { gridsFromSim, simFromGrids } from '../office-sim';
import { reportSpec, shippingList } from '../excel/fixtures';
import { comparable } from './compare';
import { wireFromGrids, type WireExcel } from './index';

type Run = { run: (batch: (ctx: any) => Promise<any>) => Promise<any>; isSetSupported: (n: string, v?: string) => boolean };

/** Write these specs as ours (the state sheet records them), the way the pane does. */
async function writeOurs(target: Run, specs: SheetSpec[]): Promise<void> {
  const host = new ExcelHost({ run: target.run, isSetSupported: target.isSetSupported });
  const { grids, existing } = await host.readWorkbook();
  const prior = readState(grids);
  const owned = specs.map((s) => ({ sheet: s.name, purpose: s.purpose }));
  const state: WorkbookState = { ...prior, owned: [...prior.owned.filter((o) => !owned.some((n) => n.sheet === o.sheet)), ...owned] };
  await host.write(planWrite(existing, state, [...specs, stateSheet(state)]));
}

/** A report sheet with two tables and two charts. */
function twoChartSpec(rows: number): SheetSpec {
  const base = reportSpec(rows);
  const table = base.tables[0];
  const second = { ...table, name: '表_出货核对二', highlights: [] };
  return {
    ...base,
    tables: [table, second],
    charts: [...(base.charts ?? []), { kind: 'line', title: '数量走势', table: second.name, categories: 'date', series: ['qty'] }],
  };
}

const chartsOn = (wire: WireExcel, sheet: string) => wire.model.sheet(sheet)?.charts.map((c) => c.title);

describe('writing through the client library', () => {
  test('a re-run over our sheet with two tables and two charts replaces both, leaving one of each', async () => {
    const wire = wireFromGrids([shippingList()]);
    await writeOurs(wire, [twoChartSpec(3)]);
    expect(chartsOn(wire, '核对_出货')).toEqual(['金额与数量', '数量走势']);
    await writeOurs(wire, [twoChartSpec(3)]);
    expect(chartsOn(wire, '核对_出货')).toEqual(['金额与数量', '数量走势']);
    expect(wire.sim.tables('核对_出货').map((t) => t.name)).toEqual(['表_出货核对', '表_出货核对二']);
    expect(wire.metrics.log.filter((r) => r.error)).toEqual([]);
  });

  test('Excel refusing a request as too large (limit lowered to 300 kB): the host splits it and writes the same sheets', async () => {
    const spec = reportSpec(3000);
    const free = wireFromGrids([shippingList()]);
    await writeOurs(free, [spec]);
    const tight = wireFromGrids([shippingList()]);
    tight.model.limits.maxRequestBytes = 300_000;
    await writeOurs(tight, [spec]);
    const refused = tight.metrics.log.filter((r) => r.error);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    expect(gridsFromSim(tight.sim).map(comparable)).toEqual(gridsFromSim(free.sim).map(comparable));
    expect(tight.sim.tables()).toEqual(free.sim.tables());
  });

  test('the same write on the wire and on the simulation: same workbook; syncs and bytes measured on both', async () => {
    const spec = reportSpec(5000);
    const wire = wireFromGrids([shippingList()]);
    const sim = simFromGrids([shippingList()]);
    await writeOurs(wire, [spec]);
    await writeOurs(sim, [spec]);
    expect(gridsFromSim(wire.sim).map(comparable)).toEqual(gridsFromSim(sim).map(comparable));
    const w = wire.metrics;
    const s = sim.metrics;
    console.log(`5,000-row report, read + write: wire ${w.syncs} syncs, ${w.requestBytes} B sent (largest ${w.largestRequest}), ${w.responseBytes} B answered; simulation ${s.syncs} syncs, ${s.requestBytes} B, ${s.responseBytes} B`);
    expect(w.largestRequest).toBeLessThan(4_000_000);
  });
});

test('the simulation counts request bytes within a quarter of what the client sends for the same run', async () => {
  for (const spec of [reportSpec(5000), twoChartSpec(2000)]) {
    const wire = wireFromGrids([shippingList()]);
    const sim = simFromGrids([shippingList()]);
    await writeOurs(wire, [spec]);
    await writeOurs(sim, [spec]);
    const ratio = sim.metrics.requestBytes / wire.metrics.requestBytes;
    console.log(`${spec.name} ${spec.tables[0].rows.length} rows: simulation ${sim.metrics.requestBytes} B / wire ${wire.metrics.requestBytes} B = ${ratio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.25);
  }
});
