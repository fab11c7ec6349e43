/** receivables: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'receivables.title': '应收账款',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'receivables.title': 'Receivables',
};
