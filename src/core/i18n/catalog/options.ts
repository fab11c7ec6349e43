/** options: why an option's value cannot be used (the CLI and the task pane say the same). */
export const zh = {
  'options.cli.bad': '{flag} {value}：{problem}',
  'options.problem.date': '请输入日期，格式 YYYY-MM-DD',
  'options.problem.month': '请输入月份，格式 YYYY-MM',
  'options.problem.number': '请输入数字',
  'options.problem.min': '不能小于 {min}',
  'options.problem.boolean': '只能是“是”或“否”',
  'options.problem.choice': '只能是以下之一：{choices}',
  'options.problem.text': '请输入文字',
  'options.problem.dayList': '请输入大于 0 的整数天数，用逗号分隔，如 30,60,90',
  'options.problem.dayListOrder': '天数须从小到大排列，如 30,60,90',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'options.cli.bad': '{flag} {value}: {problem}',
  'options.problem.date': 'Enter a date as YYYY-MM-DD',
  'options.problem.month': 'Enter a month as YYYY-MM',
  'options.problem.number': 'Enter a number',
  'options.problem.min': 'Must not be less than {min}',
  'options.problem.boolean': 'Must be yes or no',
  'options.problem.choice': 'Must be one of: {choices}',
  'options.problem.text': 'Enter text',
  'options.problem.dayList': 'Enter whole days above 0, separated by commas, e.g. 30,60,90',
  'options.problem.dayListOrder': 'Days must go up, e.g. 30,60,90',
};
