import { SCHEMAS } from '../../../src/core/tables/schemas';
import { TABLE_KINDS, type FieldOf, type TableKind } from '../../../src/core/tables/kinds';
import { headerKey } from '../../../src/core/structure/vocabulary';
import { mapColumns } from '../../../src/core/structure/kind';
import { readFileSync } from 'fs';
import { join } from 'path';
import { kindsSection } from '../../../scripts/docs/kinds-section';

/**
 * Every field of every row type, written out once. The type makes this list complete and exact against kinds.ts
 * (a missing or misspelt field does not compile), and the test holds the schemas to it.
 */
const ROW_FIELDS: { [K in TableKind]: Record<FieldOf<K>, true> } = {
  customers: { code: true, name: true, aliases: true, group: true, termsDays: true, creditLimit: true, contact: true, remarks: true },
  quotes: {
    quoteNo: true, date: true, customer: true, customerCode: true, part: true, name: true, spec: true, unitPrice: true, unitPriceWithTax: true, unitPriceNet: true,
    taxIncluded: true, taxRate: true, minQty: true, maxQty: true, validUntil: true, currency: true, remarks: true,
  },
  contracts: {
    contractNo: true, line: true, signDate: true, customer: true, customerCode: true, quoteNo: true, part: true, name: true, spec: true, quantity: true, unit: true,
    unitPrice: true, unitPriceWithTax: true, unitPriceNet: true, taxIncluded: true, taxRate: true, amount: true, amountNet: true, tax: true,
    contractTotal: true, deliveryDate: true, termsDays: true, goodsClass: true, currency: true, remarks: true,
  },
  shipments: {
    date: true, deliveryNo: true, customer: true, customerCode: true, contractNo: true, part: true, name: true, spec: true, quantity: true, unit: true, unitPrice: true,
    unitPriceWithTax: true, unitPriceNet: true, taxRate: true, amount: true, amountNet: true, goodsClass: true, remarks: true,
  },
  statements: {
    counterparty: true, date: true, docNo: true, deliveryNo: true, part: true, name: true, spec: true, quantity: true, unitPrice: true, amount: true,
    amountNet: true, taxRate: true, remarks: true,
  },
  invoices: {
    invoiceNo: true, date: true, customer: true, customerCode: true, contractNo: true, deliveryNo: true, amount: true, amountNet: true, tax: true, taxRate: true,
    dueDate: true, termsDays: true, goodsClass: true, currency: true, remarks: true,
  },
  receipts: { receiptNo: true, date: true, customer: true, customerCode: true, amount: true, invoiceNo: true, method: true, currency: true, remarks: true },
  property: {
    itemNo: true, name: true, spec: true, customer: true, category: true, quantity: true, receivedDate: true, returnedDate: true, returnedQty: true,
    location: true, custodian: true, lastCheckDate: true, remarks: true,
  },
  propertyCounts: { date: true, itemNo: true, name: true, countedQty: true, location: true, remarks: true },
  returns: {
    date: true, returnNo: true, customer: true, customerCode: true, deliveryNo: true, contractNo: true, part: true, name: true, quantity: true, unitPrice: true,
    amount: true, reason: true, remarks: true,
  },
  samples: {
    date: true, direction: true, sampleNo: true, name: true, customer: true, project: true, location: true, borrower: true, quantity: true,
    promisedReturn: true, returnedDate: true, remarks: true,
  },
};

describe('schemas', () => {
  it.each(TABLE_KINDS)('%s: the schema fields are exactly the row type’s fields, each once', (kind) => {
    const fields = SCHEMAS[kind].fields.map((f) => f.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect([...fields].sort()).toEqual(Object.keys(ROW_FIELDS[kind]).sort());
    expect(SCHEMAS[kind].kind).toBe(kind);
  });

  it.each(TABLE_KINDS)('%s: every header word normalises to a key no other field of the kind claims', (kind) => {
    const owner = new Map<string, string>();
    for (const f of SCHEMAS[kind].fields) {
      for (const w of f.headers) {
        const key = headerKey(w);
        expect(key).not.toBe('');
        const prev = owner.get(key);
        if (prev && prev !== f.field) throw new Error(`${kind}: '${w}' names both ${prev} and ${f.field}`);
        owner.set(key, f.field);
      }
      if (f.type === 'enum') expect(f.options?.length).toBeGreaterThan(0);
    }
    expect(SCHEMAS[kind].fields.some((f) => f.required)).toBe(true);
  });

  // The synonyms the issue asks for, each mapped to its field in a kind that has the field.
  const SYNONYMS: [TableKind, string, string[]][] = [
    ['contracts', 'contractNo', ['合同编号', '合同号', '协议号', '订单号', 'PO号']],
    ['shipments', 'deliveryNo', ['送货单号', '出货单号', '发货单号', '出库单号']],
    ['shipments', 'part', ['物料编码', '物料代码', '料号', '零件号', '图号', '产品代码', '存货编码']],
    ['shipments', 'name', ['品名', '物料名称', '产品名称', '名称']],
    ['shipments', 'spec', ['规格', '型号', '规格型号']],
    ['shipments', 'quantity', ['数量', '送货数量', '实收数量', '结算数量']],
    ['shipments', 'unitPriceWithTax', ['含税单价', '单价(含税)', '单价（含税）']],
    ['shipments', 'unitPriceNet', ['不含税单价', '未税单价']],
    ['invoices', 'amount', ['价税合计', '含税金额', '金额']],
    ['contracts', 'taxRate', ['税率', '税率(%)', '税率（%）']],
    ['shipments', 'customer', ['客户', '客户名称', '购货单位', '往来单位', '需方']],
    ['shipments', 'date', ['送货日期', '出货日期']],
    ['invoices', 'date', ['开票日期']],
    ['invoices', 'dueDate', ['到期日']],
    ['receipts', 'date', ['收款日期']],
    ['invoices', 'invoiceNo', ['发票号', '发票号码']],
    ['receipts', 'amount', ['回款金额', '实收金额']],
    ['statements', 'remarks', ['备注']],
  ];
  it.each(SYNONYMS)('%s.%s is named by %j', (kind, field, words) => {
    for (const w of words) {
      const m = mapColumns(kind, [{ col: 1, text: w, keys: [headerKey(w)], row: 1 }]);
      const mapped = [...m.fieldCol.keys()].map((i) => SCHEMAS[kind].fields[i].field);
      expect({ word: w, mapped }).toEqual({ word: w, mapped: [field] });
    }
  });

  it('normalises header text before matching: NFKC, spaces and line breaks, * marks and units in brackets', () => {
    expect(headerKey('＊送货\n日期')).toBe('送货日期');
    expect(headerKey('金额 (元)')).toBe('金额');
    expect(headerKey('重量(kg)')).toBe('重量');
    expect(headerKey('税率（%）')).toBe('税率');
    expect(headerKey('单价（元/件）')).toBe('单价');
    expect(headerKey('单价(含税)')).toBe('单价含税');
    expect(headerKey('Ｕｎｉｔ　Ｐｒｉｃｅ')).toBe('unitprice');
  });

  it('docs/structure.md lists every kind and field identifier', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/structure.md'), 'utf8');
    for (const kind of TABLE_KINDS) {
      const section = doc.split(`### \`${kind}\``)[1]?.split('\n### ')[0] ?? '';
      expect({ kind, found: section.length > 0 }).toEqual({ kind, found: true });
      for (const f of SCHEMAS[kind].fields) expect({ kind, field: f.field, listed: section.includes(`| \`${f.field}\` |`) }).toEqual({ kind, field: f.field, listed: true });
    }
  });

  it('docs/structure.md shows the vocabulary as the schemas hold it (scripts/docs/kinds-section.ts --write)', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/structure.md'), 'utf8');
    expect(doc).toContain(kindsSection());
  });
});
