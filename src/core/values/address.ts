/** A1 addressing, 1-based rows and columns. */

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export const a1 = (row: number, col: number): string => `${columnLetter(col)}${row}`;

export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : null;
}

/** Quote a sheet name for a formula or hyperlink: 'My Sheet'!A1, with ' doubled. */
export const quoteSheetName = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;
