/**
 * Policy profiles: every number an institution may set differently lives here,
 * never as a literal in a rule (../shared/spec/RULES.md, "Policy profile").
 */
import { z } from "zod";

const money = z.number().nonnegative();
const bracket = z.object({
  /** Upper bound of the monthly base, inclusive; null = no upper bound. */
  upTo: z.number().positive().nullable(),
  rate: z.number().min(0).max(1),
});

export const profileSchema = z.object({
  name: z.string().min(1),
  source: z.string().default(""),
  funding: z.object({
    /** ¥ per member per year – a floor (the seeds say 不少于). seed 002: 100/50, seed 004: 200/100. */
    staff: money,
    student: money,
    retireesCountAs: z.enum(["staff", "student", "none"]).default("staff"),
  }),
  training: z.object({
    /** Hours a year: members 32, 书记/委员 56 (seed 000, 003, 004; 党员教育管理工作条例 第二十条). */
    memberHours: z.number().positive(),
    leaderHours: z.number().positive(),
    /** 形式 values that count toward the hours; null = all. */
    countedForms: z.array(z.string()).nullable().default(null),
    maxHoursPerRecord: z.number().positive().default(24),
    centralForm: z.string().default("集中培训"),
  }),
  terms: z.object({
    /** Term length in years by organisation type (换届意见). */
    years: z.object({ 党委: z.number().int().positive(), 党总支: z.number().int().positive(), 党支部: z.number().int().positive() }),
    remindMonths: z.number().int().nonnegative(),
    /** Extension or bringing forward allowed with approval (换届意见). */
    maxAdjustYears: z.number().int().nonnegative(),
  }),
  dues: z.object({
    /** 党费规定: monthly 税后 base; the bracket's rate applies to the whole base. */
    inService: z.array(bracket).min(1),
    retired: z.array(bracket).min(1),
    studentMonthly: money,
    tolerance: money,
    /** Consecutive unpaid months that make 自行脱党 risk (党章). */
    unpaidMonthsLimit: z.number().int().positive().default(6),
  }),
  branch: z.object({
    /** 支部条例: 正式党员 3 人以上; about 50 at most; 支委会 where 7 or more. */
    minFullMembers: z.number().int().positive(),
    maxMembers: z.number().int().positive(),
    committeeMinMembers: z.number().int().positive(),
  }),
  development: z.object({
    /** 发展细则 */
    minAge: z.number().int().positive(),
    talkWithinMonths: z.number().int().positive(),
    activistMinYears: z.number().int().positive(),
    minTrainingHours: z.number().positive(),
    approvalWarnMonths: z.number().int().positive(),
    approvalErrorMonths: z.number().int().positive(),
    probationYears: z.number().int().positive(),
    /** 预备期 may be extended by 6–12 months (发展细则 第三十条). */
    minExtensionMonths: z.number().int().nonnegative().default(6),
    maxExtensionMonths: z.number().int().nonnegative(),
  }),
  meetings: z.object({
    /** 三会一课 frequencies (支部条例, seed 003). */
    frequency: z.record(z.string(), z.enum(["month", "quarter", "year"])),
    /** 党员大会 is quorate when 实到 is MORE than this share of 应到 (支部条例: 超过半数). */
    quorumFraction: z.number().min(0).max(1).default(0.5),
    /** How often the 书记 must give a 党课 himself (seed 000: 党组织书记每年不少于1次). */
    secretaryLecture: z.enum(["month", "quarter", "year"]).default("year"),
  }),
  /** 组织员 per party members (seed 004) – informational. */
  organiserRatio: z.number().int().positive().default(1000),
  /** The 考核评分表: a built-in table's institution, or the table itself (src/core/assess/table.ts); none = the first built-in. */
  assessment: z.unknown().optional(),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

const common = {
  training: { memberHours: 32, leaderHours: 56, countedForms: null, maxHoursPerRecord: 24, centralForm: "集中培训" },
  terms: { years: { 党委: 5, 党总支: 3, 党支部: 3 }, remindMonths: 6, maxAdjustYears: 1 },
  dues: {
    inService: [
      { upTo: 3000, rate: 0.005 },
      { upTo: 5000, rate: 0.01 },
      { upTo: 10000, rate: 0.015 },
      { upTo: null, rate: 0.02 },
    ],
    retired: [
      { upTo: 5000, rate: 0.005 },
      { upTo: null, rate: 0.01 },
    ],
    studentMonthly: 0.2,
    tolerance: 0.01,
    unpaidMonthsLimit: 6,
  },
  branch: { minFullMembers: 3, maxMembers: 50, committeeMinMembers: 7 },
  development: {
    minAge: 18,
    talkWithinMonths: 1,
    activistMinYears: 1,
    minTrainingHours: 24,
    approvalWarnMonths: 3,
    approvalErrorMonths: 6,
    probationYears: 1,
    maxExtensionMonths: 12,
  },
  meetings: {
    frequency: {
      党员大会: "quarter",
      支委会: "month",
      党小组会: "month",
      主题党日: "month",
      党课: "year",
      组织生活会: "year",
      民主评议: "year",
    },
    quorumFraction: 0.5,
    secretaryLecture: "year",
  },
  organiserRatio: 1000,
} satisfies Omit<ProfileInput, "name" | "source" | "funding">;

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = {
  "100-50": profileSchema.parse({
    ...common,
    name: "100-50",
    source: "seed 002：教职工党员每人每年不少于 100 元、学生党员不少于 50 元",
    funding: { staff: 100, student: 50, retireesCountAs: "staff" },
  }),
  "200-100": profileSchema.parse({
    ...common,
    name: "200-100",
    source: "seed 004：教职工党员每人每年不少于 200 元、学生党员不少于 100 元",
    funding: { staff: 200, student: 100, retireesCountAs: "staff" },
  }),
};

export const DEFAULT_PROFILE = "100-50";

export class ProfileError extends Error {}

/** zod's own messages in Chinese, for the people who write profile files. */
const ZH_CN = z.locales.zhCN();

/**
 * A profile from JSON text: fields left out take the default profile's values,
 * so a file may set only what differs. Errors are zh-CN and name the field.
 */
export function parseProfile(jsonText: string, label = "配置文件"): Profile {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (e) {
    throw new ProfileError(`${label} 不是有效的 JSON：${(e as Error).message}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ProfileError(`${label} 应是一个 JSON 对象`);
  }
  const base = BUILTIN_PROFILES[DEFAULT_PROFILE];
  const merged = deepMerge(base, data as Record<string, unknown>);
  const result = profileSchema.safeParse(merged, { error: ZH_CN.localeError });
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join(".") || "(根)"}：${i.message}`).join("；");
    throw new ProfileError(`${label} 内容无效：${details}`);
  }
  return result.data;
}

function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out = new Map<string, unknown>(Object.entries(base));
  for (const [key, value] of Object.entries(override)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    out.set(key, deepMerge(out.get(key), value));
  }
  return Object.fromEntries(out);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A built-in profile by name, or undefined. */
export function builtinProfile(name: string): Profile | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTIN_PROFILES, name) ? BUILTIN_PROFILES[name] : undefined;
}
