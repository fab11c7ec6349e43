/**
 * Microsoft's Excel client library (npm @microsoft/office-js, a development dependency), wired to the emulator: the
 * host runs on the real Excel.run / load / sync / proxy objects and request serialization (node.ts loads it in Node).
 *
 * The debug build is a browser script: it needs `window`, `self`, a `navigator` with a user agent and a `document`
 * it can ask for elements (none). After an indirect eval, `Excel`, `OfficeExtension`, `OSF` and `Office` exist. For
 * the local document, Excel.run hands every batch to `OSF.DDA.RichApi.executeRichApiRequestAsync` — in Office that
 * is the host bridge; here it is routed to whichever wire emulator is running (see wire.ts).
 */
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

/**
 * Wire a loaded client (its globals on `g`: window in a browser, the global object in Node) to whichever emulator
 * `route` names. Browser-safe: the playground calls it after loading the script with a <script> tag.
 */
export function attachExcelClient(g: any, build: ExcelBuild, version: string): ExcelClient {
  if (!g.Excel?.run || !g.OfficeExtension || !g.OSF) throw new Error(`${build} is not loaded: no Excel.run`);
  g.OSF.DDA ??= {};
  g.OSF.DDA.RichApi ??= {};
  let handler: RichApiHandler | null = null;
  g.OSF.DDA.RichApi.executeRichApiRequestAsync = (safeArray: unknown[], callback: RichApiCallback) => {
    if (!handler) callback({ status: 'failed', error: { code: 5001, message: 'no wire emulator is running' } });
    else handler(safeArray, callback);
  };
  return {
    build,
    version,
    Excel: g.Excel,
    OfficeExtension: g.OfficeExtension,
    route: (h) => {
      handler = h;
    },
    requirements: (isSetSupported) => {
      // Office.context is a getter over the app factory; outside Office it has no context (office.js from the CDN
      // may have installed the factory: keep its own answer where it has one).
      const context = { requirements: { isSetSupported } };
      const factory = (g.OSF._OfficeAppFactory ??= {});
      const own = factory.__clerkOwnGetContext ?? factory.getContext;
      factory.__clerkOwnGetContext = own;
      factory.getContext = () => (typeof own === 'function' ? own.call(factory) : undefined) ?? context;
    },
  };
}
