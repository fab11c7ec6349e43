import { promises as fs } from 'fs';
import type ExcelJS from 'exceljs';
import type { CellRef } from '../core/findings';
import { HostError, type HostProgress, type WorkbookHost, type WorkbookRead } from '../core/host';
import type { WritePlan } from '../core/report/write-plan';
import { STATE_SHEET } from '../core/state';
import { readLoadedWorkbook } from './read';
import { partsExcelJsDrops, sniff } from './sniff';
import { applyPlan } from './write';
import { patchWorkbook } from './patch';
import { teachExcelJsBuiltinFormats } from './exceljs-formats';
import { fastReadWorkbook, type FastRead } from './fast-read';
import { LIMITS, ZipReader, ZipRefusal } from './zip';
import { relationshipsOf, workbookPart } from './package';
import { XmlError } from './xml';
import { generatedParts } from './sheet-xml';
import { writeFilesTogether } from './safe-write';
import { markWorkbook, withOwnerMarks } from './owner-marks';
import { loadExcelJs } from './exceljs-load';

/** The four SpreadsheetML package kinds, named by the file extension each must have. */
export type WorkbookKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm';

/** The kind from the content type [Content_Types].xml gives the workbook part. */
export function workbookKind(types: string, part: string): WorkbookKind {
  const esc = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const type = new RegExp(`PartName=["']/${esc}["'][^>]*ContentType=["']([^"']+)["']|ContentType=["']([^"']+)["'][^>]*PartName=["']/${esc}["']`, 'i').exec(types);
  const ct = (type?.[1] ?? type?.[2] ?? '').toLowerCase();
  if (ct.includes('template.macroenabled')) return 'xltm';
  if (ct.includes('sheet.macroenabled')) return 'xlsm';
  if (ct.includes('spreadsheetml.template')) return 'xltx';
  return 'xlsx';
}

const mb = (bytes: number): string => `${Math.round(bytes / 1_000_000).toLocaleString('en')} MB`;

/** The parts the direct reader reads: the workbook's sheets and its shared strings, found through its relationships. */
function readerParts(zip: ZipReader, workbook: string): Set<string> {
  try {
    return new Set(relationshipsOf(zip, workbook).filter((r) => !r.external && /\/(worksheet|sharedStrings)$/.test(r.type)).map((r) => r.part));
  } catch {
    // Unreadable relationships are the reader's to refuse, with its own sentence; nothing is kept then.
    return new Set();
  }
}

/** Run `f`; a zip refusal becomes the clerk's sentence about it. */
export function asHostError<T>(label: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    // A part that is not well-formed XML is as damaged as one whose CRC fails.
    if (e instanceof XmlError) throw new HostError('xlsx.error.damagedPart', { file: label, part: e.part }, e.message);
    if (!(e instanceof ZipRefusal)) throw e;
    const file = label;
    switch (e.problem) {
      case 'unsafeName':
        throw new HostError('xlsx.error.unsafeName', { file, part: e.part }, e.message);
      case 'duplicate':
        throw new HostError('xlsx.error.duplicatePart', { file, part: e.part }, e.message);
      case 'tooLarge':
        throw new HostError('xlsx.error.inflatesTooLarge', { file, part: mb(LIMITS.partBytes), book: mb(LIMITS.workbookBytes) }, e.message);
      case 'unsupported':
        throw new HostError('xlsx.error.unsupportedZip', { file }, e.message);
      default:
        if (e.part) throw new HostError('xlsx.error.damagedPart', { file, part: e.part }, e.message);
        throw new HostError('xlsx.error.unreadable', { file }, e.message);
    }
  }
}

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
  /** Which reader served the last readWorkbook(): the direct XML reader or ExcelJS. */
  reader: 'fast' | 'exceljs' | null = null;
  /** Sheets with formulas Excel never calculated (no cached value): the clerk must hear of them, not see blanks. */
  uncachedFormulas: { sheet: string; count: number }[] = [];
  /** Why ExcelJS served instead of the fast reader ('' when the fast reader did). */
  readerNote = '';
  /** What the package says it is: a plain workbook, macro-enabled, or a template (its file name must agree). */
  kind: WorkbookKind = 'xlsx';
  /** An unexpected exception in the fast reader is thrown, not answered by ExcelJS (set for the test suite). */
  static strictReader = process.env.CLERK_DESK_STRICT_READER === '1';

  private constructor(
    /** The input as loaded; dropped after reading to free memory (write() works from the bytes). */
    private wb: ExcelJS.Workbook | null,
    private readonly original: Buffer,
    private readonly date1904: boolean,
    /** The file name used in messages. */
    readonly label: string,
  ) {}

  /**
   * The archive as open() checked it: the reader takes the sheets open() kept inflated (released after the first
   * read), and the write copies her parts from it without checking them a second time.
   */
  private zip: ZipReader | null = null;

  private dropped: string[] | null = null;
  /** Features of the input that ExcelJS does not carry into a rewritten file (charts, pivot tables, macros…). */
  get droppedParts(): string[] {
    if (!this.dropped) {
      const zip = ZipReader.open(this.original);
      this.dropped = partsExcelJsDrops([...zip.entries.keys()], (n) => zip.text(n));
    }
    return this.dropped;
  }

  /** Load a workbook from a path or bytes; `label` names it in messages (defaults to the path). */
  static async open(source: string | Buffer, label = typeof source === 'string' ? source : 'workbook.xlsx'): Promise<XlsxHost> {
    let buf: Buffer;
    if (typeof source === 'string') {
      try {
        const stat = await fs.stat(source);
        // A folder, a device (/dev/zero) or a pipe would be read forever or not at all: refused before reading.
        if (!stat.isFile()) throw new HostError('xlsx.error.notAFile', { file: label });
        if (stat.size > LIMITS.fileBytes) throw new HostError('xlsx.error.fileTooLarge', { file: label, limit: mb(LIMITS.fileBytes) });
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
    const zip = asHostError(label, () => ZipReader.open(buf));
    const part = asHostError(label, () => workbookPart(zip));
    if (!part) throw new HostError('xlsx.error.zipNotWorkbook', { file: label });
    // Every part is inflated and checked now: a damaged part is refused before any work, and never copied. The
    // parts the reader reads next (sheets, shared strings) stay inflated for it rather than being inflated twice.
    asHostError(label, () => zip.checkAll(readerParts(zip, part)));
    const workbookXml = asHostError(label, () => zip.text(part)) ?? '';
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904=["'](1|true)["']/.test(workbookXml);
    const host = new XlsxHost(null, buf, date1904, label);
    host.zip = zip;
    host.kind = workbookKind(asHostError(label, () => zip.text('[Content_Types].xml')) ?? '', part);
    return host;
  }

  private async loaded(): Promise<ExcelJS.Workbook> {
    if (!this.wb) {
      const wb = new (await loadExcelJs()).Workbook();
      teachExcelJsBuiltinFormats();
      try {
        await wb.xlsx.load(this.original as unknown as ExcelJS.Buffer);
      } catch (e) {
        throw new HostError('xlsx.error.unreadable', { file: this.label }, (e as Error).message);
      }
      this.wb = wb;
    }
    return this.wb;
  }

  /**
   * Read with the direct XML reader (fast-read.ts), or with ExcelJS when that one declines the file. Which one
   * served is recorded in `reader` (the CLI's JSON summary and --verbose say so). A damaged or hostile file is
   * refused, never handed to ExcelJS; an unexpected exception in the fast reader falls back to ExcelJS for the
   * clerk, but not under CLERK_DESK_STRICT_READER=1 (the test suite), where it is the failure it is.
   */
  async readWorkbook(progress?: HostProgress): Promise<WorkbookRead> {
    let fast: FastRead | null = null;
    if (!this.wb && !this.forceExcelJs) {
      try {
        const zip = this.zip ?? undefined;
        fast = asHostError(this.label, () => fastReadWorkbook(this.original, progress, zip));
        if (!fast) this.readerNote = 'declined';
      } catch (e) {
        // The reader knows sheets, not the file's name: a refusal of its own gets the name here.
        if (e instanceof HostError) throw new HostError(e.key, { file: this.label, ...e.values }, e.detail);
        if ((e as Error).name === 'AbortError' || XlsxHost.strictReader) throw e;
        this.readerNote = (e as Error).message;
        fast = null;
      }
    } else {
      this.readerNote = this.forceExcelJs ? 'forced' : 'loaded';
    }
    this.reader = fast ? 'fast' : 'exceljs';
    this.uncachedFormulas = fast?.uncachedFormulas ?? [];
    const loaded: WorkbookRead = fast ? { grids: fast.grids, existing: fast.existing } : readLoadedWorkbook(await this.loaded(), progress);
    // Both readers give the grids in tab order; the ownership marks come from the workbook part either way.
    const read: WorkbookRead = {
      grids: withOwnerMarks(loaded.grids, ZipReader.open(this.original)),
      existing: { ...loaded.existing, marks: true },
    };
    // The grids hold everything a run needs; the ExcelJS model (the biggest thing in memory) can go, and so can
    // whatever parts open() kept inflated.
    this.wb = null;
    this.zip?.releaseKept();
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
    const patched = patchWorkbook(this.output ?? this.zip ?? this.original, generatedParts(plan, this.date1904, progress), plan);
    if (patched) {
      this.output = patched;
      this.rewroteWholeWorkbook = false;
      return;
    }
    const wb = new (await loadExcelJs()).Workbook();
    teachExcelJsBuiltinFormats();
    await wb.xlsx.load(this.source() as unknown as ExcelJS.Buffer);
    applyPlan(wb, plan, progress, this.date1904);
    this.output = markWorkbook(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), plan);
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
