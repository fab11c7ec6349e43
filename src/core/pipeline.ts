import type { Grid } from './grid';
import type { Finding } from './findings';
import type { Json, JobContext, JobId, OptionValues } from './job';
import type { SheetSpec } from './sheet-spec';
import { JOBS } from './jobs';
import { structureWorkbook, type StructureResult } from './structure';
import { readState, stateSheet, isOwned, type WorkbookState } from './state';
import { translator, type Lang } from './i18n';
import type { IsoDate } from './values/brand';
import { columnLetter } from './values/address';
import { forPrint } from './report/print';
import { resolveCompany } from './report/company';

export interface RunRequest {
  /** Jobs to run; 'structure' is implied. */
  jobs: readonly JobId[];
  asOf: IsoDate;
  lang: Lang;
  options?: OptionValues;
  progress?: JobContext['progress'];
}

export interface RunOutput {
  /** The JSON summary: {job, asOf, tables, issues, <section>: …}. */
  summary: { [key: string]: Json };
  /** Sheets to write, the hidden state sheet last. */
  sheets: SheetSpec[];
  findings: Finding[];
  structure: StructureResult;
  state: WorkbookState;
}

/** Run jobs on a workbook's grids. Pure: the same grids and request give the same output. */
export function runWorkbook(grids: readonly Grid[], request: RunRequest): RunOutput {
  const state = readState(grids);
  const sourceGrids = grids.filter((g) => !isOwned(state, g.name));
  const structure = structureWorkbook(sourceGrids, { overrides: state.overrides, defaultYear: Number(request.asOf.slice(0, 4)) });
  const typedCompany = request.options?.company;
  const company = resolveCompany(typeof typedCompany === 'string' ? typedCompany : undefined, state.company, structure.tables);
  const ctx: JobContext = {
    company: company?.settings,
    asOf: request.asOf,
    lang: request.lang,
    t: translator(request.lang),
    options: request.options ?? {},
    progress: request.progress,
  };
  const input = { grids: sourceGrids, tables: structure.tables, issues: structure.issues, detections: structure.detections };
  const wanted = new Set<JobId>(['structure', ...request.jobs]);
  const summary: { [key: string]: Json } = {
    job: request.jobs.length === 1 ? request.jobs[0] : 'all',
    asOf: request.asOf,
    tables: structure.tables.map((tb) => ({
      sheet: tb.sheet,
      kind: tb.kind,
      confidence: Math.round(tb.confidence * 100) / 100,
      headerRow: tb.headerRows[tb.headerRows.length - 1] ?? null,
      firstDataRow: tb.firstDataRow,
      lastDataRow: tb.lastDataRow,
      rows: tb.rows.length,
      columns: Object.fromEntries(
        Object.entries(tb.columns as Record<string, number>).map(([field, col]) => [field, columnLetter(col)]),
      ),
    })),
    issues: structure.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, value: i.value, field: i.field, problem: i.problem })),
  };
  const sheets: SheetSpec[] = [];
  const findings: Finding[] = [...structure.findings];
  for (const job of JOBS) {
    if (!wanted.has(job.id)) continue;
    const run = job.run(input, ctx);
    if (job.id !== 'structure') summary[job.section] = run.result;
    sheets.push(...forPrint(run.sheets, ctx.t, company?.settings.name));
    findings.push(...run.findings);
  }
  const owned = sheets.map((s) => ({ sheet: s.name, purpose: s.purpose }));
  // Keep ownership of sheets from earlier runs of other jobs, so a later run can still replace them.
  const kept = state.owned.filter((o) => !owned.some((n) => n.sheet === o.sheet) && grids.some((g) => g.name === o.sheet));
  // A company she typed is remembered; one read from titles is used for this run only (the pane asks her to confirm).
  const remembered = company && company.source !== 'titles' ? { company: company.settings } : {};
  const nextState: WorkbookState = { ...state, ...remembered, owned: [...kept, ...owned] };
  sheets.push(stateSheet(nextState));
  return { summary, sheets, findings, structure, state: nextState };
}
