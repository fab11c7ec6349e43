/** The corpus files at Excel's size limits: slow to read, so they run in their own test file (another jest worker). */
export const LIMIT_FILES = ['max-rows-1048576.xlsx', 'max-cols-16384.xlsx'];
