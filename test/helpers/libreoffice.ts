/**
 * LibreOffice headless for tests: is it installed, and convert a workbook to one CSV per sheet.
 * Each run gets its own profile directory so parallel test workers never share (and lock) one.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { LIBREOFFICE, locate, missingMessage } from './programs';

/** soffice from SOFFICE_PATH or PATH; tests that need it use `testNeeding(LIBREOFFICE)` (./programs). */
export const sofficePath = (): string | null => locate(LIBREOFFICE);

/** Parse RFC-4180 CSV (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Convert every sheet of `book` to CSV (UTF-8, comma, values as formatted) with LibreOffice and return
 * sheet name → rows of cell text. Throws when soffice fails.
 */
export function sheetsAsCsv(book: string): Map<string, string[][]> {
  const soffice = sofficePath();
  if (!soffice) throw new Error(missingMessage(LIBREOFFICE));
  const out = mkdtempSync(join(tmpdir(), 'clerk-desk-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), `lo-profile-${process.pid}-`));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
        '--outdir',
        out,
        book,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const stem = basename(book).replace(/\.xlsx$/i, '');
    const result = new Map<string, string[][]>();
    for (const f of readdirSync(out)) {
      if (!f.endsWith('.csv')) continue;
      const sheet = f.startsWith(`${stem}-`) ? f.slice(stem.length + 1, -4) : f.slice(0, -4);
      result.set(sheet, parseCsv(readFileSync(join(out, f), 'utf8')));
    }
    return result;
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Let LibreOffice open `book` and save it as .xlsx (its own XML, as a clerk's LibreOffice would); returns the bytes. */
export function resaveAsXlsx(book: string): Buffer {
  const soffice = sofficePath();
  if (!soffice) throw new Error(missingMessage(LIBREOFFICE));
  const out = mkdtempSync(join(tmpdir(), 'clerk-desk-lo-xlsx-'));
  const profile = mkdtempSync(join(tmpdir(), `lo-profile-${process.pid}-`));
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, book], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    return readFileSync(join(out, basename(book)));
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
