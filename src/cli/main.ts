/**
 * clerk-desk: the same jobs as the task pane, on .xlsx files, no Excel needed.
 * main(argv, io) is testable in-process (it returns the exit code and writes only through io);
 * runFromProcess() is what bin/clerk-desk.js calls.
 */
import { promises as fs } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { HostError, type HostProgress } from '../core/host';
import { runOnHost } from '../core/run-on-host';
import { jobById } from '../core/job-registry';
import { t, translator, type Lang, type MessageKey, type MessageValues } from '../core/i18n';
import { periodLines } from '../core/period';
import type { StatementFile } from '../core/reconcile/statement-file';
import type { IsoDate } from '../core/values/brand';
import { ymdToIso } from '../core/values/dates';
import { XlsxHost } from '../xlsx/host';
import { readStateSheetOnly } from '../xlsx/state-sheet';
import { structureWorkbook } from '../core/structure';
import { readState } from '../core/state';
import { setWorkbookTables } from '../functions/workbook';
import { parseArgs } from './args';
import { figuresOf } from '../core/figures';
import { helpText } from './help';
import { defaultCallFunction, type CallFunction } from './fn-command';
import { checkOutputs, pathClash, type OutputRequest, type PathProblem } from './output-paths';
import { writeFilesTogether } from '../xlsx/safe-write';
import { findSoffice, sheetsToSend, writePdf } from './pdf';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Today's date for the default --as-of (default: the local clock). */
  today?: () => IsoDate;
  /** The custom-function registry (default: src/functions/registry). */
  callFunction?: CallFunction;
  /** Minimum milliseconds between two progress lines of one phase (default 1000; 0 prints all). */
  progressEvery?: number;
  /** LibreOffice for --pdf (default: soffice on the PATH; null: not installed). */
  soffice?: string | null;
}

/** Findings that say a chosen period holds no data: worth a line of their own, not only a count. */
const EMPTY_PERIOD = new Set(['reconcile-period-empty', 'sales-empty-month', 'reconcile-statement-file-empty']);

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

function localToday(): IsoDate {
  const d = new Date();
  return ymdToIso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/**
 * Where the output goes by default: `<name>.clerk-desk.xlsx` next to the input; a macro-enabled workbook or a
 * template keeps its extension (.xlsm, .xltx, .xltm), because Excel refuses a file whose name and content disagree.
 */
export function defaultOutPath(book: string): string {
  const ext = extname(book);
  const keep = ['.xlsm', '.xltx', '.xltm'].includes(ext.toLowerCase()) ? ext.toLowerCase() : '.xlsx';
  return join(dirname(book), `${basename(book, ext)}.clerk-desk${keep}`);
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  const say = (lang: Lang, key: MessageKey, values?: MessageValues) => io.stderr(`${t(lang, key, values)}\n`);

  if (parsed.kind === 'error') {
    say(parsed.lang, parsed.error.key, parsed.error.values);
    say(parsed.lang, 'cli.usage.short');
    return EXIT_USAGE;
  }
  if (parsed.kind === 'help') {
    io.stdout(helpText(parsed.lang));
    return EXIT_OK;
  }
  const { lang } = parsed;
  if (parsed.kind === 'fn') {
    const call = io.callFunction ?? defaultCallFunction();
    // `--book file.xlsx` among a function's arguments: the workbook whose tables it reads (CLERK.QUOTEPRICE).
    const at = parsed.args.indexOf('--book');
    const args = at < 0 ? parsed.args : [...parsed.args.slice(0, at), ...parsed.args.slice(at + 2)];
    if (at >= 0) {
      const file = parsed.args[at + 1];
      if (!file) {
        say(lang, 'cli.error.missingValue', { flag: '--book' });
        return EXIT_USAGE;
      }
      try {
        const read = await (await XlsxHost.open(resolve(io.cwd ?? process.cwd(), file), file)).readWorkbook();
        setWorkbookTables(structureWorkbook(read.grids, { overrides: readState(read.grids).overrides }).tables);
      } catch (e) {
        if (e instanceof HostError) {
          say(lang, e.key, e.values);
          return EXIT_BAD_INPUT;
        }
        throw e;
      }
    }
    const r = call(parsed.name, args, lang);
    if ('error' in r) {
      io.stderr(`${r.error} ${r.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stdout(`${String(r.value)}\n`);
    return EXIT_OK;
  }

  const cwd = io.cwd ?? process.cwd();
  const book = resolve(cwd, parsed.book);
  const out = parsed.inPlace ? book : resolve(cwd, parsed.out ?? defaultOutPath(parsed.book));
  const jsonPath = parsed.json ? resolve(cwd, parsed.json) : undefined;
  const outputs: OutputRequest = {
    book,
    out,
    json: jsonPath,
    inPlace: parsed.inPlace,
    force: parsed.force,
    labels: { book: parsed.book, out: parsed.out ?? defaultOutPath(parsed.book), json: parsed.json },
    // Its state sheet alone says whether we wrote it; the whole workbook only when that cannot be read alone.
    readGrids: async (p) => (await readStateSheetOnly(p).catch(() => null)) ?? (await (await XlsxHost.open(p)).readWorkbook()).grids,
  };
  const refuse = (problem: PathProblem): number => {
    say(lang, problem.key, problem.values);
    if (problem.exit === EXIT_USAGE) say(lang, 'cli.usage.short');
    return problem.exit;
  };
  // Paths that contradict each other are a usage error before the workbook is even opened.
  const clash = await pathClash(outputs);
  if (clash) return refuse(clash);
  const asOf = parsed.asOf ?? (io.today ?? localToday)();
  const pdf = parsed.pdf ? resolve(cwd, parsed.pdf) : undefined;
  if (pdf && (pdf === book || pdf === out)) {
    say(lang, 'cli.error.sameAsInput');
    return EXIT_USAGE;
  }

  // Progress only for long runs: nothing in the first `every` ms, then at most one line per `every` ms per phase,
  // and the phase's last line only if it said something before.
  const every = io.progressEvery ?? 1000;
  const started = Date.now();
  const last: Record<string, number> = {};
  const progress: HostProgress = {
    onProgress: (phase, done, total) => {
      const now = Date.now();
      if (now - started < every) return;
      if (done >= total ? last[phase] === undefined : now - (last[phase] ?? 0) < every) return;
      last[phase] = now;
      say(lang, phase === 'read' ? 'cli.progress.read' : 'cli.progress.write', { done, total });
    },
  };

  try {
    // Only a slow open says so: a bad file gets its one sentence and nothing else.
    const slow = setTimeout(() => say(lang, 'cli.progress.open', { file: parsed.book }), every);
    const host = await XlsxHost.open(book, parsed.book).finally(() => clearTimeout(slow));
    // The output's name must say what the package is (an .xlsm saved as .xlsx will not open in Excel).
    if (!parsed.inPlace && extname(out).toLowerCase() !== `.${host.kind}`) {
      return refuse({ exit: EXIT_USAGE, key: 'cli.error.outKind', values: { file: parsed.book, kind: `.${host.kind}`, out: outputs.labels.out } });
    }
    // Every output must be writable before the run, and again just before the save (she may have opened it since).
    const before = await checkOutputs(outputs);
    if (before) return refuse(before);
    // Their statements as files of their own: read only (never written), each a clear sentence if unreadable.
    const statements: StatementFile[] = [];
    for (const file of parsed.statements) {
      const read = await (await XlsxHost.open(resolve(cwd, file), file)).readWorkbook();
      statements.push({ label: basename(file, extname(file)), grids: read.grids });
    }
    const jobsLabel = parsed.jobs.map((id) => t(lang, jobById(id)?.title ?? 'cli.title')).join(lang === 'zh-CN' ? '、' : ', ');
    const run = await runOnHost(
      {
        readWorkbook: async (p) => {
          const r = await host.readWorkbook(p);
          if (Date.now() - started >= every) say(lang, 'cli.progress.run', { jobs: jobsLabel });
          return r;
        },
        write: (plan, p) => host.write(plan, p),
        select: (cell) => host.select(cell),
      },
      { jobs: parsed.jobs, asOf, lang, options: parsed.options, statements },
      progress,
    );
    // Which reader served is part of the answer: the summary and --verbose say so.
    run.summary.reader = host.reader;
    if (parsed.verbose) say(lang, host.reader === 'fast' ? 'cli.verbose.readerFast' : 'cli.verbose.readerExcelJs', { why: host.readerNote });
    // Formulas Excel never calculated are read as blanks: one sentence per sheet, and in the summary.
    run.summary.formulasWithoutValues = host.uncachedFormulas.map((u) => ({ sheet: u.sheet, count: u.count }));
    for (const u of host.uncachedFormulas) say(lang, 'xlsx.warn.uncachedFormulas', { sheet: u.sheet, count: u.count });
    // The clerk's parts are normally copied byte for byte; only when the host had to rewrite the whole workbook
    // with ExcelJS can charts, pivot tables or macros be lost — then never over the clerk's own file.
    const parts = host.rewroteWholeWorkbook ? host.droppedParts.map((p) => t(lang, `xlsx.part.${p}` as MessageKey)).join(lang === 'zh-CN' ? '、' : ', ') : '';
    if (parts && parsed.inPlace) {
      say(lang, 'xlsx.error.wouldDrop', { file: parsed.book, parts });
      return EXIT_BAD_INPUT;
    }
    if (parts) say(lang, 'xlsx.warn.dropped', { file: parsed.book, parts });
    if (Date.now() - started >= every) say(lang, 'cli.progress.save', { file: out });
    const atSave = await checkOutputs(outputs);
    if (atSave) return refuse(atSave);
    // The workbook and the summary are staged side by side and renamed into place together.
    const files = [{ path: out, bytes: await host.toBuffer() }];
    if (jsonPath) files.push({ path: jsonPath, bytes: Buffer.from(`${JSON.stringify(run.summary, null, 2)}\n`, 'utf8') });
    await saveOutputs(files);
    if (jsonPath) say(lang, 'cli.result.json', { file: jsonPath });
    // Which period each job used (and an as-of beyond the data), then a chosen period with nothing in it.
    for (const line of periodLines(run.summary, translator(lang))) io.stderr(`${line}\n`);
    for (const f of run.findings) if (EMPTY_PERIOD.has(f.code)) say(lang, f.message.key, f.message.values);
    // The answer first: each job's own figures, one line per job, before the count of findings.
    for (const o of run.outcomes) {
      if (o.job === 'structure' && !parsed.jobs.includes('structure')) continue;
      const figures = figuresOf(o, run.summary, lang);
      if (!figures.length) continue;
      const title = t(lang, jobById(o.job)?.title ?? 'cli.title');
      say(lang, 'run.cli.answer', { job: title, figures: figures.map((f) => t(lang, 'run.cli.figure', { label: f.label, value: f.value })).join(t(lang, 'run.cli.figureSeparator')) });
    }
    let pdfFailed = false;
    if (pdf) {
      const keep = sheetsToSend(run.plan.layouts);
      const r = await writePdf(await host.toBuffer(), keep, pdf, io.soffice === undefined ? findSoffice() : io.soffice);
      if (r.ok) say(lang, 'documents.pdf.written', { file: pdf, sheets: r.sheets });
      else say(lang, r.reason === 'missing' ? 'documents.pdf.missing' : 'documents.pdf.failed', { file: out, detail: r.detail ?? '' });
      pdfFailed = !r.ok;
    }
    const errors = run.findings.filter((f) => f.severity === 'error').length;
    const warnings = run.findings.filter((f) => f.severity === 'warning').length;
    say(lang, 'cli.result.findings', { count: run.findings.length, errors, warnings });
    io.stdout(`${out}\n`);
    return pdfFailed ? EXIT_BAD_INPUT : EXIT_OK;
  } catch (e) {
    if (e instanceof HostError) {
      say(lang, e.key, e.values);
      return EXIT_BAD_INPUT;
    }
    // Never a raw JavaScript message for the clerk ("Cannot read properties of undefined"); the detail on request.
    say(lang, 'cli.error.internal');
    if (parsed.verbose) io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_BAD_INPUT;
  }
}

/** Create missing folders, write every file together; a failure removes the folders it made and is a HostError. */
async function saveOutputs(files: { path: string; bytes: Buffer }[]): Promise<void> {
  const made: string[] = [];
  try {
    for (const f of files) {
      const first = await fs.mkdir(dirname(f.path), { recursive: true });
      if (first) made.push(first);
    }
    await writeFilesTogether(files);
  } catch (e) {
    for (const d of made.reverse()) await fs.rm(d, { recursive: true, force: true }).catch(() => undefined);
    throw new HostError('xlsx.error.cannotWrite', { file: files[0].path }, (e as Error).message);
  }
}

/** The process entry: real stdout/stderr, exit code set when output is flushed. */
export async function runFromProcess(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const code = await main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
  process.exitCode = code;
}
