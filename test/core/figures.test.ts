import { figuresOf } from '../../src/core/figures';
import type { JobOutcome } from '../../src/core/pipeline';
import type { Json } from '../../src/core/job-definition';

const outcome = (job: JobOutcome['job'], result: { [key: string]: Json }, codes: string[] = []): JobOutcome => ({
  job,
  result,
  sheets: [],
  findings: codes.map((code) => ({ severity: 'warning', code, message: { key: 'run.or' }, cells: [] })),
});
const lines = (o: JobOutcome, lang: 'zh-CN' | 'en-US' = 'zh-CN') => Object.fromEntries(figuresOf(o, {}, lang).map((f) => [f.id, [f.value, f.tone]]));

describe("each job's own figures, read from its result", () => {
  test('reconcile: counterparties, matched, differences, unexplained amount', () => {
    const r: { [key: string]: Json } = {
      counterparties: [
        { name: '苏州华工', counts: { matched: 6, 'qty-diff': 1, 'only-theirs': 1 }, unexplained: 0 },
        { name: '无锡华工', counts: { matched: 5, 'amount-diff': 2 }, unexplained: 1234.5 },
      ],
    };
    expect(lines(outcome('reconcile', r))).toEqual({
      counterparties: ['2', 'none'],
      matched: ['11', 'good'],
      differences: ['4', 'warn'],
      unexplained: ['¥1,234.50', 'bad'],
    });
  });

  test('receivables: balance, overdue, and each collection rate against its target', () => {
    const r = {
      totals: { outstanding: 886008, aging: [60700, 0, 59000], related: { collectionRate: 0.96, target: 0.95 }, external: { collectionRate: 0.8044, target: 1 } },
    };
    expect(lines(outcome('receivables', r))).toEqual({
      balance: ['¥886,008.00', 'none'],
      overdue: ['¥119,700.00', 'warn'],
      'rate-related': ['96.0%（目标 95%）', 'good'],
      'rate-external': ['80.4%（目标 100%）', 'warn'],
    });
  });

  test('sales: the month’s sales, month on month and year on year (none without last year)', () => {
    const r = { months: ['2026-09', '2026-10'], totals: { months: [300272.57, 324070.79], mom: 0.0793, yoy: null } };
    expect(lines(outcome('sales', r), 'en-US')).toEqual({ month: ['¥324,070.79', 'none'], mom: ['+7.9%', 'good'], yoy: ['No data for last year', 'none'] });
    expect(figuresOf(outcome('sales', r), {}, 'zh-CN')[0].label).toBe('2026-10 销售额');
  });

  test('quotes: lines checked and problems by rule, most frequent first', () => {
    const r = { checked: 154, findings: [{ rule: 'no-quote' }, { rule: 'price-mismatch' }, { rule: 'price-mismatch' }] };
    expect(lines(outcome('quotes', r))).toEqual({ checked: ['154', 'none'], problems: ['单价与报价不符 2、无报价 1', 'warn'] });
  });

  test('ledgers: the flags, fully collected contracts not counted', () => {
    const r = {
      contracts: [{ flags: ['fully-collected'] }, { flags: ['shipped-not-invoiced', 'delivery-overdue'] }, { flags: ['shipped-not-invoiced'] }],
      property: { counts: { found: 9, missing: 1, 'qty-diff': 0 } },
      returns: { checked: 7, flagged: [{}, {}] },
      samples: { overdue: [{}] },
    };
    expect(lines(outcome('ledgers', r))).toEqual({
      contracts: ['出货未开票 2、逾期未交货 1', 'warn'],
      property: ['盘亏（未找到） 1', 'warn'],
      returns: ['已查 7 笔，2 笔有问题', 'warn'],
      samples: ['1', 'warn'],
    });
  });

  test('a job with nothing to do shows no figures', () => {
    expect(figuresOf(outcome('receivables', {}, ['nothing-to-do']), {}, 'zh-CN')).toEqual([]);
  });
});
