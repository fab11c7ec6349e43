/**
 * ExcelJS and the built-in number formats. ExcelJS resolves an xf's numFmtId through a table of its own
 * (lib/xlsx/defaultnumformats.js), and for the ids whose meaning depends on the display language (27–36, 50–58:
 * the 年/月/日 dates of a Chinese workbook) that table holds per-locale codes it never returns: the cell comes
 * back with no format, its date an anonymous number. And its code for id 22 is `m/d/yy "h":mm` (a literal "h").
 * So the fallback reader would see other formats than the fast reader in the same file. Here ExcelJS learns the
 * missing ids from core's one table before it loads a workbook, and its own spelling of a built-in code is read
 * back as core's.
 */
// ExcelJS's writer maps a code back to an id through a hash it builds from this table when its numFmt module
// loads; loading that module first keeps the hash ExcelJS's own, so what it writes does not change.
import 'exceljs/lib/xlsx/xform/style/numfmt-xform';
import excelJsBuiltins from 'exceljs/lib/xlsx/defaultnumformats';
import { builtinFormats, gridFormat } from '../core/values/number-format';

type ExcelJsTable = Record<number, { f?: string } | undefined>;
const table = excelJsBuiltins as ExcelJsTable;

/** ExcelJS's code for a built-in id, where it differs from core's → core's code (before anything is taught). */
const respelled = new Map<string, string>();
for (const [id, code] of builtinFormats()) {
  const theirs = table[id]?.f;
  if (theirs && theirs !== code) respelled.set(theirs, code);
}

/**
 * Give ExcelJS a code for every built-in id it has none for (it looks the table up while loading a workbook, so
 * this runs before each load; it changes nothing the second time). Only missing entries are added: what ExcelJS
 * writes for the formats it knows stays as it was.
 */
export function teachExcelJsBuiltinFormats(): void {
  for (const [id, code] of builtinFormats()) {
    const entry = table[id];
    if (!entry) table[id] = { f: code };
    else if (!entry.f) entry.f = code;
  }
}

/** A cell's numFmt as ExcelJS reports it → the format a Grid keeps (core's code for a built-in, null for General). */
export function formatFromExcelJs(numFmt: string | undefined): string | null {
  return gridFormat(numFmt === undefined ? undefined : (respelled.get(numFmt) ?? numFmt));
}
