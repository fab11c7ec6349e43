import { crc32, deflateRawSync, inflateRawSync } from 'zlib';

/**
 * Just enough zip to patch a workbook without rewriting it: list the entries, inflate the few parts that change,
 * and write a new archive that copies every other entry's compressed bytes as they were (fast, and byte-faithful
 * for the clerk's sheets). No zip64, no encryption: such archives are left to the ExcelJS path.
 */

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's compressed data in the archive. */
  dataOffset: number;
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();

  private constructor(private readonly buf: Buffer) {}

  /** Parse the central directory; null when the archive uses zip64 or encryption, or is broken. */
  static open(buf: Buffer): ZipReader | null {
    const z = new ZipReader(buf);
    const min = Math.max(0, buf.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = buf.length - 22; i >= min; i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = buf.readUInt16LE(eocd + 10);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) return null;
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const crc = buf.readUInt32LE(p + 16);
      const compressedSize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      if (flags & 1 || (method !== 0 && method !== 8) || compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return null;
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
      const dataOffset = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (dataOffset + compressedSize > buf.length) return null;
      z.entries.set(name, { name, method, crc, compressedSize, size, dataOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return z;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  raw(entry: ZipEntry): Buffer {
    return this.buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  }

  read(name: string): Buffer | null {
    const e = this.entries.get(name);
    if (!e) return null;
    const data = this.raw(e);
    return e.method === 0 ? Buffer.from(data) : inflateRawSync(data);
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : b.toString('utf8');
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

  private push(name: string, method: number, crc: number, size: number, data: Buffer): void {
    if (this.names.has(name)) throw new Error(`duplicate zip entry ${name}`);
    this.names.add(name);
    const nameBuf = Buffer.from(name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6); // UTF-8 names
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (DOS time, date)
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(data.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(nameBuf.length, 26);
    h.writeUInt16LE(0, 28);
    this.chunks.push(h, nameBuf, data);
    this.central.push({ name: nameBuf, method, crc: crc >>> 0, compressedSize: data.length, size, offset: this.offset });
    this.offset += 30 + nameBuf.length + data.length;
  }

  copy(from: ZipReader, entry: ZipEntry): void {
    this.push(entry.name, entry.method, entry.crc, entry.size, from.raw(entry));
  }

  add(name: string, content: Buffer | string): void {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    // Large parts (a 100k-row sheet) deflate at level 1: several times faster, a little bigger.
    this.push(name, 8, crc32(data), data.length, deflateRawSync(data, { level: data.length > 4_000_000 ? 1 : 6 }));
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
