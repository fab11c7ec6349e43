/**
 * The simulation refuses what Microsoft's client (with the emulated Excel behind it) refuses: each case runs the same
 * add-in code on both and expects the same RichApi code. These are the disagreements found by running the host on
 * the client library; docs/excel-host.md lists them.
 */
import { simFromGrids } from '../office-sim';
import { shippingList } from '../excel/fixtures';
import { wireFromGrids } from './index';

type Batch = (ctx: any) => Promise<unknown>;
type Target = { run: (batch: Batch) => Promise<unknown> };

const outcome = async (target: Target, batch: Batch): Promise<string> => {
  try {
    await target.run(batch);
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};

/** A sheet of ours with two charts, the way a report sheet holds them. */
const withTwoCharts: Batch = async (ctx) => {
  const ws = ctx.workbook.worksheets.add('核对_出货');
  ws.getRange('A1:B3').values = [['月份', '金额'], ['2026-09', 100], ['2026-10', 120]];
  ws.charts.add('ColumnClustered', ws.getRange('B1:B3'), 'Columns');
  ws.charts.add('Line', ws.getRange('B1:B3'), 'Columns');
  await ctx.sync();
};

const CASES: [string, Batch, string][] = [
  [
    'deleting loaded charts front to back (the second is addressed by a position that moved)',
    async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem('核对_出货').charts.load('items/name');
      await ctx.sync();
      for (const c of charts.items) c.delete();
      await ctx.sync();
    },
    'ItemNotFound',
  ],
  [
    'deleting loaded charts last first',
    async (ctx) => {
      const charts = ctx.workbook.worksheets.getItem('核对_出货').charts.load('items/name');
      await ctx.sync();
      for (const c of [...charts.items].reverse()) c.delete();
      await ctx.sync();
    },
    'ok',
  ],
  [
    '6,000 hyperlink cells in one request: small JSON, but over 5 MB as the client sends it',
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('核对_出货');
      for (let i = 0; i < 6000; i++) {
        const cell = ws.getCell(i + 5, 0);
        cell.hyperlink = { documentReference: `'出货清单'!B${i + 3}`, textToDisplay: `出货清单!B${i + 3}` };
        cell.format.font.color = '#0563C1';
        cell.format.font.underline = 'Single';
      }
      await ctx.sync();
    },
    'RequestPayloadSizeLimitExceeded',
  ],
  [
    'a values array of another shape than the range',
    async (ctx) => {
      ctx.workbook.worksheets.getItem('核对_出货').getRange('A10:B11').values = [['一', '二', '三']];
      await ctx.sync();
    },
    'InvalidArgument',
  ],
  [
    'a values array of another shape than a range above 1,500 cells (checked by _ValidateArraySize)',
    async (ctx) => {
      const rows = Array.from({ length: 2000 }, (_, i) => [`SH${i}`]);
      ctx.workbook.worksheets.getItem('核对_出货').getRange('D10:E2009').values = rows;
      await ctx.sync();
    },
    'InvalidArgument',
  ],
  [
    'a table over a range of another table',
    async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('核对_出货');
      ws.tables.add(ws.getRange('A1:B3'), true);
      ws.tables.add(ws.getRange('B2:C4'), true);
      await ctx.sync();
    },
    'InvalidOperation',
  ],
];

describe.each(CASES)('%s', (_name, batch, expected) => {
  test(`simulation and client library: ${expected}`, async () => {
    const sim = simFromGrids([shippingList()]);
    const wire = wireFromGrids([shippingList()]);
    expect(await outcome(sim, withTwoCharts)).toBe('ok');
    expect(await outcome(wire, withTwoCharts)).toBe('ok');
    expect([await outcome(sim, batch), await outcome(wire, batch)]).toEqual([expected, expected]);
  });
});
