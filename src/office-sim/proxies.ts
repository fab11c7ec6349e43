/**
 * Office.js proxies over the simulation's model, with the semantics that matter:
 * - every method and property write is queued and runs only at `context.sync()`, in order;
 * - `load()` is queued too, and a loaded property can be read only after the sync that filled it
 *   (reading one that was not loaded throws PropertyNotLoaded, as Office.js does);
 * - each sync's request and response are measured as JSON bytes and the limits enforced
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded); nothing is loaded from a failed sync;
 * - an action that fails rejects the sync with its RichApi code; earlier actions of that batch stay done.
 */
import {
  MAX_COLS,
  MAX_ROWS,
  SimRichApiError,
  cellKey,
  parseRect,
  quoteSheet,
  rectA1,
  type Rect,
  type SimChart,
  type SimChartSeries,
  type SimConditionalFormat,
  type SimName,
  type SimSheet,
  type SimTable,
  type SimWorkbookModel,
} from './model';

const encoder = new TextEncoder();

/**
 * Payload bytes as Excel counts them: the real UTF-8 encoding, measured independently of the host's own estimate
 * (src/excel/bytes.ts), so that a wrong estimate in the host is caught by the simulation's limit.
 */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/**
 * What Microsoft's client adds around our payloads on the wire (measured with @microsoft/office-js 1.1.110 in
 * test/office-wire): an object path with its Instantiate (and, for ranges, _KeepReference) actions, an action's
 * envelope, and the row chunks it cuts a values/numberFormat write above 1,500 cells into. Counting them lets the
 * simulation refuse a request as too large when Excel would, not only when our own JSON is.
 */
export const WIRE_PATH_BYTES = 200;
export const WIRE_ACTION_BYTES = 60;
export const WIRE_CHUNK_BYTES = 1_650;
const CLIENT_CHUNK_CELLS = 1_500;

/** Extra request bytes of the client's row chunks for a 2-D array written to a range. */
export function chunkBytes(value: unknown): number {
  if (!Array.isArray(value) || !Array.isArray(value[0])) return 0;
  const rows = value.length;
  const cols = (value[0] as unknown[]).length;
  if (rows * cols <= CLIENT_CHUNK_CELLS) return 0;
  const perChunk = Math.max(1, Math.round(CLIENT_CHUNK_CELLS / cols));
  return Math.ceil(rows / perChunk) * WIRE_CHUNK_BYTES;
}

export interface ExecResult {
  response?: unknown;
  commit?: () => void;
}

interface Action {
  request: unknown;
  /** Wire bytes beyond the request's JSON (see WIRE_*). */
  extra: number;
  exec: () => ExecResult | void;
}

const notLoaded = (prop: string) =>
  new SimRichApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);

export class SimContext {
  readonly workbook: WorkbookProxy;
  private queue: Action[] = [];
  closed = false;
  /** Calculation suspended for the current batch. */
  private calcSuspended = false;
  /** Proxies created since the last sync: each is an object path on the wire. */
  private newObjects = 0;
  private executing = false;

  /**
   * `measured` = false: the caller measures and limits the payloads itself (the wire emulator counts the bytes
   * Microsoft's client really sends; this context then only executes).
   */
  constructor(
    readonly model: SimWorkbookModel,
    private readonly measured = true,
  ) {
    this.workbook = new WorkbookProxy(this, () => model, 'workbook');
  }

  enqueue(request: unknown, exec: () => ExecResult | void, extra = 0): void {
    if (this.closed) throw new SimRichApiError('InvalidObjectPath', 'the request context of this object has ended (Excel.run finished)');
    this.queue.push({ request, exec, extra: extra + WIRE_ACTION_BYTES });
  }

  /** A proxy was made by the add-in's code (not by a sync answering a load). */
  noteObject(): void {
    if (!this.executing) this.newObjects++;
  }

  get pending(): number {
    return this.queue.length;
  }

  suspendCalc(): void {
    this.calcSuspended = true;
  }

  /** Run the queued actions in order; the first failure stops the batch (earlier actions stay done). */
  private execute(batch: Action[]): { responses: unknown[]; commits: (() => void)[] } {
    const responses: unknown[] = [];
    const commits: (() => void)[] = [];
    this.executing = true;
    try {
      for (const a of batch) {
        const out = a.exec();
        if (out) {
          if (out.response !== undefined) responses.push(out.response);
          if (out.commit) commits.push(out.commit);
        }
      }
    } finally {
      this.calcSuspended = false;
      this.executing = false;
    }
    return { responses, commits };
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const batch = this.queue;
    this.queue = [];
    const objects = this.newObjects;
    this.newObjects = 0;
    if (!this.measured) {
      const { commits } = this.execute(batch);
      for (const c of commits) c();
      return;
    }
    const m = this.model.metrics;
    const wireBytes = objects * WIRE_PATH_BYTES + batch.reduce((n, a) => n + a.extra, 0);
    const record = { requestBytes: utf8Bytes(JSON.stringify(batch.map((a) => a.request))) + wireBytes, responseBytes: 0, ops: batch.length } as {
      requestBytes: number;
      responseBytes: number;
      ops: number;
      error?: string;
    };
    m.syncs++;
    m.log.push(record);
    m.requestBytes += record.requestBytes;
    m.largestRequest = Math.max(m.largestRequest, record.requestBytes);
    const fail = (e: SimRichApiError) => {
      record.error = e.code;
      this.calcSuspended = false;
      return e;
    };
    if (this.model.cellEditMode) throw fail(new SimRichApiError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode'));
    if (record.requestBytes > this.model.limits.maxRequestBytes) {
      throw fail(new SimRichApiError('RequestPayloadSizeLimitExceeded', `request of ${record.requestBytes} bytes`));
    }
    if (this.model.failFrom !== null && m.syncs >= this.model.failFrom) throw fail(new SimRichApiError('GeneralException', 'injected failure (workbook gone)'));
    const fault = this.model.fault?.sync === m.syncs ? this.model.fault : null;
    let done: { responses: unknown[]; commits: (() => void)[] };
    try {
      done = this.execute(fault ? batch.slice(0, fault.applied) : batch);
    } catch (e) {
      throw fail(e instanceof SimRichApiError ? e : new SimRichApiError('GeneralException', String(e)));
    }
    if (fault) throw fail(new SimRichApiError(fault.code ?? 'GeneralException', `injected failure after ${Math.min(fault.applied, batch.length)} of ${batch.length} actions`));
    record.responseBytes = utf8Bytes(JSON.stringify(done.responses));
    m.responseBytes += record.responseBytes;
    m.largestResponse = Math.max(m.largestResponse, record.responseBytes);
    if (record.responseBytes > this.model.limits.maxResponseBytes) {
      throw fail(new SimRichApiError('ResponsePayloadSizeLimitExceeded', `response of ${record.responseBytes} bytes`));
    }
    for (const c of done.commits) c();
  }

  /** Is calculation suspended for the batch being executed (for tests). */
  get calculationSuspended(): boolean {
    return this.calcSuspended;
  }
}

type LoadSpec = string | string[] | { select?: string; expand?: string } | undefined;

function parseLoad(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (Array.isArray(spec)) return spec.flatMap((s) => parseLoad(s));
  if (typeof spec === 'object') return parseLoad(spec.select ?? '');
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Base of every proxy: queued load/set/call, and strict reads. */
export abstract class SimObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private navCache = new Map<string, SimObject>();

  constructor(
    readonly ctx: SimContext,
    private readonly resolver: () => any,
    readonly path: string,
    private readonly orNull = false,
  ) {
    ctx.noteObject();
  }

  get model(): SimWorkbookModel {
    return this.ctx.model;
  }

  /** The model object behind this proxy; only valid while a sync executes. */
  target(): any {
    const t = this.resolver();
    if (t === null || t === undefined) {
      if (this.orNull) return null;
      throw new SimRichApiError('ItemNotFound', `${this.path} does not exist`);
    }
    return t;
  }

  protected live(): any {
    const t = this.target();
    if (t === null) throw new SimRichApiError('InvalidObjectPath', `${this.path} is a null object`);
    return t;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const props = parseLoad(spec);
    this.ctx.enqueue({ op: 'load', path: this.path, props }, () => this.execLoad(props));
    return this;
  }

  /** Run a load now (inside sync): returns the response and the commit that makes it readable. */
  execLoad(props: string[]): ExecResult {
    const t = this.target();
    if (t === null) return { response: null, commit: () => (this.nullState = true) };
    const data: Record<string, unknown> = {};
    const commits: (() => void)[] = [];
    const own: [string, unknown][] = [];
    const wanted = props.length ? props : this.defaultProps();
    const nested = new Map<string, string[]>();
    for (const p of wanted) {
      const [head, ...rest] = p.split('/');
      if (rest.length) {
        nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
        continue;
      }
      const v = this.readProp(t, p);
      data[p] = v;
      own.push([p, v]);
    }
    for (const [head, sub] of nested) {
      const child = this.nav(head);
      const out = child.execLoad(sub);
      data[head] = out.response;
      if (out.commit) commits.push(out.commit);
    }
    return {
      response: data,
      commit: () => {
        this.nullState = false;
        for (const [p, v] of own) this.loaded.set(p, v);
        for (const c of commits) c();
      },
    };
  }

  protected defaultProps(): string[] {
    return [];
  }

  protected readProp(_t: any, prop: string): unknown {
    throw new SimRichApiError('InvalidArgument', `${this.path}: property ${prop} is not in the simulation`);
  }

  protected writeProp(_t: any, prop: string, _v: unknown): void {
    throw new SimRichApiError('InvalidArgument', `${this.path}: property ${prop} cannot be set in the simulation`);
  }

  /** A navigation property (a child proxy), created once per parent. */
  nav(name: string): SimObject {
    let child = this.navCache.get(name);
    if (!child) {
      child = this.makeNav(name);
      this.navCache.set(name, child);
    }
    return child;
  }

  protected makeNav(name: string): SimObject {
    throw new SimRichApiError('InvalidArgument', `${this.path}: ${name} is not in the simulation`);
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected set(prop: string, value: unknown): void {
    this.ctx.enqueue(
      { op: 'set', path: this.path, prop, value },
      () => {
        this.writeProp(this.live(), prop, value);
      },
      chunkBytes(value),
    );
  }

  protected call(op: string, args: unknown[], fn: (t: any) => void): void {
    this.ctx.enqueue({ op, path: this.path, args }, () => {
      fn(this.live());
    });
  }
}

/** A proxy whose target is fixed the first time a sync resolves it (Office.js pins an object at first use). */
function pinned<T>(fn: () => T | null): () => T | null {
  let done = false;
  let value: T | null = null;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

// ---------------------------------------------------------------- workbook

export class WorkbookProxy extends SimObject {
  get worksheets(): WorksheetCollectionProxy {
    return this.nav('worksheets') as WorksheetCollectionProxy;
  }

  get tables(): TableCollectionProxy {
    return this.nav('tables') as TableCollectionProxy;
  }

  get application(): ApplicationProxy {
    return this.nav('application') as ApplicationProxy;
  }

  get functions(): FunctionsProxy {
    return this.nav('functions') as FunctionsProxy;
  }

  protected override makeNav(name: string): SimObject {
    switch (name) {
      case 'worksheets':
        return new WorksheetCollectionProxy(this.ctx, () => this.model, 'worksheets');
      case 'tables':
        return new TableCollectionProxy(this.ctx, () => this.model, 'tables', null);
      case 'application':
        return new ApplicationProxy(this.ctx, () => this.model, 'application');
      case 'functions':
        return new FunctionsProxy(this.ctx, () => this.model, 'functions');
      default:
        return super.makeNav(name);
    }
  }
}

export class ApplicationProxy extends SimObject {
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ op: 'suspendApiCalculationUntilNextSync' }, () => {
      this.model.requireApi(6, 'suspendApiCalculationUntilNextSync');
      this.model.metrics.calcSuspensions++;
      this.ctx.suspendCalc();
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue({ op: 'suspendScreenUpdatingUntilNextSync' }, () => {
      this.model.requireApi(9, 'suspendScreenUpdatingUntilNextSync');
      this.model.metrics.screenSuspensions++;
    });
  }
}

export class FunctionsProxy extends SimObject {
  date(year: number, month: number, day: number): FunctionResultProxy {
    return new FunctionResultProxy(this.ctx, () => ({ value: this.model.dateSerial(year, month, day), error: null }), `functions.date(${year},${month},${day})`);
  }
}

export class FunctionResultProxy extends SimObject {
  get value(): unknown {
    return this.get('value');
  }

  get error(): unknown {
    return this.get('error');
  }

  protected override defaultProps(): string[] {
    return ['value', 'error'];
  }

  protected override readProp(t: any, prop: string): unknown {
    if (prop === 'value' || prop === 'error') return t[prop];
    return super.readProp(t, prop);
  }
}

// ---------------------------------------------------------------- collections

export abstract class CollectionProxy<P extends SimObject> extends SimObject {
  private itemProxies: P[] | undefined;

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  protected abstract list(t: any): any[];
  protected abstract itemProxy(element: any, index: number, resolve?: () => any): P;

  /** The item at a position, fixed when first resolved (how Microsoft's client addresses items the server gave no id). */
  getItemAt(index: number): P {
    const resolve = pinned(() => {
      const list = this.list(this.live());
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new SimRichApiError('ItemNotFound', `${this.path}: no item at ${index}`);
      return list[index];
    });
    return this.itemProxy(undefined, index, resolve);
  }

  override execLoad(props: string[]): ExecResult {
    const t = this.live();
    const elements = this.list(t);
    const itemProps = props.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '' && p !== 'items');
    const proxies = elements.map((e, i) => this.itemProxy(e, i));
    const outs = proxies.map((p) => p.execLoad(itemProps.length ? itemProps : ['name']));
    return {
      response: { items: outs.map((o) => o.response) },
      commit: () => {
        this.itemProxies = proxies;
        for (const o of outs) o.commit?.();
      },
    };
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<WorksheetProxy> {
  protected list(t: SimWorkbookModel): SimSheet[] {
    return t.sheets;
  }

  protected itemProxy(sheet: SimSheet, index = 0, resolve?: () => any): WorksheetProxy {
    if (resolve) return new WorksheetProxy(this.ctx, resolve, `ws@[${index}]`);
    return new WorksheetProxy(this.ctx, () => (this.model.sheets.includes(sheet) ? sheet : null), `ws[${sheet.name}]`);
  }

  /** By name or id, as Excel's getItem(key). */
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, pinned(() => this.model.sheetByKey(key) ?? null), `ws[${key}]`);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, pinned(() => this.model.sheetByKey(key) ?? null), `ws?[${key}]`, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, pinned(() => this.model.active), 'ws[active]');
  }

  add(name?: string): WorksheetProxy {
    let created: SimSheet | null = null;
    this.ctx.enqueue({ op: 'worksheets.add', name }, () => {
      let n = name;
      if (n === undefined) for (let i = 1; !n || this.model.sheet(n); i++) n = `Sheet${i}`;
      created = this.model.addSheet(n);
    });
    return new WorksheetProxy(this.ctx, () => (created && this.model.sheets.includes(created) ? created : null), `ws+[${name}]`);
  }
}

export class WorksheetProxy extends SimObject {
  get name(): string {
    return this.get('name');
  }

  set name(v: string) {
    this.set('name', v);
  }

  get visibility(): string {
    return this.get('visibility');
  }

  set visibility(v: string) {
    this.set('visibility', v);
  }

  get position(): number {
    return this.get('position');
  }

  set position(v: number) {
    this.set('position', v);
  }

  get protection(): ProtectionProxy {
    return this.nav('protection') as ProtectionProxy;
  }

  get tables(): TableCollectionProxy {
    return this.nav('tables') as TableCollectionProxy;
  }

  get charts(): ChartCollectionProxy {
    return this.nav('charts') as ChartCollectionProxy;
  }

  get freezePanes(): FreezePanesProxy {
    return this.nav('freezePanes') as FreezePanesProxy;
  }

  get pageLayout(): PageLayoutProxy {
    return this.nav('pageLayout') as PageLayoutProxy;
  }

  get names(): NamedItemCollectionProxy {
    return this.nav('names') as NamedItemCollectionProxy;
  }

  protected override defaultProps(): string[] {
    return ['name', 'visibility', 'position'];
  }

  protected override readProp(t: SimSheet, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'visibility':
        return t.visibility;
      case 'position':
        return this.model.sheets.indexOf(t);
      case 'id':
        return t.id;
      default:
        return super.readProp(t, prop);
    }
  }

  protected override writeProp(t: SimSheet, prop: string, v: unknown): void {
    if (prop === 'visibility') return this.model.setVisibility(t, String(v));
    if (prop === 'name') return this.model.renameSheet(t, String(v));
    if (prop === 'position') return this.model.moveSheet(t, Number(v));
    super.writeProp(t, prop, v);
  }

  protected override makeNav(name: string): SimObject {
    switch (name) {
      case 'protection':
        return new ProtectionProxy(this.ctx, () => this.target(), `${this.path}.protection`);
      case 'tables':
        return new TableCollectionProxy(this.ctx, () => this.model, `${this.path}.tables`, () => this.live());
      case 'charts':
        return new ChartCollectionProxy(this.ctx, () => this.live(), `${this.path}.charts`);
      case 'freezePanes':
        return new FreezePanesProxy(this.ctx, () => this.live(), `${this.path}.freezePanes`);
      case 'pageLayout':
        return new PageLayoutProxy(this.ctx, () => this.live(), `${this.path}.pageLayout`);
      case 'names':
        return new NamedItemCollectionProxy(this.ctx, () => this.live(), `${this.path}.names`);
      default:
        return super.makeNav(name);
    }
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => ({ sheet: this.live(), rect: address ? parseRect(address) : { r0: 0, c0: 0, rows: MAX_ROWS, cols: MAX_COLS } }),
      `${this.path}.range[${address ?? '*'}]`,
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        this.model.requireApi(7, 'getRangeByIndexes');
        const rect = { r0: startRow, c0: startColumn, rows: rowCount, cols: columnCount };
        if (
          ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger) ||
          startRow < 0 ||
          startColumn < 0 ||
          rowCount < 1 ||
          columnCount < 1 ||
          startRow + rowCount > MAX_ROWS ||
          startColumn + columnCount > MAX_COLS
        ) {
          throw new SimRichApiError('InvalidArgument', `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`);
        }
        return { sheet: this.live(), rect };
      },
      `${this.path}.idx[${startRow},${startColumn},${rowCount},${columnCount}]`,
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.live(), rect: { r0: row, c0: column, rows: 1, cols: 1 } }), `${this.path}.cell[${row},${column}]`);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      pinned(() => {
        const sheet: SimSheet = this.live();
        const rect = sheet.usedRect(!valuesOnly);
        return rect ? { sheet, rect } : null;
      }),
      `${this.path}.used`,
      true,
    );
  }

  activate(): void {
    this.call('activate', [], (t: SimSheet) => {
      if (t.visibility !== 'Visible') throw new SimRichApiError('InvalidOperation', 'a hidden sheet cannot be activated');
      this.model.active = t;
    });
  }

  delete(): void {
    this.call('delete', [], (t: SimSheet) => this.model.deleteSheet(t));
  }
}

/** Worksheet.names (ExcelApi 1.4): the sheet's own defined names. */
export class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  protected list(t: SimSheet): SimName[] {
    return t.names;
  }

  protected itemProxy(item: SimName, index = 0, resolve?: () => any): NamedItemProxy {
    return new NamedItemProxy(this.ctx, resolve ?? (() => item), `${this.path}[${index}]`);
  }

  /** As Excel: a name already in this scope (case-insensitively) is refused; the reference is a formula or a Range. */
  add(name: string, reference: string | RangeProxy, _comment?: string): NamedItemProxy {
    let created: SimName | null = null;
    this.ctx.enqueue({ op: 'names.add', path: this.path, args: [name, typeof reference === 'string' ? reference : reference.path] }, () => {
      const sheet = this.live() as SimSheet;
      if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) throw new SimRichApiError('InvalidArgument', `names.add: ${name} is not a valid name`);
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new SimRichApiError('ItemAlreadyExists', `names.add: ${name}`);
      let formula: string;
      if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
      else {
        const r = reference.target() as RangeTarget;
        formula = `=${quoteSheet(r.sheet.name)}!${rectA1(r.rect)}`;
      }
      created = { name, formula, visible: true };
      sheet.names.push(created);
    });
    return new NamedItemProxy(this.ctx, () => created, `${this.path}+[${name}]`);
  }
}

export class NamedItemProxy extends SimObject {
  get name(): string {
    return this.get('name');
  }

  get formula(): string {
    return this.get('formula');
  }

  get value(): unknown {
    return this.get('value');
  }

  get visible(): boolean {
    return this.get('visible');
  }

  set visible(v: boolean) {
    this.set('visible', v);
  }

  protected override defaultProps(): string[] {
    return ['name', 'formula', 'visible'];
  }

  protected override readProp(t: SimName, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'formula':
        return t.formula;
      case 'visible':
        return t.visible;
      case 'value': {
        // A text constant computes to its text; anything else is out of the simulation's scope.
        const m = /^="((?:[^"]|"")*)"$/.exec(t.formula);
        if (!m) return super.readProp(t, prop);
        return m[1].replace(/""/g, '"');
      }
      default:
        return super.readProp(t, prop);
    }
  }

  protected override writeProp(t: SimName, prop: string, v: unknown): void {
    if (prop === 'visible') {
      t.visible = Boolean(v);
      return;
    }
    super.writeProp(t, prop, v);
  }
}

export class ProtectionProxy extends SimObject {
  get protected(): boolean {
    return this.get('protected');
  }

  protected override readProp(t: SimSheet, prop: string): unknown {
    if (prop === 'protected') return t.protected;
    return super.readProp(t, prop);
  }
}

export class FreezePanesProxy extends SimObject {
  freezeRows(count = 1): void {
    this.call('freezeRows', [count], (t: SimSheet) => {
      this.model.requireApi(7, 'freezePanes.freezeRows');
      t.frozenRows = count;
    });
  }

  unfreeze(): void {
    this.call('unfreeze', [], (t: SimSheet) => {
      this.model.requireApi(7, 'freezePanes.unfreeze');
      t.frozenRows = 0;
    });
  }
}

// ---------------------------------------------------------------- page layout (ExcelApi 1.9)

const PAPER_TYPES = new Set(['Letter', 'LetterSmall', 'Tabloid', 'ReceivablesBook', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5']);
const MARGIN_PROPS = new Set(['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin']);

export class PageLayoutProxy extends SimObject {
  set paperSize(v: string) {
    this.set('paperSize', v);
  }

  set orientation(v: string) {
    this.set('orientation', v);
  }

  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.set('zoom', v);
  }

  set centerHorizontally(v: boolean) {
    this.set('centerHorizontally', v);
  }

  set leftMargin(v: number) {
    this.set('leftMargin', v);
  }

  set rightMargin(v: number) {
    this.set('rightMargin', v);
  }

  set topMargin(v: number) {
    this.set('topMargin', v);
  }

  set bottomMargin(v: number) {
    this.set('bottomMargin', v);
  }

  set headerMargin(v: number) {
    this.set('headerMargin', v);
  }

  set footerMargin(v: number) {
    this.set('footerMargin', v);
  }

  /** Office.js's HeaderFooterGroup: an object of its own on the wire (Microsoft's client addresses it by path). */
  get headersFooters(): HeaderFooterGroupProxy {
    return this.nav('headersFooters') as HeaderFooterGroupProxy;
  }

  setPrintArea(area: string): void {
    this.call('setPrintArea', [area], (t: SimSheet) => {
      this.model.requireApi(9, 'pageLayout.setPrintArea');
      parseRect(area); // throws InvalidArgument on a bad address
      t.pageLayout.printArea = area;
    });
  }

  setPrintTitleRows(rows: string): void {
    this.call('setPrintTitleRows', [rows], (t: SimSheet) => {
      this.model.requireApi(9, 'pageLayout.setPrintTitleRows');
      const m = /^\$?(\d+):\$?(\d+)$/.exec(rows);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1])) throw new SimRichApiError('InvalidArgument', `setPrintTitleRows(${rows})`);
      t.pageLayout.printTitleRows = rows;
    });
  }

  protected override writeProp(t: SimSheet, prop: string, v: unknown): void {
    this.model.requireApi(9, `pageLayout.${prop}`);
    const pl = t.pageLayout;
    if (prop === 'paperSize') {
      if (!PAPER_TYPES.has(String(v))) throw new SimRichApiError('InvalidArgument', `paperSize ${String(v)}`);
      pl.paperSize = String(v);
    } else if (prop === 'orientation') {
      if (v !== 'Portrait' && v !== 'Landscape') throw new SimRichApiError('InvalidArgument', `orientation ${String(v)}`);
      pl.orientation = v;
    } else if (prop === 'zoom') {
      const z = v as SimPageLayoutZoom;
      const fit = [z.horizontalFitToPages, z.verticalFitToPages].filter((n) => n !== undefined);
      if (z.scale !== undefined && (fit.length || z.scale < 10 || z.scale > 400)) throw new SimRichApiError('InvalidArgument', 'zoom.scale');
      if (fit.some((n) => !Number.isInteger(n) || (n as number) < 1)) throw new SimRichApiError('InvalidArgument', 'zoom fit to pages');
      pl.zoom = { ...z };
    } else if (prop === 'centerHorizontally') pl.centerHorizontally = Boolean(v);
    else if (MARGIN_PROPS.has(prop)) {
      if (typeof v !== 'number' || v < 0) throw new SimRichApiError('InvalidArgument', `${prop} ${String(v)}`);
      pl.margins[prop] = v;
    } else super.writeProp(t, prop, v);
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'headersFooters') return new HeaderFooterGroupProxy(this.ctx, () => this.target(), `${this.path}.headersFooters`);
    return super.makeNav(name);
  }
}

export class HeaderFooterGroupProxy extends SimObject {
  get defaultForAllPages(): HeaderFooterProxy {
    return this.nav('defaultForAllPages') as HeaderFooterProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'defaultForAllPages') return new HeaderFooterProxy(this.ctx, () => this.target(), `${this.path}.defaultForAllPages`);
    return super.makeNav(name);
  }
}

type SimPageLayoutZoom = { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };

const HEADER_PROPS = new Set(['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter']);

/** Excel limits a header or footer section to 255 characters. */
export class HeaderFooterProxy extends SimObject {
  set leftHeader(v: string) {
    this.set('leftHeader', v);
  }

  set centerHeader(v: string) {
    this.set('centerHeader', v);
  }

  set rightHeader(v: string) {
    this.set('rightHeader', v);
  }

  set leftFooter(v: string) {
    this.set('leftFooter', v);
  }

  set centerFooter(v: string) {
    this.set('centerFooter', v);
  }

  set rightFooter(v: string) {
    this.set('rightFooter', v);
  }

  protected override writeProp(t: SimSheet, prop: string, v: unknown): void {
    this.model.requireApi(9, `headersFooters.${prop}`);
    if (!HEADER_PROPS.has(prop)) return super.writeProp(t, prop, v);
    if (typeof v !== 'string' || v.length > 255) throw new SimRichApiError('InvalidArgument', `${prop}: a string of at most 255 characters`);
    t.pageLayout.headers[prop] = v;
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

const guard = (sheet: SimSheet) => {
  if (sheet.protected) throw new SimRichApiError('AccessDenied', `The cell or chart that you are trying to change is on a protected sheet (${sheet.name}).`);
};

function shaped(value: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  if (value.length !== rect.rows || value.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new SimRichApiError('InvalidArgument', `${what}: the array is not ${rect.rows}×${rect.cols}`);
  }
  return (r, c) => (value as unknown[][])[r][c];
}

function allOrNone(n: number, count: (i: number) => boolean): boolean | null {
  let hidden = 0;
  for (let i = 0; i < n; i++) if (count(i)) hidden++;
  return hidden === 0 ? false : hidden === n ? true : null;
}

export class RangeProxy extends SimObject {
  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): any[][] {
    return this.get('values');
  }
  set values(v: any[][]) {
    this.set('values', v);
  }
  get numberFormat(): any[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this.set('numberFormat', v);
  }
  get formulas(): any[][] {
    return this.get('formulas');
  }
  set formulas(v: any[][]) {
    this.set('formulas', v);
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get rowHidden(): boolean | null {
    return this.get('rowHidden');
  }
  get columnHidden(): boolean | null {
    return this.get('columnHidden');
  }
  get hyperlink(): any {
    return this.get('hyperlink');
  }
  set hyperlink(v: any) {
    this.set('hyperlink', v);
  }
  get format(): RangeFormatProxy {
    return this.nav('format') as RangeFormatProxy;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.nav('conditionalFormats') as ConditionalFormatCollectionProxy;
  }

  protected override defaultProps(): string[] {
    return ['address', 'rowCount', 'columnCount', 'values'];
  }

  protected override readProp(t: RangeTarget, prop: string): unknown {
    const { sheet, rect } = t;
    const cells = rect.rows * rect.cols;
    const grid = (f: (r: number, c: number) => unknown) => {
      if (cells > this.model.limits.maxReadCells) return null; // documented: too many cells may give null
      const out: unknown[][] = new Array(rect.rows);
      for (let i = 0; i < rect.rows; i++) {
        const row = new Array(rect.cols);
        for (let j = 0; j < rect.cols; j++) row[j] = f(rect.r0 + i, rect.c0 + j);
        out[i] = row;
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectA1(rect)}`;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'cellCount':
        return cells;
      case 'values':
        return grid((r, c) => {
          const v = sheet.getValue(r, c);
          return v === null ? '' : typeof v === 'object' ? v.error : v;
        });
      case 'numberFormat':
        return grid((r, c) => sheet.getFormat(r, c));
      case 'formulas':
        return grid((r, c) => {
          const f = sheet.formulas.get(cellKey(r, c));
          if (f) return f;
          const v = sheet.getValue(r, c);
          return v === null ? '' : typeof v === 'object' ? v.error : v;
        });
      case 'valueTypes':
        return grid((r, c) => {
          const v = sheet.getValue(r, c);
          if (v === null) return 'Empty';
          if (typeof v === 'object') return 'Error';
          return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      case 'rowHidden':
        return allOrNone(Math.min(rect.rows, MAX_ROWS), (i) => sheet.hiddenRows.has(rect.r0 + i));
      case 'columnHidden':
        return allOrNone(rect.cols, (i) => sheet.hiddenCols.has(rect.c0 + i));
      case 'hyperlink':
        return sheet.hyperlinks.get(cellKey(rect.r0, rect.c0)) ?? null;
      default:
        return super.readProp(t, prop);
    }
  }

  protected override writeProp(t: RangeTarget, prop: string, v: unknown): void {
    const { sheet, rect } = t;
    guard(sheet);
    switch (prop) {
      case 'values':
      case 'formulas': {
        const at = shaped(v, rect, prop);
        for (let i = 0; i < rect.rows; i++) for (let j = 0; j < rect.cols; j++) sheet.writeValue(rect.r0 + i, rect.c0 + j, at(i, j));
        return;
      }
      case 'numberFormat': {
        const at = shaped(v, rect, prop);
        for (let i = 0; i < rect.rows; i++)
          for (let j = 0; j < rect.cols; j++) {
            const f = at(i, j);
            if (f === null || f === undefined) continue;
            if (typeof f !== 'string') throw new SimRichApiError('InvalidArgument', 'numberFormat must be text');
            sheet.setFormat(rect.r0 + i, rect.c0 + j, f);
          }
        return;
      }
      case 'hyperlink': {
        const link = v as { documentReference?: string; address?: string; textToDisplay?: string } | null;
        for (let i = 0; i < rect.rows; i++)
          for (let j = 0; j < rect.cols; j++) {
            const k = cellKey(rect.r0 + i, rect.c0 + j);
            if (!link) sheet.hyperlinks.delete(k);
            else {
              if (link.documentReference && !/^('([^']|'')+'|[^!'\s]+)!\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(link.documentReference)) {
                throw new SimRichApiError('InvalidArgument', `documentReference ${link.documentReference}`);
              }
              sheet.hyperlinks.set(k, { ...link });
              if (link.textToDisplay !== undefined) sheet.writeValue(rect.r0 + i, rect.c0 + j, link.textToDisplay);
            }
          }
        return;
      }
      default:
        super.writeProp(t, prop, v);
    }
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'format') return new RangeFormatProxy(this.ctx, () => this.live(), `${this.path}.format`);
    if (name === 'conditionalFormats') return new ConditionalFormatCollectionProxy(this.ctx, () => this.live(), `${this.path}.cf`);
    return super.makeNav(name);
  }

  private derived(name: string, f: (t: RangeTarget) => RangeTarget | null, orNull = false): RangeProxy {
    return new RangeProxy(this.ctx, pinned(() => f(this.live())), `${this.path}.${name}`, orNull);
  }

  /** Range.getRow(row): a row of this range, 0-based inside it (Microsoft's client cuts big value writes with it). */
  getRow(row: number): RangeProxy {
    return this.derived(`row[${row}]`, (t) => {
      if (!Number.isInteger(row) || row < 0 || row >= t.rect.rows) throw new SimRichApiError('InvalidArgument', `getRow(${row}) outside ${t.rect.rows} rows`);
      return { sheet: t.sheet, rect: { r0: t.rect.r0 + row, c0: t.rect.c0, rows: 1, cols: t.rect.cols } };
    });
  }

  /** Range.getBoundingRect(other): the smallest range holding both (same sheet). */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.derived('bounding', (t) => {
      const o: RangeTarget = typeof other === 'string' ? { sheet: t.sheet, rect: parseRect(other) } : (other.target() as RangeTarget);
      if (o.sheet !== t.sheet) throw new SimRichApiError('InvalidArgument', 'getBoundingRect across sheets');
      const r0 = Math.min(t.rect.r0, o.rect.r0);
      const c0 = Math.min(t.rect.c0, o.rect.c0);
      const r1 = Math.max(t.rect.r0 + t.rect.rows, o.rect.r0 + o.rect.rows);
      const c1 = Math.max(t.rect.c0 + t.rect.cols, o.rect.c0 + o.rect.cols);
      return { sheet: t.sheet, rect: { r0, c0, rows: r1 - r0, cols: c1 - c0 } };
    });
  }

  /** The check Microsoft's client sends before cutting a big write into chunks: the array must fit the range. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.call('_ValidateArraySize', [rows, columns], (t: RangeTarget) => {
      if (rows !== t.rect.rows || columns !== t.rect.cols) throw new SimRichApiError('InvalidArgument', `the array is ${rows}×${columns}, the range ${t.rect.rows}×${t.rect.cols}`);
    });
  }

  getEntireColumn(): RangeProxy {
    return this.derived('entireColumn', (t) => ({ sheet: t.sheet, rect: { r0: 0, c0: t.rect.c0, rows: MAX_ROWS, cols: t.rect.cols } }));
  }

  getEntireRow(): RangeProxy {
    return this.derived('entireRow', (t) => ({ sheet: t.sheet, rect: { r0: t.rect.r0, c0: 0, rows: t.rect.rows, cols: MAX_COLS } }));
  }

  getCell(row: number, column: number): RangeProxy {
    return this.derived(`cell[${row},${column}]`, (t) => ({ sheet: t.sheet, rect: { r0: t.rect.r0 + row, c0: t.rect.c0 + column, rows: 1, cols: 1 } }));
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      pinned(() => {
        this.model.requireApi(13, 'getMergedAreasOrNullObject');
        const { sheet, rect } = this.live() as RangeTarget;
        const hits = sheet.merges.filter(
          (m) => m.r0 < rect.r0 + rect.rows && rect.r0 < m.r0 + m.rows && m.c0 < rect.c0 + rect.cols && rect.c0 < m.c0 + m.cols,
        );
        if (hits.length > this.model.limits.maxMergedAreas) throw new SimRichApiError('GeneralException', 'more than 512 merged areas');
        return hits.length ? { sheet, areas: hits } : null;
      }),
      `${this.path}.merged`,
      true,
    );
  }

  /** Only 'Visible' is simulated: the visible cells as areas, one per run of visible rows × run of visible columns. */
  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      pinned(() => {
        this.model.requireApi(9, 'getSpecialCellsOrNullObject');
        if (cellType !== 'Visible') throw new SimRichApiError('InvalidArgument', `the simulation supports Visible only (${cellType})`);
        const { sheet, rect } = this.live() as RangeTarget;
        const runs = (start: number, count: number, hidden: Set<number>) => {
          const out: [number, number][] = [];
          for (let i = start; i < start + count; i++) {
            if (hidden.has(i)) continue;
            const last = out[out.length - 1];
            if (last && last[1] === i - 1) last[1] = i;
            else out.push([i, i]);
          }
          return out;
        };
        const rowRuns = runs(rect.r0, rect.rows, sheet.hiddenRows);
        const colRuns = runs(rect.c0, rect.cols, sheet.hiddenCols);
        const areas: Rect[] = [];
        for (const [r0, r1] of rowRuns) for (const [c0, c1] of colRuns) areas.push({ r0, c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
        return areas.length ? { sheet, areas } : null;
      }),
      `${this.path}.visible`,
      true,
    );
  }

  clear(applyTo: string = 'All'): void {
    this.call('clear', [applyTo], (t: RangeTarget) => {
      guard(t.sheet);
      t.sheet.clear(t.rect, applyTo);
    });
  }

  select(): void {
    this.call('select', [], (t: RangeTarget) => {
      if (this.model.active !== t.sheet) throw new SimRichApiError('InvalidOperation', 'select() needs the range on the active sheet');
      this.model.selection = { sheet: t.sheet.name, address: rectA1(t.rect) };
    });
  }
}

export class RangeAreasProxy extends SimObject {
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }

  protected override readProp(t: { sheet: SimSheet; areas: Rect[] }, prop: string): unknown {
    if (prop === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rectA1(a)}`).join(',');
    if (prop === 'areaCount') return t.areas.length;
    return super.readProp(t, prop);
  }
}

export class RangeFormatProxy extends SimObject {
  get font(): RangeFontProxy {
    return this.nav('font') as RangeFontProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'font') return new RangeFontProxy(this.ctx, () => this.live(), `${this.path}.font`);
    return super.makeNav(name);
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.set('columnWidth', v);
  }

  set wrapText(v: boolean) {
    this.set('wrapText', v);
  }

  set verticalAlignment(v: string) {
    this.set('verticalAlignment', v);
  }

  protected override readProp(t: RangeTarget, prop: string): unknown {
    if (prop === 'columnWidth') return t.sheet.columnWidths.get(t.rect.c0) ?? 48;
    return super.readProp(t, prop);
  }

  protected override writeProp(t: RangeTarget, prop: string, v: unknown): void {
    if (prop === 'columnWidth') {
      guard(t.sheet);
      if (typeof v !== 'number' || !(v >= 0) || v > 255 * 7.5) throw new SimRichApiError('InvalidArgument', `columnWidth ${String(v)}`);
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
      return;
    }
    if (prop === 'verticalAlignment') {
      guard(t.sheet);
      if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(v))) throw new SimRichApiError('InvalidArgument', `verticalAlignment ${String(v)}`);
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.verticalAlignment.set(cellKey(r, c), String(v));
      return;
    }
    if (prop === 'wrapText') {
      guard(t.sheet);
      if (typeof v !== 'boolean') throw new SimRichApiError('InvalidArgument', `wrapText ${String(v)}`);
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) {
        for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
          if (v) t.sheet.wrapped.add(cellKey(r, c));
          else t.sheet.wrapped.delete(cellKey(r, c));
        }
      }
      return;
    }
    super.writeProp(t, prop, v);
  }
}

const FONT_PROPS: Record<string, (v: unknown) => boolean> = {
  bold: (v) => typeof v === 'boolean',
  italic: (v) => typeof v === 'boolean',
  size: (v) => typeof v === 'number' && v >= 1 && v <= 409,
  color: (v) => typeof v === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(v) || /^[a-z]+$/i.test(v)),
  underline: (v) => typeof v === 'string' && ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'].includes(v),
};

/** Range.format.font: bold, italic, size, color, underline, per cell. Reading gives the top-left cell's setting. */
export class RangeFontProxy extends SimObject {
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.set('bold', v);
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.set('italic', v);
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.set('size', v);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.set('color', v);
  }
  get underline(): string {
    return this.get('underline');
  }
  set underline(v: string) {
    this.set('underline', v);
  }

  protected override readProp(t: RangeTarget, prop: string): unknown {
    if (!(prop in FONT_PROPS)) return super.readProp(t, prop);
    const f = t.sheet.fonts.get(cellKey(t.rect.r0, t.rect.c0)) ?? {};
    const defaults: Record<string, unknown> = { bold: false, italic: false, size: 11, color: '#000000', underline: 'None' };
    return (f as Record<string, unknown>)[prop] ?? defaults[prop];
  }

  protected override writeProp(t: RangeTarget, prop: string, v: unknown): void {
    const ok = FONT_PROPS[prop];
    if (!ok) return super.writeProp(t, prop, v);
    guard(t.sheet);
    if (!ok(v)) throw new SimRichApiError('InvalidArgument', `font.${prop} = ${String(v)}`);
    if (t.rect.rows * t.rect.cols > 100_000) throw new SimRichApiError('InvalidArgument', 'the simulation keeps fonts per cell; use a smaller range');
    for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++)
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
        const k = cellKey(r, c);
        t.sheet.fonts.set(k, { ...(t.sheet.fonts.get(k) ?? {}), [prop]: v });
      }
  }
}

// ---------------------------------------------------------------- conditional formats

export class ConditionalFormatCollectionProxy extends SimObject {
  add(type: string): ConditionalFormatProxy {
    const holder: { cf: { type: string; range: string; formula?: string; fill?: string } | null } = { cf: null };
    this.ctx.enqueue({ op: 'conditionalFormats.add', path: this.path, type }, () => {
      const t: RangeTarget = this.live();
      guard(t.sheet);
      if (type !== 'Custom') throw new SimRichApiError('InvalidArgument', `the simulation supports Custom conditional formats only (${type})`);
      holder.cf = { type, range: rectA1(t.rect) };
      t.sheet.conditionalFormats.push(holder.cf);
    });
    return new ConditionalFormatProxy(this.ctx, () => holder.cf, `${this.path}+`);
  }

  clearAll(): void {
    this.call('conditionalFormats.clearAll', [], (t: RangeTarget) => {
      guard(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => {
        const r = parseRect(cf.range);
        return !(r.r0 >= t.rect.r0 && r.c0 >= t.rect.c0 && r.r0 + r.rows <= t.rect.r0 + t.rect.rows && r.c0 + r.cols <= t.rect.c0 + t.rect.cols);
      });
    });
  }
}

const isColor = (v: unknown) => typeof v === 'string' && (/^#[0-9A-Fa-f]{6}$/.test(v) || /^[a-z]+$/i.test(v));

/** A custom conditional format: cf.custom.rule.formula and cf.custom.format.fill.color over the model's entry. */
export class ConditionalFormatProxy extends SimObject {
  get custom(): CustomConditionalFormatProxy {
    return this.nav('custom') as CustomConditionalFormatProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'custom') return new CustomConditionalFormatProxy(this.ctx, () => this.live(), `${this.path}.custom`);
    return super.makeNav(name);
  }
}

export class CustomConditionalFormatProxy extends SimObject {
  get rule(): ConditionalRuleProxy {
    return this.nav('rule') as ConditionalRuleProxy;
  }

  get format(): ConditionalFormatFormatProxy {
    return this.nav('format') as ConditionalFormatFormatProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'rule') return new ConditionalRuleProxy(this.ctx, () => this.live(), `${this.path}.rule`);
    if (name === 'format') return new ConditionalFormatFormatProxy(this.ctx, () => this.live(), `${this.path}.format`);
    return super.makeNav(name);
  }
}

export class ConditionalRuleProxy extends SimObject {
  set formula(v: string) {
    this.set('formula', v);
  }

  protected override writeProp(cf: SimConditionalFormat, prop: string, v: unknown): void {
    if (prop !== 'formula') return super.writeProp(cf, prop, v);
    if (typeof v !== 'string' || !v.startsWith('=')) throw new SimRichApiError('InvalidArgument', 'a rule formula is text starting with =');
    cf.formula = v;
  }
}

export class ConditionalFormatFormatProxy extends SimObject {
  get fill(): ConditionalFillProxy {
    return this.nav('fill') as ConditionalFillProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'fill') return new ConditionalFillProxy(this.ctx, () => this.live(), `${this.path}.fill`);
    return super.makeNav(name);
  }
}

export class ConditionalFillProxy extends SimObject {
  set color(v: string) {
    this.set('color', v);
  }

  protected override writeProp(cf: SimConditionalFormat, prop: string, v: unknown): void {
    if (prop !== 'color') return super.writeProp(cf, prop, v);
    if (!isColor(v)) throw new SimRichApiError('InvalidArgument', `color ${String(v)}`);
    cf.fill = v as string;
  }
}

// ---------------------------------------------------------------- tables

export class TableCollectionProxy extends CollectionProxy<TableProxy> {
  constructor(
    ctx: SimContext,
    resolver: () => any,
    path: string,
    private readonly scope: (() => SimSheet) | null,
  ) {
    super(ctx, resolver, path);
  }

  protected list(t: SimWorkbookModel): SimTable[] {
    const sheet = this.scope?.();
    return t.tables.filter((x) => !sheet || x.sheet === sheet);
  }

  protected itemProxy(table: SimTable, index = 0, resolve?: () => any): TableProxy {
    if (resolve) return new TableProxy(this.ctx, resolve, `table@[${index}]`);
    return new TableProxy(this.ctx, () => (this.model.tables.includes(table) ? table : null), `table[${table.name}]`);
  }

  /** By name or id, as Excel's getItem(key). */
  getItem(key: string): TableProxy {
    return new TableProxy(
      this.ctx,
      pinned(() => this.list(this.model).find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? null),
      `table[${key}]`,
    );
  }

  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: SimTable | null = null;
    const request = { op: 'tables.add', path: this.path, address: typeof address === 'string' ? address : address.path, hasHeaders };
    this.ctx.enqueue(request, () => {
      let sheet: SimSheet;
      let rect: Rect;
      if (typeof address === 'string') {
        const m = /^(?:('(?:[^']|'')+'|[^!]+)!)?(.+)$/.exec(address);
        const sheetName = m?.[1]?.replace(/^'|'$/g, '').replace(/''/g, "'");
        // As documented (excel.d.ts): "If the address does not contain a sheet name, the currently-active sheet is
        // used" — even on a worksheet's own TableCollection. Pass a Range to be safe.
        if (!sheetName && !this.model.active) throw new SimRichApiError('InvalidArgument', 'no active sheet');
        sheet = sheetName ? this.model.sheetOrThrow(sheetName) : (this.model.active as SimSheet);
        rect = parseRect(m?.[2] ?? '');
      } else {
        ({ sheet, rect } = address.target() as RangeTarget);
      }
      created = this.model.addTable(sheet, rect, hasHeaders);
    });
    return new TableProxy(this.ctx, () => created, `table+[${request.address}]`);
  }
}

export class TableProxy extends SimObject {
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.set('name', v);
  }
  get worksheet(): WorksheetProxy {
    return this.nav('worksheet') as WorksheetProxy;
  }

  protected override defaultProps(): string[] {
    return ['name'];
  }

  protected override readProp(t: SimTable, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'id') return t.id;
    if (prop === 'address') return `${quoteSheet(t.sheet.name)}!${rectA1({ r0: t.r0, c0: t.c0, rows: t.r1 - t.r0 + 1, cols: t.c1 - t.c0 + 1 })}`;
    return super.readProp(t, prop);
  }

  protected override writeProp(t: SimTable, prop: string, v: unknown): void {
    if (prop === 'name') {
      guard(t.sheet);
      this.model.validateTableName(String(v), t);
      t.name = String(v);
      return;
    }
    super.writeProp(t, prop, v);
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'worksheet') return new WorksheetProxy(this.ctx, () => (this.live() as SimTable).sheet, `${this.path}.worksheet`);
    return super.makeNav(name);
  }

  getRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.live() as SimTable;
        return { sheet: t.sheet, rect: { r0: t.r0, c0: t.c0, rows: t.r1 - t.r0 + 1, cols: t.c1 - t.c0 + 1 } };
      },
      `${this.path}.range`,
    );
  }

  delete(): void {
    this.call('table.delete', [], (t: SimTable) => {
      guard(t.sheet);
      // Excel's Table.delete removes the table and its cells' contents.
      t.sheet.clear({ r0: t.r0, c0: t.c0, rows: t.r1 - t.r0 + 1, cols: t.c1 - t.c0 + 1 }, 'All');
      this.model.tables = this.model.tables.filter((x) => x !== t);
    });
  }
}

// ---------------------------------------------------------------- charts

const CHART_TYPES = new Set(['Line', 'ColumnClustered', 'BarClustered', 'Pie', 'ColumnStacked', 'LineMarkers', 'Area']);

export class ChartCollectionProxy extends CollectionProxy<ChartProxy> {
  protected list(t: SimSheet): SimChart[] {
    return t.charts;
  }

  /**
   * Charts come back from a load without an id, so Microsoft's client addresses each item by its position
   * (GetItemAt) in every later request: deleting items front to back shifts the rest. The simulation does the same.
   */
  protected itemProxy(_chart: SimChart, index = 0, resolve?: () => any): ChartProxy {
    const at = () => {
      const list = (this.live() as SimSheet).charts;
      if (index >= list.length) throw new SimRichApiError('ItemNotFound', `${this.path}: no item at ${index}`);
      return list[index];
    };
    return new ChartProxy(this.ctx, resolve ?? at, `chart@[${index}]`);
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, pinned(() => (this.live() as SimSheet).charts.find((c) => c.name === name) ?? null), `chart[${name}]`);
  }

  add(type: string, sourceData: RangeProxy, seriesBy: string = 'Auto'): ChartProxy {
    let created: SimChart | null = null;
    this.ctx.enqueue({ op: 'charts.add', path: this.path, type, source: sourceData.path, seriesBy }, () => {
      const sheet: SimSheet = this.live();
      guard(sheet);
      if (!CHART_TYPES.has(type)) throw new SimRichApiError('InvalidArgument', `chart type ${type}`);
      const src = sourceData.target() as RangeTarget;
      const series: SimChartSeries[] = [];
      // Series by columns: a text first row names each series.
      for (let j = 0; j < src.rect.cols; j++) {
        const head = src.sheet.getValue(src.rect.r0, src.rect.c0 + j);
        const named = typeof head === 'string' && src.rect.rows > 1;
        const r0 = named ? src.rect.r0 + 1 : src.rect.r0;
        series.push({
          name: named ? head : `Series${j + 1}`,
          values: `${quoteSheet(src.sheet.name)}!${rectA1({ r0, c0: src.rect.c0 + j, rows: src.rect.rows - (named ? 1 : 0), cols: 1 })}`,
        });
      }
      const name = this.model.nextChartName();
      created = { id: `{chart-${name}}`, name, type, title: '', series };
      sheet.charts.push(created);
    });
    return new ChartProxy(this.ctx, () => created, `chart+`);
  }
}

export class ChartProxy extends SimObject {
  get name(): string {
    return this.get('name');
  }

  get title(): ChartTitleProxy {
    return this.nav('title') as ChartTitleProxy;
  }

  get series(): ChartSeriesCollectionProxy {
    return this.nav('series') as ChartSeriesCollectionProxy;
  }

  protected override makeNav(name: string): SimObject {
    if (name === 'title') return new ChartTitleProxy(this.ctx, () => this.live(), `${this.path}.title`);
    if (name === 'series') return new ChartSeriesCollectionProxy(this.ctx, () => this.live(), `${this.path}.series`);
    return super.makeNav(name);
  }

  protected override readProp(t: SimChart, prop: string): unknown {
    if (prop === 'name') return t.name;
    return super.readProp(t, prop);
  }

  setPosition(startCell: string | RangeProxy, endCell?: string): void {
    this.call('setPosition', [typeof startCell === 'string' ? startCell : startCell.path, endCell], (t: SimChart) => {
      t.position = typeof startCell === 'string' ? rectA1(parseRect(startCell)) : rectA1((startCell.target() as RangeTarget).rect);
      if (endCell !== undefined) t.end = rectA1(parseRect(endCell));
    });
  }

  delete(): void {
    this.call('chart.delete', [], (t: SimChart) => {
      for (const s of this.model.sheets) s.charts = s.charts.filter((c) => c !== t);
    });
  }
}

export class ChartTitleProxy extends SimObject {
  set text(v: string) {
    this.set('text', v);
  }

  protected override writeProp(t: SimChart, prop: string, v: unknown): void {
    if (prop !== 'text') return super.writeProp(t, prop, v);
    t.title = String(v);
  }
}

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartSeriesProxy> {
  protected list(t: SimChart): SimChartSeries[] {
    return t.series;
  }

  protected itemProxy(series: SimChartSeries, index = 0, resolve?: () => any): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, resolve ?? (() => series), `${this.path}[${index}]`);
  }

  add(name?: string): ChartSeriesProxy {
    let created: SimChartSeries | null = null;
    this.ctx.enqueue({ op: 'series.add', path: this.path, name }, () => {
      this.model.requireApi(7, 'ChartSeriesCollection.add');
      const chart = this.live() as SimChart;
      created = { name: name ?? `Series${chart.series.length + 1}` };
      chart.series.push(created);
    });
    return new ChartSeriesProxy(this.ctx, () => created, `${this.path}+`);
  }
}

export class ChartSeriesProxy extends SimObject {
  set name(v: string) {
    this.set('name', v);
  }

  protected override writeProp(t: SimChartSeries, prop: string, v: unknown): void {
    if (prop === 'name') {
      t.name = String(v);
      return;
    }
    super.writeProp(t, prop, v);
  }

  setValues(range: RangeProxy): void {
    this.call('series.setValues', [range.path], (t: SimChartSeries) => {
      this.model.requireApi(7, 'ChartSeries.setValues');
      const r = range.target() as RangeTarget;
      t.values = `${quoteSheet(r.sheet.name)}!${rectA1(r.rect)}`;
    });
  }

  setXAxisValues(range: RangeProxy): void {
    this.call('series.setXAxisValues', [range.path], (t: SimChartSeries) => {
      this.model.requireApi(7, 'ChartSeries.setXAxisValues');
      const r = range.target() as RangeTarget;
      t.xValues = `${quoteSheet(r.sheet.name)}!${rectA1(r.rect)}`;
    });
  }
}
