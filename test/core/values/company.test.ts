import { companyKey } from '../../../src/core/values/company';

describe('companyKey: spellings of one company agree', () => {
  const groups: string[][] = [
    [
      '苏州华工精密模具有限公司',
      '苏州华工精密模具（有限公司）',
      '苏州华工精密模具(有限公司)',
      '苏州华工精密模具有限责任公司',
      '苏州华工精密模具股份有限公司',
      '苏州华工精密模具公司',
      '苏州华工精密模具',
      ' 苏州华工精密模具有限公司 ',
      '苏州 华工 精密模具 有限公司',
      '苏州华工精密模具有限公司。',
      '苏州华工精密模具有限公司\n',
      '苏州华工精密模具　有限公司',
      '【苏州华工精密模具】有限公司',
    ],
    ['博世汽车部件（苏州）有限公司', '博世汽车部件(苏州)有限公司', '博世汽车部件 (苏州) 有限公司'],
    ['大金空调（中国）有限公司', '大金空调(中国)有限公司', '大金空调有限公司', '大金空调中国有限公司'],
    ['昆山恒达电子科技股份有限公司', '昆山恒达电子科技股份公司', '昆山恒达电子科技'],
    ['Suzhou Huagong Precision Mould Co., Ltd.', 'SUZHOU HUAGONG PRECISION MOULD CO.,LTD', 'Suzhou Huagong Precision Mould Co. Ltd', 'Suzhou Huagong Precision Mould Limited', 'Ｓｕｚｈｏｕ Ｈｕａｇｏｎｇ Ｐｒｅｃｉｓｉｏｎ Ｍｏｕｌｄ'],
    ['ABB (China) Ltd.', 'ABB Ltd', 'ABB'],
    ['江苏华工集团有限公司', '江苏华工集团公司', '江苏华工集团'],
    ['华工精密模具有限公司昆山分公司', '华工精密模具昆山分公司', '华工精密模具有限公司 昆山分公司'],
  ];
  test.each(groups.map((g) => [g[0], g]))('%s', (_first, group) => {
    const keys = new Set((group as string[]).map(companyKey));
    expect([...keys]).toHaveLength(1);
  });

  test('the key of the issue example', () => {
    expect(companyKey('苏州华工精密模具有限公司')).toBe('苏州华工精密模具');
    expect(companyKey('苏州华工精密模具（有限公司）')).toBe('苏州华工精密模具');
  });
});

describe('companyKey: different companies stay apart', () => {
  test.each<[string, string]>([
    ['苏州华工精密模具有限公司', '苏州华工精密模具（昆山）有限公司'], // a sister company in another city
    ['苏州华工精密模具有限公司', '苏州华工精密模具有限公司昆山分公司'], // a branch is its own party
    ['苏州华工精密模具有限公司', '苏州华工精密有限公司'],
    ['苏州华工精密模具有限公司', '无锡华工精密模具有限公司'],
    ['苏州华工精密模具有限公司', '苏州华工精密模具厂'],
    ['江苏华工集团有限公司', '江苏华工有限公司'],
    ['Zinc Industries Ltd', 'Z Industries Ltd'],
    ['Zinc', 'Z'],
    ['恒达电子', '恒达电子科技'],
  ])('%s ≠ %s', (a, b) => {
    expect(companyKey(a)).not.toBe(companyKey(b));
  });

  test('a name that is only a legal form keeps a key (never empty)', () => {
    expect(companyKey('有限公司')).not.toBe('');
    expect(companyKey('Co., Ltd.')).not.toBe('');
    expect(companyKey('Zinc Inc.')).toBe('zinc');
  });
});
