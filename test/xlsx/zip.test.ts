/** The zip layer refuses what it must not read or copy (issue 13, item 4). */
import fc from 'fast-check';
import { crc32, deflateRawSync } from 'zlib';
import { storedZip } from '../helpers/files';
import { readCentralDirectory, unsafeEntryName, ZipReader, ZipRefusal, ZipWriter } from '../../src/xlsx/zip';

const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipRefusal) return `${e.problem} ${e.part}`;
    throw e;
  }
  return 'accepted';
};

test('a part whose CRC does not match is neither read nor copied', () => {
  const zip = storedZip({ 'a.xml': '<a>出货</a>', 'b.xml': '<b/>' });
  // Change the CRC in the central directory and the local header alike, so only the bytes can tell.
  const crc = crc32(Buffer.from('<a>出货</a>'));
  const bad = Buffer.from(zip);
  for (let i = 0; i + 4 <= bad.length; i++) if (bad.readUInt32LE(i) === crc) bad.writeUInt32LE((crc ^ 0x10) >>> 0, i);
  const z = ZipReader.open(bad);
  expect(refusal(() => z.read('a.xml'))).toBe('damaged a.xml');
  expect(refusal(() => new ZipWriter().copy(z, z.entries.get('a.xml')!))).toBe('damaged a.xml');
  expect(z.text('b.xml')).toBe('<b/>');
});

test('a local header that disagrees with the central directory is damage', () => {
  const zip = Buffer.from(storedZip({ 'a.xml': '<a/>' }));
  zip.write('b', 30); // the local header's copy of the name
  expect(refusal(() => ZipReader.open(zip))).toBe('damaged a.xml');
});

test('duplicate names, compared as OPC does (case-insensitively), are refused', () => {
  expect(refusal(() => readCentralDirectory(storedZip({ 'xl/Workbook.xml': '1', 'xl/workbook.xml': '2' })))).toBe('duplicate xl/workbook.xml');
});

test('a deflated part that inflates past its declared size is refused without inflating it all', () => {
  const plain = Buffer.alloc(10_000_000, ' ');
  const data = deflateRawSync(plain);
  const z = new ZipWriter();
  // Written honestly, then the declared size is lowered in both headers.
  (z as unknown as { push: (n: string, m: number, c: number, s: number, d: Buffer) => void }).push('big.xml', 8, crc32(plain), 1000, data);
  const buf = z.finish();
  expect(refusal(() => ZipReader.open(buf).read('big.xml'))).toBe('damaged big.xml');
});

test('names that are absolute, a drive, or climb out are unsafe; ordinary part names are not', () => {
  for (const n of ['/etc/passwd', '\\\\server\\x', 'C:/x.xml', 'xl/../../x', '..\\x', 'a/..']) expect(unsafeEntryName(n)).toBe(true);
  for (const n of ['xl/workbook.xml', '[Content_Types].xml', '_rels/.rels', 'xl/worksheets/sheet1.xml', 'a..b/c..xml']) expect(unsafeEntryName(n)).toBe(false);
  fc.assert(
    fc.property(fc.array(fc.stringMatching(/^[a-z0-9_.\u4e00-\u4e10]{1,8}$/), { minLength: 1, maxLength: 4 }), fc.nat(4), (segs, at) => {
      const climbing = [...segs.slice(0, at), '..', ...segs.slice(at)].join('/');
      expect(unsafeEntryName(climbing)).toBe(true);
      expect(unsafeEntryName(segs.join('/'))).toBe(segs.includes('..'));
    }),
  );
});
