/**
 * The project stands alone: a user has only this repository, so the README and docs never send her outside it —
 * no link or path that climbs out of the repository, and every relative link resolves to a file that exists.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..');
const documents = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Relative targets of markdown links and images, without #fragments; web links are not ours to check here. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z]+:/i.test(t) && !t.startsWith('#')).map((t) => t.split('#')[0]);
}

describe('documentation links', () => {
  test('there are documents to check, docs/architecture.md among them', () => {
    expect(documents).toContain('docs/architecture.md');
    expect(documents.length).toBeGreaterThan(5);
  });

  test.each(documents)('%s names no path outside the repository', (doc) => {
    const text = fs.readFileSync(path.join(root, doc), 'utf8');
    expect(text.match(/\.\.\/shared\b[^\s)`]*/g) ?? []).toEqual([]);
    for (const target of relativeLinks(text)) {
      const resolved = path.resolve(path.dirname(path.join(root, doc)), target);
      expect({ target, inside: resolved.startsWith(root + path.sep) }).toEqual({ target, inside: true });
      expect({ target, exists: fs.existsSync(resolved) }).toEqual({ target, exists: true });
    }
  });
});
