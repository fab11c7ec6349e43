/**
 * An emulated Excel on the RichApi wire: Microsoft's client library (client.ts) sends each `context.sync()` as one
 * request message; this answers it by replaying the message's object paths and actions on the Office.js simulation
 * (test/office-sim: the same workbook model, the same rules Excel enforces) and serializing the outcome the way the
 * client parses it. docs/excel-host.md ("On the wire") describes the message shapes, derived from the library's code.
 *
 *   const wire = wireFromGrids(grids);                 // index.ts, in Node; in a browser: new WireExcel(sim, client)
 *   const host = new ExcelHost({ run: wire.run, isSetSupported: wire.isSetSupported });
 *   … wire.metrics (bytes as sent on the wire), gridsFromSim(wire.sim)
 */
import type { SimExcel } from '../office-sim';
import { SimRichApiError, SimSheet, type SimWorkbookModel } from '../office-sim/model';
import { CollectionProxy, SimContext, SimObject, TableCollectionProxy, TableProxy, WorksheetCollectionProxy, WorksheetProxy, utf8Bytes } from '../office-sim/proxies';
import type { ExcelClient, RichApiCallback, RichApiResult } from './client';

/** ObjectPathType and ActionType as the client numbers them (OfficeExtension's ObjectPathFactory / ActionFactory). */
const PATH = { globalObject: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;
/** The Office error numbers the client maps to the payload codes (RichApiMessageUtility.buildResponseOnError). */
export const OOE_REQUEST_PAYLOAD = 5103;
export const OOE_RESPONSE_PAYLOAD = 5104;

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface WireObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface WireAction {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

export interface WireRequest {
  Actions: WireAction[];
  ObjectPaths: Record<string, WireObjectPath>;
  AutoKeepReference?: boolean;
}

export interface WireSyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** The RichApi code the client saw, if the request failed. */
  error?: string;
}

export interface WireMetrics {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  largestRequest: number;
  largestResponse: number;
  log: WireSyncRecord[];
}

export const emptyWireMetrics = (): WireMetrics => ({ syncs: 0, requestBytes: 0, responseBytes: 0, largestRequest: 0, largestResponse: 0, log: [] });

/** The HTTP status Excel pairs with a code (the client passes it on as error.httpStatusCode). */
const HTTP_STATUS: Record<string, number> = { ItemNotFound: 404, ItemAlreadyExists: 409, AccessDenied: 403, ApiNotFound: 404, GeneralException: 500 };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => (s.startsWith('_') ? s : s.charAt(0).toUpperCase() + s.slice(1));

/** A proxy's members as the simulation names them (the wire's names with a lower-case first letter). */
const member = (o: SimObject, name: string) => (o as unknown as Record<string, unknown>)[lowerFirst(name)];

class WireFault extends SimRichApiError {}

export class WireExcel {
  metrics: WireMetrics = emptyWireMetrics();
  /** Every request message as the client sent it (for tests that look at the shapes). */
  readonly requests: WireRequest[] = [];
  keepRequests = false;
  /** One context for the emulator's life: objects kept by reference outlive a request, as in Excel. */
  private readonly ctx: SimContext;
  private readonly refs = new Map<string, SimObject>();
  private refCounter = 0;

  constructor(
    readonly sim: SimExcel,
    readonly client: ExcelClient,
  ) {
    this.ctx = new SimContext(sim.model, false);
  }

  get model(): SimWorkbookModel {
    return this.sim.model;
  }

  isSetSupported = (name: string, version?: string): boolean => this.model.isSetSupported(name, version);

  /** Microsoft's Excel.run, talking to this emulator. */
  run = <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    this.client.route((safeArray, callback) => this.receive(safeArray, callback));
    this.client.requirements(this.isSetSupported);
    return this.client.Excel.run(batch);
  };

  resetMetrics(): void {
    this.metrics = emptyWireMetrics();
    this.sim.resetMetrics();
  }

  private receive(safeArray: unknown[], callback: RichApiCallback): void {
    // [customData, method, path, headers, body, …] (RichApiMessageUtility.buildRequestMessageSafeArray)
    const [, method, path, , body] = safeArray;
    if (method !== 'POST' || path !== 'ProcessQuery' || typeof body !== 'string') {
      callback({ status: 'failed', error: { code: 5001, message: `unexpected request ${String(method)} ${String(path)}` } });
      return;
    }
    this.answer(body).then(callback, (e) => callback({ status: 'failed', error: { code: 5001, message: String(e) } }));
  }

  /** One request message in, one response out — with Excel on the web's 5 MB limits on both. */
  async answer(bodyText: string): Promise<RichApiResult> {
    const record: WireSyncRecord = { requestBytes: utf8Bytes(bodyText), responseBytes: 0, actions: 0 };
    const m = this.metrics;
    m.syncs++;
    m.log.push(record);
    m.requestBytes += record.requestBytes;
    m.largestRequest = Math.max(m.largestRequest, record.requestBytes);
    if (record.requestBytes > this.model.limits.maxRequestBytes) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      return { status: 'failed', error: { code: OOE_REQUEST_PAYLOAD, message: `request of ${record.requestBytes} bytes` } };
    }
    const request = JSON.parse(bodyText) as WireRequest;
    if (this.keepRequests) this.requests.push(request);
    record.actions = request.Actions.length;
    const body = await this.execute(request);
    if (body.Error) record.error = body.Error.Code;
    const text = JSON.stringify(body);
    record.responseBytes = utf8Bytes(text);
    m.responseBytes += record.responseBytes;
    m.largestResponse = Math.max(m.largestResponse, record.responseBytes);
    if (record.responseBytes > this.model.limits.maxResponseBytes) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      return { status: 'failed', error: { code: OOE_RESPONSE_PAYLOAD, message: `response of ${record.responseBytes} bytes` } };
    }
    return { status: 'succeeded', value: { data: [200, [], text] } };
  }

  /** Replay the actions in order on the simulation; the first failure ends the request with Excel's error shape. */
  private async execute(request: WireRequest): Promise<{ Results?: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; HttpStatusCode: number; Location: string; ActionIndex: number } }> {
    if (this.model.cellEditMode) return { Error: { Code: 'InvalidOperationInCellEditMode', Message: 'Excel is in cell-editing mode', HttpStatusCode: 400, Location: '', ActionIndex: 0 } };
    const results: { ActionId: number; Value: unknown }[] = [];
    const resolved = new Map<number, SimObject>();
    const kept = new Set<number>();
    let current = -1;
    const resolve = (id: number): SimObject => {
      const hit = resolved.get(id);
      if (hit) return hit;
      const info = request.ObjectPaths[String(id)];
      if (!info) throw new WireFault('InvalidObjectPath', `object path ${id} is not in the request`);
      const obj = this.objectAt(info, resolve);
      resolved.set(id, obj);
      return obj;
    };
    try {
      request.Actions.forEach((a, index) => {
        // Queued in order on the simulation's context; `current` tells which action a failure belongs to.
        this.ctx.enqueue({}, () => void (current = index));
        this.queueAction(a, resolve, kept, results);
      });
    } catch (e) {
      this.ctx.enqueue({}, () => {
        throw e;
      });
    }
    try {
      await this.ctx.sync();
    } catch (e) {
      const code = e instanceof SimRichApiError ? e.code : 'GeneralException';
      const message = e instanceof Error ? e.message : String(e);
      const a = request.Actions[current];
      return { Error: { Code: code, Message: message, HttpStatusCode: HTTP_STATUS[code] ?? 400, Location: a ? `${a.Name || 'action'} (${a.Id})` : '', ActionIndex: Math.max(0, current) } };
    }
    return { Results: results };
  }

  private queueAction(a: WireAction, resolve: (id: number) => SimObject, kept: Set<number>, results: { ActionId: number; Value: unknown }[]): void {
    const at = (fn: () => unknown) =>
      this.ctx.enqueue({}, () => {
        const value = fn();
        if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
      });
    switch (a.ActionType) {
      case ACTION.instantiate: {
        const obj = resolve(a.ObjectPathId);
        at(() => this.instantiated(obj, kept.has(a.ObjectPathId)));
        return;
      }
      case ACTION.query: {
        const obj = resolve(a.ObjectPathId);
        at(() => this.query(obj, a.QueryInfo?.Select ?? []));
        return;
      }
      case ACTION.method: {
        if (a.Name === '_KeepReference') {
          kept.add(a.ObjectPathId);
          return;
        }
        if (a.Name === '_RemoveReference') {
          const ref = a.ArgumentInfo?.Arguments?.[0];
          if (typeof ref === 'string') this.refs.delete(ref);
          return;
        }
        const obj = resolve(a.ObjectPathId);
        const fn = a.Name.startsWith('_') ? (obj as unknown as Record<string, unknown>)[a.Name] : member(obj, a.Name);
        if (typeof fn !== 'function') throw new WireFault('ApiNotFound', `${a.Name} is not emulated on ${obj.path}`);
        (fn as (...args: unknown[]) => unknown).apply(obj, this.args(a.ArgumentInfo, resolve));
        return;
      }
      case ACTION.setProperty: {
        const obj = resolve(a.ObjectPathId);
        const [value] = this.args(a.ArgumentInfo, resolve);
        try {
          (obj as unknown as Record<string, unknown>)[lowerFirst(a.Name)] = value;
        } catch {
          throw new WireFault('InvalidArgument', `${a.Name} cannot be set on ${obj.path}`);
        }
        return;
      }
      case ACTION.trace:
        return;
      default:
        throw new WireFault('InvalidArgument', `action type ${a.ActionType} is not emulated`);
    }
  }

  /** Arguments with object-path references (ReferencedObjectPathIds ≠ 0) resolved; a top-level null is "not given". */
  private args(info: ArgumentInfo | undefined, resolve: (id: number) => SimObject): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((v, i) => (refs[i] ? resolve(refs[i]) : v === null ? undefined : v));
  }

  private objectAt(info: WireObjectPath, resolve: (id: number) => SimObject): SimObject {
    const parent = () => {
      if (info.ParentObjectPathId === undefined) throw new WireFault('InvalidObjectPath', `object path ${info.Id} has no parent`);
      return resolve(info.ParentObjectPathId);
    };
    switch (info.ObjectPathType) {
      case PATH.globalObject:
        return this.ctx.workbook;
      case PATH.property: {
        const p = parent();
        const child = member(p, info.Name);
        if (!(child instanceof SimObject)) throw new WireFault('ApiNotFound', `${info.Name} is not emulated on ${p.path}`);
        return child;
      }
      case PATH.method: {
        const p = parent();
        const fn = member(p, info.Name);
        if (typeof fn !== 'function') throw new WireFault('ApiNotFound', `${info.Name} is not emulated on ${p.path}`);
        const out = (fn as (...args: unknown[]) => unknown).apply(p, this.args(info.ArgumentInfo, resolve));
        if (!(out instanceof SimObject)) throw new WireFault('ApiNotFound', `${info.Name} on ${p.path} gives no object`);
        return out;
      }
      case PATH.indexer: {
        const p = parent();
        const getItem = member(p, 'getItem');
        if (typeof getItem !== 'function') throw new WireFault('ApiNotFound', `${p.path} has no indexer`);
        return (getItem as (key: unknown) => SimObject).call(p, info.ArgumentInfo?.Arguments?.[0]);
      }
      case PATH.referenceId: {
        const obj = this.refs.get(info.Name);
        if (!obj) throw new WireFault('InvalidObjectPath', `reference ${info.Name} is not kept`);
        return obj;
      }
      default:
        throw new WireFault('InvalidObjectPath', `object path type ${info.ObjectPathType}`);
    }
  }

  /**
   * An Instantiate action's value: null for a null object; a reference id for an object the client asked to keep
   * (`_KeepReference`: ranges), which it then addresses by ReferenceId paths; the id of a worksheet or table, which it
   * then addresses through its collection's indexer (so a renamed or re-ordered item stays the same item).
   */
  private instantiated(obj: SimObject, keep: boolean): unknown {
    const target = obj.target();
    if (target === null || target === undefined) return null;
    if (keep) {
      const ref = `ref${++this.refCounter}`;
      this.refs.set(ref, obj);
      return { _ReferenceId: ref };
    }
    if (obj instanceof WorksheetProxy && target instanceof SimSheet) return { Id: target.id };
    if (obj instanceof TableProxy) return { Id: (target as { id: string }).id };
    return {};
  }

  /** A Query action's value: the selected properties under the wire's names; a collection as `_Items`. */
  private query(obj: SimObject, select: string[]): unknown {
    if (obj instanceof CollectionProxy) {
      const withId = obj instanceof WorksheetCollectionProxy || obj instanceof TableCollectionProxy;
      const props = select.length ? select : ['name'];
      const out = obj.execLoad(withId && !props.includes('id') ? [...props, 'id'] : props).response as { items: Record<string, unknown>[] };
      return { _Items: out.items.map((item) => wireNames(item, props, withId)) };
    }
    const out = obj.execLoad(select).response as Record<string, unknown> | null;
    return out === null ? null : wireNames(out, select, false);
  }
}

/** The simulation's camelCase load result → the wire's names (Values, RowCount, Worksheet/Name …). */
function wireNames(data: Record<string, unknown>, select: string[], withId: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const heads = new Set(select.filter((p) => p.includes('/')).map((p) => p.split('/')[0]));
  for (const [k, v] of Object.entries(data)) {
    if (k === 'id' && !withId && !select.includes('id')) continue;
    if (heads.has(k) && v && typeof v === 'object') {
      const sub = select.filter((p) => p.startsWith(`${k}/`)).map((p) => p.slice(k.length + 1));
      out[upperFirst(k)] = wireNames(v as Record<string, unknown>, sub, false);
    } else out[upperFirst(k)] = v;
  }
  return out;
}
