/**
 * npm run check:dist (scripts/check-dist.mjs) on a real production build made with CLERK_DESK_URL: it passes, and it
 * fails — naming the problem — on copies of that build broken the ways a deployment goes wrong.
 */
import { spawnSync } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const URL = 'https://erp.example.com.cn/clerk-desk/';
const work = mkdtempSync(path.join(tmpdir(), 'clerk-dist-'));
const built = path.join(work, 'dist');

function check(dir: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-dist.mjs'), dir], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** A copy of the build, changed by `breakIt`. */
function broken(name: string, breakIt: (dir: string) => void): string {
  const dir = path.join(work, name);
  cpSync(built, dir, { recursive: true });
  breakIt(dir);
  return dir;
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  writeFileSync(file, next);
};

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--env', `out=${built}`, '--env', 'nomaps'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CLERK_DESK_URL: URL },
  });
  if (r.status !== 0) throw new Error(`production build failed: ${r.stdout}${r.stderr}`);
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('check:dist', () => {
  test('a production build made with CLERK_DESK_URL passes every check', () => {
    const { status, out } = check(built);
    expect(out).toContain(`✓ a production URL (${URL})`);
    expect(out).toMatch(/✓ every manifest URL is https and a file in dist\/ \(\d+ URLs\)/);
    expect(out).toContain('✓ icons at every size');
    expect(out).toContain('✓ the pages load only the build');
    expect(out).toContain('✓ manifest checks');
    expect(status).toBe(0);
  });

  test('built without CLERK_DESK_URL: the placeholder is named, with the command to fix it', () => {
    const dir = broken('placeholder', (d) => edit(path.join(d, 'manifest.xml'), new RegExp(URL.replace(/[.]/g, '\\.'), 'g'), 'https://clerk-desk.example.invalid/'));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('still points at the placeholder');
    expect(out).toContain('CLERK_DESK_URL=');
  });

  test('a URL over plain http', () => {
    const dir = broken('http', (d) => edit(path.join(d, 'manifest.xml'), `${URL}help.html`, `${URL.replace('https:', 'http:')}help.html`));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('help.html: not https');
  });

  test('an icon missing from the build', () => {
    const dir = broken('missing-icon', (d) => rmSync(path.join(d, 'assets', 'icon-sales-80.png')));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('assets/icon-sales-80.png is not in the build');
  });

  test('an icon of the wrong size', () => {
    const dir = broken('wrong-size', (d) => cpSync(path.join(d, 'assets', 'icon-16.png'), path.join(d, 'assets', 'icon-32.png')));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('16×16, should be 32×32');
  });

  test('a ribbon icon without its 80-pixel image', () => {
    const dir = broken('no-80', (d) => edit(path.join(d, 'manifest.xml'), /\s*<bt:Image size="80" resid="Icon\.Quotes\.80" \/>/, ''));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/ribbon icon \d+: no 80-pixel image/);
  });

  test('a page loading a script the build does not have', () => {
    const dir = broken('lost-script', (d) => rmSync(path.join(d, 'commands.js')));
    const { status, out } = check(dir);
    expect(status).toBe(1);
    expect(out).toContain('taskpane.html loads commands.js, which is not in dist/');
  });
});
