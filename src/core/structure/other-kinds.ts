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

/**
 * Header words only these sheets have (供应商名称, 基本工资, 费用项目): on a sheet whose columns name no customer,
 * one of them says the sheet is not ours even when its name and title say nothing (Sheet1).
 */
export const OTHER_HEADER_WORDS: { kind: OtherKind; words: string[] }[] = [
  { kind: 'suppliers', words: ['供应商', '供应商名称', '供货单位', '供货商', '供方名称', '供应商编码', 'supplier', 'suppliername', 'vendor', 'vendorname'] },
  { kind: 'purchases', words: ['采购单号', '采购订单号', '采购数量', '采购单价', '采购金额', '进货单价', '进货数量', '委外厂家', 'purchaseorder', 'ponumber'] },
  { kind: 'paymentsOut', words: ['付款金额', '支付金额', '支出金额', '付款对象', 'amountpaid', 'paymentamount'] },
  { kind: 'expenses', words: ['费用项目', '费用类别', '费用类型', '报销人', '报销金额', 'expensetype', 'expensecategory'] },
  { kind: 'production', words: ['生产日期', '生产数量', '产量', '合成数量', '工序', '生产批号', 'productiondate'] },
  { kind: 'payroll', words: ['基本工资', '实发工资', '应发工资', '应发合计', '工号', '岗位', 'salary', 'basesalary', 'netpay', 'employeeid'] },
];

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
