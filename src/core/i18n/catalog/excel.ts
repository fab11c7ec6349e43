/** excel: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'excel.title': 'Excel',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'excel.title': 'Excel',
};
