/**
 * The hostile corpus files (zip bombs, endless and special inputs) through the CLI in a child process whose V8 heap
 * is capped (--max-old-space-size=1536) and whose peak resident memory is read back from /proc: each is refused
 * with its one sentence, writes nothing, and stays well inside 1.5 GB.
 */
import { spawn } from 'child_process';
import { buildSync } from 'esbuild';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { CORPUS } from '../../scripts/corpus/build';
import { checkMessage } from './check';
import { AS_OF } from './helpers';
import { HOSTILE_FILES } from './limits';

const root = resolve(__dirname, '../..');
const CAP_BYTES = 1.5 * 1024 ** 3;
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-hostile-'));
  mkdirSync(join(dir, 'in'));
  const entry = join(dir, 'child.ts');
  // The CLI's main() with real stdout/stderr; the peak resident set (VmHWM) as the last line on stdout.
  writeFileSync(
    entry,
    `import { readFileSync } from 'fs';
     import { main } from ${JSON.stringify(join(root, 'src/cli/main'))};
     main(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), progressEvery: 1e9 }).then((code) => {
       const kb = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
       process.stdout.write('PEAK_KB=' + kb + '\\n');
       process.exitCode = code;
     });`,
  );
  bundle = join(dir, 'child.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error', packages: 'external', absWorkingDir: root, nodePaths: [join(root, 'node_modules')] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCapped(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(process.execPath, ['--max-old-space-size=1536', bundle, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code) => res({ code, stdout, stderr }));
  });
}

test('the hostile files are in the corpus', () => {
  expect(HOSTILE_FILES.map((f) => CORPUS.find((e) => e.file === f)?.expect)).toEqual(HOSTILE_FILES.map(() => 'refused'));
});

test.each(HOSTILE_FILES)('%s is refused under a 1.5 GB memory cap, nothing written', async (file) => {
  const entry = CORPUS.find((e) => e.file === file)!;
  const input = join(dir, 'in', file);
  await entry.build(input);
  if (file.startsWith('zip-bomb')) expect(statSync(input).size).toBeLessThan(5_000_000);
  const kind = lstatSync(input);
  const bytes = entry.special ? null : readFileSync(input);
  const work = join(dir, 'work', file);
  mkdirSync(work, { recursive: true });
  const r = await runCapped(['all', input, '--out', join(work, 'out.xlsx'), '--as-of', AS_OF]);
  expect(r.code).toBe(1);
  const peak = /PEAK_KB=(\d+)/.exec(r.stdout);
  expect(peak).not.toBeNull();
  expect(Number(peak![1]) * 1024).toBeLessThan(CAP_BYTES);
  checkMessage({ stdout: r.stdout.replace(/PEAK_KB=\d+\n$/, ''), stderr: r.stderr }, input);
  // Buffer.equals: jest's toEqual walks a 4 MB buffer byte by byte for most of a minute.
  if (bytes) expect(readFileSync(input).equals(bytes)).toBe(true);
  expect(lstatSync(input).mode).toBe(kind.mode);
  expect(readdirSync(work)).toEqual([]);
}, 120_000);
