import { createContext, useContext } from 'react';
import { isMessageKey, t, type Lang, type MessageKey, type MessageValues } from '../core/i18n';
import { SCHEMAS } from '../core/tables/schemas';
import type { TableKind } from '../core/tables/kinds';

export interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const LangContext = createContext<LangContextValue>({ lang: 'zh-CN', setLang: () => undefined });

export type PaneT = (key: MessageKey, values?: MessageValues) => string;

/** The pane's translator: every word on screen goes through the catalogs. */
export function useT(): { lang: Lang; tr: PaneT; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useContext(LangContext);
  return { lang, setLang, tr: (key, values) => t(lang, key, values) };
}

/** A key that may or may not exist yet (another area's catalog); falls back to our own. */
export function maybeKey(lang: Lang, key: string, fallback: MessageKey, values?: MessageValues): string {
  return isMessageKey(key) ? t(lang, key, values) : t(lang, fallback, values);
}

export const kindLabel = (lang: Lang, kind: TableKind | 'ignore' | null): string =>
  kind === null
    ? t(lang, 'excel.pane.kind.none')
    : kind === 'ignore'
      ? t(lang, 'excel.pane.kind.ignore')
      : maybeKey(lang, `structure.kind.${kind}`, `excel.pane.kind.${kind}` as MessageKey);

const humanize = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A field's name for the mapping editor: a catalog entry where structure has one, else the schema's own header words. */
export function fieldLabel(lang: Lang, kind: TableKind, field: string): string {
  const key = `structure.field.${field}`;
  if (isMessageKey(key)) return t(lang, key);
  const schema = SCHEMAS[kind]?.fields.find((f) => f.field === field);
  if (lang === 'zh-CN') {
    const zh = schema?.headers.find((h) => /[\u4e00-\u9fff]/.test(h));
    if (zh) return zh;
  }
  return humanize(field);
}
