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
  });

  test('language follows the Office display language, Chinese by default', () => {
    expect(langFromLocale('zh-CN')).toBe('zh-CN');
    expect(langFromLocale('zh-TW')).toBe('zh-CN');
    expect(langFromLocale('en-GB')).toBe('en-US');
    expect(langFromLocale('de-DE')).toBe('zh-CN');
    expect(langFromLocale(undefined)).toBe('zh-CN');
  });
});
