/**
 * What kind of file is this, before handing it to ExcelJS (whose own errors are raw zip/XML messages the clerk
 * cannot act on). Looks at the magic bytes and, for a zip, at the names in its central directory.
 */
import { endOfCentralDirectory } from './zip';

export type FileKind =
  | { kind: 'xlsx' }
  /** A zip that is not a workbook (no xl/workbook.xml), e.g. a .docx or any zip renamed .xlsx. */
  | { kind: 'zip-not-workbook' }
  /** An OLE compound file holding an encrypted (password-protected) OOXML package. */
  | { kind: 'encrypted' }
  /** An OLE compound file: a legacy .xls (or another Office 97–2003 document). */
  | { kind: 'legacy' }
  /** Anything else: text, CSV, an image, an empty file. */
  | { kind: 'not-workbook' };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Uint8Array, magic: number[]): boolean => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

export function sniff(buf: Buffer): FileKind {
  if (startsWith(buf, OLE_MAGIC)) {
    // An encrypted OOXML package is a compound file with the streams EncryptionInfo and EncryptedPackage; their
    // names are stored UTF-16LE in the directory sectors.
    return buf.includes(utf16('EncryptionInfo')) || buf.includes(utf16('EncryptedPackage')) ? { kind: 'encrypted' } : { kind: 'legacy' };
  }
  if (startsWith(buf, ZIP_MAGIC) || startsWith(buf, ZIP_EMPTY_MAGIC)) {
    const names = zipEntryNames(buf);
    if (names === null) return { kind: 'not-workbook' };
    // A package (with _rels/.rels) may keep its workbook anywhere: the host follows the relationships to find it.
    return names.some((n) => n.toLowerCase() === 'xl/workbook.xml' || n === '_rels/.rels') ? { kind: 'xlsx' } : { kind: 'zip-not-workbook' };
  }
  return { kind: 'not-workbook' };
}

/**
 * Entry names from a zip's central directory, or null when the directory cannot be found (a broken zip). Only
 * lists: the checks that refuse a damaged or hostile archive are ZipReader.open's.
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const end = endOfCentralDirectory(buf);
  if (!end) return null;
  const names: string[] = [];
  let p = end.offset;
  for (let i = 0; i < end.count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * What ExcelJS does not carry over when it rewrites a workbook (so an in-place rewrite would drop it): parts by
 * name, and, when `text` can read parts, what lives inside the workbook and sheets (protection, sparklines,
 * Excel 2010 data validation lists).
 */
export function partsExcelJsDrops(names: readonly string[], text?: (name: string) => string | null): string[] {
  const kinds = [
    { re: /^xl\/charts\//i, what: 'charts' },
    { re: /^xl\/pivotTables\//i, what: 'pivotTables' },
    { re: /^xl\/pivotCache\//i, what: 'pivotCaches' },
    { re: /^xl\/vbaProject\.bin$/i, what: 'macros' },
    { re: /^xl\/slicers\//i, what: 'slicers' },
    { re: /^xl\/externalLinks\//i, what: 'externalLinks' },
    { re: /^customXml\//i, what: 'customXml' },
    { re: /^docProps\/custom\.xml$/i, what: 'customProperties' },
  ];
  const found = kinds.filter((k) => names.some((n) => k.re.test(n))).map((k) => k.what);
  if (!text) return found;
  const workbook = names.find((n) => /^xl\/workbook\.xml$/i.test(n));
  if (workbook && /<(\w+:)?workbookProtection\b/.test(text(workbook) ?? '')) found.push('workbookProtection');
  const sheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n)).map((n) => text(n) ?? '');
  if (sheets.some((x) => /<(\w+:)?sparklineGroup\b/.test(x))) found.push('sparklines');
  if (sheets.some((x) => /<\w+:dataValidations\b/.test(x))) found.push('extendedValidation');
  return found;
}
