/**
 * Lays the Model out on sheets the way the people who send them do: title blocks, two-row headers with
 * merged group cells, subtotal rows, text amounts, mixed date forms, notes in the margins. Every record
 * learns where it landed (`loc`), so planted cases point at real cells.
 */
import ExcelJS from 'exceljs';
import { Rng } from './prng';
import {
  AS_OF, MONTHS, OUR_COMPANY, add, money2, type Cell, type CLine, type Contract, type CountRow, type Customer, type Invoice, type Model,
  type PropertyItem, type QuoteRow, type Rec, type Receipt, type ReturnRec, type SampleRec, type Shipment, type Statement, type StatementLine,
} from './model';

export { money2 };

const WRITE_SEED = 7310;

// ---------- cell helpers ----------
const utc = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const FULL = '０１２３４５６７８９';
export const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => FULL[Number(d)]);
const ymd = (iso: string) => iso.split('-').map(Number);

function put(ws: ExcelJS.Worksheet, row: number, col: number, v: Cell | undefined, fmt?: string): ExcelJS.Cell {
  const cell = ws.getCell(row, col);
  if (v === null || v === undefined || v === '') return cell;
  if (typeof v === 'number' || typeof v === 'string') {
    cell.value = v;
    if (fmt && typeof v === 'number') cell.numFmt = fmt;
  } else if ('date' in v) {
    cell.value = utc(v.date);
    cell.numFmt = v.fmt ?? 'yyyy-mm-dd';
  } else if ('formula' in v) {
    const result = typeof v.result === 'object' ? ({ error: v.result.error } as ExcelJS.CellErrorValue) : v.result;
    cell.value = { formula: v.formula.replace(/\{row\}/g, String(row)), result } as ExcelJS.CellFormulaValue;
    if (fmt) cell.numFmt = fmt;
  } else {
    cell.value = { error: v.error } as ExcelJS.CellErrorValue;
  }
  return cell;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const bold = (c: ExcelJS.Cell, size = 11) => (c.font = { bold: true, size });
const center = (c: ExcelJS.Cell) => (c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true });

interface Col<T> {
  key: string;
  header: string;
  width?: number;
  fmt?: string;
  get: (r: T) => Cell | undefined;
}

/** A plain ledger table: header on `headerRow`, one record a row. Returns the next free row. */
function table<T extends Rec>(ws: ExcelJS.Worksheet, headerRow: number, cols: Col<T>[], recs: T[], firstCol = 1): number {
  cols.forEach((c, i) => {
    const cell = put(ws, headerRow, firstCol + i, c.header);
    bold(cell);
    center(cell);
    cell.border = THIN;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    if (c.width) ws.getColumn(firstCol + i).width = c.width;
  });
  let row = headerRow + 1;
  for (const r of recs) {
    const colMap: Record<string, number> = {};
    cols.forEach((c, i) => {
      colMap[c.key] = firstCol + i;
      const v = r.cells && c.key in r.cells ? r.cells[c.key] : c.get(r);
      put(ws, row, firstCol + i, v, c.fmt).border = THIN;
    });
    r.loc = { sheet: ws.name, row, cols: colMap };
    row++;
  }
  return row;
}

const yuanCell = (fen: number | undefined): Cell | undefined => (fen === undefined ? undefined : fen / 100);
const MONEY = '#,##0.00';
const PRICE = '#,##0.00##';
const PCT = '0%';

function title(ws: ExcelJS.Worksheet, row: number, text: string, lastCol: number, size = 14) {
  ws.mergeCells(row, 1, row, lastCol);
  const c = put(ws, row, 1, text);
  bold(c, size);
  center(c);
}

// ---------- the sheets ----------
export function writeWorkbook(m: Model): ExcelJS.Workbook {
  const rng = new Rng(WRITE_SEED);
  const wb = new ExcelJS.Workbook();
  wb.creator = '王丽';
  wb.lastModifiedBy = '王丽';
  wb.created = utc('2026-11-02');
  wb.modified = utc('2026-11-05');
  wb.calcProperties.fullCalcOnLoad = false;

  customersSheet(wb, m.customers, rng);
  quotesSheet(wb, m.quoteRows, rng);
  contractsSheet(wb, m.contracts, rng);
  oldShipments(wb, m.shipments.filter((s) => s.date < '2026-07-01'), rng);
  for (const month of MONTHS.filter((x) => x >= '2026-07')) newShipments(wb, month, m.shipments.filter((s) => s.date.startsWith(month)), rng);
  statementA(wb, m.statements[0]);
  statementB(wb, m.statements[1]);
  statementC(wb, m.statements[2]);
  invoicesSheet(wb, m.invoices, rng);
  receiptsSheet(wb, m.receipts);
  propertySheet(wb, m.property);
  countSheet(wb, m.counts);
  returnsSheet(wb, m.returns);
  samplesSheet(wb, m.samples);
  return wb;
}

function customersSheet(wb: ExcelJS.Workbook, cs: Customer[], rng: Rng) {
  const ws = wb.addWorksheet('客户档案');
  title(ws, 1, '客户档案（2026年10月更新）', 8);
  put(ws, 2, 1, '说明：关联企业回款目标95%，外部客户100%');
  table<Customer>(ws, 3, [
    { key: 'code', header: '客户编码', width: 10, get: (c) => c.code },
    { key: 'name', header: '客户名称', width: 32, get: (c) => c.name },
    { key: 'aliases', header: '简称', width: 18, get: (c) => c.aliases.join('、') },
    { key: 'group', header: '关联关系', width: 10, get: (c) => (c.related ? rng.pick(['关联', '关联企业']) : '外部') },
    { key: 'terms', header: '账期(天)', width: 9, get: (c) => (rng.chance(0.3) ? `${c.terms}天` : c.terms) },
    { key: 'limit', header: '信用额度(元)', width: 14, fmt: MONEY, get: (c) => c.limit / 100 },
    { key: 'contact', header: '联系人', width: 20, get: (c) => c.contact },
    { key: 'remarks', header: '备注', width: 24, get: (c) => c.remarks ?? (c.related ? '集团内，月结对账' : '') },
  ], cs);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

function quotesSheet(wb: ExcelJS.Workbook, rows: QuoteRow[], rng: Rng) {
  const ws = wb.addWorksheet('报价台账');
  title(ws, 1, '报价台账', 13);
  put(ws, 2, 1, '更新日期：2026年10月30日　　价格单位：元');
  table<QuoteRow>(ws, 3, [
    { key: 'quoteNo', header: '报价单号', width: 13, get: (r) => r.quote.no },
    { key: 'date', header: '报价日期', width: 11, get: (r) => ({ date: r.quote.date }) },
    { key: 'cust', header: '客户名称', width: 30, get: (r) => r.quote.custWritten },
    { key: 'part', header: '物料编码', width: 11, get: (r) => r.quote.part.code },
    { key: 'name', header: '品名', width: 14, get: (r) => r.quote.part.name },
    { key: 'spec', header: '规格型号', width: 18, get: (r) => r.quote.part.spec },
    { key: 'minQty', header: '起订量', width: 8, get: (r) => r.tier.min },
    { key: 'maxQty', header: '数量上限', width: 9, get: (r) => r.tier.max },
    { key: 'gross', header: '含税单价', width: 11, fmt: PRICE, get: (r) => (r.tier.gross === undefined ? undefined : r.tier.gross / 100) },
    {
      key: 'net', header: '不含税单价', width: 11, fmt: PRICE,
      get: (r) => (r.tier.net !== undefined ? r.tier.net / 100 : r.quote.showNet && r.tier.gross !== undefined ? Math.round(r.tier.gross / (1 + r.quote.rate)) / 100 : undefined),
    },
    { key: 'rate', header: '税率', width: 7, fmt: PCT, get: (r) => r.quote.rate },
    { key: 'validUntil', header: '有效期至', width: 11, get: (r) => (rng.chance(0.15) ? `${r.quote.validUntil.replace(/-/g, '.')}` : { date: r.quote.validUntil }) },
    { key: 'remarks', header: '备注', width: 18, get: (r) => (r.first ? r.quote.remarks : '') },
  ], rows);
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

function contractsSheet(wb: ExcelJS.Workbook, cs: Contract[], rng: Rng) {
  const ws = wb.addWorksheet('合同台账');
  title(ws, 1, '销售合同台账（2025—2026年度）', 20);
  put(ws, 2, 1, '注：合同总额只填在每份合同的第一行；报价单号按合同正文填写，没有的空着');
  const lines = cs.flatMap((c) => c.lines);
  table<CLine>(ws, 3, [
    { key: 'contractNo', header: '合同编号', width: 13, get: (l) => l.c.no },
    { key: 'line', header: '行号', width: 5, get: (l) => l.line },
    { key: 'sign', header: '签订日期', width: 11, get: (l) => ({ date: l.c.sign }) },
    { key: 'cust', header: '客户名称', width: 30, get: (l) => l.c.custWritten },
    { key: 'quoteNo', header: '报价单号', width: 12, get: (l) => l.quoteNo },
    { key: 'part', header: '物料编码', width: 11, get: (l) => l.partWritten },
    { key: 'name', header: '品名', width: 14, get: (l) => l.part.name },
    { key: 'spec', header: '规格型号', width: 18, get: (l) => l.part.spec },
    { key: 'qty', header: '数量', width: 8, get: (l) => l.qty },
    { key: 'unit', header: '单位', width: 5, get: (l) => l.part.unit },
    { key: 'gross', header: '含税单价', width: 11, fmt: PRICE, get: (l) => l.gross / 100 },
    { key: 'net', header: '不含税单价', width: 11, fmt: PRICE, get: (l) => yuanCell(l.net) },
    { key: 'amount', header: '价税合计', width: 13, fmt: MONEY, get: (l) => l.amount / 100 },
    { key: 'amountNet', header: '不含税金额', width: 13, fmt: MONEY, get: (l) => l.amountNet / 100 },
    { key: 'tax', header: '税额', width: 11, fmt: MONEY, get: (l) => l.tax / 100 },
    { key: 'rate', header: '税率', width: 6, fmt: PCT, get: (l) => l.rate },
    { key: 'total', header: '合同总额', width: 14, fmt: MONEY, get: (l) => (l.line === 1 ? l.c.total! / 100 : undefined) },
    { key: 'delivery', header: '交货日期', width: 11, get: (l) => (rng.chance(0.1) ? `${ymd(l.c.delivery)[0]}年${ymd(l.c.delivery)[1]}月${ymd(l.c.delivery)[2]}日` : { date: l.c.delivery }) },
    { key: 'cls', header: '类别', width: 7, get: (l) => l.part.cls },
    { key: 'remarks', header: '备注', width: 18, get: (l) => l.remarks },
  ], lines);
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
}

/** A date the way the warehouse typed it that day. */
function shipDate(iso: string, rng: Rng, yearInTitle: boolean): Cell {
  const [y, m, d] = ymd(iso);
  const r = rng.next();
  if (r < 0.62) return { date: iso, fmt: yearInTitle ? 'yyyy/mm/dd' : 'yyyy-m-d' };
  if (r < 0.72) return `${y}年${m}月${d}日`;
  if (r < 0.8) return `${y}.${m}.${d}`;
  if (r < 0.88) return `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
  if (r < 0.96 && yearInTitle) return `${m}月${d}日`;
  return fullWidth(`${y}年${m}月${d}日`);
}

/** An amount the way the warehouse typed it. */
function amountCell(fen: number, rng: Rng): Cell {
  if (fen % 10000 === 0 && fen >= 1000000 && rng.chance(0.08)) return `${fen / 1000000}万`;
  if (rng.chance(0.1)) return `¥${money2(fen)}`;
  return fen / 100;
}
function qtyCell(q: number, rng: Rng): Cell {
  return rng.chance(0.04) ? fullWidth(String(q)) : q;
}

/** The old warehouse template (until June 2026): one sheet, single-row header, a subtotal per month. */
function oldShipments(wb: ExcelJS.Workbook, ships: Shipment[], rng: Rng) {
  const ws = wb.addWorksheet('出货明细2025.11-2026.06');
  const cols = ['序号', '出货日期', '出货单号', '客户名称', '订单号', '料号', '品名', '规格', '数量', '单位', '单价', '金额', '类别', '备注'];
  title(ws, 1, '出货明细表（2025年11月—2026年6月）', cols.length);
  put(ws, 2, 1, '仓库：成品库　　单位：元');
  cols.forEach((h, i) => {
    const c = put(ws, 3, i + 1, h);
    bold(c);
    center(c);
    c.border = THIN;
  });
  [5, 11, 10, 28, 12, 11, 16, 18, 8, 5, 10, 12, 7, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const key = ['seq', 'date', 'dn', 'cust', 'contractNo', 'part', 'name', 'spec', 'qty', 'unit', 'gross', 'amount', 'cls', 'remarks'];
  let row = 4;
  let seq = 0;
  const grand = { qty: 0, amount: 0 };
  for (const month of MONTHS.filter((x) => x < '2026-07')) {
    const list = ships.filter((s) => s.date.startsWith(month));
    const sub = { qty: 0, amount: 0 };
    for (const s of list) {
      const cols: Record<string, number> = {};
      key.forEach((k, i) => (cols[k] = i + 1));
      const values: Record<string, Cell | undefined> = {
        seq: ++seq, date: shipDate(s.date, rng, false), dn: s.dn, cust: s.custWritten, contractNo: s.contractNo, part: s.part?.code, name: s.name, spec: s.spec,
        qty: qtyCell(s.qty, rng), unit: s.unit, gross: s.extra ? undefined : s.gross / 100, amount: s.extra ? undefined : amountCell(s.amount, rng), cls: s.cls, remarks: s.remarks,
      };
      key.forEach((k, i) => {
        const v = s.cells && k in s.cells ? s.cells[k] : values[k];
        put(ws, row, i + 1, v, k === 'gross' ? PRICE : k === 'amount' ? MONEY : undefined).border = THIN;
      });
      s.loc = { sheet: ws.name, row, cols };
      sub.qty += s.qty;
      sub.amount += s.amount;
      row++;
    }
    const [y, mo] = month.split('-').map(Number);
    ws.mergeCells(row, 2, row, 8);
    bold(put(ws, row, 2, `${y}年${mo}月 小计`));
    bold(put(ws, row, 9, sub.qty));
    bold(put(ws, row, 12, sub.amount / 100, MONEY));
    grand.qty += sub.qty;
    grand.amount += sub.amount;
    row++;
  }
  ws.mergeCells(row, 2, row, 8);
  bold(put(ws, row, 2, '合计'));
  bold(put(ws, row, 9, grand.qty));
  bold(put(ws, row, 12, grand.amount / 100, MONEY));
  row += 2;
  put(ws, row, 2, '制表：王丽');
  put(ws, row, 6, '审核：陈建国');
  put(ws, 5, 16, '注：1月起华工精密改为月结');
  put(ws, 6, 16, '样件、备品不计价');
  ws.views = [{ state: 'frozen', ySplit: 3 }];
}

/** The new template (from July 2026): one sheet a month, title block, two-row header, grouped by customer. */
function newShipments(wb: ExcelJS.Workbook, month: string, ships: Shipment[], rng: Rng) {
  const [y, mo] = month.split('-').map(Number);
  const ws = wb.addWorksheet(`${mo}月出货清单`);
  const last = 17;
  title(ws, 1, OUR_COMPANY, last, 16);
  title(ws, 2, `${y}年${mo}月出货清单`, last, 14);
  const made = add(`${month}-01`, 31 + (mo % 4)); // a day or four into the next month
  const [my, mm, md] = ymd(made);
  ws.mergeCells(3, 1, 3, 5);
  put(ws, 3, 1, `制表日期：${my}年${mm}月${md}日`);
  put(ws, 3, last, '单位：元');
  const single: [string, string, number][] = [
    ['seq', '序号', 5], ['date', '送货日期', 12], ['dn', '送货单号', 11], ['cust', '客户名称', 28], ['contractNo', '订单号', 12], ['part', '物料编码', 11],
    ['name', '物料名称', 16], ['spec', '规格型号', 18], ['unit', '单位', 5], ['qty', '数量', 8],
  ];
  const cols: Record<string, number> = {};
  single.forEach(([k, h, w], i) => {
    ws.mergeCells(4, i + 1, 5, i + 1);
    const c = put(ws, 4, i + 1, h);
    bold(c);
    center(c);
    ws.getColumn(i + 1).width = w;
    cols[k] = i + 1;
  });
  const group = (col: number, top: string, a: [string, string], b: [string, string]) => {
    ws.mergeCells(4, col, 4, col + 1);
    bold(put(ws, 4, col, top));
    center(ws.getCell(4, col));
    bold(put(ws, 5, col, a[1]));
    bold(put(ws, 5, col + 1, b[1]));
    cols[a[0]] = col;
    cols[b[0]] = col + 1;
    ws.getColumn(col).width = 11;
    ws.getColumn(col + 1).width = 11;
  };
  group(11, '单价', ['gross', '含税'], ['netPrice', '不含税']);
  group(13, '金额', ['amount', '含税'], ['amountNet', '不含税']);
  [['rate', '税率', 6], ['cls', '类别', 7], ['remarks', '备注', 18]].forEach(([k, h, w], i) => {
    const col = 15 + i;
    ws.mergeCells(4, col, 5, col);
    bold(put(ws, 4, col, h as string));
    center(ws.getCell(4, col));
    ws.getColumn(col).width = w as number;
    cols[k as string] = col;
  });
  for (let r = 4; r <= 5; r++) for (let c = 1; c <= last; c++) ws.getCell(r, c).border = THIN;

  const byCust = new Map<string, Shipment[]>();
  for (const s of [...ships].sort((a, b) => (a.cust.code < b.cust.code ? -1 : a.cust.code > b.cust.code ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    byCust.set(s.cust.code, [...(byCust.get(s.cust.code) ?? []), s]);
  }
  let row = 6;
  let seq = 0;
  const grand = { qty: 0, amount: 0, net: 0 };
  let mergedNote = false;
  for (const list of byCust.values()) {
    const sub = { qty: 0, amount: 0, net: 0 };
    let prev: Shipment | undefined;
    for (const s of list) {
      const net = Math.round(s.gross / (1 + s.rate));
      const amountNet = Math.round(s.amount / (1 + s.rate));
      const values: Record<string, Cell | undefined> = {
        seq: ++seq, date: shipDate(s.date, rng, true), dn: s.dn, cust: s.custWritten, contractNo: s.contractNo, part: s.part?.code, name: s.name, spec: s.spec,
        unit: s.unit, qty: qtyCell(s.qty, rng),
        gross: s.extra ? undefined : s.gross / 100, netPrice: s.extra ? undefined : net / 100,
        amount: s.extra ? undefined : amountCell(s.amount, rng), amountNet: s.extra ? undefined : amountNet / 100,
        rate: s.extra ? undefined : s.rate, cls: s.cls, remarks: s.remarks,
      };
      for (const [k, col] of Object.entries(cols)) {
        const v = s.cells && k in s.cells ? s.cells[k] : values[k];
        const fmt = k === 'gross' || k === 'netPrice' ? PRICE : k === 'amount' || k === 'amountNet' ? MONEY : k === 'rate' ? PCT : undefined;
        put(ws, row, col, v, fmt).border = THIN;
      }
      // Two lines on one delivery note share a merged note ("同车").
      if (!mergedNote && prev && prev.dn === s.dn && !prev.remarks && !s.remarks && !s.cells && !prev.cells) {
        ws.mergeCells(row - 1, cols.remarks, row, cols.remarks);
        put(ws, row - 1, cols.remarks, '同车发出');
        mergedNote = true;
      }
      s.loc = { sheet: ws.name, row, cols: { ...cols } };
      sub.qty += s.qty;
      sub.amount += s.amount;
      sub.net += amountNet;
      prev = s;
      row++;
    }
    ws.mergeCells(row, 1, row, 3);
    bold(put(ws, row, 4, `${list[0].cust.short} 小计`));
    bold(put(ws, row, cols.qty, sub.qty));
    bold(put(ws, row, cols.amount, sub.amount / 100, MONEY));
    bold(put(ws, row, cols.amountNet, sub.net / 100, MONEY));
    grand.qty += sub.qty;
    grand.amount += sub.amount;
    grand.net += sub.net;
    row++;
  }
  ws.mergeCells(row, 1, row, 3);
  bold(put(ws, row, 4, '合计'));
  bold(put(ws, row, cols.qty, grand.qty));
  bold(put(ws, row, cols.amount, grand.amount / 100, MONEY));
  bold(put(ws, row, cols.amountNet, grand.net / 100, MONEY));
  row += 2;
  put(ws, row, 2, '制表：王丽');
  put(ws, row, 7, '审核：陈建国');
  put(ws, row, 12, '仓库主管：李华');
  // Notes in the margin, one blank column to the right of the table.
  put(ws, 6, last + 2, mo === 10 ? '注：10/30华工精密、10/31无锡华工各一车在途' : '注：价格以合同为准');
  if (mo === 9) put(ws, 8, last + 2, '不含税单价取自报价台账（VLOOKUP）');
  ws.getColumn(last + 2).width = 30;
  ws.views = [{ state: 'frozen', ySplit: 5 }];
}

function sumLines(lines: StatementLine[]) {
  return { qty: lines.reduce((s, l) => s + l.qty, 0), amount: lines.reduce((s, l) => s + l.amount, 0) };
}

/** 华工精密: their GRN as 入库单号, our DN in its own column. */
function statementA(wb: ExcelJS.Workbook, st: Statement) {
  const ws = wb.addWorksheet(st.sheet);
  title(ws, 1, st.cust.name, 11, 14);
  title(ws, 2, '对 账 单', 11, 16);
  ws.mergeCells(3, 1, 3, 11);
  put(ws, 3, 1, '对账期间：2026-10-01至2026-10-31');
  put(ws, 4, 1, '供应商编码：V10023');
  put(ws, 4, 8, '币种：人民币');
  let n = 0;
  const row = table<StatementLine>(ws, 5, [
    { key: 'seq', header: '序号', width: 5, get: () => ++n },
    { key: 'date', header: '收货日期', width: 11, get: (l) => ({ date: l.date }) },
    { key: 'docNo', header: '入库单号', width: 12, get: (l) => l.docNo },
    { key: 'dn', header: '送货单号', width: 12, get: (l) => l.dnWritten },
    { key: 'part', header: '物料编码', width: 11, get: (l) => l.partCode },
    { key: 'name', header: '物料名称', width: 12, get: (l) => l.name },
    { key: 'spec', header: '规格型号', width: 16, get: (l) => l.spec },
    { key: 'qty', header: '实收数量', width: 9, get: (l) => l.qty },
    { key: 'price', header: '单价', width: 9, fmt: PRICE, get: (l) => l.price / 100 },
    { key: 'amount', header: '结算金额', width: 12, fmt: MONEY, get: (l) => l.amount / 100 },
    { key: 'remarks', header: '备注', width: 16, get: (l) => l.remarks },
  ], st.lines);
  const t = sumLines(st.lines);
  ws.mergeCells(row, 1, row, 7);
  bold(put(ws, row, 1, '合计'));
  bold(put(ws, row, 8, t.qty));
  bold(put(ws, row, 10, t.amount / 100, MONEY));
  put(ws, row + 2, 1, '请贵司核对，如无异议请签字盖章后回传；如有差异请于5日内书面提出。');
  put(ws, row + 4, 1, '需方（盖章）：苏州华工精密模具有限公司 采购部');
  put(ws, row + 4, 7, '供方确认（盖章）：');
  put(ws, row + 5, 1, '经办：周敏　　日期：2026-11-03');
}

/** 无锡华工: our DN only in the 备注 column, in whatever form the receiver typed. */
function statementB(wb: ExcelJS.Workbook, st: Statement) {
  const ws = wb.addWorksheet(st.sheet);
  title(ws, 1, `${st.cust.name}  对账单`, 8, 14);
  ws.mergeCells(2, 1, 2, 8);
  put(ws, 2, 1, '对账期间：2026-10-01至2026-10-31');
  const row = table<StatementLine>(ws, 4, [
    { key: 'date', header: '单据日期', width: 11, get: (l) => l.date.replace(/-/g, '/') },
    { key: 'docNo', header: '单据编号', width: 13, get: (l) => l.docNo },
    { key: 'part', header: '零件号', width: 11, get: (l) => l.partCode },
    { key: 'name', header: '零件名称', width: 14, get: (l) => l.name },
    { key: 'qty', header: '数量', width: 8, get: (l) => l.qty },
    { key: 'price', header: '含税单价', width: 10, fmt: PRICE, get: (l) => l.price / 100 },
    { key: 'amount', header: '金额', width: 12, fmt: MONEY, get: (l) => l.amount / 100 },
    { key: 'remarks', header: '备注', width: 24, get: (l) => l.remarks },
  ], st.lines);
  const t = sumLines(st.lines);
  bold(put(ws, row, 1, '本期合计'));
  bold(put(ws, row, 5, t.qty));
  bold(put(ws, row, 7, t.amount / 100, MONEY));
  put(ws, row + 1, 1, '上期结余：0.00');
  put(ws, row + 2, 1, `本期应付：${money2(t.amount)}`);
  put(ws, row + 4, 1, '制单：钱伟');
  put(ws, row + 4, 5, '供应商签章：');
}

/** 嘉兴华工: our DN as their 单据编号, an ERP export with 存货编码 and both amounts. */
function statementC(wb: ExcelJS.Workbook, st: Statement) {
  const ws = wb.addWorksheet(st.sheet);
  put(ws, 1, 1, '对账单');
  bold(ws.getCell(1, 1), 16);
  put(ws, 2, 1, `客户：${st.cust.name}`);
  put(ws, 3, 1, '对账期间：2026-10-01至2026-10-31');
  put(ws, 3, 6, '打印时间：2026-11-02 09:14');
  const row = table<StatementLine>(ws, 5, [
    { key: 'date', header: '日期', width: 11, get: (l) => ({ date: l.date, fmt: 'yyyy/m/d' }) },
    { key: 'docNo', header: '单据编号', width: 12, get: (l) => l.docNo },
    { key: 'part', header: '存货编码', width: 11, get: (l) => l.partCode },
    { key: 'name', header: '存货名称', width: 12, get: (l) => l.name },
    { key: 'spec', header: '规格型号', width: 14, get: (l) => l.spec },
    { key: 'qty', header: '结算数量', width: 9, get: (l) => l.qty },
    { key: 'price', header: '结算单价', width: 10, fmt: PRICE, get: (l) => l.price / 100 },
    { key: 'amount', header: '价税合计', width: 12, fmt: MONEY, get: (l) => l.amount / 100 },
    { key: 'amountNet', header: '不含税金额', width: 12, fmt: MONEY, get: (l) => Math.round(l.amount / 1.13) / 100 },
    { key: 'rate', header: '税率', width: 6, fmt: PCT, get: () => 0.13 },
    { key: 'remarks', header: '备注', width: 14, get: (l) => l.remarks },
  ], st.lines);
  const t = sumLines(st.lines);
  bold(put(ws, row, 1, '合计'));
  bold(put(ws, row, 6, t.qty));
  bold(put(ws, row, 8, t.amount / 100, MONEY));
  put(ws, row + 2, 1, '核对人：沈佳');
  put(ws, row + 2, 6, '财务审核：');
}

function invoicesSheet(wb: ExcelJS.Workbook, invs: Invoice[], rng: Rng) {
  const ws = wb.addWorksheet('开票明细');
  title(ws, 1, '开票明细（2025年11月—2026年10月）', 13);
  let n = 0;
  table<Invoice>(ws, 2, [
    { key: 'seq', header: '序号', width: 5, get: () => ++n },
    { key: 'date', header: '开票日期', width: 11, get: (i) => ({ date: i.date }) },
    { key: 'no', header: '发票号码', width: 22, get: (i) => i.no },
    { key: 'cust', header: '客户名称', width: 30, get: (i) => i.custWritten },
    { key: 'contractNo', header: '合同号', width: 13, get: (i) => i.contractNo },
    { key: 'cls', header: '类别', width: 7, get: (i) => i.cls },
    { key: 'amountNet', header: '不含税金额', width: 13, fmt: MONEY, get: (i) => i.amountNet / 100 },
    { key: 'tax', header: '税额', width: 11, fmt: MONEY, get: (i) => i.tax / 100 },
    { key: 'rate', header: '税率', width: 6, fmt: PCT, get: (i) => i.rate },
    { key: 'amount', header: '价税合计', width: 13, fmt: MONEY, get: (i) => (rng.chance(0.05) && i.amount > 0 ? `¥${money2(i.amount)}` : i.amount / 100) },
    { key: 'due', header: '到期日', width: 11, get: (i) => (i.due ? { date: i.due } : undefined) },
    { key: 'terms', header: '账期', width: 7, get: (i) => (i.terms ? `${i.terms}天` : undefined) },
    { key: 'remarks', header: '备注', width: 28, get: (i) => i.remarks },
  ], invs);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function receiptsSheet(wb: ExcelJS.Workbook, rs: Receipt[]) {
  const ws = wb.addWorksheet('回款明细');
  title(ws, 1, '回款明细（银行到账）', 7);
  table<Receipt>(ws, 2, [
    { key: 'date', header: '收款日期', width: 11, get: (r) => ({ date: r.date }) },
    { key: 'no', header: '收款单号', width: 12, get: (r) => r.no },
    { key: 'cust', header: '客户名称', width: 30, get: (r) => r.custWritten },
    { key: 'amount', header: '回款金额', width: 13, fmt: MONEY, get: (r) => r.amount / 100 },
    { key: 'invoiceNo', header: '发票号', width: 22, get: (r) => r.invoiceNo },
    { key: 'method', header: '结算方式', width: 12, get: (r) => r.method },
    { key: 'remarks', header: '备注', width: 20, get: (r) => r.remarks },
  ], rs);
  ws.views = [{ state: 'frozen', ySplit: 2 }];
}

function propertySheet(wb: ExcelJS.Workbook, items: PropertyItem[]) {
  const ws = wb.addWorksheet('客户财产台账');
  title(ws, 1, '客户财产管理台账', 12);
  put(ws, 2, 1, '每月末盘点一次，季末全面盘点');
  table<PropertyItem>(ws, 3, [
    { key: 'itemNo', header: '资产编号', width: 12, get: (p) => p.itemNo },
    { key: 'name', header: '资产名称', width: 16, get: (p) => p.name },
    { key: 'spec', header: '规格型号', width: 20, get: (p) => p.spec },
    { key: 'cust', header: '客户名称', width: 28, get: (p) => p.cust.name },
    { key: 'category', header: '类别', width: 6, get: (p) => p.category },
    { key: 'qty', header: '数量', width: 6, get: (p) => p.qty },
    { key: 'received', header: '接收日期', width: 11, get: (p) => ({ date: p.received }) },
    { key: 'returned', header: '归还日期', width: 11, get: (p) => (p.returned ? { date: p.returned } : undefined) },
    { key: 'location', header: '存放位置', width: 12, get: (p) => p.location },
    { key: 'custodian', header: '保管人', width: 7, get: (p) => p.custodian },
    { key: 'lastCheck', header: '盘点日期', width: 11, get: (p) => (p.lastCheck ? { date: p.lastCheck } : undefined) },
    { key: 'remarks', header: '备注', width: 16, get: (p) => p.remarks },
  ], items);
}

function countSheet(wb: ExcelJS.Workbook, rows: CountRow[]) {
  const ws = wb.addWorksheet('盘点表');
  title(ws, 1, '2026年10月 月末盘点表', 6);
  put(ws, 2, 1, '盘点人：张磊、刘芳　　监盘：王丽');
  table<CountRow>(ws, 3, [
    { key: 'date', header: '盘点日期', width: 11, get: (c) => ({ date: c.date }) },
    { key: 'itemNo', header: '资产编号', width: 12, get: (c) => c.itemNo },
    { key: 'name', header: '资产名称', width: 16, get: (c) => c.name },
    { key: 'qty', header: '实盘数量', width: 9, get: (c) => c.qty },
    { key: 'location', header: '存放位置', width: 12, get: (c) => c.location },
    { key: 'remarks', header: '备注', width: 26, get: (c) => c.remarks },
  ], rows);
}

function returnsSheet(wb: ExcelJS.Workbook, rows: ReturnRec[]) {
  const ws = wb.addWorksheet('退货记录');
  title(ws, 1, '销售退货记录', 12);
  table<ReturnRec>(ws, 2, [
    { key: 'date', header: '退货日期', width: 11, get: (r) => ({ date: r.date }) },
    { key: 'no', header: '退货单号', width: 11, get: (r) => r.no },
    { key: 'cust', header: '客户名称', width: 26, get: (r) => r.custWritten },
    { key: 'dn', header: '原送货单号', width: 11, get: (r) => r.dn },
    { key: 'contractNo', header: '合同号', width: 12, get: (r) => r.contractNo },
    { key: 'part', header: '物料编码', width: 11, get: (r) => r.part },
    { key: 'name', header: '品名', width: 11, get: (r) => r.name },
    { key: 'qty', header: '退货数量', width: 8, get: (r) => r.qty },
    { key: 'price', header: '退货单价', width: 9, fmt: PRICE, get: (r) => r.price / 100 },
    { key: 'amount', header: '退货金额', width: 11, fmt: MONEY, get: (r) => Math.round(r.qty * r.price) / 100 },
    { key: 'reason', header: '退货原因', width: 18, get: (r) => r.reason },
    { key: 'remarks', header: '备注', width: 22, get: (r) => r.remarks },
  ], rows);
}

function samplesSheet(wb: ExcelJS.Workbook, rows: SampleRec[]) {
  const ws = wb.addWorksheet('样品登记');
  title(ws, 1, '样品间出入登记', 12);
  table<SampleRec>(ws, 2, [
    { key: 'date', header: '日期', width: 11, get: (s) => ({ date: s.date }) },
    { key: 'dir', header: '出/入', width: 6, get: (s) => s.dir },
    { key: 'sampleNo', header: '样品编号', width: 11, get: (s) => s.sampleNo },
    { key: 'name', header: '样品名称', width: 14, get: (s) => s.name },
    { key: 'cust', header: '客户', width: 12, get: (s) => s.cust?.short },
    { key: 'project', header: '项目', width: 14, get: (s) => s.project },
    { key: 'location', header: '存放位置', width: 10, get: (s) => s.location },
    { key: 'borrower', header: '借用人', width: 12, get: (s) => s.borrower },
    { key: 'qty', header: '数量', width: 6, get: (s) => s.qty },
    { key: 'promised', header: '约定归还日期', width: 12, get: (s) => (s.promised ? { date: s.promised } : undefined) },
    { key: 'returned', header: '实际归还日期', width: 12, get: (s) => (s.returned ? { date: s.returned } : undefined) },
    { key: 'remarks', header: '备注', width: 14, get: (s) => s.remarks },
  ], rows);
  put(ws, rows.length + 4, 1, `截至${AS_OF}，借出未还请及时催还`);
}
