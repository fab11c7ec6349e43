/**
 * `clerk-desk fn NAME args…` calls a custom function through src/functions/registry (callFunction), the one place
 * the CLI reaches the functions area.
 */
import type { Lang } from '../core/i18n';
import { callFunction, listFunctions } from '../functions/registry';

export type FunctionResult = { value: unknown } | { error: string; message: string };
export type CallFunction = (name: string, args: string[], lang: Lang) => FunctionResult;

export function defaultCallFunction(): CallFunction {
  return (name, args, lang) => callFunction(name, args, lang);
}

export { listFunctions };
