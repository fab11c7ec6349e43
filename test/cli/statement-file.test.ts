/**
 * `--statement their.xlsx` (issue 15): their statement arrives as a workbook of its own. Built here from the sample:
 * the 华工精密 statement is moved out of her book into its own file; reconciling her book with that file gives the
 * same 华工精密 result as when the statement sat inside her book, and the file itself is never written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { asIsoDate } from '../../src/core/values/brand';

const sample = resolve(__dirname, '../../assets/sample/clerk-sample.xlsx');
const dir = mkdtempSync(join(tmpdir(), 'clerk-desk-statement-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SHEET = '对账单-华工精密';

type Cp = { name: string; counts: Record<string, number>; oursTotal: number; theirsTotal: number; unexplained: number };

async function reconcile(book: string, extra: string[], name: string): Promise<{ code: number; stderr: string; cps: Cp[] }> {
  let stderr = '';
  const json = join(dir, `${name}.json`);
  const code = await main(['reconcile', book, '--out', join(dir, `${name}.out.xlsx`), '--json', json, '--period', '2026-10', ...extra], {
    stdout: () => undefined,
    stderr: (s) => (stderr += s),
    today: () => asIsoDate('2026-12-02'),
  });
  return { code, stderr, cps: code === 0 ? (JSON.parse(readFileSync(json, 'utf8')).reconcile.counterparties as Cp[]) : [] };
}

test('--statement is repeatable and parsed as a list', () => {
  const p = parseArgs(['reconcile', 'a.xlsx', '--statement', 'x.xlsx', '--statement=y.xlsx']);
  expect(p.kind === 'run' ? p.statements : null).toEqual(['x.xlsx', 'y.xlsx']);
});

(existsSync(sample) ? describe : describe.skip)('a statement emailed as its own workbook', () => {
  const hers = join(dir, 'hers.xlsx');
  const theirs = join(dir, '华工精密10月对账单.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sample);
    const src = wb.getWorksheet(SHEET)!;
    const out = new ExcelJS.Workbook();
    const ws = out.addWorksheet('Sheet1');
    src.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const target = ws.getCell(r, c);
        target.value = cell.value;
        target.numFmt = cell.numFmt;
      });
    });
    await out.xlsx.writeFile(theirs);
    wb.removeWorksheet(src.id);
    await wb.xlsx.writeFile(hers);
  });

  test('reconciles 华工精密 against the file as it did against the sheet inside her book', async () => {
    const inside = await reconcile(sample, [], 'inside');
    const before = readFileSync(theirs);
    const without = await reconcile(hers, [], 'without');
    const withFile = await reconcile(hers, ['--statement', theirs], 'with');
    const hg = (cps: Cp[]) => cps.find((c) => c.name === '苏州华工精密模具有限公司');
    expect(hg(without.cps)).toBeUndefined();
    // The same lines and figures; their lines now point at the file's sheet.
    const renamed = JSON.parse(JSON.stringify(hg(withFile.cps) ?? null).split('华工精密10月对账单｜Sheet1').join(SHEET));
    expect([withFile.code, renamed]).toEqual([0, hg(inside.cps)]);
    expect(hg(inside.cps)?.counts['prior-period']).toBe(1);
    expect(readFileSync(theirs).equals(before)).toBe(true);
  });

  test('a file that is not there is one sentence and exit 1', async () => {
    const missing = await reconcile(hers, ['--statement', join(dir, 'nope.xlsx')], 'missing');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.xlsx');
  });
});
