/** UTF-8 length of a string without allocating (the payload limits count bytes; Chinese text is 3 bytes a character). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const jsonBytes = (v: unknown): number => utf8Bytes(JSON.stringify(v) ?? 'null');

/**
 * Budget per sync. Excel on the web rejects a request or response over 5 MB; we aim at 4 MB and keep a margin under
 * that for the estimate (a block is sized from the bytes per row of the block before it).
 */
export const SYNC_BUDGET = 3_500_000;
/** Hard ceiling we never plan past (the brief's "no request over 4 MB"). */
export const SYNC_CEILING = 4_000_000;
/** Microsoft's guidance for large ranges: start with 5k rows, stay within 5k–20k. */
export const FIRST_BLOCK_ROWS = 5_000;
export const MAX_BLOCK_ROWS = 20_000;
/** Cells per read: the documented limit is 5,000,000 (beyond it values may come back null); stay well below. */
export const MAX_BLOCK_CELLS = 1_000_000;
