import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { CellRef } from '../core/findings';
import { HostError, type HostProgress, type WorkbookHost, type WorkbookRead } from '../core/host';
import type { WritePlan } from '../core/report/write-plan';
import { STATE_SHEET } from '../core/state';
import { readLoadedWorkbook } from './read';
import { partsExcelJsDrops, sniff, zipEntryNames } from './sniff';
import { applyPlan } from './write';
import { patchWorkbook } from './patch';
import { fastReadWorkbook } from './fast-read';
import { ZipReader } from './zip';
import { generatedParts } from './sheet-xml';
import { writeFilesTogether } from './safe-write';

/**
 * The file host: a .xlsx read and written with ExcelJS (the only code that imports it, with read.ts and write.ts).
 * open() refuses what is not a workbook with a HostError in the clerk's language; write() executes a plan on the
 * loaded workbook; save() writes it out.
 */
export class XlsxHost implements WorkbookHost {
  /** The workbook as it will be saved, once write() has run. */
  private output: Buffer | null = null;
  /** True when the last write fell back to rewriting the whole workbook with ExcelJS. */
  rewroteWholeWorkbook = false;
  /** Read with ExcelJS even when the direct reader could (tests compare the two). */
  forceExcelJs = false;

  private constructor(
    /** The input as loaded; dropped after reading to free memory (write() works from the bytes). */
    private wb: ExcelJS.Workbook | null,
    private readonly original: Buffer,
    private readonly date1904: boolean,
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
    const zip = ZipReader.open(buf);
    const workbookXml = zip?.text('xl/workbook.xml');
    if (zip && workbookXml) {
      const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
      return new XlsxHost(null, buf, date1904, label, partsExcelJsDrops([...zip.entries.keys()]));
    }
    // A zip this module cannot read itself (zip64…): ExcelJS reads and, if need be, writes it.
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new HostError('xlsx.error.unreadable', { file: label }, (e as Error).message);
    }
    const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
    return new XlsxHost(wb, buf, date1904, label, partsExcelJsDrops(zipEntryNames(buf) ?? []));
  }

  private async loaded(): Promise<ExcelJS.Workbook> {
    if (!this.wb) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(this.original as unknown as ExcelJS.Buffer);
      } catch (e) {
        throw new HostError('xlsx.error.unreadable', { file: this.label }, (e as Error).message);
      }
      this.wb = wb;
    }
    return this.wb;
  }

  /** Read with the direct XML reader (fast-read.ts), or with ExcelJS when that one declines. */
  async readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    let fast: WorkbookRead | null = null;
    if (!this.wb && !this.forceExcelJs) {
      try {
        fast = fastReadWorkbook(this.original, progress);
      } catch (e) {
        if ((e as Error).name === 'AbortError') throw e;
        fast = null;
      }
    }
    const read = fast ?? readLoadedWorkbook(await this.loaded(), progress);
    // The grids hold everything a run needs; the ExcelJS model (the biggest thing in memory) can go.
    this.wb = null;
    const hasData = read.grids.some((g) => g.name !== STATE_SHEET && g.values.some((row) => row.some((v) => v !== null && v !== '')));
    if (!hasData) throw new HostError('xlsx.error.empty', { file: this.label });
    return read;
  }

  /**
   * Render the generated sheets as SpreadsheetML (sheet-xml.ts), then move them into the clerk's file at
   * the zip level (patch.ts): the clerk's parts are copied byte for byte, so nothing of theirs can change and
   * nothing ExcelJS does not understand (charts, pivot tables, macros) is lost. Falls back to a full ExcelJS
   * rewrite only for workbooks the patcher does not handle.
   */
  async write(plan: WritePlan, progress?: HostProgress): Promise<void> {
    const patched = patchWorkbook(this.source(), generatedParts(plan, this.date1904, progress), plan);
    if (patched) {
      this.output = patched;
      this.rewroteWholeWorkbook = false;
      return;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(this.source() as unknown as ExcelJS.Buffer);
    applyPlan(wb, plan, progress, this.date1904);
    this.output = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    this.rewroteWholeWorkbook = true;
  }

  /** The bytes the next write starts from: the last output, else the input. */
  private source(): Buffer {
    return this.output ?? this.original;
  }

  async select(_cell: CellRef): Promise<void> {
    // No screen: nothing to select.
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    return this.source();
  }

  /**
   * Write the workbook to `path` (safe-write.ts: a temporary file renamed into place, a symlink followed, mode and
   * owner kept), so a failed write never leaves a half-written workbook.
   */
  async save(path: string): Promise<void> {
    try {
      await writeFilesTogether([{ path, bytes: this.source() }]);
    } catch (e) {
      throw new HostError('xlsx.error.cannotWrite', { file: path }, (e as Error).message);
    }
  }
}
