/// <reference types="office-js" />
import type { CellRef } from '../core/findings';
import { HostError, type HostProgress, type WorkbookHost, type WorkbookRead } from '../core/host';
import type { WritePlan } from '../core/report/write-plan';
import { toHostError } from './errors';
import { readWorkbookWith, type ReadWarning } from './read';
import { MINIMUM_EXCEL_API, capabilities, missingRequirements, officeIsSetSupported, type Capabilities, type IsSetSupported, type Requirement } from './requirements';
import { writePlanWith } from './write';
import { repairWith, type RepairOutcome } from './staging';
import { readState } from '../core/state';

/** Excel.run, or anything with its shape (the Office.js simulation in tests and the playground). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Defaults to the global Excel.run inside Office. */
  run?: ExcelRun;
  /** Defaults to Office.context.requirements.isSetSupported inside Office. */
  isSetSupported?: IsSetSupported;
}

/**
 * The Office.js host: the only code that calls Excel.run. It implements the same WorkbookHost as the xlsx host;
 * read.ts and write.ts say how reads and writes are cut into syncs.
 */
export class ExcelHost implements WorkbookHost {
  private readonly run: ExcelRun;
  private readonly isSetSupported: IsSetSupported;
  /** Things the last read could not do completely (too many merged areas, scattered hidden rows). */
  warnings: ReadWarning[] = [];
  /** What the last read found of a run that had stopped midway, and did about it. */
  repaired: RepairOutcome = 'none';

  constructor(options: ExcelHostOptions = {}) {
    this.run = options.run ?? globalExcelRun();
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported() ?? (() => true);
  }

  /** What this Excel lacks of what Clerk Desk uses (required first); the pane lists them. */
  missing(): Requirement[] {
    return missingRequirements(this.isSetSupported);
  }

  private caps(): Capabilities {
    const caps = capabilities(this.isSetSupported);
    if (!caps.minimum) throw new HostError('excel.host.unsupported', { version: MINIMUM_EXCEL_API });
    return caps;
  }

  async readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    const caps = this.caps();
    const warnings: ReadWarning[] = [];
    this.repaired = 'none';
    try {
      const read = await this.run(async (ctx) => {
        const first = await readWorkbookWith(ctx, { caps, progress, warnings });
        // A run that stopped while staging left its record in the state sheet: finish or undo it, then read again
        // (the staging sheets must never be taken for the clerk's sheets).
        if (!readState(first.grids).staging) return first;
        this.repaired = await repairWith(ctx);
        warnings.length = 0;
        return readWorkbookWith(ctx, { caps, progress, warnings });
      });
      this.warnings = warnings;
      return read;
    } catch (e) {
      throw toHostError(e);
    }
  }

  async write(plan: WritePlan, progress?: HostProgress): Promise<void> {
    const caps = this.caps();
    try {
      await this.run((ctx) => writePlanWith(ctx, plan, { caps, progress }));
    } catch (e) {
      throw toHostError(e);
    }
  }

  async select(cell: CellRef): Promise<void> {
    try {
      await this.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(cell.sheet);
        ws.load('name');
        await ctx.sync();
        if (ws.isNullObject) throw new HostError('excel.host.sheetMissing', { sheet: cell.sheet });
        ws.activate();
        ws.getRange(cell.cell).select();
        await ctx.sync();
      });
    } catch (e) {
      throw toHostError(e, { sheet: cell.sheet });
    }
  }
}

function globalExcelRun(): ExcelRun {
  const excel = (globalThis as { Excel?: { run?: ExcelRun } }).Excel;
  if (excel && typeof excel.run === 'function') return (batch) => (excel.run as ExcelRun)(batch);
  return () => Promise.reject(new HostError('excel.pane.error.notInExcel'));
}
