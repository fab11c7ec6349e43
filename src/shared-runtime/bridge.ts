import type { JobId } from '../core/job-definition';

/**
 * The shared runtime's meeting point. taskpane.html loads the taskpane, commands and functions bundles into one
 * page (one JavaScript runtime), but each bundle has its own module instances — so they meet on a global.
 * The pane registers `runJob`; the ribbon's one-click buttons call it (its progress and result appear in the pane).
 */
export interface RibbonOutcome {
  ok: boolean;
  /** A short line for the clerk, already in their language. */
  message: string;
}

export interface ClerkBridge {
  /** Run a job with its default options through the pane's host; set once the pane has started. */
  runJob?: (jobId: JobId | 'all') => Promise<RibbonOutcome>;
  /** Promises waiting for the pane to register. */
  waiting?: ((b: ClerkBridge) => void)[];
}

const KEY = '__clerkDeskBridge';

export function bridge(): ClerkBridge {
  const g = globalThis as unknown as Record<string, ClerkBridge | undefined>;
  const existing = g[KEY];
  if (existing) return existing;
  const created: ClerkBridge = {};
  g[KEY] = created;
  return created;
}

/** Called by the pane when it can run jobs. */
export function registerRunner(runJob: NonNullable<ClerkBridge['runJob']>): () => void {
  const b = bridge();
  b.runJob = runJob;
  const waiting = b.waiting ?? [];
  b.waiting = [];
  for (const w of waiting) w(b);
  return () => {
    if (b.runJob === runJob) b.runJob = undefined;
  };
}

/** The runner, waiting up to `ms` for the pane to start (the ribbon can be clicked while the page still loads). */
export function whenRunner(ms = 15000): Promise<NonNullable<ClerkBridge['runJob']> | null> {
  const b = bridge();
  if (b.runJob) return Promise.resolve(b.runJob);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    (b.waiting ??= []).push((ready) => {
      clearTimeout(timer);
      resolve(ready.runJob ?? null);
    });
  });
}
