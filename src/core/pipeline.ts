import type { Grid } from './grid';
import type { Finding } from './findings';
import type { Json, JobContext, JobId, OptionValues } from './job-definition';
import type { SheetSpec } from './sheet-spec';
import type { TableKind } from './tables/kinds';
import { JOBS, jobNeeds } from './job-registry';
import { structureWorkbook, type StructureResult } from './structure';
import { disownedSheets, readState, stateSheet, isOwned, type WorkbookState } from './state';
import { translator, type Lang, type MessageKey, type Translate } from './i18n';
import type { IsoDate } from './values/brand';
import { columnLetter } from './values/address';
import { dataEnd } from './period';
import { statementInputs, type StatementFile } from './reconcile/statement-file';
import { findingsSheet, type JobFindings } from './findings-sheet';
import { forPrint } from './report/print';
import { companiesInTitles, resolveCompany, type ResolvedCompany } from './report/company';

export interface RunRequest {
  /** Jobs to run; 'structure' is implied (its own sheets are written only when it is listed). */
  jobs: readonly JobId[];
  asOf: IsoDate;
  lang: Lang;
  options?: OptionValues;
  progress?: JobContext['progress'];
  /** Their statements as workbooks of their own (`--statement their.xlsx`), read alongside hers, never written. */
  statements?: readonly StatementFile[];
}

/** One job's part of a run: what the pane shows for it. */
export interface JobOutcome {
  job: JobId;
  /** The job's section of the summary (empty for structure). */
  result: { [key: string]: Json };
  /** Names of the sheets it wrote, its main sheet first (none when it had nothing to do). */
  sheets: string[];
  findings: Finding[];
}

export interface RunOutput {
  /** The JSON summary: {job, asOf, tables, issues, <section>: …}. */
  summary: { [key: string]: Json };
  /** Sheets to write: each job's own together (main sheet first), then the run's 问题清单, the hidden state sheet last. */
  sheets: SheetSpec[];
  findings: Finding[];
  /** Per job, in run order ('structure' first: the cells it could not read, whether or not its sheets were asked for). */
  outcomes: JobOutcome[];
  structure: StructureResult;
  state: WorkbookState;
  /** Our company as this run used it, and where from (absent: none typed, none saved, and her titles name none or several). */
  company?: ResolvedCompany;
  /** The companies her own sheets' titles name (one: the name used when none is set; several: they disagree). */
  titleCompanies: string[];
}

const kindList = (t: Translate, kinds: readonly TableKind[]): string => kinds.map((k) => t(`structure.kind.${k}` as MessageKey)).join(t('run.or'));

/** Run jobs on a workbook's grids. Pure: the same grids and request give the same output. */
export function runWorkbook(grids: readonly Grid[], request: RunRequest): RunOutput {
  const state = readState(grids);
  const defaultYear = Number(request.asOf.slice(0, 4));
  const theirs = statementInputs(request.statements ?? [], new Set(grids.map((g) => g.name)), defaultYear);
  const sourceGrids = [...grids.filter((g) => !isOwned(state, g.name)), ...theirs.grids];
  const structure = structureWorkbook(sourceGrids, { overrides: { ...theirs.overrides, ...state.overrides }, defaultYear });
  const options = request.options ?? {};
  const t = translator(request.lang);
  const typedCompany = options.company;
  const company = resolveCompany(typeof typedCompany === 'string' ? typedCompany : undefined, state.company, structure.tables);
  const ctx: JobContext = { company: company?.settings, asOf: request.asOf, lang: request.lang, t, options, progress: request.progress };
  const input = { grids: sourceGrids, tables: structure.tables, issues: structure.issues, detections: structure.detections, state };
  const asked = new Set<JobId>(request.jobs);
  const present = new Set<TableKind>(structure.tables.map((tb) => tb.kind as TableKind));
  const summary: { [key: string]: Json } = {
    job: request.jobs.length === 1 ? request.jobs[0] : 'all',
    asOf: request.asOf,
    tables: structure.tables.map((tb) => ({
      sheet: tb.sheet,
      kind: tb.kind,
      confidence: Math.round(tb.confidence * 100) / 100,
      headerRow: tb.headerRows,
      firstDataRow: tb.firstDataRow,
      lastDataRow: tb.lastDataRow,
      rows: tb.rows.length,
      ...(tb.guessedColumns ? { guessed: tb.guessedColumns } : {}),
      columns: Object.fromEntries(
        Object.entries(tb.columns as Record<string, number>).map(([field, col]) => [field, columnLetter(col)]),
      ),
    })),
    issues: structure.issues.map((i) => ({ sheet: i.sheet, cell: i.cell, value: i.value, field: i.field, problem: i.problem })),
  };
  // An as-of date after the data is allowed, and named: aging then runs to a day the workbook knows nothing of.
  const end = dataEnd(structure.tables);
  if (end) summary.dataEnd = end;
  const sheets: SheetSpec[] = [];
  // Findings of the run itself (their statement files, an as-of beyond the data) are listed with structure's.
  const runFindings: Finding[] = [];
  // A sheet of ours she deleted and replaced with her own of the same name: hers is kept, ours goes elsewhere.
  for (const sheet of disownedSheets(grids)) {
    runFindings.push({ severity: 'warning', code: 'sheet-is-hers', message: { key: 'run.finding.sheetIsHers', values: { sheet } }, cells: [] });
  }
  for (const label of theirs.empty) {
    runFindings.push({ severity: 'warning', code: 'reconcile-statement-file-empty', message: { key: 'reconcile.finding.statementFileEmpty', values: { file: label } }, cells: [] });
  }
  if (end && request.asOf > end && request.jobs.some((j) => j !== 'structure' && j !== 'quotes')) {
    runFindings.push({ severity: 'info', code: 'as-of-beyond-data', message: { key: 'period.finding.beyondData', values: { asOf: request.asOf, dataEnd: end } }, cells: [] });
  }
  let updates: Partial<WorkbookState> = {};
  const outcomes: JobOutcome[] = [];
  for (const job of JOBS) {
    if (job.id !== 'structure' && !asked.has(job.id)) continue;
    const run = job.run(input, ctx);
    if (run.state) updates = { ...updates, ...run.state };
    if (job.id !== 'structure') summary[job.section] = run.result;
    const title = t(job.title);
    const needs = jobNeeds(job.id, options);
    let own: SheetSpec[] = job.id === 'structure' && !asked.has('structure') ? [] : run.sheets;
    let findings = job.id === 'structure' ? [...runFindings, ...structure.findings, ...run.findings] : run.findings;
    if (needs.length && !needs.some((k) => present.has(k))) {
      // Nothing to do: one sentence instead of the job's empty sheets (and of its own "no input" findings).
      own = [];
      findings = [{ severity: 'warning', code: 'nothing-to-do', message: { key: 'run.finding.nothingToDo', values: { job: title, tables: kindList(t, needs) } }, cells: [] }];
    } else {
      const missing = own.filter((s) => s.needs?.length && !s.needs.some((k) => present.has(k)));
      own = own.filter((s) => !missing.includes(s));
      findings = [
        ...findings,
        ...missing.map((s): Finding => ({
          severity: 'info',
          code: 'no-table-for-sheet',
          message: { key: 'run.finding.noTableForSheet', values: { sheet: s.name, tables: kindList(t, s.needs ?? []) } },
          cells: [],
        })),
      ];
    }
    sheets.push(...forPrint(own, t, company?.settings.name));
    outcomes.push({ job: job.id, result: run.result, sheets: own.map((s) => s.name), findings });
  }
  const groups: JobFindings[] = outcomes.map((o) => ({ job: o.job, title: t(JOBS.find((j) => j.id === o.job)?.title ?? 'structure.title'), findings: o.findings }));
  sheets.push(...forPrint([findingsSheet(groups, ctx, new Set([...sourceGrids.map((g) => g.name), ...sheets.map((s) => s.name)]))], t, company?.settings.name));
  const owned = sheets.map((s) => ({ sheet: s.name, purpose: s.purpose }));
  // Keep ownership of sheets from earlier runs of other jobs, so a later run can still replace them.
  const kept = state.owned.filter((o) => !owned.some((n) => n.sheet === o.sheet) && grids.some((g) => g.name === o.sheet));
  // A company she typed is remembered; one read from titles is used for this run only (the pane asks her to confirm).
  const remembered = company && company.source !== 'titles' ? { company: company.settings } : {};
  const nextState: WorkbookState = { ...state, ...updates, ...remembered, owned: [...kept, ...owned] };
  sheets.push(stateSheet(nextState));
  const findings = outcomes.flatMap((o) => o.findings);
  return { summary, sheets, findings, outcomes, structure, state: nextState, ...(company ? { company } : {}), titleCompanies: companiesInTitles(structure.tables) };
}
