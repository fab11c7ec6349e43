import type { CellRef } from '../core/findings';
import type { Grid, GridValue } from '../core/grid';
import type { HostProgress, WorkbookHost, WorkbookRead } from '../core/host';
import type { SheetLayout } from '../core/report/layout';
import type { WritePlan } from '../core/report/write-plan';
import { columnLetter } from '../core/values/address';

/**
 * A WorkbookHost for the playground: the workbook is a list of Grids held in the browser. It executes a WritePlan
 * the way the real hosts do — remove stale sheets of ours, clear and reuse ours, write each layout's blocks with
 * their number formats, record the tables — and reports selection to whoever shows the sheets.
 */
export interface MemoryTable {
  name: string;
  sheet: string;
  /** A1 range, header row included. */
  range: string;
}

export interface MemorySnapshot {
  grids: readonly Grid[];
  tables: readonly MemoryTable[];
  selected: CellRef | null;
  /** Bumped on every change. */
  version: number;
}

type Listener = (snapshot: MemorySnapshot) => void;

const clone = <T>(v: T): T => (typeof structuredClone === 'function' ? structuredClone(v) : (JSON.parse(JSON.stringify(v)) as T));

export class MemoryHost implements WorkbookHost {
  private grids: Grid[];
  private tables: MemoryTable[];
  private selected: CellRef | null = null;
  private version = 0;
  private listeners = new Set<Listener>();
  /** Operations done, for tests and the curious: reads, writes, selections. */
  readonly log: string[] = [];

  constructor(grids: readonly Grid[], tables: readonly MemoryTable[] = []) {
    this.grids = clone([...grids]);
    this.tables = [...tables];
  }

  snapshot(): MemorySnapshot {
    return { grids: this.grids, tables: this.tables, selected: this.selected, version: this.version };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    this.version++;
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  async readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    this.log.push('read');
    const grids: Grid[] = [];
    for (let i = 0; i < this.grids.length; i++) {
      if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      grids.push(clone(this.grids[i]));
      progress?.onProgress?.('read', i + 1, this.grids.length);
    }
    return {
      grids,
      existing: { sheets: this.grids.map((g) => g.name), tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet })) },
    };
  }

  async write(plan: WritePlan, progress?: HostProgress): Promise<void> {
    this.log.push(`write ${plan.layouts.map((l) => l.name).join(',')}`);
    for (const name of plan.remove) {
      this.grids = this.grids.filter((g) => g.name !== name);
      this.tables = this.tables.filter((t) => t.sheet !== name);
    }
    plan.layouts.forEach((layout, i) => {
      if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      this.writeLayout(layout);
      progress?.onProgress?.('write', i + 1, plan.layouts.length);
    });
    this.changed();
  }

  private writeLayout(layout: SheetLayout) {
    const grid: Grid = {
      name: layout.name,
      values: [],
      formats: [],
      merges: [],
      hiddenRows: [],
      hiddenColumns: [],
      date1904: this.grids[0]?.date1904 ?? false,
      hidden: layout.hidden,
    };
    for (const block of layout.blocks) {
      block.rows.forEach((row, r) => {
        const rr = block.top - 1 + r;
        grid.values[rr] ??= [];
        grid.formats[rr] ??= [];
        row.forEach((v, c) => {
          const cc = block.left - 1 + c;
          grid.values[rr][cc] = v as GridValue;
          const f = block.formats[c];
          grid.formats[rr][cc] = f && f !== 'General' ? f : null;
        });
      });
    }
    // Fill holes so rows are plain arrays (a Grid allows ragged rows, not sparse ones).
    for (let r = 0; r < grid.values.length; r++) {
      grid.values[r] = Array.from(grid.values[r] ?? [], (v) => v ?? null);
      grid.formats[r] = Array.from(grid.formats[r] ?? [], (v) => v ?? null);
    }
    const at = this.grids.findIndex((g) => g.name === layout.name);
    if (at >= 0) this.grids[at] = grid;
    else this.grids.push(grid);
    this.tables = this.tables.filter((t) => t.sheet !== layout.name);
    for (const t of layout.tables) {
      this.tables.push({ name: t.name, sheet: layout.name, range: `${columnLetter(t.left)}${t.top}:${columnLetter(t.right)}${t.bottom}` });
    }
  }

  async select(cell: CellRef): Promise<void> {
    this.log.push(`select ${cell.sheet}!${cell.cell}`);
    this.selected = { ...cell };
    this.changed();
  }
}
