/**
 * What changed since the last submission (issue 16): this merge compared with
 * the last summary, per branch – members joined, left or moved, 预备 → 正式,
 * details changed, dues months newly paid, training hours and meetings added,
 * findings fixed and new, branches newly submitted or newly missing. People
 * are matched by ID number, else by name + birth date, and the count of each
 * is reported. Pure: the 变化 sheet and the terminal lines come from here.
 */
import { idFacts } from "../idnumber";
import { maskPhone, maskText } from "../mask";
import { squeeze } from "../text";
import { branchKey } from "./branch";
import { modelWorkbook, summarySnapshot, type BranchSnap, type PersonSnap, type Snapshot } from "./changes-read";
import { mergeChecked } from "./index";
import type { CheckedInput, MergeOptions, SummaryModel, SummarySheet, SummaryValue } from "./types";

export { summarySnapshot, SummaryFileError, type Snapshot } from "./changes-read";

export const CHANGE_KINDS = [
  "新提交",
  "未再提交",
  "新增党员",
  "减少党员",
  "转入",
  "转出",
  "转正",
  "信息变更",
  "新缴党费",
  "新增学时",
  "新增会议",
  "已改正问题",
  "新问题",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface Change {
  branch: string;
  kind: ChangeKind;
  /** The member concerned, or null. */
  who: string | null;
  detail: string;
}

export interface Changes {
  /** Label of the last summary, as given. */
  previous: string;
  changes: Change[];
  matched: { byId: number; byNameAndBirth: number };
  /** What could not be compared (an older summary without a sheet or column). */
  gaps: string[];
}

export const CHANGES_SHEET = "变化";

/** Details compared for a member who stayed, with how each is shown. */
const DETAILS: readonly { key: "category" | "post" | "phone"; label: string; phone?: true }[] = [
  { key: "category", label: "人员类别" },
  { key: "post", label: "党内职务" },
  { key: "phone", label: "联系电话", phone: true },
];

const birthOf = (p: PersonSnap): string | null => p.birthDate ?? (p.id ? (idFacts(p.id)?.birthDate ?? null) : null);
const nameBirth = (p: PersonSnap): string | null => (birthOf(p) ? `${squeeze(p.name)}|${birthOf(p)}` : null);

/** A phone number masked on one side (a summary written with --mask) is compared masked. */
function sameDetail(before: string | null, now: string | null, phone: boolean): boolean {
  if (phone && before && now && (before.includes("*") || now.includes("*"))) return maskPhone(before) === maskPhone(now);
  return (before ?? "") === (now ?? "");
}

/** Pairs of the same person in both summaries: by ID where both give it in full, else by name + birth date. */
function matchPeople(previous: readonly PersonSnap[], current: readonly PersonSnap[]) {
  const pairs: [PersonSnap, PersonSnap][] = [];
  const byId = new Map(current.filter((p) => p.id).map((p) => [p.id!, p]));
  const taken = new Set<PersonSnap>();
  const rest: PersonSnap[] = [];
  for (const p of previous) {
    const c = p.id ? byId.get(p.id) : undefined;
    if (c && !taken.has(c)) {
      pairs.push([p, c]);
      taken.add(c);
    } else rest.push(p);
  }
  const idPairs = pairs.length;
  const byNameBirth = new Map<string, PersonSnap>();
  for (const c of current) {
    const key = nameBirth(c);
    if (key && !taken.has(c)) byNameBirth.set(key, c);
  }
  const left: PersonSnap[] = [];
  for (const p of rest) {
    const key = nameBirth(p);
    const c = key ? byNameBirth.get(key) : undefined;
    // Two different ID numbers are two people, whatever their names.
    if (c && !taken.has(c) && !(p.id && c.id)) {
      pairs.push([p, c]);
      taken.add(c);
    } else left.push(p);
  }
  return { pairs, idPairs, left, joined: current.filter((c) => !taken.has(c)) };
}

export function compareSnapshots(previous: Snapshot, current: Snapshot, label: string, mask: boolean): Changes {
  const changes: Change[] = [];
  const add = (branch: string, kind: ChangeKind, who: string | null, detail: string) => changes.push({ branch, kind, who, detail });

  const mergedIn = (snap: Snapshot, branch: string) => snap.branches.get(branchKey(branch))?.merged === true;
  const membersOf = (snap: Snapshot, branch: string) => snap.people.filter((p) => branchKey(p.branch) === branchKey(branch)).length;
  for (const [key, now] of current.branches) {
    const before = previous.branches.get(key);
    if (now.merged && !before?.merged) add(now.name, "新提交", null, `${before ? "上次未汇总" : "上次汇总中没有该支部"}，本次党员 ${membersOf(current, now.name)} 人`);
  }
  for (const [key, before] of previous.branches) {
    const now = current.branches.get(key);
    if (before.merged && !now?.merged) add(before.name, "未再提交", null, now ? "上次已汇总，本次未汇总（见汇总表备注）" : "上次已汇总，本次没有收到该支部的台账");
  }

  // A branch submitted only one of the two times is one line above, not a line per member.
  const { pairs, idPairs, left, joined } = matchPeople(previous.people, current.people);
  for (const c of joined) if (mergedIn(previous, c.branch)) add(c.branch, "新增党员", c.name, [c.memberType, c.category].filter(Boolean).join("，") || "本次花名册中新出现");
  for (const p of left) if (mergedIn(current, p.branch)) add(p.branch, "减少党员", p.name, "本次花名册中已没有此人");
  for (const [p, c] of pairs) {
    if (branchKey(p.branch) !== branchKey(c.branch)) {
      add(c.branch, "转入", c.name, `来自${p.branch}`);
      add(p.branch, "转出", p.name, `转至${c.branch}`);
    }
    if (p.memberType === "预备党员" && c.memberType === "正式党员") add(c.branch, "转正", c.name, "预备党员 → 正式党员");
    for (const d of DETAILS) {
      if (sameDetail(p[d.key], c[d.key], d.phone === true)) continue;
      const show = (v: string | null) => (v === null ? "（空）" : d.phone && mask ? maskPhone(v) : v);
      add(c.branch, "信息变更", c.name, `${d.label}：${show(p[d.key])} → ${show(c[d.key])}`);
    }
  }

  for (const [key, now] of current.branches) {
    const before = previous.branches.get(key);
    if (!now.merged || !before?.merged) continue;
    ledgerChanges(now, before, add, mask);
  }
  const order = (c: Change) => CHANGE_KINDS.indexOf(c.kind);
  changes.sort((a, b) => a.branch.localeCompare(b.branch, "zh-CN") || order(a) - order(b));
  return { previous: label, changes, matched: { byId: idPairs, byNameAndBirth: pairs.length - idPairs }, gaps: previous.gaps };
}

type Add = (branch: string, kind: ChangeKind, who: string | null, detail: string) => void;

/** Dues, hours, meetings and findings of a branch merged both times. */
function ledgerChanges(now: BranchSnap, before: BranchSnap, add: Add, mask: boolean): void {
  const shown = (text: string) => (mask ? maskText(text) : text);
  // Only people the branch had last time: a member new to it is reported as 新增党员 or 转入.
  for (const [key, paid] of now.duesPaid) {
    const earlier = before.duesPaid.get(key)?.months;
    const months = earlier ? [...paid.months].filter((m) => !earlier.has(m)).sort((a, b) => a - b) : [];
    if (months.length > 0) add(now.name, "新缴党费", paid.name, `${months.join("、")} 月`);
  }
  for (const [key, h] of now.hours) {
    const earlier = before.hours.get(key)?.hours;
    const added = earlier === undefined ? 0 : Math.round((h.hours - earlier) * 100) / 100;
    if (added > 0) add(now.name, "新增学时", h.name, `+${added} 学时（共 ${h.hours} 学时）`);
  }
  for (const m of now.meetings) if (!before.meetings.has(m)) add(now.name, "新增会议", null, m);
  for (const [key, text] of before.findings) if (!now.findings.has(key)) add(now.name, "已改正问题", null, shown(text));
  for (const [key, text] of now.findings) if (!before.findings.has(key)) add(now.name, "新问题", null, shown(text));
}

/**
 * This merge compared with the last summary. People are compared by their full ID numbers: with
 * --mask the written model hides them, so the comparison reads an unmasked model of the same merge.
 */
export function changesSince(
  previous: { snapshot: Snapshot; label: string },
  checked: readonly CheckedInput[],
  summary: SummaryModel,
  options: MergeOptions,
): Changes {
  const current = options.mask ? mergeChecked(checked, { ...options, mask: false }).summary : summary;
  return compareSnapshots(previous.snapshot, summarySnapshot(modelWorkbook(current, "本次汇总"), "本次汇总"), previous.label, options.mask ?? false);
}

/** How people were matched, in words (said on the sheet and in the terminal). */
export function matchingWords(c: Changes): string {
  return `人员按身份证号匹配 ${c.matched.byId} 人，身份证号缺失或已隐去时按姓名 + 出生日期匹配 ${c.matched.byNameAndBirth} 人`;
}

export function changesSheet(c: Changes): SummarySheet {
  const rows: SummaryValue[][] = [
    ["（全部）", "比较对象", null, `与上次汇总“${c.previous}”比较；${matchingWords(c)}`],
    ...c.gaps.map((g): SummaryValue[] => ["（全部）", "未比较", null, g]),
    ...c.changes.map((x): SummaryValue[] => [x.branch, x.kind, x.who, x.detail]),
  ];
  return {
    name: CHANGES_SHEET,
    columns: [
      { header: "支部", kind: "text" },
      { header: "变化", kind: "text" },
      { header: "党员", kind: "text" },
      { header: "说明", kind: "text" },
    ],
    rows,
    filter: true,
    totalRow: false,
  };
}

/** The terminal section: one line per branch with the count of each kind of change. */
export function formatChanges(c: Changes): string {
  const lines = [`与上次汇总“${c.previous}”相比（${matchingWords(c)}）：`];
  for (const g of c.gaps) lines.push(`  未比较：${g}`);
  const branches = [...new Set(c.changes.map((x) => x.branch))];
  for (const branch of branches) {
    const mine = c.changes.filter((x) => x.branch === branch);
    const counts = CHANGE_KINDS.map((k) => [k, mine.filter((x) => x.kind === k)] as const).filter(([, xs]) => xs.length > 0);
    lines.push(`  ${branch}：${counts.map(([k, xs]) => (k === "新提交" || k === "未再提交" ? k : `${k} ${xs.length}`)).join("，")}`);
  }
  if (branches.length === 0) lines.push("  没有变化");
  lines.push("  逐条见汇总工作簿的“变化”工作表");
  return `${lines.join("\n")}\n`;
}
