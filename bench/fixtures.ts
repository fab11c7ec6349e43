/**
 * Synthetic workbooks of any size for the benchmarks: a year of shipments, a related company's statement that
 * mostly agrees with them, invoices, receipts, quotes and contracts — as Grids (for core) or as an .xlsx file
 * (for the CLI end to end). Deterministic: a seeded generator, no clock.
 */
import ExcelJS from 'exceljs';
import type { Grid, GridValue } from '../src/core/grid';
import { emptyGrid } from '../src/core/grid';

export interface BenchBook {
  grids: Grid[];
}

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMERS = [
  ['苏州华工精密模具有限公司', '华工精密', '关联', 60],
  ['昆山恒泰机电有限公司', '恒泰机电', '关联', 60],
  ['常州华联汽车零部件有限公司', '华联汽配', '关联', 90],
  ['无锡锐达汽车部件有限公司', '锐达', '外部', 30],
  ['宁波东升塑胶制品有限公司', '东升塑胶', '外部', 60],
] as const;

const SHIP_HEAD = ['送货日期', '送货单号', '客户名称', '合同号', '物料编码', '品名', '规格型号', '数量', '含税单价', '税率', '价税合计', '类别', '备注', '仓库', '经手人'];
const STMT_HEAD = ['入库日期', '单据号', '物料编码', '品名', '实收数量', '单价', '结算金额', '备注'];
const INV_HEAD = ['发票号码', '开票日期', '客户名称', '合同号', '价税合计', '税额', '税率'];
const REC_HEAD = ['收款日期', '客户名称', '回款金额', '发票号'];
const CLASSES = ['批量', '工装', '材料', '成品', '半成品'];

/** Excel serial for a day of 2026 (1900 system): 2026-01-01 is 46023. */
const day2026 = (dayOfYear: number) => 46023 + dayOfYear;

function grid(name: string, header: string[], rows: GridValue[][], dateCols: number[]): Grid {
  const g = emptyGrid(name);
  g.values = [['2026年出货清单'], header, ...rows];
  g.formats = g.values.map((r, i) => (i < 2 ? [] : r.map((_, c) => (dateCols.includes(c) ? 'yyyy-mm-dd' : null))));
  return g;
}

/**
 * A workbook with `rows` shipment lines and matching statement, invoice and receipt sheets.
 * `oneCounterparty`: every shipment goes to the related company whose statement the book holds, so the statement
 * has about as many lines as the shipments (reconcile at `rows` lines per side).
 */
export function benchBook(rows: number, seed = 7, opts: { oneCounterparty?: boolean } = {}): BenchBook {
  const r = rng(seed);
  const ship: GridValue[][] = new Array(rows);
  const stmt: GridValue[][] = [];
  for (let i = 0; i < rows; i++) {
    const c = CUSTOMERS[opts.oneCounterparty ? 0 : i % CUSTOMERS.length];
    const qty = 1 + Math.floor(r() * 500);
    const price = Math.round(r() * 20000) / 100;
    const day = Math.floor(r() * 300);
    const dn = `DN${String(i + 1).padStart(8, '0')}`;
    const part = `P-${1000 + Math.floor(r() * 5000)}`;
    const amount = Math.round(qty * price * 100) / 100;
    ship[i] = [day2026(day), dn, c[0], `HT-${i % 997}`, part, '支架', 'M8×20', qty, price, 0.13, amount, CLASSES[i % CLASSES.length], '', '一号库', '张三'];
    if (c[2] === '关联' && r() > 0.02) {
      const off = r() < 0.01 ? 1 : 0;
      stmt.push([day2026(day + (r() < 0.1 ? 1 : 0)), `送${String(i + 1)}`, part, '支架', qty - off, price, Math.round((qty - off) * price * 100) / 100, '']);
    }
  }
  const invoices: GridValue[][] = [];
  const receipts: GridValue[][] = [];
  const nInv = Math.max(10, Math.floor(rows / 10));
  for (let i = 0; i < nInv; i++) {
    const c = CUSTOMERS[i % CUSTOMERS.length];
    const amount = Math.round(r() * 10_000_000) / 100;
    const day = Math.floor(r() * 300);
    invoices.push([String(10_000_000 + i), day2026(day), c[0], `HT-${i % 997}`, amount, Math.round((amount / 1.13) * 0.13 * 100) / 100, 0.13]);
    if (r() < 0.8) receipts.push([day2026(Math.min(299, day + 30 + Math.floor(r() * 60))), c[1], Math.round(amount * (r() < 0.9 ? 1 : 0.5) * 100) / 100, r() < 0.5 ? String(10_000_000 + i) : null]);
  }
  const customers = emptyGrid('客户档案');
  customers.values = [['客户名称', '简称', '关联关系', '账期'], ...CUSTOMERS.map((c) => [...c] as GridValue[])];
  customers.formats = [];
  return {
    grids: [
      customers,
      grid('出货清单', SHIP_HEAD, ship, [0]),
      grid('对账单', STMT_HEAD, stmt, [0]),
      grid('开票明细', INV_HEAD, invoices, [1]),
      grid('回款明细', REC_HEAD, receipts, [0]),
    ].map((g, i) => (i === 2 ? { ...g, values: [['苏州华工精密模具有限公司 对账单'], ...g.values.slice(1)] } : g)),
  };
}

/** Write a BenchBook as .xlsx with ExcelJS's streaming writer (the 1,048,576-row case does not fit the DOM writer). */
export async function writeBenchXlsx(book: BenchBook, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  for (const g of book.grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, ri) => {
      const out = ws.getRow(ri + 1);
      row.forEach((v, ci) => {
        if (v === null || v === undefined) return;
        const cell = out.getCell(ci + 1);
        cell.value = typeof v === 'object' ? { error: v.error } as ExcelJS.CellErrorValue : v;
        const fmt = g.formats[ri]?.[ci];
        if (fmt) cell.numFmt = fmt;
      });
      out.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
