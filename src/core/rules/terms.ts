/**
 * 换届 (RULES.md terms): 关于加强党的基层组织按期换届工作的意见 2018 (换届意见)
 * and 重庆医科大学固本强基工程工作方案 – 基层党委每届 5 年，党总支、党支部每届 3 年；上级党组织提前 6 个月
 * 提醒；延期或提前换届须报批，一般不超过 1 年. Lengths, the reminder window and
 * the extension allowance come from the profile.
 */
import { addDays, addMonths, addYears, formatZh, type IsoDate } from "../dates";
import { date, findingAt, num, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import type { ORG_TYPES } from "../ledgers/options";
import { durationZh } from "../periods";

type OrgType = (typeof ORG_TYPES)[number];

const SOURCE = "《关于加强党的基层组织按期换届工作的意见》";

/** The term length the profile sets for the row's 组织类型, or null when the type is unreadable. */
function lawfulYears(row: LedgerRow, ctx: RuleContext): number | null {
  const type = text(row, "orgType") as OrgType | null;
  return type ? ctx.profile.terms.years[type] : null;
}

/**
 * When the term really ends: 选举日期 + the lawful length (an extension needs
 * approval the ledger cannot show). Falls back to the written 任期 when the
 * 组织类型 cannot be read.
 */
function dueDate(row: LedgerRow, ctx: RuleContext): IsoDate | null {
  const elected = date(row, "electionDate");
  const years = lawfulYears(row, ctx) ?? num(row, "termYears");
  return elected && years ? addYears(elected, years) : null;
}

/** Reminders sit on the 届满日期 cell, or on 选举日期 when the sheet has no 届满日期 column. */
const dueField = (sheet: LedgerSheet): string => (sheet.columns.has("expiryDate") ? "expiryDate" : "electionDate");

/** terms.length – 任期 differs from the profile's length for the 组织类型 (换届意见; 重庆医科大学固本强基工程工作方案、重庆交通大学艺术设计学院党总支实施意见). */
const length: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const given = num(row, "termYears");
    const lawful = lawfulYears(row, ctx);
    if (given === null || lawful === null || given === lawful) return [];
    return [
      findingAt(sheet, "terms.length", `${text(row, "orgType")}每届任期应为 ${lawful} 年，实为 ${given} 年（${SOURCE}）`, {
        row,
        field: "termYears",
      }),
    ];
  });

/**
 * terms.expiry – 届满日期 ≠ 选举日期 + 任期 (the written 任期, else the profile's).
 * Secretaries write either the anniversary or the day before it (任期至 6月14日);
 * both are right. A month-only 届满日期 (2026.06) is compared by month.
 */
const expiry: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const elected = date(row, "electionDate");
    const written = date(row, "expiryDate");
    const years = num(row, "termYears") ?? lawfulYears(row, ctx);
    if (!elected || !written || !years) return [];
    const expected = addYears(elected, years);
    const accepted = row.monthOnly.has("expiryDate")
      ? written.slice(0, 7) === expected.slice(0, 7)
      : written === expected || written === addDays(expected, -1);
    if (accepted) return [];
    return [
      findingAt(
        sheet,
        "terms.expiry",
        `届满日期应为 ${formatZh(expected)}（选举日期 ${formatZh(elected)} + 任期 ${years} 年），实为 ${formatZh(written)}（${SOURCE}）`,
        { row, field: "expiryDate" },
      ),
    ];
  });

/** terms.due-soon – the term ends within the reminder window after the as-of date (重庆医科大学固本强基工程工作方案: 提前 6 个月提醒). */
const dueSoon: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const due = dueDate(row, ctx);
    const { remindMonths } = ctx.profile.terms;
    if (!due || due < ctx.asOf || due > addMonths(ctx.asOf, remindMonths)) return [];
    return [
      findingAt(
        sheet,
        "terms.due-soon",
        `${text(row, "orgName") ?? "该组织"}任期将于 ${formatZh(due)} 届满（还有 ${durationZh(ctx.asOf, due)}）：已进入届满前 ${remindMonths} 个月的提醒期，请做好换届准备并按规定提前报送换届请示（${SOURCE}）`,
        { row, field: dueField(sheet) },
      ),
    ];
  });

/**
 * terms.overdue – the term ended before the as-of date. An extension of at most
 * maxAdjustYears needs the higher committee's approval; beyond that no approval
 * covers it, which the message calls out as the graver case (换届意见).
 */
const overdue: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const due = dueDate(row, ctx);
    const { maxAdjustYears } = ctx.profile.terms;
    if (!due || due >= ctx.asOf) return [];
    const beyondExtension = ctx.asOf > addYears(due, maxAdjustYears);
    const advice = beyondExtension
      ? `已超过最长 ${maxAdjustYears} 年的延期期限，即使经批准延期也已逾期，属严重超期，应立即换届`
      : `如需延期须报上级党组织批准，延期一般不超过 ${maxAdjustYears} 年`;
    return [
      findingAt(
        sheet,
        "terms.overdue",
        `${text(row, "orgName") ?? "该组织"}任期已于 ${formatZh(due)} 届满，已超期 ${durationZh(due, ctx.asOf)}未换届：${advice}（${SOURCE}）`,
        { row, field: dueField(sheet) },
      ),
    ];
  });

export const termsRules: readonly SheetRule[] = [length, expiry, dueSoon, overdue];
