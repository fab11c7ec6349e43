import { HostError } from '../core/host';

/**
 * RichApi error codes → HostError with a catalog key (the clerk reads a message in their language, never raw API text
 * alone). Office.js rejects a failed `context.sync()` with an OfficeExtension.Error whose `code` is a string such as
 * "InvalidOperationInCellEditMode"; the simulation throws the same shape.
 */

export const PAYLOAD_CODES: ReadonlySet<string> = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'RangeExceedsLimit',
]);

/** Codes that mean "Excel is busy or throttling": worth trying again later. */
const BUSY_CODES: ReadonlySet<string> = new Set(['ActivityLimitReached', 'Conflict', 'ServiceNotAvailable', 'Timeout', 'RequestAborted']);

export function richApiCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isPayloadLimit = (e: unknown): boolean => PAYLOAD_CODES.has(richApiCode(e) ?? '');

export const isAbort = (e: unknown): boolean => (e as { name?: unknown } | null)?.name === 'AbortError';

export function abortError(): Error {
  return Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** What the host was doing when a sync failed, so the message can name it. */
export interface Step {
  sheet?: string;
  /** A sheet or table name being created or given. */
  name?: string;
  /** 1-based row for payload messages. */
  row?: number;
}

export function toHostError(e: unknown, step: Step = {}): Error {
  if (e instanceof HostError || isAbort(e)) return e as Error;
  const code = richApiCode(e);
  const detail = (e as { message?: unknown } | null)?.message;
  const text = typeof detail === 'string' ? detail : String(e);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new HostError('excel.host.cellEditMode', {}, text);
    case 'AccessDenied':
      return step.sheet ? new HostError('excel.host.protected', { sheet: step.sheet }, text) : new HostError('excel.host.general', { code, detail: text }, text);
    case 'ItemAlreadyExists':
      return new HostError('excel.host.duplicateName', { name: step.name ?? step.sheet ?? '' }, text);
    case 'ItemNotFound':
      return step.sheet ? new HostError('excel.host.sheetMissing', { sheet: step.sheet }, text) : new HostError('excel.host.general', { code, detail: text }, text);
    case 'InvalidArgument':
      if (step.name) return new HostError('excel.host.invalidName', { name: step.name }, text);
      return new HostError('excel.host.general', { code, detail: text }, text);
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return new HostError('excel.host.payloadTooLarge', { sheet: step.sheet ?? '', row: step.row ?? 0 }, text);
    default:
      if (code && BUSY_CODES.has(code)) return new HostError('excel.host.busy', { code }, text);
      return new HostError('excel.host.general', { code: code ?? 'GeneralException', detail: text }, text);
  }
}
