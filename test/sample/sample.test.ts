/**
 * The sample workbook (assets/sample/clerk-sample.xlsx): deterministic, up to date with its script, and every
 * planted case in planted.json points at a cell that exists and holds what its note says.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSample, plainValue, type Planted, type PlantedEntry, type PlantedRef, type PlainValue } from '../../scripts/sample/build';
import { parseDate, parseMoney, parseQuantity } from '../../src/core/values/parse';
import { parseA1 } from '../../src/core/values/address';
import { companyKey } from '../../src/core/values/company';
import { normalizeDocNo } from '../../src/core/values/text';
import type { GridValue } from '../../src/core/grid';

const ASSETS = join(__dirname, '..', '..', 'assets', 'sample');

interface SheetDump {
  cells: Record<string, PlainValue>;
  merges: string[];
}
type Dump = Record<string, SheetDump>;

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

function dump(wb: ExcelJS.Workbook): Dump {
  const out: Dump = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, PlainValue> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        cells[cell.address] = plainValue(cell.value);
      }),
    );
    const merges = [...(((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []) as string[])].sort();
    out[ws.name] = { cells, merges };
  }
  return out;
}

let fresh: { workbook: ExcelJS.Workbook; planted: Planted };
let freshBack: ExcelJS.Workbook;
let committed: ExcelJS.Workbook;
let committedPlanted: Planted;

beforeAll(async () => {
  fresh = await buildSample();
  freshBack = await roundTrip(fresh.workbook);
  committed = new ExcelJS.Workbook();
  await committed.xlsx.readFile(join(ASSETS, 'clerk-sample.xlsx'));
  committedPlanted = JSON.parse(readFileSync(join(ASSETS, 'planted.json'), 'utf8')) as Planted;
});

const sheetOf = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const valueAt = (wb: ExcelJS.Workbook, ref: PlantedRef) => plainValue(sheetOf(wb, ref.sheet).getCell(ref.cell!).value);
/** The cell in the same row under the header `header` (header rows are within the first 6 rows). */
function sameRow(wb: ExcelJS.Workbook, ref: PlantedRef, header: string): PlainValue {
  const ws = sheetOf(wb, ref.sheet);
  for (let r = 1; r <= 6; r++) {
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = ws.getCell(r, c).value;
      if (typeof v === 'string' && v.replace(/\s/g, '') === header) return plainValue(ws.getCell(ref.row, c).value);
    }
  }
  throw new Error(`no header ${header} on ${ref.sheet}`);
}
/** A plain value as a Grid value (what a host would hand to core). */
const gridValue = (v: PlainValue): GridValue => (v === null ? null : typeof v === 'object' ? ('error' in v ? { error: v.error } : null) : v);
/** Planted cases; never empty, so a loop over them cannot pass by checking nothing. */
function cases(job: string, code?: string, nearMiss?: boolean): PlantedEntry[] {
  const found = committedPlanted.cases.filter((c) => c.job === job && (code === undefined || c.code === code) && (nearMiss === undefined || c.nearMiss === nearMiss));
  expect([job, code, nearMiss, found.length > 0]).toEqual([job, code, nearMiss, true]);
  return found;
}
const one = (job: string, code: string, nearMiss = false): PlantedEntry => {
  const list = cases(job, code, nearMiss);
  if (list.length === 0) throw new Error(`no planted ${job}/${code}`);
  return list[0];
};
const isoOf = (v: PlainValue, year = 2026): string | undefined => {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const p = parseDate(gridValue(v), null, { date1904: false, defaultYear: year });
  return p.ok ? p.value : undefined;
};
const yuan = (v: PlainValue): number => {
  const p = parseMoney(gridValue(v));
  if (!p.ok) throw new Error(`not money: ${JSON.stringify(v)}`);
  return p.value / 100;
};

describe('the generator', () => {
  it('is deterministic: two builds give the same cell values, merges and planted list', async () => {
    const again = await buildSample();
    const a = dump(freshBack);
    const b = dump(await roundTrip(again.workbook));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect({ sheet: name, ...b[name] }).toEqual({ sheet: name, ...a[name] });
    expect(again.planted).toEqual(fresh.planted);
  });

  it('never reads the clock: no Date.now() or new Date() without arguments in the scripts', () => {
    for (const f of ['build.ts', 'generate.ts', 'model.ts', 'write.ts', 'prng.ts']) {
      const src = readFileSync(join(__dirname, '..', '..', 'scripts', 'sample', f), 'utf8');
      expect({ f, clock: /Date\.now\(|new Date\(\s*\)|Math\.random\(/.test(src) }).toEqual({ f, clock: false });
    }
  });

  it('the committed workbook is up to date with the script, sheet by sheet', () => {
    const want = dump(freshBack);
    const have = dump(committed);
    expect(Object.keys(have)).toEqual(Object.keys(want));
    for (const name of Object.keys(want)) expect({ sheet: name, ...have[name] }).toEqual({ sheet: name, ...want[name] });
  });

  it('the committed planted.json and PLANTED.md are up to date', () => {
    expect(committedPlanted).toEqual(JSON.parse(JSON.stringify(fresh.planted)));
    const md = readFileSync(join(ASSETS, 'PLANTED.md'), 'utf8');
    for (const c of committedPlanted.cases) if (c.cell) expect(md).toContain(c.cell);
  });
});

describe('the workbook', () => {
  it('has the clerk\'s sheets, both warehouse templates and the three statements', () => {
    const names = committed.worksheets.map((w) => w.name);
    for (const n of ['客户档案', '报价台账', '合同台账', '出货明细2025.11-2026.06', '7月出货清单', '8月出货清单', '9月出货清单', '10月出货清单', '对账单-华工精密', '对账单-无锡华工', '对账单-嘉兴华工', '开票明细', '回款明细', '客户财产台账', '盘点表', '退货记录', '样品登记']) {
      expect(names).toContain(n);
    }
  });

  it('has about ten customers, three of them related, with 30/60/90-day terms', () => {
    const ws = sheetOf(committed, '客户档案');
    const rows: { name: string; group: string; terms: string }[] = [];
    for (let r = 4; r <= ws.rowCount; r++) {
      const name = ws.getCell(r, 2).value;
      if (typeof name === 'string' && name) rows.push({ name, group: String(ws.getCell(r, 4).value), terms: String(ws.getCell(r, 5).value) });
    }
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(rows.filter((r) => r.group.startsWith('关联'))).toHaveLength(3);
    expect(new Set(rows.map((r) => r.terms.replace('天', '')))).toEqual(new Set(['30', '60', '90']));
  });

  it('carries a few hundred shipment lines over the year, spelled the way the warehouse spells them', () => {
    let lines = 0;
    const forms = new Set<string>();
    const custKeys = new Map<string, Set<string>>();
    for (const ws of committed.worksheets.filter((w) => /出货/.test(w.name))) {
      ws.eachRow((row) => {
        const dn = row.getCell(3).value;
        if (typeof dn !== 'string' || !/^DN\d{6}$/.test(dn)) return;
        lines++;
        const d = row.getCell(2).value;
        forms.add(d instanceof Date ? 'excel-date' : typeof d === 'string' ? (/[０-９]/.test(d) ? 'full-width' : /年/.test(d) ? 'yyyy年m月d日' : /月/.test(d) ? 'm月d日' : /\./.test(d) ? 'dots' : 'slashes') : typeof d);
        const c = String(row.getCell(4).value);
        const k = companyKey(c);
        custKeys.set(k, (custKeys.get(k) ?? new Set()).add(c));
      });
    }
    expect(lines).toBeGreaterThanOrEqual(200);
    expect(lines).toBeLessThanOrEqual(600);
    for (const f of ['excel-date', 'yyyy年m月d日', 'm月d日', 'dots', 'slashes', 'full-width']) expect(forms).toContain(f);
    // the same company written more than one way (full-width brackets, trailing spaces)
    expect([...custKeys.values()].some((s) => s.size > 1)).toBe(true);
  });

  it('switches the warehouse template mid-year: single-row header before, two-row merged header after', () => {
    const old = sheetOf(committed, '出货明细2025.11-2026.06');
    expect(old.getCell('B3').value).toBe('出货日期');
    const oct = sheetOf(committed, '10月出货清单');
    expect(oct.getCell('A2').value).toBe('2026年10月出货清单');
    expect(oct.getCell('K4').value).toBe('单价');
    expect(oct.getCell('K5').value).toBe('含税');
    expect(oct.getCell('L5').value).toBe('不含税');
    expect(oct.getCell('M4').value).toBe('金额');
    const merges = dump(committed)['10月出货清单'].merges;
    expect(merges).toEqual(expect.arrayContaining(['K4:L4', 'M4:N4', 'A4:A5']));
    const texts = Object.values(dump(committed)['10月出货清单'].cells).filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /小计$/.test(t))).toBe(true);
    expect(texts).toContain('合计');
    expect(texts.some((t) => t.startsWith('制表'))).toBe(true);
  });

  it('every statement has the title 对账单 and the period line, each in its own layout', () => {
    const headers = new Set<string>();
    for (const name of ['对账单-华工精密', '对账单-无锡华工', '对账单-嘉兴华工']) {
      const texts = Object.values(dump(committed)[name].cells).filter((v): v is string => typeof v === 'string');
      expect(texts.some((t) => t.replace(/\s/g, '').includes('对账单'))).toBe(true);
      expect(texts).toContain('对账期间：2026-10-01至2026-10-31');
      const ws = sheetOf(committed, name);
      for (let r = 3; r <= 6; r++) {
        const row = ws.getRow(r).values as unknown[];
        if (row.some((v) => v === '备注')) headers.add(row.filter((v) => typeof v === 'string').join('|'));
      }
    }
    expect(headers.size).toBe(3);
  });

  it('contract lines that are not planted are clean: qty × price = amount, net + tax = amount, 13% or 6%, the total ties', () => {
    const ws = sheetOf(committed, '合同台账');
    const planted = new Set(cases('quotes').filter((c) => !c.nearMiss).map((c) => c.row));
    planted.add(one('structure', 'negative-not-allowed').row);
    const totals = new Map<string, { stated?: number; sum: number }>();
    let checked = 0;
    for (let r = 4; r <= ws.rowCount; r++) {
      const no = ws.getCell(r, 1).value;
      if (typeof no !== 'string') continue;
      const qty = Number(ws.getCell(r, 9).value);
      const price = Number(ws.getCell(r, 11).value);
      const amount = Number(ws.getCell(r, 13).value);
      const net = Number(ws.getCell(r, 14).value);
      const tax = Number(ws.getCell(r, 15).value);
      const rate = ws.getCell(r, 16).value;
      const t = totals.get(no) ?? { sum: 0 };
      t.sum = Math.round((t.sum + amount) * 100) / 100;
      const stated = ws.getCell(r, 17).value;
      if (stated !== null && stated !== undefined) t.stated = yuan(plainValue(stated));
      totals.set(no, t);
      if (planted.has(r)) continue;
      checked++;
      expect(Math.abs(qty * price - amount)).toBeLessThanOrEqual(0.0100001);
      expect(Math.round((net + tax) * 100)).toBe(Math.round(amount * 100));
      expect(['13%', 0.13, 0.06]).toContain(rate);
    }
    expect(checked).toBeGreaterThan(100);
    const mismatched = [...totals.entries()].filter(([, t]) => t.stated !== undefined && Math.abs(t.stated - t.sum) > 0.001).map(([no]) => no);
    const plantedTotal = one('quotes', 'total-mismatch').expect!.contractNo;
    expect(mismatched).toEqual([plantedTotal]);
  });
});

describe('the figures in planted.json', () => {
  it('sales by month are the invoice sheet\'s own sums, red-letter invoices netted', () => {
    const ws = sheetOf(committed, '开票明细');
    const gross = new Map<string, number>();
    let credits = 0;
    for (let r = 3; r <= ws.rowCount; r++) {
      const d = ws.getCell(r, 2).value;
      if (!(d instanceof Date)) continue;
      const amount = yuan(plainValue(ws.getCell(r, 10).value));
      if (amount < 0) credits++;
      const m = d.toISOString().slice(0, 7);
      gross.set(m, Math.round(((gross.get(m) ?? 0) + amount) * 100) / 100);
    }
    expect(credits).toBeGreaterThanOrEqual(1);
    for (const [m, v] of Object.entries(committedPlanted.figures.salesGrossByMonth)) expect({ m, v: gross.get(m) ?? 0 }).toEqual({ m, v });
  });

  it('outstanding = invoiced − received + unapplied, and only the planted customers miss their targets', () => {
    const miss: string[] = [];
    for (const c of committedPlanted.figures.customers) {
      expect(Math.round((c.invoiced - c.received + c.unapplied) * 100)).toBe(Math.round(c.outstanding * 100));
      if (c.octRate !== null && c.octRate < c.octTarget) miss.push(c.code);
    }
    expect(miss.sort()).toEqual(cases('receivables', 'collection-below-target').map((c) => c.party).sort());
    const related = committedPlanted.figures.customers.filter((c) => c.related);
    expect(related).toHaveLength(3);
  });
});

describe('planted.json', () => {
  it('lists cases for every job, with near misses for the quote rules', () => {
    const jobs = new Set(committedPlanted.cases.map((c) => c.job));
    for (const j of ['structure', 'quotes', 'reconcile', 'receivables', 'ledgers']) expect(jobs).toContain(j);
    const rules = ['no-quote', 'price-mismatch', 'quote-expired', 'amount-mismatch', 'tax-rate-mismatch', 'tax-mismatch', 'customer-mismatch', 'duplicate-line', 'total-mismatch', 'below-minimum-quantity'];
    for (const r of rules) {
      expect(cases('quotes', r, false).length).toBeGreaterThan(0);
      expect(cases('quotes', r, true).length).toBeGreaterThan(0);
    }
    for (const c of ['not-a-number', 'not-a-date', 'ambiguous-date', 'formula-error', 'missing-required', 'negative-not-allowed', 'duplicate-key']) expect(cases('structure', c)).toHaveLength(1);
    for (const c of ['matched', 'amount-diff', 'qty-diff', 'only-ours', 'only-theirs', 'in-transit', 'duplicate', 'possible']) expect(cases('reconcile', c).length).toBeGreaterThan(0);
  });

  it('every entry points at a cell that exists and holds the value it records', () => {
    for (const c of committedPlanted.cases) {
      for (const ref of [c, ...(c.also ?? [])]) {
        expect(committed.getWorksheet(ref.sheet)).toBeDefined();
        expect(ref.row).toBeGreaterThan(0);
        if (!ref.cell) continue;
        expect(parseA1(ref.cell)?.row).toBe(ref.row);
        expect({ case: `${c.job}/${c.code}`, cell: ref.cell, value: valueAt(committed, ref) }).toEqual({ case: `${c.job}/${c.code}`, cell: ref.cell, value: ref.value ?? null });
      }
    }
  });

  describe('structure cells hold the bad value their code names', () => {
    it('not-a-number: text that does not read as a quantity', () => {
      const c = one('structure', 'not-a-number');
      const v = valueAt(committed, c);
      expect(typeof v).toBe('string');
      expect(parseQuantity(gridValue(v))).toEqual({ ok: false, reason: 'not-a-number' });
    });
    it('not-a-date: 2026-02-30, a day that does not exist', () => {
      const c = one('structure', 'not-a-date');
      expect(valueAt(committed, c)).toBe('2026-02-30');
      expect(parseDate('2026-02-30', null, { date1904: false })).toMatchObject({ ok: false });
    });
    it('ambiguous-date: 05/03/26', () => {
      const c = one('structure', 'ambiguous-date');
      expect(valueAt(committed, c)).toBe('05/03/26');
      expect(parseDate('05/03/26', null, { date1904: false })).toEqual({ ok: false, reason: 'ambiguous-date' });
    });
    it('formula-error: a formula whose cached result is #N/A', () => {
      const c = one('structure', 'formula-error');
      const v = valueAt(committed, c) as { formula: string; result: unknown };
      expect(v.formula).toMatch(/^VLOOKUP\(/);
      expect(v.result).toEqual({ error: '#N/A' });
    });
    it('missing-required: a shipment row with everything but its part code', () => {
      const c = one('structure', 'missing-required');
      expect(valueAt(committed, c)).toBeNull();
      expect(sameRow(committed, c, '送货单号')).toMatch(/^DN\d{6}$/);
      expect(typeof sameRow(committed, c, '数量')).toBe('number');
    });
    it('negative-not-allowed: a negative contract quantity', () => {
      const c = one('structure', 'negative-not-allowed');
      expect(c.sheet).toBe('合同台账');
      expect(valueAt(committed, c)).toBeLessThan(0);
    });
    it('duplicate-key: the same invoice number on two rows of different invoices', () => {
      const c = one('structure', 'duplicate-key');
      const other = c.also![0];
      expect(valueAt(committed, c)).toBe(valueAt(committed, other));
      expect(other.row).not.toBe(c.row);
      expect(sameRow(committed, c, '开票日期')).not.toEqual(sameRow(committed, other, '开票日期'));
    });
  });

  describe('quote cases sit on the contract line they name', () => {
    it('each names its contract number and line', () => {
      for (const c of cases('quotes')) {
        expect(c.sheet).toBe('合同台账');
        expect(sameRow(committed, c, '合同编号')).toBe(c.expect!.contractNo);
        expect(sameRow(committed, c, '行号')).toBe(c.expect!.line);
      }
    });
    it('the one-fen near miss is exactly one fen, the 0.004 near miss exactly 0.004', () => {
      const fen = one('quotes', 'amount-mismatch', true);
      const qty = sameRow(committed, fen, '数量') as number;
      const price = sameRow(committed, fen, '含税单价') as number;
      expect(Math.round((valueAt(committed, fen) as number) * 100) - Math.round(qty * price * 100)).toBe(1);
      expect(committedPlanted.cases.filter((c) => c.job === 'quotes' && c.nearMiss && c.code === 'price-mismatch').length).toBeGreaterThanOrEqual(3);
      const fourDec = cases('quotes', 'price-mismatch', true).find((c) => /0\.004/.test(c.note))!;
      expect(valueAt(committed, fourDec)).toBe(3.46);
      // The quote it names, for the same part: 0.004 (in ten-thousandths, to keep binary fractions out) below the contract.
      const quotes = sheetOf(committed, '报价台账');
      const col = (header: string) => (quotes.getRow(3).values as unknown[]).indexOf(header);
      const [quoteNo, part] = [sameRow(committed, fourDec, '报价单号'), sameRow(committed, fourDec, '物料编码')];
      const quoted: number[] = [];
      quotes.eachRow((row) => {
        if (row.getCell(col('报价单号')).value === quoteNo && row.getCell(col('物料编码')).value === part) quoted.push(row.getCell(col('含税单价')).value as number);
      });
      expect(quoted).toHaveLength(1);
      expect(Math.round((3.46 - quoted[0]) * 10_000)).toBe(40);
    });
    it('the planted mismatches state what the note says', () => {
      const stated = cases('quotes', undefined, false).filter((c) => c.expect?.actual !== undefined);
      expect(stated.length).toBeGreaterThan(0);
      for (const c of stated) {
        const v = valueAt(committed, c);
        const actual = typeof v === 'number' ? v : yuan(v);
        expect({ code: c.code, actual }).toEqual({ code: c.code, actual: c.expect!.actual });
      }
    });
    it('the expired quote expired the day before signing; the near miss expires on the signing day', () => {
      const exp = one('quotes', 'quote-expired');
      const near = one('quotes', 'quote-expired', true);
      expect(valueAt(committed, exp)).toBe('2026-06-01');
      expect(valueAt(committed, near)).toBe('2026-01-12');
    });
  });

  describe('reconciliation cases', () => {
    it('in-transit lines are shipped on 10-30 or 10-31; only-ours is earlier in the month', () => {
      for (const c of cases('reconcile', 'in-transit')) expect(['2026-10-30', '2026-10-31']).toContain(isoOf(valueAt(committed, c)));
      const only = one('reconcile', 'only-ours');
      expect(isoOf(sameRow(committed, only, '送货日期'))! < '2026-10-28').toBe(true);
    });
    it('the one-to-many line equals the sum of our two lines; the amount-only candidate agrees on amount and nothing else', () => {
      const m = cases('reconcile', 'matched').find((c) => c.expect?.oneToMany)!;
      const [a, b] = m.also!;
      expect(valueAt(committed, m)).toBe((valueAt(committed, a) as number) + (valueAt(committed, b) as number));
      const p = one('reconcile', 'possible');
      expect(yuan(valueAt(committed, p))).toBe(yuan(valueAt(committed, p.also![0])));
      expect(sameRow(committed, p, '存货编码')).not.toBe(sameRow(committed, p.also![0], '物料编码'));
    });
    it('无锡华工 carries our delivery-note numbers only in 备注, with prefixes and dropped zeros', () => {
      const ws = sheetOf(committed, '对账单-无锡华工');
      const ours = new Set<string>();
      const oct = sheetOf(committed, '10月出货清单');
      oct.eachRow((row) => {
        const dn = row.getCell(3).value;
        if (typeof dn === 'string' && dn.startsWith('DN')) ours.add(normalizeDocNo(dn));
      });
      let found = 0;
      let reshaped = 0;
      ws.eachRow((row) => {
        const remark = row.getCell(8).value;
        if (typeof remark !== 'string') return;
        const m = remark.match(/^(送货单|送|DN|dn-|DN )?\s*\d+/);
        if (!m) return;
        const token = remark.split(' ')[0] === 'DN' ? remark.split(' ').slice(0, 2).join(' ') : remark.split(' ')[0];
        if (ours.has(normalizeDocNo(token))) found++;
        if (!/^DN\d{6}$/.test(token)) reshaped++;
      });
      expect(found).toBeGreaterThanOrEqual(4);
      expect(reshaped).toBeGreaterThanOrEqual(3);
    });
  });

  describe('receivables cases', () => {
    it('the receipt after the as-of date is dated after 2026-10-31', () => {
      expect(valueAt(committed, one('receivables', 'after-as-of')) as string > '2026-10-31').toBe(true);
    });
    it('the red-letter invoice is negative and names the invoice it reverses', () => {
      const c = one('receivables', 'credit-note');
      expect(valueAt(committed, c)).toBeLessThan(0);
      expect(String(sameRow(committed, c, '备注'))).toContain(String(valueAt(committed, c.also![0])));
    });
    it('the partial payment is 80% of the invoice it names', () => {
      const c = one('receivables', 'partial-overdue');
      const inv = yuan(sameRow(committed, c, '价税合计'));
      const paid = yuan(valueAt(committed, c.also![0]));
      expect(Math.round((paid / inv) * 100)).toBe(80);
    });
  });

  describe('ledger cases', () => {
    it('the over-return returns more than shipped less returned; the price-above case is above the original', () => {
      const c = one('ledgers', 'return-exceeds-shipped');
      const [first, shipped] = c.also!;
      const shippedQty = parseQuantity(gridValue(valueAt(committed, shipped)));
      expect(shippedQty.ok).toBe(true);
      if (shippedQty.ok) expect(valueAt(committed, c) as number).toBeGreaterThan(shippedQty.value - (valueAt(committed, first) as number));
      const p = one('ledgers', 'return-price-above-original');
      expect(valueAt(committed, p) as number).toBeGreaterThan(valueAt(committed, p.also![0]) as number);
    });
    it('the missing return original is on no shipping list', () => {
      const c = one('ledgers', 'return-no-shipment');
      const dn = valueAt(committed, c);
      for (const ws of committed.worksheets.filter((w) => /出货/.test(w.name))) ws.eachRow((row) => expect(row.getCell(3).value).not.toBe(dn));
    });
    it('the overdue sample was due back more than a month before the as-of date', () => {
      const c = one('ledgers', 'sample-overdue');
      expect(valueAt(committed, c) as string < '2026-10-01').toBe(true);
      expect(sameRow(committed, c, '实际归还日期')).toBeNull();
    });
  });
});
