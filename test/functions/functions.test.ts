/**
 * The Excel facade: an error from impl comes back as a CustomFunctions.Error value (returned, never thrown), and the
 * JSDoc metadata the build generates names every function in the registry with the right parameters.
 */
import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as facade from '../../src/functions/excel-bindings';
import { FUNCTIONS } from '../../src/functions/registry';

class FakeCfError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const fakeRuntime = () => {
  const associated: string[] = [];
  return {
    associated,
    runtime: {
      Error: FakeCfError,
      ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!', notAvailable: '#N/A' },
      associate: (id: string) => associated.push(id),
    },
  };
};

const g = globalThis as { CustomFunctions?: unknown; Office?: unknown };

afterEach(() => {
  delete g.CustomFunctions;
  delete g.Office;
});

describe('custom-function facades', () => {
  test('values pass straight through', () => {
    expect(facade.rmbUpperFn(1409.5)).toBe('人民币壹仟肆佰零玖元伍角');
    expect(facade.amountFn('¥1,234.50')).toBe(1234.5);
    expect(facade.dateFn('2024年3月5日')).toBe(45356);
    expect(facade.dateFn('3月5日', 2024)).toBe(45356);
    expect(facade.taxFn(1130, '13%')).toBe(130);
    expect(facade.netFn(1130, 0.13)).toBe(1000);
    expect(facade.companyKeyFn('苏州华工精密模具（有限公司）')).toBe('苏州华工精密模具');
  });

  test('inside Excel an error is a returned CustomFunctions.Error: #VALUE!/#N/A with the message, #NUM! without', () => {
    const { runtime } = fakeRuntime();
    g.CustomFunctions = runtime;
    const v = facade.rmbUpperFn('小计');
    expect(v).toBeInstanceOf(FakeCfError);
    expect(v).toEqual(new FakeCfError('#VALUE!', '金额“小计”不是金额。'));
    expect(facade.amountFn('')).toEqual(new FakeCfError('#N/A', '金额为空。'));
    const num = facade.rmbUpperFn(1e20);
    expect(num).toEqual(new FakeCfError('#NUM!'));
    expect((num as FakeCfError).message).toBeUndefined();
  });

  test('the message follows Office\'s display language', () => {
    g.CustomFunctions = fakeRuntime().runtime;
    g.Office = { context: { displayLanguage: 'en-US' } };
    expect(facade.taxFn(1130, '150%')).toEqual(new FakeCfError('#VALUE!', 'The tax rate "150%" is not a tax rate (0%–100%, such as 13%, 0.13 or 13).'));
  });

  test('outside Excel nothing throws: the error is a plain object', () => {
    expect(() => facade.netFn('abc', 0.13)).not.toThrow();
    expect(facade.netFn('abc', 0.13)).toEqual({ code: '#VALUE!', message: '含税金额“abc”不是金额。' });
  });

  test('associateAll associates every function when the runtime is there, and does nothing otherwise', () => {
    expect(facade.associateAll(undefined)).toBe(0);
    const { runtime, associated } = fakeRuntime();
    expect(facade.associateAll(runtime as never)).toBe(FUNCTIONS.length);
    expect(associated.sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
  });
});

describe('functions.json from the JSDoc', () => {
  test('one entry per registered function, same parameters, types Excel accepts', async () => {
    const file = path.resolve(__dirname, '../../src/functions/excel-bindings.ts');
    const result = await generateCustomFunctionsMetadata([file], true);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson) as {
      functions: { id: string; parameters: { name: string; type?: string; optional?: boolean }[] }[];
    };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const spec of FUNCTIONS) {
      const m = meta.functions.find((f) => f.id === spec.name)!;
      expect(m.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(m.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
      for (const p of m.parameters) expect(['number', 'string', 'boolean', 'any']).toContain(p.type ?? 'any');
    }
    // the appended associate calls name functions that exist in the module
    for (const a of result.associate) expect(typeof (facade as Record<string, unknown>)[a.functionName]).toBe('function');
  });
});
