/** The corpus files at Excel's size limits: slow to read, so they run in their own test file (another jest worker). */
export const LIMIT_FILES = ['max-rows-1048576.xlsx', 'max-cols-16384.xlsx'];
/** Hostile inputs (bombs, endless or special files): run in a child process under a memory cap (hostile.test.ts). */
export const HOSTILE_FILES = ['zip-bomb.xlsx', 'zip-bomb-lying.xlsx', 'dev-zero.xlsx', 'named-pipe.xlsx', 'folder.xlsx'];
