import type { GridValue } from '../grid';
import type { CellIssue, ProblemCode } from '../findings';
import type { EnumOption, FieldSchema } from '../tables/schema-types';
import { a1, columnNumber } from '../values/address';
import type { Parsed } from '../values/brand';
import { parsedFail, parsedOk } from '../values/brand';
import { normalizeCode } from '../values/text';
import {
  displayValue,
  isBlankCell,
  parseBoolean,
  parseDate,
  parseInteger,
  parseMoney,
  parseUnitPrice,
  parseQuantity,
  parseRate,
  parseText,
} from '../values/parse';
import type { HeaderColumn } from './header';
import type { SheetView } from './sheet-view';
import { headerKey, headerLikeness } from './vocabulary';
import type { MessageKey } from '../i18n';

/**
 * The data extent and the typing of every mapped cell.
 *
 * From the row under the header to the end of the sheet, a row is skipped when it is blank, a subtotal or total
 * (小计/合计/总计/累计/Total … in one of its first two cells, or only amounts with nothing that names a line), a
 * repeated header (a page break in an export), or a lone label or note. A sign-off line (制表人：/审核：/签字) or a
 * note (备注：…) after the data ends the table. Every other row is a data row: each mapped cell is parsed by its
 * field's type and a cell that does not parse becomes a CellIssue, the row kept with that field empty.
 */

export interface FieldPlan {
  /** Stable field identifier. */
  field: string;
  schema: FieldSchema;
  /** 1-based source column. */
  col: number;
  header: HeaderColumn;
}

export interface RowsResult {
  rows: { sourceRow: number; fields: Record<string, unknown> }[];
  issues: CellIssue[];
  firstDataRow: number;
  lastDataRow: number;
}

type Parser = (raw: GridValue, format: string | null) => Parsed<unknown>;

const TOTAL_QUICK = /[计計总]|total|sum/i;
const TOTAL =
  /^(?:.{0,12}?)(?:小计|合计|总计|累计|共计|总合计|小計|合計|總計|累計)(?:金额|数量|额)?(?:[:：].*|\(.*\))?$|^(?:sub|grand|page)?totals?(?:[:：(].*)?$|^sum$|^总(?:件数|数量|价值|金额|价|重量|体积|数)(?:[/／、].*)?(?:[:：].*)?$/u;
const FOOTER =
  /^(?:制表|制单|编制|填表|审核|审批|批准|复核|核准|签字|签名|签收|签章|经办|经手|负责人|主管|盖章|记账|会计|出纳|送货人|收货人|财务|对方确认|我方确认|供方确认|需方确认|客户确认|确认人|prepared|approved|checked|reviewed|signature|signedby)/iu;
/** 供方（盖章）：/ 需方签字 / 甲方代表 … : the parties' sign-off under a statement. */
const PARTY_SIGN = /^(?:供方|需方|甲方|乙方|买方|卖方|客户|供应商|我方|对方|贵方|本公司|贵公司)[(（]?(?:盖章|签字|签章|确认|签名|代表|负责人|经办人)/u;
/** A label before a colon that names a sign-off role: 核对人：, 财务审核：, 对账确认：, 仓库经办人：. */
const SIGN_LABEL = /^([^:：]{1,10})[:：]/u;
const SIGN_WORDS = /审核|核对|复核|审批|批准|核准|签字|签名|签章|签收|盖章|确认|制表|制单|编制|经办|经手|负责人|主管|对账人|记账|出纳|会计/u;
const NOTE = /^(?:备注|注|说明|附注|注意|附|ps|note|notes|remark|remarks)\s*\d*\s*[:：]/iu;
const NUMBER_TEXT = /^[¥￥$€]?\s*-?[\d,，]*\.?\d+/u;
/** A sign-off standing anywhere in a row: the role alone or as a label (制表者: 李燕, 审核：, 签收), never a longer word (财务中心-…, 收货人信息). */
const SIGN_CELL =
  /^(?:制表|制单|编制|填表|审核|审批|批准|复核|核准|签字|签名|签收|签章|经办|经手|负责人|主管|盖章|记账|会计|出纳|送货人|收货人|财务|确认|prepared|approved|checked|reviewed|signature|signedby)(?:人|者|员|签字|签名|日期|时间|日期与时间|by)?(?:[:：].*)?$/iu;
/** A form's label with or without its value: 合同号：H888, 备注1：, 交货日期： — short words before a colon. */
const FORM_LABEL = /^[^:：\d]{1,8}\d?\s*[:：]/u;

const compactLower = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function isTotalText(v: GridValue): boolean {
  if (typeof v !== 'string' || !TOTAL_QUICK.test(v)) return false;
  return TOTAL.test(compactLower(v));
}

function isFooterText(v: GridValue): boolean {
  if (typeof v !== 'string') return false;
  const s = compactLower(v);
  if (s.length > 40) return false;
  if (FOOTER.test(s) || PARTY_SIGN.test(s)) return true;
  const label = SIGN_LABEL.exec(s);
  return !!label && SIGN_WORDS.test(label[1]);
}

function isNoteText(v: GridValue): boolean {
  return typeof v === 'string' && NOTE.test(v.normalize('NFKC').trim());
}

const KIND_SIGN = 1;
const KIND_NOTE = 2;
const KIND_LABEL = 4;
/** What a cell's text is to formLine, per distinct text (a sheet repeats its words on every line); bounded. */
const kinds = new Map<string, number>();

function cellKind(v: string): number {
  let k = kinds.get(v);
  if (k === undefined) {
    const s = compactLower(v);
    const t = v.normalize('NFKC').trim();
    k = (s.length <= 40 && (SIGN_CELL.test(s) || PARTY_SIGN.test(s)) ? KIND_SIGN : 0) | (NOTE.test(t) ? KIND_NOTE : 0) | (FORM_LABEL.test(t) ? KIND_LABEL : 0);
    if (kinds.size >= 50_000) kinds.clear();
    kinds.set(v, k);
  }
  return k;
}

/**
 * How a row that is not a line of the table shows itself wherever its words stand: a sign-off anywhere in it
 * (制表者: 李燕 in the third cell), a note (备注1：) outside the remarks column, or a form's labels (合同号：…,
 * 客户：…) on a row with no code or date of its own; in every case with its amounts and quantities empty. A line
 * whose spec reads '材质：SUS304' still has its part code and date; a note in the remarks column is its remark.
 */
function formLine(row: readonly GridValue[], numericCols: readonly number[], keyCols: readonly number[], remarksCol: number): 'footer' | 'form' | null {
  let sign = false;
  let note = false;
  let label = false;
  for (let c0 = 0; c0 < row.length; c0++) {
    const v = row[c0];
    if (typeof v !== 'string' || !v) continue;
    const k = cellKind(v);
    if (k & KIND_SIGN) sign = true;
    if (k & KIND_NOTE && c0 !== remarksCol) note = true;
    if (k & KIND_LABEL) label = true;
  }
  if (sign) {
    // A status column reading 签收 on a line is not a sign-off: a line has its amounts or quantities.
  } else if (!note && label) {
    for (const c0 of keyCols) {
      const v = row[c0];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'string' && FORM_LABEL.test(v.normalize('NFKC').trim())) continue;
      return null;
    }
  } else if (!note) return null;
  for (const c0 of numericCols) {
    const v = row[c0];
    if (typeof v === 'number' || (typeof v === 'string' && NUMBER_TEXT.test(v.trim()))) return null;
  }
  return sign ? 'footer' : 'form';
}

const enumCache = new WeakMap<EnumOption[], { exact: Map<string, string>; words: [string, string][]; memo: Map<string, Parsed<string>> }>();

function enumParser(options: EnumOption[]): Parser {
  let entry = enumCache.get(options);
  if (!entry) {
    const exact = new Map<string, string>();
    const words: [string, string][] = [];
    for (const o of options) {
      for (const w of [o.value, ...o.words]) {
        const k = headerKey(w);
        if (!k) continue;
        if (!exact.has(k)) exact.set(k, o.value);
        if ([...k].length >= 2) words.push([k, o.value]);
      }
    }
    words.sort((a, b) => b[0].length - a[0].length);
    entry = { exact, words, memo: new Map() };
    enumCache.set(options, entry);
  }
  const { exact, words, memo } = entry;
  return (raw) => {
    if (isBlankCell(raw)) return parsedFail('empty');
    if (typeof raw === 'object' && raw !== null) return parsedFail('formula-error');
    const text = String(raw);
    const hit = memo.get(text);
    if (hit) return hit;
    const k = headerKey(text);
    let value = exact.get(k);
    if (value === undefined) for (const [w, v] of words) if (k.includes(w)) { value = v; break; }
    const out: Parsed<string> = value === undefined ? parsedFail('not-an-option') : parsedOk(value);
    if (memo.size < 5_000) memo.set(text, out);
    return out;
  };
}

export function parserFor(schema: FieldSchema, date1904: boolean, defaultYear: number | undefined): Parser {
  switch (schema.type) {
    case 'text':
    case 'code':
      return (raw) => parseText(raw);
    case 'money':
      return (raw) => parseMoney(raw);
    case 'price':
      return (raw) => parseUnitPrice(raw);
    case 'quantity':
      return (raw) => parseQuantity(raw);
    case 'integer':
      return (raw) => parseInteger(raw);
    case 'date': {
      const ctx = { date1904, defaultYear };
      return (raw, fmt) => parseDate(raw, fmt, ctx);
    }
    case 'rate':
      return (raw, fmt) => parseRate(raw, fmt);
    case 'enum':
      return enumParser(schema.options ?? []);
    case 'boolean':
      return (raw) => parseBoolean(raw);
  }
}

/** Is this cell the anchor of a range merged across columns (a section label, a banner)? */
function spansColumns(view: SheetView, row: number, col: number): boolean {
  const m = view.mergeAt(row, col);
  return !!m && m.right > m.left;
}

/** A short text without digits that is exactly a schema header word (客户, 金额, 数量 …). */
function looksLikeHeaderWord(v: GridValue): boolean {
  if (typeof v !== 'string' || v.length > 16 || /\d/.test(v)) return false;
  return headerLikeness(headerKey(v)) >= 0.97;
}

/** Is this text only whitespace? (The row scan's cheap test; placeholders such as '-' are left to the parsers.) */
function isBlankString(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 0x3000) return false;
  }
  return true;
}

const MEMO_TRIAL = 4_096;
const MEMO_MIN_HIT_RATE = 0.25;
const MEMO_MAX = 200_000;

/**
 * The same parser, remembering its answers per raw value (and number format): clerks' columns repeat the same
 * customer, part, price and date on row after row. A column whose values hardly repeat (document numbers)
 * stops remembering after a trial, so it costs nothing extra.
 */
function memoized(parse: Parser): Parser {
  const byFormat = new Map<string | null, Map<string | number, Parsed<unknown>>>();
  let lookups = 0;
  let hits = 0;
  let on = true;
  let size = 0;
  let lastFormat: string | null | undefined;
  let lastMemo: Map<string | number, Parsed<unknown>> | undefined;
  return (raw, fmt) => {
    if (!on || raw === null || typeof raw === 'object' || typeof raw === 'boolean') return parse(raw, fmt);
    let memo = fmt === lastFormat ? lastMemo : byFormat.get(fmt);
    if (!memo) {
      memo = new Map();
      byFormat.set(fmt, memo);
    }
    lastFormat = fmt;
    lastMemo = memo;
    lookups++;
    const known = memo.get(raw);
    if (known) {
      hits++;
      return known;
    }
    const out = parse(raw, fmt);
    if (lookups === MEMO_TRIAL && hits < lookups * MEMO_MIN_HIT_RATE) {
      on = false;
      byFormat.clear();
      lastMemo = undefined;
    } else if (size < MEMO_MAX) {
      memo.set(raw, out);
      size++;
    }
    return out;
  };
}

/** Fields that name a line (a subtotal row has none of them, only amounts). */
const IDENTITY_TYPES = new Set(['text', 'code', 'date', 'enum']);

export interface RowsInput {
  view: SheetView;
  sheet: string;
  plans: FieldPlan[];
  dataStart: number;
  /** Texts of the header cells (each part of a two-row header too), to spot repeated headers. */
  headerTexts: Map<number, Set<string>>;
  defaultYear: number | undefined;
}

function issueMessage(problem: ProblemCode): MessageKey {
  return `structure.problem.${problem}` as MessageKey;
}

export function readRows(input: RowsInput): RowsResult {
  const { view, sheet, plans, dataStart, headerTexts } = input;
  const grid = view.grid;
  const date1904 = grid.date1904;
  const parsers = plans.map((p) => memoized(parserFor(p.schema, date1904, input.defaultYear)));
  const requiredByCol = new Map<number, FieldPlan>();
  for (const p of plans) if (p.schema.required) requiredByCol.set(p.col, p);
  const allHeaderTexts = new Set<string>();
  for (const set of headerTexts.values()) for (const t of set) allHeaderTexts.add(t);
  const identityCols = plans.filter((p) => IDENTITY_TYPES.has(p.schema.type)).map((p) => p.col - 1);
  const numericCols = plans.filter((p) => p.schema.type === 'money' || p.schema.type === 'price' || p.schema.type === 'quantity').map((p) => p.col - 1);
  const keyCols = plans.filter((p) => p.schema.type === 'code' || p.schema.type === 'date').map((p) => p.col - 1);
  const remarksCol = (plans.find((p) => p.field === 'remarks')?.col ?? 0) - 1;
  const repeatNeeded = Math.min(2, plans.length);

  // Cells merged downwards inside the data carry their anchor's value on every row they cover.
  const filled = new Map<number, GridValue>();
  for (const m of grid.merges) {
    if (m.top < dataStart || m.bottom <= m.top) continue;
    const v = grid.values[m.top - 1]?.[m.left - 1] ?? null;
    if (v === null) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) filled.set(r * 20_000 + m.left, v);
  }
  const hasFilled = filled.size > 0;

  const rows: RowsResult['rows'] = [];
  const issues: CellIssue[] = [];
  let firstDataRow = 0;
  let lastDataRow = 0;
  // After a sign-off or a form's closing lines the table is closed; a repeated header opens the next block
  // (several delivery notes on one sheet), anything else stays outside.
  let closed = false;
  const total = grid.values.length;
  for (let r = dataStart; r <= total; r++) {
    const row = grid.values[r - 1];
    if (!row) continue;
    let count = 0;
    let numbers = 0;
    let first: GridValue = null;
    let firstCol = 0;
    let second: GridValue = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined) continue;
      if (typeof v === 'string' && isBlankString(v)) continue;
      count++;
      if (typeof v === 'number') numbers++;
      if (count === 1) {
        first = v;
        firstCol = c + 1;
      } else if (count === 2) second = v;
    }
    if (count === 0) continue;
    const form = isFooterText(first) ? 'footer' : formLine(row, numericCols, keyCols, remarksCol);
    if (form) {
      if (rows.length) closed = true;
      continue;
    }
    if (count === 1) {
      if (rows.length && isNoteText(first)) {
        closed = true;
        continue;
      }
      // A lone cell is a label or a note, unless it fills the one required column by itself (a list of names);
      // a line of a kind that needs several fields is never a single cell (a company name over a second form).
      const plan = requiredByCol.get(firstCol);
      if (!plan || requiredByCol.size > 1 || isNoteText(first) || isTotalText(first) || spansColumns(view, r, firstCol) || !parsers[plans.indexOf(plan)](first, grid.formats[r - 1]?.[firstCol - 1] ?? null).ok) continue;
    }
    // A repeated header (a page break in an export) starts with header words; only then count them all.
    if ((typeof first === 'string' && allHeaderTexts.has(first.trim())) || (typeof second === 'string' && allHeaderTexts.has(second.trim()))) {
      let repeated = 0;
      for (const p of plans) {
        const v = row[p.col - 1];
        if (typeof v === 'string' && headerTexts.get(p.col)?.has(v.trim())) repeated++;
      }
      if (repeated >= repeatNeeded && repeated > 0) {
        closed = false;
        continue;
      }
    }
    if (closed) continue;
    if (isTotalText(first) || isTotalText(second)) continue;
    // The header of another table below this one ends it.
    if (rows.length && numbers === 0 && looksLikeHeaderWord(first) && looksLikeHeaderWord(second)) {
      closed = true;
      continue;
    }
    if (identityCols.length) {
      // A line names itself in a cell of its own; a value carried down a merged cell names it only when the row
      // has some text of its own (a row of bare sums under a merged customer is the block's unlabelled total).
      let named = false;
      let carried = false;
      for (const c0 of identityCols) {
        const own: GridValue | undefined = row[c0];
        if (own !== null && own !== undefined && !(typeof own === 'string' && isBlankString(own))) {
          named = true;
          break;
        }
        if (hasFilled && filled.has(r * 20_000 + c0 + 1)) carried = true;
      }
      if (!named && carried && numbers < count) named = true;
      if (!named) continue;
    }
    const fields: Record<string, unknown> = {};
    const formats = grid.formats[r - 1];
    for (let i = 0; i < plans.length; i++) {
      const p = plans[i];
      let raw = row[p.col - 1];
      if (raw === undefined || (raw === null && hasFilled)) raw = (hasFilled ? filled.get(r * 20_000 + p.col) : null) ?? null;
      const fmt = formats?.[p.col - 1] ?? null;
      const parsed = parsers[i](raw, fmt);
      let problem: ProblemCode | null = null;
      if (parsed.ok) {
        const v = parsed.value;
        if (p.schema.allowNegative === false && typeof v === 'number' && v < 0) problem = 'negative-not-allowed';
        else fields[p.field] = v;
      } else if (parsed.reason === 'empty') {
        if (p.schema.required) problem = 'missing-required';
      } else {
        problem = parsed.reason;
      }
      if (problem) {
        const value = displayValue(raw, fmt, date1904);
        issues.push({
          sheet,
          cell: a1(r, p.col),
          value,
          field: p.field,
          problem,
          message: { key: issueMessage(problem), values: { value, header: p.header.text, field: p.field } },
        });
      }
    }
    if (!firstDataRow) firstDataRow = r;
    lastDataRow = r;
    rows.push({ sourceRow: r, fields });
  }
  const keyPlans = plans.filter((p) => p.schema.key);
  if (keyPlans.length) issues.push(...duplicateKeys(sheet, rows, keyPlans, view));
  issues.sort((a, b) => issueOrder(a) - issueOrder(b));
  return { rows, issues, firstDataRow: firstDataRow || dataStart, lastDataRow: lastDataRow || dataStart - 1 };
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
const colOf = (cell: string) => columnNumber(/^[A-Z]*/.exec(cell)![0]);
const issueOrder = (i: CellIssue) => rowOf(i.cell) * 20_000 + colOf(i.cell);

/** Rows whose key (the fields flagged `key`, together) repeats an earlier row's: a duplicate-key issue on the later one. */
function duplicateKeys(sheet: string, rows: RowsResult['rows'], keyPlans: FieldPlan[], view: SheetView): CellIssue[] {
  const out: CellIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parts: string[] = [];
    let complete = true;
    for (const p of keyPlans) {
      const v = row.fields[p.field];
      if (v === undefined || v === null || v === '') {
        complete = false;
        break;
      }
      parts.push(normalizeCode(String(v)));
    }
    if (!complete) continue;
    const key = parts.join('\u0000');
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.sourceRow);
      continue;
    }
    const p = keyPlans[0];
    const raw = view.value(row.sourceRow, p.col);
    const value = displayValue(raw, view.format(row.sourceRow, p.col), view.grid.date1904);
    out.push({
      sheet,
      cell: a1(row.sourceRow, p.col),
      value,
      field: p.field,
      problem: 'duplicate-key',
      message: { key: issueMessage('duplicate-key'), values: { value, header: p.header.text, field: p.field, firstRow: first } },
    });
  }
  return out;
}
