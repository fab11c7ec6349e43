import { TABLE_KINDS, type TableKind } from '../tables/kinds';
import { SCHEMAS } from '../tables/schemas';
import { normalizeHeader } from '../values/text';
import { OTHER_KINDS, type OtherKind } from './other-kinds';

/**
 * The header vocabulary of every schema, compiled once, and the matcher that scores one header text against it.
 *
 * A header text matches a field's word
 *  - exactly (after normalisation): score 1 (0.9 for a weak word), or
 *  - by containing it ('送货单号码' contains '送货单号'): a lower score that grows with the share of the text the
 *    word explains, so the more specific word wins ('不含税单价' beats '单价' and '含税单价' inside '不含税单价元件').
 * Short Latin words ('no', 'id', 'qty') only match exactly: inside other words they mean nothing.
 */

export interface FieldHit {
  kind: TableKind;
  /** Index into SCHEMAS[kind].fields. */
  field: number;
  score: number;
  /** Length of the matched word: among equal scores the longer (more specific) word wins. */
  spec: number;
  exact: boolean;
}

interface Entry {
  kind: TableKind;
  field: number;
  weak: boolean;
}

interface Vocabulary {
  exact: Map<string, Entry[]>;
  /** Words that may match inside a longer header text, longest first. */
  contained: { word: string; entries: Entry[] }[];
  /** Normalised title words per kind. */
  titleWords: Map<TableKind, string[]>;
}

let vocabulary: Vocabulary | null = null;

const CJK = /[\u3400-\u9fff]/;
const canContain = (w: string): boolean => w.length >= 2 && (CJK.test(w) ? true : w.length >= 5);

/** Bracketed units that normalizeHeader keeps because they are compound: (元/件), (元/kg), (pcs/箱), (万元). */
const COMPOUND_UNIT = /[(（[【]\s*(?:[元万¥￥]|rmb|cny|kg|pcs|pc|件|个|套|只|吨|公斤|千克|箱|米|台|张|天|日)(?:\s*[/／]\s*(?:[元万¥￥]|rmb|cny|kg|pcs|pc|件|个|套|只|吨|公斤|千克|箱|米|台|张|天|日|元|次))*\s*[)）\]】]/giu;
/** A unit left at the end without brackets: 税率%, 金额元, 单价/元. */
const TRAILING_UNIT = /(?:%|元|￥|¥|rmb|\/元|\/件)$/u;

/** The key a header text is matched by: normalizeHeader after dropping compound bracketed units. */
export function headerKey(raw: string): string {
  return normalizeHeader(raw.replace(COMPOUND_UNIT, ''));
}

function build(): Vocabulary {
  const exact = new Map<string, Entry[]>();
  const containedMap = new Map<string, Entry[]>();
  const titleWords = new Map<TableKind, string[]>();
  const add = (map: Map<string, Entry[]>, word: string, entry: Entry) => {
    const list = map.get(word);
    if (!list) map.set(word, [entry]);
    else if (!list.some((e) => e.kind === entry.kind && e.field === entry.field)) list.push(entry);
  };
  for (const kind of TABLE_KINDS) {
    const schema = SCHEMAS[kind];
    schema.fields.forEach((f, field) => {
      const words: [string, boolean][] = [...f.headers.map((w): [string, boolean] => [w, false]), ...(f.weakHeaders ?? []).map((w): [string, boolean] => [w, true])];
      for (const [w, weak] of words) {
        const key = headerKey(w);
        if (!key) continue;
        add(exact, key, { kind, field, weak });
        if (canContain(key)) add(containedMap, key, { kind, field, weak });
      }
    });
    titleWords.set(kind, [...new Set(schema.titleWords.map(headerKey).filter((w) => w.length > 0))]);
  }
  const contained = [...containedMap.entries()].map(([word, entries]) => ({ word, entries })).sort((a, b) => b.word.length - a.word.length);
  return { exact, contained, titleWords };
}

export function getVocabulary(): Vocabulary {
  if (!vocabulary) vocabulary = build();
  return vocabulary;
}

const hitCache = new Map<string, FieldHit[]>();

/** Every field (of every kind) a header key may name, best hit per (kind, field). */
export function matchHeaderKey(key: string): FieldHit[] {
  const cached = hitCache.get(key);
  if (cached) return cached;
  const hits = computeHits(key);
  if (hitCache.size > 20_000) hitCache.clear();
  hitCache.set(key, hits);
  return hits;
}

function computeHits(key: string): FieldHit[] {
  if (!key) return [];
  const voc = getVocabulary();
  const best = new Map<string, FieldHit>();
  const offer = (e: Entry, score: number, spec: number, exact: boolean) => {
    const s = e.weak ? score * 0.9 : score;
    const id = `${e.kind}\u0000${e.field}`;
    const prev = best.get(id);
    if (!prev || s > prev.score || (s === prev.score && spec > prev.spec)) best.set(id, { kind: e.kind, field: e.field, score: s, spec, exact });
  };
  const exactFor = (k: string, score: number) => {
    const list = voc.exact.get(k);
    if (list) for (const e of list) offer(e, score, k.length, true);
  };
  exactFor(key, 1);
  const trimmed = key.replace(TRAILING_UNIT, '');
  if (trimmed !== key && trimmed) exactFor(trimmed, 0.97);
  for (const { word, entries } of voc.contained) {
    if (word.length >= key.length) continue;
    if (!key.includes(word)) continue;
    const score = 0.5 + 0.35 * (word.length / key.length);
    for (const e of entries) offer(e, score, word.length, false);
  }
  return [...best.values()];
}

/** The best score any field of any kind gives this key (0 when none): how header-like a cell is. */
export function headerLikeness(key: string): number {
  let max = 0;
  for (const h of matchHeaderKey(key)) if (h.score > max) max = h.score;
  return max;
}

/** What the sheet name and title block say the sheet is. */
export interface TitleVerdict {
  /** How strongly the title points at each of our kinds, 0..1. */
  hits: Map<TableKind, number>;
  /**
   * The kind the most specific head noun names (发货通知单 over the 订单 of '10月09日订单'), when one kind alone
   * has it: one of ours settles the kind, another (采购表, 工资表) means the sheet is none of ours.
   */
  settled: { kind: TableKind; other?: undefined; word: string } | { kind?: undefined; other: OtherKind; word: string } | null;
}

/** Words that name a document, not a party or a topic: 报价单, 对账单, 出货明细表, 发货通知单. */
const DOCUMENT_NAME = /[单表]$/u;
/** What may follow a document's name in a title: a period, a number, punctuation. */
const TRAILING_NON_WORD = /[\d年月日号份期\p{P}\p{S}]+$/u;

let otherWords: Map<OtherKind, string[]> | null = null;
const otherTitleWords = (): Map<OtherKind, string[]> =>
  (otherWords ??= new Map(OTHER_KINDS.map((o) => [o.kind, [...new Set(o.titleWords.map(headerKey).filter((w) => w.length > 0))]])));

/**
 * How strongly a title points at each kind, 0..1. The sheet name and every title line are split into segments at
 * spaces; a segment with a colon is a label ('客户：…', '制表日期：…') and says nothing about the kind, unless
 * the label itself is a document name ('报价单: QT-…'). In each segment the kind whose title word ends last is
 * its head noun (客户财产盘点表 is a 盘点表, 出货对账单 an 对账单): it scores 1; other kinds with a word in it
 * score 0.5. The sheets that are none of ours (采购表, 付款记录) take part in the head-noun contest.
 */
export function titleVerdict(texts: readonly string[]): TitleVerdict {
  const voc = getVocabulary();
  const others = otherTitleWords();
  const out = new Map<TableKind, number>(TABLE_KINDS.map((k) => [k, 0]));
  type Head = { kind?: TableKind; other?: OtherKind; word: string };
  let best: Head[] = [];
  for (const text of texts) {
    for (const raw of text.normalize('NFKC').split(/\s+/)) {
      if (!raw) continue;
      const labelled = /[:：]/.test(raw);
      const segment = labelled ? raw.split(/[:：]/)[0] : raw;
      const key = headerKey(segment);
      if (!key) continue;
      const ends: { head: Head; end: number; len: number }[] = [];
      const scan = (words: readonly string[], head: (w: string) => Head) => {
        let end = -1;
        let word = '';
        for (const w of words) {
          const at = key.lastIndexOf(w);
          if (at < 0) continue;
          // A label names the document only when it is a document's name (报价单: QT-…), not a party (客户：…).
          if (labelled && (at + w.length !== key.length || !DOCUMENT_NAME.test(w))) continue;
          if (at + w.length > end || (at + w.length === end && w.length > word.length)) {
            end = at + w.length;
            word = w;
          }
        }
        if (end >= 0) ends.push({ head: head(word), end, len: word.length });
      };
      for (const kind of TABLE_KINDS) scan(voc.titleWords.get(kind) ?? [], (word) => ({ kind, word }));
      for (const [other, words] of others) scan(words, (word) => ({ other, word }));
      if (!ends.length) continue;
      const last = Math.max(...ends.map((e) => e.end));
      const heads = ends.filter((e) => e.end === last);
      const longest = Math.max(...heads.map((e) => e.len));
      for (const e of ends) if (e.head.kind) out.set(e.head.kind, Math.max(out.get(e.head.kind) ?? 0, e.end === last ? 1 : 0.5));
      // Only a segment that ends with its document word names the document (客户/供应商名称必须一致 is a sentence
      // about suppliers, not a supplier list); a date or number after the word does not count (对账单2026年10月).
      const tail = key.replace(TRAILING_NON_WORD, '').length;
      for (const e of heads) {
        if (e.len !== longest || e.end < tail) continue;
        if (!best.length || e.len > best[0].word.length) best = [e.head];
        else if (e.len === best[0].word.length) best.push(e.head);
      }
    }
  }
  const ids = new Set(best.map((h) => h.kind ?? h.other));
  let settled: TitleVerdict['settled'] = null;
  if (ids.size === 1 && best[0].word.length >= 2) {
    const h = best[0];
    settled = h.kind ? { kind: h.kind, word: h.word } : { other: h.other as OtherKind, word: h.word };
  }
  return { hits: out, settled };
}

/** How strongly a title points at each kind, 0..1 (see titleVerdict). */
export function titleHits(texts: readonly string[]): Map<TableKind, number> {
  return titleVerdict(texts).hits;
}
