/** Macro-enabled workbooks stay macro-enabled (issue 13, item 6): default name, content type and vbaProject.bin. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { defaultOutPath, main } from '../../src/cli/main';
import { t } from '../../src/core/i18n';
import { asIsoDate } from '../../src/core/values/brand';
import { workbookKind } from '../../src/xlsx/host';
import { ZipReader, ZipWriter } from '../../src/xlsx/zip';
import { tinyShippingListZip } from './tiny-books';

const MACRO_CT = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
/** Not a real VBA project: bytes that must come out exactly as they went in. */
const VBA = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256));

async function macroBook(): Promise<Buffer> {
  const z = await tinyShippingListZip();
  const w = new ZipWriter();
  for (const e of z.entries.values()) {
    const text = z.text(e.name)!;
    if (e.name === '[Content_Types].xml') w.add(e.name, text.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', MACRO_CT).replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    else if (e.name === 'xl/_rels/workbook.xml.rels') w.add(e.name, text.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    else w.copy(z, e);
  }
  w.add('xl/vbaProject.bin', VBA);
  return w.finish();
}

const run = (cwd: string, argv: string[]) => {
  let err = '';
  return main(argv, { stdout: () => undefined, stderr: (s) => (err += s), cwd, today: () => asIsoDate('2026-10-31'), progressEvery: 1e9 }).then((code) => ({ code, err }));
};

test('the default output of an .xlsm is an .xlsm; templates keep their extension too', () => {
  expect(defaultOutPath('对账.xlsm')).toBe('对账.clerk-desk.xlsm');
  expect(defaultOutPath('模板.XLTX')).toBe('模板.clerk-desk.xltx');
  expect(defaultOutPath('book.xlsx')).toBe('book.clerk-desk.xlsx');
});

test('the workbook kind comes from the content type', () => {
  const types = (ct: string) => `<Types><Override PartName="/xl/workbook.xml" ContentType="${ct}"/></Types>`;
  expect(workbookKind(types(MACRO_CT), 'xl/workbook.xml')).toBe('xlsm');
  expect(workbookKind(types('application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'), 'xl/workbook.xml')).toBe('xltx');
  expect(workbookKind(types('application/vnd.ms-excel.template.macroEnabled.main+xml'), 'xl/workbook.xml')).toBe('xltm');
  expect(workbookKind(types('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'), 'xl/workbook.xml')).toBe('xlsx');
});

test('an .xlsm run writes an .xlsm with its macros byte for byte and its content type; --out x.xlsx is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clerk-xlsm-'));
  try {
    writeFileSync(join(dir, '对账.xlsm'), await macroBook());
    expect((await run(dir, ['all', '对账.xlsm', '--as-of', '2026-10-31'])).code).toBe(0);
    const out = ZipReader.open(readFileSync(join(dir, '对账.clerk-desk.xlsm')));
    expect(out.read('xl/vbaProject.bin')!.equals(VBA)).toBe(true);
    expect(out.text('[Content_Types].xml')).toContain(MACRO_CT);
    expect(out.text('xl/_rels/workbook.xml.rels')).toContain('vbaProject');

    const r = await run(dir, ['all', '对账.xlsm', '--out', '结果.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(t('zh-CN', 'cli.error.outKind', { file: '对账.xlsm', kind: '.xlsm', out: '结果.xlsx' }));
    expect(existsSync(join(dir, '结果.xlsx'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['对账.clerk-desk.xlsm', '对账.xlsm']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
