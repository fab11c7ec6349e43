/** common: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'common.title': '内务 Clerk Desk',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'common.title': 'Clerk Desk',
};
