/** cli: zh-CN strings first; en-US must have exactly the same keys (the type says so). Values use {name} placeholders. */
export const zh = {
  'cli.title': '命令行',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'cli.title': 'Command line',
};
