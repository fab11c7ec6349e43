#!/usr/bin/env node
// Bundles the CLI (src/cli/main.ts and the core it uses) into dist/cli/clerk-desk.cjs with esbuild.
// exceljs stays external (a runtime dependency). Used by `npm run build:cli`, `prepare`, and bin/clerk-desk.js
// when it finds no bundle (a fresh clone).
import { build } from 'esbuild';
import { fileURLToPath } from 'url';
import path from 'path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outfile = path.join(root, 'dist', 'cli', 'clerk-desk.cjs');

export async function buildCli({ quiet = false } = {}) {
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['exceljs'],
    sourcemap: false,
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().then(
    (f) => console.log(path.relative(process.cwd(), f)),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
