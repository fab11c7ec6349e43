import type { Fen, IsoDate, PriceFen, Rate } from '../values/brand';

/**
 * The typed rows of each table kind. Every field is optional at the type level: a cell that could not be
 * read leaves its field undefined (and a CellIssue says why); `required` in the schema decides what is reported.
 * Field names here and in `schemas.ts` are the same stable identifiers.
 */

export type GoodsClass = 'batch' | 'tooling' | 'material' | 'finished' | 'semi-finished' | 'project' | 'other';
export type CustomerGroup = 'related' | 'external';

export interface CustomerRow {
  code?: string;
  name?: string;
  /** Other names the counterparty goes by, split on 、,;/ */
  aliases?: string;
  group?: CustomerGroup;
  termsDays?: number;
  creditLimit?: Fen;
  contact?: string;
  remarks?: string;
}

export interface QuoteRow {
  quoteNo?: string;
  date?: IsoDate;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  part?: string;
  name?: string;
  spec?: string;
  /** A price whose tax basis the sheet does not say (see taxIncluded). */
  unitPrice?: PriceFen;
  unitPriceWithTax?: PriceFen;
  unitPriceNet?: PriceFen;
  /** 是否含税: true = with tax. When absent, a plain 单价 is taken as with tax (the Chinese B2B default). */
  taxIncluded?: boolean;
  taxRate?: Rate;
  /** Quantity break: this price applies from minQty (inclusive) … */
  minQty?: number;
  /** … to maxQty (inclusive), when stated. */
  maxQty?: number;
  validUntil?: IsoDate;
  currency?: string;
  remarks?: string;
}

export interface ContractRow {
  contractNo?: string;
  line?: number;
  signDate?: IsoDate;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  quoteNo?: string;
  part?: string;
  name?: string;
  spec?: string;
  quantity?: number;
  unit?: string;
  unitPrice?: PriceFen;
  unitPriceWithTax?: PriceFen;
  unitPriceNet?: PriceFen;
  taxIncluded?: boolean;
  taxRate?: Rate;
  /** Line amount with tax (价税合计). */
  amount?: Fen;
  /** Line amount without tax. */
  amountNet?: Fen;
  tax?: Fen;
  /** The contract's stated header total (合同总额), often repeated on each line or on the first. */
  contractTotal?: Fen;
  deliveryDate?: IsoDate;
  termsDays?: number;
  goodsClass?: GoodsClass;
  currency?: string;
  remarks?: string;
}

export interface ShipmentRow {
  date?: IsoDate;
  deliveryNo?: string;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  contractNo?: string;
  part?: string;
  name?: string;
  spec?: string;
  quantity?: number;
  unit?: string;
  unitPrice?: PriceFen;
  unitPriceWithTax?: PriceFen;
  unitPriceNet?: PriceFen;
  taxRate?: Rate;
  amount?: Fen;
  amountNet?: Fen;
  goodsClass?: GoodsClass;
  remarks?: string;
}

export interface StatementRow {
  /** The counterparty whose statement this is (often only in the title; structure fills it from there). */
  counterparty?: string;
  date?: IsoDate;
  /** Their document number — often our delivery-note number. */
  docNo?: string;
  /** Our delivery-note number when the statement carries it in its own column. */
  deliveryNo?: string;
  part?: string;
  name?: string;
  spec?: string;
  quantity?: number;
  unitPrice?: PriceFen;
  amount?: Fen;
  amountNet?: Fen;
  taxRate?: Rate;
  remarks?: string;
}

export interface InvoiceRow {
  invoiceNo?: string;
  date?: IsoDate;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  contractNo?: string;
  deliveryNo?: string;
  /** Amount with tax (价税合计); negative for a red-letter (credit) invoice. */
  amount?: Fen;
  amountNet?: Fen;
  tax?: Fen;
  taxRate?: Rate;
  dueDate?: IsoDate;
  termsDays?: number;
  goodsClass?: GoodsClass;
  currency?: string;
  remarks?: string;
}

export interface ReceiptRow {
  receiptNo?: string;
  date?: IsoDate;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  amount?: Fen;
  invoiceNo?: string;
  method?: string;
  currency?: string;
  remarks?: string;
}

export type PropertyCategory = 'tooling' | 'mould' | 'material' | 'document' | 'gauge' | 'other';

export interface PropertyRow {
  itemNo?: string;
  name?: string;
  spec?: string;
  customer?: string;
  category?: PropertyCategory;
  quantity?: number;
  receivedDate?: IsoDate;
  returnedDate?: IsoDate;
  returnedQty?: number;
  location?: string;
  custodian?: string;
  lastCheckDate?: IsoDate;
  remarks?: string;
}

/** One line of a physical count (盘点表) of customer property. */
export interface PropertyCountRow {
  date?: IsoDate;
  itemNo?: string;
  name?: string;
  countedQty?: number;
  location?: string;
  remarks?: string;
}

export interface ReturnRow {
  date?: IsoDate;
  returnNo?: string;
  customer?: string;
  /** The customer's code when the sheet has it beside the name (客户编码, CustomerID, account number). */
  customerCode?: string;
  /** The original delivery note the goods went out on. */
  deliveryNo?: string;
  contractNo?: string;
  part?: string;
  name?: string;
  quantity?: number;
  unitPrice?: PriceFen;
  amount?: Fen;
  reason?: string;
  remarks?: string;
}

export type SampleDirection = 'in' | 'out' | 'return';

export interface SampleRow {
  date?: IsoDate;
  direction?: SampleDirection;
  sampleNo?: string;
  name?: string;
  customer?: string;
  project?: string;
  location?: string;
  borrower?: string;
  quantity?: number;
  promisedReturn?: IsoDate;
  returnedDate?: IsoDate;
  remarks?: string;
}

/** Kind → row type. */
export interface RowsByKind {
  customers: CustomerRow;
  quotes: QuoteRow;
  contracts: ContractRow;
  shipments: ShipmentRow;
  statements: StatementRow;
  invoices: InvoiceRow;
  receipts: ReceiptRow;
  property: PropertyRow;
  propertyCounts: PropertyCountRow;
  returns: ReturnRow;
  samples: SampleRow;
}

export type TableKind = keyof RowsByKind;

export const TABLE_KINDS: readonly TableKind[] = [
  'customers',
  'quotes',
  'contracts',
  'shipments',
  'statements',
  'invoices',
  'receipts',
  'property',
  'propertyCounts',
  'returns',
  'samples',
];

export type FieldOf<K extends TableKind> = keyof RowsByKind[K] & string;
