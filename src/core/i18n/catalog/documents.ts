/** documents (sheets that leave the building: page set-up, our company, the confirmation letter): zh-CN first; en-US has the same keys. */
export const zh = {
  'documents.page.footer': '第 &P 页 共 &N 页',
  'documents.col.customerCount': '客户数',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'documents.page.footer': 'Page &P of &N',
  'documents.col.customerCount': 'Customers',
};
