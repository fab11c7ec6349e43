/**
 * Microsoft's Excel client library (npm @microsoft/office-js, a development dependency) loaded into the test's
 * Node global, so that our host runs on the real Excel.run / load / sync / proxy objects and request serialization.
 *
 * The debug build is a browser script: it needs `window`, `self`, a `navigator` with a user agent and a `document`
 * it can ask for elements (none). After an indirect eval, `Excel`, `OfficeExtension`, `OSF` and `Office` exist. For
 * the local document, Excel.run hands every batch to `OSF.DDA.RichApi.executeRichApiRequestAsync` — in Office that
 * is the host bridge; here it is routed to whichever wire emulator is running (see wire.ts).
 */
import { readFileSync } from 'fs';

/** excel-web-16.00 is Excel on the web's build (the one with the 5 MB payload limits); win32 is the desktop's. */
export type ExcelBuild = 'excel-web-16.00' | 'excel-win32-16.01';

export type RichApiCallback = (result: RichApiResult) => void;
export type RichApiResult =
  | { status: 'succeeded'; value: { data: [number, string[], string] } }
  | { status: 'failed'; error: { code: number; message: string } };
export type RichApiHandler = (safeArray: unknown[], callback: RichApiCallback) => void;

export interface ExcelClient {
  build: ExcelBuild;
  version: string;
  Excel: any;
  OfficeExtension: any;
  /** Route the client's local-document requests to this handler (null: refuse them). */
  route(handler: RichApiHandler | null): void;
  /** What Office.context.requirements.isSetSupported answers; the client itself refuses APIs of missing sets. */
  requirements(isSetSupported: (name: string, version?: string) => boolean): void;
}

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
  if (!g.Excel?.run || !g.OfficeExtension) throw new Error(`${file} did not define Excel.run`);
  g.OSF.DDA ??= {};
  g.OSF.DDA.RichApi ??= {};
  let handler: RichApiHandler | null = null;
  g.OSF.DDA.RichApi.executeRichApiRequestAsync = (safeArray: unknown[], callback: RichApiCallback) => {
    if (!handler) callback({ status: 'failed', error: { code: 5001, message: 'no wire emulator is running' } });
    else handler(safeArray, callback);
  };
  loaded = {
    build,
    version,
    Excel: g.Excel,
    OfficeExtension: g.OfficeExtension,
    route: (h) => {
      handler = h;
    },
    requirements: (isSetSupported) => {
      // Office.context is a getter over the app factory that Office's bootstrap (absent here) would install.
      const context = { requirements: { isSetSupported } };
      g.OSF._OfficeAppFactory = { getContext: () => context };
    },
  };
  return loaded;
}
