import type { CellIssue, Finding } from '../findings';
import type { AnyTypedTable } from '../tables/typed-table';
import type { SheetOverride } from '../state';
import type { TableKind } from '../tables/kinds';

/** How structure saw one source sheet, including the ones it could not use. */
export interface SheetDetection {
  sheet: string;
  /** The kind chosen, or null when the sheet was skipped (not a table, or ignored by the clerk). */
  kind: TableKind | null;
  confidence: number;
  /** Other kinds that fit almost as well (structure says so instead of guessing silently). */
  alternatives: { kind: TableKind; confidence: number }[];
  headerRows: number[];
  /** field → column letter */
  columns: Record<string, string>;
  /** Required fields of the chosen kind that no column maps to. */
  missingRequired: string[];
  /** True when the kind or mapping came from the clerk's override. */
  overridden: boolean;
  /** Columns mapped by a guess (a contained word, or chosen by their values), for the clerk to check. */
  guessed?: GuessedColumn[];
}

/** A column structure guessed: the field, the column letter and the header text the sheet shows. */
export interface GuessedColumn {
  field: string;
  column: string;
  header: string;
}

export interface StructureResult {
  tables: AnyTypedTable[];
  issues: CellIssue[];
  findings: Finding[];
  detections: SheetDetection[];
}

export interface StructureOptions {
  overrides?: Record<string, SheetOverride>;
  /** Sheets to leave alone (Clerk Desk's own output). */
  skipSheets?: readonly string[];
  /** Year for dates written without one (3月5日), when the sheet itself gives no year. */
  defaultYear?: number;
}

export { structureWorkbook } from './structure-workbook';
