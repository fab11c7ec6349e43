/** quotes: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'quotes.title': '报价合同核对',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'quotes.title': 'Quote check',
};
