import type { Grid } from '../grid';
import type { MessageKey } from '../i18n';
import { STATE_SHEET, type SheetOverride } from '../state';
import { TABLE_KINDS, type TableKind } from '../tables/kinds';
import { SCHEMAS } from '../tables/schemas';
import type { AnyTypedTable } from '../tables/typed-table';
import { a1, columnLetter } from '../values/address';
import { headerAt, findHeader, type HeaderChoice, type HeaderColumn } from './header';
import type { SheetDetection, StructureOptions, StructureResult } from './index';
import { decideKind, MIN_CONFIDENCE } from './kind';
import { readRows, type FieldPlan } from './rows';
import { checkByValues } from './column-values';
import { cellText, sheetView, type SheetView } from './sheet-view';
import { counterpartyFromTitle, titleLines, yearFromTitle } from './title';
import { headerKey, titleVerdict } from './vocabulary';
import { OTHER_HEADER_WORDS } from './other-kinds';
import type { KindSchema } from '../tables/schema-types';

/**
 * Structure every sheet of a workbook: find its header, decide its kind, map its columns, read its rows.
 * Pure and deterministic; a sheet that is not a table gives a detection with kind null and no table.
 */
export function structureWorkbook(grids: readonly Grid[], options: StructureOptions = {}): StructureResult {
  const out: StructureResult = { tables: [], issues: [], findings: [], detections: [] };
  const skip = new Set(options.skipSheets ?? []);
  for (const grid of grids) {
    if (grid.name === STATE_SHEET || skip.has(grid.name)) continue;
    structureSheet(grid, options.overrides?.[grid.name], options.defaultYear, out);
  }
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** A column mapped with less than this confidence (a contained word, not the word itself) is reported as guessed. */
const GUESSED_BELOW = 0.9;
const msg = (key: string, values?: Record<string, string | number>) => ({ key: key as MessageKey, values });

function nullDetection(sheet: string, overridden: boolean, headerRows: number[] = []): SheetDetection {
  return { sheet, kind: null, confidence: 0, alternatives: [], headerRows, columns: {}, missingRequired: [], overridden };
}

function structureSheet(grid: Grid, override: SheetOverride | undefined, defaultYear: number | undefined, out: StructureResult): void {
  const sheet = grid.name;
  const overridden = !!override && (override.kind !== undefined || override.headerRow !== undefined || !!override.columns);
  if (override?.kind === 'ignore') {
    out.detections.push(nullDetection(sheet, true));
    return;
  }
  const forcedKind = override?.kind && (TABLE_KINDS as readonly string[]).includes(override.kind) ? (override.kind as TableKind) : undefined;
  const findings = out.findings;
  const view = sheetView(grid);
  if (view.rowCount === 0 || view.colCount === 0) {
    out.detections.push(nullDetection(sheet, overridden));
    return;
  }
  const validHeaderRow = override?.headerRow !== undefined && Number.isInteger(override.headerRow) && override.headerRow >= 1 && override.headerRow <= view.rowCount;
  const header = validHeaderRow ? headerAt(view, override!.headerRow!) : findHeader(view);
  if (!header || header.columns.length === 0) {
    out.detections.push(nullDetection(sheet, overridden));
    if (hasContent(view)) findings.push({ severity: 'info', code: 'structure.no-header', message: msg('structure.finding.noHeader', { sheet }), cells: [{ sheet, cell: 'A1' }] });
    return;
  }
  const lines = titleLines(view, header.rows[0]);
  const verdict = titleVerdict([sheet, ...lines]);
  const decision = decideKind(header, verdict.hits, forcedKind, verdict.settled?.kind);
  const fit = decision.best;
  const schema = SCHEMAS[fit.kind];
  const headerCell = { sheet, cell: a1(header.rows[header.rows.length - 1], header.columns[0]?.col ?? 1) };
  const otherWord = forcedKind ? undefined : verdict.settled?.other ? verdict.settled.word : decision.settled ? undefined : otherHeaderWord(header.columns, fit.mapping.fieldCol, schema);
  if (otherWord) {
    // A supplier list, purchases, payroll…: no table, the nearest of our kinds offered with a low confidence.
    const guess = fit.mapping.fieldCol.size >= 2 ? [{ kind: fit.kind, confidence: round2(Math.min(0.3, fit.raw * 0.5)) }] : [];
    out.detections.push({ ...nullDetection(sheet, overridden, header.rows), alternatives: guess });
    findings.push({ severity: 'info', code: 'structure.not-our-kind', message: msg('structure.finding.notOurKind', { sheet, word: otherWord }), cells: [headerCell] });
    return;
  }
  if (!forcedKind && !decision.settled && (header.matched < 2 || fit.raw < MIN_CONFIDENCE || (fit.requiredTotal > 0 && fit.requiredFound === 0))) {
    out.detections.push(nullDetection(sheet, overridden, header.rows));
    findings.push({ severity: 'info', code: 'structure.not-a-table', message: msg('structure.finding.notATable', { sheet }), cells: [headerCell] });
    return;
  }

  // field index → column, corrected by the values under the header, then the clerk's column overrides.
  const fieldCol = new Map(fit.mapping.fieldCol);
  const confidence = new Map(fit.mapping.fieldScore);
  const moves = checkByValues(view, schema, header.columns, fieldCol, confidence, header.dataStart);
  if (override?.columns) {
    for (const [field, col] of Object.entries(override.columns)) {
      const index = schema.fields.findIndex((f) => f.field === field);
      if (index < 0) {
        findings.push({ severity: 'warning', code: 'structure.override-unknown-field', message: msg('structure.finding.overrideUnknownField', { sheet, field, kind: fit.kind }), cells: [headerCell] });
        continue;
      }
      if (col === null) {
        fieldCol.delete(index);
        confidence.delete(index);
        continue;
      }
      if (!Number.isInteger(col) || col < 1 || col > 16_384) continue;
      for (const [i, c] of fieldCol) if (c.col === col) {
        fieldCol.delete(i);
        confidence.delete(i);
      }
      fieldCol.set(index, columnFor(view, header, col));
      confidence.set(index, 1);
    }
  }

  const indices = [...fieldCol.keys()].sort((a, b) => a - b);
  const plans: FieldPlan[] = indices.map((i) => ({ field: schema.fields[i].field, schema: schema.fields[i], col: fieldCol.get(i)!.col, header: fieldCol.get(i)! }));
  const columns: Record<string, number> = {};
  const columnConfidence: Record<string, number> = {};
  const letters: Record<string, string> = {};
  for (const p of plans) {
    columns[p.field] = p.col;
    letters[p.field] = columnLetter(p.col);
    columnConfidence[p.field] = round2(confidence.get(schema.fields.indexOf(p.schema)) ?? 1);
  }
  const missingRequired = schema.fields.filter((f) => f.required && !(f.field in columns)).map((f) => f.field);
  // Columns the clerk should check: a header that only contains the word (送货单号码 for 送货单号), or a column
  // the values chose (the customer among names, not codes). The clerk's own choices are never guesses.
  const moved = new Set(moves.map((m) => m.field));
  const guessed = plans
    .filter((p) => !(override?.columns && p.field in override.columns) && (moved.has(p.field) || (confidence.get(schema.fields.indexOf(p.schema)) ?? 1) < GUESSED_BELOW))
    .map((p) => ({ field: p.field, column: columnLetter(p.col), header: p.header.text }));

  const detection: SheetDetection = {
    sheet,
    kind: fit.kind,
    confidence: round2(decision.confidence),
    alternatives: decision.alternatives,
    headerRows: header.rows,
    columns: letters,
    missingRequired,
    overridden,
    ...(guessed.length ? { guessed } : {}),
  };
  out.detections.push(detection);
  if (guessed.length) {
    findings.push({
      severity: 'info',
      code: 'structure.guessed-columns',
      message: msg('structure.finding.guessedColumns', { sheet, count: guessed.length, columns: guessed.map((g) => `${g.column}「${g.header}」→ ${g.field}`).join('; ') }),
      cells: guessed.map((g) => ({ sheet, cell: a1(header.rows[header.rows.length - 1], plans.find((p) => p.field === g.field)!.col) })),
    });
  }

  if (decision.alternatives.length) {
    findings.push({
      severity: 'warning',
      code: 'structure.ambiguous-kind',
      message: msg('structure.finding.ambiguousKind', { sheet, kind: fit.kind, alternatives: decision.alternatives.map((a) => a.kind).join(', ') }),
      cells: [headerCell],
    });
  }
  for (const field of missingRequired) {
    findings.push({ severity: 'warning', code: 'structure.missing-field', message: msg('structure.finding.missingField', { sheet, kind: fit.kind, field }), cells: [headerCell] });
  }
  for (const d of fit.mapping.duplicates) {
    const field = schema.fields[d.field].field;
    if (columns[field] !== d.keptColumn.col) continue; // the clerk moved the field
    if (Object.values(columns).includes(d.column.col)) continue;
    findings.push({
      severity: 'warning',
      code: 'structure.duplicate-column',
      message: msg('structure.finding.duplicateColumn', { sheet, field, header: d.column.text, column: columnLetter(d.column.col), kept: columnLetter(d.keptColumn.col) }),
      cells: [{ sheet, cell: a1(d.column.row, d.column.col) }, { sheet, cell: a1(d.keptColumn.row, d.keptColumn.col) }],
    });
  }

  const headerTexts = new Map<number, Set<string>>();
  for (const c of header.columns) {
    const set = new Set<string>();
    for (const r of header.rows) {
      const t = cellText(view.value(r, c.col));
      if (t) set.add(t);
    }
    set.add(c.text);
    headerTexts.set(c.col, set);
  }
  const year = yearFromTitle(lines, sheet) ?? defaultYear;
  const read = readRows({ view, sheet, plans, dataStart: header.dataStart, headerTexts, defaultYear: year });

  if (fit.kind === 'statements' && !('counterparty' in columns)) {
    const counterparty = counterpartyFromTitle(lines);
    if (counterparty) for (const row of read.rows) row.fields.counterparty = counterparty;
  }

  const table = {
    kind: fit.kind,
    sheet,
    confidence: detection.confidence,
    headerRows: header.rows,
    firstDataRow: read.firstDataRow,
    lastDataRow: read.lastDataRow,
    columns,
    columnConfidence,
    rows: read.rows,
    titleText: lines,
    ...(guessed.length ? { guessedColumns: guessed } : {}),
  } as unknown as AnyTypedTable;
  out.tables.push(table);
  out.issues.push(...read.issues);
}

/**
 * A header word only the sheets we do not read have (供应商名称, 基本工资), on a sheet whose columns name no
 * customer or counterparty of ours: the word, else undefined.
 */
function otherHeaderWord(columns: readonly HeaderColumn[], fieldCol: ReadonlyMap<number, HeaderColumn>, schema: KindSchema): string | undefined {
  // Fields that hold the customer (on a customer list, its name and code).
  const parties = new Set(schema.kind === 'customers' ? ['name', 'code'] : ['customer', 'counterparty', 'customerCode']);
  for (const [i] of fieldCol) if (parties.has(schema.fields[i].field)) return undefined;
  const words = otherHeaderWords();
  for (const c of columns) for (const k of c.keys) if (words.has(k)) return c.text;
  return undefined;
}

let otherWords: Set<string> | null = null;
const otherHeaderWords = (): Set<string> => (otherWords ??= new Set(OTHER_HEADER_WORDS.flatMap((o) => o.words.map(headerKey))));

function hasContent(view: SheetView): boolean {
  for (const row of view.grid.values) if (row && row.some((v) => v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === ''))) return true;
  return false;
}

/** The header column at `col`, or one made for it when the clerk maps a column the header did not name. */
function columnFor(view: SheetView, header: HeaderChoice, col: number): HeaderColumn {
  const known = header.columns.find((c) => c.col === col);
  if (known) return known;
  const row = header.rows[header.rows.length - 1];
  const text = cellText(view.value(row, col)) || columnLetter(col);
  return { col, text, keys: [], row };
}
