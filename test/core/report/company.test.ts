/**
 * Our company as a run sees it (issue 16): what a scan tells the pane (the name and where it came from, every name
 * her titles hold), a typed name winning over her titles, and a name from titles that she confirmed becoming a saved
 * setting in the state sheet, which the next run takes before any title. Names are written here by hand.
 */
import fc from 'fast-check';
import type { Grid, GridValue } from '../../../src/core/grid';
import { runWorkbook, type RunOutput } from '../../../src/core/pipeline';
import { emptyState, readState, stateSheet, withCompanySetting, STATE_SHEET, type WorkbookState } from '../../../src/core/state';
import { companiesInTitles, parseCompanySettings } from '../../../src/core/report/company';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { asIsoDate } from '../../../src/core/values/brand';

const OURS = '江苏华工科技装备有限公司';
const CORRECTED = '江苏华工科技装备股份有限公司';

function grid(name: string, values: GridValue[][]): Grid {
  return { name, values, formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904: false } as Grid;
}

/** A month's shipping list under her title block (her company, then the month). */
const shipments = (name: string, title: string): Grid =>
  grid(name, [
    [title],
    ['出货日期', '送货单号', '客户名称', '合同编号', '物料编码', '数量', '含税单价', '金额'],
    ['2024年3月5日', 'SH240305-01', '无锡华工汽车部件有限公司', 'HT-2024-001', 'P-10023', '１２０', 35.5, '¥4,260.00'],
    ['2024.3.8', 'SH240308-02', '苏州华工精密模具有限公司', 'HT-2024-002', 'P-10024', 80, 12, 960],
    ['小计', '', '', '', '', 200, '', 5220],
  ]);

const customers = grid('客户档案', [
  ['客户编码', '客户名称', '关联关系', '账期'],
  ['C001', '无锡华工汽车部件有限公司', '关联企业', 60],
  ['C002', '苏州华工精密模具有限公司', '关联企业', 30],
]);

/** The hidden state sheet a run wrote, as the grid the next read finds. */
function stateGrid(spec: SheetSpec): Grid {
  return { ...grid(spec.name, [['json'], ...spec.tables[0].rows.map((r) => [r[0] as string])]), hidden: true } as Grid;
}
const written = (out: RunOutput): Grid => stateGrid(out.sheets.find((s) => s.name === STATE_SHEET) as SheetSpec);
const withState = (grids: Grid[], state: WorkbookState): Grid[] => [...grids, stateGrid(stateSheet(state))];

const scan = (grids: readonly Grid[], options: Record<string, string> = {}) =>
  runWorkbook(grids, { jobs: [], asOf: asIsoDate('2024-03-31'), lang: 'zh-CN', options });

const agreeing = [shipments('3月出货', `${OURS} 2024年3月出货清单`), shipments('4月出货', `${OURS}\u3000出货清单（4月）`), customers];

describe('our company in a scan', () => {
  test('her titles agree: the name is exposed as taken from titles, used for the run and not remembered', () => {
    const out = scan(agreeing);
    expect(out.company).toEqual({ settings: { name: OURS }, source: 'titles' });
    expect(out.titleCompanies).toEqual([OURS]);
    expect(readState([written(out)]).company).toBeUndefined();
  });

  test('her titles disagree: no company, and both names are exposed for the pane to say so', () => {
    const out = scan([shipments('3月出货', `${OURS} 2024年3月出货清单`), shipments('4月出货', '常州恒泰液压机械有限公司 出货清单'), customers]);
    expect(out.company).toBeUndefined();
    expect(out.titleCompanies).toEqual([OURS, '常州恒泰液压机械有限公司']);
  });

  test('her titles name no company (only a month, or a customer of hers): no company and no names', () => {
    const out = scan([shipments('3月出货', '2024年3月出货清单'), shipments('4月出货', '客户：无锡华工汽车部件有限公司'), customers]);
    expect(out.company).toBeUndefined();
    expect(out.titleCompanies).toEqual([]);
  });

  test('a typed name wins over her titles and is remembered in the state sheet', () => {
    const out = scan(agreeing, { company: CORRECTED });
    expect(out.company).toEqual({ settings: { name: CORRECTED }, source: 'option' });
    expect(out.titleCompanies).toEqual([OURS]);
    expect(readState([written(out)]).company).toEqual({ name: CORRECTED });
  });
});

describe('confirming or correcting the name', () => {
  test('a confirmed name from titles is saved: the next run takes it from the state and keeps it there', () => {
    const confirmed = withCompanySetting(emptyState(), { name: OURS });
    const out = scan(withState(agreeing, confirmed));
    expect(out.company).toEqual({ settings: { name: OURS }, source: 'state' });
    expect(readState([written(out)]).company).toEqual({ name: OURS });
  });

  test('a corrected name and its details, saved, win over her titles on the next run and after it', () => {
    const saved = withCompanySetting(emptyState(), { name: ` ${CORRECTED} `, taxNo: '91320200MA1XXXXX0Q', address: ' ', preparer: '王丽' });
    expect(saved.company).toEqual({ name: CORRECTED, taxNo: '91320200MA1XXXXX0Q', preparer: '王丽' });
    const out = scan(withState(agreeing, saved));
    expect(out.company).toEqual({ settings: saved.company, source: 'state' });
    expect(readState([written(out)]).company).toEqual(saved.company);
    // The pane passes the saved name with every run: the details stay with it.
    const typed = scan(withState(agreeing, saved), { company: CORRECTED });
    expect(typed.company).toEqual({ settings: saved.company, source: 'option' });
  });

  test('removing the setting brings back the name from titles; other state is kept', () => {
    const state: WorkbookState = { ...emptyState(), overrides: { '客户档案': { kind: 'customers' } }, company: { name: CORRECTED } };
    const cleared = withCompanySetting(state, null);
    expect(cleared).toEqual({ ...emptyState(), overrides: { '客户档案': { kind: 'customers' } } });
    expect(scan(withState(agreeing, cleared)).company?.source).toBe('titles');
  });

  test('settings read from the state sheet are trimmed, and a blank name is no setting', () => {
    expect(parseCompanySettings({ name: '  ', taxNo: 'x' })).toBeUndefined();
    expect(parseCompanySettings({ name: OURS, contact: ' 0510-8888 6666 ', address: 7 })).toEqual({ name: OURS, contact: '0510-8888 6666' });
  });

  test('every company in her titles once (有限公司 and 股份有限公司 are one), by its longest spelling', () => {
    const table = (kind: string, titleText: string[]) => ({ kind, sheet: kind, titleText, rows: [] }) as never;
    expect(companiesInTitles([table('shipments', ['江苏华工科技装备有限公司']), table('invoices', ['江苏华工科技装备股份有限公司 开票明细']), table('contracts', ['苏州华工精密模具有限公司 合同台账'])])).toEqual([
      CORRECTED,
      '苏州华工精密模具有限公司',
    ]);
  });
});

describe('the setting through the state sheet (property)', () => {
  // Text a clerk might type: names, padding with ASCII and full-width spaces, empty strings, and a few non-strings.
  const text = fc.oneof(
    fc.constantFrom('', ' ', '\u3000', OURS, CORRECTED, '91320200MA1XXXXX0Q', '无锡市新吴区长江路8号', '0510-8523 6688', '王丽'),
    fc.string(),
  );
  const padded = fc.tuple(fc.constantFrom('', ' ', '\u3000', '\t'), text, fc.constantFrom('', ' ', '\u3000')).map(([a, b, c]) => a + b + c);
  const field = fc.oneof(padded, fc.integer(), fc.constant(null), fc.constant(undefined));
  const settings = fc.record({ name: field, taxNo: field, address: field, contact: field, preparer: field }, { requiredKeys: [] });

  test('whatever is saved reads back trimmed, without blanks, the same after a write and a read, and idempotent', () => {
    fc.assert(
      fc.property(settings, (raw) => {
        const parsed = parseCompanySettings(raw);
        const saved = withCompanySetting(emptyState(), raw as never);
        expect(saved.company).toEqual(parsed);
        expect(withCompanySetting(saved, saved.company ?? null)).toEqual(saved);
        expect(readState([stateGrid(stateSheet(saved))]).company).toEqual(parsed);
        if (parsed) {
          for (const v of Object.values(parsed)) expect([v, v.trim() === v && v !== '']).toEqual([v, true]);
        } else {
          expect(typeof raw.name === 'string' ? raw.name.trim() : '').toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
