/**
 * The custom functions as pure code over core: plain arguments in, `{ value }` or `{ error, message }` out.
 * Nothing here throws, touches Office.js or the grid; `excel-bindings.ts` (Excel) and `registry.ts` (the CLI) are
 * thin doors onto these. Money is exact: amounts become integer fen once, at the edge, and results go back as yuan.
 */
import type { GridValue } from '../core/grid';
import { DEFAULT_LANG, type Lang, type MessageKey, t } from '../core/i18n';
import { type Fen, type IsoDate, type ParseFailure, type Rate, asFen } from '../core/values/brand';
import { companyKey } from '../core/values/company';
import { isoToSerial } from '../core/values/dates';
import { fenToYuan } from '../core/values/money';
import { decimalFromNumber } from '../core/values/number-parse';
import { displayValue, parseDate, parseMoney, parseQuantity, parseRate, parseText } from '../core/values/parse';
import { quotePriceReasonKey, type QuotePriceLookup } from '../core/quotes/quote-price';
import { rmbUpper } from '../core/values/rmb-upper';

/** The Excel errors a function can give. Only #VALUE! and #N/A show their message in Excel; #NUM! shows none. */
export type FnErrorCode = '#VALUE!' | '#NUM!' | '#N/A';
export type FnError = { error: FnErrorCode; message: string };
export type FnResult<T> = { value: T } | FnError;

/** What a worksheet cell (or a CLI argument after coercion) can hand to a function. */
export type FnArg = number | string | boolean | null | undefined;

type ArgKey = Extract<MessageKey, `functions.arg.${string}`>;

export const isFnError = <T>(r: FnResult<T>): r is FnError => 'error' in r;

function fail(code: FnErrorCode, lang: Lang, key: MessageKey, arg: ArgKey, raw: FnArg): FnError {
  return {
    error: code,
    message: t(lang, key, { arg: t(lang, arg), value: displayValue(toGrid(raw), null) }),
  };
}

const toGrid = (a: FnArg): GridValue => (a === undefined ? null : a);

/** A parse failure → the Excel error and message a clerk understands. */
function failure(reason: ParseFailure, lang: Lang, arg: ArgKey, raw: FnArg, notKey: MessageKey): FnError {
  switch (reason) {
    case 'empty':
      return fail('#N/A', lang, 'functions.error.empty', arg, raw);
    case 'formula-error':
      return fail('#VALUE!', lang, 'functions.error.formulaError', arg, raw);
    case 'out-of-range':
      return fail('#NUM!', lang, 'functions.error.moneyRange', arg, raw);
    case 'ambiguous-date':
      return fail('#VALUE!', lang, 'functions.error.ambiguousDate', arg, raw);
    default:
      return fail('#VALUE!', lang, notKey, arg, raw);
  }
}

/** An amount argument → fen: a number is yuan; text is read like a clerk's cell (¥1,234.50, 1.2万, 大写…). */
function amountArg(raw: FnArg, lang: Lang, arg: ArgKey): FnResult<Fen> {
  const r = parseMoney(toGrid(raw));
  return r.ok ? { value: r.value } : failure(r.reason, lang, arg, raw, 'functions.error.notMoney');
}

function rateArg(raw: FnArg, lang: Lang): FnResult<Rate> {
  const r = parseRate(toGrid(raw));
  return r.ok ? { value: r.value } : failure(r.reason, lang, 'functions.arg.rate', raw, 'functions.error.notRate');
}

/** CLERK.RMBUPPER(amount): 大写金额, rounded to the fen first. */
export function RMBUPPER(amount: FnArg, lang: Lang = DEFAULT_LANG): FnResult<string> {
  const fen = amountArg(amount, lang, 'functions.arg.amount');
  return isFnError(fen) ? fen : { value: rmbUpper(fen.value) };
}

/** CLERK.AMOUNT(text): an amount typed as text → yuan (a number, exact to the fen). */
export function AMOUNT(text: FnArg, lang: Lang = DEFAULT_LANG): FnResult<number> {
  const fen = amountArg(text, lang, 'functions.arg.amount');
  return isFnError(fen) ? fen : { value: fenToYuan(fen.value) };
}

/**
 * CLERK.DATE(text, [year]): a date typed as text → an Excel date serial (1900 date system). A number is taken as a
 * serial already or as yyyymmdd (20240305). `year` supplies the year for 3月5日.
 */
export function DATE(text: FnArg, year?: FnArg, lang: Lang = DEFAULT_LANG): FnResult<number> {
  let defaultYear: number | undefined;
  if (year !== undefined && year !== null && year !== '') {
    const y = typeof year === 'number' ? year : Number(String(year).normalize('NFKC').trim().replace(/年$/, ''));
    if (!Number.isInteger(y) || y < 1900 || y > 9999) return fail('#VALUE!', lang, 'functions.error.notYear', 'functions.arg.year', year);
    defaultYear = y;
  }
  const r = parseDate(toGrid(text), null, { date1904: false, defaultYear });
  return r.ok ? { value: isoToSerial(r.value) } : failure(r.reason, lang, 'functions.arg.text', text, 'functions.error.notDate');
}

/** The net part of `fen` at `rate`: fen / (1 + rate), rounded half away from zero, computed exactly. */
export function netOf(fen: Fen, rate: Rate): Fen {
  const d = decimalFromNumber(rate);
  // rate = digits / 10^scale exactly (its shortest decimal form); scale < 0 only for whole rates such as 1 (100%).
  const scale = Math.max(d.scale, 0);
  const digits = d.scale < 0 ? d.digits * 10n ** BigInt(-d.scale) : d.digits;
  const ten = 10n ** BigInt(scale);
  const num = BigInt(Math.abs(fen)) * ten;
  const den = ten + digits;
  const q = num / den;
  const mag = (num % den) * 2n >= den ? q + 1n : q;
  const n = Number(mag);
  return asFen(fen < 0 && n !== 0 ? -n : n);
}

function split(amountWithTax: FnArg, rate: FnArg, lang: Lang): FnResult<{ net: Fen; tax: Fen }> {
  const a = amountArg(amountWithTax, lang, 'functions.arg.amountWithTax');
  if (isFnError(a)) return a;
  const r = rateArg(rate, lang);
  if (isFnError(r)) return r;
  const net = netOf(a.value, r.value);
  return { value: { net, tax: asFen(a.value - net) } };
}

/** CLERK.NET(amountWithTax, rate): amountWithTax / (1 + rate), to the fen. Rate as 0.13, 13 or "13%". */
export function NET(amountWithTax: FnArg, rate: FnArg, lang: Lang = DEFAULT_LANG): FnResult<number> {
  const s = split(amountWithTax, rate, lang);
  return isFnError(s) ? s : { value: fenToYuan(s.value.net) };
}

/** CLERK.TAX(amountWithTax, rate): the tax part, amountWithTax − NET, so NET + TAX is always the amount. */
export function TAX(amountWithTax: FnArg, rate: FnArg, lang: Lang = DEFAULT_LANG): FnResult<number> {
  const s = split(amountWithTax, rate, lang);
  return isFnError(s) ? s : { value: fenToYuan(s.value.tax) };
}

/** CLERK.COMPANYKEY(name): the key two spellings of one company share. */
export function COMPANYKEY(name: FnArg, lang: Lang = DEFAULT_LANG): FnResult<string> {
  const r = parseText(toGrid(name));
  if (!r.ok) return failure(r.reason, lang, 'functions.arg.name', name, 'functions.error.notText');
  return { value: companyKey(r.value) };
}

/**
 * CLERK.QUOTEPRICE(customer, part, qty, [date]): the unit price the workbook's quotes give, in yuan (a quote may
 * state fractions of a fen, which are kept). `lookup` is null until the workbook's tables have been read.
 */
export function QUOTEPRICE(customer: FnArg, part: FnArg, qty: FnArg, date: FnArg, lookup: QuotePriceLookup | null, lang: Lang = DEFAULT_LANG): FnResult<number> {
  if (!lookup) return { error: '#N/A', message: t(lang, 'functions.error.noWorkbook') };
  const c = parseText(toGrid(customer));
  if (!c.ok) return failure(c.reason, lang, 'functions.arg.customer', customer, 'functions.error.notText');
  const p = parseText(toGrid(part));
  if (!p.ok) return failure(p.reason, lang, 'functions.arg.part', part, 'functions.error.notText');
  const q = parseQuantity(toGrid(qty));
  if (!q.ok) return failure(q.reason, lang, 'functions.arg.qty', qty, 'functions.error.notQty');
  let day: IsoDate | undefined;
  if (date !== null && date !== undefined && date !== '') {
    // A worksheet passes a date cell as its serial; text is read like a clerk's cell.
    const d = parseDate(toGrid(date), typeof date === 'number' ? 'yyyy-mm-dd' : null, { date1904: false });
    if (!d.ok) return failure(d.reason, lang, 'functions.arg.date', date, 'functions.error.notDate');
    day = d.value;
  }
  const r = lookup(c.value, p.value, q.value, day);
  if (!r.ok) {
    return { error: '#N/A', message: t(lang, 'functions.error.noQuotePrice', { reason: t(lang, quotePriceReasonKey(r.reason)), customer: c.value, part: p.value }) };
  }
  return { value: r.price / 100 };
}
