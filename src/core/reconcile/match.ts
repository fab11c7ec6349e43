import type { IsoDate } from '../values/brand';
import { isoToEpochDays } from '../values/dates';
import { normalizeCode, normalizeDocNo } from '../values/text';
import {
  C_AMOUNT_DIFF,
  C_DUPLICATE,
  C_IN_TRANSIT,
  C_MATCHED,
  C_ONLY_OURS,
  C_ONLY_THEIRS,
  C_POSSIBLE,
  C_QTY_DIFF,
  P_AMOUNT,
  P_DOCUMENT,
  P_DOCUMENT_DIFF,
  P_DOCUMENT_SUM,
  P_NONE,
  P_WINDOW,
  P_WINDOW_SUM,
  UNCLASSED,
} from './classes';

/**
 * The pure matcher: our shipment lines and their statement lines in, one class per line out.
 *
 * Everything here is linear in the lines (sorting is counting sort on interned integer keys, every scan is capped),
 * so a sheet of Excel's maximum size reconciles in about a second. Lines are numbered 0..nO-1 (ours) then
 * nO..nO+nT-1 (theirs); every per-line fact lives in a typed array indexed by that number.
 *
 * Passes, strongest first; each line is used at most once:
 *  1. document — their doc no. / delivery no. / a number in their remarks equals our delivery-note no. and the part
 *     matches: equal quantity first (nearest date), then a sum of several lines of the same note, then whatever is
 *     left on that note and part as a quantity difference;
 *  2. window — same part and quantity, dates within ±dateWindow days, nearest date first (globally);
 *  3. window-sum — one line equals the sum of up to maxSubset lines of the same part within the window
 *     (quantities within qtyTol, amounts exactly to the fen);
 *  then identical lines on one side are duplicates;
 *  4. amount — what is left and agrees only on the amount is offered as `possible`, never matched.
 * Whatever is still alone is in-transit (ours, in the last days of the period), only-ours or only-theirs.
 */

export interface MatchLine {
  /** Ours: the delivery-note no. Theirs: their document no. */
  doc?: string;
  /** Theirs: our delivery-note no. when their statement has a column for it. */
  deliveryNo?: string;
  /** Theirs: free text that may carry our delivery-note numbers (备注). */
  remarks?: string;
  part?: string;
  qty?: number;
  /** Fen (0 when unknown). */
  amount: number;
  date?: IsoDate | string;
}

export interface MatchOptions {
  /** Amount tolerance per line, fen (default 1 = ¥0.01). */
  amountTolFen: number;
  /** Amount tolerance as a fraction of their amount (default 0); the larger of the two applies. */
  amountTolPct: number;
  /** Quantity tolerance for sums (default 0). */
  qtyTol: number;
  /** ± days for pass 2 and 3 (default 3). */
  dateWindow: number;
  /** Our unmatched lines shipped in the last N days of the period are in transit (default 3). */
  inTransitDays: number;
  /** Last day of the period; without it nothing is in transit. */
  periodEnd?: IsoDate;
  /** Candidates looked at for one sum (default 12). */
  maxCandidates?: number;
  /** Most lines in one sum (default 6). */
  maxSubset?: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { amountTolFen: 1, amountTolPct: 0, qtyTol: 0, dateWindow: 3, inTransitDays: 3 };

export const NO_DAY = -2147483648;
const FAR = 1 << 30;

/** Lines with their keys interned to integers. */
export interface Prepared {
  nO: number;
  nT: number;
  /** Normalised document id of the line's own number, -1 when none. */
  doc: Int32Array;
  part: Int32Array;
  /** Days since 1970-01-01, NO_DAY when unknown. */
  day: Int32Array;
  /**
   * The quantity of each interned quantity key: every line with that key has exactly this quantity, unless
   * `qtyLine` is there (two lines rounded to one key but differ), which then holds each line's own.
   */
  qtyOfKey: Float64Array;
  qtyLine?: Float64Array;
  /** Interned quantity (to 1e-6), -1 when unknown. */
  qtyKey: Int32Array;
  /** Fen; whole fen fit an Int32Array (half the memory), anything else (fractions, NaN, beyond ±2^31) a Float64Array. */
  amount: Int32Array | Float64Array;
  /**
   * Theirs only (index t - nO): more of our numbers the line names (its delivery-no. column, its remarks); absent
   * when no line names any (the array is line-sized, and every line-sized array brings the caller's full GC closer).
   */
  altStart?: Int32Array;
  alt: Int32Array;
  nDocs: number;
  nParts: number;
  nQty: number;
  dayMin: number;
  dayMax: number;
}

const TOKEN = /[0-9A-Za-z][0-9A-Za-z\-_/.#]*/g;
const HAS_DIGIT = /\d/;

/** Delivery-note numbers a remark may carry ("送货单DN-000123、000124" → ["123", "124"] after normalizeDocNo). */
export function docNumbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFKC').matchAll(TOKEN)) {
    if (!HAS_DIGIT.test(m[0])) continue;
    const k = normalizeDocNo(m[0]);
    if (k.length >= 1 && HAS_DIGIT.test(k) && !out.includes(k)) out.push(k);
  }
  return out;
}

/**
 * An open-addressing hash from non-negative integers (< 2^53) to ids, sized once: several times faster than a Map
 * for a million fresh number keys (no boxing, no rehash while it grows).
 */
class NumberIds {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(v: number): number {
    const lo = v % 4294967296 | 0;
    const hi = (v / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    return h & this.mask;
  }

  get(v: number): number {
    for (let i = this.slot(v); ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === v) return this.vals[i];
      if (k === -1) return -1;
    }
  }

  /** The id of v; a new v gets `next`. */
  intern(v: number, next: number): number {
    if (this.count * 2 >= this.mask) this.grow();
    for (let i = this.slot(v); ; i = (i + 1) & this.mask) {
      const k = this.keys[i];
      if (k === v) return this.vals[i];
      if (k === -1) {
        this.keys[i] = v;
        this.vals[i] = next;
        this.count++;
        return next;
      }
    }
  }

  private grow(): void {
    const { keys, vals } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.vals = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.intern(keys[i], vals[i]);
  }
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string by arithmetic (civil-from-days inverse), else via dates.ts. */
export function epochDay(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45) {
    const y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
    const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
    const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
    if (y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
      const yy = m <= 2 ? y - 1 : y;
      const era = Math.floor(yy / 400);
      const yoe = yy - era * 400;
      const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
      const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
      return era * 146097 + doe - 719468;
    }
  }
  return isoToEpochDays(iso as IsoDate);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSep = (c: number): boolean => c === 45 || c === 95 || c === 47 || c === 92 || c === 46 || c === 35; // - _ / \ . #

/**
 * normalizeDocNo's value for the common plain forms (DN-000123, 送000123, 000123, NO.123) without building a string,
 * or -1 when the text needs the full normalisation. The two always agree (a test holds them to it).
 */
export function fastDocNumber(raw: string): number {
  const len = raw.length;
  let i = 0;
  const c0 = raw.charCodeAt(0);
  if (c0 === 0x9001 || c0 === 0x51fa || c0 === 0x53d1) {
    // 送 / 出 / 发 followed directly by a digit (送货单… and the like take the full path)
    i = 1;
    if (i >= len || !isDigit(raw.charCodeAt(i))) return -1;
  } else if (c0 >= 65) {
    if (len < 3) return -1;
    const a = raw.charCodeAt(0) | 32;
    const b = raw.charCodeAt(1) | 32;
    if (!((a === 100 && b === 110) || (a === 110 && b === 111) || (a === 115 && b === 111))) return -1; // dn no so
    i = 2;
    const c = raw.charCodeAt(i);
    if (c === 45 || c === 95 || c === 58 || c === 35 || c === 46) i++;
    if (i >= len || !isDigit(raw.charCodeAt(i))) return -1;
  }
  let v = 0;
  let digits = 0;
  for (; i < len; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      v = v * 10 + (c - 48);
      if (v > 0 || digits > 0) digits++;
      if (digits > 15) return -1;
    } else if (!isSep(c)) return -1;
  }
  return digits === 0 && v === 0 ? (len > 0 && /\d/.test(raw) ? 0 : -1) : v;
}

/** Integer quantities in ±QTY_DIRECT are interned through a table instead of a Map (most quantities are). */
const QTY_DIRECT = 1 << 15;
/** fastDocNumber values that do not fit the Int32Array they are parked in between the two passes below. */
const BIG_FAST_DOC = -2;

/**
 * normalizeDocNo's value for a number of plain ASCII letters and digits with at least one letter (RK1203, X77,
 * inv20261031) without its regular expressions: the text upper-cased. Undefined when the full normalisation could
 * change more than the case: a leading 0, or DN / NO / SO in front (prefixes it drops). The two always agree (a
 * test holds them to it).
 */
export function plainDocKey(raw: string): string | undefined {
  const len = raw.length;
  if (len === 0 || raw.charCodeAt(0) === 48) return undefined;
  let letter = false;
  let lower = false;
  for (let i = 0; i < len; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 65 && c <= 90) letter = true;
    else if (c >= 97 && c <= 122) letter = lower = true;
    else if (!isDigit(c)) return undefined;
  }
  if (!letter) return undefined;
  const key = lower ? raw.toUpperCase() : raw;
  if (len >= 2) {
    const two = key.slice(0, 2);
    if (two === 'DN' || two === 'NO' || two === 'SO') return undefined;
  }
  return key;
}

export function prepare(ours: readonly MatchLine[], theirs: readonly MatchLine[]): Prepared {
  const nO = ours.length;
  const nT = theirs.length;
  const n = nO + nT;
  // Every line-sized typed array is external memory, and V8 runs a full collection of the caller's whole heap (her
  // rows: hundreds of MB at a million lines) each time external memory grows by 64 MB: so as few and as narrow as
  // the answer allows.
  const doc = new Int32Array(n);
  const part = new Int32Array(n);
  const day = new Int32Array(n);
  const qtyKey = new Int32Array(n);
  let amount: Int32Array | Float64Array = new Int32Array(n);
  const docIds = new Map<string, number>();
  // Made only when a number falls outside the direct table below: sized for every line, it is 50 MB at a million
  // lines per side, and allocating that for nothing adds to what pushes the caller's heap into a full collection.
  let numDocIds: NumberIds | undefined;
  const rawDocs = new Map<string, number>();
  const partIds = new Map<string, number>();
  const rawParts = new Map<string, number>();
  const qtyIds = new Map<number, number>();
  const qtyDirect = new Int32Array(2 * QTY_DIRECT + 1).fill(-1);
  let qtyOfKey = new Float64Array(1024);
  let nQty = 0;
  let qtyExact = true;
  let nDocs = 0;
  /** A normalised number → its id; all-digit numbers are keyed by value (cheaper than hashing a fresh string). */
  const internDoc = (k: string): number => {
    if (/^\d{1,15}$/.test(k)) return internNumericDoc(Number(k));
    let id = docIds.get(k);
    if (id === undefined) docIds.set(k, (id = nDocs++));
    return id;
  };
  // Plain numbers (most delivery notes) are read once up front (parked in `doc` until they are interned); when they
  // lie in a range a few times the line count, an array indexed by value interns them with sequential memory
  // access instead of hashing.
  let vMin = Infinity;
  let vMax = -Infinity;
  for (let L = 0; L < n; L++) {
    const raw = L < nO ? ours[L].doc : theirs[L - nO].doc;
    const v = raw ? fastDocNumber(raw) : -1;
    doc[L] = v < 0 ? -1 : v <= 0x7fffffff ? v : BIG_FAST_DOC;
    if (v >= 0) {
      if (v < vMin) vMin = v;
      if (v > vMax) vMax = v;
    }
  }
  const direct = vMax >= vMin && vMax - vMin < 8 * n + 1024 ? new Int32Array(vMax - vMin + 1).fill(-1) : undefined;
  const internNumericDoc = (v: number): number => {
    if (direct && v >= vMin && v <= vMax) {
      const at = v - vMin;
      const id = direct[at];
      if (id >= 0) return id;
      return (direct[at] = nDocs++);
    }
    numDocIds ??= new NumberIds(n);
    const id = numDocIds.intern(v, nDocs);
    if (id === nDocs) nDocs++;
    return id;
  };
  const numericDoc = (v: number): number => (direct && v >= vMin && v <= vMax ? direct[v - vMin] : (numDocIds?.get(v) ?? -1));
  const docId = (raw: string | undefined): number => {
    if (raw === undefined || raw === '') return -1;
    const fast = fastDocNumber(raw);
    if (fast >= 0) return internNumericDoc(fast);
    const plain = plainDocKey(raw);
    if (plain !== undefined) {
      let pid = docIds.get(plain);
      if (pid === undefined) docIds.set(plain, (pid = nDocs++));
      return pid;
    }
    let id = rawDocs.get(raw);
    if (id === undefined) {
      const k = normalizeDocNo(raw);
      id = k ? internDoc(k) : -1;
      rawDocs.set(raw, id);
    }
    return id;
  };
  /** The id of a quantity rounded to 1e-6, in order of first appearance. */
  const internQty = (q: number): number => {
    const qk = Math.round(q * 1e6);
    let id: number | undefined;
    const whole = qk / 1e6;
    let at = -1;
    if (Number.isInteger(whole) && whole >= -QTY_DIRECT && whole <= QTY_DIRECT) {
      at = whole + QTY_DIRECT;
      id = qtyDirect[at];
      if (id < 0) id = undefined;
    } else id = qtyIds.get(qk);
    if (id === undefined) {
      id = nQty++;
      if (at >= 0) qtyDirect[at] = id;
      else qtyIds.set(qk, id);
      if (id === qtyOfKey.length) {
        const grown = new Float64Array(id * 2);
        grown.set(qtyOfKey);
        qtyOfKey = grown;
      }
      qtyOfKey[id] = q;
    } else if (qtyOfKey[id] !== q) qtyExact = false;
    return id;
  };
  let dayMin = FAR;
  let dayMax = -FAR;
  for (let L = 0; L < n; L++) {
    const line = L < nO ? ours[L] : theirs[L - nO];
    const fv = doc[L];
    doc[L] = fv >= 0 ? internNumericDoc(fv) : fv === BIG_FAST_DOC ? internNumericDoc(fastDocNumber(line.doc!)) : docId(line.doc);
    const rp = line.part;
    if (rp === undefined || rp === '') part[L] = -1;
    else {
      let id = rawParts.get(rp);
      if (id === undefined) {
        const k = normalizeCode(rp);
        if (!k) id = -1;
        else {
          id = partIds.get(k);
          if (id === undefined) partIds.set(k, (id = partIds.size));
        }
        rawParts.set(rp, id);
      }
      part[L] = id;
    }
    const rd = line.date;
    if (!rd) day[L] = NO_DAY;
    else {
      const d = epochDay(rd);
      day[L] = d;
      if (d < dayMin) dayMin = d;
      if (d > dayMax) dayMax = d;
    }
    const q = line.qty;
    qtyKey[L] = q === undefined || !Number.isFinite(q) ? -1 : internQty(q);
    const a = line.amount;
    if ((a | 0) === a || amount instanceof Float64Array) amount[L] = a;
    else {
      amount = Float64Array.from(amount);
      amount[L] = a;
    }
  }
  // Two quantities that round to one key but differ (rare): keep each line's own for the sums.
  let qtyLine: Float64Array | undefined;
  if (!qtyExact) {
    qtyLine = new Float64Array(n);
    for (let L = 0; L < n; L++) qtyLine[L] = qtyKey[L] < 0 ? NaN : (L < nO ? ours[L] : theirs[L - nO]).qty!;
  }
  // Theirs: other numbers that may be ours (a delivery-no. column, numbers in the remarks). Only known numbers count.
  let altStart: Int32Array | undefined;
  const alt: number[] = [];
  for (let j = 0; j < nT; j++) {
    const line = theirs[j];
    if (!line.deliveryNo && !line.remarks) {
      if (altStart) altStart[j] = alt.length;
      continue;
    }
    altStart ??= new Int32Array(nT + 1);
    altStart[j] = alt.length;
    const own = doc[nO + j];
    if (line.deliveryNo) {
      const d = docId(line.deliveryNo);
      if (d >= 0 && d !== own) alt.push(d);
    }
    if (line.remarks) {
      for (const k of docNumbersIn(line.remarks)) {
        const d = /^\d{1,15}$/.test(k) ? numericDoc(Number(k)) : (docIds.get(k) ?? -1);
        if (d >= 0 && d !== own && !alt.includes(d, altStart[j])) alt.push(d);
      }
    }
  }
  if (altStart) altStart[nT] = alt.length;
  if (dayMin > dayMax) dayMin = dayMax = 0;
  return {
    nO,
    nT,
    doc,
    part,
    day,
    qtyOfKey,
    qtyLine,
    qtyKey,
    amount,
    altStart,
    alt: Int32Array.from(alt),
    nDocs,
    nParts: partIds.size,
    nQty,
    dayMin,
    dayMax,
  };
}

export interface MatchResult {
  nO: number;
  nT: number;
  /** Class per line (0..nO-1 ours, then theirs). */
  cls: Uint8Array;
  /** Group per line: the lines that were matched together (every line has one; unmatched lines are alone). */
  group: Int32Array;
  groupCount: number;
  groupClass: Uint8Array;
  groupPass: Uint8Array;
}

/**
 * Scratch the size of the lines, on the JS heap rather than in a typed array: typed arrays are external memory, and
 * V8 answers each 64 MB of new external memory with a full collection of the whole heap, which holds the caller's
 * rows (about 400 ms at a million lines per side). The prepared keys and the result already use most of that 64 MB;
 * an array of small integers on the heap only counts towards the old generation's far larger limit.
 */
type Ints = number[];
const ints = (len: number, fill = 0): Ints => new Array<number>(len).fill(fill);
/** Scratch every slot of which is written before it is read: filling a million slots first costs as much again. */
const unfilled = (len: number): Ints => new Array<number>(len);
/** A per-line key: prepared (typed) or computed by a pass into scratch. */
type Keys = Int32Array | Ints;

/** Stable counting sort of `len` items by key[item] - base ∈ [0, range): items → out. */
function countingSort(items: Ints, len: number, key: Keys, base: number, range: number, out: Ints): void {
  const count = ints(range + 1);
  for (let i = 0; i < len; i++) count[key[items[i]] - base + 1]++;
  for (let r = 0; r < range; r++) count[r + 1] += count[r];
  for (let i = 0; i < len; i++) {
    const it = items[i];
    out[count[key[it] - base]++] = it;
  }
}

/** A key to sort lines by: key[line] - base ∈ [0, range). */
interface SortKey {
  key: Keys;
  base: number;
  range: number;
}

/**
 * Stable sort of the lines a[0..len) (ascending line numbers) by several keys, the last most significant: lines → out
 * (which may be a). The same order as counting sorts straight on the line-indexed keys, but each key is first
 * gathered in line order (a forward scan) into an array indexed by position, so the sorts jump around in arrays the
 * size of the few lines left rather than in the line-sized keys of a million lines (cache misses, not work, were
 * their cost).
 */
function sortLines(a: Ints, len: number, keys: readonly SortKey[], out: Ints): void {
  let pos = unfilled(len);
  let tmp = unfilled(len);
  const k = unfilled(len);
  for (let i = 0; i < len; i++) pos[i] = i;
  for (const { key, base, range } of keys) {
    for (let i = 0; i < len; i++) k[i] = key[a[i]];
    countingSort(pos, len, k, base, range, tmp);
    const t = pos;
    pos = tmp;
    tmp = t;
  }
  for (let i = 0; i < len; i++) k[i] = a[pos[i]];
  for (let i = 0; i < len; i++) out[i] = k[i];
}

/** One run of the matcher. */
class Matcher {
  readonly n: number;
  readonly cls: Uint8Array;
  readonly group: Int32Array;
  readonly groupClass: Uint8Array;
  readonly groupPass: Uint8Array;
  groups = 0;
  private readonly maxCand: number;
  private readonly maxSubset: number;
  // scratch for sums
  private readonly cand: Int32Array;
  private readonly candDist: Int32Array;
  private readonly pick: Int32Array;
  private readonly best: Int32Array;
  private bestLen = 0;
  private nodes = 0;
  // scratch shared by the passes (fewer large allocations → fewer full GCs over the caller's heap)
  private readonly s1: Ints;
  private readonly s2: Ints;
  private readonly s3: Ints;
  private readonly s4: Ints;

  constructor(
    readonly p: Prepared,
    readonly o: MatchOptions,
  ) {
    this.n = p.nO + p.nT;
    this.cls = new Uint8Array(this.n).fill(UNCLASSED);
    this.group = new Int32Array(this.n).fill(-1);
    this.groupClass = new Uint8Array(this.n);
    this.groupPass = new Uint8Array(this.n);
    this.maxCand = Math.max(2, Math.min(24, o.maxCandidates ?? 12));
    this.maxSubset = Math.max(2, Math.min(12, o.maxSubset ?? 6));
    this.cand = new Int32Array(this.maxCand);
    this.candDist = new Int32Array(this.maxCand);
    this.pick = new Int32Array(this.maxSubset);
    this.best = new Int32Array(this.maxSubset);
    this.s1 = unfilled(this.n);
    this.s2 = unfilled(this.n);
    this.s3 = unfilled(this.n);
    this.s4 = unfilled(this.n);
  }

  /** The quantity of a line with a known one. */
  qty(L: number): number {
    const p = this.p;
    return p.qtyLine ? p.qtyLine[L] : p.qtyOfKey[p.qtyKey[L]];
  }

  dist(a: number, b: number): number {
    const da = this.p.day[a];
    const db = this.p.day[b];
    return da === NO_DAY || db === NO_DAY ? FAR : Math.abs(da - db);
  }

  amountOk(ours: number, theirs: number): boolean {
    const a = this.p.amount;
    const tol = Math.max(this.o.amountTolFen, Math.round(this.o.amountTolPct * Math.abs(a[theirs])));
    return Math.abs(a[ours] - a[theirs]) <= tol;
  }

  /** Put two lines together and class them by what differs. */
  pair(ours: number, theirs: number, pass: number, fixed = -1): void {
    const qk = this.p.qtyKey;
    const c = fixed >= 0 ? fixed : qk[ours] >= 0 && qk[ours] === qk[theirs] ? (this.amountOk(ours, theirs) ? C_MATCHED : C_AMOUNT_DIFF) : C_QTY_DIFF;
    const g = this.groups++;
    this.group[ours] = g;
    this.group[theirs] = g;
    this.cls[ours] = c;
    this.cls[theirs] = c;
    this.groupClass[g] = c;
    this.groupPass[g] = pass;
  }

  single(line: number, c: number): void {
    const g = this.groups++;
    this.group[line] = g;
    this.cls[line] = c;
    this.groupClass[g] = c;
    this.groupPass[g] = P_NONE;
  }

  /** Candidates in this.cand[0..k) (nearest first): a subset of 2+ whose quantities and amounts sum to the target's. */
  trySum(target: number, k: number, pass: number): boolean {
    if (k < 2) return false;
    const p = this.p;
    this.bestLen = 0;
    this.nodes = 0;
    let allPositive = this.qty(target) >= 0;
    for (let i = 0; i < k && allPositive; i++) if (this.qty(this.cand[i]) < 0) allPositive = false;
    this.dfs(0, k, 0, 0, 0, this.qty(target), p.amount[target], allPositive);
    if (this.bestLen < 2) return false;
    const g = this.groups++;
    this.group[target] = g;
    this.cls[target] = C_MATCHED;
    for (let i = 0; i < this.bestLen; i++) {
      const m = this.best[i];
      this.group[m] = g;
      this.cls[m] = C_MATCHED;
    }
    this.groupClass[g] = C_MATCHED;
    this.groupPass[g] = pass;
    return true;
  }

  private dfs(start: number, k: number, depth: number, q: number, a: number, tq: number, ta: number, prune: boolean): boolean {
    if (++this.nodes > 20000) return false;
    const p = this.p;
    const tol = this.o.qtyTol + 1e-9 * Math.max(1, Math.abs(tq));
    if (depth >= 2 && a === ta && Math.abs(q - tq) <= tol) {
      this.bestLen = depth;
      for (let i = 0; i < depth; i++) this.best[i] = this.pick[i];
      return true;
    }
    if (depth >= this.maxSubset) return false;
    for (let i = start; i < k; i++) {
      const c = this.cand[i];
      const nq = q + this.qty(c);
      if (prune && nq > tq + tol) continue;
      this.pick[depth] = c;
      if (this.dfs(i + 1, k, depth + 1, nq, a + p.amount[c], tq, ta, prune)) return true;
    }
    return false;
  }

  /** Keep the maxCand nearest of the candidates offered (insertion into a small sorted buffer). */
  offer(k: number, line: number, d: number): number {
    const max = this.maxCand;
    if (k === max && d >= this.candDist[max - 1]) return k;
    let i = k === max ? max - 1 : k;
    while (i > 0 && this.candDist[i - 1] > d) {
      this.cand[i] = this.cand[i - 1];
      this.candDist[i] = this.candDist[i - 1];
      i--;
    }
    this.cand[i] = line;
    this.candDist[i] = d;
    return k === max ? k : k + 1;
  }

  /** Pass 1: by document number and part. */
  passDocument(): void {
    const p = this.p;
    const { nO, nT, doc, part, qtyKey, altStart } = p;
    // Our lines with a note and a part, bucketed by note (counting sort), each bucket ordered by part.
    const docStart = ints(p.nDocs + 1);
    let m = 0;
    for (let i = 0; i < nO; i++) {
      if (doc[i] >= 0 && part[i] >= 0) {
        docStart[doc[i] + 1]++;
        m++;
      }
    }
    if (m === 0) return;
    for (let d = 0; d < p.nDocs; d++) docStart[d + 1] += docStart[d];
    const a = this.s2; // [0, m)
    const fill = docStart.slice(0, p.nDocs);
    for (let i = 0; i < nO; i++) if (doc[i] >= 0 && part[i] >= 0) a[fill[doc[i]]++] = i;
    for (let d = 0; d < p.nDocs; d++) {
      const lo = docStart[d];
      const hi = docStart[d + 1];
      for (let x = lo + 1; x < hi; x++) {
        const v = a[x];
        const pv = part[v];
        let y = x - 1;
        while (y >= lo && part[a[y]] > pv) {
          a[y + 1] = a[y];
          y--;
        }
        a[y + 1] = v;
      }
    }
    // Each of their lines → the cluster (range of `a`) of our lines with the same note and part.
    const clusterKey = this.s1;
    const clusterHi = fill; // reused: one slot per position of `a` is enough when m ≤ nDocs, else a new array
    const hiOf = m <= fill.length ? clusterHi : ints(m);
    const tl = this.s3;
    let tm = 0;
    for (let j = 0; j < nT; j++) {
      const t = nO + j;
      const pt = part[t];
      if (pt < 0) continue;
      const altFrom = altStart ? altStart[j] : 0;
      const altTo = altStart ? altStart[j + 1] : 0;
      for (let c = altFrom - 1; c < altTo; c++) {
        const d = c < altFrom ? doc[t] : p.alt[c];
        if (d < 0) continue;
        let lo = docStart[d];
        let hi = docStart[d + 1];
        if (lo === hi) continue;
        // lower bound of part pt in a[lo..hi)
        let l = lo;
        let h = hi;
        while (l < h) {
          const mid = (l + h) >> 1;
          if (part[a[mid]] < pt) l = mid + 1;
          else h = mid;
        }
        lo = l;
        h = hi;
        while (l < h) {
          const mid = (l + h) >> 1;
          if (part[a[mid]] <= pt) l = mid + 1;
          else h = mid;
        }
        hi = l;
        if (lo < hi) {
          clusterKey[t] = lo;
          hiOf[lo] = hi;
          tl[tm++] = t;
          break;
        }
      }
    }
    if (tm === 0) return;
    const ts = this.s4;
    countingSort(tl, tm, clusterKey, 0, m, ts);
    const SCAN = 256;
    for (let s = 0; s < tm; ) {
      const lo = clusterKey[ts[s]];
      let e = s;
      while (e < tm && clusterKey[ts[e]] === lo) e++;
      const hi = Math.min(hiOf[lo], lo + SCAN);
      const tEnd = Math.min(e, s + SCAN);
      // 1a: equal quantity, nearest date.
      for (let x = s; x < e; x++) {
        const t = ts[x];
        let best = -1;
        let bestD = FAR + 1;
        for (let k = lo; k < hi; k++) {
          const o = a[k];
          if (this.group[o] >= 0 || qtyKey[o] < 0 || qtyKey[o] !== qtyKey[t]) continue;
          const d = this.dist(o, t);
          if (d < bestD) {
            bestD = d;
            best = o;
          }
        }
        if (best >= 0) this.pair(best, t, P_DOCUMENT);
      }
      // 1b: one of theirs = several of ours on this note, and the reverse.
      for (let x = s; x < tEnd; x++) {
        const t = ts[x];
        if (this.group[t] >= 0 || qtyKey[t] < 0) continue;
        let k = 0;
        for (let y = lo; y < hi; y++) {
          const o = a[y];
          if (this.group[o] < 0 && qtyKey[o] >= 0) k = this.offer(k, o, this.dist(o, t));
        }
        this.trySum(t, k, P_DOCUMENT_SUM);
      }
      for (let y = lo; y < hi; y++) {
        const o = a[y];
        if (this.group[o] >= 0 || qtyKey[o] < 0) continue;
        let k = 0;
        for (let x = s; x < tEnd; x++) {
          const t = ts[x];
          if (this.group[t] < 0 && qtyKey[t] >= 0) k = this.offer(k, t, this.dist(o, t));
        }
        this.trySum(o, k, P_DOCUMENT_SUM);
      }
      // 1c: the same note and part but the quantities differ.
      for (let x = s; x < e; x++) {
        const t = ts[x];
        if (this.group[t] >= 0) continue;
        let best = -1;
        let bestD = FAR + 1;
        for (let k = lo; k < hi; k++) {
          const o = a[k];
          if (this.group[o] >= 0) continue;
          const d = this.dist(o, t);
          if (d < bestD) {
            bestD = d;
            best = o;
          }
        }
        if (best >= 0) this.pair(best, t, P_DOCUMENT_DIFF);
      }
      s = e;
    }
  }

  /**
   * Pair ours with theirs inside groups (k1, k2 equal), nearest date first across the whole set, dates at most
   * maxDist apart. Exact greedy on a line: the nearest opposite pair is always adjacent in date order, so a linked
   * list over the sorted entries and a bucket queue by distance do it in linear time.
   */
  pairNearest(entries: Ints, len: number, k1: Keys, k2: Keys, dayOf: Keys, maxDist: number, pass: number, fixed: number): void {
    if (len < 2) return;
    const nO = this.p.nO;
    const prev = unfilled(len);
    const next = unfilled(len);
    const removed = ints(len);
    for (let i = 0; i < len; i++) {
      prev[i] = i - 1;
      next[i] = i + 1 < len ? i + 1 : -1;
    }
    const head = ints(maxDist + 1, -1);
    const tail = ints(maxDist + 1, -1);
    const cap = 2 * len + 2;
    const qa = unfilled(cap);
    const qb = unfilled(cap);
    const qn = unfilled(cap);
    let qlen = 0;
    const consider = (x: number, y: number): void => {
      const ex = entries[x];
      const ey = entries[y];
      if (k1[ex] !== k1[ey] || k2[ex] !== k2[ey] || ex < nO === ey < nO) return;
      const d = dayOf[ey] - dayOf[ex];
      if (d > maxDist) return;
      qa[qlen] = x;
      qb[qlen] = y;
      qn[qlen] = -1;
      if (tail[d] < 0) head[d] = qlen;
      else qn[tail[d]] = qlen;
      tail[d] = qlen++;
    };
    for (let i = 0; i + 1 < len; i++) consider(i, i + 1);
    for (let d = 0; d <= maxDist; d++) {
      for (let q = head[d]; q >= 0; q = qn[q]) {
        const x = qa[q];
        const y = qb[q];
        if (removed[x] || removed[y] || next[x] !== y) continue;
        const ex = entries[x];
        const ey = entries[y];
        if (ex < nO) this.pair(ex, ey, pass, fixed);
        else this.pair(ey, ex, pass, fixed);
        removed[x] = 1;
        removed[y] = 1;
        const px = prev[x];
        const ny = next[y];
        if (px >= 0) next[px] = ny;
        if (ny >= 0) prev[ny] = px;
        if (px >= 0 && ny >= 0) consider(px, ny);
      }
    }
  }

  /** Unused lines, optionally only those with a known part / quantity / day. */
  unused(needPart: boolean, needQty: boolean, needDay: boolean, out: Ints): number {
    const { part, qtyKey, day } = this.p;
    let len = 0;
    for (let L = 0; L < this.n; L++) {
      if (this.group[L] >= 0) continue;
      if (needPart && part[L] < 0) continue;
      if (needQty && qtyKey[L] < 0) continue;
      if (needDay && day[L] === NO_DAY) continue;
      out[len++] = L;
    }
    return len;
  }

  /** Pass 2: same part and quantity within the date window. */
  passWindow(): void {
    const p = this.p;
    const a = this.s1;
    const b = this.s2;
    const len = this.unused(true, true, true, a);
    if (len < 2) return;
    const days = { key: p.day, base: p.dayMin, range: p.dayMax - p.dayMin + 1 };
    sortLines(a, len, [days, { key: p.qtyKey, base: 0, range: p.nQty }, { key: p.part, base: 0, range: p.nParts }], b);
    this.pairNearest(b, len, p.part, p.qtyKey, p.day, Math.max(0, Math.floor(this.o.dateWindow)), P_WINDOW, -1);
  }

  /** Pass 3: one line = the sum of several of the same part within the window, both ways. */
  passWindowSum(): void {
    const p = this.p;
    const { nO, part, day } = p;
    const a = this.s1;
    const len = this.unused(true, true, true, a);
    if (len < 3) return;
    sortLines(a, len, [{ key: day, base: p.dayMin, range: p.dayMax - p.dayMin + 1 }, { key: part, base: 0, range: p.nParts }], a);
    const w = Math.max(0, Math.floor(this.o.dateWindow));
    const STEPS = 48;
    // theirs first (one of theirs = several of ours), then ours
    for (let side = 1; side >= 0; side--) {
      for (let i = 0; i < len; i++) {
        const L = a[i];
        if ((L < nO ? 0 : 1) !== side || this.group[L] >= 0) continue;
        const pt = part[L];
        const dL = day[L];
        let k = 0;
        for (let q = i - 1, steps = 0; q >= 0 && steps < STEPS; q--, steps++) {
          const c = a[q];
          if (part[c] !== pt || dL - day[c] > w) break;
          if (c < nO !== L < nO && this.group[c] < 0) k = this.offer(k, c, dL - day[c]);
        }
        for (let q = i + 1, steps = 0; q < len && steps < STEPS; q++, steps++) {
          const c = a[q];
          if (part[c] !== pt || day[c] - dL > w) break;
          if (c < nO !== L < nO && this.group[c] < 0) k = this.offer(k, c, day[c] - dL);
        }
        this.trySum(L, k, P_WINDOW_SUM);
      }
    }
  }

  /** The same line twice on one side (same note, part, quantity, amount, date): the extra copies are duplicates. */
  passDuplicates(): void {
    const p = this.p;
    const { nO, doc, part, day, qtyKey, amount } = p;
    const n = this.n;
    // Only lines that share a note (or, without one, a part) with a line still alone can be its twin.
    const docMark = new Uint8Array(p.nDocs);
    const partMark = new Uint8Array(p.nParts + 1);
    let any = false;
    for (let L = 0; L < n; L++) {
      if (this.group[L] >= 0) continue;
      any = true;
      if (doc[L] >= 0) docMark[doc[L]] = 1;
      else partMark[part[L] + 1] = 1;
    }
    if (!any) return;
    const a = this.s1;
    const b = this.s2;
    let len = 0;
    for (let L = 0; L < n; L++) if (doc[L] >= 0 ? docMark[doc[L]] : partMark[part[L] + 1]) a[len++] = L;
    // by note, then part (the day is compared inside a run)
    sortLines(a, len, [{ key: part, base: -1, range: p.nParts + 1 }, { key: doc, base: -1, range: p.nDocs + 1 }], b);
    const CAP = 64;
    for (let s = 0; s < len; ) {
      const L0 = b[s];
      let e = s + 1;
      while (e < len && part[b[e]] === part[L0] && doc[b[e]] === doc[L0]) e++;
      if (e - s > 1) {
        for (let x = s; x < e; x++) {
          const L = b[x];
          if (this.group[L] >= 0) continue;
          const ours = L < nO;
          for (let y = Math.max(s, x - CAP); y < Math.min(e, x + CAP); y++) {
            const M = b[y];
            if (M === L || M < nO !== ours || day[M] !== day[L] || qtyKey[M] !== qtyKey[L] || amount[M] !== amount[L]) continue;
            // a twin that passes 1–3 used, or an earlier twin (the first copy keeps its own class)
            if ((this.group[M] >= 0 && this.cls[M] !== C_DUPLICATE) || y < x) {
              this.single(L, C_DUPLICATE);
              break;
            }
          }
        }
      }
      s = e;
    }
  }

  /** Pass 4: what agrees only on the amount is a `possible` pair for the clerk to decide. */
  passAmount(): void {
    const p = this.p;
    const a = this.s1;
    let len = 0;
    for (let L = 0; L < this.n; L++) if (this.group[L] < 0 && p.amount[L] !== 0) a[len++] = L;
    if (len < 2) return;
    const ids = new Map<number, number>();
    const key = this.s3;
    const dayOf = this.s4;
    for (let i = 0; i < len; i++) {
      const L = a[i];
      let id = ids.get(p.amount[L]);
      if (id === undefined) ids.set(p.amount[L], (id = ids.size));
      key[L] = id;
      dayOf[L] = p.day[L] === NO_DAY ? p.dayMin : p.day[L];
    }
    sortLines(a, len, [{ key: dayOf, base: p.dayMin, range: p.dayMax - p.dayMin + 1 }, { key, base: 0, range: ids.size }], a);
    this.pairNearest(a, len, key, key, dayOf, p.dayMax - p.dayMin, P_AMOUNT, C_POSSIBLE);
  }

  /** Whatever is still alone. */
  passRest(): void {
    const { nO, day } = this.p;
    const end = this.o.periodEnd ? isoToEpochDays(this.o.periodEnd) : undefined;
    const from = end === undefined ? undefined : end - Math.max(0, Math.floor(this.o.inTransitDays));
    for (let L = 0; L < this.n; L++) {
      if (this.group[L] >= 0) continue;
      if (L >= nO) this.single(L, C_ONLY_THEIRS);
      else if (end !== undefined && from !== undefined && day[L] !== NO_DAY && day[L] > from && day[L] <= end) this.single(L, C_IN_TRANSIT);
      else this.single(L, C_ONLY_OURS);
    }
  }
}

/** Match prepared lines. Pure: the same lines and options give the same classes. */
export function matchPrepared(p: Prepared, options: Partial<MatchOptions> = {}): MatchResult {
  const o: MatchOptions = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const m = new Matcher(p, o);
  m.passDocument();
  m.passWindow();
  m.passWindowSum();
  m.passDuplicates();
  m.passAmount();
  m.passRest();
  return { nO: p.nO, nT: p.nT, cls: m.cls, group: m.group, groupCount: m.groups, groupClass: m.groupClass, groupPass: m.groupPass };
}

/** Lines in, classes out. */
export function matchLines(ours: readonly MatchLine[], theirs: readonly MatchLine[], options: Partial<MatchOptions> = {}): MatchResult {
  return matchPrepared(prepare(ours, theirs), options);
}

/** The members of each group (CSR: members[start[g] .. start[g+1]), ours before theirs, each in line order). */
export function groupMembers(r: MatchResult): { start: Int32Array; members: Int32Array } {
  const n = r.nO + r.nT;
  const start = new Int32Array(r.groupCount + 1);
  for (let L = 0; L < n; L++) start[r.group[L] + 1]++;
  for (let g = 0; g < r.groupCount; g++) start[g + 1] += start[g];
  const fill = start.slice(0, r.groupCount);
  const members = new Int32Array(n);
  for (let L = 0; L < n; L++) members[fill[r.group[L]]++] = L;
  return { start, members };
}
