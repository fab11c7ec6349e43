/**
 * The file host's save (a temporary file renamed into place) against a process killed at every step of it (issue 21):
 * whenever it stops, the clerk's file is byte for byte the previous workbook or the new one, never a mix, and it
 * still opens. A kill is a step that never returns: the file system calls the save makes are replaced, one at a time,
 * by ones that do part of their work and then hang, and the disk is inspected at that moment (no cleanup can run, as
 * none would after a real kill).
 */
import fs, { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxHost } from '../../src/xlsx';
import { runOnHost } from '../../src/core/run-on-host';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';

const SAMPLE = join(__dirname, '../../assets/sample/clerk-sample.xlsx');
const request = { jobs: JOB_IDS.filter((j) => j !== 'structure'), asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' as const };
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

const realWriteFile = fs.promises.writeFile.bind(fs.promises);
const realRename = fs.promises.rename.bind(fs.promises);
const never = () => new Promise<never>(() => undefined);

type Kill = { step: string; expect: 'previous' | 'new'; arm: (reached: () => void) => void };

const KILLS: Kill[] = [
  {
    step: 'before the temporary file exists',
    expect: 'previous',
    arm: (reached) => jest.spyOn(fs.promises, 'writeFile').mockImplementation(() => (reached(), never())),
  },
  {
    step: 'the temporary file created, empty',
    expect: 'previous',
    arm: (reached) =>
      jest.spyOn(fs.promises, 'writeFile').mockImplementation(async (p) => {
        await realWriteFile(p as string, Buffer.alloc(0));
        reached();
        return never();
      }),
  },
  {
    step: 'half of the bytes written',
    expect: 'previous',
    arm: (reached) =>
      jest.spyOn(fs.promises, 'writeFile').mockImplementation(async (p, data) => {
        const bytes = data as Buffer;
        await realWriteFile(p as string, bytes.subarray(0, Math.floor(bytes.length / 2)));
        reached();
        return never();
      }),
  },
  {
    step: 'every byte written, not yet renamed',
    expect: 'previous',
    arm: (reached) => jest.spyOn(fs.promises, 'rename').mockImplementation(() => (reached(), never())),
  },
  {
    step: 'renamed into place',
    expect: 'new',
    arm: (reached) =>
      jest.spyOn(fs.promises, 'rename').mockImplementation(async (a, b) => {
        await realRename(a, b);
        reached();
        return never();
      }),
  },
];

/** Grids of a workbook file, as the host reads them (the file must open). */
async function sheetsOf(path: string) {
  const host = await XlsxHost.open(path);
  return (await host.readWorkbook()).grids.map((g) => ({ name: g.name, values: g.values }));
}

describe('a save killed at every step leaves the previous workbook or the new one, whole', () => {
  let previous: Buffer;
  let next: Buffer;

  beforeAll(async () => {
    // The previous workbook: the sample after one run as of September; the new one: a run as of October on it.
    const first = await XlsxHost.open(SAMPLE);
    await runOnHost(first, { ...request, asOf: asIsoDate('2026-09-30') });
    previous = await first.toBuffer();
    const second = await XlsxHost.open(previous);
    await runOnHost(second, request);
    next = await second.toBuffer();
    expect(next.equals(previous)).toBe(false);
  });

  for (const kill of KILLS) {
    test(`killed ${kill.step}: the file is the ${kill.expect} workbook, byte for byte, and opens; the next save completes`, async () => {
      const path = join(dir, `账本-${KILLS.indexOf(kill)}.xlsx`);
      const fresh = join(dir, `副本-${KILLS.indexOf(kill)}.xlsx`);
      writeFileSync(path, previous);
      copyFileSync(path, fresh);
      const host = await XlsxHost.open(path);
      await runOnHost(host, request);
      let reached!: () => void;
      const atKill = new Promise<void>((resolve) => (reached = resolve));
      kill.arm(reached);
      void host.save(path); // never settles: the process is "dead" from here on
      await atKill;
      const onDisk = readFileSync(path);
      expect(onDisk.equals(kill.expect === 'previous' ? previous : next)).toBe(true);
      expect(await sheetsOf(path)).toEqual(await sheetsOf(kill.expect === 'previous' ? fresh : pathOf(next)));
      // Beside the file, a killed save leaves at most its own temporary file (named by the process that wrote it).
      const beside = readdirSync(dir).filter((f) => f.startsWith(`账本-${KILLS.indexOf(kill)}.xlsx.`));
      expect(beside.every((f) => f === `账本-${KILLS.indexOf(kill)}.xlsx.clerk-desk-${process.pid}.tmp`)).toBe(true);
      // The next run's save (the process alive again) puts the new workbook in place.
      jest.restoreAllMocks();
      await host.save(path);
      expect(readFileSync(path).equals(next)).toBe(true);
    });
  }

  function pathOf(bytes: Buffer): string {
    const p = join(dir, 'new.xlsx');
    if (!existsSync(p)) writeFileSync(p, bytes);
    return p;
  }
});
