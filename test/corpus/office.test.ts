/**
 * Corpus files through the Office.js host (src/excel) on the strict simulation (test/office-sim), built from the
 * Grids the xlsx host read:
 *  - formula injection: no generated cell is a formula, the evil texts are there as text;
 *  - a write that fails leaves no half-written sheets: a protected sheet of ours stops the run before anything is
 *    written; a sync that fails midway (injected at every point of the write) must not leave partial sheets.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CORPUS } from '../../scripts/corpus/build';
import { ExcelHost, type ExcelRun } from '../../src/excel';
import { HostError } from '../../src/core/host';
import { runOnHost } from '../../src/core/run-on-host';
import { runWorkbook, type RunRequest } from '../../src/core/pipeline';
import { planWrite } from '../../src/core/report/write-plan';
import { readState } from '../../src/core/state';
import { JOB_IDS } from '../../src/core/jobs';
import { asIsoDate } from '../../src/core/values/brand';
import type { Grid } from '../../src/core/grid';
import { gridsFromSim, simFromGrids, SimRichApiError, type SimExcel } from '../office-sim';
import { firstDifference, ownedSheets, readGrids } from './helpers';

const request: RunRequest = { jobs: JOB_IDS.filter((j) => j !== 'structure'), asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' };
let dir: string;
const grids = new Map<string, Grid[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clerk-corpus-office-'));
  for (const file of ['formula-injection.xlsx', 'protected-sheet.xlsx', 'has-our-sheet-names.xlsx']) {
    const p = join(dir, file);
    await CORPUS.find((e) => e.file === file)!.build(p);
    grids.set(file, await readGrids(p));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hostOn = (sim: SimExcel, run: ExcelRun = sim.run as unknown as ExcelRun) => new ExcelHost({ run, isSetSupported: sim.isSetSupported });

/** Every sheet name and value of the simulated workbook, for before/after comparisons. */
const snapshot = (sim: SimExcel) => gridsFromSim(sim);

function expectSameWorkbook(before: Grid[], after: Grid[]): void {
  expect(after.map((g) => g.name)).toEqual(before.map((g) => g.name));
  for (const g of before) expect(firstDifference(g, after.find((a) => a.name === g.name)!)).toBeNull();
}

describe('formula injection on the Office.js host', () => {
  const EVIL = ['=HYPERLINK("http://evil.invalid","点我")', '+86 512 6666', '-2+3', '@SUM(1,1)', '=1+1'];

  test('no generated cell is a formula; the evil texts are values, first run and re-run', async () => {
    const sim = simFromGrids(grids.get('formula-injection.xlsx')!);
    for (let run = 0; run < 2; run++) {
      await runOnHost(hostOn(sim), request);
      const after = gridsFromSim(sim);
      const owned = ownedSheets(after);
      expect(owned.length).toBeGreaterThan(3);
      const formulas = owned.flatMap((name) => [...sim.sheet(name).formulas.entries()].map(([k, f]) => `${name}!${k}: ${f}`));
      expect(formulas).toEqual([]);
      const texts = new Set(after.filter((g) => owned.includes(g.name)).flatMap((g) => g.values.flat().filter((v): v is string => typeof v === 'string')));
      for (const e of EVIL) expect(texts.has(e) ? e : `not written as text: ${e}`).toBe(e);
    }
  });
});

describe('a job that fails leaves no half-written sheets (Office.js host)', () => {
  test('a protected sheet of ours stops the re-run before anything is written, with a message naming it', async () => {
    const sim = simFromGrids(grids.get('protected-sheet.xlsx')!);
    await runOnHost(hostOn(sim), request);
    const owned = ownedSheets(gridsFromSim(sim)).filter((n) => n !== 'ClerkDesk_state');
    // Protect one of ours in the middle of the write order: everything before it would be half done.
    const victim = owned[Math.floor(owned.length / 2)];
    sim.sheet(victim).protected = true;
    // The clerk's protected 账龄分析 is still protected and ours went elsewhere.
    expect(owned).not.toContain('账龄分析');
    const before = snapshot(sim);
    const err = await runOnHost(hostOn(sim), request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('excel.host.protected');
    expect((err as HostError).values.sheet).toBe(victim);
    expectSameWorkbook(before, snapshot(sim));
  });

  /** Fail the n-th sync of the write (counted from 1) with a RichApi error, on a workbook that was run once before. */
  async function failWriteAt(file: string, n: number, priorRun: boolean) {
    const sim = simFromGrids(grids.get(file)!);
    if (priorRun) await runOnHost(hostOn(sim), request);
    const before = snapshot(sim);
    const read = await hostOn(sim).readWorkbook();
    const output = runWorkbook(read.grids, request);
    const plan = planWrite(read.existing, readState(read.grids), output.sheets);
    let syncs = 0;
    const failing: ExcelRun = (batch) =>
      (sim.run as unknown as ExcelRun)(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          if (++syncs === n) throw new SimRichApiError('GeneralException', 'injected failure');
          return sync();
        };
        return batch(ctx);
      });
    const err = await hostOn(sim, failing).write(plan).then(
      () => null,
      (e: unknown) => e,
    );
    return { sim, before, err, syncs, plan };
  }

  /** Sheets of the workbook after a failed write that are neither as they were before nor complete. */
  async function partialSheets(file: string, n: number, priorRun: boolean): Promise<{ failed: boolean; partial: string[] }> {
    const complete = simFromGrids(grids.get(file)!);
    if (priorRun) await runOnHost(hostOn(complete), request);
    await runOnHost(hostOn(complete), request);
    const full = snapshot(complete);
    const { sim, before, err } = await failWriteAt(file, n, priorRun);
    if (!err) return { failed: false, partial: [] };
    const after = snapshot(sim);
    const partial: string[] = [];
    for (const g of after) {
      const was = before.find((b) => b.name === g.name);
      const done = full.find((f) => f.name === g.name);
      const asBefore = was && firstDifference(was, g) === null;
      const asDone = done && firstDifference(done, g) === null;
      if (!asBefore && !asDone) partial.push(g.name);
    }
    for (const b of before) if (!after.some((g) => g.name === b.name)) partial.push(`${b.name} (deleted)`);
    return { failed: true, partial };
  }

  test('the injected failure really stops the write at each sync (the harness can fail)', async () => {
    const { err, syncs } = await failWriteAt('has-our-sheet-names.xlsx', 2, false);
    expect(err).toBeInstanceOf(HostError);
    expect(syncs).toBe(2);
    const none = await failWriteAt('has-our-sheet-names.xlsx', 10_000, false);
    expect(none.err).toBeNull();
  });

  test('a failure in the first sync (the preflight) changes nothing', async () => {
    const { sim, before, err } = await failWriteAt('has-our-sheet-names.xlsx', 1, true);
    expect(err).toBeInstanceOf(HostError);
    expectSameWorkbook(before, snapshot(sim));
  });

  // KNOWN GAP (reported in docs/robustness.md): Office.js has no transactions, and the Excel host adds and clears
  // sheets in its second sync and fills them over the following ones, so a sync that fails after that leaves
  // empty or half-filled sheets of ours (and, on a re-run, our earlier output cleared). `test.failing` keeps the
  // case visible: it turns red the day the host cleans up after itself (then make it a plain `test`).
  /** How many syncs a successful write takes on this workbook (first run or re-run). */
  async function writeSyncs(file: string, priorRun: boolean): Promise<number> {
    const { syncs, err } = await failWriteAt(file, Number.POSITIVE_INFINITY, priorRun);
    expect(err).toBeNull();
    return syncs;
  }

  test('on a first run, a sync that fails at any point leaves the workbook as it was (the added sheets are removed)', async () => {
    // (Not has-our-sheet-names.xlsx: its fake ClerkDesk_state takes the reserved name, which is always reused.)
    const total = await writeSyncs('formula-injection.xlsx', false);
    expect(total).toBeGreaterThan(2);
    for (let n = 2; n <= total; n++) {
      const { sim, before, err } = await failWriteAt('formula-injection.xlsx', n, false);
      expect(err).toBeInstanceOf(HostError);
      expectSameWorkbook(before, snapshot(sim));
    }
  });

  test.failing('a sync that fails midway leaves every sheet either as it was or complete (first run and re-run)', async () => {
    const found: string[] = [];
    for (const priorRun of [false, true]) {
      const total = await writeSyncs('has-our-sheet-names.xlsx', priorRun);
      for (let n = 2; n <= total; n++) {
        const { failed, partial } = await partialSheets('has-our-sheet-names.xlsx', n, priorRun);
        if (failed && partial.length) found.push(`${priorRun ? 're-run' : 'first run'}, sync ${n}/${total}: ${partial.slice(0, 4).join(', ')}${partial.length > 4 ? ` … (${partial.length})` : ''}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('what a midway failure leaves, precisely (documents the gap above)', async () => {
    const total = await writeSyncs('has-our-sheet-names.xlsx', true);
    const { failed, partial } = await partialSheets('has-our-sheet-names.xlsx', total, true);
    expect(failed).toBe(true);
    // The clerk's sheets are never among them (the state sheet's name is reserved for Clerk Desk): only generated
    // sheets are left partial.
    const clerk = grids.get('has-our-sheet-names.xlsx')!.map((g) => g.name).filter((n) => n !== 'ClerkDesk_state');
    expect(partial.filter((p) => clerk.includes(p))).toEqual([]);
    expect(partial.length).toBeGreaterThan(0); // the gap; when it closes, this and test.failing above flip
  });
});
