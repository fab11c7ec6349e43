/**
 * A strict simulation of the Office.js subset Clerk Desk uses (see docs/excel-host.md for what it enforces).
 *
 *   const sim = simFromGrids(grids);
 *   const host = new ExcelHost({ run: sim.run, isSetSupported: sim.isSetSupported });
 *   … sim.metrics, gridsFromSim(sim), sim.cell('Sheet', 'A1')
 */
import type { Grid, GridValue } from '../core/grid';
import { columnLetter } from '../core/values/address';
import { SimContext } from './proxies';
import { markFormula, markToken, OWNER_MARK_NAME } from '../core/state';
import { SimSheet, SimWorkbookModel, cellKey, emptyMetrics, parseRect, type SimMetrics, type SimValue } from './model';

export { SimRichApiError, SimWorkbookModel, SimSheet } from './model';
export type { SimMetrics, SimTable, SimChart } from './model';

export type SimRun = <T>(batch: (context: any) => Promise<T>) => Promise<T>;

export class SimExcel {
  constructor(readonly model: SimWorkbookModel = new SimWorkbookModel()) {}

  /** Excel.run: a fresh RequestContext per batch; whatever is still queued when the batch resolves is synced. */
  run: SimRun = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const ctx = new SimContext(this.model);
    try {
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    } finally {
      ctx.closed = true;
    }
  };

  /** Office.context.requirements.isSetSupported, answering for this simulated Excel. */
  isSetSupported = (name: string, version?: string): boolean => this.model.isSetSupported(name, version);

  get metrics(): SimMetrics {
    return this.model.metrics;
  }

  resetMetrics(): void {
    this.model.metrics = emptyMetrics();
  }

  sheet(name: string): SimSheet {
    const s = this.model.sheet(name);
    if (!s) throw new Error(`no sheet ${name} in the simulation`);
    return s;
  }

  /** Everything the simulation knows about one cell. */
  cell(sheet: string, a1: string) {
    const s = this.sheet(sheet);
    const { r0, c0 } = parseRect(a1);
    const k = cellKey(r0, c0);
    return {
      value: s.getValue(r0, c0),
      format: s.getFormat(r0, c0),
      formula: s.formulas.get(k) ?? null,
      quotePrefix: s.quotePrefix.has(k),
      hyperlink: s.hyperlinks.get(k) ?? null,
      font: s.fonts.get(k) ?? null,
    };
  }

  tables(sheet?: string): { name: string; sheet: string; range: string }[] {
    return this.model.tables
      .filter((t) => !sheet || t.sheet.name === sheet)
      .map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        range: `${columnLetter(t.c0 + 1)}${t.r0 + 1}:${columnLetter(t.c1 + 1)}${t.r1 + 1}`,
      }));
  }
}

export interface SimBuildOptions {
  date1904?: boolean;
  /** Highest ExcelApi minor version (default 17). */
  apiMinor?: number;
  tables?: { name: string; sheet: string; range: string }[];
  protectedSheets?: string[];
}

const toSim = (v: GridValue): SimValue => (v === undefined ? null : v);

/** A simulated workbook holding exactly these grids (values, formats, merges, hidden rows/columns/sheets). */
export function simFromGrids(grids: readonly Grid[], options: SimBuildOptions = {}): SimExcel {
  const model = new SimWorkbookModel();
  model.date1904 = options.date1904 ?? grids.some((g) => g.date1904);
  if (options.apiMinor !== undefined) model.apiMinor = options.apiMinor;
  for (const g of grids) {
    const s = model.addSheet(g.name);
    g.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && s.setRaw(r, c, toSim(v))));
    g.formats.forEach((row, r) => row?.forEach((f, c) => f && s.setFormat(r, c, f)));
    s.merges = g.merges.map((m) => ({ r0: m.top - 1, c0: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 }));
    for (const r of g.hiddenRows) s.hiddenRows.add(r - 1);
    for (const c of g.hiddenColumns) s.hiddenCols.add(c - 1);
    // Our ownership mark, as the hosts write it: a hidden name in the sheet's own scope.
    if (g.ownerMark) s.names.push({ name: OWNER_MARK_NAME, formula: `=${markFormula(g.ownerMark)}`, visible: false });
  }
  grids.forEach((g, i) => g.hidden && (model.sheets[i].visibility = 'Hidden'));
  for (const t of options.tables ?? []) {
    const s = model.sheetOrThrow(t.sheet);
    const table = model.addTable(s, parseRect(t.range), true);
    model.validateTableName(t.name, table);
    table.name = t.name;
  }
  for (const name of options.protectedSheets ?? []) model.sheetOrThrow(name).protected = true;
  model.active = model.sheets.find((s) => s.visibility === 'Visible') ?? null;
  return new SimExcel(model);
}

/**
 * The workbook as Grids, read straight from the model (not through the host): every value, every non-General
 * number format, merges, hidden rows/columns, hidden sheets. Formula cells read as their formula text prefixed
 * with `=` (the simulation evaluates nothing), so a formula where text was meant is visible.
 */
export function gridsFromSim(sim: SimExcel): Grid[] {
  return sim.model.sheets.map((s) => {
    const values: GridValue[][] = [];
    const formats: (string | null)[][] = [];
    const rows = Math.max(s.values.length, 0);
    for (let r = 0; r < rows; r++) {
      const row = s.values[r] ?? [];
      values[r] = [];
      formats[r] = [];
      for (let c = 0; c < row.length; c++) {
        const f = s.formulas.get(cellKey(r, c));
        const v = row[c];
        values[r][c] = f ?? (v === undefined ? null : v);
        const fmt = s.getFormat(r, c);
        formats[r][c] = v === null || v === undefined ? null : fmt === 'General' ? null : fmt;
      }
    }
    trimGrid(values, formats);
    return {
      name: s.name,
      values,
      formats,
      merges: s.merges.map((m) => ({ top: m.r0 + 1, left: m.c0 + 1, bottom: m.r0 + m.rows, right: m.c0 + m.cols })),
      hiddenRows: [...s.hiddenRows].map((r) => r + 1).sort((a, b) => a - b),
      hiddenColumns: [...s.hiddenCols].map((c) => c + 1).sort((a, b) => a - b),
      date1904: sim.model.date1904,
      ...(s.visibility !== 'Visible' ? { hidden: true } : {}),
      ...ownerMarkOf(s),
    };
  });
}

/** The sheet's ownership mark, when it carries one (so a workbook rebuilt from these grids carries it too). */
function ownerMarkOf(s: SimSheet): { ownerMark?: string } {
  const name = s.names.find((n) => n.name.toLowerCase() === OWNER_MARK_NAME.toLowerCase());
  const token = name ? markToken(name.formula) : null;
  return token === null ? {} : { ownerMark: token };
}

/** Drop trailing empty cells and rows so that two grids of the same content compare equal. */
export function trimGrid(values: GridValue[][], formats: (string | null)[][]): void {
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
    row.length = n;
    values[r] = row;
    const f = formats[r] ?? [];
    f.length = n;
    for (let c = 0; c < n; c++) if (f[c] === undefined) f[c] = null;
    formats[r] = f;
  }
  let last = values.length;
  while (last > 0 && values[last - 1].length === 0) last--;
  values.length = last;
  formats.length = last;
}
