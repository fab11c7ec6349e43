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

const NAME = /[^\s/>=<"'&]+/y;
const ATTR = /\s+([^\s/>=<"'&]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

interface Scope {
  qname: string;
  el: XmlElement;
  /** Prefix bindings declared on this element. */
  bindings: Map<string, string> | null;
}

/** Read `xml` (the text of `part`) start to end, calling `handler`; throws XmlError where it is not well-formed. */
export function parseXml(xml: string, part: string, handler: XmlHandler): void {
  const stack: Scope[] = [];
  // Prefix → URI, innermost last; '' is the default namespace.
  const lookup = (prefix: string): string | undefined => {
    if (prefix === 'xml') return NS.xml;
    for (let i = stack.length - 1; i >= 0; i--) {
      const b = stack[i].bindings?.get(prefix);
      if (b !== undefined) return b;
    }
    return prefix === '' ? '' : undefined;
  };
  let pos = 0;
  let rootSeen = false;
  const n = xml.length;
  const emit = (raw: string) => {
    if (!raw) return;
    if (!stack.length) {
      if (/\S/.test(raw)) throw new XmlError(part, 'text outside the root element');
      return;
    }
    if (raw.includes('<')) throw new XmlError(part, 'bare <');
    handler.text?.(decodeEntities(raw, part));
  };
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      emit(xml.slice(pos));
      break;
    }
    if (lt > pos) emit(xml.slice(pos, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError(part, 'unclosed comment');
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0 || !stack.length) throw new XmlError(part, 'bad CDATA section');
        handler.text?.(xml.slice(lt + 9, end));
        pos = end + 3;
      } else {
        throw new XmlError(part, xml.startsWith('<!DOCTYPE', lt) ? 'DOCTYPE' : 'bad markup declaration');
      }
      continue;
    }
    if (c === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError(part, 'unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (c === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlError(part, 'unclosed end tag');
      const qname = xml.slice(lt + 2, end).trimEnd();
      const top = stack.pop();
      if (!top || top.qname !== qname) throw new XmlError(part, `</${qname}> does not close <${top?.qname ?? ''}>`);
      handler.close?.(top.el);
      pos = end + 1;
      continue;
    }
    // A start tag: name, attributes, then > or />.
    NAME.lastIndex = lt + 1;
    const nm = NAME.exec(xml);
    if (!nm) throw new XmlError(part, 'bad tag name');
    const qname = nm[0];
    let p = NAME.lastIndex;
    const raw: [string, string][] = [];
    for (;;) {
      ATTR.lastIndex = p;
      const am = ATTR.exec(xml);
      if (!am) break;
      raw.push([am[1], am[2] ?? am[3]]);
      p = ATTR.lastIndex;
    }
    while (p < n && /\s/.test(xml[p])) p++;
    let selfClosing = false;
    if (xml[p] === '/') {
      selfClosing = true;
      p++;
    }
    if (xml[p] !== '>') throw new XmlError(part, `bad start tag <${qname}`);
    pos = p + 1;
    if (!stack.length && rootSeen) throw new XmlError(part, 'a second root element');
    rootSeen = true;
    let bindings: Map<string, string> | null = null;
    const seen = new Set<string>();
    for (const [name] of raw) {
      if (seen.has(name)) throw new XmlError(part, `attribute ${name} twice`);
      seen.add(name);
    }
    for (const [name, value] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        bindings ??= new Map();
        bindings.set(name === 'xmlns' ? '' : name.slice(6), decodeEntities(value, part));
      }
    }
    const scope: Scope = { qname, el: { ns: '', local: '', attrs: [] }, bindings };
    stack.push(scope);
    const colon = qname.indexOf(':');
    const ns = lookup(colon < 0 ? '' : qname.slice(0, colon));
    if (ns === undefined) throw new XmlError(part, `undeclared prefix in <${qname}>`);
    scope.el.ns = ns;
    scope.el.local = colon < 0 ? qname : qname.slice(colon + 1);
    for (const [name, value] of raw) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const ac = name.indexOf(':');
      // Unprefixed attributes are in no namespace (not the default one).
      const ans = ac < 0 ? '' : lookup(name.slice(0, ac));
      if (ans === undefined) throw new XmlError(part, `undeclared prefix in ${name}`);
      scope.el.attrs.push({ ns: ans, local: ac < 0 ? name : name.slice(ac + 1), value: decodeEntities(value, part) });
    }
    handler.open?.(scope.el, selfClosing);
    if (selfClosing) {
      stack.pop();
      handler.close?.(scope.el);
    }
  }
  if (stack.length) throw new XmlError(part, `<${stack[stack.length - 1].qname}> is not closed`);
  if (!rootSeen) throw new XmlError(part, 'no root element');
}

/** Text or an attribute value as XML: the five special characters escaped. */
export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
