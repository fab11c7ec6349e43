import type { TableKind } from '../../src/core/tables/kinds';

/**
 * The reading a clerk gives each sheet of the real workbooks in ../shared/real-books/books/, decided by looking
 * at every book (not by running the engine): the kind (null when the sheet is none of ours: a supplier list,
 * purchases, payments out, expenses, production, payroll, a bank journal, a task list), the header rows of the
 * first block, the data rows (first, last and how many, over every block of the sheet), the main columns a job
 * relies on, and fields that must stay unmapped (an enumeration over a column of codes, a cost read as an amount).
 * A column may list more than one letter when two columns say the same thing (原币 and 本币 amounts in CNY).
 */

export interface SheetReading {
  sheet: string;
  kind: TableKind | null;
  headerRows?: number[];
  data?: { first: number; last: number; count: number };
  columns?: Record<string, string | string[]>;
  unmapped?: string[];
}

export interface BookReading {
  file: string;
  sheets: SheetReading[];
}

export const READINGS: BookReading[] = [
  {
    // An order-line export: account number, customer name, SKU, quantity, unit price, extended price, timestamp.
    file: 'en01_sample-salesv3.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'shipments', headerRows: [1], data: { first: 2, last: 1501, count: 1500 }, columns: { customer: 'B', part: 'C', quantity: 'D', unitPrice: 'E', amount: 'F', date: 'G' } }],
  },
  {
    // Order lines without dates: the order number settles it as contracts (sales orders).
    file: 'en02_sales_transactions.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'contracts', headerRows: [1], data: { first: 2, last: 13, count: 12 }, columns: { customer: 'B', contractNo: 'C', part: 'D', quantity: 'E', unitPrice: 'F', amount: 'G' } }],
  },
  {
    // A customer list with a loyalty status (gold/silver/bronze is not related/external).
    file: 'en03_customer-status.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'customers', headerRows: [1], data: { first: 2, last: 17, count: 16 }, columns: { code: 'A', name: 'B' }, unmapped: ['group'] }],
  },
  {
    file: 'en04_ar_invoices.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'invoices', headerRows: [1], data: { first: 2, last: 181, count: 180 }, columns: { customer: 'A', invoiceNo: 'B', date: 'C', dueDate: 'D', amount: 'E' } }],
  },
  {
    // Collections against invoices: the amount column is called Collection.
    file: 'en05_ar_collections.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'receipts', headerRows: [1], data: { first: 2, last: 98, count: 97 }, columns: { customer: 'A', invoiceNo: 'B', date: 'C', amount: 'D' } }],
  },
  {
    // Customer master: a Category of BLUE/GOLD/PLATINUM is a rating, not the related/external group.
    file: 'en06_ar_customers.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'customers', headerRows: [1], data: { first: 2, last: 7, count: 6 }, columns: { code: 'A', name: 'B', termsDays: 'C' }, unmapped: ['group'] }],
  },
  {
    // An ERPNext payment-entry export, nearly all of it money received from parties (paid_amount and
    // received_amount are the same figure in one currency; the bare `id` is left to the clerk).
    file: 'en07_erpnext_payments.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'receipts', headerRows: [1], data: { first: 2, last: 14, count: 13 }, columns: { date: 'D', amount: ['J', 'L'], customer: 'O', method: 'P' } }],
  },
  {
    // An ERP shipment-detail report (出货明细表): company and report title above, a 制表者 line at the bottom.
    file: 'zh01_hym_出货明细_cxmr004.xlsx',
    sheets: [
      {
        sheet: 'cxmr004_x0110118135',
        kind: 'shipments',
        headerRows: [3],
        data: { first: 4, last: 13145, count: 13142 },
        columns: { customer: 'D', date: 'H', part: 'P', name: 'Q', quantity: 'S', amount: ['Z', 'AE'], deliveryNo: 'AO' },
        unmapped: ['goodsClass'],
      },
    ],
  },
  {
    // After-sales charged issue note: a line per part, the customer written on the first line of each order;
    // 类别 holds SAP codes (ZTAN), not goods classes; a 签收/备注 block and the sender under the data.
    file: 'zh02_nfpump_售后收费出库单.xlsx',
    sheets: [
      { sheet: '售后收费出库', kind: 'shipments', headerRows: [3], data: { first: 4, last: 269, count: 266 }, columns: { customer: 'B', part: 'C', name: 'D', quantity: 'E', unitPrice: 'F', amount: 'G' }, unmapped: ['goodsClass'] },
      // An RPA error log.
      { sheet: 'Sheet1', kind: null },
    ],
  },
  {
    // Three delivery notices (发货通知单) on one sheet, each with its title, header, lines, an unlabelled sum row,
    // and 合同号/备注 lines; the customer is in a column called 名称 (the item is 物料号 / 水泵型号).
    file: 'zh03_nfpump_发货通知单.xlsx',
    sheets: [
      { sheet: 'Sheet1', kind: 'shipments', headerRows: [3], data: { first: 4, last: 34, count: 16 }, columns: { deliveryNo: 'A', customer: 'B', part: 'C', spec: 'D', quantity: 'F', unitPrice: 'G', amount: 'H' } },
      { sheet: 'Sheet2', kind: null },
      { sheet: 'Sheet3', kind: null },
    ],
  },
  {
    // Two delivery notices, spaced header words (单 价, 金 额), an unlabelled sum row under each.
    file: 'zh04_nfpump_上海办发货单.xlsx',
    sheets: [{ sheet: 'Sheet', kind: 'shipments', headerRows: [3], data: { first: 4, last: 12, count: 2 }, columns: { deliveryNo: 'A', customer: 'B', part: 'C', spec: 'D', quantity: 'F', unitPrice: 'G', amount: 'H' } }],
  },
  {
    // A return notice (退货通知单): one line, a 合计： row, then 备注 lines.
    file: 'zh05_nfpump_库存退货单模板.xlsx',
    sheets: [{ sheet: 'Sheet1', kind: 'returns', headerRows: [3], data: { first: 4, last: 4, count: 1 }, columns: { customer: 'B', part: 'C', quantity: 'G', unitPrice: 'H', amount: 'I' } }],
  },
  {
    // Import templates of a small-factory bookkeeping system: instructions above, a ▲ note below each table.
    file: 'zh06_caiwu_数据导入模板.xlsx',
    sheets: [
      { sheet: '客户信息', kind: 'customers', headerRows: [11], data: { first: 12, last: 14, count: 3 }, columns: { name: 'A', contact: 'B' } },
      { sheet: '供应商信息', kind: null },
      { sheet: '员工信息', kind: null },
      { sheet: '产品工序', kind: null },
      { sheet: '加工订单', kind: 'contracts', headerRows: [12], data: { first: 13, last: 15, count: 3 }, columns: { signDate: 'A', contractNo: 'B', customer: 'C', name: 'D', quantity: 'F', unitPrice: 'H', amountNet: 'I', tax: 'J', amount: 'K' } },
      { sheet: '收款记录', kind: 'receipts', headerRows: [11], data: { first: 12, last: 14, count: 3 }, columns: { date: 'A', receiptNo: 'B', customer: 'C', amount: 'D', method: 'E' } },
      { sheet: '付款记录', kind: null },
      { sheet: 'G银行流水', kind: null },
      { sheet: 'N银行微信流水', kind: null },
      { sheet: '委外加工', kind: null },
      { sheet: '工资表', kind: null },
      { sheet: '费用明细', kind: null },
      { sheet: '发票管理', kind: 'invoices', headerRows: [11], data: { first: 12, last: 14, count: 3 }, columns: { invoiceNo: 'B', date: 'C', customer: 'D', amountNet: 'E', taxRate: 'F', tax: 'G', amount: 'H' } },
    ],
  },
  {
    // A statement template (对账单): one example line, import instructions far below.
    file: 'zh07_caiwu_对账单模板.xlsx',
    sheets: [{ sheet: '对账单', kind: 'statements', headerRows: [4], data: { first: 5, last: 5, count: 1 }, columns: { date: 'A', amount: 'C' } }],
  },
  {
    // Shops (店名) a distributor sells to; Sheet2 is a bare column of people's names.
    file: 'zh08_客户资料.xlsx',
    sheets: [
      { sheet: 'Sheet1', kind: 'customers', headerRows: [1], data: { first: 2, last: 218, count: 217 }, columns: { name: 'A', contact: 'C' } },
      { sheet: 'Sheet2', kind: null },
    ],
  },
  {
    // Sales lines by order (销售订单) with price (售价) and quantity; 直接成本 is a cost, not the amount.
    file: 'zh09_2020年销售数据.xlsx',
    sheets: [
      { sheet: 'task', kind: null },
      { sheet: 'data', kind: 'shipments', headerRows: [1], data: { first: 2, last: 1946, count: 1945 }, columns: { date: 'A', contractNo: 'D', unitPrice: 'F', quantity: 'G' }, unmapped: ['amount'] },
      { sheet: 'reps', kind: null },
    ],
  },
  {
    // Purchases, sales and production of a chemicals plant; the sales sheet has 月合计 rows between months.
    file: 'zh10_产购销表.xlsx',
    sheets: [
      { sheet: '采购表', kind: null },
      { sheet: '成品销售表', kind: 'shipments', headerRows: [1], data: { first: 2, last: 24, count: 14 }, columns: { date: 'A', name: 'B', spec: 'C', customer: 'D', deliveryNo: 'F', quantity: 'H', unitPrice: 'I', amount: 'J' } },
      { sheet: '生产表', kind: null },
    ],
  },
  {
    // A quotation (报价表) to a buyer: 单价/rmb, a quantity column, a 总件数/总价值 row and a 备注 under it.
    file: 'zh11_光伏报价表.xlsx',
    sheets: [{ sheet: 'Sheet3', kind: 'quotes', headerRows: [5], data: { first: 6, last: 19, count: 14 }, columns: { name: 'B', spec: 'D', unitPrice: 'E' } }],
  },
  {
    // A one-line quotation (报价单) with the quote number in the title block and a 合计 row.
    file: 'zh12_报价单_QT003.xlsx',
    sheets: [{ sheet: '报价单', kind: 'quotes', headerRows: [8], data: { first: 9, last: 9, count: 1 }, columns: { name: 'C', spec: 'D', unitPrice: 'E' } }],
  },
];
