/** The workbook as the file host and the wire-emulated Excel hold it, in a form two hosts can be compared in. */
import ExcelJS from 'exceljs';
import type { XlsxHost } from '../../src/xlsx';
import { isGridError, type Grid, type GridValue } from '../../src/core/grid';
import { gridsFromSim, trimGrid } from '../office-sim';
import type { WireExcel } from './index';

export interface ComparableSheet {
  name: string;
  hidden: boolean;
  values: GridValue[][];
  formats: (string | null)[][];
}

/** Values as a clerk sees them, and number formats where a cell holds a value (General = none). */
export function comparable(g: Grid): ComparableSheet {
  const values = g.values.map((row) => (row ?? []).map((v) => (v === undefined ? null : v)));
  const formats = values.map((row, r) =>
    row.map((v, c) => {
      const f = g.formats[r]?.[c] ?? null;
      return v === null || f === 'General' ? null : f;
    }),
  );
  trimGrid(values, formats);
  return { name: g.name, hidden: !!g.hidden, values, formats };
}

export interface Workbook {
  sheets: ComparableSheet[];
  /** "sheet/table", sorted. */
  tables: string[];
}

/** What the emulated Excel holds, straight from its model (not read back through the host). */
export function wireWorkbook(wire: WireExcel): Workbook {
  return {
    sheets: gridsFromSim(wire.sim).map(comparable),
    tables: wire.sim.tables().map((t) => `${t.sheet}/${t.name}`).sort(),
  };
}

/** What the file host wrote, read back from its bytes. */
export async function fileWorkbook(xlsx: XlsxHost, open: (buf: Buffer) => Promise<XlsxHost>): Promise<Workbook> {
  const reopened = await open(await xlsx.toBuffer());
  const read = await reopened.readWorkbook();
  return {
    sheets: read.grids.map(comparable),
    tables: read.existing.tables.map((t) => `${t.sheet}/${t.name}`).sort(),
  };
}

/** An .xlsx holding these grids (values, number formats, merges, hidden rows, columns and sheets), for the file host. */
export async function xlsxOf(grids: readonly Grid[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name, g.hidden ? { state: 'hidden' } : {});
    g.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = isGridError(v) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
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
