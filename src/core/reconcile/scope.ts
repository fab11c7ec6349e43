import { statementInPeriod, type Period } from '../period';
import type { Party, PartyDirectory } from '../parties';
import type { ShipmentRow, StatementRow } from '../tables/kinds';
import { tablesOf, type AnyTypedTable, type TypedTable } from '../tables/typed-table';
import { asFen, type Fen, type IsoDate, type PriceFen } from '../values/brand';
import { companyKey } from '../values/company';
import { lineAmount } from '../values/money';
import { addDays } from '../values/dates';

/** What is reconciled: the period, and each counterparty's lines on both sides. */

export type { Period };

export interface SourceRef {
  sheet: string;
  row: number;
}

export interface OurLine {
  source: SourceRef;
  table: TypedTable<'shipments'>;
  f: ShipmentRow;
  /** Amount with tax, fen: the amount column, else quantity × unit price, else 0. */
  amount: Fen;
}

export interface TheirLine {
  source: SourceRef;
  table: TypedTable<'statements'>;
  f: StatementRow;
  amount: Fen;
}

export interface CounterpartyScope {
  party: Party;
  ours: OurLine[];
  theirs: TheirLine[];
  /** Our shipments of the year before the period, in any shipment sheet: where a line they book late comes from. */
  earlier: OurLine[];
  /** Statement sheets this counterparty's lines came from. */
  statementSheets: string[];
  shipmentSheets: string[];
}

const ALIAS_SEPARATORS = /[、,，;；/|\n]+/;
const STATEMENT_WORDS = /(对账单|对帐单|对账|对帐|结算单|往来|明细|statement|reconciliation)/gi;

/** Finds a known counterparty named anywhere inside a text (a title line, a sheet name), by its name or an alias. */
export class PartyFinder {
  private readonly names: { key: string; name: string }[] = [];

  constructor(
    tables: readonly AnyTypedTable[],
    private readonly directory: PartyDirectory,
  ) {
    for (const t of tablesOf(tables, 'customers')) {
      for (const { fields } of t.rows) {
        if (!fields.name) continue;
        for (const alias of [fields.name, ...(fields.aliases ?? '').split(ALIAS_SEPARATORS), fields.code ?? '']) {
          const key = companyKey(alias);
          if (key.length >= 2) this.names.push({ key, name: fields.name });
        }
      }
    }
    this.names.sort((a, b) => b.key.length - a.key.length);
  }

  /** The known party whose name or alias the text contains (the longest such name), if any. */
  inText(text: string): Party | undefined {
    const key = companyKey(text.replace(STATEMENT_WORDS, ' '));
    if (!key) return undefined;
    for (const n of this.names) if (key.includes(n.key)) return this.directory.resolve(n.name);
    return undefined;
  }

  /** A counterparty cell: the directory first, then a known name inside the text. */
  resolve(text: string): Party {
    const p = this.directory.resolve(text);
    if (p.known) return p;
    return this.inText(text) ?? p;
  }
}

/** Whose statement a table is, when its rows do not say: its title block, else its sheet name. */
export function statementParty(table: TypedTable<'statements'>, finder: PartyFinder): Party | undefined {
  for (const line of table.titleText ?? []) {
    const p = finder.inText(line);
    if (p) return p;
  }
  const bySheet = finder.inText(table.sheet);
  if (bySheet) return bySheet;
  const title = (table.titleText ?? []).find((l) => l.trim());
  const fallback = (title ?? table.sheet).replace(STATEMENT_WORDS, ' ').trim();
  return fallback ? finder.resolve(fallback) : undefined;
}

const inPeriod = (d: IsoDate | undefined, p: Period): boolean => d === undefined || (d >= p.from && d <= p.to);

const priceOf = (f: { unitPrice?: PriceFen; unitPriceWithTax?: PriceFen }): PriceFen | undefined => f.unitPriceWithTax ?? f.unitPrice;

function amountOf(f: { amount?: Fen; quantity?: number; unitPrice?: PriceFen; unitPriceWithTax?: PriceFen }): Fen {
  if (f.amount !== undefined) return f.amount;
  const price = priceOf(f);
  return price !== undefined && f.quantity !== undefined ? lineAmount(f.quantity, price) : asFen(0);
}

/** How far back a late booking is looked for: a year of shipments covers any statement a clerk still chases. */
const LOOKBACK_DAYS = 366;

/** Lines of the period by counterparty, in the order the counterparties first appear on statements. */
export function collectScope(tables: readonly AnyTypedTable[], directory: PartyDirectory, finder: PartyFinder, period: Period): Map<string, CounterpartyScope> {
  const scopes = new Map<string, CounterpartyScope>();
  const scopeOf = (party: Party): CounterpartyScope => {
    let s = scopes.get(party.key);
    if (!s) scopes.set(party.key, (s = { party, ours: [], theirs: [], earlier: [], statementSheets: [], shipmentSheets: [] }));
    return s;
  };
  for (const table of tablesOf(tables, 'statements')) {
    // Last month's statement still in the workbook is not this period's, even for its undated lines.
    if (!statementInPeriod(table, period)) continue;
    const tableParty = statementParty(table, finder);
    for (const { fields: f, sourceRow } of table.rows) {
      if (!inPeriod(f.date, period)) continue;
      const party = f.counterparty ? finder.resolve(f.counterparty) : tableParty;
      if (!party) continue;
      const s = scopeOf(party);
      s.theirs.push({ source: { sheet: table.sheet, row: sourceRow }, table, f, amount: amountOf(f) });
      if (!s.statementSheets.includes(table.sheet)) s.statementSheets.push(table.sheet);
    }
  }
  const withStatement = new Set(scopes.keys());
  const noStatement = new Map<string, CounterpartyScope>();
  const lookback = addDays(period.from, -LOOKBACK_DAYS);
  for (const table of tablesOf(tables, 'shipments')) {
    for (const { fields: f, sourceRow } of table.rows) {
      if (!f.customer || !f.date) continue;
      if (!inPeriod(f.date, period)) {
        if (f.date < period.from && f.date >= lookback) {
          const earlier = scopes.get(finder.resolve(f.customer).key);
          if (earlier && withStatement.has(earlier.party.key)) earlier.earlier.push({ source: { sheet: table.sheet, row: sourceRow }, table, f, amount: amountOf(f) });
        }
        continue;
      }
      const party = finder.resolve(f.customer);
      let s: CounterpartyScope | undefined;
      if (withStatement.has(party.key)) s = scopes.get(party.key);
      else if (party.group === 'related') {
        s = noStatement.get(party.key);
        if (!s) noStatement.set(party.key, (s = { party, ours: [], theirs: [], earlier: [], statementSheets: [], shipmentSheets: [] }));
      }
      if (!s) continue;
      s.ours.push({ source: { sheet: table.sheet, row: sourceRow }, table, f, amount: amountOf(f) });
      if (!s.shipmentSheets.includes(table.sheet)) s.shipmentSheets.push(table.sheet);
    }
  }
  for (const [k, s] of noStatement) scopes.set(k, s);
  return scopes;
}

export { priceOf };
