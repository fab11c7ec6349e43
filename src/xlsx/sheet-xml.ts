import type { HostProgress } from '../core/host';
import { NUMBER_FORMATS, TONE_COLORS, type LayoutLink, type SheetLayout, type WriteValue } from '../core/report/layout';
import type { WritePlan } from '../core/report/write-plan';
import type { Tone } from '../core/sheet-spec';
import { a1, columnLetter } from '../core/values/address';
import { isoToSerial, ymdToIso } from '../core/values/dates';
import { escapeXml, type GeneratedParts, type SheetWriter, type StyleShift } from './patch';
import { xmlAttr, xmlText } from './xml-text';
import { pageTailXml, sheetPrXml } from './page-setup';
import { chartXml, drawingRelsXml, drawingXml, REL_DRAWING } from './chart-xml';
import { TABLE_STYLE, tableColumnNames } from './write';

/**
 * SheetLayouts → SpreadsheetML parts, written directly (ExcelJS's writer takes ~20 s and 2 GB for a 100k-row
 * generated table). The parts are shaped like a small workbook of their own — xl/workbook.xml, its rels,
 * xl/styles.xml, worksheets, tables — so patch.ts moves them into the clerk's file exactly as it would ExcelJS
 * output. A worksheet is not a string: it is a renderer that patch.ts runs while zipping, a row at a time, so a
 * 100k-row sheet never exists whole in memory. Text is always an inline string (never a formula: design rule 5).
 */

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHIFT_1904 = isoToSerial(ymdToIso(1904, 1, 1));
const BUILTIN_NUMFMTS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

type Kind = 'plain' | 'title' | 'heading' | 'link';
const FONT_OF: Record<Kind, number> = { plain: 0, title: 1, heading: 2, link: 3 };
const FONTS = [
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
];

class Styles {
  readonly numFmts = new Map<string, number>();
  readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>();
  readonly dxfs: string[] = [];
  private readonly dxfIndex = new Map<Tone, number>();

  xf(numFmt: string, kind: Kind, wrap = false): number {
    const key = `${kind}\u0000${numFmt}\u0000${wrap ? 'w' : ''}`;
    let i = this.xfIndex.get(key);
    if (i === undefined) {
      let id = BUILTIN_NUMFMTS[numFmt];
      if (id === undefined) {
        id = this.numFmts.get(numFmt) ?? 164 + this.numFmts.size;
        this.numFmts.set(numFmt, id);
      }
      const font = FONT_OF[kind];
      const base = `<xf numFmtId="${id}" fontId="${font}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${font ? ' applyFont="1"' : ''}`;
      // Long text wraps inside its column (widths.ts caps text columns), top-aligned so a wrapped row reads down.
      this.xfs.push(wrap ? `${base} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : `${base}/>`);
      i = this.xfs.length - 1;
      this.xfIndex.set(key, i);
    }
    return i;
  }

  dxf(tone: Tone): number {
    let i = this.dxfIndex.get(tone);
    if (i === undefined) {
      this.dxfs.push(`<dxf><fill><patternFill patternType="solid"><bgColor rgb="FF${TONE_COLORS[tone]}"/></patternFill></fill></dxf>`);
      i = this.dxfs.length - 1;
      this.dxfIndex.set(tone, i);
    }
    return i;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : '') +
      `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.length}">${this.dxfs.join('')}</dxfs>` +
      '</styleSheet>'
    );
  }
}

interface RenderedSheet {
  name: string;
  hidden: boolean;
  part: string;
  render: (shift: StyleShift) => SheetWriter;
  tables: { part: string; xml: string }[];
  /** The sheet's charts: one drawing part and its chart parts. */
  drawing: { part: string; xml: string; rels: string; charts: { part: string; xml: string }[] } | null;
}

/** One cell; an empty one only when it carries a style. Text is always an inline string, never a formula. */
function cellXml(ref: string, v: WriteValue, xf: number): string {
  const s = xf ? ` s="${xf}"` : '';
  if (v === null || v === undefined || v === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
}

const byPlace = (a: LayoutLink, b: LayoutLink): number => a.row - b.row || a.col - b.col;

function renderLayout(layout: SheetLayout, index: number, styles: Styles, date1904: boolean, tableIds: { next: number }, chartIds: { next: number }): RenderedSheet {
  const blocks = [...layout.blocks]
    .sort((a, b) => a.top - b.top)
    .map((block) => {
      const kind: Kind = block.role === 'title' ? (block.top === 1 ? 'title' : 'heading') : block.role === 'caption' ? 'heading' : 'plain';
      const wraps = block.role === 'table' || block.role === 'totals' || block.role === 'summary';
      return {
        block,
        xfs: block.formats.map((f, j) => styles.xf(f ?? 'General', kind, wraps && !!layout.wrap[block.left - 1 + j])),
        isDate: block.formats.map((f) => date1904 && f === NUMBER_FORMATS.date),
      };
    });
  // A link cell shows its text in the link style; the <hyperlink> element under the data says where it goes.
  const linkXf = layout.links.length ? styles.xf('@', 'link') : 0;
  const links = [...layout.links].sort(byPlace);
  // A table's header row holds its column names as Excel requires them (unique, not empty).
  const headerNames = new Map<number, { left: number; names: string[] }>();
  const tables = layout.tables.map((t, k) => {
    const names = tableColumnNames(t.headers);
    headerNames.set(t.top, { left: t.left, names });
    const ref = `${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`;
    const id = tableIds.next++;
    const cols = names.map((n, j) => `<tableColumn id="${j + 1}" name="${xmlAttr(n)}"/>`).join('');
    return {
      part: `xl/tables/table${id}.xml`,
      xml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS_MAIN}" id="${id}" name="${xmlAttr(t.name)}" displayName="${xmlAttr(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
        `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${cols}</tableColumns>` +
        `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      rid: `rId${k + 1}`,
    };
  });
  const highlights = layout.highlights.map((h) => ({ ...h, dxf: styles.dxf(h.tone) }));
  const part = `xl/worksheets/sheet${index + 1}.xml`;
  const charts = layout.charts.map((c) => ({ part: `xl/charts/chart${chartIds.next++}.xml`, xml: chartXml(c, layout.name) }));
  const drawing = charts.length
    ? { part: `xl/drawings/drawing${index + 1}.xml`, xml: drawingXml(layout.charts), rels: drawingRelsXml(charts.map((c) => c.part)), charts }
    : null;
  const drawingRid = `rId${tables.length + 1}`;

  const render =
    (shift: StyleShift): SheetWriter =>
    (write) => {
      write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
      write(sheetPrXml(layout.page));
      write(`<dimension ref="A1:${a1(Math.max(1, layout.lastRow), Math.max(1, layout.lastCol))}"/>`);
      if (layout.freezeRows > 0) {
        const top = a1(layout.freezeRows + 1, 1);
        write(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="${layout.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`);
      } else write('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
      write('<sheetFormatPr defaultRowHeight="15"/>');
      if (layout.widths.length) write(`<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
      write('<sheetData>');
      const letters: string[] = [];
      const letter = (c: number): string => (letters[c] ??= columnLetter(c));
      const shiftOf = (xf: number): number => (xf ? xf + shift.xf : 0);
      let nextLink = 0;
      for (const { block, xfs, isDate } of blocks) {
        const header = headerNames.get(block.top);
        const shifted = xfs.map(shiftOf);
        for (let i = 0; i < block.rows.length; i++) {
          const values = block.rows[i];
          const r = block.top + i;
          const lines = layout.rowLines.get(r);
          // Wrapped text: the row is as tall as its lines (15 points each, the default row height).
          let xml = lines ? `<row r="${r}" ht="${lines * 15}" customHeight="1">` : `<row r="${r}">`;
          while (nextLink < links.length && links[nextLink].row < r) nextLink++;
          for (let j = 0; j < values.length; j++) {
            const c = block.left + j;
            const ref = letter(c) + r;
            while (nextLink < links.length && links[nextLink].row === r && links[nextLink].col < c) nextLink++;
            if (i === 0 && header && c >= header.left && c - header.left < header.names.length) {
              xml += cellXml(ref, header.names[c - header.left], shifted[j] ?? 0);
            } else if (nextLink < links.length && links[nextLink].row === r && links[nextLink].col === c) {
              xml += cellXml(ref, links[nextLink++].text, shiftOf(linkXf));
            } else {
              const v = values[j];
              xml += cellXml(ref, isDate[j] && typeof v === 'number' ? v - SHIFT_1904 : v, shifted[j] ?? 0);
            }
          }
          write(`${xml}</row>`);
        }
      }
      write('</sheetData>');
      highlights.forEach((h, i) => {
        write(`<conditionalFormatting sqref="${h.range}"><cfRule type="expression" dxfId="${h.dxf + shift.dxf}" priority="${i + 1}"><formula>${escapeXml(h.formula.replace(/^=/, ''))}</formula></cfRule></conditionalFormatting>`);
      });
      if (layout.links.length) {
        write('<hyperlinks>');
        for (const l of layout.links) write(`<hyperlink ref="${a1(l.row, l.col)}" location="${xmlAttr(l.reference)}" display="${xmlAttr(l.text)}"/>`);
        write('</hyperlinks>');
      }
      write(pageTailXml(layout.page));
      if (drawing) write(`<drawing r:id="${drawingRid}"/>`);
      if (tables.length) write(`<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.rid}"/>`).join('')}</tableParts>`);
      write('</worksheet>');
    };
  return { name: layout.name, hidden: layout.hidden, part, render, tables, drawing };
}

/** The generated sheets of a plan as parts patch.ts can move into the clerk's workbook. */
export function generatedParts(plan: WritePlan, date1904: boolean, progress?: HostProgress): GeneratedParts {
  const styles = new Styles();
  const tableIds = { next: 1 };
  const chartIds = { next: 1 };
  const total = plan.layouts.reduce((n, l) => n + l.blocks.reduce((m, b) => m + b.rows.length, 0), 0);
  let done = 0;
  const sheets = plan.layouts.map((l, i) => {
    if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const s = renderLayout(l, i, styles, date1904, tableIds, chartIds);
    done += l.blocks.reduce((m, b) => m + b.rows.length, 0);
    progress?.onProgress?.('write', done, total);
    return s;
  });
  const files = new Map<string, string>();
  files.set(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 2}"/>`).join('') +
      '</sheets></workbook>',
  );
  files.set(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      sheets.map((s, i) => `<Relationship Id="rId${i + 2}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  const rendered = new Map(sheets.map((s) => [s.part, s]));
  for (const s of sheets) {
    for (const t of s.tables) files.set(t.part, t.xml);
    if (s.drawing) {
      files.set(s.drawing.part, s.drawing.xml);
      files.set(`xl/drawings/_rels/${s.drawing.part.slice('xl/drawings/'.length)}.rels`, s.drawing.rels);
      for (const c of s.drawing.charts) files.set(c.part, c.xml);
    }
    if (s.tables.length || s.drawing) {
      files.set(
        `xl/worksheets/_rels/${s.part.slice('xl/worksheets/'.length)}.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          s.tables.map((t, k) => `<Relationship Id="rId${k + 1}" Type="${NS_REL}/table" Target="../tables/${t.part.slice('xl/tables/'.length)}"/>`).join('') +
          (s.drawing ? `<Relationship Id="rId${s.tables.length + 1}" Type="${REL_DRAWING}" Target="../drawings/${s.drawing.part.slice('xl/drawings/'.length)}"/>` : '') +
          '</Relationships>',
      );
    }
  }
  // Styles last: every sheet has registered the formats it uses.
  files.set('xl/styles.xml', styles.xml());
  return {
    text: (name) => files.get(name) ?? null,
    sheetWriter: (part, shift) => rendered.get(part)?.render(shift) ?? null,
  };
}
