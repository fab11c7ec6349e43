/**
 * The pane's option fields are built from each job's OptionSpec; the ribbon's one-click buttons reach the pane
 * through the shared-runtime bridge.
 */
import type { OptionSpec } from '../../src/core/job-definition';
import { JOBS } from '../../src/core/job-registry';
import { coerce, datesWinOver, defaultValue, defaultValues, isValid, todayIso } from '../../src/taskpane/options';
import { actionName, RIBBON_ACTIONS, runFromRibbon } from '../../src/commands/handlers';
import { bridge, registerRunner } from '../../src/shared-runtime/bridge';
import { readFileSync } from 'fs';
import path from 'path';

const month: OptionSpec = { name: 'month', type: 'month', label: 'excel.pane.asOf' };
const date: OptionSpec = { name: 'date', type: 'date', label: 'excel.pane.asOf' };
const num: OptionSpec = { name: 'tolerance', type: 'number', label: 'excel.pane.asOf', default: 5 };
const flag: OptionSpec = { name: 'withTax', type: 'boolean', label: 'excel.pane.asOf' };
const choice: OptionSpec = {
  name: 'basis',
  type: 'enum',
  label: 'excel.pane.asOf',
  default: 'due',
  choices: [
    { value: 'due', label: 'excel.pane.asOf' },
    { value: 'invoice', label: 'excel.pane.asOf' },
  ],
};

describe('option fields', () => {
  test('defaults: the spec default; dates and months start empty (the period the data is about), never the as-of day', () => {
    expect(defaultValue(month, '2024-10-31')).toBeUndefined();
    expect(defaultValue(date, '2024-10-31')).toBeUndefined();
    expect(defaultValue(num, '2024-10-31')).toBe(5);
    expect(defaultValue(flag, '2024-10-31')).toBe(false);
    expect(defaultValue(choice, '2024-10-31')).toBe('due');
  });

  test('every job option gets a valid default', () => {
    for (const job of JOBS) {
      const values = defaultValues(job.options, '2024-10-31');
      for (const o of job.options) expect([job.id, o.name, isValid(o, values[o.name])]).toEqual([job.id, o.name, true]);
    }
  });

  test('the ribbon’s defaults give reconcile, sales and receivables no date at all, so core picks the data’s period', () => {
    for (const id of ['reconcile', 'sales', 'receivables']) {
      const job = JOBS.find((j) => j.id === id);
      const values = defaultValues(job?.options ?? [], '2026-12-02');
      expect([id, values.period, values.from, values.to, values.month]).toEqual([id, undefined, undefined, undefined, undefined]);
    }
  });

  test('the month field says when filled dates win over it', () => {
    const period: OptionSpec = { name: 'period', type: 'month', label: 'excel.pane.asOf' };
    expect(datesWinOver(period, { period: '2026-10', from: '2026-10-05' })).toBe(true);
    expect(datesWinOver(period, { period: '2026-10' })).toBe(false);
    expect(datesWinOver(period, { from: '2026-10-05' })).toBe(false);
  });

  test('form text is coerced to the option type; bad values are caught', () => {
    expect(coerce(num, '1,200')).toBe(1200);
    expect(coerce(num, '')).toBeUndefined();
    expect(coerce(num, 'abc')).toBeUndefined();
    expect(coerce(flag, true)).toBe(true);
    expect(isValid(month, '2024-13')).toBe(false);
    expect(isValid(month, '2024-12')).toBe(true);
    expect(isValid(date, '2024/3/5')).toBe(false);
    expect(isValid(choice, 'neither')).toBe(false);
  });

  test('today is a local ISO date', () => {
    expect(todayIso(new Date(2024, 2, 5, 23, 59))).toBe('2024-03-05');
  });
});

describe('ribbon', () => {
  test('one ExecuteFunction per job, and the manifest names each of them', () => {
    const manifest = readFileSync(path.join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
    const named = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(RIBBON_ACTIONS.map((a) => a.action).sort()).toEqual([...named].sort());
    expect(actionName('receivables')).toBe('runReceivables');
  });

  test('a ribbon button opens the pane and runs the job through it', async () => {
    const calls: string[] = [];
    const unregister = registerRunner(async (jobId) => {
      calls.push(`run ${jobId}`);
      return { ok: true, message: 'done' };
    });
    const out = await runFromRibbon('sales', async () => {
      calls.push('show');
    });
    expect(calls).toEqual(['show', 'run sales']);
    expect(out).toEqual({ ok: true, message: 'done' });
    unregister();
    expect(bridge().runJob).toBeUndefined();
  });

  test('a click before the pane is ready waits for it', async () => {
    const pending = runFromRibbon('structure', async () => undefined);
    const unregister = registerRunner(async (jobId) => ({ ok: true, message: jobId }));
    await expect(pending).resolves.toEqual({ ok: true, message: 'structure' });
    unregister();
  });

  test('a runner that throws gives a failed outcome, never an exception', async () => {
    const unregister = registerRunner(async () => {
      throw new Error('boom');
    });
    await expect(runFromRibbon('quotes', async () => undefined)).resolves.toEqual({ ok: false, message: 'boom' });
    unregister();
  });
});
