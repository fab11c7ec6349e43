import { CATALOGS, t, langFromLocale, type MessageKey } from '../../src/core/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const keys = Object.keys(CATALOGS['zh-CN']) as MessageKey[];

  test('zh-CN and en-US have the same keys, none empty', () => {
    expect(Object.keys(CATALOGS['en-US']).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(CATALOGS['zh-CN'][key].trim()).not.toBe('');
      expect(CATALOGS['en-US'][key].trim()).not.toBe('');
    }
  });

  test('every message has the same placeholders in both languages', () => {
    for (const key of keys) {
      expect([key, placeholders(CATALOGS['en-US'][key])]).toEqual([key, placeholders(CATALOGS['zh-CN'][key])]);
    }
  });

  test('t fills placeholders and leaves unknown ones visible', () => {
    expect(t('zh-CN', 'common.title')).toBe('内务 Clerk Desk');
    expect(t('en-US', 'common.title')).toBe('Clerk Desk');
    // Every placeholder filled, numbers as they are, in both languages.
    expect(t('zh-CN', 'quotes.line.counts', { checked: 120, ok: 117, findings: 3 })).toBe('共核对 120 行，无异常 117 行，发现 3 处问题。');
    expect(t('en-US', 'quotes.line.counts', { checked: 120, ok: 117, findings: 3 })).toBe('120 lines checked, 117 without findings, 3 findings.');
    // A value that is missing stays visible as {name}; a value nobody asked for is ignored.
    expect(t('zh-CN', 'quotes.line.counts', { checked: 120, extra: 'x' })).toBe('共核对 120 行，无异常 {ok} 行，发现 {findings} 处问题。');
    // Replacement text is taken literally: "$&" and braces in a customer's name do not expand.
    expect(t('en-US', 'quotes.summary.rule', { name: '价格 $& {code}', code: 'price-mismatch' })).toBe('价格 $& {code} (price-mismatch)');
  });

  test('language follows the Office display language, Chinese by default', () => {
    expect(langFromLocale('zh-CN')).toBe('zh-CN');
    expect(langFromLocale('zh-TW')).toBe('zh-CN');
    expect(langFromLocale('en-GB')).toBe('en-US');
    expect(langFromLocale('de-DE')).toBe('zh-CN');
    expect(langFromLocale(undefined)).toBe('zh-CN');
  });
});
