/**
 * The clerk's year, as data: customers, parts, quotes, contracts, shipments, statements, invoices, receipts,
 * customer property, returns and samples, 2025-11 … 2026-10, as of 2026-10-31. Everything is decided here,
 * deterministically (a seeded PRNG, fixed dates); write.ts lays it out on sheets the way real people would.
 *
 * Money is integer fen throughout. Dates are ISO strings. A record may carry `cells`: overrides of what is
 * written in a column (a text amount, a bad cell planted on purpose); the writer records where each record
 * landed (`loc`) so planted.json can point at real cells.
 */
import { addDays, isoToEpochDays, lastDayOfMonth } from '../../src/core/values/dates';
import { asIsoDate, asIsoMonth } from '../../src/core/values/brand';
import { Rng } from './prng';

export const AS_OF = '2026-10-31';
export const TODAY = '2026-11-05';
export const PERIOD = '2026-10';
export const OUR_COMPANY = '江苏华工科技装备有限公司';
export const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

// ---------- small helpers ----------
export const add = (iso: string, n: number): string => addDays(asIsoDate(iso), n);
export const monthEnd = (m: string): string => lastDayOfMonth(asIsoMonth(m));
export const dow = (iso: string): number => (((isoToEpochDays(asIsoDate(iso)) + 4) % 7) + 7) % 7; // 0 = Sunday
export const isWorkday = (iso: string): boolean => dow(iso) !== 0;
/** The nearest workday on or before. */
export const workdayBack = (iso: string): string => (isWorkday(iso) ? iso : add(iso, -1));
/** Round half away from zero. */
export const round = (x: number): number => Math.sign(x) * Math.round(Math.abs(x) + 1e-9);
/** Fen without tax from fen with tax. */
export const netOf = (gross: number, rate: number): number => round(gross / (1 + rate));
export const yuan = (fen: number): number => fen / 100;
/** 1234567 → '12,345.67' (no locale tables involved). */
export const money2 = (fen: number): string => {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${int}.${String(Math.round(abs % 100)).padStart(2, '0')}`;
};


/** A value to write in a cell, when the plain typed value is not what the sheet shows. */
export type Cell =
  | null
  | number
  | string
  | { date: string; fmt?: string }
  | { formula: string; result: number | string | { error: string } }
  | { error: string };

export interface Loc {
  sheet: string;
  row: number;
  cols: Record<string, number>;
}

export interface Rec {
  cells?: Record<string, Cell>;
  loc?: Loc;
}

// ---------- customers ----------
export interface Customer extends Rec {
  code: string;
  name: string;
  short: string;
  aliases: string[];
  related: boolean;
  terms: 30 | 60 | 90;
  contact: string;
  limit: number;
  remarks?: string;
}

export const CUSTOMERS: Customer[] = [
  { code: 'C01', name: '苏州华工精密模具有限公司', short: '华工精密', aliases: ['华工精密', '华工模具'], related: true, terms: 60, contact: '周敏 0512-6658xxxx', limit: 300000000 },
  { code: 'C02', name: '无锡华工汽车部件有限公司', short: '无锡华工', aliases: ['无锡华工', '华工汽配'], related: true, terms: 60, contact: '钱伟 0510-8521xxxx', limit: 300000000 },
  { code: 'C03', name: '嘉兴华工新材料科技有限公司', short: '嘉兴华工', aliases: ['嘉兴华工', '华工新材'], related: true, terms: 90, contact: '沈佳 0573-8377xxxx', limit: 200000000 },
  { code: 'C04', name: '宁波锐达汽车零部件有限公司', short: '锐达', aliases: ['锐达', '宁波锐达'], related: false, terms: 30, contact: '李强 0574-8766xxxx', limit: 50000000 },
  { code: 'C05', name: '常州恒泰液压机械有限公司', short: '恒泰液压', aliases: ['恒泰液压', '常州恒泰'], related: false, terms: 60, contact: '吴涛 0519-8690xxxx', limit: 30000000 },
  { code: 'C06', name: '杭州精锐数控设备有限公司', short: '精锐数控', aliases: ['精锐数控', '杭州精锐'], related: false, terms: 30, contact: '陈晨 0571-8826xxxx', limit: 50000000 },
  { code: 'C07', name: '南通远洋重工机械有限公司', short: '远洋重工', aliases: ['远洋重工', '南通远洋'], related: false, terms: 90, contact: '顾海 0513-8551xxxx', limit: 30000000 },
  { code: 'C08', name: '温州瑞丰电器股份有限公司', short: '瑞丰电器', aliases: ['瑞丰电器', '温州瑞丰'], related: false, terms: 60, contact: '郑丽 0577-6278xxxx', limit: 20000000 },
  { code: 'C09', name: '昆山永信电子科技有限公司', short: '永信电子', aliases: ['永信电子', '昆山永信'], related: false, terms: 30, contact: '徐斌 0512-5775xxxx', limit: 10000000 },
  { code: 'C10', name: '绍兴天成纺织机械有限公司', short: '天成纺机', aliases: ['天成纺机', '绍兴天成'], related: false, terms: 90, contact: '孙建 0575-8512xxxx', limit: 20000000, remarks: '2026年10月新客户，预付30%' },
];
export const cust = (code: string): Customer => CUSTOMERS.find((c) => c.code === code)!;

/** A customer name the way someone else typed it. */
export function spelled(c: Customer, rng: Rng, plain = 0.55): string {
  const r = rng.next();
  if (r < plain) return c.name;
  if (r < plain + 0.18) return c.short;
  if (r < plain + 0.3) return c.name.replace(/(股份)?有限公司$/, (m) => `（${m}）`);
  if (r < plain + 0.4) return `${c.name} `;
  return c.aliases[1] ?? c.short;
}

// ---------- parts ----------
export type Cls = '批量' | '工装' | '材料' | '成品' | '半成品' | '项目';

export interface Tier {
  min?: number;
  max?: number;
  /** With tax, fen. */
  gross?: number;
  /** Without tax, fen. */
  net?: number;
}

export interface Part {
  code: string;
  cust: string;
  name: string;
  spec: string;
  unit: string;
  cls: Cls;
  rate: number;
  tiers: Tier[];
  /** Typical order quantity range (related monthly orders). */
  qty?: [number, number, number];
}

const P = (code: string, custCode: string, name: string, spec: string, unit: string, cls: Cls, tiers: Tier[], qty?: [number, number, number], rate = 0.13): Part => ({
  code, cust: custCode, name, spec, unit, cls, rate, tiers, qty,
});

export const PARTS: Part[] = [
  P('HG-M2031', 'C01', '导柱', 'Φ20×120 SUJ2', '件', '批量', [{ min: 200, max: 999, gross: 1880 }, { min: 1000, gross: 1850 }], [600, 1600, 200]),
  P('HG-M2032', 'C01', '导套', 'Φ20 石墨铜套', '件', '批量', [{ gross: 1250 }], [600, 1600, 200]),
  P('HG-M3105', 'C01', '顶针板', '450×300×25 45#', '件', '半成品', [{ gross: 23600 }], [20, 60, 10]),
  P('HG-C0815', 'C01', '模具钢', 'Cr12MoV 锻件', 'kg', '材料', [{ gross: 3200 }], [500, 1200, 50]),
  P('WX-A1102', 'C02', '刹车钳支架', 'QT450-10', '件', '批量', [{ min: 200, max: 999, gross: 2750 }, { min: 1000, gross: 2680 }], [800, 2000, 100]),
  P('WX-A1103', 'C02', '减震器托架', 'SAPH440 t=3.0', '件', '批量', [{ gross: 1460 }], [800, 2000, 100]),
  P('WX-B2201', 'C02', '变速箱壳体毛坯', 'ADC12 压铸', '件', '半成品', [{ gross: 18800 }], [60, 160, 20]),
  P('WX-P0901', 'C02', '新能源电机壳开发', '含模具设计与样件', '项', '项目', [{ gross: 8500000 }], undefined, 0.06),
  P('JX-C301', 'C03', '复合材料板', '2000×1000×3', '张', '材料', [{ gross: 42000 }], [30, 80, 5]),
  P('JX-C302', 'C03', '碳纤维预浸料', 'T700 200g', 'kg', '材料', [{ gross: 26000 }], [100, 300, 20]),
  P('JX-F110', 'C03', '隔热罩', 'HS-110 总成', '件', '成品', [{ gross: 9500 }], [200, 600, 50]),
  P('JX-F111', 'C03', '密封条', 'EPDM 12×8', '米', '成品', [{ gross: 840 }], [1000, 3000, 500]),
  P('RD-1001', 'C04', '转向节', 'QT500-7 机加', '件', '批量', [{ min: 100, max: 499, gross: 4500 }, { min: 500, max: 1999, gross: 4350 }, { min: 2000, gross: 4200 }]),
  P('RD-1002', 'C04', '控制臂衬套', '橡胶+钢套 Φ32', '件', '批量', [{ gross: 680 }]),
  P('RD-T01', 'C04', '焊接夹具', '转向节焊接 4工位', '套', '工装', [{ gross: 2800000 }]),
  P('HT-V220', 'C05', '液压阀体', 'DN20 球铁', '件', '成品', [{ gross: 32000 }]),
  P('HT-V221', 'C05', '阀芯', '40Cr 淬火', '件', '批量', [{ min: 50, max: 199, gross: 6000 }, { min: 200, gross: 5800 }]),
  // Quoted without tax only: the contract's price with tax must be converted to compare.
  P('HT-G05', 'C05', '阀体检具', '综合检具 CMM报告', '套', '工装', [{ net: 860000 }]),
  P('JR-S10', 'C06', '主轴箱体', 'HT250 精加工', '件', '批量', [{ gross: 128000 }]),
  P('JR-S11', 'C06', '主轴端盖', '45# 调质', '件', '批量', [{ gross: 11301, net: 10001 }]),
  P('JR-M01', 'C06', '注塑模具', '1出2 热流道 P20', '套', '工装', [{ net: 10000000 }]),
  P('YY-F500', 'C07', '法兰盘', 'DN500 PN16 Q345', '件', '批量', [{ gross: 86000 }]),
  P('YY-S300', 'C07', '轴套', 'ZCuSn10Pb1 Φ300', '件', '批量', [{ gross: 14800 }]),
  P('FL-DN50', 'C07', '法兰密封垫', 'DN50 石墨复合', '件', '批量', [{ gross: 1200 }]),
  P('RF-7721', 'C08', '接线座', 'PA66 GF30 6位', '件', '批量', [{ min: 1000, max: 4999, gross: 235 }, { min: 5000, gross: 220 }]),
  P('RF-7722', 'C08', '开关外壳', 'PC V0 阻燃', '件', '批量', [{ gross: 345.6 }]),
  P('RF-7730', 'C08', '接线座盖板', 'PA66 6位', '件', '批量', []),
  P('YX-H11', 'C09', '散热片', 'AL6063 40×40', '件', '批量', [{ gross: 480 }]),
  P('YX-H12', 'C09', '屏蔽罩', 'SPTE t=0.2', '件', '批量', [{ gross: 260 }]),
  P('TC-G01', 'C10', '罗拉座', 'HT200 机加', '件', '批量', [{ gross: 6800 }]),
];
export const part = (code: string): Part => PARTS.find((p) => p.code === code)!;

/** The quoted price with tax for a quantity (fen; may carry sub-fen for 4-decimal quotes). */
export function tierPrice(p: Part, qty: number): number {
  const t = p.tiers.find((x) => (x.min === undefined || qty >= x.min) && (x.max === undefined || qty <= x.max)) ?? p.tiers[0];
  if (t.gross !== undefined) return t.gross;
  return round(t.net! * (1 + p.rate));
}

// ---------- quotes ----------
export interface Quote {
  no: string;
  date: string;
  cust: Customer;
  custWritten: string;
  part: Part;
  /** Tiers as written (one row each). */
  tiers: Tier[];
  rate: number;
  validUntil: string;
  remarks?: string;
  /** Show the net price column too (computed from gross). */
  showNet: boolean;
}
export interface QuoteRow extends Rec {
  quote: Quote;
  tier: Tier;
  first: boolean;
}

// ---------- contracts ----------
export interface Contract {
  no: string;
  cust: Customer;
  custWritten: string;
  sign: string;
  delivery: string;
  lines: CLine[];
  /** Stated total (fen); defaults to the sum of line amounts. */
  total?: number;
  /** 'plan': ship per schedule; 'none': nothing shipped yet. */
  ship: 'plan' | 'none';
  /** Explicit shipments (date, qty per line index); otherwise generated. */
  schedule?: { date: string; line: number; qty: number }[];
  /** Months whose shipments are deliberately left un-invoiced. */
  skipInvoice?: boolean;
}
export interface CLine extends Rec {
  c: Contract;
  line: number;
  part: Part;
  partWritten: string;
  qty: number;
  /** Unit price with tax, fen. */
  gross: number;
  /** Unit price without tax, fen, only where the line states it. */
  net?: number;
  rate: number;
  amount: number;
  amountNet: number;
  tax: number;
  quoteNo?: string;
  remarks?: string;
}

// ---------- shipments ----------
export interface Shipment extends Rec {
  date: string;
  dn: string;
  cust: Customer;
  custWritten: string;
  contractNo?: string;
  line?: CLine;
  part?: Part;
  name: string;
  spec: string;
  unit: string;
  qty: number;
  gross: number;
  amount: number;
  rate: number;
  cls: Cls;
  remarks?: string;
  /** Not a contract delivery (free samples, spares, returnable crates). */
  extra?: boolean;
}

// ---------- statements ----------
export interface StatementLine extends Rec {
  date: string;
  docNo?: string;
  /** Our delivery-note number, as they wrote it. */
  dnWritten?: string;
  partCode: string;
  name: string;
  spec: string;
  qty: number;
  price: number;
  amount: number;
  remarks?: string;
  ours?: Shipment[];
}
export interface Statement {
  cust: Customer;
  sheet: string;
  lines: StatementLine[];
}

// ---------- invoices / receipts ----------
export interface Invoice extends Rec {
  no: string;
  date: string;
  cust: Customer;
  custWritten: string;
  contractNo?: string;
  amount: number;
  amountNet: number;
  tax: number;
  rate: number;
  due?: string;
  terms?: number;
  cls?: Cls;
  remarks?: string;
  /** Due date used to plan the payment. */
  dueEff: string;
  /** The shipments it bills. */
  ships?: Shipment[];
  /** When it was (meant to be) paid. */
  paidOn?: string;
}
export interface Receipt extends Rec {
  no: string;
  date: string;
  cust: Customer;
  custWritten: string;
  amount: number;
  invoiceNo?: string;
  method: string;
  remarks?: string;
}

// ---------- other ledgers ----------
export interface PropertyItem extends Rec {
  itemNo: string;
  name: string;
  spec: string;
  cust: Customer;
  category: string;
  qty: number;
  received: string;
  returned?: string;
  location: string;
  custodian: string;
  lastCheck?: string;
  remarks?: string;
}
export interface CountRow extends Rec {
  date: string;
  itemNo: string;
  name: string;
  qty: number;
  location: string;
  remarks?: string;
}
export interface ReturnRec extends Rec {
  date: string;
  no: string;
  cust: Customer;
  custWritten: string;
  dn: string;
  contractNo?: string;
  part: string;
  name: string;
  qty: number;
  price: number;
  reason: string;
  remarks?: string;
}
export interface SampleRec extends Rec {
  date: string;
  dir: '入库' | '借出' | '归还';
  sampleNo: string;
  name: string;
  cust?: Customer;
  project?: string;
  location: string;
  borrower?: string;
  qty: number;
  promised?: string;
  returned?: string;
  remarks?: string;
}

/** One planted case: what it is and which record (and column) holds it. */
export interface Plant {
  job: 'structure' | 'quotes' | 'reconcile' | 'receivables' | 'ledgers' | 'sales';
  code: string;
  /** true for a near miss: the job must NOT report it. */
  nearMiss?: boolean;
  rec: Rec;
  key?: string;
  /** Extra records the case involves (the other side, the second line). */
  also?: { rec: Rec; key?: string }[];
  note: string;
  noteEn: string;
  /** Counterparty or customer the case belongs to. */
  party?: string;
  /** Expected figures, where they help a test. */
  expect?: Record<string, string | number | boolean | null>;
}

export interface Model {
  customers: Customer[];
  quotes: Quote[];
  quoteRows: QuoteRow[];
  contracts: Contract[];
  shipments: Shipment[];
  statements: Statement[];
  invoices: Invoice[];
  receipts: Receipt[];
  property: PropertyItem[];
  counts: CountRow[];
  returns: ReturnRec[];
  samples: SampleRec[];
  plants: Plant[];
  figures: Figures;
}

/** Figures worked out from the documents themselves (yuan), as of AS_OF and for the month PERIOD. */
export interface Figures {
  customers: {
    code: string;
    name: string;
    related: boolean;
    invoiced: number;
    received: number;
    outstanding: number;
    unapplied: number;
    octPlanned: number;
    octReceived: number;
    octRate: number | null;
    octTarget: number;
  }[];
  /** Invoiced without tax, by invoice month, red-letter invoices netted. */
  salesNetByMonth: Record<string, number>;
  salesGrossByMonth: Record<string, number>;
}
