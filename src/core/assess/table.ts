/**
 * An assessment table (考核评分表) as data: sections, second-level items with
 * their points split into measures (测评要素), the bonus items, grade bands and
 * the veto. A measure that names a `check` gets a score proposed from the
 * ledgers (checks.ts); the others are for the assessment group to score.
 * Another institution's table is another JSON file of this shape, not code.
 */
import { z } from "zod";
import cqipc from "./tables/cqipc.json";

/** What a check can read from the ledgers (checks.ts documents each). */
export const CHECKS = [
  "committeeComplete",
  "rolesAssigned",
  "termCurrent",
  "fundingSecured",
  "trainingHeld",
  "trainingHours",
  "meetingsKept",
  "meetingsRecorded",
  "duesPaid",
  "developmentInOrder",
  "probationOnTime",
] as const;
export type CheckName = (typeof CHECKS)[number];

const points = z.number().positive();

const measureSchema = z.object({
  name: z.string().min(1),
  points,
  check: z.enum(CHECKS).optional(),
});

const requiredMeeting = z.object({
  /** A 三会一课 类型 of the ledger. */
  type: z.string().min(1),
  every: z.enum(["month", "semester", "year"]),
  /** Only where the branch has a 支委会 (7 or more members, profile.branch.committeeMinMembers). */
  committee: z.boolean().default(false),
});

/** The figures the checks of an item read; each check names those it needs. */
const paramsSchema = z
  .object({
    /** 党内职务 a 支委会 divides between its members (rolesAssigned). */
    roles: z.array(z.string().min(1)).optional(),
    /** Training hours a year by 人员类别; categories not listed are not counted (trainingHours). */
    hours: z.record(z.string(), z.number().positive()).optional(),
    /** Of those hours, the 廉政教育 hours by 人员类别 (trainingHours). */
    integrityHours: z.record(z.string(), z.number().positive()).optional(),
    /** Words of 培训内容 that make a record 廉政教育. */
    integrityWords: z.array(z.string().min(1)).optional(),
    /** Meetings required, by 类型 and how often (meetingsKept, meetingsRecorded). */
    meetings: z.array(requiredMeeting).optional(),
  })
  .strict();

const itemSchema = z.object({
  no: z.number().int().positive(),
  text: z.string().min(1),
  /** A few words for the column header. */
  short: z.string().min(1),
  measures: z.array(measureSchema).min(1),
  params: paramsSchema.default({}),
});

const bonusItemSchema = z.object({ no: z.number().int().positive(), text: z.string().min(1), short: z.string().min(1) });

export const assessmentTableSchema = z
  .object({
    /** The institution, as `--profile` files name the table. */
    id: z.string().min(1),
    title: z.string().min(1),
    /** The document the table comes from, for the 说明 sheet. */
    source: z.string().default(""),
    sections: z.array(z.object({ name: z.string().min(1), points, items: z.array(itemSchema).min(1) })).min(1),
    bonus: z.object({ name: z.string().min(1), items: z.array(bonusItemSchema) }).optional(),
    /** Lowest total of each grade, best first; the last band should start at 0. */
    grades: z.array(z.object({ min: z.number().nonnegative(), grade: z.string().min(1) })).min(1),
    /** Any member sanctioned: this grade whatever the score. `words` found in the roster's 备注 are the evidence. */
    veto: z.object({ grade: z.string().min(1), words: z.array(z.string().min(1)), text: z.string().min(1) }).optional(),
  })
  .superRefine((table, ctx) => {
    table.sections.forEach((s, i) => {
      const sum = s.items.reduce((t, item) => t + itemPoints(item), 0);
      if (Math.abs(sum - s.points) > 1e-9) {
        ctx.addIssue({ code: "custom", path: ["sections", i, "points"], message: `“${s.name}”各项分值之和为 ${sum}，与该项的 ${s.points} 分不符` });
      }
      s.items.forEach((item, j) => {
        for (const m of item.measures) {
          const missing = m.check ? CHECK_PARAMS[m.check].filter((p) => item.params[p] === undefined) : [];
          if (missing.length > 0) {
            ctx.addIssue({ code: "custom", path: ["sections", i, "items", j, "params"], message: `第 ${item.no} 项的“${m.name}”由台账评分，缺少 ${missing.join("、")}` });
          }
        }
      });
    });
    const numbers = [...table.sections.flatMap((s) => s.items.map((i) => i.no)), ...(table.bonus?.items.map((i) => i.no) ?? [])];
    const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i);
    if (twice.length > 0) ctx.addIssue({ code: "custom", path: ["sections"], message: `项目序号重复：${[...new Set(twice)].join("、")}` });
    const mins = table.grades.map((g) => g.min);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) ctx.addIssue({ code: "custom", path: ["grades"], message: "等级应按分数线从高到低排列" });
  });

type Params = z.infer<typeof paramsSchema>;

/** The params each check reads: a table that lacks them is refused when read, not when scored. */
const CHECK_PARAMS: Record<CheckName, readonly (keyof Params)[]> = {
  committeeComplete: [],
  rolesAssigned: ["roles"],
  termCurrent: [],
  fundingSecured: [],
  trainingHeld: ["hours"],
  trainingHours: ["hours"],
  meetingsKept: ["meetings"],
  meetingsRecorded: ["meetings"],
  duesPaid: [],
  developmentInOrder: [],
  probationOnTime: [],
};

export type AssessmentTable = z.infer<typeof assessmentTableSchema>;
export type AssessmentItem = z.infer<typeof itemSchema>;
export type Measure = z.infer<typeof measureSchema>;
export type ItemParams = Params;

/** The table as user-facing text names it: 重庆工业职业技术学院《基层党支部工作目标管理考核评分表》. */
export const tableName = (table: AssessmentTable): string => `${table.id}《${table.title}》`;

export const itemPoints = (item: { measures: readonly { points: number }[] }): number => item.measures.reduce((t, m) => t + m.points, 0);

/** Every second-level item of the table (bonus items aside), in order. */
export const itemsOf = (table: AssessmentTable): AssessmentItem[] => table.sections.flatMap((s) => s.items);

export class AssessmentTableError extends Error {}

/** A table from data; errors in zh-CN name the field. */
export function parseAssessmentTable(data: unknown, label = "考核评分表"): AssessmentTable {
  const result = assessmentTableSchema.safeParse(data, { error: z.locales.zhCN().localeError });
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join(".") || "(根)"}：${i.message}`).join("；");
    throw new AssessmentTableError(`${label} 内容无效：${details}`);
  }
  return result.data;
}

/** The tables shipped with taizhang, by institution. */
export const BUILTIN_TABLES: readonly AssessmentTable[] = [parseAssessmentTable(cqipc)];

/** The table a profile names (by institution, or written out in the profile), else the first shipped one. */
export function assessmentTableFor(ref: string | unknown | undefined): AssessmentTable {
  if (ref === undefined) return BUILTIN_TABLES[0];
  if (typeof ref === "string") {
    const found = BUILTIN_TABLES.find((t) => t.id === ref);
    if (!found) throw new AssessmentTableError(`配置指定的考核评分表“${ref}”不是内置的评分表（内置：${BUILTIN_TABLES.map((t) => t.id).join("、")}）`);
    return found;
  }
  return parseAssessmentTable(ref, "配置中的考核评分表 assessment");
}
