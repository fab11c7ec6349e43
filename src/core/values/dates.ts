import { IsoDate, IsoMonth, asIsoDate, asIsoMonth } from './brand';

/**
 * The one module that converts Excel date serials (design rule 4).
 * 1900 system: serial 1 = 1900-01-01 and Excel's phantom 1900-02-29 is serial 60.
 * 1904 system: serial 0 = 1904-01-01 (the same day is serial 1,462 in the 1900 system, which counts the phantom day).
 */

const MS_PER_DAY = 86_400_000;
/** Days from 1970-01-01 to 1899-12-31 (serial 0 in the 1900 system, ignoring the phantom leap day). */
const EPOCH_1900_OFFSET = -25_568;
/** Days from 1970-01-01 to 1904-01-01 (serial 0 in the 1904 system). */
const EPOCH_1904_OFFSET = -24_107;

/** Days since 1970-01-01 for an ISO date. */
export function isoToEpochDays(iso: IsoDate): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function epochDaysToIso(days: number): IsoDate {
  const dt = new Date(days * MS_PER_DAY);
  return asIsoDate(
    `${String(dt.getUTCFullYear()).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`,
  );
}

/** Is y-m-d a real calendar date? */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function ymdToIso(y: number, m: number, d: number): IsoDate {
  return asIsoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/**
 * Excel serial → ISO date, or null when the serial names no real day
 * (serial 60 in the 1900 system is 1900-02-29, which never existed; < 1 is before the system's start).
 * The time-of-day fraction is dropped.
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0) return null;
    return epochDaysToIso(whole + EPOCH_1904_OFFSET);
  }
  if (whole < 1 || whole === 60) return null;
  return epochDaysToIso(whole + EPOCH_1900_OFFSET - (whole > 60 ? 1 : 0));
}

/** ISO date → Excel serial in the 1900 system (what every generated sheet uses). */
export function isoToSerial(iso: IsoDate): number {
  const days = isoToEpochDays(iso) - EPOCH_1900_OFFSET;
  return days >= 60 ? days + 1 : days;
}

export const addDays = (iso: IsoDate, n: number): IsoDate => epochDaysToIso(isoToEpochDays(iso) + n);

/** b − a in days. */
export const diffDays = (a: IsoDate, b: IsoDate): number => isoToEpochDays(b) - isoToEpochDays(a);

export const monthOf = (iso: IsoDate): IsoMonth => asIsoMonth(iso.slice(0, 7));

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  return asIsoDate(`${month}-01`);
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = month.split('-').map(Number);
  return ymdToIso(y, m, daysInMonth(y, m));
}

/** Month arithmetic: addMonths('2026-01', -1) = '2025-12'. */
export function addMonths(month: IsoMonth, n: number): IsoMonth {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return asIsoMonth(`${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`);
}

export const isIsoDate = (s: string): s is IsoDate =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidYmd(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));

export const isIsoMonth = (s: string): s is IsoMonth => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
