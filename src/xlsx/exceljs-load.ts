import type ExcelJS from 'exceljs';

/**
 * ExcelJS, loaded when a fallback first needs it: requiring it costs about 0.4 s of start-up (most of a 10k-line
 * run), and the direct reader and writer serve almost every workbook without it. Types are imported statically
 * (they cost nothing at run time); the module itself only here.
 */
let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS)));
  return loading;
}
