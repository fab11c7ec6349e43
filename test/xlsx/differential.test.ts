/**
 * Differential test of the fast reader against a full XML parser (saxes, through reference-reader.ts) on randomly
 * mutated copies of real sheets: the mutations change how the XML is written, never what it says (prefixes,
 * quote styles, character references, CDATA, comments, processing instructions, attributes on <v>, whitespace in
 * tags) — or break it (truncation). The fast reader must give the same cells, or refuse clearly; never fewer cells.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { HostError } from '../../src/core/host';
import type { Grid } from '../../src/core/grid';
import { fastReadWorkbook } from '../../src/xlsx/fast-read';
import { asHostError } from '../../src/xlsx/host';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';
import { referenceCells } from './reference-reader';

const root = join(__dirname, '..', '..');
const REAL = join(root, '..', 'shared', 'real-books', 'books');
// The real workbooks (kept small enough to mutate many times) and the sample.
const BOOKS = [
  join(root, 'assets', 'sample', 'clerk-sample.xlsx'),
  ...readdirSync(REAL)
    .filter((f) => f.endsWith('.xlsx'))
    .map((f) => join(REAL, f)),
].filter((p) => readFileSync(p).length < 1_000_000);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A tiny deterministic PRNG so one fast-check seed gives one mutation. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

type Mutation = (xml: string, rnd: () => number) => string;

/** Text between tags, each piece mutated by `f` (never inside a tag, comment or CDATA). */
const eachText = (xml: string, f: (text: string, rnd: () => number) => string, rnd: () => number): string =>
  xml.replace(/>([^<]+)</g, (_m, text: string) => `>${f(text, rnd)}<`);

const MUTATIONS: Record<string, Mutation> = {
  // Every main-namespace element written with a prefix (x:row, x:c, x:v …), the default namespace undeclared.
  prefixed: (xml) => {
    if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
    return xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2');
  },
  singleQuotes: (xml, rnd) => xml.replace(/(\s[\w:.-]+)="([^"'<]*)"/g, (m, a: string, v: string) => (rnd() < 0.7 ? `${a}='${v}'` : m)),
  charRefs: (xml, rnd) =>
    eachText(xml, (text) =>
      // Existing references stay whole; other characters become decimal or hex references now and then.
      text.replace(/&[^;]*;|\S/gu, (tok) => {
        if (tok.length > 1 && tok.startsWith('&')) return tok;
        const r = rnd();
        if (r < 0.2) return `&#${tok.codePointAt(0)};`;
        if (r < 0.4) return `&#x${tok.codePointAt(0)!.toString(16)};`;
        return tok;
      }), rnd),
  entities: (xml, rnd) =>
    eachText(xml, (text) => text.replace(/&[^;]*;|[0-9]/g, (tok) => (tok === '&amp;' ? '&#38;' : tok.length === 1 && rnd() < 0.2 ? `&#${tok.charCodeAt(0)};` : tok)), rnd),
  cdata: (xml, rnd) =>
    xml.replace(/<((?:\w+:)?[vt])(\s[^>]*)?>([^<]*)<\/\1>/g, (m, tag: string, a: string | undefined, text: string) => {
      if (rnd() > 0.5 || text.includes(']]>')) return m;
      const plain = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_x, d: string) => String.fromCodePoint(+d)).replace(/&amp;/g, '&');
      return `<${tag}${a ?? ''}><![CDATA[${plain}]]></${tag}>`;
    }),
  commentsAndPIs: (xml, rnd) => xml.replace(/>(?=<[^?!])/g, (m) => (rnd() < 0.1 ? `><!-- 注释 -- ok? --><?clerk-desk test?>` : m)).replace(/<!-- 注释 -- ok\? -->/g, '<!-- 注释 - ok? -->'),
  attributesOnV: (xml, rnd) => xml.replace(/<((?:\w+:)?v)>/g, (m, tag: string) => (rnd() < 0.5 ? `<${tag} xml:space="preserve">` : m)),
  spacesInTags: (xml, rnd) => xml.replace(/(<(?:\w+:)?(?:c|row)\b[^>]*?)(\/?)>/g, (m, head: string, slash: string) => (rnd() < 0.5 ? `${head} \n\t${slash}>` : m)),
};

/** A copy of the workbook with `mutate` applied to every worksheet part and the shared strings. */
function mutated(buf: Buffer, mutate: (xml: string, part: string) => string): Buffer {
  const z = ZipReader.open(buf);
  const w = new ZipWriter();
  for (const e of z.entries.values()) {
    if (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/.test(e.name)) w.add(e.name, mutate(z.text(e.name)!, e.name));
    else w.copy(z, e);
  }
  return w.finish();
}

/** The fast reader's cells as "Sheet!R1C1" → value, or the refusal's key. */
function fastCells(buf: Buffer): Map<string, unknown> | string {
  let read;
  try {
    read = asHostError('book.xlsx', () => fastReadWorkbook(buf));
  } catch (e) {
    if (e instanceof HostError) return e.key;
    throw e;
  }
  // The fast reader must read these files itself: declining (null) would hide its gaps behind ExcelJS.
  expect(read).not.toBeNull();
  const cells = new Map<string, unknown>();
  for (const g of read!.grids as Grid[]) g.values.forEach((row, r) => row?.forEach((v, c) => v !== null && v !== undefined && cells.set(`${g.name}!R${r + 1}C${c + 1}`, v)));
  return cells;
}

const sorted = (m: Map<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

describe.each(BOOKS.map((b) => [b.split('/').pop()!, b]))('%s', (_name, path) => {
  const original = readFileSync(path);

  test('unmutated: the fast reader reads every cell the reference reads', () => {
    const ref = referenceCells(original);
    expect(ref.size).toBeGreaterThan(0);
    // The mutations have something to act on (a sheet in the default namespace, attributes, text).
    const sheet = ZipReader.open(original).text('xl/worksheets/sheet1.xml') ?? '';
    for (const m of ['prefixed', 'singleQuotes', 'charRefs'] as const) expect(MUTATIONS[m](sheet, prng(7)) === sheet ? `${m} changed nothing` : m).toBe(m);
    expect(sorted(fastCells(original) as Map<string, unknown>)).toEqual(sorted(ref));
  });

  test('mutated as XML allows: the same cells', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(MUTATIONS), { minLength: 1 }), fc.integer({ min: 1, max: 2 ** 30 }), (names, seed) => {
        const rnd = prng(seed);
        const buf = mutated(original, (xml) => names.reduce((x, n) => MUTATIONS[n](x, rnd), xml));
        let ref: Map<string, unknown>;
        try {
          ref = referenceCells(buf);
        } catch {
          // Should a mutation ever make the XML ill-formed, the fast reader must refuse it too.
          expect(fastCells(buf)).toBe('xlsx.error.damagedPart');
          return;
        }
        expect(sorted(fastCells(buf) as Map<string, unknown>)).toEqual(sorted(ref));
      }),
      { numRuns: 5 },
    );
  });

  test('cut short: refused as damaged, never fewer cells', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), (at) => {
        const buf = mutated(original, (xml, part) => (part.startsWith('xl/worksheets/') ? xml.slice(0, Math.floor(xml.length * at)) : xml));
        expect(() => referenceCells(buf)).toThrow();
        expect(fastCells(buf)).toBe('xlsx.error.damagedPart');
      }),
      { numRuns: 5 },
    );
  });
});
