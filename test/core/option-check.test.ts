import fc from 'fast-check';
import { optionProblem } from '../../src/core/option-check';
import { JOBS } from '../../src/core/job-registry';
import type { OptionSpec } from '../../src/core/job-definition';
import { parseArgs } from '../../src/cli/args';

const spec = (name: string): OptionSpec => {
  const found = JOBS.flatMap((j) => j.options).find((o) => o.name === name);
  if (!found) throw new Error(`no option ${name}`);
  return found;
};
const key = (name: string, value: string | number | boolean | undefined) => optionProblem(spec(name), value)?.key ?? null;

describe('option values are checked once, for the CLI and the pane alike', () => {
  test('aging buckets: whole days above 0, going up; full-width digits and Chinese commas are fine', () => {
    expect(key('buckets', '30,60,90,180,365')).toBeNull();
    expect(key('buckets', '３０，６０、90')).toBeNull();
    expect(key('buckets', '30,abc')).toBe('options.problem.dayList');
    expect(key('buckets', '0,30')).toBe('options.problem.dayList');
    expect(key('buckets', '30,1.5')).toBe('options.problem.dayList');
    expect(key('buckets', '60,30')).toBe('options.problem.dayListOrder');
    expect(key('buckets', ' ')).toBe('options.problem.dayList');
  });

  test('any ascending list of positive days is accepted, with any of the separators a clerk types', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 3650 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', '，', '、', ' ', ', '), (days, sep) => {
        const text = [...days].sort((a, b) => a - b).join(sep);
        expect(key('buckets', text)).toBeNull();
      }),
    );
  });

  test('a list with a day of 0 or below is refused wherever it stands', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3650 }), { maxLength: 5 }), fc.integer({ min: -365, max: 0 }), fc.nat(5), (days, bad, at) => {
        const list = [...days];
        list.splice(at % (list.length + 1), 0, bad);
        expect(key('buckets', list.join(','))).not.toBeNull();
      }),
    );
  });

  test('negative days and tolerances are refused; zero is a valid tolerance', () => {
    expect(key('dateWindow', -1)).toBe('options.problem.min');
    expect(key('overdueDays', -30)).toBe('options.problem.min');
    expect(key('amountTolerance', -0.01)).toBe('options.problem.min');
    expect(key('qtyTolerance', 0)).toBeNull();
    expect(key('dateWindow', Number.NaN)).toBe('options.problem.number');
    expect(key('month', '2026-13')).toBe('options.problem.month');
    expect(key('agingBasis', 'whenever')).toBe('options.problem.choice');
    expect(key('dateWindow', undefined)).toBeNull();
  });

  test('the CLI refuses them with the same sentence, in the clerk’s language', () => {
    const bad = parseArgs(['receivables', 'book.xlsx', '--buckets', '30,abc']);
    expect(bad).toEqual({ kind: 'error', lang: 'zh-CN', error: { key: 'options.cli.bad', values: { flag: '--buckets', value: '30,abc', problem: '请输入大于 0 的整数天数，用逗号分隔，如 30,60,90' } } });
    const negative = parseArgs(['reconcile', 'book.xlsx', '--date-window', '-1', '--lang', 'en-US']);
    expect(negative).toMatchObject({ kind: 'error', error: { values: { flag: '--date-window', problem: 'Must not be less than 0' } } });
    expect(parseArgs(['all', 'book.xlsx', '--buckets', '15,30', '--date-window', '0'])).toMatchObject({ kind: 'run', options: { buckets: '15,30', dateWindow: 0 } });
  });
});
