#!/usr/bin/env node
/**
 * Runs one of Microsoft's office-addin-* tools (office-addin-debugging, office-addin-manifest, …) from
 * node_modules/.bin with ajv 8 reachable. npm with legacy-peer-deps hoists ajv 6 to the top, while
 * @microsoft/app-manifest's ajv-draft-04 needs ajv 8's `ajv/dist/...` files; lookups that fail in the top-level
 * ajv fall through to NODE_PATH, where the nested ajv 8 is. On a tree with ajv 8 on top this changes nothing.
 *
 *   node scripts/office-addin.mjs office-addin-debugging start manifest.xml
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [tool, ...args] = process.argv.slice(2);
if (!tool) {
  console.error('usage: node scripts/office-addin.mjs <office-addin-tool> [args…]');
  process.exit(2);
}
const nested = ['node_modules/@microsoft/app-manifest/node_modules', 'node_modules/schema-utils/node_modules']
  .map((p) => path.join(ROOT, p))
  .filter((p) => existsSync(path.join(p, 'ajv', 'dist', 'core.js')));
const env = { ...process.env, NODE_PATH: [...nested, process.env.NODE_PATH].filter(Boolean).join(path.delimiter) };
const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${tool}.cmd` : tool);
if (!existsSync(bin)) {
  console.error(`${tool} is not installed (node_modules/.bin/${tool})`);
  process.exit(2);
}
const r = spawnSync(bin, args, { stdio: 'inherit', env, cwd: ROOT, shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
