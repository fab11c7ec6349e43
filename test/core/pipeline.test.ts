import { runWorkbook } from '../../src/core/pipeline';
import type { Grid, GridValue } from '../../src/core/grid';
import { asIsoDate } from '../../src/core/values/brand';

const grid = (name: string, values: GridValue[][]): Grid => ({ name, values, formats: [], merges: [], hiddenRows: [], hiddenColumns: [], date1904: false });

const customers = grid('客户档案', [
  ['客户编码', '客户名称', '关联关系', '账期'],
  ['C001', '无锡恒通汽车零部件有限公司', '外部客户', 60],
]);
const samples = grid('样品登记', [
  ['样品编号', '样品名称', '借出人', '客户名称', '借出日期', '数量', '约定归还日期'],
  ['YP-001', '支架样件', '张伟', '无锡恒通汽车零部件有限公司', '2026年9月1日', '３', '2026-09-30'],
]);
const asOf = asIsoDate('2026-10-31');

describe('jobs with nothing to do', () => {
  test('receivables without invoices writes no sheet of its own and says so in one finding', () => {
    const out = runWorkbook([customers], { jobs: ['receivables'], asOf, lang: 'zh-CN' });
    expect(out.sheets.map((s) => s.name)).toEqual(['问题清单', 'ClerkDesk_state']);
    const receivables = out.outcomes.find((o) => o.job === 'receivables');
    expect(receivables?.sheets).toEqual([]);
    expect(receivables?.findings.map((f) => f.code)).toEqual(['nothing-to-do']);
    const findingsSheet = out.sheets[0].tables[0].rows;
    expect(findingsSheet.map((r) => r[2])).toContain('没有找到发票表，「应收账款」没有可做的，未写出工作表');
  });

  test('ledgers with only a sample register writes only the sample sheet and names each ledger it did not find', () => {
    const out = runWorkbook([customers, samples], { jobs: ['ledgers'], asOf, lang: 'zh-CN' });
    const ledgers = out.outcomes.find((o) => o.job === 'ledgers');
    expect(ledgers?.sheets).toEqual(['台账_样品间']);
    const missing = ledgers?.findings.filter((f) => f.code === 'no-table-for-sheet').map((f) => f.message.values?.sheet);
    expect(missing).toEqual(['台账_合同执行', '台账_客户财产', '台账_退货核对']);
    const en = runWorkbook([customers, samples], { jobs: ['ledgers'], asOf, lang: 'en-US' });
    expect(en.sheets.find((s) => s.purpose === 'findings')?.tables[0].rows.map((r) => r[2])).toContain('No Returns table found: "Ledger_Returns" not written');
  });
});
