import type { Grid } from './grid';
import type { CellIssue, Finding } from './findings';
import type { SheetSpec } from './sheet-spec';
import type { AnyTypedTable } from './tables/typed-table';
import type { IsoDate } from './values/brand';
import type { Lang, MessageKey, Translate } from './i18n';
import type { SheetDetection } from './structure';
import type { WorkbookState } from './state';
import type { CompanySettings } from './report/company';

/** The jobs Clerk Desk runs. `structure` always runs first; the others read its tables. */
export type JobId = 'structure' | 'quotes' | 'reconcile' | 'receivables' | 'sales' | 'ledgers';

/** An option a job takes. The CLI (`--name value`) and the task pane (a form field) are both built from these. */
export interface OptionSpec {
  /** camelCase; the CLI flag is its kebab-case form (`dateWindow` → `--date-window`). */
  name: string;
  type: 'date' | 'month' | 'number' | 'boolean' | 'enum' | 'text';
  label: MessageKey;
  /** Default when not given; for dates and months a job may derive one from asOf instead. */
  default?: string | number | boolean;
  choices?: { value: string; label: MessageKey }[];
  /** For numbers: the smallest value that means something (0 when not given: no negative days or tolerances). */
  min?: number;
  /** For text with a shape of its own: 'day-list' is ascending day counts such as `30,60,90` (aging buckets). */
  format?: 'day-list';
}

export type OptionValue = string | number | boolean | undefined;
export type OptionValues = Record<string, OptionValue>;

/** What a job runs on: the structured workbook. */
export interface JobInput {
  grids: readonly Grid[];
  tables: readonly AnyTypedTable[];
  issues: readonly CellIssue[];
  /** How structure read each source sheet, including the ones it could not use (for the structure job's own sheets). */
  detections?: readonly SheetDetection[];
  /** What the workbook remembers from earlier runs (reconcile's carried in-transit lines). */
  state?: WorkbookState;
}

export interface JobContext {
  /** The as-of date (never the clock: core is pure). */
  asOf: IsoDate;
  lang: Lang;
  t: Translate;
  options: OptionValues;
  /** Called now and then on long runs; returns false when the user cancelled. */
  progress?: (done: number, total: number) => boolean;
  /** Our company, for the documents we send (core/report/company.ts); absent when not known. */
  company?: CompanySettings;
}

/** JSON-clean data: what a job puts under its section of the summary. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface JobRun {
  /** This job's section of the JSON summary (amounts in yuan). */
  result: { [key: string]: Json };
  sheets: SheetSpec[];
  findings: Finding[];
  /** Fields of the state sheet this job sets (merged by the pipeline). */
  state?: Pick<WorkbookState, 'inTransit'>;
}

export interface Job {
  id: JobId;
  /** Key of this job's section in the JSON summary (the job id, except structure whose data is top level). */
  section: string;
  title: MessageKey;
  options: OptionSpec[];
  run(input: JobInput, ctx: JobContext): JobRun;
}
