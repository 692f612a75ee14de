/**
 * Calendar dates as ISO strings "YYYY-MM-DD": they compare as strings and never
 * pass through a time zone. Excel serials are converted by arithmetic.
 */
import { memoize } from "./memo";

export type IsoDate = string;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function parts(date: IsoDate): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (proleptic Gregorian), by arithmetic. */
export function toDayNumber(date: IsoDate): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function fromDayNumber(day: number): IsoDate {
  const t = new Date(day * 86_400_000);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * Excel 1900 date system serial → date. Serial 60 is Excel's phantom
 * 1900-02-29; serials after it are one day ahead of the real count.
 */
export const fromExcelSerial: (serial: number) => IsoDate | null = memoize(serialToDate); // ledgers repeat their dates

function serialToDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null;
  const offset = whole > 60 ? whole - 1 : whole;
  // Serial 1 = 1900-01-01 = day number -25567.
  return fromDayNumber(offset - 25568);
}

export function toExcelSerial(date: IsoDate): number {
  const n = toDayNumber(date) + 25568;
  return n >= 60 ? n + 1 : n;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Add months, clamping the day to the month's end (2020-01-31 + 1 month = 2020-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return ymd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Whole years of age on `on` for someone born on `birth`. */
export function ageOn(birth: IsoDate, on: IsoDate): number {
  const b = parts(birth);
  const o = parts(on);
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parts(from);
  const b = parts(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (months > 0 && b.d < a.d) months -= 1;
  if (months < 0 && b.d > a.d) months += 1;
  return months;
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving), whatever the machine's zone. */
export function todayInShanghai(now: Date = new Date()): IsoDate {
  return fromDayNumber(Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000));
}

/** The last day of the date's month. */
export function endOfMonth(date: IsoDate): IsoDate {
  const { y, m } = parts(date);
  return ymd(y, m, daysInMonth(y, m));
}

/** "YYYY-MM": the month a date falls in, for comparing dates known only to the month. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

export function formatZhMonth(date: IsoDate): string {
  const { y, m } = parts(date);
  return `${y}年${m}月`;
}

export function formatZh(date: IsoDate): string {
  const { y, m, d } = parts(date);
  return `${y}年${m}月${d}日`;
}
