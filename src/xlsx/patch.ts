import { ownerMarkNames } from './owner-marks';
import type { WritePlan } from '../core/report/write-plan';
import { ZipReader, ZipWriter } from './zip';
import { dirOf, parseRels, relsPathOf, workbookPart, type Relationship } from './package';
import { escapeXml } from './xml';
import { Utf8Chunks } from './xml-text';
import { addDefinedNames, printNamesXml } from './page-setup';
import { CT_CHART, CT_DRAWING } from './chart-xml';

/**
 * Put the generated sheets into the clerk's workbook at the zip level, leaving every other part byte for byte as
 * it was. ExcelJS writes the generated sheets into a small workbook of their own; this moves them across:
 * - worksheets and tables get free part names and table ids; shared strings become inline strings;
 * - their cell styles (number formats, fonts, fills, borders, differential formats) are appended to the clerk's
 *   styles.xml and the style indices shifted;
 * - workbook.xml keeps the clerk's sheets and their order: a reused sheet of ours takes its old place, new ones
 *   go at the end, removed ones disappear (with their tables), and sheet-local defined names follow their sheets.
 * Returns null when the workbook is shaped in a way this does not handle (zip64, no styles); the caller then
 * falls back to rewriting the whole workbook with ExcelJS.
 */

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

type Attrs = Record<string, string>;

export function attrs(tag: string): Attrs {
  const out: Attrs = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*'([^']*)'/g)) out[m[1]] = m[2];
  return out;
}

export const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

export { escapeXml };

// Relationships are read by the one resolver in package.ts.
type Rel = Relationship;

/** Children of one element, e.g. the <font> elements inside <fonts>. */
function children(inner: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g');
  return inner.match(re) ?? [];
}

interface Section {
  start: number;
  end: number;
  inner: string;
}

function section(xml: string, tag: string): Section | null {
  const open = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === '/') return { start: open.index, end: open.index + open[0].length, inner: '' };
  const close = xml.indexOf(`</${tag}>`, open.index);
  if (close < 0) return null;
  return { start: open.index, end: close + tag.length + 3, inner: xml.slice(open.index + open[0].length, close) };
}

function replaceSection(xml: string, tag: string, items: string[], extraAttrs = ''): string | null {
  const s = section(xml, tag);
  if (!s) return null;
  const built = `<${tag} count="${items.length}"${extraAttrs}>${items.join('')}</${tag}>`;
  return xml.slice(0, s.start) + built + xml.slice(s.end);
}

const setAttr = (tag: string, name: string, value: string | number): string => {
  const re = new RegExp(`\\b${name}="[^"]*"`);
  return re.test(tag) ? tag.replace(re, `${name}="${value}"`) : tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
};

/** Renders one generated worksheet, handing over its XML a piece at a time. */
export type SheetWriter = (write: (xml: string) => void) => void;

/** The generated sheets as parts: ExcelJS output (a zip) or sheet-xml.ts, which renders sheets for a style shift. */
export interface GeneratedParts {
  text(name: string): string | null;
  /** The renderer of a worksheet part for the clerk's style indices (null: no such part); run while it is zipped. */
  sheetWriter?(part: string, shift: StyleShift): SheetWriter | null;
}

export interface StyleShift {
  xf: number;
  dxf: number;
}

/** Append the generated workbook's styles to the clerk's; returns the merged styles.xml and the index shifts. */
function mergeStyles(orig: string, gen: string): { xml: string; shift: StyleShift } | null {
  const list = (xml: string, outer: string, tag: string) => {
    const s = section(xml, outer);
    return s ? children(s.inner, tag) : null;
  };
  const oFonts = list(orig, 'fonts', 'font');
  const oFills = list(orig, 'fills', 'fill');
  const oBorders = list(orig, 'borders', 'border');
  const oXfs = list(orig, 'cellXfs', 'xf');
  const gFonts = list(gen, 'fonts', 'font');
  const gFills = list(gen, 'fills', 'fill');
  const gBorders = list(gen, 'borders', 'border');
  const gXfs = list(gen, 'cellXfs', 'xf');
  if (!oFonts || !oFills || !oBorders || !oXfs || !gFonts || !gFills || !gBorders || !gXfs) return null;
  const oDxfs = list(orig, 'dxfs', 'dxf') ?? [];
  const gDxfs = list(gen, 'dxfs', 'dxf') ?? [];

  // Number formats: reuse the clerk's id for a format code it already has, else a new id above every used one.
  const oNumFmts = list(orig, 'numFmts', 'numFmt') ?? [];
  const byCode = new Map<string, number>();
  let maxId = 163;
  for (const n of oNumFmts) {
    const a = attrs(n);
    const id = Number(a.numFmtId);
    byCode.set(a.formatCode ?? '', id);
    maxId = Math.max(maxId, id);
  }
  const numFmtMap = new Map<number, number>();
  const addedNumFmts: string[] = [];
  for (const n of list(gen, 'numFmts', 'numFmt') ?? []) {
    const a = attrs(n);
    const code = a.formatCode ?? '';
    let id = byCode.get(code);
    if (id === undefined) {
      id = ++maxId;
      byCode.set(code, id);
      addedNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${code}"/>`);
    }
    numFmtMap.set(Number(a.numFmtId), id);
  }

  // A re-run writes the same styles again: find them where the last run put them (one contiguous block each) and
  // reuse them, so 100 re-runs leave styles.xml as the first left it (Excel allows 512 fonts). Only what is not
  // there yet is appended.
  const fontAt = blockAt(oFonts, gFonts);
  const fillAt = blockAt(oFills, gFills);
  const borderAt = blockAt(oBorders, gBorders);
  const fontOff = fontAt >= 0 ? fontAt : oFonts.length;
  const fillOff = fillAt >= 0 ? fillAt : oFills.length;
  const borderOff = borderAt >= 0 ? borderAt : oBorders.length;
  const xfs = gXfs.map((x) => {
    const a = attrs(x);
    const numFmtId = Number(a.numFmtId ?? 0);
    let tag = x;
    tag = setAttr(tag, 'numFmtId', numFmtMap.get(numFmtId) ?? numFmtId);
    tag = setAttr(tag, 'fontId', Number(a.fontId ?? 0) + fontOff);
    tag = setAttr(tag, 'fillId', Number(a.fillId ?? 0) + fillOff);
    tag = setAttr(tag, 'borderId', Number(a.borderId ?? 0) + borderOff);
    return setAttr(tag, 'xfId', 0);
  });
  const xfAt = blockAt(oXfs, xfs);
  const dxfAt = blockAt(oDxfs, gDxfs);
  const newFonts = fontAt >= 0 ? [] : gFonts;
  const newFills = fillAt >= 0 ? [] : gFills;
  const newBorders = borderAt >= 0 ? [] : gBorders;
  const newXfs = xfAt >= 0 ? [] : xfs;
  const newDxfs = dxfAt >= 0 ? [] : gDxfs;
  const shift = { xf: xfAt >= 0 ? xfAt : oXfs.length, dxf: dxfAt >= 0 ? dxfAt : oDxfs.length };
  if (!newFonts.length && !newFills.length && !newBorders.length && !newXfs.length && !newDxfs.length && !addedNumFmts.length) return { xml: orig, shift };

  let xml: string | null = orig;
  const fontsAttrs = /<fonts\b[^>]*?(\s+x14ac:knownFonts="[^"]*")/.exec(orig)?.[1] ?? '';
  xml = replaceSection(xml, 'fonts', [...oFonts, ...newFonts], fontsAttrs);
  xml = xml && replaceSection(xml, 'fills', [...oFills, ...newFills]);
  xml = xml && replaceSection(xml, 'borders', [...oBorders, ...newBorders]);
  xml = xml && replaceSection(xml, 'cellXfs', [...oXfs, ...newXfs]);
  if (!xml) return null;
  if (addedNumFmts.length) {
    const all = [...oNumFmts, ...addedNumFmts];
    if (section(xml, 'numFmts')) xml = replaceSection(xml, 'numFmts', all);
    else xml = xml?.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${all.length}">${all.join('')}</numFmts>`) ?? null;
  }
  if (!xml) return null;
  if (newDxfs.length) {
    const all = [...oDxfs, ...newDxfs];
    if (section(xml, 'dxfs')) xml = replaceSection(xml, 'dxfs', all);
    else {
      const built = `<dxfs count="${all.length}">${all.join('')}</dxfs>`;
      const after = section(xml, 'cellStyles') ?? section(xml, 'cellXfs');
      if (!after) return null;
      xml = xml.slice(0, after.end) + built + xml.slice(after.end);
    }
  }
  if (!xml) return null;
  return { xml, shift };
}

/** Where `block` appears whole and in order in `list` (the last such place), or -1; an empty block is found anywhere. */
function blockAt(list: readonly string[], block: readonly string[]): number {
  if (!block.length) return list.length;
  for (let i = list.length - block.length; i >= 0; i--) {
    let k = 0;
    while (k < block.length && list[i + k] === block[k]) k++;
    if (k === block.length) return i;
  }
  return -1;
}

interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  xml: string;
  part: string;
}

function parseSheets(workbookXml: string, rels: Rel[]): SheetEntry[] {
  const sheets = section(workbookXml, 'sheets');
  if (!sheets) return [];
  return children(sheets.inner, 'sheet').map((xml) => {
    const a = attrs(xml);
    const relKey = Object.keys(a).find((k) => /(^|:)id$/.test(k) && k !== 'sheetId') ?? 'r:id';
    const relId = a[relKey] ?? '';
    return { name: unescapeXml(a.name ?? ''), sheetId: Number(a.sheetId ?? 0), relId, xml, part: rels.find((r) => r.id === relId)?.part ?? '' };
  });
}

/** Inline the generated shared strings, shift style indices, make hyperlinks internal and drop their rels. */
function transformSheet(xml: string, strings: string[], shift: StyleShift): { xml: string; droppedRels: Set<string> } {
  const droppedRels = new Set<string>();
  let out = xml.replace(/<c\b([^>]*?)>(<v>(\d+)<\/v>)<\/c>/g, (whole, a: string, _v: string, idx: string) => {
    if (!/\bt="s"/.test(a)) return whole;
    const si = strings[Number(idx)] ?? '<t></t>';
    return `<c${a.replace(/\bt="s"/, 't="inlineStr"')}><is>${si}</is></c>`;
  });
  out = out.replace(/<(c|row)\b([^>]*?)\bs="(\d+)"/g, (_w, tag: string, a: string, s: string) => `<${tag}${a}s="${Number(s) + shift.xf}"`);
  out = out.replace(/<col\b([^>]*?)\bstyle="(\d+)"/g, (_w, a: string, s: string) => `<col${a}style="${Number(s) + shift.xf}"`);
  out = out.replace(/<cfRule\b([^>]*?)\bdxfId="(\d+)"/g, (_w, a: string, d: string) => `<cfRule${a}dxfId="${Number(d) + shift.dxf}"`);
  out = out.replace(/\s+tabSelected="1"/g, '');
  out = out.replace(/<hyperlink\b[^>]*?\/>/g, (tag) => {
    const a = attrs(tag);
    const loc = a.location;
    if (loc === undefined) return tag;
    const rid = a['r:id'];
    if (rid) droppedRels.add(rid);
    const ref = a.ref ?? '';
    const tip = a.tooltip !== undefined ? ` tooltip="${a.tooltip}"` : '';
    const location = loc.startsWith('#') ? loc.slice(1) : loc;
    return `<hyperlink ref="${ref}" location="${location}"${tip} display="${location}"/>`;
  });
  return { xml: out, droppedRels };
}

/** `original`: the clerk's workbook as bytes, or as a reader that has already checked every part (nothing is inflated twice). */
export function patchWorkbook(original: Buffer | ZipReader, generated: Buffer | GeneratedParts, plan: WritePlan): Buffer | null {
  const orig = Buffer.isBuffer(original) ? ZipReader.open(original) : original;
  const gen: GeneratedParts | null = Buffer.isBuffer(generated) ? ZipReader.open(generated) : generated;
  if (!orig || !gen) return null;
  // The clerk's workbook part wherever the package relationships put it (xl/workbook.xml almost always).
  const wbPart = workbookPart(orig);
  if (!wbPart) return null;
  const wbRelsPart = relsPathOf(wbPart);
  const oWorkbook = orig.text(wbPart);
  const oWbRelsXml = orig.text(wbRelsPart);
  const oTypes = orig.text('[Content_Types].xml');
  const gWorkbook = gen.text('xl/workbook.xml');
  if (!oWorkbook || !oWbRelsXml || !oTypes || !gWorkbook) return null;
  const oRels = parseRels(oWbRelsXml, dirOf(wbPart));
  const gRels = parseRels(gen.text('xl/_rels/workbook.xml.rels'), 'xl');
  const oStylesRel = oRels.find((r) => r.type.endsWith('/styles'));
  const gStylesRel = gRels.find((r) => r.type.endsWith('/styles'));
  const oStyles = oStylesRel && orig.text(oStylesRel.part);
  const gStyles = gStylesRel && gen.text(gStylesRel.part);
  if (!oStylesRel || !oStyles || !gStyles) return null;
  const merged = mergeStyles(oStyles, gStyles);
  if (!merged) return null;

  const gSst = gRels.find((r) => r.type.endsWith('/sharedStrings'));
  const gStrings = (gSst && children(section(gen.text(gSst.part) ?? '', 'sst')?.inner ?? '', 'si').map((si) => si.replace(/^<si\b[^>]*>|<\/si>$/g, ''))) || [];

  const oSheets = parseSheets(oWorkbook, oRels);
  const gSheets = parseSheets(gWorkbook, gRels);
  const byLayout = new Map(gSheets.map((s) => [s.name, s]));
  if (plan.layouts.some((l) => !byLayout.has(l.name))) return null;
  const affected = new Set([...plan.remove, ...plan.reuse]);

  const deleted = new Set<string>();
  const deleteRelsOf = (part: string) => {
    const relsPath = relsPathOf(part);
    for (const r of parseRels(orig.text(relsPath), dirOf(part))) {
      if (!r.external && /\/(table|comments|vmlDrawing|threadedComment)$/.test(r.type)) deleted.add(r.part);
      // Our own earlier charts go with the sheet they were on.
      if (!r.external && r.type.endsWith('/drawing')) {
        for (const c of parseRels(orig.text(relsPathOf(r.part)), dirOf(r.part))) if (!c.external && c.type.endsWith('/chart')) deleted.add(c.part);
        deleted.add(relsPathOf(r.part));
        deleted.add(r.part);
      }
    }
    deleted.add(relsPath);
    deleted.add(part);
  };
  for (const s of oSheets) if (affected.has(s.name) && s.part) deleteRelsOf(s.part);
  const calcChain = oRels.find((r) => r.type.endsWith('/calcChain'));
  if (calcChain && affected.size) deleted.add(calcChain.part);

  // Free names and ids.
  const used = new Set(orig.entries.keys());
  const freePart = (dir: string, stem: string): string => {
    for (let i = 1; ; i++) {
      const p = `${dir}/${stem}${i}.xml`;
      if (!used.has(p)) {
        used.add(p);
        return p;
      }
    }
  };
  let maxTableId = 0;
  for (const name of orig.entries.keys()) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(name) || deleted.has(name)) continue;
    const id = Number(/<table\b[^>]*?\bid="(\d+)"/.exec(orig.text(name) ?? '')?.[1] ?? 0);
    maxTableId = Math.max(maxTableId, id);
  }
  let maxSheetId = Math.max(0, ...oSheets.map((s) => s.sheetId));
  const relIds = new Set(oRels.map((r) => r.id));
  let relCounter = 1;
  const freeRelId = (): string => {
    while (relIds.has(`rIdCD${relCounter}`)) relCounter++;
    const id = `rIdCD${relCounter}`;
    relIds.add(id);
    return id;
  };

  // A generated sheet stays a renderer until it is zipped: rendered, deflated and checksummed a piece at a time.
  const newParts: [string, string | SheetWriter][] = [];
  const added: { part: string; type: string }[] = [];
  const relPrefix = /xmlns:r="[^"]*"/.test(/<workbook\b[^>]*>/.exec(oWorkbook)?.[0] ?? '') ? '' : ` xmlns:r="${NS_REL}"`;
  const newSheetXml = new Map<string, { tag: string; rel: string }>();
  const hidden = new Set(plan.layouts.filter((l) => l.hidden).map((l) => l.name));

  for (const layout of plan.layouts) {
    const g = byLayout.get(layout.name);
    if (!g) return null;
    const direct = gen.sheetWriter?.(g.part, merged.shift) ?? null;
    const sheetXml = direct ? null : gen.text(g.part);
    if (!direct && !sheetXml) return null;
    const part = freePart('xl/worksheets', 'sheet');
    const { xml, droppedRels } = direct ? { xml: direct, droppedRels: new Set<string>() } : transformSheet(sheetXml ?? '', gStrings, merged.shift);
    const sheetRels = parseRels(gen.text(relsPathOf(g.part)), dirOf(g.part));
    const keptRels: string[] = [];
    for (const r of sheetRels) {
      if (droppedRels.has(r.id)) continue;
      if (!r.external && r.type.endsWith('/table')) {
        const tablePart = freePart('xl/tables', 'table');
        const tableXml = (gen.text(r.part) ?? '').replace(/(<table\b[^>]*?\bid=")(\d+)"/, `$1${++maxTableId}"`);
        newParts.push([tablePart, tableXml]);
        added.push({ part: tablePart, type: CT_TABLE });
        keptRels.push(`<Relationship Id="${r.id}" Type="${r.type}" Target="../tables/${tablePart.slice('xl/tables/'.length)}"/>`);
      } else if (!r.external && r.type.endsWith('/drawing')) {
        // A drawing and its charts move across under free part names (chart-xml.ts wrote them).
        const drawingPart = freePart('xl/drawings', 'drawing');
        const chartRels = parseRels(gen.text(relsPathOf(r.part)), dirOf(r.part)).filter((c) => !c.external && c.type.endsWith('/chart'));
        const chartTargets = chartRels.map((c) => {
          const chartPart = freePart('xl/charts', 'chart');
          newParts.push([chartPart, gen.text(c.part) ?? '']);
          added.push({ part: chartPart, type: CT_CHART });
          return `<Relationship Id="${c.id}" Type="${c.type}" Target="../charts/${chartPart.slice('xl/charts/'.length)}"/>`;
        });
        newParts.push([drawingPart, gen.text(r.part) ?? '']);
        newParts.push([relsPathOf(drawingPart), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${chartTargets.join('')}</Relationships>`]);
        added.push({ part: drawingPart, type: CT_DRAWING });
        keptRels.push(`<Relationship Id="${r.id}" Type="${r.type}" Target="../drawings/${drawingPart.slice('xl/drawings/'.length)}"/>`);
      } else {
        keptRels.push(r.xml);
      }
    }
    newParts.push([part, xml]);
    added.push({ part, type: CT_WORKSHEET });
    if (keptRels.length) {
      newParts.push([
        relsPathOf(part),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${keptRels.join('')}</Relationships>`,
      ]);
    }
    const rid = freeRelId();
    const state = hidden.has(layout.name) ? ' state="hidden"' : '';
    newSheetXml.set(layout.name, {
      tag: `<sheet${relPrefix} name="${escapeXml(layout.name)}" sheetId="${++maxSheetId}"${state} r:id="${rid}"/>`,
      rel: `<Relationship Id="${rid}" Type="${REL_WORKSHEET}" Target="/${part}"/>`,
    });
  }

  // workbook.xml: the new sheet list, sheet-local names and the active tab following their sheets.
  const finalOrder: { name: string; oldIndex: number }[] = [];
  const sheetTags: string[] = [];
  oSheets.forEach((s, i) => {
    if (plan.remove.includes(s.name) && !newSheetXml.has(s.name)) return;
    const fresh = affected.has(s.name) ? newSheetXml.get(s.name) : undefined;
    if (affected.has(s.name) && !fresh) return;
    sheetTags.push(fresh ? fresh.tag : s.xml);
    finalOrder.push({ name: s.name, oldIndex: i });
  });
  for (const layout of plan.layouts) {
    if (finalOrder.some((f) => f.name === layout.name)) continue;
    const fresh = newSheetXml.get(layout.name);
    if (!fresh) return null;
    sheetTags.push(fresh.tag);
    finalOrder.push({ name: layout.name, oldIndex: -1 });
  }
  const newIndexOfOld = new Map<number, number>();
  finalOrder.forEach((f, i) => {
    if (f.oldIndex >= 0 && !affected.has(f.name)) newIndexOfOld.set(f.oldIndex, i);
  });
  let wbXml = oWorkbook;
  const sheetsSection = section(wbXml, 'sheets');
  if (!sheetsSection) return null;
  wbXml = `${wbXml.slice(0, sheetsSection.start)}<sheets>${sheetTags.join('')}</sheets>${wbXml.slice(sheetsSection.end)}`;
  wbXml = wbXml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, a: string) => {
    const local = /\blocalSheetId="(\d+)"/.exec(a);
    if (!local) return whole;
    const next = newIndexOfOld.get(Number(local[1]));
    return next === undefined ? '' : whole.replace(/\blocalSheetId="\d+"/, `localSheetId="${next}"`);
  });
  wbXml = wbXml.replace(/<definedNames>\s*<\/definedNames>/, '');
  wbXml = addDefinedNames(
    wbXml,
    [
      ...plan.layouts.flatMap((l) => printNamesXml(l.page, l.name, finalOrder.findIndex((f) => f.name === l.name))),
      // Each sheet we write carries its ownership mark (the old one went with the sheet it replaces).
      ...ownerMarkNames(plan, finalOrder.map((f) => f.name)),
    ],
  );
  wbXml = wbXml.replace(/<workbookView\b[^>]*?\/?>/g, (tag) => {
    const a = attrs(tag);
    let out = tag;
    if (a.activeTab !== undefined) out = setAttr(out, 'activeTab', newIndexOfOld.get(Number(a.activeTab)) ?? 0);
    if (a.firstSheet !== undefined) out = setAttr(out, 'firstSheet', newIndexOfOld.get(Number(a.firstSheet)) ?? 0);
    return out;
  });

  // Relationships of the workbook and content types.
  const oldSheetRelIds = new Set(oSheets.filter((s) => affected.has(s.name)).map((s) => s.relId));
  const keptWbRels = oRels.filter((r) => !oldSheetRelIds.has(r.id) && !(r.part && deleted.has(r.part))).map((r) => r.xml);
  const wbRels = oWbRelsXml.replace(
    /<Relationships\b([^>]*)>[\s\S]*<\/Relationships>/,
    (_w, a: string) => `<Relationships${a}>${[...keptWbRels, ...[...newSheetXml.values()].map((s) => s.rel)].join('')}</Relationships>`,
  );
  let types = oTypes.replace(/<Override\b[^>]*?\/>/g, (tag) => {
    const part = (attrs(tag).PartName ?? '').replace(/^\//, '');
    return deleted.has(part) ? '' : tag;
  });
  types = types.replace('</Types>', `${added.map((a) => `<Override PartName="/${a.part}" ContentType="${a.type}"/>`).join('')}</Types>`);

  const replaced = new Map<string, string>([
    [wbPart, wbXml],
    [wbRelsPart, wbRels],
    ['[Content_Types].xml', types],
    [oStylesRel.part, merged.xml],
  ]);
  const out = new ZipWriter();
  // [Content_Types].xml first, as Office writes it.
  out.add('[Content_Types].xml', types);
  for (const e of orig.entries.values()) {
    if (e.name === '[Content_Types].xml' || deleted.has(e.name)) continue;
    const text = replaced.get(e.name);
    if (text !== undefined) out.add(e.name, text);
    else out.copy(orig, e);
  }
  for (const [name, content] of newParts) {
    if (typeof content === 'string') out.add(name, content);
    else
      out.addStreamed(name, (emit) => {
        const bytes = new Utf8Chunks(emit);
        content((xml) => bytes.write(xml));
        bytes.flush();
      });
  }
  return out.finish();
}
