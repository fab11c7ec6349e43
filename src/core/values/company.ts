/**
 * Company-name key: two spellings of one company give the same key.
 * `苏州华工精密模具有限公司` and `苏州华工精密模具（有限公司）` → `苏州华工精密模具`.
 */

const SUFFIXES = ['有限责任公司', '股份有限公司', '有限公司', '股份公司', '集团公司', '股份', '公司'];
const REGION_MARKS = ['(中国)', '（中国）', '中国'];

export function companyKey(name: string): string {
  let s = name.normalize('NFKC').replace(/\s+/g, '');
  // NFKC turns full-width brackets into ASCII ones; drop "(中国)" wherever it sits.
  s = s.replace(/\(中国\)/g, '');
  // Brackets that only wrap a suffix, e.g. （有限公司）: unwrap them so the suffix can be stripped.
  s = s.replace(/[()\[\]【】]/g, '');
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
      }
    }
    for (const mark of REGION_MARKS) {
      if (s.length > mark.length && s.endsWith(mark)) {
        s = s.slice(0, -mark.length);
        changed = true;
      }
    }
  }
  return s.toLowerCase();
}
