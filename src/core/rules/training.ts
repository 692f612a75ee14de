/**
 * 学习培训 rules (RULES.md training; 党员教育管理工作条例 2019 第二十条,
 * 2019–2023 全国党员教育培训工作规划; 重庆医科大学、重庆交通大学艺术设计学院、辽宁科技学院文件 – 培训). Hours a year,
 * the forms that count and the 集中培训 form come from profile.training.
 * A person is known by ID, else by name; 书记/委员 by the roster's 党内职务.
 */
import { parts } from "../dates";
import type { Finding } from "../finding";
import { findingAt, num, text, type LedgerRow, type LedgerSheet, type RuleContext, type SheetRule } from "../ledger";
import { DOCUMENTS, type Profile } from "../profile";
import { nameOf } from "./common";
import { findMember, isLeader, personKeys, rosterIndex } from "./people";

/** One record: 学时 above 0 and at most a day's worth (profile.training.maxHoursPerRecord). */
const hoursPerRecord: SheetRule = (sheet, ctx) => {
  const max = ctx.profile.training.maxHoursPerRecord;
  return sheet.rows.flatMap((row) => {
    const hours = num(row, "hours");
    if (hours === null || (hours > 0 && hours <= max)) return [];
    const why = hours <= 0 ? "应大于 0" : `单次记录不应超过 ${max} 学时，多日培训请分行登记`;
    return [findingAt(sheet, "training.hours", `学时 ${hours} 不合理：${why}`, { row, field: "hours" })];
  });
};

/** A person's records in one calendar year. */
interface PersonYear {
  year: number;
  rows: LedgerRow[];
}

/** Two rules read the grouping of the same sheet: it is made once. */
const personYearsBySheet = new WeakMap<LedgerSheet, Map<string, PersonYear[]>>();

/** Records grouped by person (ID, else name) and calendar year of the record's date. */
function personYears(sheet: LedgerSheet): Map<string, PersonYear[]> {
  let grouped = personYearsBySheet.get(sheet);
  if (!grouped) personYearsBySheet.set(sheet, (grouped = groupPersonYears(sheet)));
  return grouped;
}

function groupPersonYears(sheet: LedgerSheet): Map<string, PersonYear[]> {
  const keys = personKeys(sheet.rows);
  const out = new Map<string, PersonYear[]>();
  for (const row of sheet.rows) {
    const date = text(row, "date");
    if (!date) continue;
    const year = parts(date).y;
    const key = keys.get(row)!;
    const years = out.get(key) ?? [];
    const entry = years.find((e) => e.year === year);
    if (entry) entry.rows.push(row);
    else years.push({ year, rows: [row] });
    out.set(key, years);
  }
  return out;
}

/** The years a sheet covers: those of its records, or the as-of year when it has none. */
function sheetYears(sheet: LedgerSheet, ctx: RuleContext): number[] {
  const years = new Set(sheet.rows.flatMap((r) => (text(r, "date") ? [parts(text(r, "date")!).y] : [])));
  return years.size > 0 ? [...years].sort() : [parts(ctx.asOf).y];
}

const yearEnded = (year: number, ctx: RuleContext): boolean => `${year}-12-31` < ctx.asOf;

/**
 * The hours a year a member owes and who that is, in words: 书记/委员 the leaders'
 * hours, else the hours of the member's 人员类别 where the profile sets them apart
 * (重庆工业职业技术学院: 教职工 24, 学生 16), else every member's.
 */
export function trainingTarget(member: LedgerRow | undefined, profile: Profile): { hours: number; who: string } {
  const { leaderHours, memberHours, hoursByCategory } = profile.training;
  if (member && isLeader(member)) return { hours: leaderHours, who: `${text(member, "post")}` };
  const category = member ? (text(member, "category") as keyof typeof hoursByCategory | null) : null;
  const own = category ? hoursByCategory[category] : undefined;
  return own === undefined ? { hours: memberHours, who: "党员" } : { hours: own, who: `${category}党员` };
}

const requiredHours = (member: LedgerRow | undefined, ctx: RuleContext) => trainingTarget(member, ctx.profile);

const counts = (row: LedgerRow, ctx: RuleContext): boolean => {
  const forms = ctx.profile.training.countedForms;
  return forms === null || forms.includes(text(row, "form") ?? "");
};

const when = (year: number, ctx: RuleContext): string => (yearEnded(year, ctx) ? `${year} 年全年` : `${year} 年（截至 ${ctx.asOf}）`);

/** The document the profile's hours come from, by title. */
const sourceOf = (ctx: RuleContext): string => ctx.profile.document || DOCUMENTS.education;

function shortMessage(name: string, year: number, got: number, need: { hours: number; who: string }, ctx: RuleContext): string {
  const ended = yearEnded(year, ctx);
  const forms = ctx.profile.training.countedForms;
  const counted = forms === null ? "" : `（只计${forms.join("、")}）`;
  return `${name} ${when(year, ctx)}学习培训 ${got} 学时${counted}，少于${need.who}每年 ${need.hours} 学时的要求（${sourceOf(ctx)}）${ended ? "" : "，请在年内补足"}`;
}

/**
 * A person's year total below 32 hours (56 for 书记/委员): a warning while the
 * year runs, an error once it has ended (by the as-of date). Roster members
 * with no record at all are named on the sheet.
 */
const hoursShort: SheetRule = (sheet, ctx) => {
  const roster = rosterIndex(ctx.workbook);
  const findings: Finding[] = [];
  const seen = new Set<LedgerRow>();
  for (const years of personYears(sheet).values()) {
    for (const { year, rows } of years) {
      const last = rows[rows.length - 1];
      const member = findMember(roster, text(last, "idNumber"), text(last, "name"));
      if (member) seen.add(member);
      const need = requiredHours(member, ctx);
      const got = rows.filter((r) => counts(r, ctx)).reduce((s, r) => s + (num(r, "hours") ?? 0), 0);
      if (got >= need.hours) continue;
      findings.push(
        findingAt(sheet, "training.hours-short", shortMessage(nameOf(last), year, got, need, ctx), {
          row: last,
          field: "hours",
          severity: yearEnded(year, ctx) ? "error" : "warning",
          value: String(got),
        }),
      );
    }
  }
  for (const member of roster.members.filter((m) => !seen.has(m))) {
    for (const year of sheetYears(sheet, ctx)) {
      findings.push(
        findingAt(sheet, "training.hours-short", `${shortMessage(nameOf(member), year, 0, requiredHours(member, ctx), ctx)}：本表没有此人的培训记录`, {
          severity: yearEnded(year, ctx) ? "error" : "warning",
        }),
      );
    }
  }
  return findings;
};

/** 书记/委员 need at least one 集中培训 a year (培训规划: 每年至少参加一次集中培训). */
const noCentral: SheetRule = (sheet, ctx) => {
  const roster = rosterIndex(ctx.workbook);
  const central = ctx.profile.training.centralForm;
  const byPerson = personYears(sheet);
  const leaders = roster.members.filter(isLeader);
  return leaders.flatMap((leader) => {
    const mine = [...byPerson.values()].find((years) => {
      const row = years[0].rows[0];
      return findMember(roster, text(row, "idNumber"), text(row, "name")) === leader;
    });
    const years = mine ?? sheetYears(sheet, ctx).map((year) => ({ year, rows: [] as LedgerRow[] }));
    return years.flatMap(({ year, rows }) => {
      if (rows.some((r) => text(r, "form") === central)) return [];
      const last = rows[rows.length - 1];
      return [
        findingAt(
          sheet,
          "training.no-central",
          `${text(leader, "post")} ${nameOf(leader)} ${year} 年没有“${central}”记录：书记和支委每年应至少参加一次${central}（《2019—2023年全国党员教育培训工作规划》）`,
          last ? { row: last, field: "form" } : {},
        ),
      ];
    });
  });
};

/**
 * 廉政教育 within the year's hours for the categories the profile names
 * (重庆工业职业技术学院: 教职工…其中廉政教育学时不少于4学时; profile.training.integrity).
 * A record counts when its 培训内容 names a keyword. People without any record are
 * training.hours-short's already.
 */
const integrityShort: SheetRule = (sheet, ctx) => {
  const integrity = ctx.profile.training.integrity;
  if (!integrity) return [];
  const roster = rosterIndex(ctx.workbook);
  const findings: Finding[] = [];
  for (const years of personYears(sheet).values()) {
    for (const { year, rows } of years) {
      const last = rows[rows.length - 1];
      const member = findMember(roster, text(last, "idNumber"), text(last, "name"));
      const category = member ? text(member, "category") : null;
      if (!category || !integrity.categories.some((c) => c === category)) continue;
      const about = rows.filter((r) => integrity.keywords.some((k) => (text(r, "content") ?? "").includes(k)));
      const got = about.reduce((s, r) => s + (num(r, "hours") ?? 0), 0);
      if (got >= integrity.hours) continue;
      findings.push(
        findingAt(
          sheet,
          "training.integrity-short",
          `${nameOf(last)} ${when(year, ctx)}廉政教育 ${got} 学时，少于${category}党员每年 ${integrity.hours} 学时的要求（${sourceOf(ctx)}）；培训内容含“${integrity.keywords.join("”“")}”的记录计入`,
          { row: last, field: "content", severity: yearEnded(year, ctx) ? "error" : "warning", value: String(got) },
        ),
      );
    }
  }
  return findings;
};

export const trainingRules: readonly SheetRule[] = [hoursPerRecord, hoursShort, noCentral, integrityShort];
