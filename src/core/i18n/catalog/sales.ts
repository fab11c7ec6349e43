/** sales: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'sales.title': '月度销售分析',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'sales.title': 'Monthly sales',
};
