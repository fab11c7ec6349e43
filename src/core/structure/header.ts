import { cellText, type SheetView } from './sheet-view';
import { headerKey, headerLikeness } from './vocabulary';

/**
 * Header detection: which row (or pair of rows) of the first ~40 names the columns.
 *
 * Each candidate row is scored by how header-like its cells are (their best match against every schema's
 * words). The best row wins (the earliest on a tie, so a header repeated at a page break never beats the first).
 * Then two-row headers: a group cell merged across columns (金额 over 含税 / 不含税), or a group word with blank
 * cells to its right over sub-headers, joins the row above or below into one header whose column texts are the
 * group and sub words combined ('金额' + '含税' → 金额含税, matched as 含税金额 / 金额含税).
 */

export const HEADER_SCAN_ROWS = 40;

export interface HeaderColumn {
  /** 1-based column. */
  col: number;
  /** The header as the clerk reads it ('金额/含税' for a two-row header). */
  text: string;
  /** Keys to match, best first: the combined group+sub forms, then each part alone. */
  keys: string[];
  /** The cell to point at for this header (the sub-header cell of a two-row header). */
  row: number;
}

export interface HeaderChoice {
  /** 1-based header rows (two for a two-row header). */
  rows: number[];
  columns: HeaderColumn[];
  /** Sum of the columns' best match scores. */
  score: number;
  /** Columns whose text matches some schema word. */
  matched: number;
  /** The first row that can hold data (below any header cell merged downwards). */
  dataStart: number;
}

interface RowCell {
  col: number;
  text: string;
  key: string;
}

/** The cells of one row as a single header row: a merged cell counts once, at its anchor. */
function singleRowCells(view: SheetView, row: number): RowCell[] {
  const out: RowCell[] = [];
  const values = view.grid.values[row - 1];
  if (!values) return out;
  for (let c = 1; c <= values.length; c++) {
    const v = values[c - 1];
    if (v === null || v === undefined) continue;
    const m = view.mergeAt(row, c);
    if (m && (m.top !== row || m.left !== c)) continue;
    const text = cellText(v);
    if (!text) continue;
    out.push({ col: c, text, key: headerKey(text) });
  }
  return out;
}

function isNumericCell(view: SheetView, row: number): number {
  const values = view.grid.values[row - 1];
  if (!values) return 0;
  let n = 0;
  for (const v of values) if (typeof v === 'number') n++;
  return n;
}

function scoreCells(cells: RowCell[]): { score: number; matched: number } {
  let score = 0;
  let matched = 0;
  for (const cell of cells) {
    const s = headerLikeness(cell.key);
    if (s >= 0.5) {
      score += s;
      matched++;
    }
  }
  return { score, matched };
}

function single(view: SheetView, row: number): HeaderChoice {
  const cells = singleRowCells(view, row);
  const { score, matched } = scoreCells(cells);
  let dataStart = row + 1;
  for (const cell of cells) {
    const m = view.mergeAt(row, cell.col);
    if (m && m.bottom + 1 > dataStart) dataStart = m.bottom + 1;
  }
  return {
    rows: [row],
    columns: cells.map((c) => ({ col: c.col, text: c.text, keys: [c.key], row })),
    score,
    matched,
    dataStart,
  };
}

/** The text of a cell as part of a header block: merged cells read their anchor's value. */
function resolvedText(view: SheetView, row: number, col: number): { text: string; anchor: string } {
  const m = view.mergeAt(row, col);
  if (m) return { text: cellText(view.value(m.top, m.left)), anchor: `${m.top}:${m.left}` };
  return { text: cellText(view.value(row, col)), anchor: `${row}:${col}` };
}

/**
 * Group rows over a row of sub-headers as one header, or null when there is no structural sign of a group row (a
 * group merged across columns, or a group word with blank cells to its right, over at least two sub-headers).
 * With two group rows (金额 over 含税 / 不含税 over 单价 / 金额) a column's group is its words of both rows.
 */
function double(view: SheetView, top: number, groupRows = 1): HeaderChoice | null {
  const sub = top + groupRows;
  if (top < 1 || sub > view.rowCount) return null;
  if (isNumericCell(view, sub) > 0) return null;
  for (let r = top + 1; r < sub; r++) if (isNumericCell(view, r) > 0) return null;
  let width = 0;
  for (let r = top; r <= sub; r++) width = Math.max(width, view.grid.values[r - 1]?.length ?? 0);
  // `near`: the group word right above the sub-header (含税 of 金额 › 含税 › 单价), which qualifies it most.
  type Col = { col: number; top: string; near: string; topAnchor: string; sub: string; subAnchor: string; grouped: boolean };
  const s = (c: number) => resolvedText(view, sub, c);
  // Each group row: its word per column, a word with blank unmerged cells to its right over sub-headers
  // spreading over them (an unmerged group).
  const groupTexts: { text: string; anchor: string }[][] = [];
  for (let r = top; r < sub; r++) {
    const row: { text: string; anchor: string }[] = [];
    for (let c = 1; c <= width; c++) row.push(resolvedText(view, r, c));
    for (let i = 0; i < row.length; i++) {
      if (!row[i].text || row[i].anchor === s(i + 1).anchor || !s(i + 1).text) continue;
      let j = i + 1;
      while (j < row.length && !row[j].text && s(j + 1).text && !view.mergeAt(r, j + 1)) {
        row[j] = row[i];
        j++;
      }
    }
    groupTexts.push(row);
  }
  const cols: Col[] = [];
  for (let c = 1; c <= width; c++) {
    const sc = s(c);
    const parts = groupTexts.map((row) => row[c - 1]).filter((p, i, all) => p.text && (i === 0 || p.anchor !== all[i - 1].anchor));
    // A cell merged down into the sub row is the column's own header, not a group.
    const own = parts.find((p) => p.anchor === sc.anchor);
    const group = own ? [own] : parts;
    cols.push({ col: c, top: group.map((p) => p.text).join(''), near: group[group.length - 1]?.text ?? '', topAnchor: group.map((p) => p.anchor).join('|'), sub: sc.text, subAnchor: sc.anchor, grouped: false });
  }
  // Evidence: some top anchor spans ≥ 2 columns whose combined words name a column at least as well as either
  // word alone ('金额'+'含税' = 金额含税). A banner over the header, or a header over a first data row, fails this.
  const spans = new Map<string, Col[]>();
  for (const c of cols) {
    if (!c.top || !c.sub || c.topAnchor === c.subAnchor) continue;
    const list = spans.get(c.topAnchor);
    if (list) list.push(c);
    else spans.set(c.topAnchor, [c]);
  }
  let evidence = false;
  for (const list of spans.values()) {
    if (list.length < 2) continue;
    if ([...list[0].top].length > 12) continue; // a title banner, not a group word
    if (/[:：]/.test(list[0].top)) continue; // a form's label (交货日期：) over the header, not a group word
    if (new Set(list.map((c) => c.sub)).size < 2) continue;
    let combinedWins = 0;
    for (const c of list) {
      const combined = Math.max(headerLikeness(headerKey(c.near + c.sub)), headerLikeness(headerKey(c.sub + c.near)));
      const alone = Math.max(headerLikeness(headerKey(c.near)), headerLikeness(headerKey(c.sub)));
      // Under two group rows the merges themselves are the evidence; the words need only name a column together.
      if (combined >= 0.5 && (groupRows > 1 || combined >= alone)) combinedWins++;
    }
    if (combinedWins < 2) continue;
    for (const c of list) c.grouped = true;
    evidence = true;
  }
  if (!evidence) return null;
  const columns: HeaderColumn[] = [];
  let score = 0;
  let matched = 0;
  let dataStart = sub + 1;
  for (const c of cols) {
    if (!c.top && !c.sub) continue;
    let keys: string[];
    let text: string;
    let at = sub;
    const topMerge = view.mergeAt(top, c.col);
    const subMerge = view.mergeAt(sub, c.col);
    if (c.topAnchor === c.subAnchor || !c.sub) {
      // One cell over both rows (merged down), or a top cell with nothing under it: counted once, at its anchor.
      if (!c.top || (topMerge && topMerge.left !== c.col)) continue;
      text = c.top;
      keys = [headerKey(c.top)];
      at = c.topAnchor.includes('|') ? top : Number(c.topAnchor.split(':')[0]) || top;
    } else if (subMerge && subMerge.left !== c.col) {
      continue;
    } else if (!c.top) {
      text = c.sub;
      keys = [headerKey(c.sub)];
    } else if (c.grouped) {
      text = c.near === c.top ? `${c.top}/${c.sub}` : `${c.top.slice(0, c.top.length - c.near.length)}/${c.near}/${c.sub}`;
      keys = [headerKey(c.near + c.sub), headerKey(c.sub + c.near), headerKey(c.top + c.sub), headerKey(c.sub), headerKey(c.top)];
    } else {
      // Different words above and below without a group: the lower one names the column unless it says nothing.
      text = c.sub;
      keys = [headerKey(c.sub), headerKey(c.top)];
    }
    keys = [...new Set(keys.filter((k) => k))];
    if (!keys.length) continue;
    let best = 0;
    for (const k of keys) best = Math.max(best, headerLikeness(k));
    if (best >= 0.5) {
      score += best;
      matched++;
    }
    if (subMerge && subMerge.bottom + 1 > dataStart) dataStart = subMerge.bottom + 1;
    columns.push({ col: c.col, text, keys, row: at });
  }
  const rows: number[] = [];
  for (let r = top; r <= sub; r++) rows.push(r);
  return { rows, columns, score, matched, dataStart };
}

/** The header at a given row (the last row of a two-row header), for the clerk's override. */
export function headerAt(view: SheetView, row: number): HeaderChoice {
  const one = single(view, row);
  const two = row > 1 ? double(view, row - 1) : null;
  return two && two.score >= one.score ? two : one;
}

function rowHasText(view: SheetView, row: number): boolean {
  return (view.grid.values[row - 1] ?? []).some((v) => typeof v === 'string' && v.trim() !== '');
}

/** The best header in the first rows, or null when no row names at least two columns. */
export function findHeader(view: SheetView): HeaderChoice | null {
  const last = Math.min(HEADER_SCAN_ROWS, view.rowCount);
  let best: HeaderChoice | null = null;
  let bestScore = 0;
  for (let r = 1; r <= last; r++) {
    const h = single(view, r);
    if (h.matched < 2) continue;
    // Numbers in a row are data, not header words.
    const numbers = isNumericCell(view, r);
    const score = numbers >= 2 ? h.score * 0.5 : h.score;
    if (score > bestScore + 1e-9) {
      best = h;
      bestScore = score;
    }
  }
  if (!best) return null;
  const r = best.rows[0];
  let choice = best;
  for (const candidate of [double(view, r), r > 1 ? double(view, r - 1) : null]) {
    if (candidate && candidate.matched >= 2 && candidate.score >= choice.score) choice = candidate;
  }
  // Two group rows over the sub-headers: only when they name more than two rows do.
  for (const top of [r, r - 1, r - 2]) {
    const candidate = top >= 1 && rowHasText(view, top) ? double(view, top, 2) : null;
    if (candidate && candidate.matched >= 2 && candidate.score > choice.score + 1e-9) choice = candidate;
  }
  return choice;
}
