/** functions: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'functions.title': '自定义函数',

  'functions.RMBUPPER.description': '把金额写成人民币大写（先四舍五入到分），如 1409.5 → 人民币壹仟肆佰零玖元伍角。',
  'functions.AMOUNT.description': '把文字金额读成数字（元），如 “¥1,234.50”、“1.2万”、“(1,234.00)”、“１２３４元”。',
  'functions.DATE.description': '把文字日期读成 Excel 日期序列号，如 “2024年3月5日”、“2024.3.5”、“20240305”。',
  'functions.TAX.description': '含税金额中的税额：含税金额 − 不含税金额，精确到分。',
  'functions.NET.description': '含税金额的不含税部分：含税金额 ÷ (1 + 税率)，四舍五入到分。',
  'functions.COMPANYKEY.description': '公司名称的比对键：去掉空格、全角括号、“有限公司”等后缀和“(中国)”。',

  'functions.arg.amount': '金额',
  'functions.arg.amountWithTax': '含税金额',
  'functions.arg.rate': '税率',
  'functions.arg.text': '文字',
  'functions.arg.year': '年份',
  'functions.arg.name': '公司名称',

  'functions.error.unknown': '没有名为 {name} 的函数。可用的函数：{names}。',
  'functions.error.argCount': '{name} 需要 {expected} 个参数，收到 {count} 个。',
  'functions.error.empty': '{arg}为空。',
  'functions.error.formulaError': '{arg}是错误值。',
  'functions.error.notMoney': '{arg}“{value}”不是金额。',
  'functions.error.moneyRange': '{arg}“{value}”超出了可以精确到分的范围。',
  'functions.error.notDate': '{arg}“{value}”不是日期。',
  'functions.error.ambiguousDate': '{arg}“{value}”无法确定年月日（缺少年份，或日/月顺序不明）；请写成 2024-03-05 这样的形式。',
  'functions.error.notRate': '{arg}“{value}”不是税率（应为 0%–100%，如 13%、0.13 或 13）。',
  'functions.error.notYear': '{arg}“{value}”不是年份。',
  'functions.error.notText': '{arg}“{value}”不是文字。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'functions.title': 'Custom functions',

  'functions.RMBUPPER.description': 'Writes an amount in RMB uppercase (rounded to the fen first), e.g. 1409.5 → 人民币壹仟肆佰零玖元伍角.',
  'functions.AMOUNT.description': 'Reads an amount typed as text as a number of yuan, e.g. "¥1,234.50", "1.2万", "(1,234.00)", "１２３４元".',
  'functions.DATE.description': 'Reads a date typed as text as an Excel date serial, e.g. "2024年3月5日", "2024.3.5", "20240305".',
  'functions.TAX.description': 'The tax in an amount with tax: the amount less its net part, to the fen.',
  'functions.NET.description': 'The net part of an amount with tax: amount ÷ (1 + rate), rounded to the fen.',
  'functions.COMPANYKEY.description': 'A company name\'s matching key: no spaces, brackets, legal-form suffixes such as 有限公司, or "(中国)".',

  'functions.arg.amount': 'amount',
  'functions.arg.amountWithTax': 'amount with tax',
  'functions.arg.rate': 'tax rate',
  'functions.arg.text': 'text',
  'functions.arg.year': 'year',
  'functions.arg.name': 'company name',

  'functions.error.unknown': 'There is no function named {name}. Available: {names}.',
  'functions.error.argCount': '{name} takes {expected} arguments; it got {count}.',
  'functions.error.empty': 'The {arg} is empty.',
  'functions.error.formulaError': 'The {arg} is an error value.',
  'functions.error.notMoney': 'The {arg} "{value}" is not an amount of money.',
  'functions.error.moneyRange': 'The {arg} "{value}" is too large to be exact to the fen.',
  'functions.error.notDate': 'The {arg} "{value}" is not a date.',
  'functions.error.ambiguousDate': 'The {arg} "{value}" does not say which day it is (no year, or day and month could be either way round); write it like 2024-03-05.',
  'functions.error.notRate': 'The {arg} "{value}" is not a tax rate (0%–100%, such as 13%, 0.13 or 13).',
  'functions.error.notYear': 'The {arg} "{value}" is not a year.',
  'functions.error.notText': 'The {arg} "{value}" is not text.',
};
