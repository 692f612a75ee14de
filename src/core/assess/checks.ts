/**
 * The evidence checks of an assessment table: each reads a branch's parsed
 * ledgers (and the findings of the shared rules) and returns the share of the
 * measure earned, 0–1, with the evidence in words. A check never re-implements
 * a rule: where a rule already judges (发展程序), the check counts its findings.
 */
import { addYears, formatZh, parts, type IsoDate } from "../dates";
import type { Finding } from "../finding";
import { num, sheetsOf, text, type LedgerRow, type ParsedWorkbook } from "../ledger";
import { MONTH_KEYS } from "../ledgers/dues";
import { periodsOfYear, type Period } from "../periods";
import type { Profile } from "../profile";
import { fundingEntitlement, duesMonthsDue } from "../merge/stats";
import { findMember, isLeader, rosterIndex } from "../rules/people";
import type { CheckName, ItemParams } from "./table";

export interface BranchLedgers {
  parsed: ParsedWorkbook;
  /** Every finding of the shared rules on the branch's file. */
  findings: readonly Finding[];
}

export interface CheckContext {
  profile: Profile;
  asOf: IsoDate;
}

export interface Evidence {
  /** Share of the measure's points earned, 0–1. */
  share: number;
  /** What the ledgers show, in words. */
  text: string;
}

type Check = (branch: BranchLedgers, params: ItemParams, ctx: CheckContext) => Evidence;

/** Names shown in evidence at most; the rest are counted. */
const NAMES_SHOWN = 5;
/** 《中国共产党支部工作条例（试行）》第十条: 支部委员会由 3 至 5 人组成. */
const COMMITTEE_MIN_SIZE = 3;

const ratio = (done: number, due: number): number => (due === 0 ? 1 : done / due);

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join("、");
  return names.length > NAMES_SHOWN ? `${shown} 等 ${names.length} 人` : shown;
}

const members = (b: BranchLedgers): LedgerRow[] => rosterIndex(b.parsed).members;
const nameOf = (row: LedgerRow): string => text(row, "name") ?? `第 ${row.row} 行`;
const inYear = (date: string | null, ctx: CheckContext): date is string => date !== null && date.slice(0, 4) === String(parts(ctx.asOf).y) && date <= ctx.asOf;
const needsCommittee = (b: BranchLedgers, ctx: CheckContext): boolean => members(b).length >= ctx.profile.branch.committeeMinMembers;

/** 班子健全: a 书记; where a 支委会 is required (7 or more members), at least 3 支委. */
const committeeComplete: Check = (b, _p, ctx) => {
  const all = members(b);
  if (all.length === 0) return { share: 0, text: "没有党员花名册，无法核对支部班子" };
  const secretary = all.find((m) => text(m, "post") === "书记");
  const leaders = all.filter(isLeader);
  const head = secretary ? `书记 ${nameOf(secretary)}` : "花名册中没有书记";
  if (!needsCommittee(b, ctx)) return { share: secretary ? 1 : 0, text: `${head}；党员 ${all.length} 人，不足 ${ctx.profile.branch.committeeMinMembers} 人，不设支委会` };
  const enough = leaders.length >= COMMITTEE_MIN_SIZE;
  return {
    share: (secretary ? 0.5 : 0) + (enough ? 0.5 : 0),
    text: `${head}；党员 ${all.length} 人应设支委会，支委 ${leaders.length} 人${enough ? "" : `，少于 ${COMMITTEE_MIN_SIZE} 人`}`,
  };
};

/** 分工明确: each of the table's 支委 roles held by someone (only where a 支委会 is required). */
const rolesAssigned: Check = (b, params, ctx) => {
  const roles = params.roles ?? [];
  if (!needsCommittee(b, ctx)) return { share: members(b).length > 0 ? 1 : 0, text: "由书记全面负责" };
  const posts = new Set(members(b).map((m) => text(m, "post")));
  const missing = roles.filter((r) => !posts.has(r));
  return { share: ratio(roles.length - missing.length, roles.length), text: missing.length === 0 ? `${roles.join("、")}均已明确` : `缺${missing.join("、")}` };
};

/** 定期改选: the 党支部's term (换届 ledger) has not run out by the as-of date. */
const termCurrent: Check = (b, _p, ctx) => {
  const rows = sheetsOf(b.parsed, "terms").flatMap((s) => s.rows);
  const own = rows.filter((r) => text(r, "orgType") === "党支部");
  const latest = (own.length > 0 ? own : rows).filter((r) => text(r, "electionDate")).sort((x, y) => text(y, "electionDate")!.localeCompare(text(x, "electionDate")!))[0];
  if (!latest) return { share: 0, text: "没有换届记录" };
  const elected = text(latest, "electionDate")!;
  const expiry = text(latest, "expiryDate") ?? addYears(elected, num(latest, "termYears") ?? ctx.profile.terms.years.党支部);
  const current = expiry >= ctx.asOf;
  return { share: current ? 1 : 0, text: `${formatZh(elected)}选举，${current ? `${formatZh(expiry)}届满，未超期` : `已于${formatZh(expiry)}届满，未按期改选`}` };
};

/** 经费有保障: this year's income in 活动经费 reaches the profile's standard for the branch's members. */
const fundingSecured: Check = (b, _p, ctx) => {
  const all = members(b);
  const count = (category: string) => all.filter((m) => text(m, "category") === category).length;
  const standard = fundingEntitlement({ staff: count("教职工"), students: count("学生"), retirees: count("离退休") }, ctx.profile);
  const income = sheetsOf(b.parsed, "funding")
    .flatMap((s) => s.rows)
    .filter((r) => inYear(text(r, "date"), ctx))
    .reduce((t, r) => t + (num(r, "income") ?? 0), 0);
  return { share: Math.min(1, ratio(income, standard)), text: `按 ${all.length} 名党员应有经费不少于 ${standard} 元，本年台账收入 ${Math.round(income * 100) / 100} 元` };
};

interface Hours {
  total: number;
  integrity: number;
}

/** Each counted member's hours this year (categories the table lists), found by ID, else name. */
function memberHours(b: BranchLedgers, params: ItemParams, ctx: CheckContext): Map<LedgerRow, Hours> {
  const required = params.hours ?? {};
  const words = params.integrityWords ?? [];
  const index = rosterIndex(b.parsed);
  const out = new Map<LedgerRow, Hours>();
  for (const m of index.members) if (required[text(m, "category") ?? ""] !== undefined) out.set(m, { total: 0, integrity: 0 });
  for (const row of sheetsOf(b.parsed, "training").flatMap((s) => s.rows)) {
    if (!inYear(text(row, "date"), ctx)) continue;
    const member = findMember(index, text(row, "idNumber"), text(row, "name"));
    const hours = member && out.get(member);
    if (!hours) continue;
    const h = num(row, "hours") ?? 0;
    hours.total += h;
    if (words.some((w) => (text(row, "content") ?? "").includes(w))) hours.integrity += h;
  }
  return out;
}

/** 坚持: members (of the categories counted) with at least one training record this year. */
const trainingHeld: Check = (b, params, ctx) => {
  const hours = [...memberHours(b, params, ctx).values()];
  const some = hours.filter((h) => h.total > 0).length;
  return { share: ratio(some, hours.length), text: `${hours.length} 名党员中 ${some} 人本年有学习培训记录` };
};

/** 记录: members reaching the table's hours for their category, and its 廉政教育 hours where it sets them. */
const trainingHours: Check = (b, params, ctx) => {
  const hours = memberHours(b, params, ctx);
  const required = params.hours ?? {};
  const integrity = params.integrityHours ?? {};
  const byCategory: string[] = [];
  const short: string[] = [];
  let met = 0;
  for (const [category, need] of Object.entries(required)) {
    const ofCategory = [...hours].filter(([m]) => text(m, "category") === category);
    if (ofCategory.length === 0) continue;
    const needIntegrity = integrity[category] ?? 0;
    const ok = ofCategory.filter(([, h]) => h.total >= need && h.integrity >= needIntegrity);
    met += ok.length;
    const integrityText = needIntegrity > 0 ? `（其中廉政教育 ${needIntegrity} 学时）` : "";
    byCategory.push(`${category} ${ofCategory.length} 人中 ${ok.length} 人达 ${need} 学时${integrityText}`);
    for (const [m, h] of ofCategory.filter((e) => !ok.includes(e))) {
      short.push(`${nameOf(m)} ${h.total}/${need}${needIntegrity > 0 ? `（廉政 ${h.integrity}/${needIntegrity}）` : ""}`);
    }
  }
  if (hours.size === 0) return { share: 0, text: "花名册中没有需统计学时的党员" };
  const shortText = short.length > 0 ? `；未达：${short.slice(0, NAMES_SHOWN).join("，")}${short.length > NAMES_SHOWN ? ` 等 ${short.length} 人` : ""}` : "";
  return { share: ratio(met, hours.size), text: `${byCategory.join("，")}${shortText}` };
};

/** The halves of a year, for meetings held 每学期 / 每期. */
function semesters(year: number): Period[] {
  return [
    { start: `${year}-01-01`, end: `${year}-06-30`, label: `${year}年上半年` },
    { start: `${year}-07-01`, end: `${year}-12-31`, label: `${year}年下半年` },
  ];
}

interface MeetingCount {
  type: string;
  /** Periods due: ended by as-of, or already holding a meeting. */
  due: number;
  held: number;
  missing: string[];
}

/** Per required 类型: the periods of the as-of year due so far and those with a meeting on record. */
function meetingCounts(b: BranchLedgers, params: ItemParams, ctx: CheckContext): MeetingCount[] {
  const year = parts(ctx.asOf).y;
  const rows = sheetsOf(b.parsed, "meetings").flatMap((s) => s.rows);
  return (params.meetings ?? [])
    .filter((m) => !m.committee || needsCommittee(b, ctx))
    .map(({ type, every }) => {
      const periods = every === "semester" ? semesters(year) : periodsOfYear(year, every);
      const dates = rows.filter((r) => text(r, "type") === type).map((r) => text(r, "date")).filter((d): d is string => inYear(d, ctx));
      let due = 0;
      let held = 0;
      const missing: string[] = [];
      for (const p of periods) {
        const has = dates.some((d) => p.start <= d && d <= p.end);
        if (!has && p.end >= ctx.asOf) continue;
        due++;
        if (has) held++;
        else missing.push(p.label.replace(`${year}年`, ""));
      }
      return { type, due, held, missing };
    });
}

const meetingWords = (c: MeetingCount) => `${c.type}应开 ${c.due} 次，有记录 ${c.held} 次${c.missing.length > 0 ? `（缺 ${c.missing.join("、")}）` : ""}`;

/** 坚持: every required kind of meeting held at least once this year. */
const meetingsKept: Check = (b, params, ctx) => {
  const counts = meetingCounts(b, params, ctx).filter((c) => c.due > 0);
  const kept = counts.filter((c) => c.held > 0);
  const never = counts.filter((c) => c.held === 0).map((c) => c.type);
  return { share: ratio(kept.length, counts.length), text: `${counts.length} 类会议中 ${kept.length} 类本年有记录${never.length > 0 ? `；未开：${never.join("、")}` : ""}` };
};

/** 记录: the share of due periods, over all required kinds, with a meeting on record. */
const meetingsRecorded: Check = (b, params, ctx) => {
  const counts = meetingCounts(b, params, ctx);
  const due = counts.reduce((t, c) => t + c.due, 0);
  const held = counts.reduce((t, c) => t + c.held, 0);
  const skipped = needsCommittee(b, ctx) || !params.meetings?.some((m) => m.committee) ? "" : `；党员不足 ${ctx.profile.branch.committeeMinMembers} 人，不设支委会，不计支委会`;
  return { share: ratio(held, due), text: `${parts(ctx.asOf).y} 年${counts.map(meetingWords).join("；")}${skipped}` };
};

/** 按规定缴纳党费: members whose dues are paid for every month due (the months ended by as-of). */
const duesPaid: Check = (b, _p, ctx) => {
  const rows = sheetsOf(b.parsed, "dues").flatMap((s) => s.rows);
  if (rows.length === 0) return { share: 0, text: "没有党费收缴记录" };
  const months = duesMonthsDue(ctx.asOf);
  if (months === 0) return { share: 1, text: "本年尚无到期应缴的月份" };
  const unpaid = rows
    .map((r) => ({ row: r, gaps: MONTH_KEYS.slice(0, months).flatMap((k, i) => ((num(r, k) ?? 0) > 0 ? [] : [`${i + 1}`])) }))
    .filter((x) => x.gaps.length > 0);
  const list = unpaid.slice(0, NAMES_SHOWN).map((x) => `${nameOf(x.row)}（缺 ${x.gaps.join("、")} 月）`);
  const more = unpaid.length > NAMES_SHOWN ? ` 等 ${unpaid.length} 人` : "";
  return {
    share: ratio(rows.length - unpaid.length, rows.length),
    text: `${rows.length} 人中 ${rows.length - unpaid.length} 人缴清 1–${months} 月党费${unpaid.length > 0 ? `；未缴清：${list.join("，")}${more}` : ""}`,
  };
};

/** 发展程序: people in 发展党员 whose row has no error of the shared rules (发展细则). */
const developmentInOrder: Check = (b) => {
  const sheets = sheetsOf(b.parsed, "development");
  const rows = sheets.flatMap((s) => s.rows.map((row) => ({ sheet: s.table.name, row })));
  if (rows.length === 0) return { share: 1, text: "发展党员台账无记录，按无差错计" };
  const faulty = rows.filter(({ sheet, row }) => b.findings.some((f) => f.severity === "error" && f.sheet === sheet && f.row === row.row));
  return {
    share: ratio(rows.length - faulty.length, rows.length),
    text: `发展党员台账 ${rows.length} 人中 ${rows.length - faulty.length} 人各环节无错误${faulty.length > 0 ? `；有错误：${listNames(faulty.map((x) => nameOf(x.row)))}（见问题清单）` : ""}`,
  };
};

/** 转正: 预备党员 whose 预备期 ended this year are full members, none still 预备 past the end. */
const probationOnTime: Check = (b, _p, ctx) => {
  const years = ctx.profile.development.probationYears;
  const year = String(parts(ctx.asOf).y);
  const converted = members(b).filter((m) => text(m, "memberType") === "正式党员" && (text(m, "fullDate") ?? "").slice(0, 4) === year && text(m, "fullDate")! <= ctx.asOf);
  const overdue = members(b).filter((m) => text(m, "memberType") === "预备党员" && text(m, "joinDate") !== null && addYears(text(m, "joinDate")!, years) < ctx.asOf);
  const due = converted.length + overdue.length;
  if (due === 0) return { share: 1, text: "本年无预备期满应转正的党员" };
  return {
    share: ratio(converted.length, due),
    text: `本年预备期满 ${due} 人，已转正 ${converted.length} 人${overdue.length > 0 ? `；预备期已满仍为预备党员：${listNames(overdue.map(nameOf))}` : ""}`,
  };
};

export const CHECK_FUNCTIONS: Readonly<Record<CheckName, Check>> = {
  committeeComplete,
  rolesAssigned,
  termCurrent,
  fundingSecured,
  trainingHeld,
  trainingHours,
  meetingsKept,
  meetingsRecorded,
  duesPaid,
  developmentInOrder,
  probationOnTime,
};

/** Members whose 备注 in the roster records a sanction (the table's veto words). */
export function sanctioned(b: BranchLedgers, words: readonly string[]): string[] {
  return members(b)
    .filter((m) => words.some((w) => (text(m, "remarks") ?? "").includes(w)))
    .map(nameOf);
}
