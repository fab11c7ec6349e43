/** functions: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'functions.title': '自定义函数',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'functions.title': 'Custom functions',
};
