/**
 * Sheets that are none of our kinds: the clerk's workbook also holds supplier lists, purchases, payments out,
 * expenses, production, payroll and bank journals. Their words are data here, as the schemas' words are: a sheet
 * name or title whose head noun is one of these (供应商信息, 采购表, 付款记录, 工资表) gets no table, and its best
 * guess among our kinds is offered as a low-confidence alternative the clerk can accept.
 *
 * To add a word: put it, as a clerk writes it, in the `titleWords` of the entry it belongs to, in either language
 * (it is normalised like a header: NFKC, lower case, no spaces). See docs/vocabulary.md.
 */

export type OtherKind = 'suppliers' | 'purchases' | 'paymentsOut' | 'expenses' | 'production' | 'payroll' | 'bankJournal' | 'notes';

export const OTHER_KINDS: { kind: OtherKind; titleWords: string[] }[] = [
  { kind: 'suppliers', titleWords: ['供应商', '供应商信息', '供应商档案', '供应商名录', '供应商清单', '供货商', '供方名录', 'suppliers', 'vendors', 'supplierlist', 'vendorlist'] },
  { kind: 'purchases', titleWords: ['采购', '采购表', '采购明细', '采购订单', '采购台账', '进货', '进货明细', '委外', '委外加工', '外协', '外协加工', 'purchases', 'purchase', 'purchaseorders'] },
  { kind: 'paymentsOut', titleWords: ['付款', '付款记录', '付款明细', '付款单', '支出', '支出明细', 'payables', 'paymentsmade', 'outgoingpayments'] },
  { kind: 'expenses', titleWords: ['费用', '费用明细', '费用报销', '报销', '报销单', 'expenses', 'expense', 'expenseclaims'] },
  { kind: 'production', titleWords: ['生产', '生产表', '生产记录', '生产日报', '生产计划', '工序', '产品工序', 'production', 'productionplan'] },
  { kind: 'payroll', titleWords: ['工资', '工资表', '薪资', '薪酬', '员工', '员工信息', '员工名单', '人员名单', '花名册', 'payroll', 'employees', 'staff', 'reps'] },
  { kind: 'bankJournal', titleWords: ['银行流水', '流水', '日记账', '现金日记账', '银行日记账', '微信流水', 'bankstatement', 'cashbook', 'bankjournal'] },
  { kind: 'notes', titleWords: ['任务', '使用说明', '填写说明', 'task', 'tasks', 'readme', 'instructions'] },
];
