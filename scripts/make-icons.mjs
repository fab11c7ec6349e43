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

// Shapes in unit coordinates (0..1), for the white glyph on each icon.
const seg = (u, v, x1, y1, x2, y2, w) => {
  const dx = x2 - x1, dy = y2 - y1, t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  return (u - x1 - t * dx) ** 2 + (v - y1 - t * dy) ** 2 <= w * w;
};
const rect = (u, v, x1, y1, x2, y2) => u >= x1 && u <= x2 && v >= y1 && v <= y2;
const ring = (u, v, cx, cy, r, w) => Math.abs(Math.hypot(u - cx, v - cy) - r) <= w;
const disc = (u, v, cx, cy, r) => Math.hypot(u - cx, v - cy) <= r;
/** Inside the triangle (x1,y1)(x2,y2)(x3,y3). */
const tri = (u, v, x1, y1, x2, y2, x3, y3) => {
  const s = (ax, ay, bx, by) => (u - bx) * (ay - by) - (ax - bx) * (v - by);
  const d1 = s(x1, y1, x2, y2), d2 = s(x2, y2, x3, y3), d3 = s(x3, y3, x1, y1);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

/** One glyph per meaning: the brand's ledger lines and tick, and a picture of what each job does. */
const GLYPHS = {
  // Ledger lines and a tick: Clerk Desk itself.
  brand: (u, v) => rect(u, v, 0.22, 0.24, 0.78, 0.33) || rect(u, v, 0.22, 0.42, 0.78, 0.51) || rect(u, v, 0.22, 0.60, 0.46, 0.69) || seg(u, v, 0.52, 0.66, 0.62, 0.76, 0.05) || seg(u, v, 0.62, 0.76, 0.80, 0.56, 0.05),
  // A table: frame, header row, column rules — her sheets read as tables.
  structure: (u, v) => {
    const inFrame = rect(u, v, 0.2, 0.22, 0.8, 0.78);
    const border = inFrame && !rect(u, v, 0.26, 0.28, 0.74, 0.72);
    return border || rect(u, v, 0.2, 0.22, 0.8, 0.4) || (inFrame && (Math.abs(u - 0.5) <= 0.03 || Math.abs(v - 0.59) <= 0.03));
  },
  // A price tag with its hole: quotes against contracts.
  quotes: (u, v) => {
    const body = tri(u, v, 0.18, 0.5, 0.38, 0.26, 0.38, 0.74) || rect(u, v, 0.37, 0.26, 0.82, 0.74);
    return body && !disc(u, v, 0.36, 0.5, 0.07);
  },
  // Two arrows, one each way: our list against their statement.
  reconcile: (u, v) =>
    seg(u, v, 0.22, 0.36, 0.7, 0.36, 0.05) || tri(u, v, 0.66, 0.24, 0.84, 0.36, 0.66, 0.48) ||
    seg(u, v, 0.3, 0.64, 0.78, 0.64, 0.05) || tri(u, v, 0.34, 0.52, 0.16, 0.64, 0.34, 0.76),
  // A clock: receivables by age.
  receivables: (u, v) => ring(u, v, 0.5, 0.5, 0.28, 0.05) || seg(u, v, 0.5, 0.5, 0.5, 0.32, 0.045) || seg(u, v, 0.5, 0.5, 0.64, 0.58, 0.045),
  // Rising bars on a base line: monthly sales.
  sales: (u, v) => rect(u, v, 0.2, 0.74, 0.8, 0.8) || rect(u, v, 0.24, 0.54, 0.36, 0.74) || rect(u, v, 0.44, 0.4, 0.56, 0.74) || rect(u, v, 0.64, 0.24, 0.76, 0.74),
  // An open book: the ledgers.
  ledgers: (u, v) =>
    (tri(u, v, 0.16, 0.28, 0.48, 0.34, 0.48, 0.78) || tri(u, v, 0.16, 0.28, 0.16, 0.72, 0.48, 0.78)) ||
    (tri(u, v, 0.84, 0.28, 0.52, 0.34, 0.52, 0.78) || tri(u, v, 0.84, 0.28, 0.84, 0.72, 0.52, 0.78)),
  // Two play triangles: run everything.
  all: (u, v) => tri(u, v, 0.2, 0.24, 0.5, 0.5, 0.2, 0.76) || tri(u, v, 0.5, 0.24, 0.8, 0.5, 0.5, 0.76),
};

/** Icon in unit coordinates (0..1), supersampled 4× for smooth edges; outside the rounded square it is transparent. */
function icon(size, color, glyph) {
  const [cr, cg, cb] = hex(color);
  const inside = (u, v) => {
    const r = 0.18, m = 0.04;
    const cx = Math.min(Math.max(u, m + r), 1 - m - r), cy = Math.min(Math.max(v, m + r), 1 - m - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r && u >= m && u <= 1 - m && v >= m && v <= 1 - m;
  };
  const white = GLYPHS[glyph];
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
for (const s of [16, 32, 64, 80, 128]) writeFileSync(`assets/icon-${s}.png`, icon(s, BRAND, 'brand'));
const JOBS = { structure: '2B579A', quotes: '8A4F00', reconcile: '6B2FA0', receivables: 'B3261E', sales: '0F7B8A', ledgers: '4F6B2F', all: BRAND };
for (const [job, color] of Object.entries(JOBS)) for (const s of [16, 32, 80]) writeFileSync(`assets/icon-${job}-${s}.png`, icon(s, color, job));
console.log('icons written to assets/');
