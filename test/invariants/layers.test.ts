/** The layers hold: nothing under src/ imports from test/ (the playground's Office.js simulation lives in src/office-sim). */
import { readdirSync, readFileSync } from 'fs';
import { join, relative, resolve, sep } from 'path';

const SRC = resolve(__dirname, '../../src');
const TEST = resolve(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

test('no module under src/ imports anything from test/', () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  const offenders: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]*)['"]/g)) {
      const target = resolve(file, '..', m[1]);
      if (target === TEST || target.startsWith(TEST + sep)) offenders.push(`${relative(SRC, file)} → ${m[1]}`);
    }
  }
  expect(offenders).toEqual([]);
});
