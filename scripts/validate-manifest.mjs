#!/usr/bin/env node
/**
 * npm run validate — checks manifest.xml offline, each check able to fail:
 *   1. well-formed XML (xmllint --noout, Debian libxml2-utils);
 *   2. office-addin-manifest info parses it;
 *   3. every resid refers to a resource, every string resolves in zh-CN and en-US, no duplicate ids;
 *   4. every URL points at a page or icon the build produces: https://localhost:3000/… maps to dist/… after a
 *      build (or with --dist), otherwise to the source it is built from (src/taskpane/taskpane.html, assets/…);
 *   5. the product's own rules: Excel, ReadWriteDocument, shared runtime (lifetime long), no AppDomains, CLERK;
 * then Microsoft's online validation (office-addin-manifest validate) only when its service answers — it never
 * does on these machines, so it says it was skipped.
 *
 *   node scripts/validate-manifest.mjs [manifest.xml] [--dist | --source] [--base URL] [--offline] [--quiet]
 * Exit 0 when every check passes, 1 otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const manifestPath = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--base') ?? path.join(ROOT, 'manifest.xml'));
const BASE = option('--base') ?? 'https://localhost:3000/';
/** The build to check: dist/, or another output directory (check-dist.mjs passes the one it checks). */
const DIST = process.env.CLERK_DESK_DIST ? path.resolve(process.env.CLERK_DESK_DIST) : path.join(ROOT, 'dist');
const quiet = flag('--quiet');
const LOCALES = ['zh-CN', 'en-US'];

const problems = [];
const say = (line) => {
  if (!quiet) console.log(line);
};
function check(name, failures) {
  if (failures.length) {
    problems.push(...failures.map((f) => `${name}: ${f}`));
    say(`✗ ${name}`);
    for (const f of failures) say(`    ${f}`);
  } else {
    say(`✓ ${name}`);
  }
}

if (!existsSync(manifestPath)) {
  console.error(`manifest not found: ${manifestPath}`);
  process.exit(1);
}
const xml = readFileSync(manifestPath, 'utf8');
say(`Checking ${path.relative(process.cwd(), manifestPath) || manifestPath}`);

// 1. Well-formed XML.
{
  const r = spawnSync('xmllint', ['--noout', manifestPath], { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') {
    check('well-formed XML (xmllint not installed: apt-get install libxml2-utils)', ['xmllint is missing, so the XML could not be checked']);
  } else {
    check('well-formed XML (xmllint --noout)', r.status === 0 ? [] : [(r.stderr || r.stdout).trim().split('\n').slice(0, 5).join(' | ')]);
  }
}

// office-addin-manifest needs ajv 8 where npm hoisted ajv 6 (legacy-peer-deps): let lookups fall through to a nested copy.
function toolEnv() {
  const nested = ['node_modules/@microsoft/app-manifest/node_modules', 'node_modules/schema-utils/node_modules']
    .map((p) => path.join(ROOT, p))
    .filter((p) => existsSync(path.join(p, 'ajv', 'dist', 'core.js')));
  return { ...process.env, NODE_PATH: [...nested, process.env.NODE_PATH].filter(Boolean).join(path.delimiter) };
}
const MANIFEST_CLI = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');

// 2. office-addin-manifest parses it.
{
  const r = spawnSync(process.execPath, [MANIFEST_CLI, 'info', manifestPath], { encoding: 'utf8', env: toolEnv(), timeout: 60_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const ok = r.status === 0 && /Manifest:/.test(out) && !/Unable to parse/i.test(out);
  check('office-addin-manifest info parses it', ok ? [] : [out.trim().split('\n').slice(0, 4).join(' | ') || `exit ${r.status}`]);
}

// A light reader for the (now known well-formed) XML: elements with their attributes and position.
const decode = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const body = xml.replace(/<!--[\s\S]*?-->/g, (m) => ' '.repeat(m.length));
function elements(tag) {
  const re = new RegExp(`<(${tag})(\\s[^>]*?)?(/?)>`, 'g');
  const out = [];
  for (let m; (m = re.exec(body)); ) {
    const attrs = {};
    for (const a of (m[2] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = decode(a[2]);
    let inner = '';
    if (!m[3]) {
      const close = body.indexOf(`</${m[1]}>`, re.lastIndex);
      inner = close >= 0 ? body.slice(re.lastIndex, close) : '';
    }
    out.push({ tag: m[1], attrs, inner, at: m.index });
  }
  return out;
}
const text = (tag) => elements(tag).map((e) => decode(e.inner.trim()));

// 3. Resources: every resid resolves, strings in both locales.
{
  const failures = [];
  const resources = new Map();
  for (const kind of ['bt:Image', 'bt:Url', 'bt:String']) {
    for (const e of elements(kind)) {
      const id = e.attrs.id;
      if (!id) continue;
      if (resources.has(id)) failures.push(`duplicate resource id "${id}"`);
      resources.set(id, e);
    }
  }
  if (!resources.size) failures.push('no <Resources> found');
  const refs = [...body.matchAll(/\bresid="([^"]*)"/g)].map((m) => m[1]);
  for (const id of new Set(refs)) if (!resources.has(id)) failures.push(`resid "${id}" is not defined in <Resources>`);
  const defaultLocale = text('DefaultLocale')[0];
  if (!LOCALES.includes(defaultLocale)) failures.push(`DefaultLocale is "${defaultLocale}", expected one of ${LOCALES.join(', ')}`);
  const others = LOCALES.filter((l) => l !== defaultLocale);
  const needsOverride = (e, label, overrideTag) => {
    if (!e.attrs.DefaultValue) failures.push(`${label} has no DefaultValue (${defaultLocale})`);
    for (const loc of others) {
      const has = new RegExp(`<${overrideTag}\\s[^>]*Locale="${loc}"[^>]*Value="[^"]+"`).test(e.inner);
      if (!has) failures.push(`${label} has no ${loc} override`);
    }
  };
  for (const [id, e] of resources) if (e.tag === 'bt:String') needsOverride(e, `string "${id}"`, 'bt:Override');
  for (const tag of ['DisplayName', 'Description']) {
    const [e] = elements(tag);
    if (!e) failures.push(`<${tag}> is missing`);
    else needsOverride(e, `<${tag}>`, 'Override');
  }
  const unused = [...resources.keys()].filter((id) => !refs.includes(id));
  if (unused.length) say(`  (unused resources: ${unused.join(', ')})`);
  check(`every resid resolves, strings in ${LOCALES.join(' and ')}`, failures);
}

// 4. URLs point at what the build produces.
const useDist = flag('--dist') || (!flag('--source') && existsSync(path.join(DIST, 'taskpane.html')));
/** Where a served path comes from when there is no build: the webpack entry or template, or the asset itself. */
const SOURCES = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'help.html': 'src/taskpane/help.html',
  'commands.html': 'src/taskpane/taskpane.html',
  'taskpane.js': 'src/taskpane/index.tsx',
  'commands.js': 'src/commands/commands.ts',
  'functions.js': 'src/functions/excel-bindings.ts',
  'functions.json': 'src/functions/excel-bindings.ts',
  'functions.zh-CN.json': 'src/functions/metadata.json',
};
{
  const failures = [];
  const urls = new Set();
  for (const m of body.matchAll(/\bDefaultValue="([^"]*)"/g)) if (/^[a-z]+:\/\//i.test(m[1])) urls.add(decode(m[1]));
  for (const m of body.matchAll(/\bValue="(https?:\/\/[^"]*)"/g)) urls.add(decode(m[1]));
  if (!urls.size) failures.push('no URLs found');
  for (const url of urls) {
    if (!url.startsWith('https://')) {
      failures.push(`${url}: Office requires https`);
      continue;
    }
    if (!url.startsWith(BASE)) {
      failures.push(`${url}: not under ${BASE} (the add-in serves everything itself; no AppDomains)`);
      continue;
    }
    const rel = decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]);
    if (!rel || rel.includes('..')) {
      failures.push(`${url}: no file named`);
      continue;
    }
    const file = useDist ? path.join(DIST, rel) : path.join(ROOT, SOURCES[rel] ?? rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      failures.push(`${url} → ${path.relative(ROOT, file)} does not exist`);
      continue;
    }
    if (/\.png$/i.test(rel)) {
      const head = readFileSync(file).subarray(0, 8);
      if (head.toString('hex') !== '89504e470d0a1a0a') failures.push(`${url} → ${path.relative(ROOT, file)} is not a PNG`);
    }
  }
  check(`every URL points at a file the build produces (${useDist ? 'dist/' : 'sources; run npm run build to check dist/'})`, failures);
}

// 5. The product's own rules.
{
  const failures = [];
  if (!elements('Host').some((e) => e.attrs.Name === 'Workbook')) failures.push('no <Host Name="Workbook"> (Excel)');
  if (text('Permissions')[0] !== 'ReadWriteDocument') failures.push('Permissions must be ReadWriteDocument (Excel.run needs it)');
  if (elements('AppDomains').length) failures.push('AppDomains must not be present');
  if (!elements('Set').some((e) => e.attrs.Name === 'SharedRuntime')) failures.push('no SharedRuntime requirement');
  const runtimes = elements('Runtime');
  if (!runtimes.some((e) => e.attrs.lifetime === 'long')) failures.push('no <Runtime lifetime="long"> (shared runtime)');
  const resources = new Map(elements('bt:String').map((e) => [e.attrs.id, e.attrs.DefaultValue]));
  const ns = elements('Namespace')[0];
  if (!ns || resources.get(ns.attrs.resid) !== 'CLERK') failures.push('custom functions namespace must be CLERK');
  const runtimeRes = runtimes[0]?.attrs.resid;
  const pageRes = [...body.matchAll(/<Page>\s*<SourceLocation resid="([^"]+)"/g)].map((m) => m[1]);
  const fnFile = elements('FunctionFile')[0]?.attrs.resid;
  if (runtimeRes && (pageRes[0] !== runtimeRes || fnFile !== runtimeRes)) {
    failures.push('the custom functions <Page> and the <FunctionFile> must be the shared runtime page');
  }
  const tabLabel = elements('CustomTab')[0] && /<Label resid="([^"]+)"\s*\/>\s*<\/CustomTab>/.exec(body)?.[1];
  if (!tabLabel) failures.push('no custom ribbon tab with a label');
  else if (!(resources.get(tabLabel) ?? '').includes('内务')) failures.push('the ribbon tab should read "内务 Clerk Desk"');
  if (!elements('Action').some((e) => e.attrs['xsi:type'] === 'ShowTaskpane')) failures.push('no button opens the task pane');
  check('Excel, ReadWriteDocument, shared runtime, no AppDomains, CLERK, the 内务 tab', failures);
}

// 6. Microsoft's online validation, when its service can be reached.
function reachable(url, ms = 3000) {
  return new Promise((resolve) => {
    const req = https.request(url, { method: 'HEAD', timeout: ms }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}
if (flag('--offline')) {
  say('- online validation skipped (--offline)');
} else if (await reachable('https://validationgateway.omex.office.net/package/api/check')) {
  const r = spawnSync(process.execPath, [MANIFEST_CLI, 'validate', manifestPath], { encoding: 'utf8', env: toolEnv(), timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  check("Microsoft's online validation (office-addin-manifest validate)", r.status === 0 ? [] : [out.split('\n').slice(-6).join(' | ')]);
} else {
  say("- Microsoft's online validation skipped: validationgateway.omex.office.net cannot be reached from here");
}

if (problems.length) {
  console.error(`manifest check failed: ${problems.length} problem(s)`);
  process.exit(1);
}
say('manifest OK');
