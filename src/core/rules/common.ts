/**
 * Small helpers the ledger rules share: dates with their precision, money and
 * rate formatting, and whether a cell was left blank (as opposed to unreadable,
 * which already has its own cell finding).
 */
import { endOfMonth, formatZh, formatZhMonth, monthOf, type IsoDate } from "../dates";
import { date, type LedgerRow, type LedgerSheet } from "../ledger";
import { cellAt } from "../table";
import { cellText } from "../text";

/** A date as the ledger gives it: month-only dates (2019.07) know no day. */
export interface Day {
  date: IsoDate;
  monthOnly: boolean;
}

export function dayOf(row: LedgerRow, key: string): Day | null {
  const d = date(row, key);
  return d === null ? null : { date: d, monthOnly: row.monthOnly.has(key) };
}

/** Compare two dates; at month precision when either is known only to the month. */
export function compareDays(a: Day, b: Day): number {
  const [x, y] = a.monthOnly || b.monthOnly ? [monthOf(a.date), monthOf(b.date)] : [a.date, b.date];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The latest date a month-only date may stand for (its month's last day). */
export const latestDate = (day: Day): IsoDate => (day.monthOnly ? endOfMonth(day.date) : day.date);

export const formatDay = (day: Day): string => (day.monthOnly ? formatZhMonth(day.date) : formatZh(day.date));

/** Whether the sheet has a column for the field. */
export const hasColumn = (sheet: LedgerSheet, key: string): boolean => sheet.columns.has(key);

/** The field's cell was left empty (not merely unreadable). */
export function isBlankCell(sheet: LedgerSheet, row: LedgerRow, key: string): boolean {
  const col = sheet.columns.get(key);
  return col === undefined || cellText(cellAt(sheet.table, row.row - 1, col)) === "";
}

/** Amounts in 元 with two decimals. */
export const yuan = (n: number): string => n.toFixed(2);

/** Round to cents, immune to binary fractions (1.005 → 1.01). */
export const cents = (n: number): number => Math.round((n + Math.sign(n) * 1e-9) * 100) / 100;

/** Whether two amounts differ by more than the tolerance (floating-point safe). */
export const differs = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) > tolerance + 1e-9;

/** 0.015 → "1.5%". */
export const percent = (rate: number): string => `${Number((rate * 100).toFixed(4))}%`;

/** The person's name as written, or "第 N 行" when the name is blank. */
export const nameOf = (row: LedgerRow, key = "name"): string => String(row.values[key] ?? "").trim() || `第 ${row.row} 行`;
