import type { AnyTypedTable } from '../tables/typed-table';
import { companyKey } from '../values/company';

/**
 * Our company: the name every document we send carries, kept as a workbook setting in the state sheet.
 * Where it comes from, first that answers: the clerk's explicit choice (`--company`, the pane's settings), the
 * setting saved by an earlier run, or the title blocks of her own sheets when every one that names a company
 * names the same one (her shipping lists and invoices are headed with our name; a statement is headed with theirs).
 */

export interface CompanySettings {
  name: string;
  taxNo?: string;
  address?: string;
  contact?: string;
  /** Who prepares the documents (经办人). */
  preparer?: string;
}

/** Where this run's company came from: typed by the clerk (`--company`), saved in the workbook, or read from her titles. */
export type CompanySource = 'option' | 'state' | 'titles';

/** Our company for a run, and where it came from: a name from titles is a guess the pane asks her to confirm. */
export interface ResolvedCompany {
  settings: CompanySettings;
  source: CompanySource;
}

/** A full legal name in a title line: 江苏华工科技装备有限公司, 无锡华工汽车部件股份有限公司. */
const LEGAL_NAME = /[\p{Script=Han}A-Za-z0-9（）()]{2,30}?(?:股份有限公司|有限责任公司|有限公司)/gu;

/** Kinds whose title block is ours: the sheets she makes. A statement's title names the other side. */
const OUR_KINDS = new Set(['shipments', 'invoices', 'contracts', 'quotes', 'receipts', 'returns', 'samples', 'property']);

/**
 * Every company her own sheets' titles name, each once (by companyKey, its longest spelling), in the order first seen.
 * A name that is one of her customers (a title such as 客户：无锡华工…有限公司) is not ours.
 */
export function companiesInTitles(tables: readonly AnyTypedTable[]): string[] {
  const customers = new Set<string>();
  for (const t of tables) {
    if (t.kind !== 'customers') continue;
    for (const r of t.rows) {
      const name = (r.fields as { name?: string }).name;
      if (name) customers.add(companyKey(name));
    }
  }
  const found = new Map<string, string>();
  for (const t of tables) {
    if (!OUR_KINDS.has(t.kind)) continue;
    for (const line of t.titleText ?? []) {
      for (const m of line.normalize('NFKC').matchAll(LEGAL_NAME)) {
        const key = companyKey(m[0]);
        if (customers.has(key)) continue;
        const prev = found.get(key);
        if (!prev || m[0].length > prev.length) found.set(key, m[0]);
      }
    }
  }
  return [...found.values()];
}

/** The one company her own sheets' titles name, when they agree; undefined when none names one or they disagree. */
export function companyFromTitles(tables: readonly AnyTypedTable[]): string | undefined {
  const names = companiesInTitles(tables);
  return names.length === 1 ? names[0] : undefined;
}

/** Our company for this run, and where it came from. */
export function resolveCompany(
  option: string | undefined,
  saved: CompanySettings | undefined,
  tables: readonly AnyTypedTable[],
): ResolvedCompany | undefined {
  const typed = option?.trim();
  if (typed) return { settings: { ...(saved && companyKey(saved.name) === companyKey(typed) ? saved : {}), name: typed }, source: 'option' };
  if (saved?.name) return { settings: saved, source: 'state' };
  const fromTitles = companyFromTitles(tables);
  return fromTitles ? { settings: { name: fromTitles }, source: 'titles' } : undefined;
}

/** A settings object read from untrusted JSON (the state sheet), or undefined. */
export function parseCompanySettings(v: unknown): CompanySettings | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.name !== 'string' || !o.name.trim()) return undefined;
  const out: CompanySettings = { name: o.name.trim() };
  for (const k of ['taxNo', 'address', 'contact', 'preparer'] as const) {
    const value = typeof o[k] === 'string' ? (o[k] as string).trim() : '';
    if (value) out[k] = value;
  }
  return out;
}
