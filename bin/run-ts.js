#!/usr/bin/env node
// Runs a TypeScript script (scripts/, bench/) without a separate build: esbuild bundles it to a temp file.
const { buildSync } = require('esbuild');
const path = require('path');
const os = require('os');
const fs = require('fs');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-ts <file.ts> [args…]');
  process.exit(2);
}
const outfile = path.join(os.tmpdir(), `clerk-desk-run-${process.pid}.cjs`);
buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, packages: 'external', logLevel: 'error' });
process.argv.splice(1, 1);
try {
  require(outfile);
} finally {
  process.on('exit', () => fs.rmSync(outfile, { force: true }));
}
