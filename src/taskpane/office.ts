/// <reference types="office-js" />
/**
 * Guarded access to the Office.js globals. office.js loads from Microsoft's CDN by a <script> tag; outside Office
 * (a plain browser, the playground, tests) it may be absent or fire onReady with host null. Nothing here throws.
 */
import { langFromLocale, type Lang } from '../core/i18n';

export const hasOffice = (): boolean => typeof Office !== 'undefined' && typeof Office.onReady === 'function';

/** Resolves with Office's host ("Excel") once office.js is ready, or null when there is no Office (after `ms`). */
export function officeReady(ms = 4000): Promise<string | null> {
  if (!hasOffice()) return Promise.resolve(null);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    try {
      void Office.onReady((info) => {
        clearTimeout(timer);
        resolve(info && info.host ? String(info.host) : null);
      });
    } catch {
      clearTimeout(timer);
      resolve(null);
    }
  });
}

/** zh-CN by default; en-US when Office's display language is English. */
export function officeLang(): Lang {
  try {
    return langFromLocale(hasOffice() ? Office.context?.displayLanguage : undefined);
  } catch {
    return langFromLocale(undefined);
  }
}

export const isExcel = (): boolean => typeof Excel !== 'undefined' && typeof Excel.run === 'function';

/** Open the task pane from a ribbon command (SharedRuntime 1.1); a no-op where it is not supported. */
export async function showPane(): Promise<void> {
  try {
    if (hasOffice() && Office.addin && typeof Office.addin.showAsTaskpane === 'function') await Office.addin.showAsTaskpane();
  } catch {
    // Older Excel without the shared runtime: the ribbon's "open" button still works.
  }
}
