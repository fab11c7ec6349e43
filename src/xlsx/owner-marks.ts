import type { Grid } from '../core/grid';
import type { WritePlan } from '../core/report/write-plan';
import { markFormula, markToken, OWNER_MARK_NAME } from '../core/state';
import { workbookPart } from './package';
import { addDefinedNames } from './page-setup';
import { attr, escapeXml, isMain, parseXml } from './xml';
import { ZipReader, ZipWriter } from './zip';

/**
 * Ownership marks in a file (core/state.ts OWNER_MARK_NAME): a sheet-scoped defined name in the workbook part,
 * `<definedName name="_ClerkDesk_Owned" localSheetId="i" hidden="1">"CD-3"</definedName>`. The scope is the sheet's
 * position in <sheets>, so Excel, WPS and LibreOffice renumber it when they reorder, and drop it with the sheet.
 */

/** Token per sheet name, read with the conforming XML parser (any prefix, either quote style). */
export function readOwnerMarks(workbookXml: string, part: string): Map<string, string> {
  const marks = new Map<number, string>();
  const sheets: string[] = [];
  let open: number | null = null;
  let text = '';
  parseXml(workbookXml, part, {
    open(el, selfClosing) {
      if (isMain(el.ns) && el.local === 'sheet') sheets.push(attr(el, 'name') ?? '');
      if (!isMain(el.ns) || el.local !== 'definedName' || selfClosing) return;
      const local = attr(el, 'localSheetId');
      if (attr(el, 'name') !== OWNER_MARK_NAME || local === undefined || !/^\d+$/.test(local)) return;
      open = Number(local);
      text = '';
    },
    text(t) {
      if (open !== null) text += t;
    },
    close(el) {
      if (open === null || !isMain(el.ns) || el.local !== 'definedName') return;
      const token = markToken(text.trim());
      if (token !== null) marks.set(open, token);
      open = null;
    },
  });
  return new Map([...marks].filter(([i]) => i < sheets.length).map(([i, token]) => [sheets[i], token]));
}

/** Give each grid the mark its sheet carries, or null (the file host always looks). */
export function withOwnerMarks(grids: Grid[], zip: ZipReader): Grid[] {
  const part = workbookPart(zip);
  const xml = part ? zip.text(part) : null;
  const marks = part && xml ? readOwnerMarks(xml, part) : new Map<string, string>();
  return grids.map((g) => ({ ...g, ownerMark: marks.get(g.name) ?? null }));
}

/** The defined names that mark the plan's sheets, given the final tab order. */
export function ownerMarkNames(plan: WritePlan, order: readonly string[]): string[] {
  return plan.layouts.flatMap((l) => {
    const index = order.indexOf(l.name);
    if (!l.ownerMark || index < 0) return [];
    return [`<definedName name="${OWNER_MARK_NAME}" localSheetId="${index}" hidden="1">${escapeXml(markFormula(l.ownerMark))}</definedName>`];
  });
}

/** Remove our mark names (the sheets they scoped may have moved); the caller adds the current ones. */
export function withoutOwnerMarks(workbookXml: string): string {
  return workbookXml
    .replace(/<definedName\b[^>]*\bname=["']_ClerkDesk_Owned["'][^>]*>[\s\S]*?<\/definedName>/g, '')
    .replace(/<definedNames>\s*<\/definedNames>/, '');
}

/**
 * Mark the plan's sheets in a whole workbook some other writer produced (the ExcelJS fallback, which has no
 * sheet-scoped names of its own): its workbook part is rewritten, every other part copied as it is.
 */
export function markWorkbook(buf: Buffer, plan: WritePlan): Buffer {
  if (!plan.layouts.some((l) => l.ownerMark)) return buf;
  const zip = ZipReader.open(buf);
  const part = workbookPart(zip);
  const xml = part ? zip.text(part) : null;
  if (!part || !xml) return buf;
  const order: string[] = [];
  parseXml(xml, part, {
    open(el) {
      if (isMain(el.ns) && el.local === 'sheet') order.push(attr(el, 'name') ?? '');
    },
  });
  const next = addDefinedNames(withoutOwnerMarks(xml), ownerMarkNames(plan, order));
  const out = new ZipWriter();
  for (const e of zip.entries.values()) {
    if (e.name === part) out.add(e.name, next);
    else out.copy(zip, e);
  }
  return out.finish();
}
