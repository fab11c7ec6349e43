#!/usr/bin/env node
/**
 * npm run check:dist — is a built dist/ ready to be copied to a static HTTPS server and its manifest handed to IT?
 * Offline, each check able to fail, naming what is wrong:
 *   1. dist/manifest.xml exists and carries a real production URL (the build was run with CLERK_DESK_URL, not the
 *      placeholder https://clerk-desk.example.invalid/ and not the dev server https://localhost:3000/);
 *   2. every URL in the manifest is https and lies under that one base URL (everything is served by the add-in's own
 *      server), and resolves to a file in dist/;
 *   3. icons at every size: IconUrl 32×32 and HighResolutionIconUrl 64×64, and every ribbon <Icon> has 16, 32 and 80
 *      pixel images — each file a PNG of exactly the declared size;
 *   4. the pages load only what is in dist/ or comes from Microsoft's CDN over https (office.js); functions.json
 *      parses and names functions;
 *   5. the manifest's own offline checks (scripts/validate-manifest.mjs --dist --base <URL> --offline).
 *
 *   node scripts/check-dist.mjs [dist-dir] [--quiet]
 * Exit 0 when every check passes, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const DIST = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'dist'));
const PLACEHOLDER = 'https://clerk-desk.example.invalid/';
const DEV = 'https://localhost:3000/';
const CDN = 'https://appsforoffice.microsoft.com/';
const RIBBON_SIZES = [16, 32, 80];

const problems = [];
const say = (line) => {
  if (!quiet) console.log(line);
};
function check(name, failures) {
  problems.push(...failures.map((f) => `${name}: ${f}`));
  say(`${failures.length ? '✗' : '✓'} ${name}`);
  for (const f of failures) say(`    ${f}`);
}
const finish = () => {
  if (problems.length) {
    console.error(`dist check failed: ${problems.length} problem(s)`);
    process.exit(1);
  }
  const show = (p) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.');
  say(`dist OK: copy ${show(DIST)}/ to the server and give IT ${show(path.join(DIST, 'manifest.xml'))}`);
};

const manifestPath = path.join(DIST, 'manifest.xml');
if (!existsSync(manifestPath)) {
  check('dist/manifest.xml exists', [`${manifestPath} not found: run CLERK_DESK_URL=https://your-server/clerk-desk/ npm run build`]);
  finish();
}
const xml = readFileSync(manifestPath, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
say(`Checking ${DIST}`);

// 1. The production URL.
const source = /<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? /<bt:Url id="Taskpane\.Url" DefaultValue="([^"]+)"/.exec(xml)?.[1];
const base = source ? decode(source).replace(/[^/]*$/, '') : '';
{
  const failures = [];
  if (!base) failures.push('no task pane URL in the manifest');
  else if (base === PLACEHOLDER) failures.push(`the manifest still points at the placeholder ${PLACEHOLDER}: build with CLERK_DESK_URL=https://your-server/clerk-desk/ npm run build`);
  else if (base === DEV) failures.push(`the manifest points at the dev server ${DEV}: this is a development build (npm run build makes the production one)`);
  check(`a production URL (${base || 'none'})`, failures);
}

// 2. Every URL: https, under the base, a file in dist/.
const urls = new Set();
for (const m of xml.matchAll(/\b(?:DefaultValue|Value)="([^"]*)"/g)) if (/^[a-z][a-z0-9+.-]*:\/\//i.test(m[1])) urls.add(decode(m[1]));
const fileOf = (url) => path.join(DIST, decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]));
{
  const failures = [];
  if (!urls.size) failures.push('no URLs in the manifest');
  for (const url of urls) {
    if (!url.startsWith('https://')) failures.push(`${url}: not https (Office loads add-ins over https only)`);
    else if (!base || !url.startsWith(base)) failures.push(`${url}: not under ${base} (everything is served from the add-in's own server)`);
    else {
      const rel = url.slice(base.length).split(/[?#]/)[0];
      const file = fileOf(url);
      if (!rel || rel.includes('..')) failures.push(`${url}: names no file`);
      else if (!existsSync(file) || !statSync(file).isFile()) failures.push(`${url} → dist/${rel} is not in the build`);
    }
  }
  check(`every manifest URL is https and a file in dist/ (${urls.size} URLs)`, failures);
}

// 3. Icons at every size.
function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || b.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
{
  const failures = [];
  const images = new Map([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], decode(m[2])]));
  const wantSize = (label, url, size) => {
    if (!url) return failures.push(`${label}: missing`);
    if (!url.startsWith(base)) return undefined; // reported by check 2
    const file = fileOf(url);
    if (!existsSync(file)) return undefined; // reported by check 2
    const got = pngSize(file);
    if (!got) failures.push(`${label} ${url}: not a PNG`);
    else if (got.width !== size || got.height !== size) failures.push(`${label} ${url}: ${got.width}×${got.height}, should be ${size}×${size}`);
    return undefined;
  };
  wantSize('IconUrl', decode(/<IconUrl DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? ''), 32);
  wantSize('HighResolutionIconUrl', decode(/<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? ''), 64);
  const groups = [...xml.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => m[1]);
  if (!groups.length) failures.push('no ribbon <Icon> groups');
  groups.forEach((inner, i) => {
    const sizes = new Map([...inner.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]));
    for (const size of RIBBON_SIZES) {
      const resid = sizes.get(size);
      if (!resid) failures.push(`ribbon icon ${i + 1}: no ${size}-pixel image`);
      else if (!images.has(resid)) failures.push(`ribbon icon ${i + 1}: ${resid} is not a <bt:Image>`);
      else wantSize(`ribbon icon ${resid}`, images.get(resid), size);
    }
  });
  check(`icons at every size (32 and 64 for the add-in, ${RIBBON_SIZES.join('/')} for ${groups.length} ribbon icons)`, failures);
}

// 4. The pages load only files of the build or Microsoft's CDN; functions.json names functions.
{
  const failures = [];
  for (const url of urls) {
    if (!/\.html$/i.test(url.split(/[?#]/)[0]) || !url.startsWith(base) || !existsSync(fileOf(url))) continue;
    const html = readFileSync(fileOf(url), 'utf8');
    // The built pages are minified: attribute values may be unquoted.
    const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => decode(m[1] ?? m[2] ?? m[3]));
    if (/<div id=["']?root/.test(html) && !refs.some((r) => r.startsWith(`${CDN}lib/1/hosted/office.js`))) {
      failures.push(`${path.basename(fileOf(url))} does not load office.js from ${CDN}lib/1/hosted/office.js`);
    }
    for (const ref of refs) {
      if (/^https:\/\//i.test(ref)) {
        if (!ref.startsWith(CDN) && !ref.startsWith(base)) failures.push(`${path.basename(fileOf(url))} loads ${ref}: neither the build nor Microsoft's CDN`);
      } else if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) failures.push(`${path.basename(fileOf(url))} loads ${ref}: not https`);
      else {
        const file = path.join(path.dirname(fileOf(url)), ref.split(/[?#]/)[0]);
        if (!existsSync(file)) failures.push(`${path.basename(fileOf(url))} loads ${ref}, which is not in dist/`);
      }
    }
  }
  const fnUrl = [...urls].find((u) => /functions\.json$/.test(u));
  if (fnUrl && existsSync(fileOf(fnUrl))) {
    try {
      const meta = JSON.parse(readFileSync(fileOf(fnUrl), 'utf8'));
      if (!Array.isArray(meta.functions) || !meta.functions.length) failures.push('functions.json names no functions');
    } catch (e) {
      failures.push(`functions.json does not parse: ${e.message}`);
    }
  }
  check('the pages load only the build and office.js from the CDN; functions.json names functions', failures);
}

// 5. The manifest's own offline checks against this build.
{
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate-manifest.mjs'), manifestPath, '--dist', '--base', base || DEV, '--offline', '--quiet'], {
    encoding: 'utf8',
    cwd: ROOT,
    env: { ...process.env, CLERK_DESK_DIST: DIST },
  });
  check('manifest checks (scripts/validate-manifest.mjs --dist --offline)', r.status === 0 ? [] : [`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(0, 6).join(' | ')]);
}

finish();
