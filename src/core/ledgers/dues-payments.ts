/**
 * 党费收缴 kept one payment per row – how online 党费 systems export it: 姓名,
 * 缴费月份 (a month or a range 2026.01–2026.03), 金额. Read into the same model
 * as the month columns (m1…m12 per person) so the same dues rules run.
 */
import { field, parseDateValue, PERSON, type FieldValue } from "../fields";
import { makeFinding, type Finding } from "../finding";
import { defineLedger, num, text, type LedgerRow, type LedgerSheet } from "../ledger";
import { cellAt, columnLetter } from "../table";
import { squeeze } from "../text";
import { dues, MONTH_KEYS } from "./dues";
import { PERSON_CATEGORY_WORDS } from "./options";
import { personKeys } from "../rules/people";
import { maxOf } from "../numbers";

interface Month {
  year: number;
  month: number;
}

/** 2026-03, 2026年3月, 2026.3, a date cell, or a range 2026.01-2026.03 / 2026年1月至3月 / 2026年1-3月. */
export function parsePaymentMonths(raw: string, cell: Parameters<typeof parseDateValue>[0] | null): Month[] | null {
  const t = squeeze(raw);
  const range = /^(\d{4})[.\-/年](\d{1,2})月?(?:[-~至到—–]+(?:(\d{4})[.\-/年])?(\d{1,2})月?)$/u.exec(t);
  if (range) {
    const from = { year: Number(range[1]), month: Number(range[2]) };
    const to = { year: range[3] ? Number(range[3]) : from.year, month: Number(range[4]) };
    return monthsBetween(from, to);
  }
  const single = cell ? parseDateValue(cell) : null;
  if (!single?.date) return null;
  return [{ year: Number(single.date.slice(0, 4)), month: Number(single.date.slice(5, 7)) }];
}

function monthsBetween(from: Month, to: Month): Month[] | null {
  const span = (to.year - from.year) * 12 + to.month - from.month;
  if (from.month < 1 || from.month > 12 || to.month < 1 || to.month > 12 || span < 0 || span > 24) return null;
  return Array.from({ length: span + 1 }, (_, i) => ({ year: from.year + Math.floor((from.month - 1 + i) / 12), month: ((from.month - 1 + i) % 12) + 1 }));
}

/** One person's payments gathered on the row of their first payment. */
function personRow(rows: readonly { row: LedgerRow; months: Month[] }[], year: number): LedgerRow {
  const first = rows[0].row;
  const values: Record<string, FieldValue | null> = {};
  for (const key of ["name", "idNumber", "category", "base", "rate"]) values[key] = rows.map((r) => r.row.values[key]).find((v) => v != null) ?? null;
  const dueShares = rows.flatMap(({ row, months }) => (num(row, "monthlyDue") === null ? [] : [num(row, "monthlyDue")! / months.length]));
  values.monthlyDue = dueShares.length > 0 ? maxOf(dueShares) : null;
  for (const key of MONTH_KEYS) values[key] = null;
  for (const { row, months } of rows) {
    const paid = num(row, "paid");
    if (paid === null || paid === 0) continue;
    for (const m of months) {
      if (m.year !== year) continue;
      const key = MONTH_KEYS[m.month - 1];
      values[key] = Math.round(((values[key] as number | null) ?? 0) * 100 + (paid / months.length) * 100) / 100;
    }
  }
  return { row: first.row, values, monthOnly: first.monthOnly };
}

/**
 * The payments as the month model: one row per person (by ID, else name), the
 * year of the latest payment month, each month's amount from the payments that
 * cover it (a range split evenly). 合计 is not written, so dues.total stays silent;
 * the month findings point at the person's first payment row.
 */
function asMonthColumns(sheet: LedgerSheet): { sheet: LedgerSheet; findings: Finding[] } {
  const findings: Finding[] = [];
  const monthCol = sheet.columns.get("months")!;
  const read: { row: LedgerRow; months: Month[] }[] = [];
  for (const row of sheet.rows) {
    const written = text(row, "months");
    if (written === null) continue;
    const months = parsePaymentMonths(written, cellAt(sheet.table, row.row - 1, monthCol));
    if (!months) {
      findings.push(
        makeFinding("cell.date", `“缴费月份”不是月份或月份区间：“${written}”；应写作 2026-03 或 2026.01-2026.03`, {
          sheet: sheet.table.name,
          row: row.row,
          column: columnLetter(monthCol),
          field: "months",
          value: written,
        }),
      );
      continue;
    }
    read.push({ row, months });
  }
  const year = maxOf(read.flatMap((r) => r.months.map((m) => m.year)));
  const byPerson = new Map<string, { row: LedgerRow; months: Month[] }[]>();
  const keys = personKeys(read.map((r) => r.row));
  for (const r of read) {
    const key = keys.get(r.row)!;
    byPerson.set(key, [...(byPerson.get(key) ?? []), r]);
  }
  const columns = new Map(sheet.columns);
  if (sheet.columns.has("paid")) for (const key of MONTH_KEYS) columns.set(key, sheet.columns.get("paid")!);
  const rows = [...byPerson.values()].map((payments) => personRow(payments, year));
  return { sheet: { ...sheet, ledger: dues, columns, rows }, findings };
}

/** 党费收缴, one payment per row (党费规定 中组发〔2008〕3号, as 党费 systems export it). */
export const duesPayments = defineLedger({
  key: "dues",
  title: dues.title,
  sheetAliases: ["党费缴纳记录", "缴费记录", "党费明细", "党费缴纳明细", "交费记录"],
  purpose: "逐笔记录的党费缴纳（每行一笔：姓名、缴费月份、金额），按月核对",
  fields: [
    field.text("name", "姓名", { required: true, evidence: PERSON }),
    field.id("idNumber", "身份证号", { aliases: ["证件号码"], evidence: PERSON }),
    field.oneOf("category", "人员类别", PERSON_CATEGORY_WORDS, { aliases: ["类别", "人员类型"], required: true, evidence: 0.5 }),
    field.amount("base", "缴费基数", { aliases: ["月缴费基数", "基数", "党费基数"] }),
    field.rate("rate", "缴纳比例", { aliases: ["比例", "缴费比例"] }),
    field.text("months", "缴费月份", {
      aliases: ["月份", "所属月份", "应缴月份", "应缴纳日期", "缴费期间", "起止月份", "缴费时段", "党费月份", "缴纳月份", "缴费年月"],
      required: true,
    }),
    field.amount("monthlyDue", "应缴金额", { aliases: ["应缴纳金额", "应缴党费", "应交金额"] }),
    field.amount("paid", "实缴金额", { aliases: ["金额", "缴费金额", "缴纳金额", "实缴党费", "实缴纳金额", "实交金额", "交纳金额"], required: true }),
    field.date("paidDate", "缴费日期", { aliases: ["实缴纳日期", "缴纳日期", "支付日期", "交费日期"] }),
  ],
  recognisedWith: ["name", "idNumber"],
  rules: [],
  reshape: asMonthColumns,
});
