import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellRef } from '../core/findings';
import { HostError, type HostProgress, type WorkbookHost, type WorkbookRead } from '../core/host';
import type { WritePlan } from '../core/report/write-plan';
import { STATE_SHEET } from '../core/state';
import { readLoadedWorkbook } from './read';
import { partsExcelJsDrops, sniff, zipEntryNames } from './sniff';
import { applyPlan } from './write';

/**
 * The file host: a .xlsx read and written with ExcelJS (the only code that imports it, with read.ts and write.ts).
 * open() refuses what is not a workbook with a HostError in the clerk's language; write() executes a plan on the
 * loaded workbook; save() writes it out.
 */
export class XlsxHost implements WorkbookHost {
  private constructor(
    private readonly wb: ExcelJS.Workbook,
    /** The file name used in messages. */
    readonly label: string,
    /** Features of the input that ExcelJS does not carry into a rewritten file (charts, pivot tables, macros…). */
    readonly droppedParts: string[],
  ) {}

  /** Load a workbook from a path or bytes; `label` names it in messages (defaults to the path). */
  static async open(source: string | Buffer, label = typeof source === 'string' ? source : 'workbook.xlsx'): Promise<XlsxHost> {
    let buf: Buffer;
    if (typeof source === 'string') {
      try {
        const stat = await fs.stat(source);
        if (stat.isDirectory()) throw new HostError('xlsx.error.notWorkbook', { file: label });
        buf = await fs.readFile(source);
      } catch (e) {
        if (e instanceof HostError) throw e;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') throw new HostError('xlsx.error.missing', { file: label });
        throw new HostError('xlsx.error.unreadable', { file: label }, (e as Error).message);
      }
    } else {
      buf = source;
    }
    const kind = sniff(buf);
    switch (kind.kind) {
      case 'encrypted':
        throw new HostError('xlsx.error.encrypted', { file: label });
      case 'legacy':
        throw new HostError('xlsx.error.legacy', { file: label });
      case 'zip-not-workbook':
        throw new HostError('xlsx.error.zipNotWorkbook', { file: label });
      case 'not-workbook':
        throw new HostError('xlsx.error.notWorkbook', { file: label });
      case 'xlsx':
        break;
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new HostError('xlsx.error.unreadable', { file: label }, (e as Error).message);
    }
    return new XlsxHost(wb, label, partsExcelJsDrops(zipEntryNames(buf) ?? []));
  }

  async readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    const read = readLoadedWorkbook(this.wb, progress);
    const hasData = read.grids.some((g) => g.name !== STATE_SHEET && g.values.some((row) => row.some((v) => v !== null && v !== '')));
    if (!hasData) throw new HostError('xlsx.error.empty', { file: this.label });
    return read;
  }

  async write(plan: WritePlan, progress?: HostProgress): Promise<void> {
    applyPlan(this.wb, plan, progress);
  }

  async select(_cell: CellRef): Promise<void> {
    // No screen: nothing to select.
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    const out = await this.wb.xlsx.writeBuffer();
    return Buffer.from(out as ArrayBuffer);
  }

  /**
   * Write the workbook to `path`, through a temporary file renamed into place, so a failed write never leaves a
   * half-written workbook (important with --in-place, where `path` is the clerk's own file).
   */
  async save(path: string): Promise<void> {
    const tmp = `${path}.clerk-desk-${process.pid}.tmp`;
    try {
      await this.wb.xlsx.writeFile(tmp);
      await fs.rename(tmp, path);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw new HostError('xlsx.error.cannotWrite', { file: path }, (e as Error).message);
    }
  }
}
