import { TABLE_KINDS, type TableKind } from '../tables/kinds';
import { SCHEMAS } from '../tables/schemas';
import type { HeaderChoice, HeaderColumn } from './header';
import { headerLikeness, matchHeaderKey } from './vocabulary';

/**
 * Column mapping and the kind decision.
 *
 * Mapping (per kind): every (column, field) pair a header word supports gets a score; pairs are taken best first
 * — exact matches before contains-matches, the longer (more specific) word first, the left column first — so each
 * column gets at most one field and each field at most one column. 含税单价 goes to unitPriceWithTax because that
 * exact match outranks the contains-match of 单价; a second 发票号 column is left out and reported.
 *
 * Kind: how much of the header the kind explains (coverage), how many of its required fields it finds, and whether
 * the sheet name or title block uses its words (对账单 → statements). Kinds within `AMBIGUOUS_MARGIN` of the best
 * are reported as alternatives, with a lower confidence, instead of a silent guess.
 */

export const AMBIGUOUS_MARGIN = 0.05;
const WEIGHT_COVERAGE = 0.55;
const WEIGHT_REQUIRED = 0.3;
const WEIGHT_TITLE = 0.15;
/** How much a header column that no schema word names counts against a kind's coverage. */
const UNKNOWN_COLUMN_WEIGHT = 0.1;
/** Below this a sheet is not taken for a table. */
export const MIN_CONFIDENCE = 0.4;
/** A kind the title names needs at least this many of its fields among the columns. */
const SETTLED_MIN_FIELDS = 2;
/** A kind both the title and the columns support is at least this sure. */
const SETTLED_CONFIDENCE = 0.6;

export interface ColumnMapping {
  /** field index → column */
  fieldCol: Map<number, HeaderColumn>;
  /** field index → match score */
  fieldScore: Map<number, number>;
  /** Columns that named an already-taken field as well as the column that got it: [column, field index, taken by]. */
  duplicates: { column: HeaderColumn; field: number; keptColumn: HeaderColumn }[];
}

export interface KindFit {
  kind: TableKind;
  mapping: ColumnMapping;
  raw: number;
  coverage: number;
  requiredFound: number;
  requiredTotal: number;
  title: number;
}

interface Pair {
  column: HeaderColumn;
  field: number;
  score: number;
  spec: number;
  exact: boolean;
}

export function mapColumns(kind: TableKind, columns: readonly HeaderColumn[]): ColumnMapping {
  const pairs: Pair[] = [];
  for (const column of columns) {
    const best = new Map<number, Pair>();
    column.keys.forEach((key, priority) => {
      for (const hit of matchHeaderKey(key)) {
        if (hit.kind !== kind) continue;
        // Later keys of a two-row header (a part alone) rank just below the combined words.
        const score = hit.score - priority * 1e-3;
        const prev = best.get(hit.field);
        if (!prev || score > prev.score || (score === prev.score && hit.spec > prev.spec)) {
          best.set(hit.field, { column, field: hit.field, score, spec: hit.spec, exact: hit.exact });
        }
      }
    });
    pairs.push(...best.values());
  }
  pairs.sort((a, b) => b.score - a.score || b.spec - a.spec || a.column.col - b.column.col);
  const fieldCol = new Map<number, HeaderColumn>();
  const fieldScore = new Map<number, number>();
  const usedCols = new Set<number>();
  const bestOfColumn = new Map<number, Pair>();
  for (const p of pairs) if (!bestOfColumn.has(p.column.col)) bestOfColumn.set(p.column.col, p);
  const rejected: Pair[] = [];
  for (const p of pairs) {
    if (usedCols.has(p.column.col)) continue;
    if (fieldCol.has(p.field)) {
      if (p.exact && bestOfColumn.get(p.column.col) === p) rejected.push(p);
      continue;
    }
    fieldCol.set(p.field, p.column);
    fieldScore.set(p.field, Math.max(0, Math.min(1, p.score)));
    usedCols.add(p.column.col);
  }
  const duplicates = rejected
    .filter((p) => !usedCols.has(p.column.col))
    .map((p) => ({ column: p.column, field: p.field, keptColumn: fieldCol.get(p.field) as HeaderColumn }));
  return { fieldCol, fieldScore, duplicates };
}

export function fitKind(kind: TableKind, header: HeaderChoice, title: number): KindFit {
  const mapping = mapColumns(kind, header.columns);
  const schema = SCHEMAS[kind];
  let sum = 0;
  for (const s of mapping.fieldScore.values()) sum += s;
  // Columns no schema knows (包装方式, 单重, an ERP's internal ids) weigh little: a wide export with the usual
  // columns among many others is still that kind of table. The denominator is the same for every kind.
  let known = 0;
  for (const c of header.columns) if (c.keys.some((k) => headerLikeness(k) >= 0.5)) known++;
  const weight = Math.max(1, known + UNKNOWN_COLUMN_WEIGHT * (header.columns.length - known));
  const coverage = Math.min(1, sum / weight);
  let requiredTotal = 0;
  let requiredFound = 0;
  schema.fields.forEach((f, i) => {
    if (!f.required) return;
    requiredTotal++;
    if (mapping.fieldCol.has(i)) requiredFound++;
  });
  const reqRatio = requiredTotal ? requiredFound / requiredTotal : 1;
  const raw = WEIGHT_COVERAGE * coverage + WEIGHT_REQUIRED * reqRatio + WEIGHT_TITLE * title;
  return { kind, mapping, raw, coverage, requiredFound, requiredTotal, title };
}

export interface KindDecision {
  best: KindFit;
  confidence: number;
  alternatives: { kind: TableKind; confidence: number }[];
  fits: KindFit[];
  /** True when the title's document name chose the kind. */
  settled?: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Fit every kind and pick the best; `only` restricts to one kind (the clerk's override). */
export function decideKind(header: HeaderChoice, titleHits: Map<TableKind, number>, only?: TableKind, settled?: TableKind): KindDecision {
  const kinds = only ? [only] : TABLE_KINDS;
  const fits = kinds.map((k) => fitKind(k, header, titleHits.get(k) ?? 0));
  // Stable: on an exact tie the earlier kind in TABLE_KINDS wins (and the other is reported).
  const sorted = [...fits].sort((a, b) => b.raw - a.raw);
  if (only) return { best: sorted[0], confidence: 1, alternatives: [], fits };
  // The title's document name (发货通知单, 报价单, 对账单) settles the kind when its columns fit at all.
  const titled = settled ? sorted.find((f) => f.kind === settled && f.mapping.fieldCol.size >= SETTLED_MIN_FIELDS) : undefined;
  if (titled && titled !== sorted[0]) {
    sorted.splice(sorted.indexOf(titled), 1);
    sorted.unshift(titled);
    const confidence = Math.max(titled.raw, SETTLED_CONFIDENCE);
    const alternatives = sorted.slice(1).filter((f) => f.raw > confidence && f.requiredFound > 0).map((f) => ({ kind: f.kind, confidence: round2(f.raw * 0.7) }));
    return { best: titled, confidence, alternatives, fits, settled: true };
  }
  const best = sorted[0];
  if (titled) return { best, confidence: Math.max(best.raw, SETTLED_CONFIDENCE), alternatives: [], fits, settled: true };
  const second = sorted[1];
  const margin = second ? best.raw - second.raw : 1;
  const confidence = margin >= AMBIGUOUS_MARGIN ? best.raw : best.raw * (0.7 + (0.3 * margin) / AMBIGUOUS_MARGIN);
  const alternatives = sorted
    .slice(1)
    .filter((f) => best.raw - f.raw < AMBIGUOUS_MARGIN && f.requiredFound > 0)
    .map((f) => ({ kind: f.kind, confidence: round2(f.raw * 0.7) }));
  return { best, confidence: Math.max(0, Math.min(1, confidence)), alternatives, fits };
}
