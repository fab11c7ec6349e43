/**
 * The emulated wire under Microsoft's own client: what the client sends, what it makes of our answers, and the errors
 * it raises with Excel's codes. Expected values come from the fixtures and Excel's documented codes, not from the
 * emulator.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../src/excel';
import { XlsxHost } from '../../src/xlsx';
import { runOnHost } from '../../src/core/run-on-host';
import { JOB_IDS } from '../../src/core/job-registry';
import { asIsoDate } from '../../src/core/values/brand';
import { HostError } from '../../src/core/host';
import { gridsFromSim } from '../office-sim';
import { hiddenSheet, offsetSheet, shippingList } from '../excel/fixtures';
import { wireFromGrids, type WireExcel } from './index';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

const book = () => [shippingList(), offsetSheet(), hiddenSheet()];
const hostOn = (wire: WireExcel) => new ExcelHost({ run: wire.run, isSetSupported: wire.isSetSupported });

describe('the client library on the wire', () => {
  test('the request is the RichApi message: ObjectPaths and Actions, property names as the wire spells them', async () => {
    const wire = wireFromGrids(book());
    wire.keepRequests = true;
    await wire.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('出货清单').getRange('A2:C2');
      range.load('values');
      range.numberFormat = [['@', '@', '@']];
      await ctx.sync();
    });
    const [req] = wire.requests;
    const paths = Object.values(req.ObjectPaths);
    expect(paths.find((p) => p.ObjectPathType === 4)?.Name).toBe('Worksheets');
    expect(paths.find((p) => p.ObjectPathType === 5)?.ArgumentInfo?.Arguments).toEqual(['出货清单']);
    expect(paths.find((p) => p.ObjectPathType === 3)).toMatchObject({ Name: 'GetRange', ArgumentInfo: { Arguments: ['A2:C2'] } });
    expect(req.Actions.find((a) => a.ActionType === 2)?.QueryInfo).toEqual({ Select: ['values'] });
    expect(req.Actions.find((a) => a.ActionType === 4)).toMatchObject({ Name: 'NumberFormat', ArgumentInfo: { Arguments: [[['@', '@', '@']]] } });
    expect(wire.sim.cell('出货清单', 'B2').format).toBe('@');
  });

  test('values come back as Excel holds them; an unloaded property is refused by the client itself', async () => {
    const wire = wireFromGrids(book());
    const got = await wire.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('出货清单').getRange('A3:C3').load('values');
      await ctx.sync();
      let unloaded: string | undefined;
      try {
        void range.numberFormat;
      } catch (e) {
        unloaded = (e as { code?: string }).code;
      }
      return { values: range.values, unloaded };
    });
    expect(got.values).toEqual([[46300, 'SH26100501', '苏州华工精密模具有限公司']]);
    expect(got.unloaded).toBe('PropertyNotLoaded');
  });

  test('getItemOrNullObject: isNullObject from a null answer; getItem of a missing sheet: ItemNotFound', async () => {
    const wire = wireFromGrids(book());
    const isNull = await wire.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('不存在').load('name');
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
    const code = await codeOf(
      wire.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('不存在').load('name');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  test('Excel’s codes: ItemAlreadyExists, InvalidArgument, AccessDenied, InvalidOperationInCellEditMode', async () => {
    const wire = wireFromGrids(book(), { protectedSheets: ['客户档案'] });
    const add = (name: string) => wire.run(async (ctx) => void ctx.workbook.worksheets.add(name));
    expect(await codeOf(add('出货清单'))).toBe('ItemAlreadyExists');
    expect(await codeOf(add('10/2026'))).toBe('InvalidArgument');
    expect(await codeOf(wire.run(async (ctx) => void (ctx.workbook.worksheets.getItem('客户档案').getRange('A1').values = [['x']])))).toBe('AccessDenied');
    wire.model.cellEditMode = true;
    expect(await codeOf(wire.run(async (ctx) => void ctx.workbook.worksheets.load('items/name')))).toBe('InvalidOperationInCellEditMode');
  });

  test('a request over 5 MB: RequestPayloadSizeLimitExceeded, and nothing of it is done', async () => {
    const wire = wireFromGrids(book());
    // 60,000 rows × ~100 bytes of Chinese text: about 6 MB of JSON.
    const rows = Array.from({ length: 60_000 }, (_, i) => [`苏州华工精密模具有限公司-${i}`, i, '加急，客户要求月底前送到无锡']);
    const code = await codeOf(
      wire.run(async (ctx) => {
        ctx.workbook.worksheets.add('大表');
        ctx.workbook.worksheets.getItem('出货清单').getRange('A1:C60000').values = rows;
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(wire.metrics.largestRequest).toBeGreaterThan(5 * 1024 * 1024);
    expect(wire.model.sheet('大表')).toBeUndefined();
    expect(wire.sim.cell('出货清单', 'A1').value).toBe('2026年10月出货清单');
  });

  test('a response over 5 MB: ResponsePayloadSizeLimitExceeded', async () => {
    const wire = wireFromGrids(book());
    // 50,000 rows × ~125 bytes: about 6 MB of values to answer.
    const rows = Array.from({ length: 50_000 }, (_, i) => [`苏州华工精密模具有限公司-${i}`, `昆山瑞德电子有限公司，加急，客户要求月底前送到-${i}`]);
    await wire.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('大表');
      for (let at = 0; at < rows.length; at += 10_000) {
        ws.getRangeByIndexes(at, 0, 10_000, 2).values = rows.slice(at, at + 10_000);
        await ctx.sync();
      }
    });
    const code = await codeOf(
      wire.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('大表').getRange('A1:B50000').load('values');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(wire.metrics.largestResponse).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('an API of a set this Excel lacks: the client sends it (it checks only newer APIs itself), Excel refuses it with ApiNotFound', async () => {
    const wire = wireFromGrids(book(), { apiMinor: 6 });
    wire.keepRequests = true;
    const code = await codeOf(wire.run(async (ctx) => void ctx.workbook.worksheets.getItem('出货清单').getRangeByIndexes(0, 0, 1, 1).load('values')));
    expect(code).toBe('ApiNotFound');
    const sentNames = wire.requests.flatMap((r) => Object.values(r.ObjectPaths).map((p) => p.Name));
    expect(sentNames).toContain('GetRangeByIndexes');
  });
});

describe('the Office.js host on the client library', () => {
  test('read: values, number formats, errors, merges, hidden rows, columns and sheets as the fixtures hold them', async () => {
    const wire = wireFromGrids(book());
    const { grids, existing } = await hostOn(wire).readWorkbook();
    expect(existing.sheets).toEqual(['出货清单', '客户档案', '备用']);
    const ship = grids[0];
    expect(ship.values[4]).toEqual([46307, 'SH26101203', '无锡宏达机械股份有限公司', '00731', 10, { error: '#N/A' }, { error: '#N/A' }, '#N/A']);
    expect(ship.formats[3][0]).toBe('yyyy"年"m"月"d"日"');
    expect(ship.formats[2][6]).toBe('¥#,##0.00;-¥#,##0.00');
    expect(ship.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 8 }]);
    expect(ship.hiddenRows).toEqual([4]);
    expect(ship.hiddenColumns).toEqual([4]);
    expect(grids[1].values[3]).toEqual([null, null, '苏州华工精密模具有限公司', 60]);
    expect(grids[2].hidden).toBe(true);
  });

  test('read on ExcelApi 1.7 (our minimum): no API of a later set is called, hidden rows found by bisection', async () => {
    const wire = wireFromGrids(book(), { apiMinor: 7 });
    const { grids } = await hostOn(wire).readWorkbook();
    expect(grids[0].hiddenRows).toEqual([4]);
    expect(grids[0].merges).toEqual([]);
    expect(wire.metrics.log.filter((r) => r.error)).toEqual([]);
  });

  test('a full run on ExcelApi 1.8 (Excel 2019’s level): every job completes without calling a later API', async () => {
    const file = readFileSync(join(__dirname, '../../assets/sample/clerk-sample.xlsx'));
    const { grids } = await (await XlsxHost.open(file, 'clerk-sample.xlsx')).readWorkbook();
    const wire = wireFromGrids(grids, { apiMinor: 8 });
    const run = await runOnHost(hostOn(wire), { jobs: JOB_IDS, asOf: asIsoDate('2026-10-31'), lang: 'zh-CN', options: { period: '2026-10', month: '2026-10' } });
    expect(wire.metrics.log.filter((r) => r.error)).toEqual([]);
    for (const l of run.plan.layouts) expect(wire.model.sheet(l.name)).toBeDefined();
    expect(wire.model.metrics.screenSuspensions).toBe(0);
  });

  test('select: activates the sheet and selects the cell; a missing sheet is named', async () => {
    const wire = wireFromGrids(book());
    const host = hostOn(wire);
    await host.select({ sheet: '客户档案', cell: 'D4' });
    expect(wire.model.active?.name).toBe('客户档案');
    expect(wire.model.selection).toEqual({ sheet: '客户档案', address: 'D4' });
    const err = await host.select({ sheet: '不存在', cell: 'A1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).key).toBe('excel.host.sheetMissing');
    // The clerk's data is untouched by selecting.
    expect(gridsFromSim(wire.sim)[0].values[2][1]).toBe('SH26100501');
  });
});
