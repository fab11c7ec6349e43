/**
 * Charts in the file host: the four charts (aging, sales mix, related vs external, trend) are DrawingML chart parts
 * whose series point at the cells of the tables they chart; LibreOffice reads them (it writes them back when it
 * re-saves the file, with the same ranges).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { main } from '../../src/cli/main';
import { XlsxHost } from '../../src/xlsx';
import { ZipReader } from '../../src/xlsx/zip';
import { resaveAsXlsx, sofficePath } from '../helpers/libreoffice';
import type { Grid } from '../../src/core/grid';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const have = existsSync(sample);
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const out = join(dir, 'demo.xlsx');
let grids: Grid[] = [];

/** Every chart part's formulas (series names, categories, values), quotes around sheet names removed. */
function chartRefs(zip: ZipReader): { title: string; refs: string[] }[] {
  return [...zip.entries.keys()]
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .map((n) => {
      const xml = zip.text(n) ?? '';
      const unq = (s: string) => s.replace(/&apos;/g, "'").replace(/^'(.*)'!/, '$1!');
      return {
        title: [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''),
        refs: [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => unq(m[1])),
      };
    });
}

function cells(ref: string): { sheet: string; values: unknown[] } {
  const m = /^(.*)!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const col = [...m[2]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const g = grids.find((x) => x.name === m[1]);
  const from = Number(m[3]);
  const to = Number(m[5] ?? m[3]);
  return { sheet: m[1], values: Array.from({ length: to - from + 1 }, (_, i) => g?.values[from - 1 + i]?.[col - 1] ?? null) };
}

beforeAll(async () => {
  if (!have) return;
  const book = join(dir, 'book.xlsx');
  copyFileSync(sample, book);
  expect(await main(['all', book, '--out', out, '--as-of', '2026-10-31', '--period', '2026-10', '--month', '2026-10'], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
  grids = (await (await XlsxHost.open(out)).readWorkbook()).grids;
}, 60_000);

(have ? describe : describe.skip)('charts in the file', () => {
  test('four chart parts; each series names a header cell and reads numbers from the rows under it', () => {
    const charts = chartRefs(ZipReader.open(readFileSync(out)) as ZipReader);
    expect(charts.map((c) => c.title).sort()).toEqual(['产品类别构成（不含税）', '关联企业与外部客户（不含税）', '应收账款账龄分布', '近12个月销售趋势（不含税）'].sort());
    const aging = charts.find((c) => c.title === '应收账款账龄分布');
    const [name, categories, values] = (aging?.refs ?? []).map(cells);
    expect(name.values).toEqual(['应收余额']);
    expect(categories.values).toEqual(['未到期', '逾期1–30天', '逾期31–60天', '逾期61–90天', '逾期91–180天', '逾期181–365天', '逾期365天以上']);
    expect(values.values.every((v) => typeof v === 'number')).toBe(true);
    for (const c of charts) {
      for (let i = 0; i < c.refs.length; i += 3) {
        const [n, cat, val] = c.refs.slice(i, i + 3).map(cells);
        expect([c.title, typeof n.values[0]]).toEqual([c.title, 'string']);
        expect([c.title, cat.values.length, val.values.every((v) => typeof v === 'number')]).toEqual([c.title, val.values.length, true]);
      }
    }
  });

  test('a re-run replaces our charts in place: still four charts, no drawing left behind', async () => {
    const again = join(dir, 'again.xlsx');
    expect(await main(['all', out, '--out', again, '--as-of', '2026-10-31', '--period', '2026-10', '--month', '2026-10'], { stdout: () => undefined, stderr: () => undefined })).toBe(0);
    const zip = ZipReader.open(readFileSync(again)) as ZipReader;
    const names = [...zip.entries.keys()];
    expect(chartRefs(zip)).toHaveLength(4);
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(4);
    const types = zip.text('[Content_Types].xml') ?? '';
    for (const n of names.filter((x) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(x))) expect(types).toContain(`PartName="/${n}"`);
  }, 60_000);

  const lo = sofficePath() ? test : process.env.CI ? (n: string) => test(n, () => { throw new Error('LibreOffice (soffice) is required in CI'); }) : test.skip;
  lo(
    'LibreOffice reads the charts: re-saved by it, the file has the same four charts over the same ranges',
    () => {
      const ours = chartRefs(ZipReader.open(readFileSync(out)) as ZipReader);
      const theirs = chartRefs(ZipReader.open(resaveAsXlsx(out)) as ZipReader);
      const key = (cs: { title: string; refs: string[] }[]) => cs.map((c) => `${c.title}|${c.refs.filter((r) => r.includes(':')).join(',')}`).sort();
      expect(key(theirs)).toEqual(key(ours));
    },
    240_000,
  );
});

if (!have) test.skip('assets/sample/clerk-sample.xlsx is not there yet', () => undefined);
