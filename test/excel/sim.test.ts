import { emptyGrid, type Grid } from '../../src/core/grid';
import { gridsFromSim, simFromGrids, SimExcel } from '../office-sim';

const book = (): Grid[] => {
  const g = emptyGrid('发货清单');
  g.values = [
    ['送货单号', '日期', '数量'],
    ['SH-001', 46300, 12],
    ['SH-002', 46301, { error: '#N/A' }],
  ];
  g.formats = [[], [null, 'yyyy-mm-dd', null], [null, 'yyyy-mm-dd', null]];
  return [g];
};

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'no error';
};

describe('the Office.js simulation is strict', () => {
  test('a property read before load or before sync throws PropertyNotLoaded', async () => {
    const sim = simFromGrids(book());
    await sim.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('发货清单').getRange('A1:C3');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([
        ['送货单号', '日期', '数量'],
        ['SH-001', 46300, 12],
        ['SH-002', 46301, '#N/A'],
      ]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
  });

  test('writes happen at sync; "=" makes a formula, an apostrophe or nothing else keeps text', async () => {
    const sim = simFromGrids(book());
    await sim.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('发货清单');
      ws.getRange('A5:D5').values = [['=SUM(C2:C3)', "'=SUM(C2:C3)", '00123', '2026-10-05']];
      expect(sim.cell('发货清单', 'A5').value).toBeNull();
      await ctx.sync();
    });
    expect(sim.cell('发货清单', 'A5').formula).toBe('=SUM(C2:C3)');
    expect(sim.cell('发货清单', 'B5')).toMatchObject({ value: '=SUM(C2:C3)', formula: null, quotePrefix: true });
    expect(sim.cell('发货清单', 'C5').value).toBe(123); // a General cell turns digits into a number
    expect(sim.cell('发货清单', 'D5')).toMatchObject({ value: 46300, format: 'yyyy-mm-dd' });
  });

  test('each sync is measured and the 5 MB limits enforced', async () => {
    const sim = simFromGrids(book());
    sim.model.limits.maxRequestBytes = 1000;
    const big = Array.from({ length: 100 }, () => ['一二三四五六七八九十']);
    expect(
      await code(
        sim.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('发货清单').getRange('E1:E100').values = big;
          await ctx.sync();
        }),
      ),
    ).toBe('RequestPayloadSizeLimitExceeded');
    expect(sim.cell('发货清单', 'E1').value).toBeNull();
    sim.model.limits.maxResponseBytes = 50;
    let range: any;
    expect(
      await code(
        sim.run(async (ctx) => {
          range = ctx.workbook.worksheets.getItem('发货清单').getRange('A1:C3').load('values');
          await ctx.sync();
        }),
      ),
    ).toBe('ResponsePayloadSizeLimitExceeded');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    expect(sim.metrics.syncs).toBe(2);
    expect(sim.metrics.largestRequest).toBeGreaterThan(1000);
  });

  test('sheet and table name rules, with the real error codes', async () => {
    const sim = simFromGrids(book(), { tables: [{ name: '表_发货', sheet: '发货清单', range: 'A1:C3' }] });
    const add = (name: string) => sim.run(async (ctx) => void ctx.workbook.worksheets.add(name));
    expect(await code(add('History'))).toBe('InvalidArgument');
    expect(await code(add('a/b'))).toBe('InvalidArgument');
    expect(await code(add('x'.repeat(32)))).toBe('InvalidArgument');
    expect(await code(add('发货清单'))).toBe('ItemAlreadyExists');
    expect(await code(add('Sheet1'))).toBe('no error');
    expect(await code(add('SHEET1'))).toBe('ItemAlreadyExists');
    const table = (name: string) =>
      sim.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange('A1:B2').values = [['a', 'b'], [1, 2]];
        const t = ws.tables.add(ws.getRange('A1:B2'), true);
        t.name = name;
        await ctx.sync();
        t.delete();
      });
    expect(await code(table('表_发货'))).toBe('ItemAlreadyExists');
    const sim2 = sim;
    sim2.model.tables = sim2.model.tables.filter((t) => t.sheet.name !== 'Sheet1');
    expect(await code(table('A1'))).toBe('InvalidArgument');
    sim2.model.tables = sim2.model.tables.filter((t) => t.sheet.name !== 'Sheet1');
    expect(await code(table('has space'))).toBe('InvalidArgument');
    sim2.model.tables = sim2.model.tables.filter((t) => t.sheet.name !== 'Sheet1');
    expect(await code(table('1abc'))).toBe('InvalidArgument');
    sim2.model.tables = sim2.model.tables.filter((t) => t.sheet.name !== 'Sheet1');
    expect(await code(table('_表2'))).toBe('no error');
  });

  test('tables.add with a bare address goes to the active sheet, as documented', async () => {
    const sim = simFromGrids([...book(), { ...book()[0], name: '第二张' }]);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('第二张').tables.add('A1:C3', true);
    });
    expect(sim.tables()).toEqual([{ name: 'Table1', sheet: '发货清单', range: 'A1:C3' }]);
  });

  test('a protected sheet refuses writes with AccessDenied', async () => {
    const sim = simFromGrids(book(), { protectedSheets: ['发货清单'] });
    expect(
      await code(
        sim.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('发货清单').getRange('A1').values = [['x']];
        }),
      ),
    ).toBe('AccessDenied');
    expect(sim.cell('发货清单', 'A1').value).toBe('送货单号');
  });

  test('cell-edit mode fails every sync; an old API version lacks newer methods', async () => {
    const sim = simFromGrids(book(), { apiMinor: 6 });
    expect(sim.isSetSupported('ExcelApi', '1.6')).toBe(true);
    expect(sim.isSetSupported('ExcelApi', '1.7')).toBe(false);
    expect(await code(sim.run(async (ctx) => void ctx.workbook.worksheets.getItem('发货清单').getRangeByIndexes(0, 0, 1, 1).load('values')))).toBe(
      'ApiNotFound',
    );
    sim.model.cellEditMode = true;
    expect(await code(sim.run(async (ctx) => void ctx.workbook.worksheets.load('items/name')))).toBe('InvalidOperationInCellEditMode');
  });

  test('grids round-trip through the model helpers', () => {
    const grids = book();
    grids[0].merges = [{ top: 1, left: 1, bottom: 1, right: 2 }];
    grids[0].hiddenRows = [3];
    const back = gridsFromSim(simFromGrids(grids));
    expect(back[0].values).toEqual(grids[0].values);
    expect(back[0].formats).toEqual([[null, null, null], [null, 'yyyy-mm-dd', null], [null, 'yyyy-mm-dd', null]]);
    expect(back[0].merges).toEqual(grids[0].merges);
    expect(back[0].hiddenRows).toEqual([3]);
    expect(new SimExcel().model.sheets).toEqual([]);
  });
});
