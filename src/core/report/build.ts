import type { SheetLink } from '../sheet-spec';
import { a1 } from '../values/address';
import type { Fen, PriceFen } from '../values/brand';
import { fenToYuan } from '../values/money';

/** Small builders every report uses, so each job's sheet code says what, not how (tables: see columns.ts). */

/** A link back to a source cell, shown as `sheet!A12` unless other text is given. */
export function sourceLink(sheet: string, row: number, col = 1, text?: string): SheetLink {
  const cell = a1(row, col);
  return { text: text ?? `${sheet}!${cell}`, target: { sheet, cell } };
}

/** Money for a SheetSpec cell: yuan number, or null when unknown. */
export const money = (fen: Fen | PriceFen | undefined | null): number | null => (fen === undefined || fen === null ? null : fenToYuan(fen));

/** Money for JSON output: yuan to two decimals. */
export const yuan = (fen: Fen): number => Math.round(fen) / 100;

const FORBIDDEN_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A valid sheet name: forbidden characters replaced, ≤ 31 characters, not empty, not 'History'. */
export function safeSheetName(name: string): string {
  // Excel refuses an apostrophe at either end; spaces there are stripped with them ("a' " would end in one).
  const ends = /^[\s']+|[\s']+$/g;
  let s = name.replace(FORBIDDEN_SHEET_CHARS, '_').replace(ends, '');
  if (!s || s.toLowerCase() === 'history') s = `_${s || 'sheet'}`;
  return utf16Prefix(s, 31).replace(ends, '') || '_sheet';
}

/**
 * The longest prefix of `s` within `max` UTF-16 code units (how Excel counts a sheet name's 31), never ending
 * inside a surrogate pair: an emoji counts two and is kept whole or left out.
 */
export function utf16Prefix(s: string, max: number): string {
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A valid Excel table name from any text: starts with a letter or _, only letters (CJK allowed), digits, _ and .,
 * ≤ 255 characters, and never a cell reference like A1 or R1C1.
 */
export function safeTableName(name: string): string {
  let s = name.normalize('NFKC').replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]\d*$/.test(s) || /^R\d+C\d+$/i.test(s)) s = `_${s}`;
  return [...s].slice(0, 255).join('');
}

/** Make names unique within one run by appending _2, _3 … (sheet names stay ≤ 31 characters). */
export function uniqueName(base: string, taken: Set<string>, maxLength = 255): string {
  const lower = (s: string) => s.toLowerCase();
  const takenLower = new Set([...taken].map(lower));
  let candidate = base;
  for (let i = 2; takenLower.has(lower(candidate)); i++) {
    const suffix = `_${i}`;
    candidate = utf16Prefix(base, maxLength - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}
