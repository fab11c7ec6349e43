/**
 * npm run validate (scripts/validate-manifest.mjs): passes on manifest.xml, and fails — naming the problem — on
 * deliberately broken copies. Offline (--offline) and against the sources (--source), so no build is needed.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'validate-manifest.mjs');
const MANIFEST = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'clerk-manifest-'));

function validate(xml: string, name = 'manifest.xml') {
  const file = path.join(dir, name);
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [SCRIPT, file, '--source', '--offline'], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Replace exactly one occurrence, so a test cannot silently change nothing. */
function breakOnce(find: string | RegExp, replace: string): string {
  const count = typeof find === 'string' ? MANIFEST.split(find).length - 1 : (MANIFEST.match(new RegExp(find, 'g')) ?? []).length;
  expect(count).toBeGreaterThanOrEqual(1);
  return MANIFEST.replace(find, replace);
}

describe('validate-manifest', () => {
  test('manifest.xml passes every offline check', () => {
    const { status, out } = validate(MANIFEST);
    expect(out).toContain('✓ well-formed XML');
    expect(out).toContain('✓ office-addin-manifest info parses it');
    expect(out).toContain('✓ every resid resolves');
    expect(out).toContain('✓ every URL points at a file the build produces');
    expect(out).toContain('✓ Excel, ReadWriteDocument');
    expect(out).toContain('online validation skipped');
    expect(status).toBe(0);
  });

  test('fails on malformed XML', () => {
    const { status, out } = validate(breakOnce('</DisplayName>', ''), 'malformed.xml');
    expect(status).toBe(1);
    expect(out).toContain('✗ well-formed XML');
    expect(out).toContain('✗ office-addin-manifest info parses it');
  });

  test('fails when a resid has no resource', () => {
    const { status, out } = validate(breakOnce(/<bt:String id="Tab\.Label"[\s\S]*?<\/bt:String>/, ''));
    expect(status).toBe(1);
    expect(out).toContain('resid "Tab.Label" is not defined');
  });

  test('fails when a resid is misspelt', () => {
    const { status, out } = validate(breakOnce('<Label resid="OpenPane.Label" />', '<Label resid="OpenPane.Lable" />'));
    expect(status).toBe(1);
    expect(out).toContain('resid "OpenPane.Lable" is not defined');
  });

  test('fails when a string has no en-US override', () => {
    const { status, out } = validate(breakOnce(/(<bt:String id="Group\.Jobs\.Label"[^>]*>)\s*<bt:Override[^>]*\/>/, '$1'));
    expect(status).toBe(1);
    expect(out).toContain('string "Group.Jobs.Label" has no en-US override');
  });

  test('fails when a URL points at a file the build does not produce', () => {
    const { status, out } = validate(breakOnce('assets/icon-32.png" />\n  <HighResolutionIconUrl', 'assets/icon-33.png" />\n  <HighResolutionIconUrl'));
    expect(status).toBe(1);
    expect(out).toMatch(/icon-33\.png → assets\/icon-33\.png does not exist/);
  });

  test('fails on a page that is not built', () => {
    const { status, out } = validate(breakOnce('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html" />', '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/pane.html" />'));
    expect(status).toBe(1);
    expect(out).toContain('pane.html does not exist');
  });

  test('fails on plain http and on a foreign host', () => {
    const http = validate(breakOnce('<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'));
    expect(http.status).toBe(1);
    expect(http.out).toContain('Office requires https');
    const foreign = validate(breakOnce('<SupportUrl DefaultValue="https://localhost:3000/help.html" />', '<SupportUrl DefaultValue="https://example.com/help.html" />'));
    expect(foreign.status).toBe(1);
    expect(foreign.out).toContain('not under https://localhost:3000/');
  });

  test("fails when the product's rules are broken: permissions, AppDomains, namespace", () => {
    const perm = validate(breakOnce('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'));
    expect(perm.status).toBe(1);
    expect(perm.out).toContain('Permissions must be ReadWriteDocument');
    const domains = validate(breakOnce('<Hosts>\n    <Host Name="Workbook" />', '<AppDomains><AppDomain>https://example.com</AppDomain></AppDomains>\n  <Hosts>\n    <Host Name="Workbook" />'));
    expect(domains.status).toBe(1);
    expect(domains.out).toContain('AppDomains must not be present');
    const ns = validate(breakOnce(/(<bt:String id="Functions\.Namespace" DefaultValue=")CLERK/, '$1CLARK'));
    expect(ns.status).toBe(1);
    expect(ns.out).toContain('namespace must be CLERK');
  });
});
