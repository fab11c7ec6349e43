/**
 * Excel's door onto the custom functions (namespace CLERK in manifest.xml). Each function is a thin facade over
 * calculations.ts: the JSDoc below is what custom-functions-metadata-plugin turns into functions.json, and an error from
 * calculations.ts comes back to the cell as an Excel error value with its message (a returned CustomFunctions.Error —
 * never a thrown exception). The webpack build appends one `CustomFunctions.associate(id, fn)` per @customfunction,
 * guarded by scripts/webpack-guard-custom-functions.cjs; `associateAll` below is the same, for hosts without the plugin.
 * Functions never write to the grid (design rule 8).
 */
import { DEFAULT_LANG, type Lang, langFromLocale } from '../core/i18n';
import * as calc from './calculations';
import { currentQuoteLookup } from './workbook';
import type { FnErrorCode, FnResult } from './calculations';

/** The part of the CustomFunctions runtime these functions use (declared here: @types/custom-functions-runtime is not installed). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => CustomFunctionError;
  ErrorCode: { invalidValue: string; invalidNumber: string; notAvailable: string };
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** What Excel shows as an error value in the cell. */
export interface CustomFunctionError {
  code: string;
  message?: string;
}

const runtime = (): CustomFunctionsRuntime | undefined =>
  (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;

/** The clerk's language: Office's display language where there is one, Chinese otherwise. */
function lang(): Lang {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return office?.context?.displayLanguage ? langFromLocale(office.context.displayLanguage) : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

const CODE_NAMES: Record<FnErrorCode, keyof CustomFunctionsRuntime['ErrorCode']> = {
  '#VALUE!': 'invalidValue',
  '#NUM!': 'invalidNumber',
  '#N/A': 'notAvailable',
};

/**
 * calc's result → the cell's value, or an Excel error. #VALUE! and #N/A carry the message (Excel shows it in the
 * error indicator); #NUM! cannot carry one. Outside Excel (no runtime) the error is a plain object with the same shape.
 */
export function toCell<T>(r: FnResult<T>): T | CustomFunctionError {
  if (!calc.isFnError(r)) return r.value;
  const cf = runtime();
  const withMessage = r.error !== '#NUM!';
  if (!cf) return { code: r.error, message: r.message };
  const code = cf.ErrorCode[CODE_NAMES[r.error]];
  return withMessage ? new cf.Error(code, r.message) : new cf.Error(code);
}


/**
 * Writes an amount in RMB uppercase (大写金额), rounded to the fen first: 1409.5 → 人民币壹仟肆佰零玖元伍角.
 * @customfunction RMBUPPER
 * @param amount Amount in yuan: a number, or text such as ¥1,234.50 or 1.2万.
 * @returns The amount in uppercase, as on a cheque or payment voucher.
 */
export function rmbUpperFn(amount: number | string): string | CustomFunctionError {
  return toCell(calc.RMBUPPER(amount, lang()));
}

/**
 * Reads an amount typed as text (¥1,234.50, 1234.5元, (1,234.00), 1.2万, full-width digits) as a number of yuan.
 * @customfunction AMOUNT
 * @param text The amount as typed.
 * @returns The amount in yuan, exact to the fen.
 */
export function amountFn(text: number | string): number | CustomFunctionError {
  return toCell(calc.AMOUNT(text, lang()));
}

/**
 * Reads a date typed as text (2024年3月5日, 2024.3.5, 2024/03/05, 20240305, ２０２４年３月５日) as an Excel date serial.
 * @customfunction DATE
 * @param text The date as typed; a number is taken as a date serial or as yyyymmdd.
 * @param [year] The year for dates written without one, such as 3月5日.
 * @returns The date serial (format the cell as a date to see it as one).
 */
export function dateFn(text: number | string, year?: number): number | CustomFunctionError {
  return toCell(calc.DATE(text, year, lang()));
}

/**
 * The tax in an amount with tax: amountWithTax − NET, to the fen.
 * @customfunction TAX
 * @param amountWithTax Amount including tax, in yuan.
 * @param rate Tax rate: 0.13, 13 or 13%.
 * @returns The tax, in yuan.
 */
export function taxFn(amountWithTax: number | string, rate: number | string): number | CustomFunctionError {
  return toCell(calc.TAX(amountWithTax, rate, lang()));
}

/**
 * The net part of an amount with tax: amountWithTax ÷ (1 + rate), rounded to the fen.
 * @customfunction NET
 * @param amountWithTax Amount including tax, in yuan.
 * @param rate Tax rate: 0.13, 13 or 13%.
 * @returns The amount without tax, in yuan.
 */
export function netFn(amountWithTax: number | string, rate: number | string): number | CustomFunctionError {
  return toCell(calc.NET(amountWithTax, rate, lang()));
}

/**
 * The matching key of a company name: 苏州华工精密模具有限公司 and 苏州华工精密模具（有限公司） give the same key.
 * @customfunction COMPANYKEY
 * @param name Company name.
 * @returns The key.
 */
export function companyKeyFn(name: string): string | CustomFunctionError {
  return toCell(calc.COMPANYKEY(name, lang()));
}

/**
 * The applicable unit price from this workbook's quotes: by customer, part and quantity (its price break), and
 * optionally on a date (the latest quote valid that day). It reads the tables of the last structure run.
 * @customfunction QUOTEPRICE
 * @param customer Customer, written any way the customers sheet knows it.
 * @param part Part code.
 * @param qty Quantity.
 * @param [date] The date the price must be valid on.
 * @returns The unit price in yuan, on the quote's own tax basis.
 */
export function quotePriceFn(customer: string, part: string | number, qty: number | string, date?: number | string): number | CustomFunctionError {
  return toCell(calc.QUOTEPRICE(customer, part, qty, date, currentQuoteLookup(), lang()));
}

/** id → function, as associated with Excel. */
export const CUSTOM_FUNCTIONS = {
  RMBUPPER: rmbUpperFn,
  AMOUNT: amountFn,
  DATE: dateFn,
  TAX: taxFn,
  NET: netFn,
  COMPANYKEY: companyKeyFn,
  QUOTEPRICE: quotePriceFn,
} as const;

/**
 * Associate every function with its id, when the CustomFunctions runtime is there. The webpack build already
 * appends these calls; this is for a bundle built without custom-functions-metadata-plugin (and for tests).
 * Returns how many were associated.
 */
export function associateAll(cf: CustomFunctionsRuntime | undefined = runtime()): number {
  if (!cf || typeof cf.associate !== 'function') return 0;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) cf.associate(id, fn as (...args: never[]) => unknown);
  return Object.keys(CUSTOM_FUNCTIONS).length;
}
