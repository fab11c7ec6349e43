import fc from 'fast-check';
import { columnWidths, numberWidth, TEXT_CAP, textWidth, wrappedRowLines } from '../../src/core/report/widths';
import { NUMBER_FORMATS, type LayoutBlock } from '../../src/core/report/layout';

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const shownMoney = (v: number) => `${v < 0 ? '-' : ''}¥${money.format(Math.abs(v))}`;

describe('widths from content', () => {
  test('CJK and full-width characters count two, ASCII one', () => {
    expect(textWidth('对账确认函')).toBe(10);
    expect(textWidth('ＤＮ０００１２３')).toBe(16);
    expect(textWidth('26322000000001830301')).toBe(20);
    expect(textWidth('HT2605-002 模具钢')).toBe(17);
  });

  test('money takes the room of ¥, separators, two decimals and the sign (any amount)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (fen) => {
        const yuan = fen / 100;
        expect(numberWidth(yuan, NUMBER_FORMATS.money)).toBe(shownMoney(yuan).length);
      }),
    );
    expect(numberWidth(1234.5, NUMBER_FORMATS.money)).toBe('¥1,234.50'.length);
    expect(numberWidth(0.95, NUMBER_FORMATS.rate)).toBe('95.00%'.length);
    expect(numberWidth(46300, NUMBER_FORMATS.date)).toBe(10);
  });

  test('a column fits its widest number; long text is capped and wraps; a long header wraps over a narrow column', () => {
    const block: LayoutBlock = {
      role: 'table',
      top: 5,
      left: 1,
      formats: ['@', NUMBER_FORMATS.money, '@'],
      rows: [
        ['发票号码', '价税合计（含税金额，人民币元）', '备注'],
        ['26322000000001830301', 12345678.9, '对方未入账，已于 2026年11月3日 电话确认，将于下月对账单补记；另有两笔退货红字发票待开具，金额另计'],
        ['2632200000000183', -5, '短'],
      ],
    };
    const { widths, wrap } = columnWidths([block], 3, new Set([5]));
    expect(widths[0]).toBeGreaterThanOrEqual(21);
    expect(widths[1]).toBeGreaterThanOrEqual('¥12,345,678.90'.length + 1);
    expect(widths[2]).toBe(TEXT_CAP + 2);
    expect(wrap).toEqual([false, true, true]);
    // The 96-unit note needs three lines of 40; the 30-unit header two lines of its 16-wide money column.
    expect(wrappedRowLines([block], widths, wrap)).toEqual(new Map([[5, 2], [6, 3]]));
  });
});
