/**
 * Before a run writes anything: is every path it will write one it may write? The checks that need the file
 * system live here, so that main() can say "exit 1 means nothing changed": every refusal happens before the first
 * byte is written.
 */
import { constants, promises as fs, type Stats } from 'fs';
import { basename, dirname, join } from 'path';
import type { MessageKey, MessageValues } from '../core/i18n';
import { hasClerkDeskState } from '../core/state';
import { finalTarget } from '../xlsx/safe-write';

export interface PathProblem {
  /** 2: the command line contradicts itself; 1: the file system says no. */
  exit: 1 | 2;
  key: MessageKey;
  values: MessageValues;
}

export interface OutputRequest {
  /** Absolute paths. */
  book: string;
  out: string;
  json?: string;
  inPlace: boolean;
  force: boolean;
  /** The names as typed, for messages. */
  labels: { book: string; out: string; json?: string };
  /** Reads a workbook's grids, to tell whether an existing --out file is one Clerk Desk wrote. */
  readGrids: (path: string) => Promise<import('../core/grid').Grid[] | null>;
}

const statOrNull = async (p: string): Promise<Stats | null> => fs.stat(p).catch(() => null);

/** Two paths naming one file: the same final target, or (hard links) the same inode. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await finalTarget(a)) === (await finalTarget(b))) return true;
  const [x, y] = await Promise.all([statOrNull(a), statOrNull(b)]);
  return !!x && !!y && x.dev === y.dev && x.ino === y.ino;
}

/**
 * The application holding a workbook open, from the owner file it leaves beside it: Excel and WPS write
 * `~$name.xlsx` (Excel drops the name's first two characters for long names), LibreOffice `.~lock.name.xlsx#`.
 */
export async function lockHolder(path: string): Promise<{ app: 'excel' | 'libreoffice'; lock: string } | null> {
  const dir = dirname(path);
  const name = basename(path);
  const candidates: { app: 'excel' | 'libreoffice'; lock: string }[] = [
    { app: 'excel', lock: join(dir, `~$${name}`) },
    { app: 'excel', lock: join(dir, `~$${name.slice(2)}`) },
    { app: 'libreoffice', lock: join(dir, `.~lock.${name}#`) },
  ];
  for (const c of candidates) if (await statOrNull(c.lock)) return c;
  return null;
}

/** Read-only for the clerk: no write permission, or no write bit at all (which even an administrator respects here). */
async function readOnly(path: string, st: Stats): Promise<boolean> {
  if ((st.mode & 0o222) === 0) return true;
  return fs.access(path, constants.W_OK).then(
    () => false,
    () => true,
  );
}

/** The nearest folder that exists at or above `dir`, and whether new files can be made in it. */
async function writableFolder(dir: string): Promise<boolean> {
  for (let d = dir; ; d = dirname(d)) {
    const st = await statOrNull(d);
    if (st) {
      if (!st.isDirectory()) return false;
      return fs.access(d, constants.W_OK | constants.X_OK).then(
        () => true,
        () => false,
      );
    }
    if (dirname(d) === d) return false;
  }
}

/** A JSON summary Clerk Desk wrote earlier (so replacing it loses nothing of hers). */
async function isOurSummary(path: string): Promise<boolean> {
  try {
    const text = await fs.readFile(path, 'utf8');
    const j = JSON.parse(text) as Record<string, unknown>;
    return typeof j === 'object' && j !== null && typeof j.job === 'string' && typeof j.asOf === 'string';
  } catch {
    return false;
  }
}

async function checkTarget(
  path: string,
  label: string,
  req: OutputRequest,
  ours: (p: string) => Promise<boolean>,
): Promise<PathProblem | null> {
  const target = await finalTarget(path);
  const st = await statOrNull(target);
  if (!st) return (await writableFolder(dirname(target))) ? null : { exit: 1, key: 'xlsx.error.cannotWrite', values: { file: label } };
  if (!st.isFile()) return { exit: 1, key: 'cli.error.outNotFile', values: { file: label } };
  const held = await lockHolder(target);
  if (held) return { exit: 1, key: held.app === 'excel' ? 'cli.error.openInExcel' : 'cli.error.openInLibreOffice', values: { file: label, lock: basename(held.lock) } };
  if (await readOnly(target, st)) return { exit: 1, key: 'cli.error.readOnly', values: { file: label } };
  if (!(await writableFolder(dirname(target)))) return { exit: 1, key: 'xlsx.error.cannotWrite', values: { file: label } };
  if (!req.force && !(await ours(target))) return { exit: 1, key: 'cli.error.notOurs', values: { file: label } };
  return null;
}

/** Output paths that contradict the command line: --out or --json naming the workbook, --json naming --out. */
export async function pathClash(req: OutputRequest): Promise<PathProblem | null> {
  const { labels } = req;
  if (!req.inPlace && (await sameFile(req.book, req.out))) return { exit: 2, key: 'cli.error.sameAsInput', values: {} };
  if (req.json) {
    if (await sameFile(req.json, req.book)) return { exit: 2, key: 'cli.error.jsonIsInput', values: { file: labels.json ?? req.json } };
    if (!req.inPlace && (await sameFile(req.json, req.out))) return { exit: 2, key: 'cli.error.jsonIsOut', values: { file: labels.json ?? req.json } };
  }
  return null;
}

/** The first reason the run may not write its outputs, or null when every one can be written. */
export async function checkOutputs(req: OutputRequest): Promise<PathProblem | null> {
  const clash = await pathClash(req);
  if (clash) return clash;
  const { labels } = req;
  // Her workbook itself (in place) is always hers to rewrite; an existing --out file must be one we wrote.
  const workbookIsOurs = async (p: string) => {
    if (req.inPlace) return true;
    const grids = await req.readGrids(p).catch(() => null);
    return !!grids && hasClerkDeskState(grids);
  };
  const out = await checkTarget(req.out, req.inPlace ? labels.book : labels.out, req, workbookIsOurs);
  if (out) return out;
  if (req.json) {
    const json = await checkTarget(req.json, labels.json ?? req.json, req, isOurSummary);
    if (json) return json;
  }
  return null;
}
