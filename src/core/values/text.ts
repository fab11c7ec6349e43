/** Text normalisation shared by structure and the jobs. */

/** NFKC (full-width → half-width), trimmed, inner runs of whitespace collapsed to one space. */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * Header text for matching against schema words: NFKC, lower case, spaces and line breaks removed,
 * `*` required-marks dropped, bracketed units such as (元) (kg) (%) (pcs) dropped.
 * "单价\n(含税)" keeps its bracketed word: 含税 is meaning, not a unit → "单价含税".
 */
const UNIT_WORDS = new Set(['元', '万元', '人民币', 'rmb', 'cny', '¥', 'kg', 'g', 't', '吨', '公斤', '%', 'pcs', 'pc', '件', '个', '套', '只', '天', '日', 'days', 'day', 'yuan', 'ea', '台', '张', '米', 'm', 'mm']);

export function normalizeHeader(s: string): string {
  let h = s.normalize('NFKC').toLowerCase();
  h = h.replace(/[*＊]/g, '');
  h = h.replace(/[(（[【]([^()（）[\]【】]*)[)）\]】]/g, (_m, inner: string) => {
    const word = inner.replace(/\s+/g, '');
    return UNIT_WORDS.has(word) ? '' : word;
  });
  h = h.replace(/[\s:：_\-./、]+/g, '');
  return h;
}

/**
 * An identifier (part code, document number) for comparison: NFKC, upper case, no spaces.
 * Keeps leading zeros and inner punctuation — for part codes those carry meaning.
 */
export function normalizeCode(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

/**
 * A document number for matching across companies: like normalizeCode, then prefixes such as DN, NO, 送, 出,
 * separators and leading zeros of the numeric part dropped, so `DN-000123`, `送000123` and `123` agree.
 */
export function normalizeDocNo(s: string): string {
  let d = normalizeCode(s);
  d = d.replace(/^(DN|NO\.?|SO|送货单|出货单|发货单|送|出|发|单号|#)+[-_:：#.]?/u, '');
  d = d.replace(/[-_/\\.#]/g, '');
  d = d.replace(/^0+(?=\d)/, '');
  return d;
}
