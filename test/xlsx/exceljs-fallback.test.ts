/**
 * The ExcelJS fallback (a workbook the zip-level patcher cannot handle is rewritten whole) must not drop what it
 * cannot write (issue 13, item 7): --in-place is refused with a sentence naming what would be lost.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { t } from '../../src/core/i18n';
import { asIsoDate } from '../../src/core/values/brand';
import { partsExcelJsDrops } from '../../src/xlsx/sniff';
import { bookWithoutStyles } from './tiny-books';

test('what ExcelJS would drop: parts by name, protection, sparklines and x14 validation by content', () => {
  const texts: Record<string, string> = {
    'xl/workbook.xml': '<workbook><workbookProtection lockStructure="1"/><sheets/></workbook>',
    'xl/worksheets/sheet1.xml': '<worksheet><extLst><ext><x14:sparklineGroups><x14:sparklineGroup/></x14:sparklineGroups><x14:dataValidations count="1"/></ext></extLst></worksheet>',
  };
  const names = [...Object.keys(texts), 'xl/pivotCache/pivotCacheDefinition1.xml', 'customXml/item1.xml', 'docProps/custom.xml'];
  expect(partsExcelJsDrops(names, (n) => texts[n] ?? null).sort()).toEqual(['customProperties', 'customXml', 'extendedValidation', 'pivotCaches', 'sparklines', 'workbookProtection']);
  expect(partsExcelJsDrops(['xl/workbook.xml', 'xl/worksheets/sheet1.xml'], () => '<worksheet><dataValidations count="1"/></worksheet>')).toEqual([]);
});

test('--in-place on a workbook only ExcelJS can rewrite, holding custom XML and document properties: refused, named, unchanged', async () => {
  // No styles part: the patcher declines such a workbook, so the host rewrites it whole with ExcelJS.
  const w = await bookWithoutStyles();
  w.add('customXml/item1.xml', '<root xmlns="urn:erp">客户编码映射</root>');
  w.add('docProps/custom.xml', '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>');
  const book = w.finish();
  const dir = mkdtempSync(join(tmpdir(), 'clerk-fallback-'));
  try {
    writeFileSync(join(dir, 'book.xlsx'), book);
    let err = '';
    const code = await main(['all', 'book.xlsx', '--in-place', '--as-of', '2026-10-31'], { stdout: () => undefined, stderr: (s) => (err += s), cwd: dir, today: () => asIsoDate('2026-10-31'), progressEvery: 1e9 });
    expect(code).toBe(1);
    const parts = [t('zh-CN', 'xlsx.part.customXml'), t('zh-CN', 'xlsx.part.customProperties')].join('、');
    expect(err.trim()).toBe(t('zh-CN', 'xlsx.error.wouldDrop', { file: 'book.xlsx', parts }));
    expect(readFileSync(join(dir, 'book.xlsx')).equals(book)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
