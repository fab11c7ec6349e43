/**
 * Builds the Model: the year's documents, with every planted case recorded as a Plant.
 * The seed and the dates are fixed; nothing here reads a clock.
 */
import { Rng } from './prng';
import {
  AS_OF, CUSTOMERS, MONTHS, PARTS, add, money2, cust, isWorkday, monthEnd, netOf, part, round, spelled, tierPrice, workdayBack,
  type CLine, type Contract, type Customer, type Invoice, type Model, type Part, type Plant, type Quote, type QuoteRow,
  type Figures, type Receipt, type Shipment, type Statement, type StatementLine, type CountRow, type PropertyItem, type ReturnRec, type SampleRec,
} from './model';

export const SEED = 20261105;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const ym = (iso: string) => iso.slice(0, 7);
const prevMonth = (m: string) => { const [y, mo] = m.split('-').map(Number); return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1, 2)}`; };
const yymm = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7);

export function generate(): Model {
  const rng = new Rng(SEED);
  const plants: Plant[] = [];
  const plant = (p: Plant) => plants.push(p);

  // ================= quotes =================
  const quotes: Quote[] = [];
  const quoteOf = new Map<string, Quote>();
  let qSeq = 0;
  const mkQuote = (p: Part, date: string, validUntil: string, opts: Partial<Quote> = {}): Quote => {
    qSeq++;
    const q: Quote = {
      no: opts.no ?? `BJ-${yymm(date)}-${pad(qSeq, 3)}`,
      date,
      cust: cust(p.cust),
      custWritten: opts.custWritten ?? spelled(cust(p.cust), rng, 0.7),
      part: p,
      tiers: opts.tiers ?? p.tiers,
      rate: opts.rate ?? p.rate,
      validUntil,
      remarks: opts.remarks ?? (p.tiers.length > 1 ? '阶梯价' : rng.pick(['', '', '含运费', '送货到厂', '不含包装', '月结'])),
      showNet: opts.showNet ?? (p.tiers.every((t) => t.gross !== undefined && Number.isInteger(t.gross)) && rng.chance(0.4)),
    };
    quotes.push(q);
    return q;
  };
  // An old, expired quote still in the ledger (the renewal below supersedes it).
  mkQuote(part('WX-A1102'), '2025-05-12', '2025-10-31', { tiers: [{ min: 200, max: 999, gross: 2850 }, { min: 1000, gross: 2780 }], remarks: '已过期，见新报价' });
  for (const p of PARTS) {
    if (!p.tiers.length) continue; // RF-7730: never quoted
    let date = add('2025-10-08', rng.int(0, 20));
    let valid = '2026-12-31';
    const opts: Partial<Quote> = {};
    if (p.code === 'YX-H11') valid = '2026-05-31';
    if (p.code === 'YX-H12') { date = '2025-12-20'; valid = '2026-01-12'; }
    if (p.code === 'YY-F500') opts.custWritten = '南通远洋重工机械（有限公司）';
    if (p.code === 'FL-DN50') { date = '2026-02-20'; opts.custWritten = '远洋重工'; opts.no = 'BJ-2602-011'; }
    if (p.code === 'RF-7722') opts.remarks = '单价保留4位小数';
    if (p.code === 'HT-G05' || p.code === 'JR-M01') opts.remarks = '报价不含税，税率13%';
    if (p.code === 'JR-S11') opts.showNet = true;
    if (p.cust === 'C10') { date = '2026-09-25'; valid = '2027-03-31'; }
    if (p.code === 'JR-S11') date = '2026-05-20';
    quoteOf.set(p.code, mkQuote(p, date, valid, opts));
  }
  quotes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const quoteRows: QuoteRow[] = quotes.flatMap((q) => q.tiers.map((tier, i): QuoteRow => ({ quote: q, tier, first: i === 0 })));
  const qNo = (code: string) => quoteOf.get(code)!.no;

  // ================= contracts =================
  const contracts: Contract[] = [];
  const mkLine = (c: Contract, p: Part, qty: number, o: Partial<CLine> = {}): CLine => {
    const gross = o.gross ?? round(tierPrice(p, qty));
    const rate = o.rate ?? p.rate;
    const amount = o.amount ?? round(qty * gross);
    const amountNet = o.amountNet ?? netOf(amount, rate);
    const l: CLine = {
      c, line: c.lines.length + 1, part: p, partWritten: o.partWritten ?? p.code, qty, gross, rate, amount, amountNet,
      tax: o.tax ?? amount - amountNet, net: o.net,
      quoteNo: 'quoteNo' in o ? o.quoteNo : rng.chance(0.4) ? qNo(p.code) : undefined,
      remarks: o.remarks, cells: o.cells,
    };
    c.lines.push(l);
    return l;
  };
  const mkContract = (code: string, sign: string, delivery: string, o: Partial<Contract> = {}): Contract => {
    const c: Contract = { no: '', cust: cust(code), custWritten: o.custWritten ?? spelled(cust(code), rng, 0.75), sign, delivery, lines: [], ship: o.ship ?? 'plan', schedule: o.schedule, skipInvoice: o.skipInvoice };
    contracts.push(c);
    return c;
  };
  const qtyFor = (p: Part) => {
    const [lo, hi, step] = p.qty!;
    return lo + step * rng.int(0, Math.floor((hi - lo) / step));
  };

  // --- related companies: one order a month, signed late in the month before, delivered within the month ---
  const relatedParts: Record<string, string[][]> = {
    C01: [['HG-M2031', 'HG-M2032', 'HG-M3105'], ['HG-M2031', 'HG-M2032', 'HG-C0815']],
    C02: [['WX-A1102', 'WX-A1103', 'WX-B2201'], ['WX-A1102', 'WX-A1103']],
    C03: [['JX-C301', 'JX-F110', 'JX-F111'], ['JX-C302', 'JX-F110'], ['JX-C301', 'JX-C302', 'JX-F111']],
  };
  const octRelated = new Map<string, Contract>();
  for (const m of [...MONTHS, '2026-11']) {
    for (const code of ['C01', 'C02', 'C03']) {
      const prevEnd = monthEnd(prevMonth(m));
      const sign = workdayBack(add(prevEnd, -rng.int(3, 7)));
      const c = mkContract(code, sign, monthEnd(m), { ship: m === '2026-11' ? 'none' : 'plan' });
      if (m === '2026-10') {
        octRelated.set(code, c);
        continue; // October is scripted below
      }
      const sets = relatedParts[code];
      for (const pc of sets[MONTHS.indexOf(m) % sets.length] ?? sets[0]) mkLine(c, part(pc), qtyFor(part(pc)));
    }
  }
  // October, line by line (the reconciliation period).
  const oct = (code: string, lines: [string, number][], schedule: [string, number, number][]) => {
    const c = octRelated.get(code)!;
    for (const [pc, qty] of lines) mkLine(c, part(pc), qty);
    c.schedule = schedule.map(([d, line, qty]) => ({ date: d, line, qty }));
  };
  oct('C01', [['HG-M2031', 1200], ['HG-M2032', 1200], ['HG-M3105', 40], ['HG-C0815', 850]], [
    ['2026-10-09', 1, 400], ['2026-10-09', 2, 400], ['2026-10-12', 4, 850], ['2026-10-16', 1, 400], ['2026-10-16', 3, 20],
    ['2026-10-23', 1, 400], ['2026-10-23', 2, 400], ['2026-10-27', 3, 20], ['2026-10-30', 2, 400],
  ]);
  oct('C02', [['WX-A1102', 1500], ['WX-A1103', 2000], ['WX-B2201', 120]], [
    ['2026-10-08', 1, 500], ['2026-10-08', 2, 800], ['2026-10-14', 3, 60], ['2026-10-15', 1, 500], ['2026-10-20', 2, 300],
    ['2026-10-21', 2, 500], ['2026-10-23', 3, 60], ['2026-10-23', 1, 500], ['2026-10-31', 2, 400],
  ]);
  oct('C03', [['JX-C301', 65], ['JX-C302', 180], ['JX-F110', 500], ['JX-F111', 2500]], [
    ['2026-10-10', 1, 40], ['2026-10-10', 4, 1500], ['2026-10-13', 2, 120], ['2026-10-17', 3, 300], ['2026-10-20', 2, 60], ['2026-10-22', 1, 25],
    ['2026-10-24', 4, 1000], ['2026-10-27', 3, 200],
  ]);
  // A development project for 无锡华工, handed over in June (6% service).
  const proj = mkContract('C02', '2026-04-20', '2026-06-30', { schedule: [{ date: '2026-06-28', line: 1, qty: 1 }] });
  mkLine(proj, part('WX-P0901'), 1, { quoteNo: qNo('WX-P0901') });

  // --- external customers ---
  // 锐达 C04
  const c4a = mkContract('C04', '2025-11-12', '2025-12-20');
  mkLine(c4a, part('RD-1001'), 800); mkLine(c4a, part('RD-1002'), 3000);
  const c4b = mkContract('C04', '2026-01-08', '2026-02-15');
  const taxMis = mkLine(c4b, part('RD-1001'), 1200, { quoteNo: qNo('RD-1001') });
  taxMis.tax = round(taxMis.amount * 0.13); // the classic slip: tax = amount × 13% instead of amount ÷ 1.13 × 13%
  const c4c = mkContract('C04', '2026-03-05', '2026-04-30');
  mkLine(c4c, part('RD-T01'), 2, { remarks: '含首件检验' });
  const c4d = mkContract('C04', '2026-05-10', '2026-06-20');
  const tierMis = mkLine(c4d, part('RD-1001'), 600, { gross: 4500, quoteNo: qNo('RD-1001') }); // tier 500–1999 is 43.50
  mkLine(c4d, part('RD-1002'), 2000);
  const c4e = mkContract('C04', '2026-07-02', '2026-08-15');
  const tierEdge = mkLine(c4e, part('RD-1001'), 500); // exactly on the 500 break: 43.50 is right
  mkLine(c4e, part('RD-1002'), 2000);
  const c4f = mkContract('C04', '2026-09-15', '2026-10-31', {
    schedule: [{ date: '2026-09-30', line: 1, qty: 800 }, { date: '2026-09-30', line: 2, qty: 1500 }, { date: '2026-10-26', line: 1, qty: 400 }],
    skipInvoice: true,
  });
  mkLine(c4f, part('RD-1001'), 1500); mkLine(c4f, part('RD-1002'), 2500);

  // 恒泰液压 C05
  const c5a = mkContract('C05', '2025-12-03', '2026-01-20');
  mkLine(c5a, part('HT-V220'), 100);
  const amtMis = mkLine(c5a, part('HT-V221'), 300);
  amtMis.amount = 1710000; // 300 × 58.00 = 17,400.00, typed 17,100.00
  amtMis.amountNet = netOf(amtMis.amount, 0.13);
  amtMis.tax = amtMis.amount - amtMis.amountNet;
  const c5b = mkContract('C05', '2026-04-10', '2026-05-31');
  mkLine(c5b, part('HT-V220'), 150);
  const taxBasis = mkLine(c5b, part('HT-G05'), 1, { gross: 860000, quoteNo: qNo('HT-G05') }); // the net price typed as the price with tax
  const custMis = mkLine(c5b, part('FL-DN50'), 200, { quoteNo: 'BJ-2602-011' }); // 远洋重工's quote
  const c5c = mkContract('C05', '2026-07-20', '2026-08-31', { schedule: [{ date: '2026-08-05', line: 1, qty: 400 }, { date: '2026-08-08', line: 2, qty: 80 }] });
  mkLine(c5c, part('HT-V221'), 400); mkLine(c5c, part('HT-V220'), 80);
  const c5d = mkContract('C05', '2026-09-10', '2026-10-20', { schedule: [{ date: '2026-10-12', line: 1, qty: 120 }], skipInvoice: true });
  mkLine(c5d, part('HT-V220'), 120);

  // 精锐数控 C06
  const c6a = mkContract('C06', '2025-11-20', '2026-01-10');
  mkLine(c6a, part('JR-S10'), 30);
  const c6b = mkContract('C06', '2026-02-25', '2026-05-30', { schedule: [{ date: '2026-05-28', line: 1, qty: 1 }] });
  const taxBasisOk = mkLine(c6b, part('JR-M01'), 1, { gross: 11300000, quoteNo: qNo('JR-M01'), remarks: '模具移交，T1样件确认' });
  const c6c = mkContract('C06', '2026-06-10', '2026-07-31');
  mkLine(c6c, part('JR-S10'), 40);
  mkLine(c6c, part('JR-S11'), 20);
  c6c.total = 5120000; // line 2 added later, total not updated: 51,200.00 + 2,260.20
  const c6d = mkContract('C06', '2026-09-20', '2026-11-15', { schedule: [{ date: '2026-10-18', line: 1, qty: 10 }] });
  mkLine(c6d, part('JR-S10'), 25);
  // Amount off by exactly one fen from quantity × price with tax: 10 × 113.01 = 1,130.10 against 1,130.11
  // (the sheet worked it out from the price without tax: 10 × 100.01 × 1.13 = 1,130.113).
  const oneFen = mkLine(c6d, part('JR-S11'), 10, { net: 10001, amountNet: 100010, amount: 113011, tax: 13001 });

  // 远洋重工 C07
  const c7a = mkContract('C07', '2025-12-15', '2026-02-10');
  mkLine(c7a, part('YY-F500'), 50);
  const priceMis = mkLine(c7a, part('YY-S300'), 200, { gross: 15000 });
  const c7b = mkContract('C07', '2026-03-02', '2026-03-31');
  const noQuoteNear = mkLine(c7b, part('YY-F500'), 60, { partWritten: 'yy-f500', quoteNo: undefined });
  const custNear = mkLine(c7b, part('FL-DN50'), 500, { quoteNo: 'BJ-2602-011' });
  const c7c = mkContract('C07', '2026-08-18', '2026-10-15', { schedule: [{ date: '2026-09-22', line: 1, qty: 180 }] });
  const overdueLine = mkLine(c7c, part('YY-S300'), 300);

  // 瑞丰电器 C08
  const c8a = mkContract('C08', '2025-11-05', '2025-12-15');
  mkLine(c8a, part('RF-7721'), 5000);
  const c8b = mkContract('C08', '2026-04-01', '2026-05-15');
  const fourDec = mkLine(c8b, part('RF-7722'), 3000, { gross: 346, quoteNo: qNo('RF-7722') }); // quote 3.456, contract 3.46
  const minEdge = mkLine(c8b, part('RF-7721'), 1000);
  const c8c = mkContract('C08', '2026-06-18', '2026-07-20');
  const belowMin = mkLine(c8c, part('RF-7721'), 800, { gross: 235 });
  const c8d = mkContract('C08', '2026-08-06', '2026-10-10', {
    schedule: [
      { date: '2026-08-25', line: 1, qty: 2000 }, { date: '2026-08-25', line: 2, qty: 3200 }, { date: '2026-08-25', line: 3, qty: 4000 },
      { date: '2026-09-22', line: 2, qty: 3200 }, { date: '2026-09-22', line: 3, qty: 4300 },
    ],
  });
  const noQuote = mkLine(c8d, part('RF-7730'), 2000, { gross: 185, quoteNo: undefined });
  const overShip = mkLine(c8d, part('RF-7721'), 6000); // 6,400 shipped: 6.7% over
  const overShipNear = mkLine(c8d, part('RF-7722'), 8000, { gross: 346 }); // 8,300 shipped: 3.75% over, within 5%
  const c8e = mkContract('C08', '2026-10-26', '2026-12-20', { ship: 'none' });
  const dup1 = mkLine(c8e, part('RF-7721'), 5000);
  mkLine(c8e, part('RF-7722'), 3000, { gross: 346 });
  const dup2 = mkLine(c8e, part('RF-7721'), 5000, { remarks: '追加' });

  // 永信电子 C09
  const c9a = mkContract('C09', '2026-01-12', '2026-02-28');
  mkLine(c9a, part('YX-H11'), 5000);
  const expNear = mkLine(c9a, part('YX-H12'), 8000, { quoteNo: qNo('YX-H12') });
  const c9b = mkContract('C09', '2026-06-01', '2026-07-15', { schedule: [{ date: '2026-06-25', line: 1, qty: 6000 }] });
  const expired = mkLine(c9b, part('YX-H11'), 6000, { quoteNo: qNo('YX-H11') });

  // 天成纺机 C10: new customer, 30% in advance, nothing shipped yet; the old 17% rate on the form.
  const c10 = mkContract('C10', '2026-10-12', '2026-12-20', { ship: 'none' });
  const rate17 = mkLine(c10, part('TC-G01'), 2000, { rate: 0.17, quoteNo: qNo('TC-G01') });

  // Contract numbers, in signing order.
  contracts.sort((a, b) => (a.sign < b.sign ? -1 : a.sign > b.sign ? 1 : a.cust.code < b.cust.code ? -1 : 1));
  const perMonth = new Map<string, number>();
  for (const c of contracts) {
    const k = yymm(c.sign);
    const n = (perMonth.get(k) ?? 0) + 1;
    perMonth.set(k, n);
    c.no = `HT${k}-${pad(n, 3)}`;
    c.total ??= c.lines.reduce((s, l) => s + l.amount, 0);
  }
  // 负数数量 on a related order line (typed with a minus by mistake).
  const negC = contracts.find((c) => c.cust.code === 'C03' && ym(c.delivery) === '2026-03')!;
  const negLine = negC.lines[0];
  negLine.cells = { ...negLine.cells, qty: -negLine.qty };
  // Totals written as text on a correct contract (near miss for total-mismatch).
  c9a.lines[0].cells = { ...c9a.lines[0].cells, total: `¥${money2(c9a.total!)}` };
  // Rates: mostly 0.13 as a number (shown 13%), a few typed as text.
  for (const c of contracts) for (const l of c.lines) if (l.rate === 0.13 && rng.chance(0.12)) l.cells = { ...l.cells, rate: '13%' };

  // ================= shipments =================
  const shipments: Shipment[] = [];
  const ship = (c: Contract, l: CLine, date: string, qty: number, o: Partial<Shipment> = {}) => {
    shipments.push({
      date, dn: '', cust: c.cust, custWritten: spelled(c.cust, rng, 0.6), contractNo: c.no, line: l, part: l.part,
      name: l.part.name, spec: l.part.spec, unit: l.part.unit, qty, gross: l.gross, amount: round(qty * l.gross), rate: l.rate, cls: l.part.cls, ...o,
    });
  };
  const workdaysBetween = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let d = from; d <= to; d = add(d, 1)) if (isWorkday(d)) out.push(d);
    return out;
  };
  for (const c of contracts) {
    if (c.ship === 'none') continue;
    if (c.schedule) {
      for (const s of c.schedule) ship(c, c.lines[s.line - 1], s.date, s.qty);
      continue;
    }
    const related = c.cust.related;
    const from = related ? `${ym(c.delivery)}-01` : add(c.sign, 10);
    const to = related ? c.delivery : add(c.delivery, -2);
    const days = workdaysBetween(from, to);
    for (const l of c.lines) {
      const k = l.qty === 1 || l.part.cls === '工装' ? 1 : related ? rng.int(2, 3) : rng.int(1, 2);
      const picks = [...new Set(Array.from({ length: k }, () => rng.pick(days)))].sort();
      const step = l.part.qty?.[2] ?? (l.qty >= 1000 ? 100 : l.qty >= 100 ? 10 : 1);
      let left = l.qty;
      picks.forEach((d, i) => {
        const q = i === picks.length - 1 ? left : Math.max(step, Math.round(l.qty / picks.length / step) * step);
        if (q <= 0) return;
        left -= q;
        ship(c, l, d, q);
      });
    }
  }
  // Over-shipping on 瑞丰's August contract (the schedule above ships 6,400 of 6,000 and 8,300 of 8,000).
  // 华工精密: September's last delivery goes out on 09-30 and reaches them in October.
  const sepC01 = shipments.filter((s) => s.cust.code === 'C01' && ym(s.date) === '2026-09').sort((a, b) => (a.date < b.date ? -1 : 1));
  const lateSep = sepC01[sepC01.length - 1];
  lateSep.date = '2026-09-30';
  // Deliveries that are not contract lines (samples, spares, crates): where structure finds its bad cells.
  const extra = (date: string, c: Customer, p: Part | undefined, name: string, qty: number, remarks: string, cells?: Record<string, string | number>) => {
    const s: Shipment = {
      date, dn: '', cust: c, custWritten: spelled(c, rng), part: p, name, spec: p?.spec ?? '', unit: p?.unit ?? '个', qty, gross: 0, amount: 0, rate: 0.13,
      cls: '批量', remarks, extra: true, cells,
    };
    shipments.push(s);
    return s;
  };
  const badDate = extra('2026-02-27', cust('C06'), part('JR-S10'), '主轴箱体（样件）', 2, '样件 免费', { date: '2026-02-30' });
  const badQty = extra('2026-08-14', cust('C04'), part('RD-1002'), '控制臂衬套（备品）', 12, '备品，不开票', { qty: '10+2' });
  const noPart = extra('2026-09-17', cust('C01'), undefined, '周转箱（借用）', 20, '周转箱 需归还');
  // DN numbers: one per customer per day, in date order.
  shipments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cust.code < b.cust.code ? -1 : a.cust.code > b.cust.code ? 1 : (a.contractNo ?? '') < (b.contractNo ?? '') ? -1 : (a.contractNo ?? '') > (b.contractNo ?? '') ? 1 : (a.line?.line ?? 9) - (b.line?.line ?? 9)));
  let dnSeq = 100;
  const dnOf = new Map<string, string>();
  for (const s of shipments) {
    const k = `${s.date}|${s.cust.code}`;
    if (!dnOf.has(k)) dnOf.set(k, `DN${pad(++dnSeq, 6)}`);
    s.dn = dnOf.get(k)!;
  }

  // ================= invoices =================
  const invoices: Invoice[] = [];
  const groups = new Map<string, Shipment[]>();
  for (const s of shipments) {
    if (s.extra || !s.line) continue;
    const k = `${s.contractNo}|${ym(s.date)}`;
    groups.set(k, [...(groups.get(k) ?? []), s]);
  }
  const mkInvoice = (c: Customer, contractNo: string | undefined, date: string, amount: number, rate: number, cls?: string, remarks?: string): Invoice => {
    const amountNet = netOf(amount, rate);
    const inv: Invoice = { no: '', date, cust: c, custWritten: spelled(c, rng, 0.7), contractNo, amount, amountNet, tax: amount - amountNet, rate, cls: cls as Invoice['cls'], remarks, dueEff: '' };
    const r = rng.next();
    if (r < 0.4) inv.due = add(date, c.terms);
    else if (r < 0.7) inv.terms = c.terms;
    inv.dueEff = inv.due ?? add(date, inv.terms ?? c.terms);
    invoices.push(inv);
    return inv;
  };
  for (const list of groups.values()) {
    const c = contracts.find((x) => x.no === list[0].contractNo)!;
    const month = ym(list[0].date);
    if (c.skipInvoice && month === '2026-10') continue;
    const last = list.map((s) => s.date).sort().pop()!;
    const date = c.cust.related ? workdayBack(monthEnd(month)) : add(last, 3);
    if (date > AS_OF) continue;
    const classes = new Set(list.map((x) => x.cls));
    mkInvoice(c.cust, c.no, date, list.reduce((s, x) => s + x.amount, 0), list[0].rate, classes.size === 1 ? list[0].cls : undefined).ships = list;
  }
  // 改模费 invoiced on the mould contract beyond its value.
  const beyondInv = mkInvoice(cust('C06'), c6b.no, '2026-06-15', 1130000, 0.13, '工装', '改模费（客户设计变更）');
  // A return from 锐达 in January: red-letter invoice naming the original.
  const rdReturnShip = shipments.find((s) => s.contractNo === c4a.no && s.part?.code === 'RD-1002')!;
  const rdOrigInv = () => invoices.find((i) => i.ships?.includes(rdReturnShip))!;
  const rdReturnDate = add(rdOrigInv().date, 12);
  invoices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cust.code < b.cust.code ? -1 : 1));
  let invSeq = 0;
  const invNo = () => `2632200000${pad(1830000 + ++invSeq * 7, 10)}`;
  for (const i of invoices) i.no = invNo();
  const redReturnQty = 100;
  const red = mkInvoice(cust('C04'), c4a.no, add(rdReturnDate, 3), -round(redReturnQty * 680), 0.13, '批量', `红字发票 冲 ${rdOrigInv().no} 退货${redReturnQty}件`);
  red.no = invNo();
  red.due = undefined; red.terms = undefined; red.dueEff = red.date;
  invoices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cust.code < b.cust.code ? -1 : 1));
  // Duplicate invoice number: 华工精密's January invoice typed with December's number.
  const c01Inv = invoices.filter((i) => i.cust.code === 'C01');
  const dupA = c01Inv.find((i) => ym(i.date) === '2025-12')!;
  const dupB = c01Inv.find((i) => ym(i.date) === '2026-01')!;
  dupB.cells = { ...dupB.cells, no: dupA.no };

  // ================= receipts =================
  const receipts: Receipt[] = [];
  const mkReceipt = (c: Customer, date: string, amount: number, invoiceNo?: string, remarks?: string, method?: string): Receipt => {
    const r: Receipt = { no: '', date, cust: c, custWritten: spelled(c, rng, 0.5), amount, invoiceNo, method: method ?? rng.pick(['电汇', '电汇', '电汇', '银行承兑汇票', '网银']), remarks };
    receipts.push(r);
    return r;
  };
  const unpaid = new Set<Invoice>();
  // 恒泰液压: May invoices never paid (> 90 days overdue) and August's past due.
  for (const i of invoices) {
    if (i.cust.code === 'C05' && (i.contractNo === c5b.no || i.contractNo === c5c.no)) unpaid.add(i);
  }
  const r3July = invoices.find((i) => i.cust.code === 'C03' && ym(i.date) === '2026-07')!;
  const c9Last = invoices.filter((i) => i.contractNo === c9b.no).sort((a, b) => (a.date < b.date ? -1 : 1)).pop()!;
  const c8Aug = invoices.find((i) => i.contractNo === c8d.no && ym(i.date) === '2026-08')!;
  const c4Oct = invoices.find((i) => i.contractNo === c4f.no && i.date >= '2026-10-01')!;
  const special = new Set<Invoice>([r3July, c9Last, c8Aug, c4Oct, red, rdOrigInv()]);
  // Related companies pay a month's invoices together, without naming them (applied oldest first).
  for (const code of ['C01', 'C02', 'C03']) {
    const byMonth = new Map<string, Invoice[]>();
    for (const i of invoices) if (i.cust.code === code && !special.has(i)) byMonth.set(ym(i.date), [...(byMonth.get(ym(i.date)) ?? []), i]);
    for (const list of byMonth.values()) {
      const due = list.map((i) => i.dueEff).sort()[0];
      const date = workdayBack(add(due, -rng.int(0, 6)));
      if (date > AS_OF) continue;
      mkReceipt(list[0].cust, date, list.reduce((s, i) => s + i.amount, 0), undefined, `${list[0].date.slice(0, 7).replace('-', '年')}月货款`, rng.pick(['电汇', '银行承兑汇票']));
      for (const i of list) i.paidOn = date;
    }
  }
  // External customers pay invoice by invoice, usually naming it.
  for (const i of invoices) {
    if (i.cust.related || special.has(i) || unpaid.has(i) || i.amount < 0) continue;
    const date = workdayBack(add(i.dueEff, -rng.int(0, 8)));
    const paid = date < add(i.date, 3) ? add(i.date, 3) : date;
    if (paid > AS_OF) continue;
    mkReceipt(i.cust, paid, i.amount, rng.chance(0.8) ? i.no : undefined);
    i.paidOn = paid;
  }
  // The planted receipts.
  const origInv = rdOrigInv();
  const rdNetDate = workdayBack(add(origInv.dueEff, -2));
  const rdNet = mkReceipt(cust('C04'), rdNetDate > red.date ? rdNetDate : add(red.date, 2), origInv.amount + red.amount, origInv.no, '扣除退货款');
  const partial = mkReceipt(cust('C03'), '2026-10-28', round(r3July.amount * 0.8), r3July.no, '7月货款（部分）', '银行承兑汇票');
  const over = mkReceipt(cust('C09'), workdayBack(add(c9Last.dueEff, -3)), c9Last.amount + 50000, c9Last.no, '多付500元');
  const c8Full = mkReceipt(cust('C08'), '2026-10-20', c8Aug.amount, c8Aug.no);
  const onAccount = mkReceipt(cust('C08'), '2026-10-28', 1500000, undefined, '预付部分货款');
  const advance = mkReceipt(cust('C10'), '2026-10-20', round(c10.total! * 0.3), undefined, '合同预付款30%');
  const after = mkReceipt(cust('C04'), '2026-11-03', c4Oct.amount, c4Oct.no);
  void c8Full;
  origInv.paidOn = rdNet.date;
  red.paidOn = red.date;
  r3July.paidOn = partial.date;
  c9Last.paidOn = over.date;
  c8Aug.paidOn = '2026-10-20';
  c4Oct.paidOn = after.date;
  receipts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cust.code < b.cust.code ? -1 : 1));
  receipts.forEach((r, i) => (r.no = `SK${yymm(r.date)}-${pad(i + 1, 4)}`));

  // ================= October statements =================
  const octOurs = (code: string) => shipments.filter((s) => s.cust.code === code && ym(s.date) === '2026-10' && !s.extra);
  const grn = (prefix: string, n: number) => `${prefix}${pad(n, 4)}`;
  const stLine = (s: Shipment, o: Partial<StatementLine> = {}): StatementLine => ({
    date: add(s.date, 1), partCode: s.part!.code, name: s.name, spec: s.spec, qty: s.qty, price: s.gross, amount: s.amount, ours: [s], ...o,
  });
  const statements: Statement[] = [];
  const returnsSeed: ReturnRec[] = [];

  // 华工精密: our DN in its own column, their GRN as 入库单号.
  {
    const ours = octOurs('C01');
    const lines: StatementLine[] = [];
    const early = stLine(lateSep, { date: '2026-10-02', remarks: '9月30日发货' });
    lines.push(early);
    let n = 0;
    const find = (d: string, pc: string) => ours.find((s) => s.date === d && s.part!.code === pc)!;
    const transit = find('2026-10-30', 'HG-M2032');
    const reject = find('2026-10-16', 'HG-M2031');
    const priced = find('2026-10-27', 'HG-M3105');
    const dupd = find('2026-10-09', 'HG-M2032');
    for (const s of ours) {
      if (s === transit) continue;
      if (s === reject) lines.push(stLine(s, { qty: s.qty - 5, amount: round((s.qty - 5) * s.gross), remarks: '来料不良拒收5件' }));
      else if (s === priced) lines.push(stLine(s, { price: 23000, amount: round(s.qty * 23000), remarks: '按新价' }));
      else lines.push(stLine(s));
      if (s === dupd) lines.push({ ...lines[lines.length - 1] });
    }
    lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const l of lines) {
      l.docNo = grn('RK2610', ++n + 20);
      const s = l.ours![0];
      l.dnWritten = rng.chance(0.25) ? s.dn.toLowerCase() : s.dn;
    }
    // the duplicate keeps the same GRN as its twin
    const di = lines.findIndex((l) => l.ours?.[0] === dupd);
    lines[di + 1].docNo = lines[di].docNo;
    const dupLine = lines[di + 1];
    const rejLine = lines.find((l) => l.ours?.[0] === reject)!;
    const priceLine = lines.find((l) => l.ours?.[0] === priced)!;
    statements.push({ cust: cust('C01'), sheet: '对账单-华工精密', lines });
    const ret: ReturnRec = { date: '2026-10-19', no: 'TH2610-003', cust: cust('C01'), custWritten: '华工精密', dn: reject.dn, contractNo: reject.contractNo, part: reject.part!.code, name: reject.name, qty: 5, price: reject.gross, reason: '来料不良，对方检验拒收' };
    plant({ job: 'reconcile', code: 'in-transit', rec: transit, key: 'date', party: 'C01', note: '10月30日发出，对方未入库（在途）', noteEn: 'shipped on 10-30, not yet received by them (in transit)' });
    plant({ job: 'reconcile', code: 'qty-diff', rec: rejLine, key: 'qty', also: [{ rec: reject, key: 'qty' }, { rec: ret, key: 'qty' }], party: 'C01', note: '对方实收395件，我方发400件，差5件为拒收，退货记录有对应退货', noteEn: 'they received 395 of 400; the 5 rejected are on our returns sheet', expect: { ours: 400, theirs: 395 } });
    plant({ job: 'reconcile', code: 'amount-diff', rec: priceLine, key: 'price', also: [{ rec: priced, key: 'gross' }], party: 'C01', note: '单价不一致：对方230.00，我方236.00（合同价）', noteEn: 'price differs: theirs 230.00, ours 236.00 (the contract price)', expect: { ours: 236, theirs: 230 } });
    plant({ job: 'reconcile', code: 'duplicate', rec: dupLine, also: [{ rec: lines[di] }], party: 'C01', note: '对方同一入库单重复列示两次', noteEn: 'the same receipt listed twice on their statement' });
    plant({ job: 'reconcile', code: 'only-theirs', rec: early, party: 'C01', note: '9月30日发货、10月2日入库：在对方10月对账单上，不在我方10月出货清单上', noteEn: 'shipped 09-30, received 10-02: on their October statement, on our September list' });
    returnsSeed.push(ret);
  }
  // 无锡华工: our DN only in 备注, with prefixes and dropped zeros.
  {
    const ours = octOurs('C02');
    const find = (d: string, pc: string) => ours.find((s) => s.date === d && s.part!.code === pc)!;
    const transit = find('2026-10-31', 'WX-A1103');
    const onlyOurs = find('2026-10-14', 'WX-B2201');
    const short = find('2026-10-15', 'WX-A1102');
    const a = find('2026-10-20', 'WX-A1103');
    const b = find('2026-10-21', 'WX-A1103');
    const lines: StatementLine[] = [];
    const dnStyle = (dn: string) => {
      const digits = String(Number(dn.slice(2)));
      return rng.pick([`送${digits}`, `DN${digits}`, `dn-${dn.slice(2)}`, `送货单${digits}`, `DN ${digits}`]);
    };
    for (const s of ours) {
      if (s === transit || s === onlyOurs || s === b) continue;
      if (s === a) {
        lines.push(stLine(b, { date: '2026-10-22', qty: a.qty + b.qty, amount: a.amount + b.amount, ours: [a, b], remarks: '两车合并入库' }));
        continue;
      }
      if (s === short) {
        lines.push(stLine(s, { qty: 480, amount: round(480 * s.gross), remarks: `${dnStyle(s.dn)} 实收480，短少20` }));
        continue;
      }
      lines.push(stLine(s, { remarks: dnStyle(s.dn) }));
    }
    lines.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    lines.forEach((l, i) => (l.docNo = `WXRK-10${pad(i + 31, 3)}`));
    statements.push({ cust: cust('C02'), sheet: '对账单-无锡华工', lines });
    const merged = lines.find((l) => l.ours?.length === 2)!;
    const shortLine = lines.find((l) => l.ours?.[0] === short)!;
    plant({ job: 'reconcile', code: 'in-transit', rec: transit, key: 'date', party: 'C02', note: '10月31日发出，对方未入库（在途）', noteEn: 'shipped on 10-31, not yet received (in transit)' });
    plant({ job: 'reconcile', code: 'only-ours', rec: onlyOurs, key: 'dn', party: 'C02', note: '10月14日发货，对方对账单漏列（非在途）', noteEn: 'shipped 10-14 and missing from their statement (not in transit)' });
    plant({ job: 'reconcile', code: 'qty-diff', rec: shortLine, key: 'qty', also: [{ rec: short, key: 'qty' }], party: 'C02', note: '部分收货：我方500件，对方实收480件（无退货记录）', noteEn: 'partial receipt: 500 shipped, 480 received (no return on our side)', expect: { ours: 500, theirs: 480 } });
    plant({ job: 'reconcile', code: 'matched', rec: merged, key: 'qty', also: [{ rec: a, key: 'qty' }, { rec: b, key: 'qty' }], party: 'C02', note: '一对多：对方一行800件 = 我方10月20日300件 + 10月21日500件（备注无单号）', noteEn: 'one-to-many: their one line of 800 = our 300 (10-20) + 500 (10-21); no DN on their line', expect: { oneToMany: true } });
  }
  // 嘉兴华工: our DN as their 单据编号.
  {
    const ours = octOurs('C03');
    const find = (d: string, pc: string) => ours.find((s) => s.date === d && s.part!.code === pc)!;
    const priced = find('2026-10-13', 'JX-C302');
    const amountOnly = find('2026-10-24', 'JX-F111');
    const typo = find('2026-10-27', 'JX-F110');
    const late = find('2026-10-20', 'JX-C302');
    const lines: StatementLine[] = [];
    for (const s of ours) {
      if (s === amountOnly) continue;
      if (s === late) {
        lines.push(stLine(s, { date: add(s.date, 4), remarks: '补单（未附送货单）' }));
        continue;
      }
      if (s === priced) lines.push(stLine(s, { docNo: s.dn, price: 25500, amount: round(s.qty * 25500), remarks: '执行9月调价' }));
      else if (s === typo) lines.push(stLine(s, { docNo: `DN${pad(Number(s.dn.slice(2)) + 10, 6)}`, date: add(s.date, 2) }));
      else lines.push(stLine(s, { docNo: s.dn }));
    }
    // Their own code and a different quantity and price, but the same amount as our 10-24 line.
    const cand = stLine(amountOnly, { date: '2026-10-26', partCode: 'JXF111-BK', name: '密封条(黑)', qty: 1050, price: 800, amount: 840000, ours: undefined, remarks: '补录' });
    if (cand.amount !== amountOnly.amount) throw new Error('sample: the amount-only candidate must agree on amount');
    lines.push(cand);
    lines.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    statements.push({ cust: cust('C03'), sheet: '对账单-嘉兴华工', lines });
    const priceLine = lines.find((l) => l.ours?.[0] === priced)!;
    const typoLine = lines.find((l) => l.ours?.[0] === typo)!;
    const lateLine = lines.find((l) => l.ours?.[0] === late)!;
    plant({ job: 'reconcile', code: 'matched', nearMiss: true, rec: lateLine, key: 'date', also: [{ rec: late, key: 'date' }], party: 'C03', note: '无单号，料号、数量相同，但日期晚4天（超出±3天窗口）：不得自动匹配，只能作为“possible”待人工确认', noteEn: 'no document number, same part and quantity, but 4 days later (outside the ±3-day window): must not match automatically; at most offered as possible', expect: { class: 'possible' } });
    plant({ job: 'reconcile', code: 'amount-diff', rec: priceLine, key: 'price', also: [{ rec: priced, key: 'gross' }], party: 'C03', note: '单价不一致：对方255.00，我方260.00', noteEn: 'price differs: theirs 255.00, ours 260.00', expect: { ours: 260, theirs: 255 } });
    plant({ job: 'reconcile', code: 'possible', rec: cand, key: 'amount', also: [{ rec: amountOnly, key: 'amount' }], party: 'C03', note: '仅金额一致（8,400.00）：料号、数量、单价都不同，需人工确认', noteEn: 'agrees on amount only (8,400.00): part, quantity and price differ; for a person to decide' });
    plant({ job: 'reconcile', code: 'matched', rec: typoLine, key: 'docNo', also: [{ rec: typo, key: 'dn' }], party: 'C03', note: '对方单号录错，按料号+数量+日期（±3天）匹配', noteEn: 'their document number is mistyped; matched on part + quantity + date (±3 days)' });
  }

  // ================= returns =================
  const returns: ReturnRec[] = [...returnsSeed.splice(0)];
  const rdRet: ReturnRec = { date: rdReturnDate, no: `TH${yymm(rdReturnDate)}-001`, cust: cust('C04'), custWritten: '锐达', dn: rdReturnShip.dn, contractNo: c4a.no, part: 'RD-1002', name: '控制臂衬套', qty: redReturnQty, price: 680, reason: '尺寸超差', remarks: `红字发票 ${red.no}` };
  returns.push(rdRet);
  // Over-return: two returns against one delivery line, the second more than what is left.
  const yxShip = shipments.find((s) => s.contractNo === c9a.no && s.part?.code === 'YX-H12')!;
  const over1: ReturnRec = { date: add(yxShip.date, 12), no: 'TH2602-002', cust: cust('C09'), custWritten: '永信电子', dn: yxShip.dn, contractNo: c9a.no, part: 'YX-H12', name: '屏蔽罩', qty: Math.round(yxShip.qty * 0.5), price: yxShip.gross, reason: '镀层不良' };
  const over2: ReturnRec = { ...over1, date: add(yxShip.date, 20), no: 'TH2603-001', qty: yxShip.qty - over1.qty + 200, reason: '镀层不良（第二批）' };
  // Price above the original.
  const hgShip = shipments.find((s) => s.cust.code === 'C01' && s.part?.code === 'HG-M2032' && ym(s.date) === '2026-07')!;
  const priceUp: ReturnRec = { date: add(hgShip.date, 15), no: 'TH2607-002', cust: cust('C01'), custWritten: '苏州华工精密模具有限公司', dn: hgShip.dn, contractNo: hgShip.contractNo, part: 'HG-M2032', name: '导套', qty: 30, price: 1380, reason: '尺寸不良' };
  // No such delivery note.
  const ghost: ReturnRec = { date: '2026-09-09', no: 'TH2609-001', cust: cust('C07'), custWritten: '远洋重工', dn: 'DN000099', part: 'YY-S300', name: '轴套', qty: 10, price: 14800, reason: '客户多订退回', remarks: '原单号待查' };
  // A clean one: the exact remainder.
  const rfShip = shipments.find((s) => s.contractNo === c8b.no && s.part?.code === 'RF-7721')!;
  const exact: ReturnRec = { date: add(rfShip.date, 9), no: 'TH2605-001', cust: cust('C08'), custWritten: '瑞丰电器', dn: rfShip.dn, contractNo: c8b.no, part: 'RF-7721', name: '接线座', qty: 50, price: rfShip.gross, reason: '注塑缺料' };
  returns.push(over1, over2, priceUp, ghost, exact);
  returns.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  plant({ job: 'ledgers', code: 'return-exceeds-shipped', rec: over2, key: 'qty', also: [{ rec: over1, key: 'qty' }, { rec: yxShip, key: 'qty' }], party: 'C09', note: `退货数量超过原发货数量减已退：原发${yxShip.qty}，已退${over1.qty}，本次${over2.qty}`, noteEn: `returns more than shipped less already returned: shipped ${yxShip.qty}, returned ${over1.qty}, now ${over2.qty}` });
  plant({ job: 'ledgers', code: 'return-price-above-original', rec: priceUp, key: 'price', also: [{ rec: hgShip, key: 'gross' }], party: 'C01', note: '退货单价13.80高于原出货单价12.50', noteEn: 'return price 13.80 above the original 12.50' });
  plant({ job: 'ledgers', code: 'return-no-shipment', rec: ghost, key: 'dn', party: 'C07', note: '原送货单号DN000099不存在', noteEn: 'original delivery note DN000099 does not exist' });
  plant({ job: 'ledgers', code: 'return-exceeds-shipped', nearMiss: true, rec: exact, key: 'qty', party: 'C08', note: '正常退货（数量、单价、原单都对得上）', noteEn: 'a clean return (quantity, price and original all agree)' });

  // ================= customer property and the count =================
  const property: PropertyItem[] = [
    { itemNo: 'KC-2025-001', name: '转向节锻造模', spec: 'RD-1001 上下模', cust: cust('C04'), category: '模具', qty: 1, received: '2025-06-18', location: '模具库A-03', custodian: '张磊', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2025-002', name: '转向节检具', spec: 'RD-1001 综合检具', cust: cust('C04'), category: '检具', qty: 1, received: '2025-06-18', location: '计量室', custodian: '刘芳', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2025-005', name: '导柱磨削夹具', spec: 'HG-M2031 专用', cust: cust('C01'), category: '工装', qty: 4, received: '2025-08-02', location: '工装库B-11', custodian: '张磊', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2025-007', name: '压铸模', spec: 'WX-B2201 1出1', cust: cust('C02'), category: '模具', qty: 1, received: '2025-09-15', location: '模具库A-07', custodian: '张磊', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2025-009', name: '阀体图纸及工艺文件', spec: 'HT-V220 A版 共46页', cust: cust('C05'), category: '图纸', qty: 1, received: '2025-10-09', location: '档案室柜3', custodian: '刘芳', lastCheck: '2026-06-30' },
    { itemNo: 'KC-2025-011', name: '客供PA66粒料', spec: 'BASF A3WG6 25kg/袋', cust: cust('C08'), category: '材料', qty: 40, received: '2025-11-20', location: '原料库C-02', custodian: '王涛', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2026-002', name: '注塑模具', spec: 'JR-M01 1出2 热流道', cust: cust('C06'), category: '模具', qty: 1, received: '2026-02-26', returned: '2026-05-28', location: '已移交客户', custodian: '张磊', lastCheck: '2026-03-31', remarks: '开发完成移交' },
    { itemNo: 'KC-2026-003', name: '法兰钻孔夹具', spec: 'YY-F500 钻模', cust: cust('C07'), category: '工装', qty: 2, received: '2026-03-05', location: '工装库B-02', custodian: '张磊', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2026-004', name: '隔热罩冲压模', spec: 'JX-F110 级进模', cust: cust('C03'), category: '模具', qty: 1, received: '2026-04-16', location: '模具库A-12', custodian: '张磊', lastCheck: '2026-09-28' },
    { itemNo: 'KC-2026-006', name: '样件及技术协议', spec: 'TC-G01 首样2件', cust: cust('C10'), category: '图纸', qty: 1, received: '2026-10-13', location: '档案室柜1', custodian: '刘芳' },
  ];
  const ambiguous = property[7];
  ambiguous.cells = { received: '05/03/26' };
  const counts: CountRow[] = property
    .filter((p) => !p.returned && p.itemNo !== 'KC-2025-002')
    .map((p) => ({ date: p.itemNo === 'KC-2025-009' ? '2026-07-15' : '2026-10-28', itemNo: p.itemNo, name: p.name, qty: p.itemNo === 'KC-2025-011' ? 36 : p.qty, location: p.location }));
  const qtyDiff = counts.find((c) => c.itemNo === 'KC-2025-011')!;
  qtyDiff.remarks = '少4袋，待查领用记录';
  const notOnLedger: CountRow = { date: '2026-10-28', itemNo: 'KC-2026-008', name: '刹车支架检具', qty: 1, location: '计量室', remarks: '台账未登记，疑为无锡华工送检' };
  counts.push(notOnLedger);
  const missing = property[1];
  const stale = property[4];
  plant({ job: 'ledgers', code: 'missing', rec: missing, key: 'itemNo', party: 'C04', note: '台账在库，10月28日盘点表上没有（未盘到）', noteEn: 'in custody per the ledger, not on the 10-28 count' });
  plant({ job: 'ledgers', code: 'not-on-ledger', rec: notOnLedger, key: 'itemNo', note: '盘点表有、台账没有', noteEn: 'counted, but not on the ledger' });
  plant({ job: 'ledgers', code: 'qty-diff', rec: qtyDiff, key: 'qty', also: [{ rec: property[5], key: 'qty' }], party: 'C08', note: '账面40袋，实盘36袋', noteEn: 'book 40 bags, counted 36' });
  plant({ job: 'ledgers', code: 'not-checked-last-quarter', rec: stale, key: 'lastCheck', party: 'C05', note: '最近一次盘点2026-07-15（台账记2026-06-30），超过一个季度未盘', noteEn: 'last checked 2026-07-15 (ledger says 2026-06-30): not checked in the last quarter' });
  plant({ job: 'ledgers', code: 'returned', nearMiss: true, rec: property[6], key: 'returned', party: 'C06', note: '已归还客户，不应算缺失', noteEn: 'returned to the customer; not missing' });

  // ================= sample room =================
  const S = (date: string, dir: SampleRec['dir'], sampleNo: string, name: string, c: string | undefined, location: string, qty: number, o: Partial<SampleRec> = {}): SampleRec => ({
    date, dir, sampleNo, name, cust: c ? cust(c) : undefined, location, qty, ...o,
  });
  const lentFair = S('2026-01-20', '借出', 'YP-2511-01', '转向节首件', 'C04', '样品柜1-2', 1, { borrower: '赵刚（销售）', promised: '2026-02-10', returned: '2026-02-08', project: '客户审核' });
  const lentLong = S('2026-08-03', '借出', 'YP-2512-01', '导柱导套样件', 'C01', '样品柜1-4', 4, { borrower: '赵刚（销售）', promised: '2026-09-15', project: '展会' });
  const lentNotDue = S('2026-10-15', '借出', 'YP-2606-01', '隔热罩样件', 'C03', '样品柜2-3', 2, { borrower: '陈静（质量）', promised: '2026-11-20', project: '盐雾试验' });
  const lentEdge = S('2026-10-22', '借出', 'YP-2609-01', '罗拉座首样', 'C10', '样品柜3-1', 1, { borrower: '孙建（客户）', promised: '2026-10-31' });
  const guideIn = S('2025-12-05', '入库', 'YP-2512-01', '导柱导套样件', 'C01', '样品柜1-4', 10);
  const samples: SampleRec[] = [
    S('2025-11-10', '入库', 'YP-2511-01', '转向节首件', 'C04', '样品柜1-2', 3, { project: '转向节量产' }),
    guideIn,
    lentFair,
    S('2026-03-15', '入库', 'YP-2603-01', '电机壳样件', 'C02', '样品柜2-1', 4, { project: '新能源电机壳开发' }),
    S('2026-04-02', '借出', 'YP-2603-01', '电机壳样件', 'C02', '样品柜2-1', 2, { borrower: '黄磊（技术）', promised: '2026-04-30', project: '台架试验' }),
    S('2026-05-12', '归还', 'YP-2603-01', '电机壳样件', 'C02', '样品柜2-1', 2, { borrower: '黄磊（技术）', remarks: '逾期归还' }),
    S('2026-06-20', '入库', 'YP-2606-01', '隔热罩样件', 'C03', '样品柜2-3', 5),
    lentLong,
    S('2026-09-10', '入库', 'YP-2609-01', '罗拉座首样', 'C10', '样品柜3-1', 2, { project: '天成纺机新项目' }),
    lentNotDue,
    lentEdge,
  ];
  plant({ job: 'ledgers', code: 'sample-overdue', rec: lentLong, key: 'promised', party: 'C01', note: '8月3日借出4件，约定9月15日归还，至10月31日未还（逾期46天）', noteEn: 'lent 08-03, due back 09-15, still out on 10-31 (46 days overdue)', expect: { daysOverdue: 46 } });
  plant({ job: 'ledgers', code: 'sample-overdue', nearMiss: true, rec: lentEdge, key: 'promised', party: 'C10', note: '约定归还日即10月31日：未逾期', noteEn: 'due back on 10-31 itself: not overdue' });
  plant({ job: 'ledgers', code: 'sample-overdue', nearMiss: true, rec: lentNotDue, key: 'promised', party: 'C03', note: '借出未还，但约定11月20日归还：未到期', noteEn: 'out, due back 11-20: not yet due' });
  plant({ job: 'ledgers', code: 'sample-overdue', nearMiss: true, rec: lentFair, key: 'returned', party: 'C04', note: '借出后按期归还（归还日期记在借出行）', noteEn: 'lent and returned on time (return date on the loan row)' });
  plant({ job: 'ledgers', code: 'sample-stock', rec: guideIn, key: 'qty', party: 'C01', note: '库存：导柱导套样件 10−4 = 6件；转向节首件3件；电机壳样件4件；隔热罩样件3件；罗拉座首样1件', noteEn: 'on hand: YP-2512-01 6, YP-2511-01 3, YP-2603-01 4, YP-2606-01 3, YP-2609-01 1', expect: { 'YP-2512-01': 6, 'YP-2511-01': 3, 'YP-2603-01': 4, 'YP-2606-01': 3, 'YP-2609-01': 1 } });

  // ================= the remaining plants =================
  // structure
  plant({ job: 'structure', code: 'not-a-date', rec: badDate, key: 'date', note: '不存在的日期2026-02-30', noteEn: 'an impossible date, 2026-02-30' });
  plant({ job: 'structure', code: 'not-a-number', rec: badQty, key: 'qty', note: '数量写成“10+2”（10件加2件备品）', noteEn: 'quantity typed as "10+2" (10 plus 2 spares)' });
  plant({ job: 'structure', code: 'missing-required', rec: noPart, key: 'part', note: '出货行没有物料编码（周转箱）', noteEn: 'a shipment row without a part code (returnable crates)' });
  plant({ job: 'structure', code: 'ambiguous-date', rec: ambiguous, key: 'received', party: 'C07', note: '接收日期写成05/03/26，日月年还是月日年无法确定', noteEn: 'received date 05/03/26: day/month or month/day cannot be told' });
  plant({ job: 'structure', code: 'negative-not-allowed', rec: negLine, key: 'qty', party: 'C03', note: '合同数量为负数', noteEn: 'a negative contract quantity' });
  plant({ job: 'structure', code: 'duplicate-key', rec: dupB, key: 'no', also: [{ rec: dupA, key: 'no' }], party: 'C01', note: '发票号码与另一张发票重复（1月发票录成12月的号码）', noteEn: 'invoice number duplicates another invoice (January\'s typed with December\'s number)' });
  // the #N/A is planted by the writer on a September shipment (see formulaErrorShipment)
  const naShip = shipments.find((s) => ym(s.date) === '2026-09' && s.cust.code === 'C02' && !s.extra)!;
  naShip.cells = { ...naShip.cells, netPrice: { formula: 'VLOOKUP(E{row},报价台账!$D:$J,7,FALSE)', result: { error: '#N/A' } } };
  plant({ job: 'structure', code: 'formula-error', rec: naShip, key: 'netPrice', party: 'C02', note: '不含税单价是VLOOKUP公式，查找值错引了订单号列，结果#N/A', noteEn: 'the net price is a VLOOKUP that looks up the order number instead of the part, so its result is #N/A' });

  // quotes
  const q = (code: string, rec: CLine, key: string, note: string, noteEn: string, nearMiss = false, expect?: Plant['expect']) =>
    plant({ job: 'quotes', code, rec, key, nearMiss, party: rec.c.cust.code, note, noteEn, expect: { contractNo: rec.c.no, line: rec.line, ...expect } });
  q('no-quote', noQuote, 'part', '料号RF-7730从未报价', 'part RF-7730 was never quoted');
  q('no-quote', noQuoteNear, 'part', '合同料号写成小写yy-f500、报价客户写成“（有限公司）”：仍应找到报价', 'part typed yy-f500 and the quote\'s customer with （有限公司）: the quote must still be found', true);
  q('price-mismatch', priceMis, 'gross', '合同单价150.00，报价148.00', 'contract 150.00, quote 148.00', false, { expected: 148, actual: 150 });
  q('price-mismatch', tierMis, 'gross', '阶梯价：600件落在500–1999档（43.50），合同按45.00', 'quantity break: 600 falls in the 500–1999 tier (43.50), contract says 45.00', false, { expected: 43.5, actual: 45 });
  q('price-mismatch', tierEdge, 'gross', '阶梯边界：500件正好是500档，43.50正确', 'tier edge: 500 is in the 500 tier, 43.50 is right', true);
  q('price-mismatch', taxBasis, 'gross', '报价不含税8,600.00（13%）应为含税9,718.00，合同把不含税价填进含税单价', 'quoted 8,600.00 without tax (13%) = 9,718.00 with tax; the contract put the net price in the with-tax column', false, { expected: 9718, actual: 8600 });
  q('price-mismatch', taxBasisOk, 'gross', '报价不含税100,000.00，合同含税113,000.00：换算后一致', 'quoted 100,000.00 without tax, contract 113,000.00 with tax: equal once converted', true);
  q('price-mismatch', fourDec, 'gross', '报价3.456（4位小数），合同3.46：差0.004，在0.005容差内', 'quote 3.456, contract 3.46: 0.004 apart, within the 0.005 tolerance', true);
  q('quote-expired', expired, 'sign', '报价有效期至2026-05-31，合同2026-06-01签订', 'quote valid until 2026-05-31, contract signed 2026-06-01');
  q('quote-expired', expNear, 'sign', '报价有效期至2026-01-12，合同同日签订：未过期', 'quote valid until 2026-01-12, contract signed that same day: not expired', true);
  q('amount-mismatch', amtMis, 'amount', '300 × 58.00 = 17,400.00，合同金额写成17,100.00', '300 × 58.00 = 17,400.00, the line says 17,100.00', false, { expected: 17400, actual: 17100 });
  q('amount-mismatch', oneFen, 'amount', '10 × 113.01 = 1,130.10，金额1,130.11：差0.01属舍入，不报', '10 × 113.01 = 1,130.10 against 1,130.11: one fen of rounding, not reported', true);
  q('tax-rate-mismatch', rate17, 'rate', '税率17%（已停用），报价13%', 'tax rate 17% (no longer in force); the quote says 13%');
  const proj6 = proj.lines[0];
  q('tax-rate-mismatch', proj6, 'rate', '开发项目按6%，报价也是6%：正确', 'development project at 6%, quoted at 6%: right', true);
  q('tax-mismatch', taxMis, 'tax', '税额按价税合计×13%计算，不含税金额+税额≠价税合计', 'tax worked out as amount × 13%, so net + tax ≠ amount');
  q('customer-mismatch', custMis, 'quoteNo', '引用的报价BJ-2602-011属于远洋重工', 'the quote it names, BJ-2602-011, belongs to 远洋重工');
  q('customer-mismatch', custNear, 'quoteNo', '报价上客户写简称“远洋重工”：同一客户', 'the quote names the customer by its short name: the same customer', true);
  q('duplicate-line', overShip, 'part', `RF-7721也出现在合同${c8e.no}中：不同合同，不算重复`, `RF-7721 also appears on contract ${c8e.no}: a different contract, not a duplicate`, true);
  // Tax worked out the right way round: net + tax = amount, though net × 13% is a fen away from the tax.
  const offByFen = contracts.flatMap((c) => c.lines).find((l) => l.c.cust.related && l.rate === 0.13 && !l.cells && round(l.amountNet * 0.13) !== l.tax)!;
  q('tax-mismatch', offByFen, 'tax', '税额=价税合计−不含税金额，与不含税金额×13%差1分：合计相符，不报', 'tax = amount − net, a fen away from net × 13%: net + tax still equals the amount, not reported', true);
  q('duplicate-line', dup2, 'part', '同一合同同一料号RF-7721出现两行（第1行、第3行）', 'the same part RF-7721 twice in one contract (lines 1 and 3)');
  plants[plants.length - 1].also = [{ rec: dup1, key: 'part' }];
  q('total-mismatch', c6c.lines[0], 'total', '合同总额51,200.00，两行合计53,460.20（第2行后加，总额未改）', 'stated total 51,200.00, lines sum to 53,460.20 (line 2 added later)', false, { expected: 53460.2, actual: 51200 });
  q('total-mismatch', c9a.lines[0], 'total', '合同总额写成文本“¥…”，与明细合计一致', 'total typed as text "¥…", equal to the lines', true);
  q('below-minimum-quantity', belowMin, 'qty', '起订量1000，合同800', 'minimum quantity 1,000, contract 800', false, { expected: 1000, actual: 800 });
  q('below-minimum-quantity', minEdge, 'qty', '数量正好等于起订量1000：不报', 'quantity exactly the minimum 1,000: not reported', true);

  // receivables
  const r5old = invoices.filter((i) => i.contractNo === c5b.no);
  const r5aug = invoices.filter((i) => i.contractNo === c5c.no);
  for (const i of r5old) plant({ job: 'receivables', code: 'overdue-90', rec: i, key: 'no', party: 'C05', note: `到期${i.dueEff}未付，至10月31日逾期超过90天`, noteEn: `due ${i.dueEff}, unpaid: more than 90 days overdue on 10-31` });
  plant({ job: 'receivables', code: 'beyond-terms', rec: r5aug[0], key: 'no', also: r5aug.slice(1).map((rec) => ({ rec, key: 'no' })), party: 'C05', note: `恒泰液压超过账期未付款（${[...r5old, ...r5aug].map((i) => i.date.slice(0, 7)).join('、')}开出的发票均已逾期）`, noteEn: `恒泰液压 is past its terms (the invoices of ${[...r5old, ...r5aug].map((i) => i.date.slice(0, 7)).join(', ')} are all overdue)` });
  plant({ job: 'receivables', code: 'collection-below-target', rec: r5aug[0], key: 'no', party: 'C05', note: '外部客户10月回款率低于100%', noteEn: 'external customer below 100% collection in October' });
  plant({ job: 'receivables', code: 'collection-below-target', rec: partial, key: 'amount', also: [{ rec: r3July, key: 'no' }], party: 'C03', note: '关联企业嘉兴华工10月回款率80%，低于95%', noteEn: 'related company 嘉兴华工 collected 80% in October, below 95%' });
  plant({ job: 'receivables', code: 'partial-overdue', rec: r3July, key: 'no', also: [{ rec: partial, key: 'amount' }], party: 'C03', note: '7月发票10月29日到期，只付了80%', noteEn: 'July invoice due 10-29, only 80% paid' });
  plant({ job: 'receivables', code: 'receipt-names-invoice', rec: partial, key: 'invoiceNo', party: 'C03', note: '回款注明发票号，按发票核销（部分付款）', noteEn: 'receipt names its invoice (a partial payment)' });
  plant({ job: 'receivables', code: 'overpayment', rec: over, key: 'amount', party: 'C09', note: '多付500.00元，无其他未结发票：形成未核销余额', noteEn: 'paid 500.00 too much with nothing else open: an unapplied credit', expect: { unapplied: 500 } });
  plant({ job: 'receivables', code: 'receipt-no-invoice', rec: advance, key: 'amount', party: 'C10', note: '天成纺机预付30%，该客户没有任何发票', noteEn: '30% advance from 天成纺机, which has no invoice at all', expect: { unapplied: yuanOf(advance.amount) } });
  plant({ job: 'receivables', code: 'receipt-unmatched-amount', rec: onAccount, key: 'amount', party: 'C08', note: '无发票号的15,000.00，与任何发票金额都不符（FIFO冲9月发票一部分）', noteEn: '15,000.00 without an invoice number, equal to no invoice (FIFO pays part of September\'s)' });
  plant({ job: 'receivables', code: 'after-as-of', rec: after, key: 'date', party: 'C04', note: '11月3日到账，截至10月31日不计', noteEn: 'received 11-03: does not count as of 10-31' });
  plant({ job: 'receivables', code: 'credit-note', rec: red, key: 'amount', also: [{ rec: origInv, key: 'no' }, { rec: rdNet, key: 'amount' }], party: 'C04', note: '红字发票（退货100件），备注注明冲销的原发票号；客户按差额付款', noteEn: 'red-letter invoice (100 returned), naming the invoice it reverses; the customer paid the difference' });
  plant({ job: 'receivables', code: 'fifo', rec: receipts.find((r) => r.cust.code === 'C02' && !r.invoiceNo)!, key: 'amount', party: 'C02', note: '关联企业按月汇总付款、不注明发票号：按最早到期先核销', noteEn: 'related companies pay a month at a time without invoice numbers: applied oldest due first' });
  // ledgers: contracts
  plant({ job: 'ledgers', code: 'shipped-not-invoiced', rec: shipments.find((s) => s.contractNo === c5d.no)!, key: 'date', party: 'C05', note: '10月12日发货，至10月31日未开票（超过7天）', noteEn: 'shipped 10-12, not invoiced by 10-31 (more than 7 days)', expect: { contractNo: c5d.no } });
  plant({ job: 'ledgers', code: 'shipped-not-invoiced', nearMiss: true, rec: shipments.find((s) => s.contractNo === c4f.no && s.date === '2026-10-26')!, key: 'date', party: 'C04', note: '10月26日发货未开票，只过了5天：不报', noteEn: 'shipped 10-26, not invoiced: only 5 days, not reported', expect: { contractNo: c4f.no } });
  plant({ job: 'ledgers', code: 'shipped-not-invoiced', nearMiss: true, rec: rdRet, key: 'qty', also: [{ rec: red, key: 'amount' }], party: 'C04', note: `合同${c4a.no}退货${redReturnQty}件已开红字发票冲回：扣除退货后发货额=开票额，不应报未开票`, noteEn: `contract ${c4a.no}: ${redReturnQty} returned and credited by a red-letter invoice; net of the return, shipped = invoiced, so not "shipped, not invoiced"`, expect: { contractNo: c4a.no } });
  plant({ job: 'ledgers', code: 'invoiced-beyond-contract', rec: beyondInv, key: 'amount', party: 'C06', note: '模具合同113,000.00，另开改模费11,300.00，开票超合同10%', noteEn: 'mould contract 113,000.00, plus an 11,300.00 modification invoice: 10% beyond the contract', expect: { contractNo: c6b.no } });
  plant({ job: 'ledgers', code: 'shipped-beyond-contract', rec: overShip, key: 'qty', party: 'C08', note: '合同6,000件，实发6,400件（超6.7%，容差5%）', noteEn: 'contract 6,000, shipped 6,400 (6.7% over; tolerance 5%)', expect: { contractNo: c8d.no } });
  plant({ job: 'ledgers', code: 'shipped-beyond-contract', nearMiss: true, rec: overShipNear, key: 'qty', party: 'C08', note: '合同8,000件，实发8,300件（超3.75%，在5%容差内）', noteEn: 'contract 8,000, shipped 8,300 (3.75% over, within 5%)', expect: { contractNo: c8d.no } });
  plant({ job: 'ledgers', code: 'delivery-overdue', rec: overdueLine, key: 'delivery', party: 'C07', note: '交期10月15日，300件只发了180件', noteEn: 'due 10-15, only 180 of 300 shipped', expect: { contractNo: c7c.no } });
  plant({ job: 'ledgers', code: 'delivery-overdue', nearMiss: true, rec: c4f.lines[0], key: 'delivery', party: 'C04', note: '交期10月31日（即截止日）未发完：尚未逾期', noteEn: 'due 10-31 (the as-of date itself), not fully shipped: not yet overdue', expect: { contractNo: c4f.no } });
  plant({ job: 'ledgers', code: 'fully-collected', rec: c9a.lines[0], key: 'contractNo', party: 'C09', note: '已发货、已开票、已全额回款：关闭（其他早期合同同样已关闭）', noteEn: 'shipped, invoiced and paid in full: closed (as are the other early contracts)', expect: { contractNo: c9a.no } });

  // sales: the facts a test can tie to
  plant({ job: 'sales', code: 'credit-note-netted', rec: red, key: 'amount', party: 'C04', note: `红字发票在${ym(red.date)}冲减销售额`, noteEn: `the red-letter invoice reduces sales of ${ym(red.date)}` });
  plant({ job: 'sales', code: 'project-6pct', rec: proj6, key: 'rate', party: 'C02', note: '开发项目（6%）计入“项目”类', noteEn: 'the development project (6%) counts in the project class' });

  // ================= figures worked out from the documents, for the receivables and sales tests =================
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const monthStart = `${AS_OF.slice(0, 7)}-01`;
  const figures: Figures = {
    customers: CUSTOMERS.map((c) => {
      const inv = invoices.filter((i) => i.cust === c && i.date <= AS_OF);
      const rec = receipts.filter((r) => r.cust === c && r.date <= AS_OF);
      const unapplied = c === over.cust ? over.amount - c9Last.amount : c === advance.cust ? advance.amount : 0;
      const invoiced = sum(inv.map((i) => i.amount));
      const received = sum(rec.map((r) => r.amount));
      // Open on the first of the month and due by its end: the month's receivables plan.
      const planned = sum(inv.filter((i) => i.amount > 0 && i.dueEff <= AS_OF && (!i.paidOn || i.paidOn >= monthStart)).map((i) => i.amount));
      const monthReceived = sum(rec.filter((r) => r.date >= monthStart).map((r) => r.amount));
      return {
        code: c.code, name: c.name, related: c.related,
        invoiced: invoiced / 100, received: received / 100, outstanding: (invoiced - received + unapplied) / 100, unapplied: unapplied / 100,
        octPlanned: planned / 100, octReceived: monthReceived / 100, octRate: planned > 0 ? Math.round((monthReceived / planned) * 10000) / 10000 : null,
        octTarget: c.related ? 0.95 : 1,
      };
    }),
    salesNetByMonth: Object.fromEntries(MONTHS.map((m) => [m, sum(invoices.filter((i) => i.date.startsWith(m)).map((i) => i.amountNet)) / 100])),
    salesGrossByMonth: Object.fromEntries(MONTHS.map((m) => [m, sum(invoices.filter((i) => i.date.startsWith(m)).map((i) => i.amount)) / 100])),
  };

  return { customers: CUSTOMERS, quotes, quoteRows, contracts, shipments, statements, invoices, receipts, property, counts, returns, samples, plants, figures };
}

const yuanOf = (fen: number) => fen / 100;
