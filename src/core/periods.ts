/**
 * Calendar periods for 三会一课 frequencies (支部条例; 重庆交通大学艺术设计学院党总支实施意见): months,
 * quarters and years, with the one rule a secretary agrees with – a period is
 * due only once it has ended. A period ends at the end of its last day, so on
 * 2026-06-30 the second quarter is still running and on 2026-07-01 it has ended.
 */
import { addMonths, daysBetween, daysInMonth, monthsBetween, parts, ymd, type IsoDate } from "./dates";
import { maxOf, minOf } from "./numbers";

/** "half" is a half-year, the calendar stand-in for a 学期 (每学期/每期 in a college's rules). */
export type Frequency = "month" | "quarter" | "half" | "year";

export interface Period {
  /** First and last day, inclusive. */
  start: IsoDate;
  end: IsoDate;
  /** zh-CN name: 2026年5月, 2026年第3季度, 2026年. */
  label: string;
}

const MONTHS_PER: Record<Frequency, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** How often, in words: 每月, 每季度, 每半年（学期）, 每年. */
export const FREQUENCY_WORDS: Record<Frequency, string> = { month: "每月", quarter: "每季度", half: "每学期（半年）", year: "每年" };

function period(year: number, index: number, frequency: Frequency): Period {
  const span = MONTHS_PER[frequency];
  const firstMonth = index * span + 1;
  const lastMonth = firstMonth + span - 1;
  const label =
    frequency === "year"
      ? `${year}年`
      : frequency === "half"
        ? `${year}年${index === 0 ? "上" : "下"}半年`
        : frequency === "quarter"
          ? `${year}年第${index + 1}季度`
          : `${year}年${firstMonth}月`;
  return { start: ymd(year, firstMonth, 1), end: ymd(year, lastMonth, daysInMonth(year, lastMonth)), label };
}

/** Every period of a calendar year, in order. */
export function periodsOfYear(year: number, frequency: Frequency): Period[] {
  return Array.from({ length: 12 / MONTHS_PER[frequency] }, (_, i) => period(year, i, frequency));
}

/** Ended before the as-of date: its last day lies before as-of. */
export const hasEnded = (p: Period, asOf: IsoDate): boolean => p.end < asOf;

export const contains = (p: Period, date: IsoDate): boolean => p.start <= date && date <= p.end;

/**
 * The calendar years a ledger covers: from the first to the last year of its
 * dates (a year between them without a single row is a year with nothing held);
 * a ledger without dates covers the as-of year.
 */
export function yearsCovered(dates: readonly IsoDate[], asOf: IsoDate): number[] {
  const years = dates.map((d) => parts(d).y);
  if (years.length === 0) return [parts(asOf).y];
  const first = minOf(years);
  const last = maxOf(years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A span in words for messages: 1 年 3 个月 12 天, 5 个月, 12 天 (from ≤ to). */
export function durationZh(from: IsoDate, to: IsoDate): string {
  const months = monthsBetween(from, to);
  const days = daysBetween(addMonths(from, months), to);
  const words = [
    months >= 12 ? `${Math.floor(months / 12)} 年` : "",
    months % 12 > 0 ? `${months % 12} 个月` : "",
    days > 0 || months === 0 ? `${days} 天` : "",
  ];
  return words.filter(Boolean).join(" ");
}
