/** Microsoft's Excel client library loaded into a Node (jest) global: the globals it needs, then an indirect eval. */
import { readFileSync } from 'fs';
import { attachExcelClient, type ExcelBuild, type ExcelClient } from '../../src/office-wire/client';

let loaded: ExcelClient | null = null;

export function loadExcelClient(build: ExcelBuild = 'excel-web-16.00'): ExcelClient {
  if (loaded) {
    if (loaded.build !== build) throw new Error(`${loaded.build} is already loaded in this test file; one build per file`);
    return loaded;
  }
  const g = globalThis as any;
  g.window ??= g;
  g.self ??= g;
  if (!g.navigator?.userAgent) Object.defineProperty(g, 'navigator', { value: { userAgent: 'Node.js (Clerk Desk tests)' }, configurable: true });
  g.document ??= {
    readyState: 'complete',
    createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
    getElementsByTagName: () => [],
    addEventListener() {},
  };
  const packageJson = require.resolve('@microsoft/office-js/package.json');
  const file = packageJson.replace(/package\.json$/, `dist/${build}.debug.js`);
  (0, eval)(readFileSync(file, 'utf8'));
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  loaded = attachExcelClient(g, build, version);
  return loaded;
}
