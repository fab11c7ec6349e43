import type { CustomerGroup } from './tables/kinds';
import type { AnyTypedTable } from './tables/typed-table';
import { tablesOf } from './tables/typed-table';
import { companyKey } from './values/company';

/**
 * The counterparty directory: every name a customer goes by (full name, aliases, code) resolves to one party,
 * through the company key. Jobs use it so that 苏州华工精密模具有限公司, 苏州华工精密模具（有限公司）and the
 * alias 华工精密 are one customer with one group and one payment term.
 */

export interface Party {
  /** companyKey of the master name: the identity used for grouping. */
  key: string;
  /** The name as the customers sheet writes it (or as first seen, for parties not on it). */
  name: string;
  group: CustomerGroup;
  /** Payment terms in days, when the master gives them. */
  termsDays?: number;
  /** True when the party is on the customers sheet. */
  known: boolean;
}

export interface PartyDirectory {
  /** Resolve any spelling to its party; an unknown name becomes an external party of its own. */
  resolve(name: string): Party;
  /** All parties on the customers sheet, in sheet order. */
  known(): Party[];
}

const ALIAS_SEPARATORS = /[、,，;；/|\n]+/;

export function buildDirectory(tables: readonly AnyTypedTable[]): PartyDirectory {
  const byKey = new Map<string, Party>();
  const parties: Party[] = [];
  for (const table of tablesOf(tables, 'customers')) {
    for (const { fields } of table.rows) {
      if (!fields.name) continue;
      const party: Party = {
        key: companyKey(fields.name),
        name: fields.name.trim(),
        group: fields.group ?? 'external',
        termsDays: fields.termsDays,
        known: true,
      };
      if (!party.key || byKey.has(party.key)) continue;
      parties.push(party);
      byKey.set(party.key, party);
      const aliases = [fields.aliases ?? '', fields.code ?? ''].join('、').split(ALIAS_SEPARATORS);
      for (const alias of aliases) {
        const k = companyKey(alias);
        if (k && !byKey.has(k)) byKey.set(k, party);
      }
    }
  }
  const unknown = new Map<string, Party>();
  const resolve = (name: string): Party => {
    const key = companyKey(name);
    const direct = byKey.get(key);
    if (direct) return direct;
    // A short form inside a master name (华工精密 in 苏州华工精密模具) counts when it picks exactly one party.
    if (key.length >= 2) {
      const hits = parties.filter((p) => p.key.includes(key) || key.includes(p.key));
      if (hits.length === 1) return hits[0];
    }
    let party = unknown.get(key);
    if (!party) {
      party = { key, name: name.trim(), group: 'external', known: false };
      unknown.set(key, party);
    }
    return party;
  };
  return { resolve, known: () => [...parties] };
}
