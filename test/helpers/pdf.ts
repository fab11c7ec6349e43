/**
 * LibreOffice to PDF for tests, and poppler's pdftotext to read it back page by page.
 * A test that needs them must fail, not skip, when CI is set and they are missing (needRealTools).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { sofficePath } from './libreoffice';

export const pdftotextPath = (): string | null => {
  const r = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
};

/** Run the test when LibreOffice and poppler are there; in CI their absence is a failure, elsewhere a skip. */
export function withPdfTools(): typeof test {
  if (sofficePath() && pdftotextPath()) return test;
  if (process.env.CI) return ((name: string) => test(name, () => { throw new Error('LibreOffice (soffice) and poppler (pdftotext) are required in CI'); })) as unknown as typeof test;
  return test.skip;
}

/** Convert a workbook to PDF with LibreOffice headless (its own profile directory); returns the PDF bytes. */
export function toPdf(book: string): Buffer {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice is not installed');
  const out = mkdtempSync(join(tmpdir(), 'clerk-desk-pdf-'));
  const profile = mkdtempSync(join(tmpdir(), `lo-profile-${process.pid}-`));
  try {
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, book], { stdio: 'pipe', timeout: 180_000 });
    return readFileSync(join(out, basename(book).replace(/\.xlsx$/i, '.pdf')));
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The text of every page of a PDF (pdftotext -layout), one string per page. */
export function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-pdftext-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    // pdftotext ends every page with a form feed.
    const pages = text.split('\f');
    if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
