#!/usr/bin/env node
// Runs a TypeScript script (scripts/, bench/) without a separate build: esbuild bundles it next to the project's
// node_modules (so its packages resolve) and Node runs the bundle as the main module (so `require.main === module`).
const { buildSync } = require('esbuild');
const path = require('path');
const fs = require('fs');
const Module = require('module');

const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts <file.ts> [args…]');
  process.exit(2);
}
const cacheDir = path.join(__dirname, '..', 'node_modules', '.cache', 'clerk-desk-run-ts');
fs.mkdirSync(cacheDir, { recursive: true });
const outfile = path.join(cacheDir, `${path.basename(entry, path.extname(entry))}-${process.pid}.cjs`);
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, packages: 'external', sourcemap: 'inline', logLevel: 'error' });
process.on('exit', () => fs.rmSync(outfile, { force: true }));
process.argv.splice(1, 2, outfile);
Module.runMain();
