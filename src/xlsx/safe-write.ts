import { promises as fs, rmSync, type Stats } from 'fs';
import { basename, dirname, join } from 'path';

/**
 * Writing a file so that nothing of the clerk's is ever half-written or quietly changed:
 * - the bytes go to a temporary file beside the target and are renamed over it, so a reader sees the old file or
 *   the new one, never a part;
 * - a symbolic link is followed: its target is replaced and the link stays a link;
 * - a file that exists keeps its permission bits and its owner (a clerk's shared 0640 workbook stays 0640);
 * - a signal (Ctrl+C, a terminal closing) while a temporary file exists removes it before the process ends.
 * Several files are staged first and committed together, so a failure before the commit changes nothing.
 */

/** Temporary files that exist right now, removed if the process is told to stop. */
const live = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const p of live) rmSync(p, { force: true });
  live.clear();
  unguard();
  // Die of the same signal, as the default handler would have, so the caller's shell sees why.
  process.kill(process.pid, signal);
}

const handlers = new Map<NodeJS.Signals, () => void>();
function guard(): void {
  if (handlers.size) return;
  for (const s of SIGNALS) {
    const h = () => onSignal(s);
    handlers.set(s, h);
    process.on(s, h);
  }
}
function unguard(): void {
  for (const [s, h] of handlers) process.off(s, h);
  handlers.clear();
}
function track(path: string): void {
  live.add(path);
  guard();
}
function untrack(path: string): void {
  live.delete(path);
  if (!live.size) unguard();
}

/** Temporary files this process holds now (for tests). */
export const liveTemporaryFiles = (): string[] => [...live];

/** The file a path finally names: a symlink's target (followed to the end), else the path itself. */
export async function finalTarget(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch {
    // Not there yet: its folder may still be a link.
    try {
      return join(await fs.realpath(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

export interface StagedFile {
  /** The file that will be replaced or created (a symlink already followed). */
  readonly target: string;
  /** Move the staged bytes into place. */
  commit(): Promise<void>;
  /** Remove the staged bytes; the target is untouched. */
  abort(): Promise<void>;
}

/** Write `bytes` to a temporary file beside `path`'s final target, with the target's mode and owner. */
export async function stageFile(path: string, bytes: Buffer | string): Promise<StagedFile> {
  const target = await finalTarget(path);
  const before: Stats | null = await fs.stat(target).catch(() => null);
  const tmp = join(dirname(target), `.${basename(target)}.clerk-desk-${process.pid}-${Date.now().toString(36)}.tmp`);
  track(tmp);
  const abort = async () => {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    untrack(tmp);
  };
  try {
    if (before) {
      // Private while being written (nobody reads a half-written copy of her data), then her file's own mode.
      await fs.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
      if (before.uid !== process.getuid?.() || before.gid !== process.getgid?.()) await fs.chown(tmp, before.uid, before.gid);
      await fs.chmod(tmp, before.mode & 0o7777);
    } else {
      // A new file gets what any new file of this user gets (the umask applies to 0o666).
      await fs.writeFile(tmp, bytes, { mode: 0o666, flag: 'wx' });
    }
  } catch (e) {
    await abort();
    throw e;
  }
  return {
    target,
    commit: async () => {
      try {
        await fs.rename(tmp, target);
      } finally {
        await abort();
      }
    },
    abort,
  };
}

/** Stage every file, then commit them all; if any staging fails, none is committed. */
export async function writeFilesTogether(files: readonly { path: string; bytes: Buffer | string }[]): Promise<void> {
  const staged: StagedFile[] = [];
  try {
    for (const f of files) staged.push(await stageFile(f.path, f.bytes));
  } catch (e) {
    for (const s of staged) await s.abort();
    throw e;
  }
  try {
    for (const s of staged) await s.commit();
  } finally {
    for (const s of staged) await s.abort();
  }
}
