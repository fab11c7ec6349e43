import { buildDirectory } from '../../src/core/parties';
import type { AnyTypedTable } from '../../src/core/tables/typed-table';

const customers: AnyTypedTable = {
  kind: 'customers',
  sheet: '客户档案',
  confidence: 1,
  headerRows: [1],
  firstDataRow: 2,
  lastDataRow: 4,
  columns: {},
  rows: [
    { sourceRow: 2, fields: { name: '苏州华工精密模具有限公司', aliases: '华工精密、HG Precision', group: 'related', termsDays: 60 } },
    { sourceRow: 3, fields: { name: '无锡锐达汽车部件有限公司', group: 'external', termsDays: 30 } },
    { sourceRow: 4, fields: { name: '常州恒通机械股份有限公司', code: 'C003' } },
  ],
};

describe('party directory', () => {
  const dir = buildDirectory([customers]);

  test('full name, bracketed suffix, alias and code all resolve to the master party', () => {
    const p = dir.resolve('苏州华工精密模具有限公司');
    expect(dir.resolve('苏州华工精密模具（有限公司）')).toBe(p);
    expect(dir.resolve('华工精密')).toBe(p);
    expect(dir.resolve('hg precision')).toBe(p);
    expect(dir.resolve('C003').name).toBe('常州恒通机械股份有限公司');
    expect(p.group).toBe('related');
    expect(p.termsDays).toBe(60);
  });

  test('a short form inside exactly one master name resolves to it', () => {
    expect(dir.resolve('锐达汽车').name).toBe('无锡锐达汽车部件有限公司');
  });

  test('an unknown name is an external party of its own, the same object each time', () => {
    const a = dir.resolve('上海新客户有限公司');
    expect(a.known).toBe(false);
    expect(a.group).toBe('external');
    expect(dir.resolve('上海新客户有限公司')).toBe(a);
  });

  test('missing group defaults to external', () => {
    expect(dir.resolve('常州恒通机械').group).toBe('external');
  });
});
