/**
 * 发展党员 (RULES.md development): 中国共产党发展党员工作细则 2014 (发展细则)
 * and 重庆工业职业技术学院实施意见. Every limit comes from profile.development. Dates known only to
 * the month (2024.03) get the benefit of the doubt: a rule fires only when it
 * is broken for every day of that month.
 */
import type { Code } from "../codes";
import { addMonths, addYears, ageOn, formatZh, type IsoDate } from "../dates";
import type { Finding } from "../finding";
import { idFacts } from "../idnumber";
import { findingAt, num, text, type LedgerRow, type LedgerSheet, type SheetRule } from "../ledger";
import type { Profile } from "../profile";
import { compareDays, dayOf, formatDay, hasColumn, isBlankCell, latestDate, nameOf, type Day } from "./common";
import { findMember, rosterIndex } from "./people";

/** The stages in the order 发展细则 prescribes; each date is no earlier than the one before. */
const STAGES = [
  "applicationDate",
  "talkDate",
  "activistDate",
  "candidateDate",
  "branchMeetingDate",
  "approvalDate",
  "fullDate",
] as const;

const headerOf = (sheet: LedgerSheet, key: string): string =>
  sheet.ledger.fields.find((f) => f.key === key)?.header ?? key;

/** A finding on the first of the fields the sheet has a column for (a blank cell still has an address). */
const onColumn = (sheet: LedgerSheet, ...keys: string[]): string => keys.find((k) => hasColumn(sheet, k)) ?? keys[0];

/** dev.order – 申请 ≤ 谈话 ≤ 积极分子 ≤ 发展对象 ≤ 支部大会 ≤ 上级批准 ≤ 转正 (发展细则); reported on the later cell. */
const order: SheetRule = (sheet) =>
  sheet.rows.flatMap((row) => {
    const findings: Finding[] = [];
    let previous: { key: string; day: Day } | null = null;
    for (const key of STAGES) {
      const day = dayOf(row, key);
      if (!day) continue;
      if (previous && compareDays(day, previous.day) < 0) {
        findings.push(
          findingAt(
            sheet,
            "dev.order",
            `“${headerOf(sheet, key)}”${formatDay(day)} 早于“${headerOf(sheet, previous.key)}”${formatDay(previous.day)}：各环节应依次为申请入党→谈话→确定积极分子→确定发展对象→支部大会→上级批准→转正（《中国共产党发展党员工作细则》）`,
            { row, field: key },
          ),
        );
      }
      previous = { key, day };
    }
    return findings;
  });

/** The birth date from the 身份证号 (GB 11643), else the 出生日期 column. */
function birthOf(row: LedgerRow): IsoDate | null {
  const id = text(row, "idNumber");
  const fromId = id ? (idFacts(id)?.birthDate ?? null) : null;
  return fromId ?? dayOf(row, "birthDate")?.date ?? null;
}

/** dev.age – 年满十八岁 to apply (党章第一条; 发展细则). */
const age: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const applied = dayOf(row, "applicationDate");
    const birth = birthOf(row);
    const { minAge } = ctx.profile.development;
    if (!applied || !birth || ageOn(birth, latestDate(applied)) >= minAge) return [];
    return [
      findingAt(
        sheet,
        "dev.age",
        `申请入党时（${formatDay(applied)}）未满 ${minAge} 周岁（出生于 ${formatZh(birth)}，时年 ${ageOn(birth, latestDate(applied))} 岁）：年满 ${minAge} 岁方可申请入党（《中国共产党章程》；《中国共产党发展党员工作细则》）`,
        { row, field: "applicationDate" },
      ),
    ];
  });

const laterStageGiven = (row: LedgerRow, after: (typeof STAGES)[number]): boolean =>
  STAGES.slice(STAGES.indexOf(after) + 1).some((k) => dayOf(row, k) !== null);

/**
 * dev.talk-late – 党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话 (发展细则).
 * Also an applicant still waiting for that talk once the month has passed; a
 * person already further on (a later stage dated) is not chased for an old record.
 */
const talkLate: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const applied = dayOf(row, "applicationDate");
    const talk = dayOf(row, "talkDate");
    const months = ctx.profile.development.talkWithinMonths;
    if (!applied) return [];
    const deadline = addMonths(latestDate(applied), months);
    const because = `党组织收到入党申请书后应在 ${months} 个月内（${formatZh(deadline)} 前）派人谈话（《中国共产党发展党员工作细则》）`;
    if (talk && talk.date > deadline) {
      return [findingAt(sheet, "dev.talk-late", `谈话日期 ${formatDay(talk)} 晚于申请入党后 ${months} 个月：${because}`, { row, field: "talkDate" })];
    }
    if (!talk && hasColumn(sheet, "talkDate") && isBlankCell(sheet, row, "talkDate") && ctx.asOf > deadline && !laterStageGiven(row, "talkDate")) {
      return [findingAt(sheet, "dev.talk-late", `申请入党已超过 ${months} 个月仍未谈话：${because}`, { row, field: "talkDate" })];
    }
    return [];
  });

/**
 * A later stage at least some years after an earlier one; fires only when the
 * later date is short for every day a month-only date may stand for.
 */
function atLeastYearsAfter(
  code: Code,
  earlierKey: string,
  laterKey: string,
  yearsOf: (limits: Profile["development"]) => number,
  message: (earlier: Day, later: Day, earliest: IsoDate, years: number) => string,
): SheetRule {
  return (sheet, ctx) =>
    sheet.rows.flatMap((row) => {
      const earlier = dayOf(row, earlierKey);
      const later = dayOf(row, laterKey);
      const years = yearsOf(ctx.profile.development);
      if (!earlier || !later) return [];
      const earliest = addYears(earlier.date, years);
      if (latestDate(later) >= earliest) return [];
      return [findingAt(sheet, code, message(earlier, later, earliest, years), { row, field: laterKey })];
    });
}

/** dev.activist-short – 经过一年以上培养教育和考察 before 发展对象 (发展细则; 重庆工业职业技术学院实施意见). */
const activistShort = atLeastYearsAfter(
  "dev.activist-short",
  "activistDate",
  "candidateDate",
  (d) => d.activistMinYears,
  (activist, candidate, earliest, years) =>
    `确定积极分子（${formatDay(activist)}）到确定发展对象（${formatDay(candidate)}）不足 ${years} 年：入党积极分子须经过 ${years} 年以上培养考察，最早 ${formatZh(earliest)} 方可确定为发展对象（《中国共产党发展党员工作细则》）`,
);

/**
 * dev.training-short – 发展对象 集中培训一般不少于 3 天或 24 学时 (发展细则). Checked
 * once 确定发展对象日期 is filled; a blank 培训学时 counts once the 支部大会 has
 * voted (the training comes before it).
 */
const trainingShort: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const min = ctx.profile.development.minTrainingHours;
    const hours = num(row, "trainingHours");
    if (!dayOf(row, "candidateDate") || !hasColumn(sheet, "trainingHours")) return [];
    const because = `发展对象须经不少于 ${min} 学时的集中培训（《中国共产党发展党员工作细则》）`;
    if (hours !== null && hours < min) {
      return [findingAt(sheet, "dev.training-short", `培训学时 ${hours} 不足 ${min} 学时：${because}`, { row, field: "trainingHours" })];
    }
    if (hours === null && isBlankCell(sheet, row, "trainingHours") && dayOf(row, "branchMeetingDate")) {
      return [findingAt(sheet, "dev.training-short", `支部大会已讨论接收，但未填写培训学时：${because}`, { row, field: "trainingHours" })];
    }
    return [];
  });

/**
 * dev.approval-late – 上级党委应在 3 个月内审批，特殊情况不超过 6 个月 (发展细则):
 * warning past the first limit, error past the second; also while approval is
 * still missing and that much time has passed by the as-of date.
 */
const approvalLate: SheetRule = (sheet, ctx) =>
  sheet.rows.flatMap((row) => {
    const meeting = dayOf(row, "branchMeetingDate");
    if (!meeting) return [];
    const approval = dayOf(row, "approvalDate");
    const { approvalWarnMonths: warn, approvalErrorMonths: error } = ctx.profile.development;
    const until = approval ? approval.date : ctx.asOf;
    const last = latestDate(meeting);
    const severity = until > addMonths(last, error) ? "error" : until > addMonths(last, warn) ? "warning" : null;
    if (!severity) return [];
    const what = approval
      ? `上级批准日期 ${formatDay(approval)} 距支部大会（${formatDay(meeting)}）超过 ${severity === "error" ? error : warn} 个月`
      : `支部大会（${formatDay(meeting)}）讨论接收后已超过 ${severity === "error" ? error : warn} 个月仍未经上级党委批准`;
    return [
      findingAt(sheet, "dev.approval-late", `${what}：上级党委应在 ${warn} 个月内审批，特殊情况最长不超过 ${error} 个月（《中国共产党发展党员工作细则》）`, {
        row,
        field: onColumn(sheet, "approvalDate", "branchMeetingDate"),
        severity,
      }),
    ];
  });

/** dev.probation – 预备期一年，从支部大会通过之日算起 (发展细则): 转正 no earlier. */
const probation = atLeastYearsAfter(
  "dev.probation",
  "branchMeetingDate",
  "fullDate",
  (d) => d.probationYears,
  (meeting, full, earliest, years) =>
    `转正日期 ${formatDay(full)} 早于预备期满（${formatZh(earliest)}）：预备期 ${years} 年，从支部大会通过之日（${formatDay(meeting)}）算起（《中国共产党发展党员工作细则》）`,
);

/**
 * xref.dev-already-member (docs/rules-added.md) – someone still in the process
 * (no 转正日期) whom the roster of the same workbook lists as 正式党员: a double
 * entry or a missing 转正日期. Rows with a 转正日期 are finished and expected in the roster.
 */
const alreadyMember: SheetRule = (sheet, ctx) => {
  const roster = rosterIndex(ctx.workbook);
  if (!roster.present) return [];
  return sheet.rows.flatMap((row) => {
    const member = findMember(roster, text(row, "idNumber"), text(row, "name"));
    if (dayOf(row, "fullDate") || !member || text(member, "memberType") !== "正式党员") return [];
    return [
      findingAt(
        sheet,
        "xref.dev-already-member",
        `${nameOf(row)} 在花名册中已是正式党员，发展党员台账中却未填转正日期：请核对是否重复登记，或补填转正日期`,
        { row, field: "name" },
      ),
    ];
  });
};

/**
 * xref.not-in-roster – once the 上级党委 has approved, the person is a 预备党员
 * (发展细则) and belongs in the roster; applicants without approval are not expected there.
 */
const approvedNotInRoster: SheetRule = (sheet, ctx) => {
  const roster = rosterIndex(ctx.workbook);
  if (!roster.present) return [];
  return sheet.rows.flatMap((row) => {
    const approval = dayOf(row, "approvalDate");
    if (!approval || findMember(roster, text(row, "idNumber"), text(row, "name"))) return [];
    return [
      findingAt(
        sheet,
        "xref.not-in-roster",
        `${nameOf(row)} 已于 ${formatDay(approval)} 经上级党委批准为预备党员，但不在本工作簿的党员花名册中：请补入花名册（《中国共产党发展党员工作细则》）`,
        { row, field: "name" },
      ),
    ];
  });
};

export const developmentRules: readonly SheetRule[] = [
  order,
  age,
  talkLate,
  activistShort,
  trainingShort,
  approvalLate,
  probation,
  alreadyMember,
  approvedNotInRoster,
];
