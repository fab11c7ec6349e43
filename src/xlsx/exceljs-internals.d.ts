/** ExcelJS's table of built-in number formats (not part of its typed API; exceljs-formats.ts reads and extends it). */
declare module 'exceljs/lib/xlsx/defaultnumformats' {
  const builtins: Record<number, { f?: string } & Record<string, string | undefined>>;
  export default builtins;
}
