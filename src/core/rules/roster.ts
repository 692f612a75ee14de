/**
 * 党员花名册 rules (RULES.md roster). Dates written as a month only (出生年月,
 * 入党年月 2019.07) are compared at month precision: the day is not known, and
 * a secretary should not get an error for a day nobody wrote.
 */
import { addMonths, ageOn, monthOf } from "../dates";
import { idFacts, type IdFacts } from "../idnumber";
import { findingAt, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import type { Finding } from "../finding";
import { compareDays, dayOf, formatDay, hasColumn, isBlankCell, latestDate, nameOf, type Day } from "./common";
import { onePerPerson } from "../members";
import { isSecretary, personId } from "./people";

/** The facts the row's ID number states (birth date, gender), when it is readable. */
function factsOfRow(row: LedgerRow): IdFacts | null {
  const id = text(row, "idNumber");
  return id ? idFacts(id) : null;
}

const perRow =
  (check: (sheet: LedgerSheet, row: LedgerRow, ctx: RuleContext) => Finding | null): SheetRule =>
  (sheet, ctx) => {
    const findings: Finding[] = [];
    for (const row of sheet.rows) {
      const finding = check(sheet, row, ctx);
      if (finding) findings.push(finding);
    }
    return findings;
  };

/** One person, one line: the same 身份证号 twice in a roster (GB11643: the number is unique to a person). */
const duplicateId: SheetRule = (sheet) => {
  const first = new Map<string, LedgerRow>();
  const findings: Finding[] = [];
  for (const row of sheet.rows) {
    const id = text(row, "idNumber");
    if (!id) continue;
    const seen = first.get(personId(id));
    if (!seen) first.set(personId(id), row);
    else
      findings.push(
        findingAt(sheet, "roster.duplicate-id", `身份证号与第 ${seen.row} 行（${nameOf(seen)}）重复：同一名党员在花名册中只能登记一次`, {
          row,
          field: "idNumber",
        }),
      );
  }
  return findings;
};

/** 性别 must agree with the ID's gender digit: odd = 男 (GB11643). */
const genderMismatch = perRow((sheet, row) => {
  const info = factsOfRow(row);
  const gender = text(row, "gender");
  if (!info || !gender || gender === info.gender) return null;
  const position = info.text.length === 15 ? 15 : 17;
  const digit = info.text[position - 1];
  return findingAt(
    sheet,
    "roster.gender-mismatch",
    `性别“${gender}”与身份证号不符：第 ${position} 位是 ${digit}（奇数为男、偶数为女），应为“${info.gender}”（GB 11643-1999）`,
    { row, field: "gender" },
  );
});

/** 出生日期 must agree with ID digits 7–14 (GB11643); 出生年月 compares the month only. */
const birthdateMismatch = perRow((sheet, row) => {
  const info = factsOfRow(row);
  const birth = dayOf(row, "birthDate");
  if (!info?.birthDate || !birth) return null;
  const fromId: Day = { date: info.birthDate, monthOnly: false };
  if (compareDays(birth, fromId) === 0) return null;
  return findingAt(
    sheet,
    "roster.birthdate-mismatch",
    `出生日期 ${formatDay(birth)} 与身份证号中的 ${formatDay({ ...fromId, monthOnly: birth.monthOnly })} 不符，请核对哪一项录错（GB 11643-1999）`,
    { row, field: "birthDate" },
  );
});

/** Birth as the ID states it, else as the 出生日期 column does. */
function birthOf(row: LedgerRow): Day | null {
  const info = factsOfRow(row);
  return info?.birthDate ? { date: info.birthDate, monthOnly: false } : dayOf(row, "birthDate");
}

/**
 * 年满十八岁 (发展细则 第四条; profile.development.minAge). A month-only 入党时间
 * is taken at its month's last day and a month-only birth at its first, so only
 * a sure case is reported.
 */
const joinAge = perRow((sheet, row, ctx) => {
  const birth = birthOf(row);
  const join = dayOf(row, "joinDate");
  if (!birth || !join || compareDays(join, birth) < 0) return null;
  const age = ageOn(birth.date, latestDate(join));
  const minAge = ctx.profile.development.minAge;
  if (age >= minAge) return null;
  return findingAt(
    sheet,
    "roster.join-age",
    `入党时未满 ${minAge} 周岁：出生于 ${formatDay(birth)}，入党时间 ${formatDay(join)}，时年 ${age} 岁（《中国共产党发展党员工作细则》：年满十八岁方可入党）`,
    { row, field: "joinDate" },
  );
});

/** 转正时间 cannot precede 入党时间, nor 入党时间 the birth (发展细则: the stages follow one another). */
const dateOrder: SheetRule = (sheet) =>
  sheet.rows.flatMap((row) => {
    const birth = birthOf(row);
    const join = dayOf(row, "joinDate");
    const full = dayOf(row, "fullDate");
    const findings: Finding[] = [];
    if (join && full && compareDays(full, join) < 0) {
      findings.push(
        findingAt(sheet, "roster.date-order", `转正时间 ${formatDay(full)} 早于入党时间 ${formatDay(join)}：转正应在入党满一年之后（《中国共产党发展党员工作细则》）`, {
          row,
          field: "fullDate",
        }),
      );
    }
    if (join && birth && compareDays(join, birth) < 0) {
      findings.push(
        findingAt(sheet, "roster.date-order", `入党时间 ${formatDay(join)} 早于出生日期 ${formatDay(birth)}，应是录入错误`, {
          row,
          field: "joinDate",
        }),
      );
    }
    return findings;
  });

/** Months from one date to another at month precision (day ignored). */
const monthSpan = (from: Day, to: Day): number => {
  const [fy, fm] = monthOf(from.date).split("-").map(Number);
  const [ty, tm] = monthOf(to.date).split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm);
};

/**
 * 预备期 is one year (党章 第七条): 转正 = 入党 + exactly 1 year. An extension of
 * 6–12 months (发展细则 第三十条; profile.development.min/maxExtensionMonths)
 * is allowed but worth a look → warning; anything else → error. Month-only
 * dates compare at month precision.
 */
const probationLength = perRow((sheet, row, ctx) => {
  const join = dayOf(row, "joinDate");
  const full = dayOf(row, "fullDate");
  if (!join || !full || compareDays(full, join) < 0) return null;
  const { probationYears, minExtensionMonths, maxExtensionMonths } = ctx.profile.development;
  const yearMonths = probationYears * 12;
  const monthPrecision = join.monthOnly || full.monthOnly;
  const expected: Day = { date: addMonths(join.date, yearMonths), monthOnly: monthPrecision };
  if (compareDays(full, expected) === 0) return null;
  const extendedFrom: Day = { date: addMonths(join.date, yearMonths + minExtensionMonths), monthOnly: monthPrecision };
  const extendedTo: Day = { date: addMonths(join.date, yearMonths + maxExtensionMonths), monthOnly: monthPrecision };
  const extension = compareDays(full, extendedFrom) >= 0 && compareDays(full, extendedTo) <= 0;
  const months = monthSpan(join, full);
  const what = `入党时间 ${formatDay(join)}，转正时间 ${formatDay(full)}，预备期约 ${months} 个月`;
  return extension
    ? findingAt(
        sheet,
        "roster.probation-length",
        `${what}：超过一年，若经支部大会决定延长预备期（${minExtensionMonths}–${maxExtensionMonths} 个月）请在备注中注明（《中国共产党发展党员工作细则》第三十条）`,
        { row, field: "fullDate", severity: "warning" },
      )
    : findingAt(
        sheet,
        "roster.probation-length",
        `${what}：转正时间应为 ${formatDay(expected)}（预备期一年，延长不少于 ${minExtensionMonths} 个月、不超过 ${maxExtensionMonths} 个月；《中国共产党发展党员工作细则》）`,
        { row, field: "fullDate", severity: "error" },
      );
});

/** A 正式党员 has been 转正: the roster should say when (花名册; 重庆交通大学艺术设计学院党总支实施意见). Only where the column exists. */
const fullDateMissing = perRow((sheet, row) => {
  if (text(row, "memberType") !== "正式党员" || !hasColumn(sheet, "fullDate") || !isBlankCell(sheet, row, "fullDate")) return null;
  return findingAt(sheet, "roster.full-date-missing", `${nameOf(row)}是正式党员，但没有填写转正时间`, { row, field: "fullDate" });
});

/** A 预备党员 whose 转正时间 has passed is no longer 预备: one of the two cells is wrong. */
const fullDateUnexpected = perRow((sheet, row, ctx) => {
  const full = dayOf(row, "fullDate");
  if (text(row, "memberType") !== "预备党员" || !full || full.date > ctx.asOf) return null;
  return findingAt(
    sheet,
    "roster.full-date-unexpected",
    `${nameOf(row)}的党员类型是预备党员，但转正时间 ${formatDay(full)} 已过：已转正的应改为“正式党员”，未转正的应删去转正时间`,
    { row, field: "memberType" },
  );
});

/**
 * A 预备党员 whose year ended before the as-of date without 转正 (党章 第七条: 预备期满应及时讨论):
 * a warning while an extension could still cover it, an error once the year plus the
 * longest extension (发展细则 第三十条: 延长时间不能超过一年) has passed.
 */
const probationOverdue = perRow((sheet, row, ctx) => {
  const join = dayOf(row, "joinDate");
  if (text(row, "memberType") !== "预备党员" || !join || dayOf(row, "fullDate")) return null;
  const { probationYears, maxExtensionMonths } = ctx.profile.development;
  const due = addMonths(latestDate(join), probationYears * 12);
  if (due >= ctx.asOf) return null;
  const lastExtended = addMonths(due, maxExtensionMonths);
  const beyond = lastExtended < ctx.asOf;
  const when = (date: string) => formatDay({ date, monthOnly: join.monthOnly });
  const what = `${nameOf(row)}入党时间 ${formatDay(join)}，预备期已于 ${when(due)} 期满，仍为预备党员`;
  return findingAt(
    sheet,
    "roster.probation-overdue",
    beyond
      ? `${what}：即使延长预备期（最长 ${maxExtensionMonths} 个月）也已于 ${when(lastExtended)} 届满，应立即讨论转正或按规定处理，并更正党员类型（《中国共产党发展党员工作细则》第三十条）`
      : `${what}：支部应及时讨论转正；如已决定延长预备期，请在备注中注明（《中国共产党发展党员工作细则》第三十条）`,
    { row, field: "memberType", severity: beyond ? "error" : "warning" },
  );
});

/**
 * Rows grouped by 所在支部 (a college-wide roster lists several branches); one group
 * when the column is blank. Each person once: a repeated row is roster.duplicate-id's finding.
 */
function branches(sheet: LedgerSheet): Map<string, LedgerRow[]> {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of onePerPerson(sheet.rows)) {
    const branch = text(row, "branch") ?? "";
    const group = groups.get(branch);
    if (group) group.push(row);
    else groups.set(branch, [row]);
  }
  return groups;
}

const branchLabel = (sheet: LedgerSheet, branch: string): string => (branch ? `支部“${branch}”` : `“${sheet.table.name}”`);

/**
 * 支部条例 第五条: 正式党员 3 人以上 may form a branch; about 50 at most
 * (profile.branch.minFullMembers, maxMembers). A sheet-level finding.
 */
const branchSize: SheetRule = (sheet, ctx) => {
  const { minFullMembers, maxMembers } = ctx.profile.branch;
  return [...branches(sheet)].flatMap(([branch, rows]) => {
    const full = rows.filter((r) => text(r, "memberType") === "正式党员").length;
    const label = branchLabel(sheet, branch);
    if (full < minFullMembers) {
      return [
        findingAt(sheet, "roster.branch-size", `${label}只有 ${full} 名正式党员，少于 ${minFullMembers} 名，不能单独成立党支部（《中国共产党支部工作条例（试行）》第五条）`, {
          severity: "error",
        }),
      ];
    }
    if (rows.length > maxMembers) {
      return [
        findingAt(sheet, "roster.branch-size", `${label}有 ${rows.length} 名党员，超过 ${maxMembers} 名，一般应分设支部（《中国共产党支部工作条例（试行）》第五条）`, {
          severity: "warning",
        }),
      ];
    }
    return [];
  });
};

/** Every branch has a 书记 (支部条例 第九条: 支部委员会设书记). */
const noSecretary: SheetRule = (sheet) =>
  [...branches(sheet)].flatMap(([branch, rows]) => {
    if (rows.some(isSecretary)) return [];
    const why = hasColumn(sheet, "post") ? "“党内职务”一列中没有人是“书记”" : "花名册没有“党内职务”列";
    return [findingAt(sheet, "roster.no-secretary", `${branchLabel(sheet, branch)}找不到支部书记：${why}（《中国共产党支部工作条例（试行）》）`)];
  });

export const rosterRules: readonly SheetRule[] = [
  duplicateId,
  genderMismatch,
  birthdateMismatch,
  joinAge,
  dateOrder,
  probationLength,
  fullDateMissing,
  fullDateUnexpected,
  probationOverdue,
  branchSize,
  noSecretary,
];
