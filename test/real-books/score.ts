import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Grid } from '../../src/core/grid';
import { structureWorkbook } from '../../src/core/structure';
import { XlsxHost } from '../../src/xlsx';
import type { BookReading, SheetReading } from './readings';

/** The shared books, beside the clone (never copied into the project). */
export const BOOKS_DIR = join(__dirname, '..', '..', '..', 'shared', 'real-books', 'books');

export function assertBooksPresent(): void {
  if (!existsSync(BOOKS_DIR)) {
    throw new Error(`The real workbooks are missing: expected them in ${BOOKS_DIR} (../shared/real-books/books/ beside the repository).`);
  }
}

export async function readBook(file: string): Promise<Grid[]> {
  const host = await XlsxHost.open(join(BOOKS_DIR, file));
  return (await host.readWorkbook()).grids;
}

export interface SheetScore {
  sheet: string;
  right: boolean;
  columnsRight: number;
  columnsTotal: number;
  /** What differs from the reading, in words. */
  problems: string[];
}

/** Structure a book as the pipeline does (no options) and compare each sheet with the clerk's reading. */
export function scoreBook(grids: readonly Grid[], reading: BookReading): SheetScore[] {
  const result = structureWorkbook(grids, { defaultYear: 2025 });
  return reading.sheets.map((want) => scoreSheet(want, result));
}

function scoreSheet(want: SheetReading, result: ReturnType<typeof structureWorkbook>): SheetScore {
  const problems: string[] = [];
  const detection = result.detections.find((d) => d.sheet === want.sheet);
  const table = result.tables.find((t) => t.sheet === want.sheet);
  const gotKind = table ? table.kind : null;
  const columnsTotal = Object.keys(want.columns ?? {}).length;
  if (!detection) problems.push('sheet not seen');
  if (gotKind !== want.kind) problems.push(`kind ${String(gotKind)}, want ${String(want.kind)}`);
  let columnsRight = 0;
  if (want.kind && table && gotKind === want.kind) {
    const letters = detection?.columns ?? {};
    if (want.headerRows && JSON.stringify(table.headerRows) !== JSON.stringify(want.headerRows)) problems.push(`header rows ${JSON.stringify(table.headerRows)}, want ${JSON.stringify(want.headerRows)}`);
    if (want.data) {
      const got = { first: table.firstDataRow, last: table.lastDataRow, count: table.rows.length };
      if (got.first !== want.data.first || got.last !== want.data.last || got.count !== want.data.count) problems.push(`data ${JSON.stringify(got)}, want ${JSON.stringify(want.data)}`);
    }
    for (const [field, letter] of Object.entries(want.columns ?? {})) {
      const ok = Array.isArray(letter) ? letter.includes(letters[field]) : letters[field] === letter;
      if (ok) columnsRight++;
      else problems.push(`${field} in ${letters[field] ?? 'no column'}, want ${String(letter)}`);
    }
    for (const field of want.unmapped ?? []) if (letters[field]) problems.push(`${field} mapped to ${letters[field]}, want none`);
  }
  return { sheet: want.sheet, right: problems.length === 0, columnsRight, columnsTotal, problems };
}
