/**
 * Ownership marks in a file (issue 13 item 2): read with the conforming parser whatever the writer's XML style, and
 * written by the ExcelJS fallback too (ExcelJS itself keeps no sheet-scoped text names).
 */
import { XlsxHost } from '../../src/xlsx';
import { readOwnerMarks } from '../../src/xlsx/owner-marks';
import { bookWithoutStyles } from './tiny-books';
import { runOnHost } from '../../src/core/run-on-host';
import { readState } from '../../src/core/state';
import { asIsoDate } from '../../src/core/values/brand';

test('marks are read from any well-formed workbook part: a prefix, single quotes, an entity, the scope by position', () => {
  const xml = `<?xml version="1.0"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <x:sheets><x:sheet name='出货' sheetId='1' r:id='rId1'/><x:sheet name="账龄分析" sheetId="2" r:id="rId2"/><x:sheet name="问题清单" sheetId="3" r:id="rId3"/></x:sheets>
  <x:definedNames>
    <x:definedName name='_ClerkDesk_Owned' localSheetId='2' hidden='1'>&quot;CD-7&quot;</x:definedName>
    <x:definedName name="_ClerkDesk_Owned" localSheetId="1" hidden="false">"CD-3"</x:definedName>
    <x:definedName name="_ClerkDesk_Owned">"CD-9"</x:definedName>
    <x:definedName name="_xlnm.Print_Area" localSheetId="0">'出货'!$A$1:$E$9</x:definedName>
  </x:definedNames>
</x:workbook>`;
  expect([...readOwnerMarks(xml, 'xl/workbook.xml')]).toEqual([
    ['问题清单', 'CD-7'],
    ['账龄分析', 'CD-3'],
  ]);
});

test('the ExcelJS fallback writes the marks as well: the next run reuses our sheets in place', async () => {
  // No styles part: the patcher declines such a workbook, so the host rewrites it whole with ExcelJS.
  const w = await bookWithoutStyles();
  const request = { jobs: ['structure'] as const, asOf: asIsoDate('2026-10-31'), lang: 'zh-CN' as const };
  const host = await XlsxHost.open(w.finish(), 'book.xlsx');
  const first = await runOnHost(host, request);
  expect(host.rewroteWholeWorkbook).toBe(true);
  const written = await (await XlsxHost.open(await host.toBuffer(), 'book.xlsx')).readWorkbook();
  const state = readState(written.grids);
  expect(state.owned.length).toBe(first.plan.layouts.length - 1);
  for (const o of state.owned) expect(written.grids.find((g) => g.name === o.sheet)?.ownerMark).toBe(o.mark);

  const again = await XlsxHost.open(await host.toBuffer(), 'book.xlsx');
  const second = await runOnHost(again, request);
  expect(second.plan.renamed).toEqual({});
  expect(second.findings.some((f) => f.code === 'sheet-is-hers')).toBe(false);
  expect((await (await XlsxHost.open(await again.toBuffer(), 'book.xlsx')).readWorkbook()).existing.sheets).toEqual(written.existing.sheets);
});
