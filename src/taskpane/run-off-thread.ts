import type { Grid } from '../core/grid';
import type { RunRequest } from '../core/pipeline';
import { compute } from './compute';
import type { WorkerMessage, WorkerOutput } from './protocol';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

let nextId = 1;

function makeWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./worker.ts', import.meta.url), { name: 'clerk-desk' });
  } catch {
    return null;
  }
}

/**
 * Run the pipeline in a Web Worker. Cancel terminates the worker (a synchronous job cannot be interrupted any
 * other way); a fresh worker serves the next run. Without Worker support it runs inline after a tick.
 */
export function runOffThread(
  grids: Grid[],
  request: Omit<RunRequest, 'progress'>,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<WorkerOutput> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const worker = makeWorker();
  if (!worker) {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (signal?.aborted) return reject(new CancelledError());
        try {
          resolve(compute(grids, { ...request, progress: (d, t) => (onProgress?.(d, t), !signal?.aborted) }));
        } catch (err) {
          reject(err);
        }
      }, 0);
    });
  }
  const id = nextId++;
  return new Promise<WorkerOutput>((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    const abort = () => {
      finish();
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', abort);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'progress') onProgress?.(m.done, m.total);
      else if (m.type === 'done') {
        finish();
        resolve(m.output);
      } else {
        finish();
        reject(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage({ id, grids, request });
  });
}
