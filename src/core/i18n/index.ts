/**
 * Every user-facing string goes through `t` (design rule 7). Each area keeps its own catalog file so that
 * work on one job never edits another's strings.
 */
import * as common from './catalog/common';
import * as cli from './catalog/cli';
import * as structure from './catalog/structure';
import * as quotes from './catalog/quotes';
import * as reconcile from './catalog/reconcile';
import * as receivables from './catalog/receivables';
import * as sales from './catalog/sales';
import * as ledgers from './catalog/ledgers';
import * as excel from './catalog/excel';
import * as functions from './catalog/functions';
import * as period from './catalog/period';
import * as run from './catalog/run';
import * as pane from './catalog/pane';
import * as options from './catalog/options';
import * as documents from './catalog/documents';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANG: Lang = 'zh-CN';

const ZH = {
  ...common.zh,
  ...cli.zh,
  ...structure.zh,
  ...quotes.zh,
  ...reconcile.zh,
  ...receivables.zh,
  ...sales.zh,
  ...ledgers.zh,
  ...excel.zh,
  ...functions.zh,
  ...period.zh,
  ...run.zh,
  ...pane.zh,
  ...options.zh,
  ...documents.zh,
};

export type MessageKey = keyof typeof ZH;

const EN: Record<MessageKey, string> = {
  ...common.en,
  ...cli.en,
  ...structure.en,
  ...quotes.en,
  ...reconcile.en,
  ...receivables.en,
  ...sales.en,
  ...ledgers.en,
  ...excel.en,
  ...functions.en,
  ...period.en,
  ...run.en,
  ...pane.en,
  ...options.en,
  ...documents.en,
};

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': ZH, 'en-US': EN };

export type MessageValues = Record<string, string | number>;

/** Look up a message and fill its {placeholders}. An unknown placeholder is left visible, never dropped. */
export function t(lang: Lang, key: MessageKey, values?: MessageValues): string {
  const template = CATALOGS[lang][key] ?? CATALOGS[DEFAULT_LANG][key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(ZH, key);

/** Pick zh-CN or en-US from a locale tag such as Office's displayLanguage ("zh-CN", "en-GB", "zh-TW"). */
export function langFromLocale(locale: string | undefined | null): Lang {
  if (!locale) return DEFAULT_LANG;
  return /^zh\b/i.test(locale) ? 'zh-CN' : /^en\b/i.test(locale) ? 'en-US' : DEFAULT_LANG;
}

/** A translator bound to one language: `const tr = translator('en-US'); tr('common.title')`. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;
export const translator = (lang: Lang): Translate => (key, values) => t(lang, key, values);
