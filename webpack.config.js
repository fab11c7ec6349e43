/**
 * Clerk Desk add-in build (webpack 5), after the conventions of Microsoft's Office add-in templates:
 * - three entries — taskpane, commands, functions — loaded by ONE page, taskpane.html, which is also the
 *   shared runtime (manifest <Runtimes>, the FunctionFile and the custom functions <Page> all point at it);
 * - custom-functions-metadata-plugin writes functions.json from the JSDoc @customfunction tags;
 * - office.js comes from Microsoft's CDN through a <script> tag (never bundled);
 * - the manifest is copied into dist/ with the dev URL replaced by the production URL.
 *
 * `--env playground` builds (or serves) the playground instead: the same task pane outside Excel, against a
 * workbook held in the browser (`--env out=DIR` puts it elsewhere, `--env nomaps` skips source maps: the browser
 * tests use both). `--env http` forces a plain-http dev server.
 */
const fs = require('fs');
const path = require('path');

/**
 * npm with legacy-peer-deps hoists ajv 6 to the top while ajv-keywords@5 (schema-utils, used by the copy plugin)
 * needs ajv 8's `ajv/dist/...` files. Where that is the case, let Node find them in a nested ajv 8 (lookups that
 * fail in the top-level ajv fall through to NODE_PATH). A no-op on a tree that has ajv 8 on top.
 */
(function ensureAjv8() {
  try {
    require.resolve('ajv/dist/compile/codegen');
    return;
  } catch {
    // fall through
  }
  const dirs = ['node_modules/schema-utils/node_modules', 'node_modules/@microsoft/app-manifest/node_modules']
    .map((p) => path.resolve(__dirname, p))
    .filter((p) => fs.existsSync(path.join(p, 'ajv', 'dist', 'compile', 'codegen')));
  if (!dirs.length) return;
  process.env.NODE_PATH = [...dirs, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
  require('module').Module._initPaths();
})();
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { LocalizeFunctionsMetadataPlugin } = require('./scripts/localize-functions-metadata.cjs');

const PORT = Number(process.env.PORT || process.env.npm_package_config_dev_server_port || 3000);
const urlDev = 'https://localhost:3000/';
/** Set CLERK_DESK_URL to where dist/ is hosted; the placeholder stays visible in dist/manifest.xml until then. */
const urlProd = process.env.CLERK_DESK_URL || 'https://clerk-desk.example.invalid/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FUNCTIONS = path.resolve(__dirname, 'src/functions/excel-bindings.ts');
const SAMPLE = path.resolve(__dirname, 'assets/sample/clerk-sample.xlsx');

/** https with the Office dev certificates where they are installed (Windows, Mac); plain http otherwise (Linux CI). */
async function serverOptions(env) {
  if (env.http || env.playground || process.env.CLERK_DESK_HTTP) return { type: 'http' };
  try {
    const devCerts = require('office-addin-dev-certs');
    if (process.platform !== 'linux' && !devCerts.isCaCertificateInstalled()) {
      await devCerts.ensureCertificatesAreInstalled();
    }
    if (devCerts.isCaCertificateInstalled()) {
      const o = await devCerts.getHttpsServerOptions();
      return { type: 'https', options: { ca: o.ca, key: o.key, cert: o.cert } };
    }
  } catch (err) {
    console.warn(`[clerk-desk] dev certificates unavailable (${err && err.message ? err.message.split('\n')[0] : err})`);
  }
  console.warn('[clerk-desk] serving plain http on localhost:' + PORT + ' (no trusted dev certificate here; Excel needs https)');
  return { type: 'http' };
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: true } } },
};

/** The metadata plugin appends bare `CustomFunctions.associate(...)` calls; guard them so the page runs outside Excel. */
const guardRule = {
  test: FUNCTIONS,
  use: [{ loader: path.resolve(__dirname, 'scripts/webpack-guard-custom-functions.cjs') }],
};

function common(dev, out = 'dist') {
  return {
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    output: {
      path: path.resolve(__dirname, out),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const server = env.WEBPACK_SERVE ? await serverOptions(env) : { type: 'http' };
  const devServer = {
    port: PORT,
    host: 'localhost',
    server,
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: { directory: path.resolve(__dirname, 'dist'), watch: false },
    hot: false,
    liveReload: true,
    client: { overlay: { warnings: false, errors: true } },
  };

  if (env.playground) {
    return {
      ...common(dev, env.out || 'dist/playground'),
      ...(env.nomaps ? { devtool: false } : {}),
      entry: { playground: './src/playground/index.tsx' },
      module: { rules: [tsRule] },
      plugins: [
        new HtmlWebpackPlugin({
          filename: 'playground.html',
          template: './src/playground/playground.html',
          chunks: ['playground'],
          templateParameters: { officeJs: OFFICE_JS },
        }),
        new HtmlWebpackPlugin({ filename: 'index.html', templateContent: '<meta http-equiv="refresh" content="0; url=playground.html">', inject: false }),
        new CopyWebpackPlugin({
          patterns: [
            { from: 'assets/icon-*.png', to: 'assets/[name][ext]', noErrorOnMissing: true },
            // Microsoft's Excel client library for the "Office.js (Microsoft client)" host (a dev dependency; never in dist/).
            { from: 'node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js', to: 'office-js/[name][ext]', noErrorOnMissing: true },
            ...(fs.existsSync(SAMPLE) ? [{ from: SAMPLE, to: 'assets/sample/clerk-sample.xlsx' }] : []),
          ],
        }),
      ],
      devServer: { ...devServer, open: false, devMiddleware: { writeToDisk: false }, static: false },
    };
  }

  const hasFunctions = fs.existsSync(FUNCTIONS);
  if (!hasFunctions) console.warn('[clerk-desk] src/functions/excel-bindings.ts not found: building without custom functions');
  const entry = {
    taskpane: './src/taskpane/index.tsx',
    commands: './src/commands/commands.ts',
    ...(hasFunctions ? { functions: FUNCTIONS } : {}),
  };
  return {
    ...common(dev, env.out || 'dist'),
    ...(env.nomaps ? { devtool: false } : {}),
    entry,
    module: { rules: hasFunctions ? [tsRule, guardRule] : [tsRule] },
    optimization: {
      // Shared code (React, Fluent, core) is downloaded once; each entry keeps its own runtime.
      // The worker ('clerk-desk') stays one self-contained file.
      splitChunks: { chunks: (chunk) => chunk.name !== 'clerk-desk', cacheGroups: { defaultVendors: false } },
    },
    plugins: [
      ...(hasFunctions
        ? [
            new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS }),
            new LocalizeFunctionsMetadataPlugin({ extra: path.resolve(__dirname, 'src/functions/metadata.json') }),
          ]
        : []),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands', ...(hasFunctions ? ['functions'] : [])],
        chunksSortMode: 'manual',
        templateParameters: { officeJs: OFFICE_JS },
      }),
      new HtmlWebpackPlugin({
        // Same runtime page under the name the templates use for the FunctionFile, for hosts that want it.
        filename: 'commands.html',
        templateContent: '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=taskpane.html">',
        inject: false,
      }),
      new HtmlWebpackPlugin({
        // The manifest's SupportUrl and GetStarted "learn more" page.
        filename: 'help.html',
        template: './src/taskpane/help.html',
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(urlDev).join(urlProd)),
          },
        ],
      }),
    ],
    devServer,
  };
};
