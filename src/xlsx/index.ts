export { XlsxHost } from './host';
export { readLoadedWorkbook, gridFromWorksheet, dateToSerial, toGridValue } from './read';
export { applyPlan, TABLE_STYLE } from './write';
export { sniff, zipEntryNames, partsExcelJsDrops, type FileKind } from './sniff';
