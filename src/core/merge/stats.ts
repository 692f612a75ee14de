/**
 * The figures of one branch for the 汇总 sheet: members by type and category,
 * dues due and paid, funding entitlement and spending, training completion,
 * meetings missing and open findings. Figures, not rules: anything wrong is
 * already a finding of the shared rules; here it is only counted.
 */
import { daysInMonth, parts, type IsoDate } from "../dates";
import { countBySeverity } from "../finding";
import type { LedgerSheet, ParsedWorkbook } from "../ledger";
import { num, sheetsOf, text } from "../ledger";
import { MONTH_KEYS } from "../ledgers/dues";
import type { Profile } from "../profile";
import type { FileReport } from "../report";
import { allIssues } from "../report";
import { findMember, isLeader, rosterIndex } from "../rules/people";

export interface BranchStats {
  members: number;
  full: number;
  probationary: number;
  staff: number;
  students: number;
  retirees: number;
  duesDue: number;
  duesPaid: number;
  fundingEntitlement: number;
  fundingIncome: number;
  fundingSpent: number;
  trainingDone: number;
  meetingsMissing: number;
  errors: number;
  warnings: number;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const sumOver = (sheets: LedgerSheet[], value: (row: LedgerSheet["rows"][number]) => number) =>
  cents(sheets.reduce((total, s) => total + s.rows.reduce((t, r) => t + value(r), 0), 0));

/**
 * Months of dues that are due by the as-of date: the months that have ended
 * (dues are paid for the month, 党费规定), all twelve on 31 December.
 */
export function duesMonthsDue(asOf: IsoDate): number {
  const { y, m, d } = parts(asOf);
  return d === daysInMonth(y, m) ? m : m - 1;
}

export function branchStats(parsed: ParsedWorkbook, report: FileReport, profile: Profile, asOf: IsoDate): BranchStats {
  const roster = sheetsOf(parsed, "roster").flatMap((s) => s.rows);
  const count = (key: string, value: string) => roster.filter((r) => text(r, key) === value).length;
  const staff = count("category", "教职工");
  const students = count("category", "学生");
  const retirees = count("category", "离退休");
  const dues = sheetsOf(parsed, "dues");
  const funding = sheetsOf(parsed, "funding");
  const issues = allIssues(report);
  const severities = countBySeverity(issues);
  return {
    members: roster.length,
    full: count("memberType", "正式党员"),
    probationary: count("memberType", "预备党员"),
    staff,
    students,
    retirees,
    duesDue: sumOver(dues, (r) => (num(r, "monthlyDue") ?? 0) * duesMonthsDue(asOf)),
    duesPaid: sumOver(dues, paidInRow),
    fundingEntitlement: fundingEntitlement({ staff, students, retirees }, profile),
    fundingIncome: sumOver(funding, (r) => num(r, "income") ?? 0),
    fundingSpent: sumOver(funding, (r) => num(r, "expense") ?? 0),
    trainingDone: trainingDone(parsed, profile, asOf),
    meetingsMissing: issues.filter((i) => i.code === "meetings.missing").length,
    errors: severities.error,
    warnings: severities.warning,
  };
}

/** What a dues row records as paid: the months, or its 合计 when no month is filled in. */
function paidInRow(row: LedgerSheet["rows"][number]): number {
  const months = MONTH_KEYS.map((k) => num(row, k)).filter((v): v is number => v !== null);
  return months.length > 0 ? months.reduce((a, b) => a + b, 0) : (num(row, "total") ?? 0);
}

/** 不少于 staff rate × staff + student rate × students; retirees as the profile says (seed 002, 004). */
export function fundingEntitlement(counts: { staff: number; students: number; retirees: number }, profile: Profile): number {
  const { staff, student, retireesCountAs } = profile.funding;
  const retireeRate = retireesCountAs === "staff" ? staff : retireesCountAs === "student" ? student : 0;
  return cents(counts.staff * staff + counts.students * student + counts.retirees * retireeRate);
}

/** Roster members whose hours this year reach their target (32, or 56 for 书记/委员; profile). */
function trainingDone(parsed: ParsedWorkbook, profile: Profile, asOf: IsoDate): number {
  const index = rosterIndex(parsed);
  const year = asOf.slice(0, 4);
  const { countedForms, memberHours, leaderHours } = profile.training;
  const hours = new Map<object, number>();
  for (const sheet of sheetsOf(parsed, "training")) {
    for (const row of sheet.rows) {
      const date = text(row, "date");
      const form = text(row, "form");
      if (!date || date.slice(0, 4) !== year) continue;
      if (countedForms && (!form || !countedForms.includes(form))) continue;
      const member = findMember(index, text(row, "idNumber"), text(row, "name"));
      if (member) hours.set(member, (hours.get(member) ?? 0) + (num(row, "hours") ?? 0));
    }
  }
  return index.members.filter((m) => (hours.get(m) ?? 0) >= (isLeader(m) ? leaderHours : memberHours)).length;
}
