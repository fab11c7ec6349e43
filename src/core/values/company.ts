/**
 * Company-name key: two spellings of one company give the same key, two companies never do.
 * `苏州华工精密模具有限公司`, `苏州华工精密模具（有限公司）`, `苏州华工精密模具有限责任公司 ` → `苏州华工精密模具`.
 *
 * Steps: NFKC (full-width letters, digits and brackets → ASCII), lower case, every space removed; `(中国)` dropped
 * wherever it sits; a bracket that only wraps a legal-form word (`（有限公司）`) dropped; other brackets removed
 * but their words kept (`(昆山)` is a different company, so it stays as 昆山); trailing punctuation dropped; then
 * the legal-form suffixes (有限公司, 有限责任公司, 股份有限公司, 股份公司, 公司, 股份, Co., Ltd., Inc., …) and a trailing
 * 中国 are stripped repeatedly. Words that name a different entity — 分公司, 厂, 集团, a place in brackets — are kept.
 */

/** Chinese legal-form words: stripping them never changes which company a name means. Longest first. */
const LEGAL_FORMS = ['股份有限公司', '有限责任公司', '责任有限公司', '有限公司', '股份公司', '公司', '有限', '股份'];

/** English legal forms, only as whole words at the end: `Co., Ltd.`, `Limited`, `Inc.` (so `Zinc` keeps its `inc`). */
const ENGLISH_FORM =
  /(^|[\s,.])(co[.,\s]*ltd|co[.,\s]*limited|company\s*limited|limited|ltd|incorporated|inc|corporation|corp|company|co|llc|gmbh)\.?$/;

const REGION_MARKS = ['中国', '(中国)', '(china)'];

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK}()])\\s+|\\s+(?=[${CJK}()])`, 'gu');

function stripEnd(s: string, words: readonly string[]): string {
  for (const w of words) if (s.length > w.length && s.endsWith(w)) return s.slice(0, -w.length);
  return s;
}

/**
 * Keys already worked out, per distinct name: a sheet repeats a handful of customers on every line, and the key is
 * a dozen regular expressions. Cleared when it fills, so a sheet of distinct names cannot grow it without bound.
 */
const KEYS = new Map<string, string>();
const KEYS_MAX = 10_000;

export function companyKey(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size >= KEYS_MAX) KEYS.clear();
    key = keyOf(name);
    KEYS.set(name, key);
  }
  return key;
}

function keyOf(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  // NFKC leaves these CJK brackets alone; make them round ones.
  s = s.replace(/[【〔「『[{<《]/g, '(').replace(/[】〕」』\]}>》]/g, ')');
  s = s.replace(SPACE_NEAR_CJK, '');
  s = s.replace(/\s*\((中国|china)\)\s*/g, ' ').trim();
  // A bracket around a legal form only: （有限公司） → 有限公司, stripped below.
  s = s.replace(/\(([^()]*)\)/g, (whole, inner: string) => (LEGAL_FORMS.includes(inner.trim()) ? inner.trim() : whole));
  s = s.replace(/["'“”‘’]/g, '');
  // A branch (分公司) is its own party: keep 分公司, drop the parent's legal form inside the name.
  if (/分公司$/.test(s)) {
    return s.replace(/(股份有限公司|有限责任公司|有限公司|公司)(?=.+分公司$)/u, '').replace(/[()\s]/g, '');
  }
  const original = s;
  let before = '';
  while (before !== s) {
    before = s;
    s = s.replace(/[\s,.;:、。，；：!！]+$/u, '');
    s = s.replace(ENGLISH_FORM, '$1').replace(/[\s,.]+$/, '');
    s = stripEnd(s, LEGAL_FORMS);
    s = stripEnd(s, REGION_MARKS);
    if (s === '') break;
  }
  if (s === '') s = original;
  // Other brackets carry meaning (a place, a branch): keep their words, drop the marks.
  return s.replace(/[()]/g, '').replace(/\s+/g, '');
}
