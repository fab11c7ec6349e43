/**
 * The command line, parsed without touching the file system or the clock: argv in, a request or a usage error out.
 *
 *   clerk-desk <job|all> <book.xlsx> [--out f] [--json f] [--as-of YYYY-MM-DD] [--lang zh-CN|en-US] [--in-place]
 *              [--statement their.xlsx]…
 *              [job options: --kebab-case value, booleans as bare flags]
 *   clerk-desk fn <NAME> [args…]
 *   clerk-desk --help
 */
import type { JobId, OptionSpec, OptionValues } from '../core/job-definition';
import { JOBS } from '../core/job-registry';
import { DEFAULT_LANG, LANGS, t, type Lang, type MessageKey, type MessageValues } from '../core/i18n';
import { optionProblem } from '../core/option-check';
import type { IsoDate } from '../core/values/brand';
import { isIsoDate, isIsoMonth } from '../core/values/dates';

export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

export type ParsedArgs =
  | { kind: 'help'; lang: Lang }
  | { kind: 'fn'; lang: Lang; name: string; args: string[] }
  | {
      kind: 'run';
      lang: Lang;
      /** The jobs to run ('structure' is implied by the pipeline). */
      jobs: JobId[];
      /** 'all' or the job id, as typed. */
      job: string;
      book: string;
      out?: string;
      json?: string;
      /** Print the letters and the analysis sheets to this PDF (LibreOffice). */
      pdf?: string;
      asOf?: IsoDate;
      inPlace: boolean;
      /** Replace an existing --out file that Clerk Desk did not write. */
      force: boolean;
      /** Say which reader read the workbook, and why. */
      verbose: boolean;
      options: OptionValues;
      /** `--statement their.xlsx`, repeatable: their statements as workbooks of their own. */
      statements: string[];
    }
  | { kind: 'error'; lang: Lang; error: Message };

/** `dateWindow` → `date-window`. */
export const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const COMMON_VALUE_FLAGS = ['out', 'json', 'as-of', 'lang', 'statement', 'company', 'pdf'] as const;
const COMMON_BARE_FLAGS = ['in-place', 'force', 'verbose', 'help'] as const;

/** Every job's options by flag name (an option name several jobs share appears once per job). */
function optionsByFlag(jobs: readonly { options: OptionSpec[] }[]): Map<string, OptionSpec[]> {
  const map = new Map<string, OptionSpec[]>();
  for (const job of jobs) for (const o of job.options) map.set(kebab(o.name), [...(map.get(kebab(o.name)) ?? []), o]);
  return map;
}

const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

interface Token {
  flag: string;
  value?: string;
  /** The argv text, for messages. */
  raw: string;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  // The language first, so that every other message can be in it.
  let lang: Lang = DEFAULT_LANG;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === 'fn') break; // the function's own arguments are not ours to read
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === undefined) continue;
    if (!isLang(v)) return { kind: 'error', lang, error: { key: 'cli.error.badLang', values: { value: v } } };
    lang = v;
  }
  const fail = (key: MessageKey, values?: MessageValues): ParsedArgs => ({ kind: 'error', lang, error: { key, values } });

  const all = optionsByFlag(JOBS);
  const takesValue = (flag: string): boolean =>
    (COMMON_VALUE_FLAGS as readonly string[]).includes(flag) || (all.get(flag) ?? []).some((o) => o.type !== 'boolean');

  const positionals: string[] = [];
  const tokens: Token[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positionals.push(a);
      // `fn NAME args…`: the arguments are the function's, verbatim (an amount may well start with '-').
      if (positionals.length === 1 && a === 'fn') {
        const rest = argv.slice(i + 1);
        const name = rest[0];
        if (!name) return fail('cli.error.noFunction');
        return { kind: 'fn', lang, name, args: rest.slice(1) };
      }
      continue;
    }
    if (a === '-h') {
      tokens.push({ flag: 'help', raw: a });
      continue;
    }
    if (!a.startsWith('--')) return fail('cli.error.unknownFlag', { flag: a });
    const eq = a.indexOf('=');
    const flag = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (eq >= 0) {
      tokens.push({ flag, value: a.slice(eq + 1), raw: a });
    } else if (takesValue(flag)) {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) return fail('cli.error.missingValue', { flag: `--${flag}` });
      tokens.push({ flag, value: v, raw: a });
      i++;
    } else {
      tokens.push({ flag, raw: a });
    }
  }

  if (tokens.some((t) => t.flag === 'help')) return { kind: 'help', lang };

  const [job, book, ...extra] = positionals;
  if (!job) return fail('cli.error.noJob');
  const selected = job === 'all' ? JOBS : JOBS.filter((j) => j.id === job);
  if (!selected.length) return fail('cli.error.unknownJob', { job, jobs: ['all', ...JOBS.map((j) => j.id)].join(', ') });
  const mine = optionsByFlag(selected);

  const out: { out?: string; json?: string; pdf?: string; asOf?: IsoDate; inPlace: boolean; force: boolean; verbose: boolean; options: OptionValues; statements: string[] } = { inPlace: false, force: false, verbose: false, options: {}, statements: [] };
  for (const tk of tokens) {
    const flag = `--${tk.flag}`;
    if ((COMMON_BARE_FLAGS as readonly string[]).includes(tk.flag)) {
      if (tk.value !== undefined) return fail('cli.error.noValueFlag', { flag });
      if (tk.flag === 'in-place') out.inPlace = true;
      else if (tk.flag === 'force') out.force = true;
      else if (tk.flag === 'verbose') out.verbose = true;
      continue;
    }
    if ((COMMON_VALUE_FLAGS as readonly string[]).includes(tk.flag)) {
      const v = tk.value ?? '';
      if (!v) return fail('cli.error.missingValue', { flag });
      if (tk.flag === 'out') out.out = v;
      else if (tk.flag === 'json') out.json = v;
      else if (tk.flag === 'statement') out.statements.push(v);
      else if (tk.flag === 'company') out.options.company = v;
      else if (tk.flag === 'pdf') out.pdf = v;
      else if (tk.flag === 'as-of') {
        if (!isIsoDate(v)) return fail('cli.error.badDate', { flag, value: v });
        out.asOf = v;
      }
      continue;
    }
    // Job options, including --no-<flag> for a boolean.
    const negated = tk.flag.startsWith('no-') && !mine.has(tk.flag) && (mine.get(tk.flag.slice(3)) ?? []).every((o) => o.type === 'boolean');
    const name = negated ? tk.flag.slice(3) : tk.flag;
    const specs = mine.get(name);
    if (!specs?.length) return fail('cli.error.unknownFlag', { flag: tk.raw.split('=')[0] });
    const spec = specs[0];
    if (spec.type === 'boolean') {
      if (negated && tk.value !== undefined) return fail('cli.error.noValueFlag', { flag });
      if (tk.value === undefined) out.options[spec.name] = !negated;
      else if (/^(true|yes|1)$/i.test(tk.value)) out.options[spec.name] = true;
      else if (/^(false|no|0)$/i.test(tk.value)) out.options[spec.name] = false;
      else return fail('cli.error.badChoice', { flag, choices: 'true, false', value: tk.value });
      continue;
    }
    const v = tk.value ?? '';
    switch (spec.type) {
      case 'date':
        if (!isIsoDate(v)) return fail('cli.error.badDate', { flag, value: v });
        out.options[spec.name] = v;
        break;
      case 'month':
        if (!isIsoMonth(v)) return fail('cli.error.badMonth', { flag, value: v });
        out.options[spec.name] = v;
        break;
      case 'number': {
        const n = v.trim() === '' ? Number.NaN : Number(v);
        if (!Number.isFinite(n)) return fail('cli.error.badNumber', { flag, value: v });
        out.options[spec.name] = n;
        break;
      }
      case 'enum': {
        // With `all`, jobs sharing an option name may offer different choices: a choice offered by one of them is accepted.
        const choices = [...new Set(specs.flatMap((s) => (s.choices ?? []).map((c) => c.value)))];
        if (!choices.includes(v)) return fail('cli.error.badChoice', { flag, choices: choices.join(', '), value: v });
        out.options[spec.name] = v;
        break;
      }
      default:
        if (!v) return fail('cli.error.missingValue', { flag });
        out.options[spec.name] = v;
    }
  }

  // The same check as the task pane's fields (core/option-check): a value that parses but means nothing is refused.
  for (const [name, value] of Object.entries(out.options)) {
    const spec = mine.get(kebab(name))?.find((o) => o.type !== 'enum');
    const problem = spec ? optionProblem(spec, value) : null;
    if (problem) return fail('options.cli.bad', { flag: `--${kebab(name)}`, value: String(value), problem: t(lang, problem.key, problem.values) });
  }
  if (!book) return fail('cli.error.noBook');
  if (extra.length) return fail('cli.error.extraArg', { arg: extra[0] });
  if (out.inPlace && out.out) return fail('cli.error.outInPlace');
  return { kind: 'run', lang, jobs: selected.map((j) => j.id), job, book, ...out };
}
