/** ledgers: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'ledgers.title': '台账',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'ledgers.title': 'Ledgers',
};
