/**
 * The in-memory workbook behind the Office.js simulation: sheets of cells (value, number format, formula,
 * quote prefix, hyperlink), merges, hidden rows/columns, tables, conditional formats, charts, and the rules
 * Excel enforces on names. Proxies (proxies.ts) reach it only inside `context.sync()`.
 */
import { columnLetter } from '../core/values/address';

export type SimValue = number | string | boolean | null | { error: string };

/** Office.js errors arrive as OfficeExtension.Error with a string `code`; the simulation throws the same shape. */
export class SimRichApiError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
const KEY_STRIDE = 20_000;
export const cellKey = (r: number, c: number): number => r * KEY_STRIDE + c;

export interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface SimTable {
  /** Excel's Table.id: unique in the workbook, kept across renames (TableCollection.getItem takes a name or an id). */
  id: string;
  name: string;
  sheet: SimSheet;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SimConditionalFormat {
  type: string;
  /** A1 of the range it applies to, no sheet. */
  range: string;
  formula?: string;
  fill?: string;
}

export interface SimChartSeries {
  name: string;
  values?: string;
  xValues?: string;
}

export interface SimChart {
  id: string;
  name: string;
  type: string;
  title: string;
  series: SimChartSeries[];
  position?: string;
  /** The cell at the chart's bottom-right corner, when setPosition was given one. */
  end?: string;
}

export interface SimFont {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: string;
}

export interface SimHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/** Column letters of a 1-based column (the one conversion, in core). */
export const colLetters = columnLetter;

/** 0-based rect → "A1:C5" (no sheet). */
export function rectA1(r: Rect): string {
  const tl = `${colLetters(r.c0 + 1)}${r.r0 + 1}`;
  if (r.rows === 1 && r.cols === 1) return tl;
  if (r.rows === MAX_ROWS) return `${colLetters(r.c0 + 1)}:${colLetters(r.c0 + r.cols)}`;
  if (r.cols === MAX_COLS) return `${r.r0 + 1}:${r.r0 + r.rows}`;
  return `${tl}:${colLetters(r.c0 + r.cols)}${r.r0 + r.rows}`;
}

export const quoteSheet = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** "A1", "A1:C5", "$A$1:$C$5", "C:C", "3:5" → 0-based rect. Throws InvalidArgument otherwise. */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, '').trim().toUpperCase();
  const cell = /^([A-Z]{1,3})(\d+)$/;
  const parts = a.split(':');
  if (parts.length > 2 || !a) throw new SimRichApiError('InvalidArgument', `bad address ${address}`);
  const colNum = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (parts.every((p) => /^[A-Z]{1,3}$/.test(p))) {
    const c0 = colNum(parts[0]) - 1;
    const c1 = colNum(parts[parts.length - 1]) - 1;
    return { r0: 0, c0: Math.min(c0, c1), rows: MAX_ROWS, cols: Math.abs(c1 - c0) + 1 };
  }
  if (parts.every((p) => /^\d+$/.test(p))) {
    const r0 = Number(parts[0]) - 1;
    const r1 = Number(parts[parts.length - 1]) - 1;
    return { r0: Math.min(r0, r1), c0: 0, rows: Math.abs(r1 - r0) + 1, cols: MAX_COLS };
  }
  const ps = parts.map((p) => {
    const m = cell.exec(p);
    if (!m) throw new SimRichApiError('InvalidArgument', `bad address ${address}`);
    return { r: Number(m[2]) - 1, c: colNum(m[1]) - 1 };
  });
  const [p0, p1 = ps[0]] = ps;
  const rect = { r0: Math.min(p0.r, p1.r), c0: Math.min(p0.c, p1.c), rows: Math.abs(p1.r - p0.r) + 1, cols: Math.abs(p1.c - p0.c) + 1 };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r0 + rect.rows > MAX_ROWS || rect.c0 + rect.cols > MAX_COLS) {
    throw new SimRichApiError('InvalidArgument', `address out of the grid ${address}`);
  }
  return rect;
}

const intersects = (a: Rect, b: Rect) => a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;

/** A sheet's page set-up as written through worksheet.pageLayout (ExcelApi 1.9). */
export interface SimPageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<string, number>;
  centerHorizontally?: boolean;
  printArea?: string;
  printTitleRows?: string;
  headers: Record<string, string>;
}

/** A defined name as Excel keeps it: a formula ('="text"', '=Sheet1!$A$1'), shown or hidden in the Name Manager. */
export interface SimName {
  name: string;
  formula: string;
  visible: boolean;
}

export class SimSheet {
  /** Excel's Worksheet.id, a GUID in braces that survives renames (WorksheetCollection.getItem takes a name or an id). */
  id = '';
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  protected = false;
  /** Row-major, 0-based; missing = empty. */
  values: SimValue[][] = [];
  formats: (string | undefined)[][] = [];
  formulas = new Map<number, string>();
  quotePrefix = new Set<number>();
  hyperlinks = new Map<number, SimHyperlink>();
  /** Font settings written through Range.format.font, by cell. */
  fonts = new Map<number, SimFont>();
  merges: Rect[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Column widths in points by 0-based column. */
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  conditionalFormats: SimConditionalFormat[] = [];
  charts: SimChart[] = [];
  pageLayout: SimPageLayout = { margins: {}, headers: {} };
  /** Cells whose text wraps (Range.format.wrapText), by cell key. */
  wrapped = new Set<number>();
  /** Vertical alignment set through Range.format.verticalAlignment, by cell key. */
  verticalAlignment = new Map<number, string>();
  /** Sheet-scoped defined names (Worksheet.names): they live with the sheet, so follow its renames and go with it. */
  names: SimName[] = [];

  constructor(public name: string) {}

  getValue(r: number, c: number): SimValue {
    return this.values[r]?.[c] ?? null;
  }

  getFormat(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }

  setRaw(r: number, c: number, v: SimValue): void {
    (this.values[r] ??= [])[c] = v;
  }

  setFormat(r: number, c: number, f: string): void {
    (this.formats[r] ??= [])[c] = f === 'General' ? undefined : f;
  }

  /** What Excel does with a value written through Range.values. */
  writeValue(r: number, c: number, input: unknown): void {
    const k = cellKey(r, c);
    this.formulas.delete(k);
    this.quotePrefix.delete(k);
    if (input === null || input === undefined) return; // null leaves the cell as it is
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new SimRichApiError('InvalidArgument', 'non-finite number');
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input === 'boolean') {
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input !== 'string') throw new SimRichApiError('InvalidArgument', `unsupported value ${typeof input}`);
    if (input.length > 32_767) throw new SimRichApiError('InvalidArgument', 'more than 32,767 characters in a cell');
    if (input === '') {
      this.setRaw(r, c, null);
      return;
    }
    if (input.startsWith("'")) {
      this.setRaw(r, c, input.slice(1));
      this.quotePrefix.add(k);
      return;
    }
    // Strict: '=' makes a formula whatever the format, so a host must prefix formula-like text itself.
    if (input.startsWith('=') || (/^[+-]/.test(input) && !/^[+-]\d+(\.\d+)?$/.test(input)) || input.startsWith('@')) {
      this.formulas.set(k, input.startsWith('=') ? input : `=${input}`);
      this.setRaw(r, c, 0); // the simulation evaluates nothing
      return;
    }
    const fmt = this.getFormat(r, c);
    if (fmt === '@') {
      this.setRaw(r, c, input);
      return;
    }
    // Excel's value parsing in a non-text cell: numbers, booleans and ISO dates stop being text.
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(input.trim())) {
      this.setRaw(r, c, Number(input));
      return;
    }
    if (/^(true|false)$/i.test(input)) {
      this.setRaw(r, c, input.toLowerCase() === 'true');
      return;
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
    if (iso) {
      const days = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) / 86_400_000 + 25_569;
      this.setRaw(r, c, days);
      if (fmt === 'General') this.setFormat(r, c, 'yyyy-mm-dd');
      return;
    }
    this.setRaw(r, c, input);
  }

  /** Bounding box of cells with values (and, unless valuesOnly, with a number format), or null. */
  usedRect(withFormats = false): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const rows: (SimValue | string | undefined)[][] = withFormats ? [...this.values, ...[]] : this.values;
    const scan = (grid: (SimValue | string | undefined)[][]) => grid.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        if (r0 < 0 || r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    });
    scan(rows);
    if (withFormats) scan(this.formats);
    if (r0 < 0) return null;
    return { r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  clear(rect: Rect, what: string): void {
    const contents = what === 'All' || what === 'Contents';
    const formats = what === 'All' || what === 'Formats';
    const links = what === 'All' || what === 'Hyperlinks' || what === 'RemoveHyperlinks';
    const rEnd = Math.min(rect.r0 + rect.rows, Math.max(this.values.length, this.formats.length));
    for (let r = rect.r0; r < rEnd; r++) {
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        const row = this.values[r];
        const frow = this.formats[r];
        if (contents && row && c < row.length) row[c] = null;
        if (formats && frow && c < frow.length) frow[c] = undefined;
      }
    }
    const inside = (k: number) => {
      const r = Math.floor(k / KEY_STRIDE);
      const c = k % KEY_STRIDE;
      return r >= rect.r0 && r < rect.r0 + rect.rows && c >= rect.c0 && c < rect.c0 + rect.cols;
    };
    if (contents) {
      for (const k of [...this.formulas.keys()]) if (inside(k)) this.formulas.delete(k);
      for (const k of [...this.quotePrefix]) if (inside(k)) this.quotePrefix.delete(k);
    }
    if (links) for (const k of [...this.hyperlinks.keys()]) if (inside(k)) this.hyperlinks.delete(k);
    if (formats) for (const k of [...this.fonts.keys()]) if (inside(k)) this.fonts.delete(k);
    if (formats) for (const k of [...this.wrapped]) if (inside(k)) this.wrapped.delete(k);
    if (formats) for (const k of [...this.verticalAlignment.keys()]) if (inside(k)) this.verticalAlignment.delete(k);
    if (formats) {
      this.merges = this.merges.filter((m) => !intersects(m, rect));
      this.conditionalFormats = this.conditionalFormats.filter((cf) => !intersects(parseRect(cf.range), rect));
    }
  }
}

const SHEET_FORBIDDEN = /[\\/?*[\]:]/;

export interface SimLimits {
  /** Bytes per request and per response of one sync (Excel on the web: 5 MB). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Cells per read before `values` comes back null (documented: 5,000,000). */
  maxReadCells: number;
  /** getMergedAreasOrNullObject fails beyond this many areas. */
  maxMergedAreas: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  ops: number;
  error?: string;
}

export interface SimMetrics {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  largestRequest: number;
  largestResponse: number;
  calcSuspensions: number;
  screenSuspensions: number;
  log: SyncRecord[];
}

export const emptyMetrics = (): SimMetrics => ({
  syncs: 0,
  requestBytes: 0,
  responseBytes: 0,
  largestRequest: 0,
  largestResponse: 0,
  calcSuspensions: 0,
  screenSuspensions: 0,
  log: [],
});

/**
 * An injected failure: the `sync`-th sync (counted by metrics.syncs) executes its first `applied` actions and then
 * fails. 0 = the request never arrived; a number past the batch = all of it ran but the answer was lost (a dropped
 * connection on Excel on the web). Excel runs a batch in order and stops at the first failing action, keeping the
 * ones before it, so any prefix is a state the workbook can really be left in.
 */
export interface SimFault {
  sync: number;
  applied: number;
  code?: string;
}

export class SimWorkbookModel {
  /** Fail one sync (see SimFault); `failFrom` makes every sync from that one on fail with nothing applied. */
  fault: SimFault | null = null;
  failFrom: number | null = null;
  sheets: SimSheet[] = [];
  tables: SimTable[] = [];
  date1904 = false;
  /** Highest ExcelApi minor version this "Excel" supports (1.17 = current Microsoft 365). */
  apiMinor = 17;
  /** The clerk is typing in a cell: every sync fails with InvalidOperationInCellEditMode. */
  cellEditMode = false;
  limits: SimLimits = { maxRequestBytes: 5 * 1024 * 1024, maxResponseBytes: 5 * 1024 * 1024, maxReadCells: 5_000_000, maxMergedAreas: 512 };
  metrics: SimMetrics = emptyMetrics();
  active: SimSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  private tableCounter = 0;
  private tableIds = 0;
  private sheetCounter = 0;
  private chartCounter = 0;

  isSetSupported = (name: string, version?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const minor = Number((version ?? '1.1').split('.')[1] ?? 0);
    return minor <= this.apiMinor;
  };

  requireApi(minor: number, what: string): void {
    if (minor > this.apiMinor) throw new SimRichApiError('ApiNotFound', `${what} needs ExcelApi 1.${minor}`);
  }

  sheet(name: string): SimSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** WorksheetCollection.getItem(key): "the name or ID of the worksheet" (excel.d.ts). */
  sheetByKey(key: string): SimSheet | undefined {
    return this.sheet(key) ?? this.sheets.find((s) => s.id === key);
  }

  sheetOrThrow(name: string): SimSheet {
    const s = this.sheet(name);
    if (!s) throw new SimRichApiError('ItemNotFound', `no worksheet ${name}`);
    return s;
  }

  validateSheetName(name: string, except?: SimSheet): void {
    if (typeof name !== 'string' || !name || [...name].length > 31 || SHEET_FORBIDDEN.test(name) || /^'|'$/.test(name)) {
      throw new SimRichApiError('InvalidArgument', `invalid sheet name ${name}`);
    }
    if (name.toLowerCase() === 'history') throw new SimRichApiError('InvalidArgument', 'History is reserved');
    const other = this.sheet(name);
    if (other && other !== except) throw new SimRichApiError('ItemAlreadyExists', `sheet ${name} exists`);
  }

  addSheet(name: string): SimSheet {
    this.validateSheetName(name);
    const s = new SimSheet(name);
    s.id = `{00000000-0001-0000-${String(++this.sheetCounter).padStart(4, '0')}-000000000000}`;
    this.sheets.push(s);
    if (!this.active) this.active = s;
    return s;
  }

  deleteSheet(s: SimSheet): void {
    const visibleOthers = this.sheets.filter((x) => x !== s && x.visibility === 'Visible');
    if (!visibleOthers.length) throw new SimRichApiError('InvalidOperation', 'a workbook must keep one visible sheet');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.tables = this.tables.filter((t) => t.sheet !== s);
    if (this.active === s) this.active = visibleOthers[0];
  }

  /** Worksheet.position = n: move the sheet to that index (Excel clamps nothing: out of range is an error). */
  moveSheet(s: SimSheet, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) throw new SimRichApiError('InvalidArgument', `position ${position}`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  /**
   * A sheet renamed: as in Excel, references to it in chart series follow the new name (they are formulas);
   * hyperlink locations are plain text and do not.
   */
  renameSheet(s: SimSheet, name: string): void {
    this.validateSheetName(name, s);
    const from = `${quoteSheet(s.name)}!`;
    const to = `${quoteSheet(name)}!`;
    for (const sheet of this.sheets)
      for (const chart of sheet.charts)
        for (const series of chart.series) {
          if (series.values?.startsWith(from)) series.values = to + series.values.slice(from.length);
          if (series.xValues?.startsWith(from)) series.xValues = to + series.xValues.slice(from.length);
        }
    s.name = name;
  }

  setVisibility(s: SimSheet, v: string): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new SimRichApiError('InvalidArgument', `visibility ${v}`);
    if (v !== 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible')) {
      throw new SimRichApiError('InvalidOperation', 'cannot hide the last visible sheet');
    }
    s.visibility = v;
    if (v !== 'Visible' && this.active === s) this.active = this.sheets.find((x) => x.visibility === 'Visible') ?? null;
  }

  validateTableName(name: string, except?: SimTable): void {
    if (typeof name !== 'string' || !name || name.length > 255 || /\s/.test(name)) {
      throw new SimRichApiError('InvalidArgument', `invalid table name ${name}`);
    }
    if (!/^[\p{L}_\\]/u.test(name) || /[^\p{L}\p{N}_.\\]/u.test(name)) throw new SimRichApiError('InvalidArgument', `invalid table name ${name}`);
    if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^R\d*C\d*$/i.test(name)) {
      throw new SimRichApiError('InvalidArgument', `table name looks like a reference ${name}`);
    }
    const clash = this.tables.find((t) => t !== except && t.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new SimRichApiError('ItemAlreadyExists', `table ${name} exists`);
  }

  addTable(sheet: SimSheet, rect: Rect, hasHeaders: boolean): SimTable {
    if (sheet.protected) throw new SimRichApiError('AccessDenied', `sheet ${sheet.name} is protected`);
    const r1 = rect.r0 + rect.rows - 1;
    const c1 = rect.c0 + rect.cols - 1;
    const box = (t: SimTable): Rect => ({ r0: t.r0, c0: t.c0, rows: t.r1 - t.r0 + 1, cols: t.c1 - t.c0 + 1 });
    if (this.tables.some((t) => t.sheet === sheet && intersects(box(t), rect))) {
      throw new SimRichApiError('InvalidOperation', 'a table cannot overlap another table');
    }
    if (sheet.merges.some((m) => intersects(m, rect))) throw new SimRichApiError('InvalidOperation', 'a table cannot hold merged cells');
    if (!hasHeaders) throw new SimRichApiError('InvalidArgument', 'the simulation supports hasHeaders = true only');
    const top = rect.r0;
    const bottom = r1;
    // Header cells: blank ones get Column1, Column2 …; duplicates get a number; all become text.
    const seen = new Set<string>();
    for (let c = rect.c0; c <= c1; c++) {
      const v = sheet.getValue(top, c);
      let text = v === null ? `Column${c - rect.c0 + 1}` : typeof v === 'object' ? v.error : String(v);
      const base = text;
      for (let i = 2; seen.has(text.toLowerCase()); i++) text = `${base}${i}`;
      seen.add(text.toLowerCase());
      if (text !== v) sheet.setRaw(top, c, text);
    }
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (this.tables.some((t) => t.name.toLowerCase() === name.toLowerCase()));
    const t: SimTable = { id: String(++this.tableIds), name, sheet, r0: top, c0: rect.c0, r1: bottom, c1 };
    this.tables.push(t);
    return t;
  }

  nextChartName(): string {
    return `Chart ${++this.chartCounter}`;
  }

  /** DATE(y,m,d) as this workbook's serial (the 1900 system counts the phantom 29 Feb 1900). */
  dateSerial(y: number, m: number, d: number): number {
    const days = Date.UTC(y, m - 1, d) / 86_400_000;
    const s1900 = days + 25_569; // 1970-01-01 = 25569 in the 1900 system
    if (this.date1904) return s1900 - 1462;
    return s1900;
  }
}

export const intersectsRect = intersects;
