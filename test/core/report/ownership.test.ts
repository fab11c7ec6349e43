import { planWrite } from '../../../src/core/report/write-plan';
import { disownedSheets, emptyState, readState, stateSheet, STATE_SHEET, type WorkbookState } from '../../../src/core/state';
import { emptyGrid, type Grid } from '../../../src/core/grid';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { runWorkbook } from '../../../src/core/pipeline';
import { asIsoDate } from '../../../src/core/values/brand';
import { t } from '../../../src/core/i18n';

/** Ownership by identity (issue 13 item 2): a sheet is ours when it carries the mark our state recorded for it. */

const spec: SheetSpec = {
  name: '应收账龄',
  purpose: 'receivables',
  title: ['应收账龄'],
  tables: [{ name: '表_应收账龄', columns: [{ key: 'party', header: '客户', type: 'text' }], rows: [['苏州华工精密模具有限公司']] }],
};

/** The state sheet as a host reads it back. */
const stateGrid = (state: WorkbookState): Grid => ({ ...emptyGrid(STATE_SHEET), values: stateSheet(state).tables[0].rows.map((r) => [r[0] as string]), ownerMark: null });
const sheet = (name: string, ownerMark: string | null | undefined, values: Grid['values'] = [['她的表']]): Grid => ({ ...emptyGrid(name), values, ownerMark });
const ownedFrom = (plan: ReturnType<typeof planWrite>): WorkbookState['owned'] => {
  const layout = plan.layouts.find((l) => l.name === STATE_SHEET)!;
  return readState([{ ...emptyGrid(STATE_SHEET), values: layout.blocks.find((b) => b.role === 'table')!.rows.map((r) => [r[0] as string]) }]).owned;
};

describe('ownership by identity', () => {
  const earlier: WorkbookState = { ...emptyState(), owned: [{ sheet: '应收账龄', purpose: 'receivables', mark: 'CD-4' }] };

  test('her sheet of our name, without our mark, is hers: ours is written under another name', () => {
    const grids = [sheet('应收账龄', null), stateGrid(earlier)];
    const state = readState(grids);
    expect(state.owned).toEqual([]);
    expect(disownedSheets(grids)).toEqual(['应收账龄']);
    const next = { ...state, owned: [{ sheet: '应收账龄', purpose: 'receivables' }] };
    const plan = planWrite({ sheets: ['应收账龄', STATE_SHEET], tables: [], marks: true }, state, [spec, stateSheet(next)]);
    expect(plan.renamed).toEqual({ 应收账龄: '应收账龄_2' });
    expect(plan.reuse).toEqual([STATE_SHEET]);
    expect(plan.remove).toEqual([]);
    const ours = plan.layouts.find((l) => l.name === '应收账龄_2')!;
    expect(ours.ownerMark).toMatch(/^CD-\d+$/);
    // The state written names the new sheet and the mark it carries; her sheet is in it nowhere.
    expect(ownedFrom(plan)).toEqual([{ sheet: '应收账龄_2', purpose: 'receivables', mark: ours.ownerMark }]);
  });

  test('a sheet carrying another token is not ours either', () => {
    const grids = [sheet('应收账龄', 'CD-9'), stateGrid(earlier)];
    expect(readState(grids).owned).toEqual([]);
    expect(disownedSheets(grids)).toEqual(['应收账龄']);
  });

  test('our sheet with its mark is reused in place and keeps its token', () => {
    const grids = [sheet('应收账龄', 'CD-4'), stateGrid(earlier)];
    const state = readState(grids);
    expect(state.owned).toEqual(earlier.owned);
    expect(disownedSheets(grids)).toEqual([]);
    const plan = planWrite({ sheets: ['应收账龄', STATE_SHEET], tables: [], marks: true }, state, [spec, stateSheet({ ...state, owned: [{ sheet: '应收账龄', purpose: 'receivables' }] })]);
    expect(plan.renamed).toEqual({});
    expect(plan.reuse.sort()).toEqual(['应收账龄', STATE_SHEET].sort());
    expect(plan.layouts[0].ownerMark).toBe('CD-4');
    expect(ownedFrom(plan)).toEqual([{ sheet: '应收账龄', purpose: 'receivables', mark: 'CD-4' }]);
  });

  test('a state of an older version (no tokens) keeps working by name', () => {
    const old: WorkbookState = { ...emptyState(), owned: [{ sheet: '应收账龄', purpose: 'receivables' }] };
    const grids = [sheet('应收账龄', null), stateGrid(old)];
    const state = readState(grids);
    expect(state.owned).toEqual(old.owned);
    expect(disownedSheets(grids)).toEqual([]);
    const plan = planWrite({ sheets: ['应收账龄', STATE_SHEET], tables: [], marks: true }, state, [spec, stateSheet(state)]);
    expect(plan.reuse).toContain('应收账龄');
    // From this run on the sheet carries a mark.
    expect(ownedFrom(plan)).toEqual([{ sheet: '应收账龄', purpose: 'receivables', mark: 'CD-1' }]);
  });

  test('a host that neither reads nor writes marks judges by name, and leaves no stale token behind', () => {
    const grids = [sheet('应收账龄', undefined), stateGrid(earlier)];
    const state = readState(grids);
    expect(state.owned).toEqual(earlier.owned);
    const plan = planWrite({ sheets: ['应收账龄', STATE_SHEET], tables: [] }, state, [spec, stateSheet(state)]);
    expect(plan.layouts[0].ownerMark).toBeUndefined();
    expect(ownedFrom(plan)).toEqual([{ sheet: '应收账龄', purpose: 'receivables' }]);
  });

  test('the run says so, in zh-CN and en-US', () => {
    const hers = sheet('应收账龄', null, [['客户', '金额'], ['苏州华工精密模具有限公司', 1410]]);
    const grids = [hers, stateGrid(earlier)];
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const out = runWorkbook(grids, { jobs: ['structure'], asOf: asIsoDate('2026-10-31'), lang });
      const finding = out.findings.find((f) => f.code === 'sheet-is-hers');
      expect(finding?.message.values).toEqual({ sheet: '应收账龄' });
      const text = t(lang, finding!.message.key, finding!.message.values);
      expect(text).toContain('应收账龄');
      expect(text).toContain(lang === 'zh-CN' ? '您自己的' : 'yours');
    }
  });
});
