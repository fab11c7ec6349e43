import { execFile, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { SheetLayout } from '../core/report/layout';
import { unescapeXml } from '../xlsx/patch';
import { ZipReader, ZipWriter } from '../xlsx/zip';

/**
 * `--pdf`: the sheets a clerk sends — the confirmation letters and the aging and sales sheets — printed to one PDF
 * by LibreOffice (a real application, with the page set-up the sheets carry). The workbook given to LibreOffice is
 * a temporary copy holding only those sheets; her files are not touched.
 */

/** Purposes whose sheets go to the manager as they are. */
const ANALYSIS = new Set(['receivables', 'sales']);

/** The sheets to print: the letters (one-page documents) and the analysis sheets, in workbook order. */
export function sheetsToSend(layouts: readonly SheetLayout[]): string[] {
  return layouts.filter((l) => !l.hidden && (l.page?.fitTall === 1 || ANALYSIS.has(l.purpose))).map((l) => l.name);
}

/** soffice on the PATH, or null. */
export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    const p = r.stdout?.trim().split('\n')[0];
    if (r.status === 0 && p) return p;
  }
  return null;
}

/**
 * A copy of the workbook with only the `keep` sheets (LibreOffice prints hidden sheets too, so the others are
 * left out of the sheet list); sheet-local names (the print areas) follow their sheets, other names are dropped.
 */
export function onlySheets(xlsx: Buffer, keep: readonly string[]): Buffer | null {
  const zip = ZipReader.open(xlsx);
  const wb = zip?.text('xl/workbook.xml');
  if (!zip || !wb) return null;
  const wanted = new Set(keep);
  const newIndex = new Map<number, number>();
  let index = -1;
  let xml = wb.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    index++;
    if (!wanted.has(unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ''))) return '';
    newIndex.set(index, newIndex.size);
    return tag.replace(/\s+state="[^"]*"/, '');
  });
  if (!newIndex.size) return null;
  xml = xml.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (whole, a: string) => {
    const local = /\blocalSheetId="(\d+)"/.exec(a);
    const next = local ? newIndex.get(Number(local[1])) : undefined;
    return next === undefined ? '' : whole.replace(/\blocalSheetId="\d+"/, `localSheetId="${next}"`);
  });
  xml = xml.replace(/<definedNames>\s*<\/definedNames>/, '');
  xml = xml.replace(/<workbookView\b[^>]*?\/?>/g, (tag) => tag.replace(/\s+(activeTab|firstSheet)="\d+"/g, ''));
  const out = new ZipWriter();
  for (const e of zip.entries.values()) {
    if (e.name === 'xl/workbook.xml') out.add(e.name, xml);
    else out.copy(zip, e);
  }
  return out.finish();
}

export type PdfResult = { ok: true; sheets: number } | { ok: false; reason: 'missing' | 'failed'; detail?: string };

/** Print `keep` sheets of the workbook bytes to `pdfPath` (through a temporary file renamed into place). */
export async function writePdf(xlsx: Buffer, keep: readonly string[], pdfPath: string, soffice: string | null): Promise<PdfResult> {
  if (!soffice) return { ok: false, reason: 'missing' };
  const subset = onlySheets(xlsx, keep);
  if (!subset) return { ok: false, reason: 'failed', detail: 'no sheet to print' };
  const dir = await fs.mkdtemp(join(tmpdir(), 'clerk-desk-pdf-'));
  try {
    const src = join(dir, 'clerk-desk.xlsx');
    await fs.writeFile(src, subset);
    const profile = join(dir, 'profile');
    await new Promise<void>((ok, fail) =>
      execFile(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src], { timeout: 300_000 }, (e) =>
        e ? fail(e) : ok(),
      ),
    );
    const tmp = `${pdfPath}.clerk-desk-${process.pid}.tmp`;
    await fs.copyFile(join(dir, 'clerk-desk.pdf'), tmp);
    await fs.rename(tmp, pdfPath);
    return { ok: true, sheets: keep.length };
  } catch (e) {
    return { ok: false, reason: 'failed', detail: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
