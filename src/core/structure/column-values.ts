import type { GridValue } from '../grid';
import type { KindSchema } from '../tables/schema-types';
import type { HeaderColumn } from './header';
import { headerKey } from './vocabulary';
import { parserFor } from './rows';
import type { SheetView } from './sheet-view';

/**
 * What the values under the header say about the header's mapping. Header words alone cannot tell
 *  - which column holds the customer: a column of codes (01000122, CUST01) called 订单客户 beside one of company
 *    names, or a column called 名称/name that holds buyers on a sheet whose item has a column of its own;
 *  - whether an enumeration (goods class, direction, group) really is one: 销售分类 over 02/07, 类别 over ZTAN.
 * So a sample of each mapped column's values is read and the mapping corrected: the customer moves to the
 * column of names (the code kept as customerCode), an enumeration whose values are not its options is dropped.
 * Every move is reported as a guessed column.
 */

const SAMPLE_ROWS = 200;
const SAMPLE_VALUES = 60;
/** An enumeration keeps its column when at least this share of the sampled values are among its options. */
const ENUM_MIN_SHARE = 0.5;
/** A column is codes when this share of its values are codes. */
const CODE_SHARE = 0.8;
/** A column holds parties (companies, shops, people's businesses) when this share of its distinct values looks like one. */
const PARTY_SHARE = 0.35;

/** Header words that say only 'the name': whose name (the item's or the buyer's) the values decide. */
const GENERIC_NAME = new Set(['名称', '全称', '名字', 'name', 'fullname'].map(headerKey));

const CODE = /^[A-Za-z0-9][A-Za-z0-9\-_./#]*$/;
const PARTY =
  /(?:公司|工厂|[^工]厂$|集团|商行|商店|超市|便利店|经营部|门市|[^\d]店$|中心|研究院|研究所|事务所|合作社|银行|医院|学校|大学)|\b(?:llc|inc|ltd|co|corp|corporation|company|gmbh|plc|sons|group|limited|and|s\.?a\.?)\b|&/iu;

export interface ColumnMove {
  field: string;
  /** Why the mapping changed: the customer found among names, or an enumeration whose values are not its options. */
  reason: 'customer-by-values' | 'enum-values';
}

function sample(view: SheetView, col: number, dataStart: number): GridValue[] {
  const out: GridValue[] = [];
  const end = Math.min(view.rowCount, dataStart + SAMPLE_ROWS);
  for (let r = dataStart; r <= end && out.length < SAMPLE_VALUES; r++) {
    const v = view.value(r, col);
    if (v === null || v === undefined || (typeof v === 'string' && !v.trim())) continue;
    out.push(v);
  }
  return out;
}

const share = (values: readonly GridValue[], test: (v: GridValue) => boolean): number => (values.length ? values.filter(test).length / values.length : 0);
const isCode = (v: GridValue): boolean => typeof v === 'number' || (typeof v === 'string' && CODE.test(v.trim()) && /\d/.test(v));
const isParty = (v: GridValue): boolean => typeof v === 'string' && PARTY.test(v.normalize('NFKC').trim());
const distinct = (values: readonly GridValue[]): GridValue[] => [...new Set(values.map((v) => (typeof v === 'string' ? v.trim() : v)))];

/**
 * Correct a kind's header mapping (field index → column) by the values under it. Mutates fieldCol and
 * fieldScore; returns the fields it moved or dropped.
 */
export function checkByValues(
  view: SheetView,
  schema: KindSchema,
  columns: readonly HeaderColumn[],
  fieldCol: Map<number, HeaderColumn>,
  fieldScore: Map<number, number>,
  dataStart: number,
): ColumnMove[] {
  const moves: ColumnMove[] = [];
  const index = (field: string) => schema.fields.findIndex((f) => f.field === field);
  const values = new Map<number, GridValue[]>();
  const valuesOf = (col: number) => {
    let v = values.get(col);
    if (!v) values.set(col, (v = sample(view, col, dataStart)));
    return v;
  };

  // Enumerations whose values are not their options.
  schema.fields.forEach((f, i) => {
    if (f.type !== 'enum') return;
    const column = fieldCol.get(i);
    if (!column) return;
    const vs = valuesOf(column.col);
    if (vs.length < 3) return;
    const parse = parserFor(f, false, undefined);
    if (share(vs, (v) => parse(v, null).ok) >= ENUM_MIN_SHARE) return;
    fieldCol.delete(i);
    fieldScore.delete(i);
    moves.push({ field: f.field, reason: 'enum-values' });
  });

  const customer = index('customer');
  if (customer < 0) return moves;
  const code = index('customerCode');
  const name = index('name');
  const partyShare = (col: number) => share(distinct(valuesOf(col)), isParty);
  const current = fieldCol.get(customer);
  const taken = new Set([...fieldCol.values()].map((c) => c.col));

  if (current && share(valuesOf(current.col), isCode) >= CODE_SHARE) {
    // The customer column holds codes: a column of party names whose header names the customer too wins.
    const better = columns.find((c) => c.col !== current.col && c.keys.some((k) => k.includes('客户') || k.includes('customer') || GENERIC_NAME.has(k)) && partyShare(c.col) >= PARTY_SHARE && share(valuesOf(c.col), isCode) < 0.5);
    if (better) {
      for (const [i, c] of fieldCol) if (c.col === better.col) {
        fieldCol.delete(i);
        fieldScore.delete(i);
      }
      fieldCol.set(customer, better);
      fieldScore.set(customer, 0.7);
      if (code >= 0 && !fieldCol.has(code)) {
        fieldCol.set(code, current);
        fieldScore.set(code, 0.7);
      }
      moves.push({ field: 'customer', reason: 'customer-by-values' });
    }
    return moves;
  }
  if (current) return moves;

  // No customer column by its header: a generic name column (名称, name) holding parties, on a sheet whose item
  // has a column of its own (a part code or a spec), is the customer's.
  const itemCols = ['part', 'spec'].map(index).filter((i) => i >= 0 && fieldCol.has(i));
  const nameCol = name >= 0 ? fieldCol.get(name) : undefined;
  const generic = columns.find((c) => c.keys.some((k) => GENERIC_NAME.has(k)) && (!taken.has(c.col) || c === nameCol));
  if (generic && itemCols.length && partyShare(generic.col) >= PARTY_SHARE) {
    if (generic === nameCol) {
      fieldCol.delete(name);
      fieldScore.delete(name);
    }
    fieldCol.set(customer, generic);
    fieldScore.set(customer, 0.7);
    moves.push({ field: 'customer', reason: 'customer-by-values' });
    return moves;
  }
  // Only a customer code (CustomerID): the code is how this sheet names the customer.
  if (code >= 0 && fieldCol.has(code)) {
    fieldCol.set(customer, fieldCol.get(code)!);
    fieldScore.set(customer, fieldScore.get(code) ?? 1);
    fieldCol.delete(code);
    fieldScore.delete(code);
  }
  return moves;
}
