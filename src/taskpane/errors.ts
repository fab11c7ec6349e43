import { HostError } from '../core/host';
import { t, type Lang } from '../core/i18n';

export const isCancel = (err: unknown): boolean => err instanceof Error && (err.name === 'AbortError' || err.message === 'cancelled');

/** An error as one sentence in the clerk's language: a HostError's catalog key, else a generic line with the detail. */
export function errorText(lang: Lang, err: unknown): string {
  if (err instanceof HostError) return withPrevious(lang, err, t(lang, err.key, err.values));
  if (err && typeof err === 'object' && 'key' in err && typeof (err as { key: unknown }).key === 'string') {
    const e = err as { key: string; values?: Record<string, string | number> };
    const text = t(lang, e.key as Parameters<typeof t>[1], e.values);
    if (text !== e.key) return text;
  }
  const detail = err instanceof Error ? err.message : String(err);
  return t(lang, 'excel.pane.error.unexpected', { detail });
}

/** A failed write also says what became of the previous results (issue 21). */
function withPrevious(lang: Lang, err: HostError, text: string): string {
  if (!err.previousResults) return text;
  return `${text}${lang === 'zh-CN' ? '' : ' '}${t(lang, err.previousResults === 'kept' ? 'excel.run.previousKept' : 'excel.run.previousPending')}`;
}

/** A failed run the clerk can simply try again (the workbook holds one whole result). */
export const canRetry = (err: unknown): boolean => err instanceof HostError && !!err.previousResults;
