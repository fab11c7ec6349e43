/**
 * A small XML 1.0 reader for the parts of a workbook, fast enough for a 100k-row sheet and conforming where
 * workbooks differ from one another: namespace prefixes resolved to their URIs (x:row and row are the same element),
 * both quote styles, the five entities and character references, CDATA sections, comments and processing
 * instructions skipped, and well-formedness checked (tags balanced, attributes unique and quoted, no bare `&` or
 * `<`), so a broken part is refused (XmlError) instead of read as far as it goes. A DOCTYPE is refused: Excel never
 * writes one, and entity declarations are how XML bombs work.
 */

export class XmlError extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = 'XmlError';
  }
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  xml: 'http://www.w3.org/XML/1998/namespace',
} as const;

/** SpreadsheetML's main namespace, transitional or strict. */
export const isMain = (ns: string): boolean => ns === NS.main || ns === NS.mainStrict;
/** The officeDocument relationships namespace (r:id), transitional or strict. */
export const isRelNs = (ns: string): boolean => ns === NS.rel || ns === NS.relStrict;

export interface XmlAttr {
  /** Namespace URI ('' for an unprefixed attribute). */
  ns: string;
  local: string;
  value: string;
}

export interface XmlElement {
  ns: string;
  local: string;
  attrs: XmlAttr[];
}

export interface XmlHandler {
  open?(el: XmlElement, selfClosing: boolean): void;
  close?(el: XmlElement): void;
  /** Character data (entities decoded, CDATA included), possibly in several pieces. */
  text?(text: string): void;
}

/** The value of an unprefixed attribute (or one in namespace `ns`). */
export function attr(el: XmlElement, local: string, ns = ''): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode entity and character references; a bare `&` or an unknown entity is not well-formed. */
export function decodeEntities(s: string, part: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]*)(;?)/g, (_m, ref: string, semi: string) => {
    if (!semi) throw new XmlError(part, 'bare &');
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const ok = ref[1] === 'x' ? /^#x[0-9a-fA-F]+$/.test(ref) : /^#[0-9]+$/.test(ref);
      if (!ok || !isXmlChar(code)) throw new XmlError(part, `bad character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlError(part, `unknown entity &${ref};`);
    return v;
  });
}

const isXmlChar = (c: number): boolean => c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

/** An element's name as the tokenizer resolved it; one object is shared by every element of that name and scope. */
export interface XmlName {
  readonly qname: string;
  readonly ns: string;
  readonly local: string;
  /** In SpreadsheetML's main namespace (transitional or strict): checked once per name, not once per element. */
  readonly main: boolean;
}

/** A qualified name as written, and what it resolved to under the bindings of one generation. */
interface NameRec {
  qname: string;
  prefix: string;
  local: string;
  bytes: Uint8Array;
  resolved: XmlName | null;
  generation: number;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
/** Ends a name: whitespace / > = < " ' & (what NAME excluded in the string reader). */
const endsName = (c: number): boolean => c <= 0x20 || c === 0x2f || c === 0x3e || c === 0x3d || c === 0x3c || c === 0x22 || c === 0x27 || c === 0x26;

/**
 * The engine's own copy of a string (as a property key would be): comparing two of them, or one with a literal in
 * the code, is then a pointer comparison — names are compared millions of times in a sheet.
 */
const internalized = (s: string): string => Object.keys({ [s]: 0 })[0] ?? s;

/** Names seen in one part, found again by their bytes (a sheet has a dozen names and millions of tags). */
class NameTable {
  private readonly byHash = new Map<number, NameRec[]>();
  /** The last name found per (length, first and last byte): almost every tag is found here without hashing. */
  private readonly recent: (NameRec | undefined)[] = new Array(256);
  get(b: Uint8Array, s: number, e: number): NameRec {
    const slot = ((e - s) * 31 + b[s] * 7 + b[e - 1]) & 255;
    const near = this.recent[slot];
    if (near && near.bytes.length === e - s) {
      let i = 0;
      while (i < near.bytes.length && near.bytes[i] === b[s + i]) i++;
      if (i === near.bytes.length) return near;
    }
    const rec = this.find(b, s, e);
    this.recent[slot] = rec;
    return rec;
  }
  private find(b: Uint8Array, s: number, e: number): NameRec {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ b[i], 0x01000193);
    const list = this.byHash.get(h);
    if (list) {
      outer: for (const r of list) {
        if (r.bytes.length !== e - s) continue;
        for (let i = 0; i < r.bytes.length; i++) if (r.bytes[i] !== b[s + i]) continue outer;
        return r;
      }
    }
    const qname = internalized(utf8(b, s, e));
    const colon = qname.indexOf(':');
    const rec: NameRec = {
      qname,
      prefix: colon < 0 ? '' : internalized(qname.slice(0, colon)),
      local: colon < 0 ? qname : internalized(qname.slice(colon + 1)),
      bytes: b.slice(s, e),
      resolved: null,
      generation: -1,
    };
    if (list) list.push(rec);
    else this.byHash.set(h, [rec]);
    return rec;
  }
}

const decoder = new TextDecoder('utf-8');
/** Buffer's own decoder, without toString's argument checks (called once per distinct value of a sheet). */
type Utf8Slicing = Uint8Array & { utf8Slice?: (s: number, e: number) => string };
/** UTF-8 bytes → string (a Buffer decodes itself, natively). */
export const utf8 = (b: Uint8Array, s: number, e: number): string => {
  const slicing = b as Utf8Slicing;
  return slicing.utf8Slice ? slicing.utf8Slice(s, e) : decoder.decode(b.subarray(s, e));
};

/**
 * The attributes of the start tag being reported, valid only during `open`: positions in the part's bytes, decoded
 * only when asked for (a cell's r and s are read straight from the bytes).
 */
export class XmlAttrs {
  count = 0;
  bytes: Uint8Array = new Uint8Array(0);
  /** Per attribute: its local name, namespace URI, value start and end, and whether the value holds a reference. */
  readonly local: string[] = [];
  readonly ns: string[] = [];
  start = new Int32Array(16);
  end = new Int32Array(16);
  refs = new Uint8Array(16);
  /** @internal */ recs: NameRec[] = [];
  /** @internal */ part = '';

  /** The index of the attribute `local` in namespace `ns` ('' = no namespace), or -1. */
  index(local: string, ns = ''): number {
    for (let i = 0; i < this.count; i++) if (this.local[i] === local && this.ns[i] === ns) return i;
    return -1;
  }

  /** Attribute `i`'s value, references decoded. */
  value(i: number): string {
    const raw = utf8(this.bytes, this.start[i], this.end[i]);
    return this.refs[i] ? decodeEntities(raw, this.part) : raw;
  }

  get(local: string, ns = ''): string | undefined {
    const i = this.index(local, ns);
    return i < 0 ? undefined : this.value(i);
  }

  /** @internal */ grow(): void {
    const n = this.start.length * 2;
    const s = new Int32Array(n);
    s.set(this.start);
    this.start = s;
    const e = new Int32Array(n);
    e.set(this.end);
    this.end = e;
    const r = new Uint8Array(n);
    r.set(this.refs);
    this.refs = r;
  }
}

/** What the byte tokenizer reports. Text is a byte range of the part; `decoded` is set when it held references. */
export interface XmlByteHandler {
  open?(name: XmlName, attrs: XmlAttrs, selfClosing: boolean): void;
  close?(name: XmlName): void;
  /** Character data, possibly in several pieces: bytes[start, end) as UTF-8, or `decoded` when not null. */
  text?(bytes: Uint8Array, start: number, end: number, decoded: string | null): void;
}

const indexOfSeq = (b: Uint8Array, seq: Uint8Array, from: number): number => {
  if (Buffer.isBuffer(b)) return b.indexOf(seq, from);
  outer: for (let i = from; i + seq.length <= b.length; i++) {
    for (let k = 0; k < seq.length; k++) if (b[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
};
const startsWithAt = (b: Uint8Array, seq: Uint8Array, at: number): boolean => {
  if (at + seq.length > b.length) return false;
  for (let k = 0; k < seq.length; k++) if (b[at + k] !== seq[k]) return false;
  return true;
};
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const COMMENT_OPEN = ascii('<!--');
const COMMENT_CLOSE = ascii('-->');
const CDATA_OPEN = ascii('<![CDATA[');
const CDATA_CLOSE = ascii(']]>');
const DOCTYPE = ascii('<!DOCTYPE');
const PI_CLOSE = ascii('?>');

/**
 * Read the UTF-8 bytes of `part` start to end in one pass, calling `handler`; throws XmlError where they are not
 * well-formed. Names are looked up by their bytes and resolved once per set of namespace bindings; attribute
 * values and text are decoded only when the handler asks for them.
 */
export function parseXmlBytes(b: Uint8Array, part: string, handler: XmlByteHandler): void {
  const names = new NameTable();
  const attrs = new XmlAttrs();
  attrs.bytes = b;
  attrs.part = part;
  // Open elements, innermost last, and the namespace bindings in force ('' is the default namespace).
  const openRecs: NameRec[] = [];
  const openNames: XmlName[] = [];
  const openBindings: number[] = [];
  const bindPrefix: string[] = [];
  const bindUri: string[] = [];
  let generation = 0;
  const lookup = (prefix: string): string | undefined => {
    if (prefix === 'xml') return NS.xml;
    for (let i = bindPrefix.length - 1; i >= 0; i--) if (bindPrefix[i] === prefix) return bindUri[i];
    return prefix === '' ? '' : undefined;
  };
  const resolve = (rec: NameRec): XmlName => {
    if (rec.generation === generation && rec.resolved) return rec.resolved;
    const ns = lookup(rec.prefix);
    if (ns === undefined) throw new XmlError(part, `undeclared prefix in <${rec.qname}>`);
    rec.resolved = { qname: rec.qname, ns: internalized(ns), local: rec.local, main: isMain(ns) };
    rec.generation = generation;
    return rec.resolved;
  };
  const n = b.length;
  let pos = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let rootSeen = false;
  const text = (s: number, e: number, amp: boolean): void => {
    if (!openRecs.length) {
      for (let i = s; i < e; i++) if (!isSpace(b[i])) throw new XmlError(part, 'text outside the root element');
      return;
    }
    handler.text?.(b, s, e, amp ? decodeEntities(utf8(b, s, e), part) : null);
  };
  while (pos < n) {
    // Text up to the next tag (a JS loop: runs are short, and a native indexOf costs more to call than to run).
    let lt = pos;
    let amp = false;
    while (lt < n) {
      const ch = b[lt];
      if (ch === 0x3c) break;
      if (ch === 0x26) amp = true;
      lt++;
    }
    if (lt > pos) text(pos, lt, amp);
    if (lt >= n) break;
    const c = b[lt + 1];
    if (c === 0x21 /* ! */) {
      if (startsWithAt(b, COMMENT_OPEN, lt)) {
        const end = indexOfSeq(b, COMMENT_CLOSE, lt + 4);
        if (end < 0) throw new XmlError(part, 'unclosed comment');
        pos = end + 3;
      } else if (startsWithAt(b, CDATA_OPEN, lt)) {
        const end = indexOfSeq(b, CDATA_CLOSE, lt + 9);
        if (end < 0 || !openRecs.length) throw new XmlError(part, 'bad CDATA section');
        if (end > lt + 9) handler.text?.(b, lt + 9, end, null);
        pos = end + 3;
      } else {
        throw new XmlError(part, startsWithAt(b, DOCTYPE, lt) ? 'DOCTYPE' : 'bad markup declaration');
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = indexOfSeq(b, PI_CLOSE, lt + 2);
      if (end < 0) throw new XmlError(part, 'unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (c === 0x2f /* / */) {
      let p = lt + 2;
      while (p < n && !endsName(b[p])) p++;
      // The one name that may close here is the innermost open one: compared byte for byte, not looked up.
      const expected = openRecs[openRecs.length - 1];
      let rec: NameRec | null = null;
      if (expected && expected.bytes.length === p - lt - 2) {
        let i = 0;
        while (i < expected.bytes.length && expected.bytes[i] === b[lt + 2 + i]) i++;
        if (i === expected.bytes.length) rec = expected;
      }
      if (!rec && p > lt + 2) rec = names.get(b, lt + 2, p);
      while (p < n && isSpace(b[p])) p++;
      if (p >= n || b[p] !== 0x3e) throw new XmlError(part, p >= n ? 'unclosed end tag' : `bad end tag </${rec?.qname ?? ''}`);
      const top = openRecs.pop();
      if (!top || top !== rec) throw new XmlError(part, `</${rec?.qname ?? ''}> does not close <${top?.qname ?? ''}>`);
      const name = openNames.pop()!;
      const bound = openBindings.pop()!;
      if (bound) {
        bindPrefix.length -= bound;
        bindUri.length -= bound;
        generation++;
      }
      handler.close?.(name);
      pos = p + 1;
      continue;
    }
    // A start tag: name, attributes, then > or />.
    let p = lt + 1;
    while (p < n && !endsName(b[p])) p++;
    if (p === lt + 1) throw new XmlError(part, 'bad tag name');
    const rec = names.get(b, lt + 1, p);
    let count = 0;
    let bound = 0;
    for (;;) {
      const before = p;
      while (p < n && isSpace(b[p])) p++;
      if (p >= n || b[p] === 0x2f || b[p] === 0x3e || p === before) break;
      const ns0 = p;
      while (p < n && !endsName(b[p])) p++;
      if (p === ns0) break;
      const arec = names.get(b, ns0, p);
      while (p < n && isSpace(b[p])) p++;
      if (b[p] !== 0x3d /* = */) throw new XmlError(part, `bad start tag <${rec.qname}`);
      p++;
      while (p < n && isSpace(b[p])) p++;
      const q = b[p];
      if (q !== 0x22 && q !== 0x27) throw new XmlError(part, `bad start tag <${rec.qname}`);
      const vs = ++p;
      let refs = 0;
      while (p < n && b[p] !== q) {
        const ch = b[p];
        if (ch === 0x3c) throw new XmlError(part, `bad start tag <${rec.qname}`);
        if (ch === 0x26) refs = 1;
        p++;
      }
      if (p >= n) throw new XmlError(part, `bad start tag <${rec.qname}`);
      for (let i = 0; i < count; i++) if (attrs.recs[i] === arec) throw new XmlError(part, `attribute ${arec.qname} twice`);
      if (count === attrs.start.length) attrs.grow();
      attrs.recs[count] = arec;
      attrs.start[count] = vs;
      attrs.end[count] = p;
      attrs.refs[count] = refs;
      count++;
      p++;
      if (arec.qname === 'xmlns' || arec.prefix === 'xmlns') {
        bindPrefix.push(arec.qname === 'xmlns' ? '' : arec.local);
        bindUri.push(attrs.value(count - 1));
        bound++;
      }
    }
    let selfClosing = false;
    if (b[p] === 0x2f) {
      selfClosing = true;
      p++;
    }
    if (p >= n || b[p] !== 0x3e) throw new XmlError(part, `bad start tag <${rec.qname}`);
    pos = p + 1;
    if (!openRecs.length && rootSeen) throw new XmlError(part, 'a second root element');
    rootSeen = true;
    if (bound) generation++;
    const name = resolve(rec);
    // Attributes in the tokenizer's arrays, xmlns declarations left out; unprefixed ones are in no namespace.
    let k = 0;
    for (let i = 0; i < count; i++) {
      const arec = attrs.recs[i];
      if (arec.qname === 'xmlns' || arec.prefix === 'xmlns') continue;
      let ans = '';
      if (arec.prefix) {
        const u = lookup(arec.prefix);
        if (u === undefined) throw new XmlError(part, `undeclared prefix in ${arec.qname}`);
        ans = u;
      }
      attrs.local[k] = arec.local;
      attrs.ns[k] = ans;
      attrs.start[k] = attrs.start[i];
      attrs.end[k] = attrs.end[i];
      attrs.refs[k] = attrs.refs[i];
      k++;
    }
    attrs.count = k;
    if (selfClosing) {
      handler.open?.(name, attrs, true);
      if (bound) {
        bindPrefix.length -= bound;
        bindUri.length -= bound;
        generation++;
      }
      handler.close?.(name);
    } else {
      openRecs.push(rec);
      openNames.push(name);
      openBindings.push(bound);
      handler.open?.(name, attrs, false);
    }
  }
  if (openRecs.length) throw new XmlError(part, `<${openRecs[openRecs.length - 1].qname}> is not closed`);
  if (!rootSeen) throw new XmlError(part, 'no root element');
}

/** Read `xml` (the text of `part`) start to end, calling `handler`; throws XmlError where it is not well-formed. */
export function parseXml(xml: string, part: string, handler: XmlHandler): void {
  const open: XmlElement[] = [];
  parseXmlBytes(Buffer.from(xml, 'utf8'), part, {
    open(name, attrs, selfClosing) {
      const el: XmlElement = { ns: name.ns, local: name.local, attrs: [] };
      for (let i = 0; i < attrs.count; i++) el.attrs.push({ ns: attrs.ns[i], local: attrs.local[i], value: attrs.value(i) });
      open.push(el);
      handler.open?.(el, selfClosing);
    },
    close() {
      const el = open.pop()!;
      handler.close?.(el);
    },
    text: handler.text ? (bytes, s, e, decoded) => handler.text!(decoded ?? utf8(bytes, s, e)) : undefined,
  });
}

/** Text or an attribute value as XML: the five special characters escaped. */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
