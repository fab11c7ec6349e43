import type { CellIssue, Finding, ProblemCode, Severity } from '../findings';
import type { Job, JobContext, JobInput, JobRun } from '../job-definition';
import { isMessageKey, type MessageKey } from '../i18n';
import { money, safeSheetName, safeTableName, sourceLink, uniqueName } from '../report/build';
import { col, tableBody } from '../report/columns';
import type { ColumnType, OutValue, SheetSpec } from '../sheet-spec';
import type { TableKind } from '../tables/kinds';
import type { FieldSchema, FieldType } from '../tables/schema-types';
import { SCHEMAS } from '../tables/schemas';
import type { AnyTypedTable } from '../tables/typed-table';
import { columnLetter } from '../values/address';
import type { Fen } from '../values/brand';
import type { SheetDetection } from './index';

/**
 * The structure job's sheets: a sheet that says how each source sheet was read (识别结果) and, only when the clerk
 * asks for them (the typedTables option, 写出规范表), one owned sheet per typed table (表_<source sheet>) holding a
 * named Excel table with typed columns and a first column that links back to the source row. Its findings: one per
 * CellIssue (the pipeline adds the sheet-level findings of structureWorkbook itself, and writes every finding of a
 * run on one 问题清单).
 */

const COLUMN_TYPE: Record<FieldType, ColumnType> = {
  text: 'text',
  code: 'text',
  money: 'money',
  price: 'money',
  quantity: 'quantity',
  integer: 'integer',
  date: 'date',
  rate: 'rate',
  enum: 'text',
  boolean: 'text',
};

const WIDTH: Partial<Record<FieldType, number>> = { money: 14, quantity: 11, date: 12, rate: 8, code: 16, text: 20, integer: 8 };

const ERROR_PROBLEMS: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['missing-required', 'formula-error', 'duplicate-key', 'not-a-number', 'not-a-date']);
export const severityOf = (p: ProblemCode): Severity => (ERROR_PROBLEMS.has(p) ? 'error' : 'warning');

/** The clerk-language name of a field, kind-specific where the catalog has one. */
export function fieldLabel(ctx: Pick<JobContext, 't'>, kind: TableKind | null, field: string): string {
  const specific = kind ? `structure.field.${kind}.${field}` : '';
  if (specific && isMessageKey(specific)) return ctx.t(specific);
  const generic = `structure.field.${field}`;
  return isMessageKey(generic) ? ctx.t(generic) : field;
}

const kindLabel = (ctx: Pick<JobContext, 't'>, kind: TableKind | null): string => ctx.t(`structure.kind.${kind ?? 'none'}` as MessageKey);

function cellValue(ctx: JobContext, schema: FieldSchema, v: unknown): OutValue {
  if (v === undefined || v === null) return null;
  switch (schema.type) {
    case 'money':
      return money(v as Fen);
    case 'price':
      // Yuan with every decimal the price has (0.0235), not rounded to the fen.
      return (v as number) / 100;
    case 'enum': {
      const key = `structure.option.${String(v)}`;
      return isMessageKey(key) ? ctx.t(key) : String(v);
    }
    case 'boolean':
      return ctx.t(v ? 'structure.bool.true' : 'structure.bool.false');
    default:
      return typeof v === 'number' || typeof v === 'string' ? v : String(v);
  }
}

function tableSheet(table: AnyTypedTable, ctx: JobContext, sheetNames: Set<string>, tableNames: Set<string>): SheetSpec {
  const schema = SCHEMAS[table.kind];
  const mapped = table.columns as Record<string, number>;
  const present = new Set(Object.keys(mapped));
  // Fields filled from elsewhere (a statement's counterparty from its title) are shown too.
  for (const row of table.rows) for (const f of Object.keys(row.fields)) present.add(f);
  const fields = schema.fields.filter((f) => present.has(f.field));
  type Row = AnyTypedTable['rows'][number];
  const body = tableBody<Row>(
    [
      col('source', ctx.t('structure.col.source'), 'link', 14, (row) => sourceLink(table.sheet, row.sourceRow, 1)),
      ...fields.map((f) => col<Row>(f.field, fieldLabel(ctx, table.kind, f.field), COLUMN_TYPE[f.type], WIDTH[f.type], (row) => cellValue(ctx, f, (row.fields as Record<string, unknown>)[f.field]))),
    ],
    table.rows,
  );
  const name = uniqueName(safeSheetName(ctx.t('structure.sheet.table', { sheet: table.sheet })), sheetNames, 31);
  const tableName = uniqueName(safeTableName(ctx.t('structure.tableName.table', { sheet: table.sheet })), tableNames);
  const title = [
    ctx.t('structure.heading.table', { sheet: table.sheet, kind: kindLabel(ctx, table.kind) }),
    ctx.t('structure.line.table', {
      sheet: table.sheet,
      headerRows: table.headerRows.join('–'),
      first: table.firstDataRow,
      last: table.lastDataRow,
      confidence: `${Math.round(table.confidence * 100)}%`,
    }),
  ];
  if (table.kind === 'statements' && !('counterparty' in mapped)) {
    const cp = table.rows.find((r) => r.fields.counterparty)?.fields.counterparty;
    if (cp) title.push(ctx.t('structure.line.counterparty', { counterparty: cp }));
  }
  return { name, purpose: 'structure', title, tables: [{ name: tableName, ...body }] };
}

function detectionsSheet(
  detections: readonly SheetDetection[],
  tables: readonly AnyTypedTable[],
  issues: readonly CellIssue[],
  tableSheets: Map<string, string>,
  ctx: JobContext,
  sheetNames: Set<string>,
  tableNames: Set<string>,
): SheetSpec {
  const issueCount = new Map<string, number>();
  for (const i of issues) issueCount.set(i.sheet, (issueCount.get(i.sheet) ?? 0) + 1);
  const bySheet = new Map(tables.map((tb) => [tb.sheet, tb]));
  const yesNo = (b: boolean) => ctx.t(b ? 'structure.bool.true' : 'structure.bool.false');
  const tableOf = (d: SheetDetection) => bySheet.get(d.sheet);
  const body = tableBody<SheetDetection>(
    [
      col('sheet', ctx.t('structure.col.sheet'), 'link', 16, (d) => sourceLink(d.sheet, d.headerRows[d.headerRows.length - 1] ?? 1, 1, d.sheet)),
      col('kind', ctx.t('structure.col.kind'), 'text', 12, (d) => (d.kind ? kindLabel(ctx, d.kind) : ctx.t(d.overridden ? 'structure.kind.ignored' : 'structure.kind.none'))),
      col('confidence', ctx.t('structure.col.confidence'), 'rate', 8, (d) => (d.kind ? d.confidence : null)),
      col('headerRows', ctx.t('structure.col.headerRows'), 'text', 8, (d) => d.headerRows.join('–')),
      col('firstDataRow', ctx.t('structure.col.firstDataRow'), 'integer', 8, (d) => tableOf(d)?.firstDataRow ?? null),
      col('lastDataRow', ctx.t('structure.col.lastDataRow'), 'integer', 8, (d) => tableOf(d)?.lastDataRow ?? null),
      col('rows', ctx.t('structure.col.rows'), 'integer', 8, (d) => tableOf(d)?.rows.length ?? null),
      col('issues', ctx.t('structure.col.issues'), 'integer', 8, (d) => issueCount.get(d.sheet) ?? 0),
      col('columns', ctx.t('structure.col.columns'), 'text', 48, (d) =>
        Object.entries(d.columns)
          .map(([f, letter]) => `${fieldLabel(ctx, d.kind, f)}=${letter}`)
          .join('，'),
      ),
      // The columns the clerk should check, with the header as her sheet writes it.
      col('guessed', ctx.t('structure.col.guessed'), 'text', 24, (d) => (d.guessed ?? []).map((g) => `${g.column}「${g.header}」→ ${fieldLabel(ctx, d.kind, g.field)}`).join('，')),
      col('missing', ctx.t('structure.col.missing'), 'text', 16, (d) => d.missingRequired.map((f) => fieldLabel(ctx, d.kind, f)).join('、')),
      col('alternatives', ctx.t('structure.col.alternatives'), 'text', 14, (d) => d.alternatives.map((a) => kindLabel(ctx, a.kind)).join('、')),
      col('overridden', ctx.t('structure.col.overridden'), 'text', 8, (d) => yesNo(d.overridden)),
      col('table', ctx.t('structure.col.table'), 'link', 18, (d) => {
        const own = tableSheets.get(d.sheet);
        return own ? sourceLink(own, 1, 1, own) : null;
      }),
    ],
    detections,
  );
  return {
    name: uniqueName(safeSheetName(ctx.t('structure.sheet.detections')), sheetNames, 31),
    purpose: 'structure',
    title: [ctx.t('structure.heading.detections'), ctx.t('structure.line.detections')],
    summary: [
      { label: ctx.t('structure.summary.sheets'), value: detections.length, type: 'integer' },
      { label: ctx.t('structure.summary.tables'), value: tables.length, type: 'integer' },
      { label: ctx.t('structure.summary.rows'), value: tables.reduce((n, tb) => n + tb.rows.length, 0), type: 'integer' },
      { label: ctx.t('structure.summary.issues'), value: issues.length, type: 'integer', tone: issues.length ? 'warn' : 'good' },
    ],
    tables: [
      {
        name: uniqueName(safeTableName(ctx.t('structure.tableName.detections')), tableNames),
        ...body,
      },
    ],
  };
}

/** Detections for tables when the caller did not pass structure's own (every table sheet, kind as found). */
function detectionsFromTables(tables: readonly AnyTypedTable[]): SheetDetection[] {
  return tables.map((tb) => ({
    sheet: tb.sheet,
    kind: tb.kind,
    confidence: tb.confidence,
    alternatives: [],
    headerRows: tb.headerRows,
    columns: Object.fromEntries(Object.entries(tb.columns as Record<string, number>).map(([f, c]) => [f, columnLetter(c)])),
    missingRequired: SCHEMAS[tb.kind].fields.filter((f) => f.required && !(f.field in (tb.columns as Record<string, number>))).map((f) => f.field),
    overridden: false,
  }));
}

export function structureSheets(input: JobInput, ctx: JobContext): SheetSpec[] {
  // Never take a name the clerk's own sheets use (our earlier output is not among input.grids, so it is replaced).
  const sheetNames = new Set(input.grids.map((g) => g.name));
  const tableNames = new Set<string>();
  const sheets: SheetSpec[] = [];
  const tableSheets = new Map<string, string>();
  if (ctx.options.typedTables === true) {
    for (const table of input.tables) {
      const spec = tableSheet(table, ctx, sheetNames, tableNames);
      tableSheets.set(table.sheet, spec.name);
      sheets.push(spec);
    }
  }
  const detections = input.detections ?? detectionsFromTables(input.tables);
  const seen = detectionsSheet(detections, input.tables, input.issues, tableSheets, ctx, sheetNames, tableNames);
  return [seen, ...sheets];
}

export function issueFindings(issues: readonly CellIssue[]): Finding[] {
  return issues.map((i) => ({ severity: severityOf(i.problem), code: i.problem, message: i.message, cells: [{ sheet: i.sheet, cell: i.cell }] }));
}

export const structureJob: Job = {
  id: 'structure',
  section: 'structure',
  title: 'structure.title',
  options: [{ name: 'typedTables', type: 'boolean', label: 'run.option.typedTables', default: false }],
  run(input: JobInput, ctx: JobContext): JobRun {
    return { result: {}, sheets: structureSheets(input, ctx), findings: issueFindings(input.issues) };
  },
};
