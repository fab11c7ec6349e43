/** structure: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'structure.title': '结构化',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'structure.title': 'Structure',
};
