/**
 * An obviously-correct reference for the differential test: a workbook's cells read with saxes, a full XML 1.0 +
 * namespaces parser (the one ExcelJS uses), with none of the fast reader's code. It resolves the workbook through
 * the package relationships and returns every sheet's non-empty cells as "Sheet!R1C1" → value.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ZipReader } from '../../src/xlsx/zip';

const MAIN = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
const RELS_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

type Value = string | number | boolean | { error: string };

interface Events {
  open?: (tag: SaxesTagNS) => void;
  close?: (tag: SaxesTagNS) => void;
  text?: (text: string) => void;
}

/** Parse with saxes; throws on anything not well-formed. */
export function sax(xml: string, ev: Events): void {
  const p = new SaxesParser({ xmlns: true });
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => ev.open?.(t));
  p.on('closetag', (t) => ev.close?.(t));
  p.on('text', (t) => ev.text?.(t));
  p.on('cdata', (t) => ev.text?.(t));
  p.write(xml).close();
}

const main = (t: SaxesTagNS, local: string) => t.local === local && MAIN.includes(t.uri);
const plain = (t: SaxesTagNS, name: string): string | undefined => {
  const a = Object.values(t.attributes).find((x) => x.local === name && x.uri === '');
  return a?.value;
};

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = base ? base.split('/') : [];
  for (const s of target.split('/')) if (s === '..') out.pop();
  else if (s && s !== '.') out.push(s);
  return out.join('/');
}

function rels(zip: ZipReader, part: string): Map<string, { type: string; part: string }> {
  const i = part.lastIndexOf('/');
  const xml = zip.text(`${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`);
  const out = new Map<string, { type: string; part: string }>();
  if (xml) sax(xml, { open: (t) => t.local === 'Relationship' && t.uri === PKG && out.set(plain(t, 'Id')!, { type: plain(t, 'Type')!, part: resolve(part.slice(0, Math.max(0, i)), plain(t, 'Target')!) }) });
  return out;
}

/** Rich text: the <t> runs of each `container`, phonetic runs left out; Excel's _xHHHH_ escapes decoded. */
function richTexts(xml: string, container: string): string[] {
  const out: string[] = [];
  let cur: string | null = null;
  let inT = false;
  let rph = 0;
  sax(xml, {
    open: (t) => {
      if (main(t, container)) cur = '';
      else if (main(t, 'rPh')) rph++;
      else if (main(t, 't') && cur !== null && !rph) inT = true;
    },
    close: (t) => {
      if (main(t, container) && cur !== null) {
        out.push(unescapeExcel(cur));
        cur = null;
      } else if (main(t, 'rPh')) rph--;
      else if (main(t, 't')) inT = false;
    },
    text: (s) => {
      if (inT && cur !== null) cur += s;
    },
  });
  return out;
}

const unescapeExcel = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
const colNo = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The formulas of the named sheets, as "Sheet!A1: formula". */
export function referenceFormulas(buf: Buffer, only: readonly string[]): string[] {
  const zip = ZipReader.open(buf);
  const found: string[] = [];
  for (const s of workbookOf(zip).sheets) {
    if (!only.includes(s.name)) continue;
    let ref = '';
    let inF = false;
    let f = '';
    sax(zip.text(s.part)!, {
      open: (t) => {
        if (main(t, 'c')) ref = plain(t, 'r') ?? '';
        else if (main(t, 'f')) {
          inF = true;
          f = '';
        }
      },
      close: (t) => {
        if (main(t, 'f')) {
          inF = false;
          found.push(`${s.name}!${ref}: ${f}`);
        }
      },
      text: (x) => {
        if (inF) f += x;
      },
    });
  }
  return found;
}

/** The workbook part's relationships and its sheets in tab order, found through the package rels as Excel does. */
function workbookOf(zip: ZipReader): { wbRels: ReturnType<typeof rels>; sheets: { name: string; part: string }[] } {
  const pkg = rels(zip, '');
  const wbPart = [...pkg.values()].find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  const wbRels = rels(zip, wbPart);
  const sheets: { name: string; part: string }[] = [];
  sax(zip.text(wbPart)!, {
    open: (t) => {
      if (!main(t, 'sheet')) return;
      const rid = Object.values(t.attributes).find((a) => a.local === 'id' && RELS_NS.includes(a.uri))!.value;
      sheets.push({ name: plain(t, 'name')!, part: wbRels.get(rid)!.part });
    },
  });
  return { wbRels, sheets };
}

export function referenceCells(buf: Buffer): Map<string, Value> {
  const zip = ZipReader.open(buf);
  const { wbRels, sheets } = workbookOf(zip);
  const sstPart = [...wbRels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.part;
  const strings = sstPart && zip.has(sstPart) ? richTexts(zip.text(sstPart)!, 'si') : [];
  const cells = new Map<string, Value>();
  for (const s of sheets) {
    let row = 0;
    let col = 0;
    let c: { t: string; v: string | null; is: string[] | null } | null = null;
    let inV = false;
    let inIs = 0;
    let inT = false;
    let rph = 0;
    sax(zip.text(s.part)!, {
      open: (t) => {
        if (main(t, 'row')) {
          const r = plain(t, 'r');
          row = r ? Number(r) : row + 1;
          col = 0;
        } else if (main(t, 'c')) {
          const m = /^([A-Za-z]+)/.exec(plain(t, 'r') ?? '');
          col = m ? colNo(m[1]) : col + 1;
          c = { t: plain(t, 't') ?? 'n', v: null, is: null };
        } else if (main(t, 'v') && c) {
          inV = true;
          c.v = '';
        } else if (main(t, 'is') && c) {
          inIs++;
          c.is = [];
        } else if (main(t, 'rPh')) rph++;
        else if (main(t, 't') && inIs && !rph && c?.is) {
          inT = true;
          c.is.push('');
        }
      },
      close: (t) => {
        if (main(t, 'v')) inV = false;
        else if (main(t, 'is')) inIs--;
        else if (main(t, 'rPh')) rph--;
        else if (main(t, 't')) inT = false;
        else if (main(t, 'c') && c) {
          const v = c.v;
          let value: Value | null = null;
          if (c.t === 'inlineStr') value = c.is ? unescapeExcel(c.is.join('')) : v;
          else if (v !== null) {
            if (c.t === 's') value = strings[Number(v)] ?? null;
            else if (c.t === 'str') value = unescapeExcel(v);
            else if (c.t === 'b') value = v.trim() === '1' || v.trim() === 'true';
            else if (c.t === 'e') value = { error: v.trim() };
            else if (c.t === 'n') value = v.trim() === '' || !Number.isFinite(Number(v)) ? null : Number(v);
          }
          if (value !== null) cells.set(`${s.name}!R${row}C${col}`, value);
          c = null;
        }
      },
      text: (x) => {
        if (!c) return;
        if (inV) c.v += x;
        else if (inT && c.is) c.is[c.is.length - 1] += x;
      },
    });
  }
  return cells;
}
