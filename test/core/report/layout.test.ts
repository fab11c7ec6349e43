import { layoutSheet, isFormulaLike } from '../../../src/core/report/layout';
import { planWrite } from '../../../src/core/report/write-plan';
import { emptyState, stateSheet, readState, STATE_SHEET } from '../../../src/core/state';
import type { SheetSpec } from '../../../src/core/sheet-spec';
import { emptyGrid } from '../../../src/core/grid';

const spec: SheetSpec = {
  name: '核对_报价合同',
  purpose: 'quotes',
  title: ['报价合同核对', '截至 2026-10-31'],
  summary: [
    { label: '核对行数', value: 12, type: 'integer' },
    { label: '涉及金额', value: 1234.5, type: 'money' },
  ],
  tables: [
    {
      name: '表_报价核对',
      columns: [
        { key: 'source', header: '来源', type: 'link' },
        { key: 'date', header: '签订日期', type: 'date' },
        { key: 'amount', header: '金额', type: 'money' },
        { key: 'status', header: '状态', type: 'text' },
      ],
      rows: [
        [{ text: '合同台账!A5', target: { sheet: '合同台账', cell: 'A5' } }, '2026-10-05', 1234.5, '错误'],
        [{ text: "O'Brien!A6", target: { sheet: "O'Brien", cell: 'A6' } }, '2024-03-01', 0.01, '=SUM(A1)'],
      ],
      highlights: [{ column: 'status', equals: '错误', tone: 'bad' }],
    },
  ],
};

describe('layoutSheet', () => {
  const layout = layoutSheet(spec);

  test('title, blank, summary, blank, then the table with its header', () => {
    expect(layout.blocks.map((b) => [b.role, b.top])).toEqual([
      ['title', 1],
      ['title', 2],
      ['summary', 4],
      ['summary', 5],
      ['table', 7],
    ]);
    expect(layout.tables).toEqual([{ name: '表_报价核对', top: 7, left: 1, bottom: 9, right: 4, headers: ['来源', '签订日期', '金额', '状态'] }]);
    expect(layout.freezeRows).toBe(7);
  });

  test('dates become 1900-system serials and links their text; formats per column', () => {
    const table = layout.blocks[4];
    expect(table.rows[1]).toEqual(['合同台账!A5', 46300, 1234.5, '错误']);
    expect(table.rows[2][1]).toBe(45352); // 2024-03-01
    expect(table.formats).toEqual(['@', 'yyyy-mm-dd', '¥#,##0.00;-¥#,##0.00', '@']);
  });

  test('links point into the workbook with quoted sheet names', () => {
    expect(layout.links.map((l) => [l.row, l.col, l.reference])).toEqual([
      [8, 1, "'合同台账'!A5"],
      [9, 1, "'O''Brien'!A6"],
    ]);
  });

  test('highlights become row formulas on the data range', () => {
    expect(layout.highlights).toEqual([{ range: 'A8:D9', formula: '=$D8="错误"', tone: 'bad' }]);
  });

  test('formula-like text is recognised for the hosts to guard', () => {
    expect(['=SUM(A1)', '+86 512', '-5', '@x', '\tx', '\rx'].every(isFormulaLike)).toBe(true);
    expect(['合计', '5-3', ' =x'].some(isFormulaLike)).toBe(false);
  });
});

describe('planWrite', () => {
  test("a clerk's sheet with our name is never overwritten: ours is renamed, and ownership follows", () => {
    const state = emptyState();
    const specs = [spec, stateSheet({ ...state, owned: [{ sheet: spec.name, purpose: 'quotes' }] })];
    const plan = planWrite({ sheets: ['核对_报价合同', '合同台账'], tables: [{ name: '表_报价核对', sheet: '合同台账' }] }, state, specs);
    expect(plan.renamed).toEqual({ 核对_报价合同: '核对_报价合同_2' });
    expect(plan.layouts[0].name).toBe('核对_报价合同_2');
    expect(plan.layouts[0].tables[0].name).toBe('表_报价核对_2');
    expect(plan.reuse).toEqual([]);
    const stateLayout = plan.layouts[1];
    expect(stateLayout.name).toBe(STATE_SHEET);
    const jsonRows = stateLayout.blocks.find((b) => b.role === 'table')!.rows.map((r) => r[0] as string);
    const reread = readState([{ ...emptyGrid(STATE_SHEET), values: jsonRows.map((v) => [v]) }]);
    expect(reread.owned).toEqual([{ sheet: '核对_报价合同_2', purpose: 'quotes' }]);
  });

  test('our own sheets are reused in place, and stale ones of the same job removed', () => {
    const state = { ...emptyState(), owned: [{ sheet: '核对_报价合同', purpose: 'quotes' }, { sheet: '对账_旧客户', purpose: 'reconcile' }, { sheet: '核对_旧', purpose: 'quotes' }] };
    const plan = planWrite({ sheets: ['核对_报价合同', '对账_旧客户', '核对_旧', STATE_SHEET], tables: [] }, state, [spec, stateSheet(state)]);
    expect(plan.renamed).toEqual({});
    expect(plan.reuse.sort()).toEqual([STATE_SHEET, '核对_报价合同'].sort());
    expect(plan.remove).toEqual(['核对_旧']);
  });
});
