/// <reference lib="webworker" />
/**
 * The pane's Web Worker: runs core's pipeline on Grids so the task pane (and the custom functions sharing its
 * runtime) stay responsive. No Office.js here — the main thread reads and writes through the host.
 */
import { compute } from './compute';
import type { WorkerMessage, WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, grids, request } = event.data;
  const post = (m: WorkerMessage) => scope.postMessage(m);
  let last = 0;
  try {
    const output = compute(grids, {
      ...request,
      progress: (done, total) => {
        // Throttle: at most one message per percent.
        const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
        if (pct !== last) {
          last = pct;
          post({ id, type: 'progress', done, total });
        }
        return true;
      },
    });
    post({ id, type: 'done', output });
  } catch (err) {
    post({ id, type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
