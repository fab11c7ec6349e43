/**
 * Every custom function by name, for the CLI (`clerk-desk fn RMBUPPER 1409.5`) and anything else that calls them
 * outside Excel. Excel itself reaches the same implementations through excel-bindings.ts.
 */
import { DEFAULT_LANG, type Lang, type MessageKey, t } from '../core/i18n';
import { type FnArg, type FnResult, AMOUNT, COMPANYKEY, DATE, NET, QUOTEPRICE, RMBUPPER, TAX } from './calculations';
import { currentQuoteLookup } from './workbook';

/** How a CLI string argument becomes what a worksheet would pass: text stays text; a plain number becomes a number. */
export type ParamKind = 'text' | 'numberOrText';

export interface ParamSpec {
  /** The parameter's name in excel-bindings.ts (and functions.json). */
  name: string;
  /** Its display name in the catalog. */
  label: MessageKey;
  kind: ParamKind;
  optional?: boolean;
}

export interface FunctionSpec {
  /** The id under the CLERK namespace: CLERK.RMBUPPER. */
  name: string;
  description: MessageKey;
  params: readonly ParamSpec[];
  run: (args: readonly FnArg[], lang: Lang) => FnResult<string | number>;
}

const amount: ParamSpec = { name: 'amount', label: 'functions.arg.amount', kind: 'numberOrText' };
const amountWithTax: ParamSpec = { name: 'amountWithTax', label: 'functions.arg.amountWithTax', kind: 'numberOrText' };
const rate: ParamSpec = { name: 'rate', label: 'functions.arg.rate', kind: 'numberOrText' };

export const FUNCTIONS: readonly FunctionSpec[] = [
  { name: 'RMBUPPER', description: 'functions.RMBUPPER.description', params: [amount], run: ([a], lang) => RMBUPPER(a, lang) },
  {
    name: 'AMOUNT',
    description: 'functions.AMOUNT.description',
    params: [{ name: 'text', label: 'functions.arg.text', kind: 'numberOrText' }],
    run: ([a], lang) => AMOUNT(a, lang),
  },
  {
    name: 'DATE',
    description: 'functions.DATE.description',
    params: [
      { name: 'text', label: 'functions.arg.text', kind: 'numberOrText' },
      { name: 'year', label: 'functions.arg.year', kind: 'numberOrText', optional: true },
    ],
    run: ([a, y], lang) => DATE(a, y, lang),
  },
  { name: 'TAX', description: 'functions.TAX.description', params: [amountWithTax, rate], run: ([a, r], lang) => TAX(a, r, lang) },
  { name: 'NET', description: 'functions.NET.description', params: [amountWithTax, rate], run: ([a, r], lang) => NET(a, r, lang) },
  {
    name: 'COMPANYKEY',
    description: 'functions.COMPANYKEY.description',
    params: [{ name: 'name', label: 'functions.arg.name', kind: 'text' }],
    run: ([a], lang) => COMPANYKEY(a, lang),
  },
  {
    name: 'QUOTEPRICE',
    description: 'functions.QUOTEPRICE.description',
    params: [
      { name: 'customer', label: 'functions.arg.customer', kind: 'text' },
      { name: 'part', label: 'functions.arg.part', kind: 'text' },
      { name: 'qty', label: 'functions.arg.qty', kind: 'numberOrText' },
      { name: 'date', label: 'functions.arg.date', kind: 'text', optional: true },
    ],
    run: ([c, p, q, d], lang) => QUOTEPRICE(c, p, q, d, currentQuoteLookup(), lang),
  },
];

/** Look a function up by name, case-insensitively, with or without the CLERK. prefix. */
export function findFunction(name: string): FunctionSpec | undefined {
  const id = name.normalize('NFKC').trim().toUpperCase().replace(/^CLERK\./, '');
  return FUNCTIONS.find((f) => f.name === id);
}

/** A CLI argument as a cell would hold it: a plain number (`1409.5`, `-3`, `45356`) becomes a number for numberOrText. */
export function coerceArg(raw: string, kind: ParamKind): FnArg {
  if (raw === '') return null;
  if (kind === 'numberOrText' && /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw.trim())) return Number(raw.trim());
  return raw;
}

export type CallResult = { value: string | number } | { error: string; message: string };

/**
 * Call a function by name with CLI string arguments. Unknown names give #NAME?; a wrong number of arguments gives
 * #VALUE!. Never throws.
 */
export function callFunction(name: string, args: readonly string[], lang: Lang = DEFAULT_LANG): CallResult {
  const fn = findFunction(name);
  if (!fn) {
    return { error: '#NAME?', message: t(lang, 'functions.error.unknown', { name, names: FUNCTIONS.map((f) => f.name).join(', ') }) };
  }
  const min = fn.params.filter((p) => !p.optional).length;
  const max = fn.params.length;
  if (args.length < min || args.length > max) {
    return {
      error: '#VALUE!',
      message: t(lang, 'functions.error.argCount', { name: fn.name, expected: min === max ? String(min) : `${min}–${max}`, count: args.length }),
    };
  }
  const coerced = args.map((a, i) => coerceArg(a, fn.params[i].kind));
  try {
    return fn.run(coerced, lang);
  } catch (e) {
    return { error: '#VALUE!', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Each function with its parameters and description, for `--help` and the task pane. */
export function listFunctions(lang: Lang = DEFAULT_LANG): { name: string; signature: string; description: string }[] {
  return FUNCTIONS.map((f) => ({
    name: f.name,
    signature: `CLERK.${f.name}(${f.params.map((p) => (p.optional ? `[${t(lang, p.label)}]` : t(lang, p.label))).join(', ')})`,
    description: t(lang, f.description),
  }));
}
