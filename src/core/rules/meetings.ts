/**
 * 三会一课 (RULES.md meetings). Frequencies, the quorum share and the
 * 支委会 threshold come from the profile; periods count only once ended
 * (see ../periods.ts).
 */
import type { IsoDate } from "../dates";
import { date, findingAt, num, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import { FREQUENCY_WORDS, contains, hasEnded, periodsOfYear, yearsCovered, type Frequency, type Period } from "../periods";
import { isSecretary, personName, rosterIndex } from "./people";
import type { Finding } from "../finding";
import { DOCUMENTS } from "../profile";

/** The frequencies' document: the college's where the profile follows one, else the national 条例. */
const meetingSource = (ctx: RuleContext): string => ctx.profile.document || DOCUMENTS.branchRules;

const GENERAL_MEETING = "党员大会";
const COMMITTEE_MEETING = "支委会";
const LECTURE = "党课";

interface Meeting {
  row: LedgerRow;
  type: string;
  date: IsoDate;
}

function meetingsOf(sheet: LedgerSheet): Meeting[] {
  return sheet.rows.flatMap((row) => {
    const type = text(row, "type");
    const day = date(row, "date");
    return type && day ? [{ row, type, date: day }] : [];
  });
}

/** The ended periods of the ledger's years, for one frequency. */
function endedPeriods(meetings: readonly Meeting[], frequency: Frequency, asOf: IsoDate): Period[] {
  const years = yearsCovered(meetings.map((m) => m.date), asOf);
  return years.flatMap((y) => periodsOfYear(y, frequency)).filter((p) => hasEnded(p, asOf));
}

/**
 * 支部条例: 党员 7 人以上的党支部设立支部委员会 – only such a branch holds 支委会.
 * Without a roster in the workbook the branch size is unknown, so 支委会 are
 * not required (a branch without a committee would get twelve false errors a year).
 */
function committeeRequired(ctx: RuleContext): boolean {
  const roster = rosterIndex(ctx.workbook);
  return roster.present && roster.members.length >= ctx.profile.branch.committeeMinMembers;
}

/**
 * meetings.missing – each ended period needs its meeting: 党员大会 each quarter;
 * 支委会, 党小组会, 主题党日 each month; 党课, 组织生活会, 民主评议 each year
 * (支部条例; 重庆交通大学艺术设计学院党总支实施意见的三会一课简表; frequencies from the profile). Once per period, at sheet level.
 * A sheet with no rows at all is a ledger not yet kept (a fresh template): it gets
 * `sheet.empty` from the engine instead of an error for every period of the year.
 */
const missing: SheetRule = (sheet, ctx) => {
  if (sheet.rows.length === 0) return [];
  const meetings = meetingsOf(sheet);
  const findings: Finding[] = [];
  for (const [type, frequency] of Object.entries(ctx.profile.meetings.frequency)) {
    if (type === COMMITTEE_MEETING && !committeeRequired(ctx)) continue;
    const dates = meetings.filter((m) => m.type === type).map((m) => m.date);
    for (const period of endedPeriods(meetings, frequency, ctx.asOf)) {
      if (dates.some((d) => contains(period, d))) continue;
      findings.push(
        findingAt(
          sheet,
          "meetings.missing",
          `${period.label}无${type}：${type}应${FREQUENCY_WORDS[frequency]}至少 1 次，本期已结束仍无记录（${meetingSource(ctx)}）`,
        ),
      );
    }
  }
  return findings;
};

const shareWords = (fraction: number): string => (fraction === 0.5 ? "半数" : `${Math.round(fraction * 100)}%`);

/** meetings.quorum – 支部条例: 有表决权的党员到会人数超过应到会人数的半数，方可召开党员大会. */
const quorum: SheetRule = (sheet, ctx) => {
  const fraction = ctx.profile.meetings.quorumFraction;
  return meetingsOf(sheet).flatMap(({ row, type }) => {
    const expected = num(row, "expected");
    const present = num(row, "present");
    if (type !== GENERAL_MEETING || expected === null || present === null || present > expected * fraction) return [];
    const needed = Math.floor(expected * fraction) + 1;
    return [
      findingAt(
        sheet,
        "meetings.quorum",
        `党员大会实到 ${present} 人，未超过应到 ${expected} 人的${shareWords(fraction)}（至少应到 ${needed} 人），会议不能有效表决（《中国共产党支部工作条例（试行）》）`,
        { row, field: "present" },
      ),
    ];
  });
};

/** meetings.attendance – 实到 + 请假 cannot exceed 应到 (negative counts are cell.number already). */
const attendance: SheetRule = (sheet) =>
  sheet.rows.flatMap((row) => {
    const expected = num(row, "expected");
    const present = num(row, "present");
    const excused = num(row, "excused") ?? 0;
    if (expected === null || present === null || present + excused <= expected) return [];
    return [
      findingAt(
        sheet,
        "meetings.attendance",
        `实到 ${present} 人 + 请假 ${excused} 人 = ${present + excused} 人，超过应到 ${expected} 人；请核对人数`,
        { row, field: "present" },
      ),
    ];
  });

/**
 * meetings.lecturer – 党组织书记每年至少讲 1 次党课 (重庆医科大学固本强基工程工作方案; 支部条例). The
 * 主持人/主讲人 is compared with the roster's 书记; without a roster, or a roster
 * without a 书记 (roster.no-secretary), there is nobody to compare with. A period
 * without any 党课 is meetings.missing already, so it is not reported twice.
 */
const lecturer: SheetRule = (sheet, ctx) => {
  const secretaries = rosterIndex(ctx.workbook)
    .members.filter(isSecretary)
    .map((m) => text(m, "name"))
    .filter((n): n is string => n !== null)
    .map(personName);
  if (secretaries.length === 0) return [];
  const byTheSecretary = (host: string | null) => host !== null && secretaries.some((s) => personName(host).includes(s));
  const meetings = meetingsOf(sheet);
  const lectures = meetings.filter((m) => m.type === LECTURE);
  return endedPeriods(meetings, ctx.profile.meetings.secretaryLecture, ctx.asOf).flatMap((period) => {
    const held = lectures.filter((m) => contains(period, m.date));
    if (held.length === 0 || held.some((m) => byTheSecretary(text(m.row, "host")))) return [];
    return [
      findingAt(
        sheet,
        "meetings.lecturer",
        `${period.label}的 ${held.length} 次党课都不是支部书记（${secretaries.join("、")}）主讲：党组织书记应${FREQUENCY_WORDS[ctx.profile.meetings.secretaryLecture]}至少讲 1 次党课（${meetingSource(ctx)}）`,
      ),
    ];
  });
};

type BranchKind = "student" | "staff" | "retired";
const KIND_WORDS: Record<BranchKind, string> = { student: "学生党支部", staff: "在职教职工党支部", retired: "离退休党支部" };

/** A branch's kind by its members: 学生 or 离退休 when most members are, else 在职教职工; null without a roster. */
function branchKind(ctx: RuleContext): BranchKind | null {
  const { present, members } = rosterIndex(ctx.workbook);
  if (!present || members.length === 0) return null;
  const share = (category: string) => members.filter((m) => text(m, "category") === category).length / members.length;
  return share("学生") > 0.5 ? "student" : share("离退休") > 0.5 ? "retired" : "staff";
}

/**
 * meetings.missing for 组织生活 counted together, where the profile sets a number a
 * month by kind of branch (重庆工业职业技术学院: 学生党支部每月不少于二次组织生活；在职
 * 教职工党支部每月至少一次；离退休党支部每月一次). Once per ended month short of it.
 */
const organisationalLife: SheetRule = (sheet, ctx) => {
  const life = ctx.profile.meetings.organisationalLife;
  const kind = branchKind(ctx);
  if (!life || !kind || sheet.rows.length === 0) return [];
  const needed = life.perMonth[kind];
  const meetings = meetingsOf(sheet);
  const counted = meetings.filter((m) => life.types.includes(m.type));
  return endedPeriods(meetings, "month", ctx.asOf).flatMap((period) => {
    const held = counted.filter((m) => contains(period, m.date)).length;
    if (held >= needed) return [];
    return [
      findingAt(
        sheet,
        "meetings.missing",
        `${period.label}组织生活 ${held} 次：${KIND_WORDS[kind]}每月应不少于 ${needed} 次（${ctx.profile.document}；计入${life.types.join("、")}）`,
      ),
    ];
  });
};

export const meetingsRules: readonly SheetRule[] = [missing, organisationalLife, quorum, attendance, lecturer];
