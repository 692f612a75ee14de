/**
 * The months a member is expected to pay dues in a ledger year. 党费规定
 * (《关于中国共产党党费收缴、使用和管理的规定》): 党员应按月交纳党费; 预备党员从支部大会
 * 通过其为预备党员之日起交纳党费 – so the months before admission are not expected.
 * A month is missed only once it is over: the months run from January (or the
 * admission month) to the last month that has ended by the as-of date (its last day included).
 */
import { endOfMonth, parts, ymd, type IsoDate } from "./dates";

/** Months 1–12 of `year` that are due: from the admission month to the last month over by `asOf`. */
export function duesMonths(year: number, asOf: IsoDate, admitted: IsoDate | null = null): number[] {
  const first = admitted === null ? 1 : firstMonth(year, admitted);
  const months: number[] = [];
  for (let m = first; m <= 12; m++) {
    if (endOfMonth(ymd(year, m, 1)) > asOf) break;
    months.push(m);
  }
  return months;
}

/** The admission month in that year; 1 when admitted before it, 13 (none) when after it. */
function firstMonth(year: number, admitted: IsoDate): number {
  const { y, m } = parts(admitted);
  return y < year ? 1 : y > year ? 13 : m;
}
