import { readState, stateSheet, STATE_SHEET, emptyState, isOwned } from '../../src/core/state';
import { emptyGrid, type Grid } from '../../src/core/grid';

/** Turn the state SheetSpec back into the Grid a host would read from it. */
function gridFromStateSheet(json: string[][]): Grid {
  return { ...emptyGrid(STATE_SHEET), values: [['json'], ...json] };
}

describe('workbook state', () => {
  test('round-trips through the hidden sheet, even when longer than one cell holds', () => {
    const longName = '出货清单'.repeat(9000);
    const state = { version: 1 as const, owned: [{ sheet: '表_出货清单', purpose: 'structure' }], overrides: { [longName]: { kind: 'shipments' as const, columns: { part: 3, spec: null } } } };
    const spec = stateSheet(state);
    expect(spec.hidden).toBe(true);
    const rows = spec.tables[0].rows as string[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r[0].length).toBeLessThanOrEqual(32767);
    expect(readState([gridFromStateSheet(rows)])).toEqual(state);
  });

  test('a missing or corrupt state sheet reads as empty', () => {
    expect(readState([])).toEqual(emptyState());
    expect(readState([gridFromStateSheet([['{not json']])])).toEqual(emptyState());
  });

  test('only listed sheets and the state sheet are owned', () => {
    const state = { ...emptyState(), owned: [{ sheet: '核对_报价合同', purpose: 'quotes' }] };
    expect(isOwned(state, '核对_报价合同')).toBe(true);
    expect(isOwned(state, STATE_SHEET)).toBe(true);
    expect(isOwned(state, '出货清单')).toBe(false);
  });
});
