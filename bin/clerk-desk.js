#!/usr/bin/env node
// clerk-desk: runs the bundled CLI (dist/cli/clerk-desk.cjs). When there is no bundle yet (a fresh clone) or the
// sources under src/ are newer than it (a working checkout), builds it first with scripts/build-cli.mjs (esbuild),
// so `npx clerk-desk` works without a separate build step and never runs stale code.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'clerk-desk.cjs');

function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  if (built && newestSource(path.join(root, 'src')) <= built) return;
  const { buildCli } = await import(pathToFileURL(path.join(root, 'scripts', 'build-cli.mjs')).href);
  await buildCli({ quiet: true });
}

ensureBundle()
  .then(() => require(bundle).runFromProcess(process.argv.slice(2)))
  .catch((e) => {
    process.stderr.write(`clerk-desk: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  });
