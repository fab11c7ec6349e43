import { readFileSync } from 'fs';
import path from 'path';
import { inflateSync } from 'zlib';
import { JOBS } from '../../src/core/job-registry';
import { t } from '../../src/core/i18n';

const ROOT = path.join(__dirname, '..', '..');
const manifest = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** A resource string's zh-CN default and en-US override. */
function label(id: string): [string | undefined, string | undefined] {
  const m = new RegExp(`<bt:String id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]*)">\\s*<bt:Override Locale="en-US" Value="([^"]*)" />`).exec(manifest);
  return [m?.[1], m?.[2]];
}

/** Width, height and RGBA pixels of a non-interlaced 8-bit RGBA PNG (what scripts/make-icons.mjs writes). */
function decode(file: string): { width: number; height: number; rgba: Buffer } {
  const buf = readFileSync(file);
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter 0: rows are stored as they are
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe('the ribbon looks like the pane', () => {
  test('each job button reads like the pane’s job title, in both languages, and Run all like the pane’s', () => {
    for (const job of JOBS) {
      const id = `Run.${job.id.charAt(0).toUpperCase()}${job.id.slice(1)}.Label`;
      expect([job.id, ...label(id)]).toEqual([job.id, t('zh-CN', job.title), t('en-US', job.title)]);
    }
    expect(label('Run.All.Label')).toEqual([t('zh-CN', 'pane.runAll'), t('en-US', 'pane.runAll')]);
  });

  test('one distinct icon per button at 16, 32 and 80 px, transparent outside its rounded square', () => {
    const names = [...JOBS.map((j) => j.id), 'all'];
    for (const size of [16, 32, 80]) {
      const seen = new Map<string, string>();
      for (const name of names) {
        const file = `assets/icon-${name}-${size}.png`;
        expect(manifest).toContain(`https://localhost:3000/${file}`);
        const { width, height, rgba } = decode(path.join(ROOT, file));
        expect([file, width, height]).toEqual([file, size, size]);
        expect([file, rgba[3], rgba[(size * size - 1) * 4 + 3]]).toEqual([file, 0, 0]); // the corners
        expect(rgba[((size / 2) * size + size / 2) * 4 + 3]).toBe(255); // the middle
        // Distinct drawings, not only distinct colours: compare where the white glyph is.
        const glyph = Array.from({ length: size * size }, (_, i) => (rgba[i * 4] > 200 && rgba[i * 4 + 1] > 200 && rgba[i * 4 + 2] > 200 ? '1' : '0')).join('');
        expect([file, seen.get(glyph)]).toEqual([file, undefined]);
        seen.set(glyph, name);
      }
    }
  });
});
