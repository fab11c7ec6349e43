import type ExcelJS from 'exceljs';
import type { HostProgress } from '../core/host';
import { NUMBER_FORMATS, TONE_COLORS, type SheetLayout } from '../core/report/layout';
import type { WritePlan } from '../core/report/write-plan';
import { a1 } from '../core/values/address';
import { isoToSerial, ymdToIso } from '../core/values/dates';
import { applyPageSetup } from './page-setup-exceljs';

/** Days between the 1900 and the 1904 date systems, from core's one serial conversion. */
const SHIFT_1904 = isoToSerial(ymdToIso(1904, 1, 1));

/**
 * Execute a WritePlan on a loaded ExcelJS workbook (the host only executes: every position, format and name
 * was decided in core). Only sheets the plan names are touched; the clerk's sheets are left as loaded.
 */

/** The table style of every generated table: light, striped, with filter buttons. */
export const TABLE_STYLE = 'TableStyleLight9';

interface OrderedWorksheet {
  orderNo: number;
}

type Style = Partial<ExcelJS.Style>;

/**
 * One shared style object per (format, role): ExcelJS keeps a style object per cell, so sharing them keeps
 * memory flat on large tables. Styles are always assigned whole, never mutated through cell.font = … setters.
 */
class StyleCache {
  private readonly cache = new Map<string, Style>();
  get(numFmt: string, kind: 'plain' | 'title' | 'heading' | 'link' = 'plain'): Style {
    const key = `${kind}\u0000${numFmt}`;
    let s = this.cache.get(key);
    if (!s) {
      s = { numFmt };
      if (kind === 'title') s.font = { bold: true, size: 14 };
      if (kind === 'heading') s.font = { bold: true };
      if (kind === 'link') s.font = { color: { argb: 'FF0563C1' }, underline: true };
      this.cache.set(key, s);
    }
    return s;
  }
}

/** Excel requires a table's column names to be unique and not empty. */
export function tableColumnNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() || `Column${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function writeLayout(ws: ExcelJS.Worksheet, layout: SheetLayout, styles: StyleCache, tick: (rows: number) => void, date1904: boolean): void {
  for (const block of layout.blocks) {
    const kind = block.role === 'title' ? (block.top === 1 ? 'title' : 'heading') : block.role === 'caption' ? 'heading' : 'plain';
    block.rows.forEach((values, i) => {
      const row = ws.getRow(block.top + i);
      values.forEach((v, j) => {
        const cell = row.getCell(block.left + j);
        cell.style = styles.get(block.formats[j] ?? 'General', kind);
        // A string is always a string value in ExcelJS (formulas only come from {formula}), so text that starts
        // with = + - @ stays text (design rule 5). Nothing here builds a formula.
        // Layouts give dates as 1900-system serials; a 1904-system workbook counts from 1904-01-01.
        cell.value = date1904 && typeof v === 'number' && block.formats[j] === NUMBER_FORMATS.date ? v - SHIFT_1904 : v;
      });
      if (i % 1000 === 999) tick(1000);
    });
    tick(block.rows.length % 1000);
  }

  for (const link of layout.links) {
    const cell = ws.getRow(link.row).getCell(link.col);
    const fmt = (cell.style?.numFmt as string | undefined) ?? '@';
    cell.style = styles.get(fmt, 'link');
    cell.value = { text: link.text, hyperlink: `#${link.reference}`, tooltip: link.reference };
  }

  for (const table of layout.tables) {
    const names = tableColumnNames(table.headers);
    ws.addTable({
      name: table.name,
      ref: a1(table.top, table.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: TABLE_STYLE, showRowStripes: true },
      columns: names.map((name) => ({ name, filterButton: true })),
      // The values are already in the cells: empty rows only size the table, so ExcelJS does not write them again.
      rows: Array.from({ length: table.bottom - table.top }, () => []),
    });
  }

  layout.highlights.forEach((h, i) => {
    ws.addConditionalFormatting({
      ref: h.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [h.formula.replace(/^=/, '')],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${TONE_COLORS[h.tone]}` } } },
        },
      ],
    });
  });

  layout.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  if (layout.freezeRows > 0) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.freezeRows, topLeftCell: a1(layout.freezeRows + 1, 1) }];
  }
  if (layout.hidden) ws.state = 'hidden';
  applyPageSetup(ws, layout.page);
}

/**
 * `date1904`: the workbook the sheets end up in uses the 1904 date system (dates are written in its serials).
 * Pass it when writing into a fresh workbook whose sheets are then moved into the clerk's.
 */
export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan, progress?: HostProgress, date1904 = !!wb.properties?.date1904): void {
  for (const name of plan.remove) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  const reuse = new Set(plan.reuse);
  const total = plan.layouts.reduce((n, l) => n + l.blocks.reduce((m, b) => m + b.rows.length, 0), 0);
  let done = 0;
  const tick = (rows: number) => {
    if (!rows) return;
    done += rows;
    progress?.onProgress?.('write', done, total);
  };
  const styles = new StyleCache();
  for (const layout of plan.layouts) {
    if (progress?.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
    const old = wb.getWorksheet(layout.name);
    let orderNo: number | undefined;
    if (old) {
      // planWrite never gives a generated sheet the name of one of the clerk's sheets.
      if (!reuse.has(layout.name)) throw new Error(`write plan would overwrite a sheet it does not own: ${layout.name}`);
      orderNo = (old as unknown as OrderedWorksheet).orderNo;
      wb.removeWorksheet(old.id);
    }
    const ws = wb.addWorksheet(layout.name);
    // A reused sheet keeps its place in the tab order; new ones go at the end.
    if (orderNo !== undefined) (ws as unknown as OrderedWorksheet).orderNo = orderNo;
    writeLayout(ws, layout, styles, tick, date1904);
  }
}
