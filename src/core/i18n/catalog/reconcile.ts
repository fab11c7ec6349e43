/** reconcile: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'reconcile.title': '关联企业对账',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'reconcile.title': 'Reconciliation',
};
