import type { Party, PartyDirectory } from '../parties';
import type { ContractRow, QuoteRow } from '../tables/kinds';
import { tablesOf, type AnyTypedTable, type TypedTable } from '../tables/typed-table';
import type { IsoDate, PriceFen } from '../values/brand';
import { normalizeCode } from '../values/text';

/**
 * Reading quotes into groups with quantity tiers, and linking a contract line to the quote that governs it.
 * Pure functions over typed tables; the rules live in rules.ts.
 */

export type PriceBasis = 'with-tax' | 'net';

/** A price and the field it was read from (so a finding can point at that very cell). */
export interface PriceCell {
  fen: PriceFen;
  field: 'unitPrice' | 'unitPriceWithTax' | 'unitPriceNet';
}

/** The prices a row states, by tax basis. */
export interface Prices {
  withTax?: PriceCell;
  net?: PriceCell;
}

/** The price fields shared by quote and contract rows. */
type PriceFields = Pick<QuoteRow, 'unitPrice' | 'unitPriceWithTax' | 'unitPriceNet' | 'taxIncluded'>;

/** A plain 单价 is with tax unless the row says 不含税 (taxIncluded === false). */
export function pricesOf(f: PriceFields): Prices {
  const p: Prices = {};
  if (f.unitPriceWithTax !== undefined) p.withTax = { fen: f.unitPriceWithTax, field: 'unitPriceWithTax' };
  else if (f.unitPrice !== undefined && f.taxIncluded !== false) p.withTax = { fen: f.unitPrice, field: 'unitPrice' };
  if (f.unitPriceNet !== undefined) p.net = { fen: f.unitPriceNet, field: 'unitPriceNet' };
  else if (f.unitPrice !== undefined && f.taxIncluded === false) p.net = { fen: f.unitPrice, field: 'unitPrice' };
  return p;
}

export interface SourceRow {
  sheet: string;
  row: number;
  /** field → 1-based column of the source table. */
  columns: Readonly<Record<string, number>>;
}

/** One price row of a quote: one quantity tier. */
export interface QuoteTier {
  source: SourceRow;
  fields: QuoteRow;
  prices: Prices;
  minQty?: number;
  maxQty?: number;
}

/** One quote for one customer and one part, with its tiers (one tier when the quote has no quantity breaks). */
export interface QuoteGroup {
  /** The quote number as written (may be absent). */
  quoteNo?: string;
  quoteNoKey?: string;
  party: Party;
  customer: string;
  part: string;
  partKey: string;
  date?: IsoDate;
  validUntil?: IsoDate;
  tiers: QuoteTier[];
  /** Order of first appearance, for stable ties. */
  order: number;
}

export interface QuoteIndex {
  groups: QuoteGroup[];
  byNo: Map<string, QuoteGroup[]>;
  byPartyPart: Map<string, QuoteGroup[]>;
}

const partyPartKey = (partyKey: string, partKey: string): string => `${partyKey}\u0000${partKey}`;

/**
 * The directory with each spelling resolved once: a ledger repeats a handful of customer names thousands of
 * times, and resolving a name is the costliest step of the check.
 */
export function cachedDirectory(directory: PartyDirectory): PartyDirectory {
  const seen = new Map<string, Party>();
  return {
    known: () => directory.known(),
    resolve(name: string): Party {
      let p = seen.get(name);
      if (!p) {
        p = directory.resolve(name);
        seen.set(name, p);
      }
      return p;
    },
  };
}

const codeCache = new Map<string, string>();
/** normalizeCode, remembered (part codes and document numbers repeat down a ledger). */
export function codeKey(s: string): string {
  let k = codeCache.get(s);
  if (k === undefined) {
    k = normalizeCode(s);
    if (codeCache.size > 100_000) codeCache.clear();
    codeCache.set(s, k);
  }
  return k;
}

const columnsOf = (t: TypedTable): Readonly<Record<string, number>> => t.columns as Record<string, number>;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export function indexQuotes(tables: readonly AnyTypedTable[], directory: PartyDirectory): QuoteIndex {
  const groups: QuoteGroup[] = [];
  const byKey = new Map<string, QuoteGroup>();
  for (const table of tablesOf(tables, 'quotes')) {
    const columns = columnsOf(table);
    for (const { sourceRow, fields } of table.rows) {
      if (!fields.part) continue;
      const partKey = codeKey(fields.part);
      if (!partKey) continue;
      const customer = fields.customer?.trim() ?? '';
      const party = directory.resolve(customer);
      const quoteNoKey = fields.quoteNo ? codeKey(fields.quoteNo) : undefined;
      // Rows of one quote (same number, customer and part) are its quantity tiers; rows without a number group by date.
      const key = quoteNoKey
        ? `no\u0000${quoteNoKey}\u0000${party.key}\u0000${partKey}`
        : `d\u0000${party.key}\u0000${partKey}\u0000${fields.date ?? ''}\u0000${fields.validUntil ?? ''}`;
      let group = byKey.get(key);
      if (!group) {
        group = { quoteNo: fields.quoteNo?.trim(), quoteNoKey, party, customer, part: fields.part.trim(), partKey, tiers: [], order: groups.length };
        byKey.set(key, group);
        groups.push(group);
      }
      group.date ??= fields.date;
      group.validUntil ??= fields.validUntil;
      group.tiers.push({ source: { sheet: table.sheet, row: sourceRow, columns }, fields, prices: pricesOf(fields), minQty: fields.minQty, maxQty: fields.maxQty });
    }
  }
  const byNo = new Map<string, QuoteGroup[]>();
  const byPartyPart = new Map<string, QuoteGroup[]>();
  for (const g of groups) {
    if (g.quoteNoKey) push(byNo, g.quoteNoKey, g);
    push(byPartyPart, partyPartKey(g.party.key, g.partKey), g);
  }
  return { groups, byNo, byPartyPart };
}

/** Quantities are compared with a small tolerance (design rule 3): 99.9999999 is 100. */
const QTY_EPS = 1e-9;

export interface TierChoice {
  tier: QuoteTier;
  /** The quote's smallest stated break, when it states one. */
  smallestMin?: number;
  /** The quantity is below that smallest break. */
  belowMinimum: boolean;
}

/**
 * The tier a quantity falls into: minQty ≤ qty ≤ maxQty (either end open when not stated); when breaks overlap at an
 * edge (1–100, 100–500) the higher break wins. Below every break → the smallest; above every stated maximum → the
 * highest break that starts at or below the quantity.
 */
export function pickTier(tiers: readonly QuoteTier[], qty: number | undefined): TierChoice {
  const mins = tiers.map((t) => t.minQty).filter((m): m is number => m !== undefined);
  const smallestMin = mins.length ? Math.min(...mins) : undefined;
  const byMin = [...tiers].sort((a, b) => (a.minQty ?? 0) - (b.minQty ?? 0));
  if (qty === undefined) return { tier: byMin[0], smallestMin, belowMinimum: false };
  const belowMinimum = smallestMin !== undefined && qty < smallestMin - QTY_EPS;
  const startsBelow = (t: QuoteTier) => (t.minQty ?? 0) <= qty + QTY_EPS;
  const inside = byMin.filter((t) => startsBelow(t) && (t.maxQty === undefined || qty <= t.maxQty + QTY_EPS));
  if (inside.length) return { tier: inside[inside.length - 1], smallestMin, belowMinimum };
  const started = byMin.filter(startsBelow);
  return { tier: started.length ? started[started.length - 1] : byMin[0], smallestMin, belowMinimum };
}

/** Is the quote in force on `date`: issued on or before it, and not past its valid-until date (that day included)? */
export const validOn = (g: QuoteGroup, date: IsoDate): boolean => (g.date === undefined || g.date <= date) && (g.validUntil === undefined || g.validUntil >= date);

/** Later quote first; on the same date the one further down the sheet (entered later). */
const latestFirst = (a: QuoteGroup, b: QuoteGroup): number => {
  const da = a.date ?? '';
  const db = b.date ?? '';
  return da === db ? b.order - a.order : da < db ? 1 : -1;
};

/**
 * The quote that governs a line signed on `date`: the latest valid one; else the latest issued by then (it has
 * expired); else the earliest (issued after signing). Without a date, the latest.
 */
export function chooseQuote(groups: readonly QuoteGroup[], date: IsoDate | undefined): QuoteGroup | undefined {
  if (!groups.length) return undefined;
  const latest = [...groups].sort(latestFirst);
  if (date === undefined) return latest[0];
  const valid = latest.find((g) => validOn(g, date));
  if (valid) return valid;
  const issued = latest.find((g) => g.date === undefined || g.date <= date);
  return issued ?? latest[latest.length - 1];
}

/** One contract line as the check sees it: its fields, with signDate and customer inherited within the contract. */
export interface ContractLine {
  source: SourceRow;
  fields: ContractRow;
  /** normalizeCode(contractNo), or a per-row key for lines without a number. */
  contractKey: string;
  contractNo: string;
  /** The line number as written, else its position within the contract (1-based). */
  lineNo: number;
  signDate?: IsoDate;
  customer: string;
  party: Party;
  partKey: string;
  prices: Prices;
}

export function readContractLines(tables: readonly AnyTypedTable[], directory: PartyDirectory): ContractLine[] {
  const lines: ContractLine[] = [];
  for (const table of tablesOf(tables, 'contracts')) {
    const columns = columnsOf(table);
    // Sign date and customer are the contract's: a sheet often writes them on the first line only.
    const header = new Map<string, { signDate?: IsoDate; customer?: string }>();
    for (const { fields } of table.rows) {
      if (!fields.contractNo) continue;
      const key = codeKey(fields.contractNo);
      const h = header.get(key) ?? {};
      h.signDate ??= fields.signDate;
      h.customer ??= fields.customer?.trim() || undefined;
      header.set(key, h);
    }
    const seen = new Map<string, number>();
    for (const { sourceRow, fields } of table.rows) {
      const contractKey = fields.contractNo ? codeKey(fields.contractNo) : `${table.sheet}\u0000${sourceRow}`;
      const h = header.get(contractKey) ?? {};
      const position = (seen.get(contractKey) ?? 0) + 1;
      seen.set(contractKey, position);
      const customer = fields.customer?.trim() || h.customer || '';
      lines.push({
        source: { sheet: table.sheet, row: sourceRow, columns },
        fields,
        contractKey,
        contractNo: fields.contractNo?.trim() ?? '',
        lineNo: fields.line ?? position,
        signDate: fields.signDate ?? h.signDate,
        customer,
        party: directory.resolve(customer),
        partKey: fields.part ? codeKey(fields.part) : '',
        prices: pricesOf(fields),
      });
    }
  }
  return lines;
}

export type LinkVia = 'quote-no' | 'customer-part';

export interface Link {
  group: QuoteGroup;
  via: LinkVia;
  choice: TierChoice;
  /** The referenced quote belongs to another party than the contract's customer. */
  otherParty: boolean;
}

/**
 * Link a contract line to its quote: by the quote number the line gives (its rows for this part, this customer's
 * first); otherwise — or when that number is not on the quotes sheet for this part — by customer and part code.
 */
export function linkLine(index: QuoteIndex, line: ContractLine): Link | undefined {
  const qty = line.fields.quantity;
  if (line.fields.quoteNo && line.partKey) {
    const numbered = (index.byNo.get(codeKey(line.fields.quoteNo)) ?? []).filter((g) => g.partKey === line.partKey);
    if (numbered.length) {
      const own = numbered.filter((g) => g.party.key === line.party.key);
      const group = chooseQuote(own.length ? own : numbered, line.signDate);
      if (group) {
        const otherParty = !own.length && line.customer !== '' && group.customer !== '';
        return { group, via: 'quote-no', choice: pickTier(group.tiers, qty), otherParty };
      }
    }
  }
  if (!line.partKey) return undefined;
  const group = chooseQuote(index.byPartyPart.get(partyPartKey(line.party.key, line.partKey)) ?? [], line.signDate);
  return group ? { group, via: 'customer-part', choice: pickTier(group.tiers, qty), otherParty: false } : undefined;
}

/** Look quotes up by customer spelling and part (used by quotePrice). */
export function groupsFor(index: QuoteIndex, party: Party, part: string): QuoteGroup[] {
  return index.byPartyPart.get(partyPartKey(party.key, codeKey(part))) ?? [];
}
