import type { Grid } from '../core/grid';
import { setWorkbookTables } from '../functions/workbook';
import type { Finding } from '../core/findings';
import type { HostProgress, WorkbookHost } from '../core/host';
import type { JobId, Json, OptionValues } from '../core/job-definition';
import type { Lang } from '../core/i18n';
import type { JobOutcome } from '../core/pipeline';
import { JOB_IDS } from '../core/job-registry';
import type { SheetDetection } from '../core/structure';
import { isOwned, readState, stateSheet, withCompanySetting, type SheetOverride, type WorkbookState } from '../core/state';
import type { CompanySettings, ResolvedCompany } from '../core/report/company';
import { planWrite, type ExistingWorkbook, type WritePlan } from '../core/report/write-plan';
import type { IsoDate } from '../core/values/brand';
import type { StatementFile } from '../core/reconcile/statement-file';
import { runOffThread, CancelledError } from './run-off-thread';
import type { WorkerOutput } from './protocol';

/** One progress report for the pane's bar: which phase, and a fraction 0..1 of the whole run. */
export interface PaneProgress {
  phase: 'read' | 'run' | 'write';
  fraction: number;
}

/** What the pane shows about a source sheet: how structure saw it, and its header row's cells for the mapping editor. */
export interface SheetInfo {
  detection: SheetDetection;
  /** Header texts by column (index 0 = column A), from the detected (or overridden) header row. */
  headers: string[];
  override?: SheetOverride;
}

export interface ScanResult {
  sheets: SheetInfo[];
  /** Source sheets structure could not place at all (no detection): listed so the clerk can assign a kind. */
  state: WorkbookState;
  /** Our company as a run would take it, and where from ('titles': a guess the pane asks her to confirm). */
  company?: ResolvedCompany;
  /** The companies her own sheets' titles name (several: they disagree, and no name is taken from them). */
  titleCompanies: string[];
}

/** What the pane runs: one job, or every job in one run ('all': one read, one write, one cancel). */
export type RunTarget = JobId | 'all';

export interface JobResult {
  jobId: RunTarget;
  summary: { [key: string]: Json };
  findings: Finding[];
  /** Per job that ran (structure first), its result and its own sheets under their final names, main sheet first. */
  outcomes: JobOutcome[];
  /** The sheets written (final names, the hidden state sheet left out). */
  written: string[];
  renamed: Record<string, string>;
  scan: ScanResult;
}

const PHASES: Record<PaneProgress['phase'], [number, number]> = { read: [0, 0.3], run: [0.3, 0.75], write: [0.75, 1] };

function reporter(onProgress?: (p: PaneProgress) => void) {
  return (phase: PaneProgress['phase'], done: number, total: number) => {
    if (!onProgress) return;
    const [a, b] = PHASES[phase];
    const f = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
    onProgress({ phase, fraction: a + (b - a) * f });
  };
}

function headersOf(grid: Grid | undefined, detection: SheetDetection): string[] {
  const row = detection.headerRows[detection.headerRows.length - 1];
  if (!grid || !row) return [];
  const cells = grid.values[row - 1] ?? [];
  const width = Math.max(cells.length, ...grid.values.slice(0, 50).map((r) => r?.length ?? 0));
  return Array.from({ length: width }, (_, i) => {
    const v = cells[i];
    return v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v);
  });
}

const throwIfAborted = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new CancelledError();
};

/**
 * The task pane's engine: read through the host on the main thread, run core in the worker, plan in full, write
 * through the host — runOnHost's order, with the pipeline moved off the UI thread.
 */
export class PaneEngine {
  constructor(readonly host: WorkbookHost) {}

  private toScan(grids: Grid[], out: Pick<WorkerOutput, 'detections' | 'state' | 'company' | 'titleCompanies'>, state: WorkbookState): ScanResult {
    const detections = out.detections;
    const sheets = detections
      .filter((d) => !isOwned(state, d.sheet))
      .map((d) => ({
        detection: d,
        headers: headersOf(grids.find((g) => g.name === d.sheet), d),
        override: state.overrides[d.sheet],
      }));
    return { sheets, state, ...(out.company ? { company: out.company } : {}), titleCompanies: out.titleCompanies };
  }

  private async read(progress: HostProgress): Promise<{ grids: Grid[]; existing: ExistingWorkbook }> {
    const { grids, existing } = await this.host.readWorkbook(progress);
    return { grids, existing };
  }

  /** Read the workbook and run structure only: what the sheet list shows. Writes nothing. */
  async scan(lang: Lang, asOf: IsoDate, onProgress?: (p: PaneProgress) => void, signal?: AbortSignal): Promise<ScanResult> {
    const report = reporter(onProgress);
    const { grids } = await this.read({ signal, onProgress: (_phase, d, t) => report('read', d, t) });
    throwIfAborted(signal);
    const out = await runOffThread(grids, { jobs: [], asOf, lang }, (d, t) => report('run', d, t), signal);
    setWorkbookTables(out.lookupTables);
    report('write', 1, 1);
    return this.toScan(grids, out, readState(grids));
  }

  /**
   * Run one job (or all) with its options, and write its sheets. The plan is complete before anything is written.
   * `statements`: their statement workbooks the clerk picked, read alongside hers and never written.
   */
  async run(
    jobId: RunTarget,
    options: OptionValues,
    asOf: IsoDate,
    lang: Lang,
    onProgress?: (p: PaneProgress) => void,
    signal?: AbortSignal,
    statements?: readonly StatementFile[],
  ): Promise<JobResult> {
    const report = reporter(onProgress);
    const { grids, existing } = await this.read({ signal, onProgress: (_phase, d, t) => report('read', d, t) });
    throwIfAborted(signal);
    const out = await runOffThread(grids, { jobs: jobId === 'all' ? JOB_IDS : [jobId], asOf, lang, options, statements }, (d, t) => report('run', d, t), signal);
    throwIfAborted(signal);
    setWorkbookTables(out.lookupTables);
    // Ownership is judged by the state the workbook holds now (as runOnHost does): a generated sheet named like one
    // of the clerk's sheets is renamed, never reused.
    const plan: WritePlan = planWrite(existing, readState(grids), out.sheets);
    await this.host.write(plan, { signal, onProgress: (_phase, d, t) => report('write', d, t) });
    report('write', 1, 1);
    const written = plan.layouts.filter((l) => !l.hidden && l.purpose !== 'state').map((l) => l.name);
    return {
      jobId,
      summary: out.summary,
      findings: out.findings,
      outcomes: out.outcomes.map((o) => ({ ...o, sheets: o.sheets.map((n) => plan.renamed[n] ?? n) })),
      written,
      renamed: plan.renamed,
      scan: this.toScan(grids, out, out.state),
    };
  }

  /**
   * Store the clerk's override for one sheet (or remove it with null) in the state sheet, through the same
   * planWrite → host.write path as every other write, so both hosts keep it the same way.
   */
  async saveOverride(sheet: string, override: SheetOverride | null): Promise<WorkbookState> {
    const { grids, existing } = await this.read({});
    const state = readState(grids);
    const overrides = { ...state.overrides };
    if (override) overrides[sheet] = override;
    else delete overrides[sheet];
    const next: WorkbookState = { ...state, overrides };
    await this.host.write(planWrite(existing, next, [stateSheet(next)]));
    return next;
  }

  /**
   * Store our company (the pane's settings, or a name from her titles she confirmed) in the state sheet, or remove
   * it with null — written at once, so the next run and the CLI on the saved file take the same name.
   */
  async saveCompany(company: CompanySettings | null): Promise<WorkbookState> {
    const { grids, existing } = await this.read({});
    const next = withCompanySetting(readState(grids), company);
    await this.host.write(planWrite(existing, next, [stateSheet(next)]));
    return next;
  }

  select(cell: { sheet: string; cell: string }): Promise<void> {
    return this.host.select(cell);
  }
}

export { CancelledError };
