/**
 * Scoring one branch on an assessment table: a score proposed from the ledgers
 * for every item whose measures all have a check, the evidence beside it, the
 * other items left for the assessment group; then the scores the group typed,
 * the totals, the grade and the veto – computed here, written as values.
 */
import { CHECK_FUNCTIONS, sanctioned, type BranchLedgers, type CheckContext, type Evidence } from "./checks";
import { itemPoints, itemsOf, type AssessmentItem, type AssessmentTable, type CheckName } from "./table";

/** How an item is scored: all from the ledgers, partly, or by the assessment group alone. */
export type ItemMode = "ledgers" | "partly" | "group";

export const itemMode = (item: AssessmentItem): ItemMode => {
  const checked = item.measures.filter((m) => m.check).length;
  return checked === item.measures.length ? "ledgers" : checked > 0 ? "partly" : "group";
};

export interface ItemScore {
  no: number;
  /** The score in the cell; null when not scored yet (or typed but not a valid score). */
  score: number | null;
  /** What the group typed when it is not a valid score: kept in the cell as typed. */
  typed?: string;
  /** The ledgers' evidence, with the proposed score; null for items the group scores. */
  evidence: string | null;
}

export interface BranchAssessment {
  branch: string;
  file: string | null;
  /** One per second-level item, in table order. */
  items: ItemScore[];
  /** One per bonus item, in table order. */
  bonus: ItemScore[];
  /** Members whose roster 备注 records a sanction. */
  sanctioned: string[];
  /** The 受处分 cell as the group filled it: true for 是. */
  sanctionTyped: boolean;
  /** Why the branch could not be scored from its ledgers, and notes on typed cells. */
  notes: string[];
}

export interface Totals {
  base: number;
  bonus: number;
  total: number;
  /** Second-level items without a score yet. */
  open: number;
  vetoed: boolean;
  grade: string;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** An item's proposed score and evidence from the ledgers; a check shared by two measures runs once. */
export function proposeItem(item: AssessmentItem, ledgers: BranchLedgers, ctx: CheckContext): ItemScore {
  const mode = itemMode(item);
  if (mode === "group") return { no: item.no, score: null, evidence: null };
  const found = new Map<CheckName, Evidence>();
  const evidenceOf = (check: CheckName) => {
    let e = found.get(check);
    if (!e) found.set(check, (e = CHECK_FUNCTIONS[check](ledgers, item.params, ctx)));
    return e;
  };
  let earned = 0;
  const parts: string[] = [];
  const open: string[] = [];
  for (const m of item.measures) {
    if (!m.check) {
      open.push(`${m.name} ${m.points} 分`);
      continue;
    }
    const e = evidenceOf(m.check);
    earned += m.points * e.share;
    parts.push(`${m.name} ${round1(m.points * e.share)}/${m.points}`);
  }
  const texts = [...new Set([...found.values()].map((e) => e.text))].join("；");
  if (mode === "partly") {
    return { no: item.no, score: null, evidence: `台账可证：${parts.join("，")}（${texts}）；${open.join("、")}待考核小组评定，请填写本项总分` };
  }
  const split = item.measures.length > 1 ? `（${parts.join("，")}）` : "";
  return { no: item.no, score: round1(earned), evidence: `建议 ${round1(earned)} 分${split}：${texts}` };
}

/** A branch assessed from its ledgers; the group's items and the bonus items are left blank. */
export function assessLedgers(branch: string, file: string, ledgers: BranchLedgers, table: AssessmentTable, ctx: CheckContext): BranchAssessment {
  return {
    branch,
    file,
    items: itemsOf(table).map((item) => proposeItem(item, ledgers, ctx)),
    bonus: (table.bonus?.items ?? []).map((b) => ({ no: b.no, score: null, evidence: null })),
    sanctioned: table.veto ? sanctioned(ledgers, table.veto.words) : [],
    sanctionTyped: false,
    notes: [],
  };
}

/** A branch whose file could not be read: every item open, the reason noted. */
export function unassessed(branch: string, file: string | null, reason: string, table: AssessmentTable): BranchAssessment {
  const blank = (no: number): ItemScore => ({ no, score: null, evidence: null });
  return {
    branch,
    file,
    items: itemsOf(table).map((i) => blank(i.no)),
    bonus: (table.bonus?.items ?? []).map((b) => blank(b.no)),
    sanctioned: [],
    sanctionTyped: false,
    notes: [reason],
  };
}

export function totals(a: BranchAssessment, table: AssessmentTable): Totals {
  const sum = (scores: ItemScore[]) => round1(scores.reduce((t, s) => t + (s.score ?? 0), 0));
  const base = sum(a.items);
  const bonus = sum(a.bonus);
  const total = round1(base + bonus);
  const open = a.items.filter((s) => s.score === null).length;
  const vetoed = table.veto !== undefined && (a.sanctioned.length > 0 || a.sanctionTyped);
  const band = table.grades.find((g) => total >= g.min)?.grade ?? table.grades[table.grades.length - 1].grade;
  const grade = vetoed ? table.veto!.grade : open > 0 ? `待评（${open} 项未评分）` : band;
  return { base, bonus, total, open, vetoed, grade };
}

/** A typed cell as a score within 0…points (bonus items: 0 or more); null when it is none. */
export function typedScore(value: string | number | boolean | null, points: number | null): number | null {
  if (typeof value === "boolean" || value === null) return null;
  const n = typeof value === "number" ? value : Number(value.trim().replace(/分$/, ""));
  if (!Number.isFinite(n) || n < 0 || (points !== null && n > points + 1e-9)) return null;
  return n;
}

/** The scores and 受处分 the group typed, by item number, for one branch. */
export interface TypedRow {
  branch: string;
  file: string | null;
  /** Item number → the cell as typed (blank cells left out). */
  cells: Map<number, string | number | boolean>;
  /** Item number → the evidence as written (used when there are no ledgers to recompute it). */
  evidence: Map<number, string>;
  sanction: boolean;
  /** 1-based row in the scores sheet. */
  row: number;
}

/**
 * The group's cells over an assessment: a typed score stands (the group has
 * the last word, a different ledger proposal is noted beside it); a cell that
 * is no valid score is kept as typed, counted as not scored, and reported.
 */
export function applyTyped(a: BranchAssessment, typed: TypedRow, table: AssessmentTable, label: string): { assessment: BranchAssessment; problems: string[] } {
  const problems: string[] = [];
  const points = new Map<number, number | null>([...itemsOf(table).map((i) => [i.no, itemPoints(i)] as const), ...(table.bonus?.items ?? []).map((b) => [b.no, null] as const)]);
  const overlay = (s: ItemScore): ItemScore => {
    const cell = typed.cells.get(s.no);
    const evidence = s.evidence ?? typed.evidence.get(s.no) ?? null;
    if (cell === undefined) return { ...s, evidence };
    const limit = points.get(s.no) ?? null;
    const score = typedScore(cell, limit);
    if (score === null) {
      const range = limit === null ? "不小于 0 的分数" : `0–${limit} 之间的分数`;
      problems.push(`${label} 第 ${typed.row} 行（${typed.branch}）第 ${s.no} 项填的“${String(cell)}”不是${range}，按未评分计，原样保留`);
      return { no: s.no, score: null, typed: String(cell), evidence };
    }
    const differs = s.score !== null && Math.abs(s.score - score) > 1e-9;
    return { no: s.no, score, evidence: differs ? `考核小组评 ${score} 分；台账${evidence}` : evidence };
  };
  return {
    assessment: { ...a, items: a.items.map(overlay), bonus: a.bonus.map(overlay), sanctionTyped: typed.sanction },
    problems,
  };
}
