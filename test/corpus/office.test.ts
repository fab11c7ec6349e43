/**
 * Corpus files through the Office.js host (src/excel) on the strict simulation (test/office-sim), built from the
 * Grids the xlsx host read:
 *  - formula injection: no generated cell is a formula, the evil texts are there as text;
 *  - a write that fails leaves no half-written sheets: a protected sheet of ours stops the run before anything is
 *    written; a sync that fails at any point of a first run or a re-run leaves the previous or the new results, whole
 *    (issue 21: staging sheets and one switch).
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
import { readState, STATE_SHEET } from '../../src/core/state';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import type { Grid } from '../../src/core/grid';
import { gridsFromSim, simFromGrids, type SimExcel } from '../office-sim';
import { copyOf, faultySim, type FaultyWorkbook } from '../excel/faulty-workbook';
import { STAGING_PREFIX } from '../../src/excel/staging';
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

  test('a failure in the first sync (the preflight) changes nothing', async () => {
    const book = faultySim(grids.get('has-our-sheet-names.xlsx')!);
    await runOnHost(book.host(), request);
    const before = book.snapshot();
    const { plan, host } = await planOn(book);
    book.failSync(1, 0);
    const err = await host.write(plan).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expectSameWorkbook(before, book.snapshot());
  });
});

/**
 * Issue 21: a run's generated sheets are written to hidden staging sheets and switched in at the end. For every sync of
 * a first run and of a re-run, that sync is made to fail (nothing of it done, or all of it done and the answer lost;
 * the switch also after each of its actions), with Excel answering afterwards or not at all; then every generated
 * sheet must be exactly the previous result or exactly the new one, no staging sheet visible, and the next read (the
 * pane opening) or run must leave exactly one complete result.
 */
describe('a run that fails in Excel leaves the last good results (issue 21)', () => {
  const FILE = 'has-our-sheet-names.xlsx';

  interface Scenario {
    /** The workbook before the failing write, and after a complete one. */
    previous: Grid[];
    next: Grid[];
    /** A fresh copy of the workbook before the failing write. */
    fresh: () => FaultyWorkbook;
    /** Syncs of a complete write, and actions of its last sync (the switch). */
    syncs: number;
    switchActions: number;
  }

  async function scenario(priorRun: boolean): Promise<Scenario> {
    const base = faultySim(grids.get(FILE)!);
    // The earlier run is as of another date, so that its results differ from the new ones (and a test can tell them apart).
    if (priorRun) await runOnHost(base.host(), { ...request, asOf: asIsoDate('2026-09-30') });
    const fresh = () => copyOf(base);
    const probe = fresh();
    const { plan, host } = await planOn(probe);
    const before = probe.syncs();
    await host.write(plan);
    const s = { previous: base.snapshot(), next: probe.snapshot(), fresh, syncs: probe.syncs() - before, switchActions: probe.lastSyncActions() };
    const differ = generated(s).filter((name) => !sameGrid(s.previous.find((g) => g.name === name), s.next.find((g) => g.name === name)));
    expect(differ.length).toBeGreaterThan(priorRun ? 3 : 10);
    return s;
  }

  /**
   * The state sheet as compared: its column A (the state). Column B holds the record of a run in progress, which is
   * there by design until the run is finished or undone.
   */
  const stateView = (g: Grid | undefined): Grid | undefined =>
    g && { ...g, values: g.values.map((r) => (r ?? []).slice(0, 1)), formats: g.formats.map((r) => (r ?? []).slice(0, 1)) };
  const emptyState = (g: Grid): Grid => ({ ...g, values: [], formats: [] });
  const generated = (s: Scenario) => [...new Set([...ownedSheets(s.previous), ...ownedSheets(s.next)])];
  const isStaging = (name: string) => name.startsWith(STAGING_PREFIX);
  const sameGrid = (a: Grid | undefined, b: Grid | undefined, withHidden = true) =>
    !!a && !!b && firstDifference(a, b) === null && (!withHidden || !!a.hidden === !!b.hidden);

  /** What is wrong with a workbook a failed write left: sheets neither previous nor new, staging sheets visible. */
  function problems(s: Scenario, after: Grid[], opts: { midSwitch?: boolean } = {}): string[] {
    const out: string[] = [];
    for (const name of generated(s)) {
      let got = after.find((g) => g.name === name);
      let was = s.previous.find((g) => g.name === name);
      let now = s.next.find((g) => g.name === name);
      if (name === STATE_SHEET) {
        // A first run creates the state sheet to hold its record: until the switch it holds no state.
        got = stateView(got);
        was = stateView(was) ?? (got && emptyState(got));
        now = stateView(now);
      }
      // In the middle of a switch a sheet may be momentarily gone (its staging sheet holds it) or not yet shown.
      if (!got && (!was || !now || opts.midSwitch)) continue;
      if (!sameGrid(got, was, !opts.midSwitch) && !sameGrid(got, now, !opts.midSwitch)) out.push(`${name}: ${got ? 'neither previous nor new' : 'missing'}`);
    }
    for (const g of after) if (isStaging(g.name) && !g.hidden) out.push(`${g.name}: staging sheet visible`);
    const clerk = s.previous.filter((g) => !ownedSheets(s.previous).includes(g.name));
    for (const g of clerk) if (!sameGrid(after.find((a) => a.name === g.name), g)) out.push(`${g.name}: the clerk's sheet changed`);
    return out;
  }

  /** Exactly the previous or exactly the new workbook, and nothing of the staging left. */
  function whole(s: Scenario, after: Grid[]): 'previous' | 'next' | string {
    const equal = (want: Grid[]) => after.length === want.length && want.every((g, i) => after[i].name === g.name && sameGrid(after[i], g));
    if (equal(s.previous)) return 'previous';
    if (equal(s.next)) return 'next';
    return `neither: ${after.map((g) => `${g.name}${g.hidden ? ' (hidden)' : ''}`).join(', ')}`;
  }

  async function failOnce(s: Scenario, nth: number, applied: number, thenGone: boolean) {
    const book = s.fresh();
    const { plan, host } = await planOn(book);
    book.failSync(nth, applied, thenGone);
    const err = await host.write(plan).then(() => null, (e: unknown) => e);
    book.clearFaults();
    return { book, err, after: book.snapshot() };
  }

  for (const priorRun of [false, true]) {
    const label = priorRun ? 're-run' : 'first run';

    test(`${label}: a sync that fails, Excel still answering: exactly the previous results (said so) or, after the switch, the new ones`, async () => {
      const s = await scenario(priorRun);
      expect(s.syncs).toBeGreaterThanOrEqual(3);
      const found: string[] = [];
      for (let n = 1; n <= s.syncs; n++) {
        for (const applied of [0, Infinity]) {
          const { err, after } = await failOnce(s, n, applied, false);
          const result = whole(s, after);
          const where = `sync ${n}/${s.syncs}, ${applied ? 'all done, answer lost' : 'nothing done'}`;
          if (err) {
            if (!(err instanceof HostError)) found.push(`${where}: ${String(err)}`);
            else if (err.previousResults !== 'kept' || result !== 'previous') found.push(`${where}: said ${err.previousResults}, left ${result}`);
          } else if (result !== 'next') found.push(`${where}: no error, left ${result}`);
        }
      }
      expect(found).toEqual([]);
    });

    test(`${label}: the switch failing after each of its actions is finished at once`, async () => {
      const s = await scenario(priorRun);
      expect(s.switchActions).toBeGreaterThan(5);
      const found: string[] = [];
      for (let k = 0; k <= s.switchActions; k++) {
        const { err, after } = await failOnce(s, s.syncs, k, false);
        const result = whole(s, after);
        const ok = err ? err instanceof HostError && err.previousResults === 'kept' && result === 'previous' : result === 'next';
        if (!ok) found.push(`after ${k} actions: ${err ? `error (${(err as HostError).previousResults})` : 'no error'}, ${result}`);
      }
      expect(found).toEqual([]);
    });

    test(`${label}: Excel gone from the failing sync on: each sheet previous or new, staging hidden; opening the pane and the next run repair`, async () => {
      const s = await scenario(priorRun);
      const cases: [number, number][] = [];
      for (let n = 1; n <= s.syncs; n++) cases.push([n, 0], [n, Infinity]);
      for (let k = 1; k < s.switchActions; k++) cases.push([s.syncs, k]);
      const found: string[] = [];
      for (const [n, applied] of cases) {
        const where = `sync ${n}/${s.syncs} after ${applied} actions`;
        const { book, err, after } = await failOnce(s, n, applied, true);
        if (!(err instanceof HostError)) found.push(`${where}: ${String(err)}`);
        const midSwitch = n === s.syncs && applied > 0 && applied < s.switchActions;
        found.push(...problems(s, after, { midSwitch }).map((p) => `${where}: ${p}`));
        // The pane opens (a read): the half-done run is finished or undone, and the read shows no staging sheet.
        const host = book.host();
        const read = await host.readWorkbook();
        const repaired = whole(s, book.snapshot());
        if (repaired === 'neither' || repaired.startsWith('neither')) found.push(`${where}: after the read, ${repaired}`);
        if (read.grids.some((g) => isStaging(g.name))) found.push(`${where}: the read saw a staging sheet`);
        if (readState(read.grids).staging) found.push(`${where}: the record is still there`);
        // Then the next run gives exactly the complete result.
        await runOnHost(book.host(), request);
        if (whole(s, book.snapshot()) !== 'next') found.push(`${where}: the next run left ${whole(s, book.snapshot())}`);
      }
      expect(found).toEqual([]);
    });
  }

  test('the next run (not only a read) repairs a half switch left in the workbook', async () => {
    const s = await scenario(true);
    const book = s.fresh();
    const { plan, host } = await planOn(book);
    book.failSync(s.syncs, Math.floor(s.switchActions / 2), true);
    await host.write(plan).catch(() => undefined);
    book.clearFaults();
    expect(book.snapshot().some((g) => isStaging(g.name))).toBe(true); // really half switched
    // Write the same plan again without a read first: the write finds the record and finishes the switch first.
    await host.write(plan);
    expect(whole(s, book.snapshot())).toBe('next');
  });
});

/** Read and plan a run on this workbook, as runOnHost does, without writing. */
async function planOn(book: FaultyWorkbook) {
  const host = book.host();
  const read = await host.readWorkbook();
  const output = runWorkbook(read.grids, request);
  const plan = planWrite(read.existing, readState(read.grids), output.sheets);
  return { host, plan };
}
