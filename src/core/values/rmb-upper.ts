/**
 * RMB uppercase (大写金额) for payment documents, following 《正确填写票据和结算凭证的基本规定》.
 *
 * The rule this module writes (one rule, always the same):
 * - prefix 人民币; 负 after it for a negative amount (人民币负壹元整);
 * - 整 only after 元, when 角 and 分 are both zero (壹佰元整); nothing after 角 or 分 (壹仟肆佰零玖元伍角, 壹元伍角陆分);
 * - one 零 for a run of zeros inside a four-digit group or at the head of a lower group, also across 万 and 亿
 *   (陆仟零柒元, 壹仟零壹万元整, 壹拾万零壹元, 壹亿零壹佰万元整); no 零 for trailing zeros (壹万元整);
 * - where the regulation lets the writer choose ("万位、元位是0 … 可以只写一个零字，也可以不写"), we leave the 零 out:
 *   only the 万 digit zero before a non-zero 仟 → 壹拾万柒仟元; only the 元 digit zero before a non-zero 角 →
 *   壹仟陆佰捌拾元叁角贰分;
 * - 零 between 元 and 分 when 角 is zero (壹元零伍分, 壹万陆仟肆佰零玖元零贰分) — this one is mandatory;
 * - 拾 always carries its digit (壹拾元整, not 拾元整);
 * - under one yuan, no 元 (人民币伍角, 人民币伍分); zero is 人民币零元整.
 */
import { type Fen, asFen } from './brand';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];

/** 1 … 9999 → 壹仟零壹, 壹拾, … */
function section(n: number): string {
  let s = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (s !== '') zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    s += DIGITS[d] + SMALL_UNITS[p];
  }
  return s;
}

/** A positive whole number of yuan in uppercase, without 元. */
function integerUpper(n: number): string {
  if (n >= 1e8) {
    const hi = Math.floor(n / 1e8);
    const lo = n % 1e8;
    return integerUpper(hi) + '亿' + (lo === 0 ? '' : (lo < 1e7 ? '零' : '') + integerUpper(lo));
  }
  if (n >= 1e4) {
    const hi = Math.floor(n / 1e4);
    const lo = n % 1e4;
    return section(hi) + '万' + (lo === 0 ? '' : (lo < 1000 ? '零' : '') + section(lo));
  }
  return section(n);
}

/** Fen → 大写金额. `rmbUpper(140950) === '人民币壹仟肆佰零玖元伍角'`. The amount must be a safe integer of fen. */
export function rmbUpper(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`rmbUpper needs whole fen, got ${fen}`);
  if (fen === 0) return '人民币零元整';
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  let s = '';
  if (yuan > 0) s += integerUpper(yuan) + '元';
  if (jiao === 0 && fenDigit === 0) s += '整';
  else {
    if (jiao > 0) s += DIGITS[jiao] + '角';
    else if (yuan > 0) s += '零';
    if (fenDigit > 0) s += DIGITS[fenDigit] + '分';
  }
  return `人民币${neg ? '负' : ''}${s}`;
}

const DIGIT_VALUE: Record<string, number> = {
  零: 0, 〇: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT_VALUE: Record<string, number> = { 拾: 10, 十: 10, 佰: 100, 百: 100, 仟: 1000, 千: 1000 };

/** Does this text look like an uppercase amount (it has an uppercase digit or 元/角/分 with Chinese numerals)? */
export function looksLikeRmbUpper(s: string): boolean {
  return /[壹贰叁肆伍陆柒捌玖拾佰仟]|零[元圆]/.test(s);
}

/** Whole-number Chinese numerals (壹仟零玖, 壹拾万零壹, 壹万亿) → number, or null. */
function integerFromUpper(s: string): number | null {
  let total = 0;
  let sec = 0;
  let num = -1;
  let any = false;
  for (const ch of s) {
    if (ch in DIGIT_VALUE) {
      if (num > 0) return null; // two digits in a row without a unit (壹壹)
      num = DIGIT_VALUE[ch];
      any = true;
    } else if (ch in UNIT_VALUE) {
      sec += (num < 0 ? 1 : num) * UNIT_VALUE[ch];
      num = -1;
      any = true;
    } else if (ch === '万' || ch === '萬') {
      sec = (sec + Math.max(num, 0)) * 1e4;
      num = -1;
    } else if (ch === '亿' || ch === '億') {
      total = (total + sec + Math.max(num, 0)) * 1e8;
      sec = 0;
      num = -1;
    } else return null;
  }
  if (!any) return null;
  const n = total + sec + Math.max(num, 0);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * 大写金额 → fen, or null when the text is not one: `人民币壹仟肆佰零玖元伍角` → 140950, `负壹元整` → -100,
 * `叁佰贰拾伍元零肆分` → 32504. Accepts 圆 for 元, 正 for 整, and the prefix 人民币/RMB/¥.
 */
export function parseRmbUpper(text: string): Fen | null {
  let s = text.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(/^(人民币|rmb|cny|¥)/i, '').replace(/^[:：]/, '');
  let neg = false;
  if (s.startsWith('负')) {
    neg = true;
    s = s.slice(1);
  }
  s = s.replace(/[整正]$/, '');
  const m = /^(?:(.+?)[元圆])?(?:零?([^元圆角分零])角)?(?:零?([^元圆角分零])分)?$/.exec(s);
  if (!m || s === '') return null;
  const [, yuanText, jiaoText, fenText] = m;
  if (yuanText === undefined && jiaoText === undefined && fenText === undefined) return null;
  let yuan = 0;
  if (yuanText !== undefined) {
    const y = integerFromUpper(yuanText);
    if (y === null) return null;
    yuan = y;
  }
  const digit = (c: string | undefined): number | null => (c === undefined ? 0 : c in DIGIT_VALUE ? DIGIT_VALUE[c] : null);
  const j = digit(jiaoText);
  const f = digit(fenText);
  if (j === null || f === null) return null;
  const total = yuan * 100 + j * 10 + f;
  if (!Number.isSafeInteger(total)) return null;
  return asFen(neg && total !== 0 ? -total : total);
}
