#!/usr/bin/env node
// clerk-desk: runs the bundled CLI (dist/cli/clerk-desk.cjs). On a fresh clone with no bundle yet, builds it first
// with scripts/build-cli.mjs (esbuild), so `npx clerk-desk` works without a separate build step.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'clerk-desk.cjs');

async function ensureBundle() {
  if (fs.existsSync(bundle)) return;
  const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
  await buildCli({ quiet: true });
}

ensureBundle()
  .then(() => require(bundle).runFromProcess(process.argv.slice(2)))
  .catch((e) => {
    process.stderr.write(`clerk-desk: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  });
