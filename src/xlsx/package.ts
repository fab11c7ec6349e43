import { attr, escapeXml, NS, parseXml } from './xml';
import type { ZipReader } from './zip';

/**
 * The package (OPC) layer of a workbook: relationships and where they point. The one resolver of relationship
 * targets, used by the reader and the patcher alike.
 */

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to, as a zip entry name ('' for external targets). */
  part: string;
  /** The <Relationship> element as written. */
  xml: string;
}

/** Resolve a relationship target against the folder of the part that owns the .rels ('' for the package root). */
export function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = baseDir ? baseDir.split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; '' (the package) → `_rels/.rels`. */
export const relsPathOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

export const dirOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

export function parseRels(xml: string | null, baseDir: string, part = 'relationships'): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  parseXml(xml, part, {
    open(el) {
      if (el.local !== 'Relationship' || el.ns !== NS.pkgRel) return;
      const external = attr(el, 'TargetMode') === 'External';
      const target = attr(el, 'Target') ?? '';
      const id = attr(el, 'Id') ?? '';
      // Written again (by the patcher) in the form every reader understands, whatever prefixes the original used.
      const rebuilt = `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(attr(el, 'Type') ?? '')}" Target="${escapeXml(target)}"${external ? ' TargetMode="External"' : ''}/>`;
      out.push({ id, type: attr(el, 'Type') ?? '', target, external, part: external ? '' : resolveTarget(baseDir, target), xml: rebuilt });
    },
  });
  return out;
}

/** The relationships a part owns ('' for the package's own). */
export const relationshipsOf = (zip: ZipReader, part: string): Relationship[] => parseRels(zip.text(relsPathOf(part)), dirOf(part), relsPathOf(part));

/** The workbook part: the package's officeDocument relationship, else the usual xl/workbook.xml; null if neither. */
export function workbookPart(zip: ZipReader): string | null {
  const main = relationshipsOf(zip, '').find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  if (main && zip.has(main.part)) return main.part;
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}
