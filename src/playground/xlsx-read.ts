import type { Grid, GridValue, MergedRange } from '../core/grid';
import { parseA1 } from '../core/values/address';
import { builtinFormatCode, gridFormat } from '../core/values/number-format';

/**
 * A small in-browser .xlsx reader for the playground (no dependencies): unzip with the browser's
 * DecompressionStream, parse the parts with DOMParser, and fill Grids as the hosts do — values, number formats,
 * merged ranges, hidden rows/columns/sheets, the 1904 date system. Formula cells give their cached value.
 * It exists so the playground works on its own; the ExcelJS host (src/xlsx) is the product's file host.
 */

export class XlsxReadError extends Error {}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

function listZip(buf: Uint8Array): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxReadError('not a zip file');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new XlsxReadError('bad zip directory');
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    entries.push({ name: decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)), method, compressedSize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readEntry(buf: Uint8Array, e: ZipEntry): Promise<string> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(e.offset, true) !== 0x04034b50) throw new XlsxReadError('bad zip entry');
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const raw = buf.subarray(start, start + e.compressedSize);
  const bytes = e.method === 0 ? raw : e.method === 8 ? await inflate(raw) : null;
  if (!bytes) throw new XlsxReadError(`unsupported compression ${e.method}`);
  return new TextDecoder().decode(bytes);
}

const xml = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
const all = (node: Document | Element, tag: string) => Array.from(node.getElementsByTagNameNS('*', tag));
const first = (node: Document | Element, tag: string): Element | undefined => node.getElementsByTagNameNS('*', tag)[0];
const attr = (el: Element, name: string) => el.getAttribute(name);
const relId = (el: Element) =>
  el.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? el.getAttribute('r:id');

const text = (el: Element | undefined) =>
  el ? all(el, 't').filter((t) => t.parentElement?.localName !== 'rPh').map((t) => t.textContent ?? '').join('') : '';

function resolveTarget(target: string): string {
  const t = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const parts: string[] = [];
  for (const seg of t.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

function rangeOf(ref: string): MergedRange | null {
  const [a, b] = ref.split(':');
  const p = parseA1(a ?? '');
  const q = parseA1(b ?? a ?? '');
  return p && q ? { top: p.row, left: p.col, bottom: q.row, right: q.col } : null;
}

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<Grid[]> {
  const buf = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = listZip(buf);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const part = async (name: string) => {
    const e = byName.get(name);
    return e ? xml(await readEntry(buf, e)) : null;
  };
  const workbook = await part('xl/workbook.xml');
  if (!workbook) throw new XlsxReadError('no workbook part');
  const rels = await part('xl/_rels/workbook.xml.rels');
  const targets = new Map((rels ? all(rels, 'Relationship') : []).map((r) => [attr(r, 'Id') ?? '', attr(r, 'Target') ?? '']));
  const pr = first(workbook, 'workbookPr');
  const date1904 = pr ? ['1', 'true'].includes(attr(pr, 'date1904') ?? '') : false;

  const sst = await part('xl/sharedStrings.xml');
  const strings = sst ? all(sst, 'si').map((si) => text(si)) : [];

  const styles = await part('xl/styles.xml');
  const custom = new Map<number, string>();
  const xfFormats: (string | null)[] = [];
  if (styles) {
    for (const f of all(styles, 'numFmt')) custom.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '');
    const cellXfs = first(styles, 'cellXfs');
    for (const xf of cellXfs ? Array.from(cellXfs.children).filter((c) => c.localName === 'xf') : []) {
      const id = Number(attr(xf, 'numFmtId') ?? 0);
      xfFormats.push(gridFormat(custom.get(id) ?? builtinFormatCode(id)));
    }
  }

  const grids: Grid[] = [];
  for (const sheet of all(workbook, 'sheet')) {
    const name = attr(sheet, 'name') ?? `Sheet${grids.length + 1}`;
    const target = targets.get(relId(sheet) ?? '');
    const doc = target ? await part(resolveTarget(target)) : null;
    const grid: Grid = { name, values: [], formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904 };
    const state = attr(sheet, 'state');
    if (state === 'hidden' || state === 'veryHidden') grid.hidden = true;
    if (doc) {
      for (const col of all(doc, 'col')) {
        if (!['1', 'true'].includes(attr(col, 'hidden') ?? '')) continue;
        for (let c = Number(attr(col, 'min')); c <= Number(attr(col, 'max')) && c < 16385; c++) grid.hiddenColumns.push(c);
      }
      let rowNo = 0;
      for (const row of all(doc, 'row')) {
        rowNo = Number(attr(row, 'r') ?? rowNo + 1);
        if (['1', 'true'].includes(attr(row, 'hidden') ?? '')) grid.hiddenRows.push(rowNo);
        let colNo = 0;
        for (const c of Array.from(row.children).filter((e) => e.localName === 'c')) {
          const ref = attr(c, 'r');
          colNo = ref ? parseA1(ref)?.col ?? colNo + 1 : colNo + 1;
          const t = attr(c, 't') ?? 'n';
          const v = first(c, 'v')?.textContent ?? null;
          let value: GridValue = null;
          if (t === 's') value = v === null ? null : strings[Number(v)] ?? '';
          else if (t === 'inlineStr') value = text(first(c, 'is'));
          else if (t === 'str') value = v ?? '';
          else if (t === 'b') value = v === '1';
          else if (t === 'e') value = { error: v ?? '#N/A' };
          else if (t === 'd') value = v;
          else if (v !== null && v !== '') value = Number(v);
          const fmt = xfFormats[Number(attr(c, 's') ?? 0)] ?? null;
          if (value === null && !fmt) continue;
          grid.values[rowNo - 1] ??= [];
          grid.formats[rowNo - 1] ??= [];
          grid.values[rowNo - 1][colNo - 1] = value;
          grid.formats[rowNo - 1][colNo - 1] = fmt;
        }
      }
      for (const m of all(doc, 'mergeCell')) {
        const r = rangeOf(attr(m, 'ref') ?? '');
        if (r) grid.merges.push(r);
      }
    }
    // Dense rows (a Grid allows ragged rows, not holes), trailing empty rows dropped.
    const values: GridValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 0; r < grid.values.length; r++) {
      values.push(Array.from(grid.values[r] ?? [], (v) => (v === undefined ? null : v)));
      formats.push(Array.from(grid.formats[r] ?? [], (v) => (v === undefined ? null : v)));
    }
    while (values.length && values[values.length - 1].every((v) => v === null)) {
      values.pop();
      formats.pop();
    }
    grid.values = values;
    grid.formats = formats;
    grids.push(grid);
  }
  if (!grids.length) throw new XlsxReadError('no sheets');
  return grids;
}
