/**
 * The figures of one branch for the 汇总 sheet: members by type and category
 * (each person once), people in development by stage, dues due and paid,
 * funding entitlement and spending, training and meeting completion, the term. Figures, not rules: anything wrong is
 * already a finding of the shared rules; here it is only counted.
 */
import { addYears, parts, type IsoDate } from "../dates";
import type { Finding } from "../finding";
import type { LedgerRow, LedgerSheet, ParsedWorkbook } from "../ledger";
import { num, sheetsOf, text } from "../ledger";
import { MONTH_KEYS } from "../ledgers/dues";
import { hasEnded, periodsOfYear, yearsCovered } from "../periods";
import type { Profile } from "../profile";
import type { FileReport } from "../report";
import { allIssues } from "../report";
import { findMember, isLeader, rosterIndex } from "../rules/people";
import { memberMonths } from "../rules/dues";
import { duesMonths } from "../dues-months";
import { onePerPerson } from "../members";

/** Members by type and category. */
export interface MemberCounts {
  members: number;
  full: number;
  probationary: number;
  staff: number;
  students: number;
  retirees: number;
}

export interface BranchStats extends MemberCounts {
  applicants: number;
  activists: number;
  candidates: number;
  duesDue: number;
  duesPaid: number;
  duesRate: number | null;
  fundingEntitlement: number;
  fundingIncome: number;
  fundingSpent: number;
  trainingDone: number;
  trainingRate: number | null;
  meetingsRequired: number;
  meetingsMissing: number;
  meetingsRate: number | null;
  termExpiry: IsoDate | null;
  termState: TermState | null;
}

/** Where a branch stands with its 换届 (换届意见: 提前 6 个月提醒), read from the findings of the rules. */
export type TermState = "正常" | "6 个月内到期" | "已超期";

const cents = (n: number) => Math.round(n * 100) / 100;
const sumOver = (sheets: LedgerSheet[], value: (row: LedgerSheet["rows"][number], sheet: LedgerSheet) => number) =>
  cents(sheets.reduce((total, s) => total + s.rows.reduce((t, r) => t + value(r, s), 0), 0));
export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/** Months of dues due by the as-of date in its year (党费规定: paid for each month that has ended; all twelve on 31 December). */
export const duesMonthsDue = (asOf: IsoDate): number => duesMonths(parts(asOf).y, asOf).length;

/**
 * The summary's 党费应缴 of a branch: the one place it is computed, by the dues
 * rule's own months – each row's 月应缴 times the months the member owes, from
 * the admission month of a member admitted this year (党费规定).
 */
export function duesDue(parsed: ParsedWorkbook, profile: Profile, asOf: IsoDate): number {
  const ctx = { profile, asOf, workbook: parsed };
  return sumOver(sheetsOf(parsed, "dues"), (r, sheet) => (num(r, "monthlyDue") ?? 0) * memberMonths(sheet, r, ctx).keys.length);
}

export function memberCounts(members: readonly LedgerRow[]): MemberCounts {
  const count = (key: string, value: string) => members.filter((r) => text(r, key) === value).length;
  return {
    members: members.length,
    full: count("memberType", "正式党员"),
    probationary: count("memberType", "预备党员"),
    staff: count("category", "教职工"),
    students: count("category", "学生"),
    retirees: count("category", "离退休"),
  };
}

/**
 * The members of the whole college, each once by 身份证号: a person in the
 * rosters of two branches (merge.duplicate-person) counts once; a row without
 * an ID counts as its own person.
 */
/** The college's members, each once across branches (merge.duplicate-person names the second branch). */
export const collegeMembers = (rosters: readonly LedgerRow[][]): LedgerRow[] => onePerPerson(rosters.flat());

export const rosterRows = (parsed: ParsedWorkbook): LedgerRow[] => sheetsOf(parsed, "roster").flatMap((s) => s.rows);

export function branchStats(parsed: ParsedWorkbook, report: FileReport, profile: Profile, asOf: IsoDate): BranchStats {
  const members = onePerPerson(rosterRows(parsed));
  const counts = memberCounts(members);
  const funding = sheetsOf(parsed, "funding");
  const issues = allIssues(report);
  const due = duesDue(parsed, profile, asOf);
  const paid = sumOver(sheetsOf(parsed, "dues"), paidInRow);
  const trainingDoneCount = trainingDone(parsed, members, profile, asOf);
  const meetingsRequired = meetingPeriods(parsed, members.length, profile, asOf);
  const meetingsMissing = issues.filter((i) => i.code === "meetings.missing").length;
  const term = branchTerm(parsed, issues, profile);
  return {
    ...counts,
    ...developmentStages(parsed, asOf),
    duesDue: due,
    duesPaid: paid,
    duesRate: share(paid, due),
    fundingEntitlement: fundingEntitlement(counts, profile),
    fundingIncome: sumOver(funding, (r) => num(r, "income") ?? 0),
    fundingSpent: sumOver(funding, (r) => num(r, "expense") ?? 0),
    trainingDone: trainingDoneCount,
    trainingRate: sheetsOf(parsed, "training").length > 0 ? share(trainingDoneCount, counts.members) : null,
    meetingsRequired,
    meetingsMissing,
    meetingsRate: share(Math.max(0, meetingsRequired - meetingsMissing), meetingsRequired),
    termExpiry: term?.expiry ?? null,
    termState: term?.state ?? null,
  };
}

/** What a dues row records as paid: the months, or its 合计 when no month is filled in. */
function paidInRow(row: LedgerSheet["rows"][number]): number {
  const months = MONTH_KEYS.map((k) => num(row, k)).filter((v): v is number => v !== null);
  return months.length > 0 ? months.reduce((a, b) => a + b, 0) : (num(row, "total") ?? 0);
}

/** 不少于 staff rate × staff + student rate × students; retirees as the profile says (重庆工业职业技术学院实施意见、辽宁科技学院实施方案). */
export function fundingEntitlement(counts: { staff: number; students: number; retirees: number }, profile: Profile): number {
  const { staff, student, retireesCountAs } = profile.funding;
  const retireeRate = retireesCountAs === "staff" ? staff : retireesCountAs === "student" ? student : 0;
  return cents(counts.staff * staff + counts.students * student + counts.retirees * retireeRate);
}

/** Roster members whose hours this year reach their target (32, or 56 for 书记/委员; profile). */
function trainingDone(parsed: ParsedWorkbook, members: readonly LedgerRow[], profile: Profile, asOf: IsoDate): number {
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
  return members.filter((m) => (hours.get(m) ?? 0) >= (isLeader(m) ? leaderHours : memberHours)).length;
}

/**
 * How many meetings the ended periods required (支部条例; frequencies from the
 * profile, 支委会 only where the branch has a committee), over the years its
 * 三会一课 ledger covers – as meetings.missing counts them; 0 without that ledger.
 */
function meetingPeriods(parsed: ParsedWorkbook, members: number, profile: Profile, asOf: IsoDate): number {
  const rows = sheetsOf(parsed, "meetings").flatMap((s) => s.rows);
  if (rows.length === 0) return 0;
  const years = yearsCovered(rows.flatMap((r) => (text(r, "date") && text(r, "type") ? [text(r, "date")!] : [])), asOf);
  const committee = members >= profile.branch.committeeMinMembers;
  let required = 0;
  for (const [type, frequency] of Object.entries(profile.meetings.frequency)) {
    if (type === "支委会" && !committee) continue;
    for (const y of years) required += periodsOfYear(y, frequency).filter((p) => hasEnded(p, asOf)).length;
  }
  return required;
}

const DEVELOPMENT_STAGES = [
  ["fullDate", null],
  ["approvalDate", null],
  ["branchMeetingDate", null],
  ["candidateDate", "candidates"],
  ["activistDate", "activists"],
  ["applicationDate", "applicants"],
] as const;

/**
 * People in the 发展党员 ledger by the stage reached by the as-of date
 * (发展党员工作细则): 入党申请人, 入党积极分子, 发展对象; once received as
 * 预备党员 they are counted in the roster instead. Each person once.
 */
function developmentStages(parsed: ParsedWorkbook, asOf: IsoDate): Pick<BranchStats, "applicants" | "activists" | "candidates"> {
  const out = { applicants: 0, activists: 0, candidates: 0 };
  for (const row of onePerPerson(sheetsOf(parsed, "development").flatMap((s) => s.rows))) {
    const reached = DEVELOPMENT_STAGES.find(([key]) => {
      const d = text(row, key);
      return d !== null && d <= asOf;
    });
    if (reached?.[1]) out[reached[1]] += 1;
  }
  return out;
}

/**
 * The branch's own term: the 党支部 row of the 换届 ledger elected last (any row
 * when none says 党支部). Its 届满日期 as written, else 选举日期 + the term; its
 * state from the findings on that row (terms.overdue, terms.due-soon).
 */
function branchTerm(parsed: ParsedWorkbook, issues: readonly Finding[], profile: Profile): { expiry: IsoDate | null; state: TermState } | null {
  const rows = sheetsOf(parsed, "terms").flatMap((sheet) => sheet.rows.map((row) => ({ sheet, row })));
  const own = rows.filter(({ row }) => text(row, "orgType") === "党支部");
  const latest = (own.length > 0 ? own : rows).reduce<(typeof rows)[number] | null>(
    (best, r) => (best === null || (text(r.row, "electionDate") ?? "") > (text(best.row, "electionDate") ?? "") ? r : best),
    null,
  );
  if (!latest) return null;
  const { sheet, row } = latest;
  const at = issues.filter((i) => i.sheet === sheet.table.name && i.row === row.row).map((i) => i.code);
  const state: TermState = at.includes("terms.overdue") ? "已超期" : at.includes("terms.due-soon") ? "6 个月内到期" : "正常";
  return { expiry: text(row, "expiryDate") ?? writtenTermEnd(row, profile), state };
}

function writtenTermEnd(row: LedgerRow, profile: Profile): IsoDate | null {
  const elected = text(row, "electionDate");
  const type = text(row, "orgType") as keyof Profile["terms"]["years"] | null;
  const years = num(row, "termYears") ?? (type ? profile.terms.years[type] : null);
  return elected && years ? addYears(elected, years) : null;
}
