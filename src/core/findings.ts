import type { MessageKey } from './i18n';

/** A place in the clerk's workbook: sheet name and A1 address. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** A message to show, resolved through the catalogs at the edge. */
export interface MessageRef {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** Why a cell could not be read into its field. Stable codes: they appear in JSON and tests. */
export type ProblemCode =
  | 'not-a-number'
  | 'not-a-date'
  | 'ambiguous-date'
  | 'missing-required'
  | 'negative-not-allowed'
  | 'formula-error'
  | 'duplicate-key'
  | 'not-a-rate'
  | 'not-an-option'
  | 'out-of-range';

/** A cell that could not be read (design rule 6). The row it is on is kept with this field empty. */
export interface CellIssue {
  sheet: string;
  cell: string;
  /** The raw value as text, exactly as the clerk would see it. */
  value: string;
  field: string;
  problem: ProblemCode;
  message: MessageRef;
}

export type Severity = 'error' | 'warning' | 'info';

/** Something a job wants the clerk to look at, with the cells it is about. */
export interface Finding {
  severity: Severity;
  code: string;
  message: MessageRef;
  cells: CellRef[];
}
