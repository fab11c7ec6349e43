// Draws Clerk Desk's PNG icons (no dependencies: zlib + a CRC): a rounded square with ledger lines and a tick.
// node scripts/make-icons.mjs  →  assets/icon-{16,32,64,80,128}.png and one colour per job button (16/32/80).
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
const hex = (h) => [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];

/** Icon in unit coordinates (0..1), supersampled 4× for smooth edges. */
function icon(size, color) {
  const [cr, cg, cb] = hex(color);
  const inside = (u, v) => {
    const r = 0.18, m = 0.04;
    const cx = Math.min(Math.max(u, m + r), 1 - m - r), cy = Math.min(Math.max(v, m + r), 1 - m - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= m && u <= 1 - m && v >= m && v <= 1 - m;
  };
  const white = (u, v) => {
    const bar = (y0) => v >= y0 && v <= y0 + 0.09 && u >= 0.22 && u <= 0.78;
    if (bar(0.24) || bar(0.42)) return true;
    if (v >= 0.60 && v <= 0.69 && u >= 0.22 && u <= 0.46) return true;
    // tick: two thick segments
    const seg = (x1, y1, x2, y2, w) => {
      const dx = x2 - x1, dy = y2 - y1, t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
      return (u - x1 - t * dx) ** 2 + (v - y1 - t * dy) ** 2 <= w * w;
    };
    return seg(0.52, 0.66, 0.62, 0.76, 0.05) || seg(0.62, 0.76, 0.80, 0.56, 0.05);
  };
  const S = 4;
  return png(size, (x, y) => {
    let bg = 0, fg = 0;
    for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) {
      const u = (x - 0.5 + (i + 0.5) / S) / size, v = (y - 0.5 + (j + 0.5) / S) / size;
      if (inside(u, v)) { if (white(u, v)) fg++; else bg++; }
    }
    const n = S * S, a = (bg + fg) / n;
    if (a === 0) return [0, 0, 0, 0];
    const f = fg / (bg + fg);
    return [Math.round(cr + (255 - cr) * f), Math.round(cg + (255 - cg) * f), Math.round(cb + (255 - cb) * f), Math.round(a * 255)];
  });
}

mkdirSync('assets', { recursive: true });
const BRAND = '1F6E5A';
for (const s of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${s}.png`, icon(s, BRAND));
const JOBS = { structure: '2B579A', quotes: '8A4F00', reconcile: '6B2FA0', receivables: 'B3261E', sales: '0F7B8A', ledgers: '4F6B2F' };
for (const [job, color] of Object.entries(JOBS)) for (const s of [16, 32, 80]) writeFileSync(`assets/icon-${job}-${s}.png`, icon(s, color));
console.log('icons written to assets/');
