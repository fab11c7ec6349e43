import { constants as zlibConstants, crc32, deflateRawSync, inflateRawSync } from 'zlib';

/**
 * Just enough zip to patch a workbook without rewriting it: list the entries, inflate the few parts that change,
 * and write a new archive that copies every other entry's compressed bytes as they were (fast, and byte-faithful
 * for the clerk's sheets). Kept rather than a library because copying raw entries is the point; what a library
 * would add is the checking, which is here: an archive is refused (ZipRefusal) rather than read as far as it goes.
 * - every entry's local header agrees with the central directory, entries do not overlap;
 * - no two different entries share a name (OPC names are case-insensitive; an exact copy is skipped), no name is
 *   absolute or climbs out with `..`;
 * - declared sizes stay under LIMITS, and inflating never produces more than the declared size (a lying header
 *   is damage, not a reason to allocate gigabytes);
 * - every part's size and CRC-32 are checked when it is read or copied, so damage is never carried into a copy.
 * Zip64 archives are read; encrypted entries and methods other than stored/deflate are refused.
 */

/** The limits every workbook is held to (docs/robustness.md lists them). */
export const LIMITS = {
  /** The file itself. */
  fileBytes: 1_000_000_000,
  /** One part, inflated: the reader holds a part as one string, and V8's longest string is 536,870,888. */
  partBytes: 512_000_000,
  /** All parts together, inflated. */
  workbookBytes: 1_000_000_000,
  /** Entries in one archive. */
  entries: 100_000,
} as const;

export type ZipProblem = 'damaged' | 'unsafeName' | 'duplicate' | 'tooLarge' | 'unsupported';

/** Why an archive cannot be used, with the part it concerns. */
export class ZipRefusal extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly part = '',
    detail = '',
  ) {
    super(`${problem}${part ? ` ${part}` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'ZipRefusal';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
  /** Offset of the entry's compressed data in the archive. */
  dataOffset: number;
}

interface EndOfDirectory {
  count: number;
  offset: number;
  size: number;
  /** Where the end record starts (the central directory must end before it). */
  at: number;
}

/** The end of central directory record (zip64 followed), or null when there is none: the one scan for it. */
export function endOfCentralDirectory(buf: Buffer): EndOfDirectory | null {
  // Signature 0x06054b50, with at most 65,535 bytes of comment after the 22-byte record.
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) {
    // zip64: the locator sits just before the end record and points at the zip64 end record.
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) return null;
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 + 56 > buf.length || buf.readUInt32LE(z64) !== 0x06064b50) return null;
    count = Number(buf.readBigUInt64LE(z64 + 32));
    size = Number(buf.readBigUInt64LE(z64 + 40));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
    return { count, offset, size, at: z64 };
  }
  return { count, offset, size, at: eocd };
}

/** Is this name one that could land outside the package (absolute, a drive, or climbing with `..`)? */
export function unsafeEntryName(name: string): boolean {
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name) || name.includes('\0')) return true;
  return name.split(/[/\\]/).some((seg) => seg === '..');
}

/** The zip64 extended-information extra field fills in the 32-bit fields that are 0xffffffff. */
function zip64Extra(extra: Buffer, want: { size: boolean; compressed: boolean; local: boolean }): { size?: number; compressed?: number; local?: number } {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; local?: number } = {};
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len) throw new ZipRefusal('damaged');
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (want.size) out.size = next();
      if (want.compressed) out.compressed = next();
      if (want.local) out.local = next();
      return out;
    }
    p += 4 + len;
  }
  throw new ZipRefusal('damaged');
}

/** The central directory, checked entry by entry against its local header; throws ZipRefusal. */
export function readCentralDirectory(buf: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(buf);
  if (!end) throw new ZipRefusal('damaged', '', 'no end of central directory');
  if (end.count > LIMITS.entries) throw new ZipRefusal('tooLarge', '', `${end.count} entries`);
  if (end.offset + end.size > end.at) throw new ZipRefusal('damaged', '', 'central directory out of bounds');
  const entries: ZipEntry[] = [];
  const seen = new Map<string, ZipEntry>();
  let total = 0;
  let p = end.offset;
  for (let i = 0; i < end.count; i++) {
    if (p + 46 > end.at || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipRefusal('damaged', '', 'central directory entry');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > end.at) throw new ZipRefusal('damaged', '', 'central directory entry');
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
    const name = nameBytes.toString('utf8');
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const z = zip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, local: localOffset === 0xffffffff });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      localOffset = z.local ?? localOffset;
    }
    if (unsafeEntryName(name)) throw new ZipRefusal('unsafeName', name);
    const key = name.toLowerCase();
    const twin = seen.get(key);
    if (twin) {
      // WPS has been seen writing one part twice, byte for byte: harmless, the copy is skipped. Two different
      // parts under one name are not: which one Excel would take is a guess, so the file is refused.
      const same = twin.crc === crc && twin.size === size && twin.compressedSize === compressedSize && twin.method === method;
      if (!same) throw new ZipRefusal('duplicate', name);
      p += 46 + nameLen + extraLen + commentLen;
      continue;
    }
    if (flags & 1) throw new ZipRefusal('unsupported', name, 'encrypted entry');
    if (method !== 0 && method !== 8) throw new ZipRefusal('unsupported', name, `method ${method}`);
    if (size > LIMITS.partBytes) throw new ZipRefusal('tooLarge', name, `${size} bytes`);
    total += size;
    if (total > LIMITS.workbookBytes) throw new ZipRefusal('tooLarge', name, `${total} bytes in all`);
    if (method === 0 && compressedSize !== size) throw new ZipRefusal('damaged', name, 'stored sizes differ');
    // The local header must be there and say the same thing.
    if (localOffset + 30 > end.offset || buf.readUInt32LE(localOffset) !== 0x04034b50) throw new ZipRefusal('damaged', name, 'local header');
    const localNameLen = buf.readUInt16LE(localOffset + 26);
    const localExtraLen = buf.readUInt16LE(localOffset + 28);
    if (!buf.subarray(localOffset + 30, localOffset + 30 + localNameLen).equals(nameBytes)) throw new ZipRefusal('damaged', name, 'local name');
    if (buf.readUInt16LE(localOffset + 8) !== method) throw new ZipRefusal('damaged', name, 'local method');
    if (!(buf.readUInt16LE(localOffset + 6) & 8)) {
      // Without a data descriptor the local header carries CRC and sizes (0xffffffff: in its zip64 extra).
      const lCrc = buf.readUInt32LE(localOffset + 14);
      const lComp = buf.readUInt32LE(localOffset + 18);
      const lSize = buf.readUInt32LE(localOffset + 22);
      if (lCrc !== crc || (lComp !== 0xffffffff && lComp !== compressedSize) || (lSize !== 0xffffffff && lSize !== size)) throw new ZipRefusal('damaged', name, 'local sizes');
    }
    const dataOffset = localOffset + 30 + localNameLen + localExtraLen;
    if (dataOffset + compressedSize > end.offset) throw new ZipRefusal('damaged', name, 'data out of bounds');
    const entry = { name, method, crc, compressedSize, size, localOffset, dataOffset };
    entries.push(entry);
    seen.set(key, entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  // Entries that share bytes are how the worst zip bombs multiply themselves.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (byOffset[i].localOffset < prev.dataOffset + prev.compressedSize) throw new ZipRefusal('damaged', byOffset[i].name, 'overlapping entries');
  }
  return entries;
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  /** Entries whose bytes were inflated and found to match their size and CRC. */
  private readonly checked = new Set<string>();
  /** Parts checkAll() was asked to keep inflated: the next read() takes them instead of inflating again. */
  private readonly kept = new Map<string, Buffer>();

  private constructor(private readonly buf: Buffer) {}

  /** Parse and check the central directory; throws ZipRefusal for an archive that must not be used. */
  static open(buf: Buffer): ZipReader {
    const z = new ZipReader(buf);
    for (const e of readCentralDirectory(buf)) z.entries.set(e.name, e);
    return z;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The compressed bytes, once they are known to inflate to the declared size and CRC. */
  raw(entry: ZipEntry): Buffer {
    if (!this.checked.has(entry.name)) this.inflate(entry);
    return this.buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  private inflate(e: ZipEntry): Buffer {
    const data = this.buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    let out: Buffer;
    try {
      // Never more than the declared size (+1 to notice a stream that goes on): a lying header is damage.
      // One output chunk of the declared size (up to 64 MB, so a lying header reserves no more): no gathering of
      // 16 kB pieces into a copy.
      out = e.method === 0 ? Buffer.from(data) : inflateRawSync(data, { maxOutputLength: e.size + 1, chunkSize: Math.max(64, Math.min(e.size + 1, 64 * 1024 * 1024)) });
    } catch (err) {
      throw new ZipRefusal('damaged', e.name, (err as Error).message);
    }
    if (out.length !== e.size) throw new ZipRefusal('damaged', e.name, `${out.length} bytes, ${e.size} declared`);
    if (crc32(out) >>> 0 !== e.crc >>> 0) throw new ZipRefusal('damaged', e.name, 'CRC-32');
    this.checked.add(e.name);
    return out;
  }

  read(name: string): Buffer | null {
    const kept = this.kept.get(name);
    if (kept) {
      this.kept.delete(name);
      return kept;
    }
    const e = this.entries.get(name);
    return e ? this.inflate(e) : null;
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : b.toString('utf8');
  }

  /**
   * Inflate and check every part (what a copy of the whole archive relies on). The parts named in `keep` (the
   * sheets about to be read) stay inflated for one read(), so checking them first does not double the work.
   */
  checkAll(keep?: ReadonlySet<string>): void {
    for (const e of this.entries.values()) {
      if (this.checked.has(e.name)) continue;
      const out = this.inflate(e);
      if (keep?.has(e.name)) this.kept.set(e.name, out);
    }
  }

  /** Let go of the parts checkAll() kept and nobody read. */
  releaseKept(): void {
    this.kept.clear();
  }
}

interface Pending {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Builds an archive in memory: copied entries keep their compressed bytes, new ones are deflated. */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly central: Pending[] = [];
  private offset = 0;
  private readonly names = new Set<string>();

  private push(name: string, method: number, crc: number, size: number, data: Buffer | readonly Buffer[]): void {
    if (this.names.has(name)) throw new Error(`duplicate zip entry ${name}`);
    this.names.add(name);
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (DOS time, date)
    const pieces = Buffer.isBuffer(data) ? [data] : data;
    const compressedSize = pieces.reduce((n, b) => n + b.length, 0);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(compressedSize, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(nameBuf.length, 26);
    h.writeUInt16LE(0, 28);
    this.chunks.push(h, nameBuf, ...pieces);
    this.central.push({ name: nameBuf, method, crc: crc >>> 0, compressedSize, size, offset: this.offset });
    this.offset += 30 + nameBuf.length + compressedSize;
  }

  copy(from: ZipReader, entry: ZipEntry): void {
    this.push(entry.name, entry.method, entry.crc, entry.size, from.raw(entry));
  }

  add(name: string, content: Buffer | string): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // Large parts (a 100k-row sheet) deflate at level 1: several times faster, a little bigger.
    this.push(name, 8, crc32(data), data.length, deflateRawSync(data, { level: data.length > 4_000_000 ? 1 : 6 }));
  }

  /**
   * A part deflated and checksummed as it is produced: `produce` hands over its bytes in pieces (a rendered sheet,
   * a few hundred KB at a time), so the part never exists whole, as text or as bytes. Each piece is deflated on
   * its own and ended with a sync flush (byte-aligned, not final), which makes the pieces one valid deflate stream
   * when laid end to end; an empty final block closes it. Level 1: on the 13.6 MB of sheets `all` generates at
   * 100k lines it took 61 ms of CPU against 175 ms at level 6, for 1.51 MB against 1.24 MB (256 KB pieces: +1%).
   */
  addStreamed(name: string, produce: (write: (bytes: Buffer) => void) => void): void {
    const pieces: Buffer[] = [];
    let crc = 0;
    let size = 0;
    produce((bytes) => {
      if (!bytes.length) return;
      crc = crc32(bytes, crc);
      size += bytes.length;
      pieces.push(deflateRawSync(bytes, { level: 1, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    });
    pieces.push(deflateRawSync(Buffer.alloc(0), { level: 1 }));
    this.push(name, 8, crc, size, pieces);
  }

  finish(): Buffer {
    const cds: Buffer[] = [];
    for (const e of this.central) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt32LE(0x00210000, 12);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressedSize, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      cds.push(c, e.name);
    }
    const cd = Buffer.concat(cds);
    if (this.central.length > 0xfffe || this.offset + cd.length > 0xfffffffe) throw new Error('workbook too large for a zip without zip64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.central.length, 8);
    end.writeUInt16LE(this.central.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, cd, end]);
  }
}
