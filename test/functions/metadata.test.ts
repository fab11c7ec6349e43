/**
 * The custom functions' metadata as the build writes it, in both languages: functions.json (en-US, from the JSDoc)
 * and functions.zh-CN.json (named by the manifest's DefaultValue, zh-CN being its default locale). Builds the add-in
 * with webpack (about 30–40 s on this machine).
 */
import { readFileSync } from 'fs';
import path from 'path';
import { buildAddin, ROOT } from '../browser/harness';

interface Param { name: string; description: string; type?: string; optional?: boolean }
interface Fn { id: string; name: string; description: string; parameters: Param[]; result: { type?: string } }
const CJK = /[\u4e00-\u9fff]/;

describe('custom function metadata, en-US and zh-CN', () => {
  let en: Fn[] = [];
  let zh: Fn[] = [];

  beforeAll(async () => {
    const { dir } = await buildAddin();
    en = (JSON.parse(readFileSync(path.join(dir, 'functions.json'), 'utf8')) as { functions: Fn[] }).functions;
    zh = (JSON.parse(readFileSync(path.join(dir, 'functions.zh-CN.json'), 'utf8')) as { functions: Fn[] }).functions;
  }, 240_000);

  test('the same functions, parameters, types and formula names in both', () => {
    expect(en.map((f) => f.id)).toEqual(['RMBUPPER', 'AMOUNT', 'DATE', 'TAX', 'NET', 'COMPANYKEY', 'QUOTEPRICE']);
    expect(zh.map((f) => [f.id, f.name, f.result, f.parameters.map((p) => [p.type, p.optional ?? false])])).toEqual(
      en.map((f) => [f.id, f.name, f.result, f.parameters.map((p) => [p.type, p.optional ?? false])]),
    );
  });

  test('results are typed: text for the uppercase amount and the company key, numbers for the rest', () => {
    expect(Object.fromEntries(en.map((f) => [f.id, f.result.type]))).toEqual({
      RMBUPPER: 'string', AMOUNT: 'number', DATE: 'number', TAX: 'number', NET: 'number', COMPANYKEY: 'string', QUOTEPRICE: 'number',
    });
  });

  test('zh-CN describes every function and names every parameter in Chinese', () => {
    for (const f of zh) {
      expect([f.id, CJK.test(f.description)]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, CJK.test(p.name), CJK.test(p.description)]).toEqual([f.id, p.name, true, true]);
    }
    expect(zh.find((f) => f.id === 'TAX')?.parameters.map((p) => p.name)).toEqual(['含税金额', '税率']);
  });

  test('no raw line breaks in any description (the JSDoc wraps lines; Excel would show them)', () => {
    for (const f of [...en, ...zh]) {
      expect(f.description).not.toMatch(/\n/);
      for (const p of f.parameters) expect(p.description).not.toMatch(/\n/);
    }
    expect(en.find((f) => f.id === 'QUOTEPRICE')?.description).toContain('(its price break), and optionally on a date');
  });

  test('the manifest names the zh-CN metadata by default and the en-US one through its override', () => {
    const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const url = /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)" \/>/.exec(manifest);
    expect(url?.slice(1).map((u) => u.split('/').pop())).toEqual(['functions.zh-CN.json', 'functions.json']);
    expect(manifest).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
  });
});
