import type { Translate } from '../i18n';
import type { SheetSpec } from '../sheet-spec';

/**
 * Every visible generated sheet prints with page numbers in the clerk's language and, when we know it, our
 * company's name at the top of each page. A builder's own page settings (a letter's) win.
 */
export function forPrint(sheets: readonly SheetSpec[], t: Translate, company?: string): SheetSpec[] {
  const footer = t('documents.page.footer');
  return sheets.map((s) => (s.hidden ? s : { ...s, page: { footer, ...(company ? { company } : {}), ...s.page } }));
}
