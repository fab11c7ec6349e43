/** The workbook as the file host and the wire-emulated Excel hold it, in a form two hosts can be compared in. */
import type { XlsxHost } from '../../src/xlsx';
import type { Grid, GridValue } from '../../src/core/grid';
import { gridsFromSim, trimGrid } from '../office-sim';
import type { WireExcel } from './wire';

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
