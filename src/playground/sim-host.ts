import type { CellRef } from '../core/findings';
import type { Grid } from '../core/grid';
import type { HostProgress, WorkbookHost, WorkbookRead } from '../core/host';
import type { WritePlan } from '../core/report/write-plan';
import { ExcelHost, type ExcelRun } from '../excel';
import { gridsFromSim, simFromGrids, type SimExcel } from '../office-sim';
import type { MemorySnapshot } from './memory-host';

/**
 * The playground behind the real Office.js host (src/excel) running on the strict Office.js simulation
 * (src/office-sim): the same reads, writes and selection Excel would get, in the browser. The view reads the
 * simulated workbook straight from the model after every write and selection.
 */
export class SimHost implements WorkbookHost {
  readonly sim: SimExcel;
  private readonly excel: ExcelHost;
  private listeners = new Set<(s: MemorySnapshot) => void>();
  private version = 0;
  private grids: Grid[];

  /** `connect`: another way to reach the simulated workbook (Microsoft's client library on the wire emulator). */
  constructor(grids: readonly Grid[], connect?: (sim: SimExcel) => { run: ExcelRun; isSetSupported: (name: string, version?: string) => boolean }) {
    this.sim = simFromGrids(grids);
    const via = connect?.(this.sim) ?? { run: this.sim.run as unknown as ExcelRun, isSetSupported: this.sim.isSetSupported };
    this.excel = new ExcelHost(via);
    this.grids = gridsFromSim(this.sim);
  }

  snapshot(): MemorySnapshot {
    const sel = this.sim.model.selection;
    return {
      grids: this.grids,
      tables: this.sim.model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: `R${t.r0 + 1}C${t.c0 + 1}:R${t.r1 + 1}C${t.c1 + 1}` })),
      selected: sel ? { sheet: sel.sheet, cell: sel.address.split(':')[0] } : null,
      version: this.version,
    };
  }

  subscribe(listener: (s: MemorySnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.version++;
    this.grids = gridsFromSim(this.sim);
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    return this.excel.readWorkbook(progress);
  }

  async write(plan: WritePlan, progress?: HostProgress): Promise<void> {
    try {
      await this.excel.write(plan, progress);
    } finally {
      this.changed();
    }
  }

  async select(cell: CellRef): Promise<void> {
    await this.excel.select(cell);
    this.changed();
  }
}
