/**
 * Policy profiles: every number an institution may set differently lives here,
 * never as a literal in a rule. The built-ins are the national baseline and one
 * profile per college document (docs/profiles.md cites each field's article).
 */
import { z } from "zod";
import { columnMappingSchema } from "./columns";
import { PERSON_CATEGORIES } from "./ledgers/options";

const money = z.number().nonnegative();
const hours = z.number().positive();
const bracket = z.object({
  /** Upper bound of the monthly base, inclusive; null = no upper bound. */
  upTo: z.number().positive().nullable(),
  rate: z.number().min(0).max(1),
});
const frequency = z.enum(["month", "quarter", "half", "year"]);
const category = z.enum(PERSON_CATEGORIES);

export const profileSchema = z.object({
  name: z.string().min(1),
  /** The documents the profile follows, by title. */
  source: z.string().default(""),
  /** The college document whose training and meeting rules the profile follows, by title; "" = the national documents. */
  document: z.string().default(""),
  funding: z.object({
    /** The document that sets the funding standard, by title. */
    source: z.string().default(""),
    /** ¥ per member per year – a floor (不少于); 0 and 0 = no per-member standard, not checked. */
    staff: money,
    student: money,
    retireesCountAs: z.enum(["staff", "student", "none"]).default("staff"),
  }),
  training: z.object({
    /** Hours a year of a member, and of 书记/委员 (党员教育管理工作条例: 32 and 56). */
    memberHours: hours,
    leaderHours: hours,
    /** Hours a year by 人员类别 where a document sets them apart (教职工 24, 学生 16); else memberHours. */
    hoursByCategory: z.object({ 教职工: hours, 学生: hours, 离退休: hours }).partial().default({}),
    /** 形式 values that count toward the hours (集中学习培训); null = all. */
    countedForms: z.array(z.string()).nullable().default(null),
    maxHoursPerRecord: hours.default(24),
    centralForm: z.string().default("集中培训"),
    /** A minimum of 廉政教育 hours within the year's, for some categories; a record counts when its 培训内容 names a keyword. */
    integrity: z
      .object({ hours, categories: z.array(category).min(1), keywords: z.array(z.string().min(1)).min(1) })
      .nullable()
      .default(null),
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
    minTrainingHours: hours,
    approvalWarnMonths: z.number().int().positive(),
    approvalErrorMonths: z.number().int().positive(),
    probationYears: z.number().int().positive(),
    /** 预备期 may be extended by 6–12 months (发展细则 第三十条). */
    minExtensionMonths: z.number().int().nonnegative().default(6),
    maxExtensionMonths: z.number().int().nonnegative(),
  }),
  meetings: z.object({
    /** 三会一课: each type at least once a period. */
    frequency: z.record(z.string(), frequency),
    /** 党员大会 is quorate when 实到 is MORE than this share of 应到 (支部条例: 超过半数). */
    quorumFraction: z.number().min(0).max(1).default(0.5),
    /** How often the 书记 must give a 党课 himself. */
    secretaryLecture: frequency.default("year"),
    /**
     * 组织生活 a month by kind of branch (学生/在职教职工/离退休党支部), counting the
     * meetings of the listed types together; null = not set apart from `frequency`.
     */
    organisationalLife: z
      .object({
        types: z.array(z.string()).min(1),
        perMonth: z.object({ student: z.number().int().positive(), staff: z.number().int().positive(), retired: z.number().int().positive() }),
      })
      .nullable()
      .default(null),
  }),
  /** 组织员 per party members – informational. */
  organiserRatio: z.number().int().positive().default(1000),
  /** Header text → field per ledger, for the institution's own wording (src/core/columns.ts). */
  columns: columnMappingSchema.optional(),
  /** The 考核评分表: a built-in table's institution, or the table itself (src/core/assess/table.ts); none = the first built-in. */
  assessment: z.unknown().optional(),
});

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;

/** The titles the profiles cite (docs/profiles.md gives the articles). */
export const DOCUMENTS = {
  branchRules: "《中国共产党支部工作条例（试行）》",
  education: "《中国共产党党员教育管理工作条例》",
  dues: "《关于中国共产党党费收缴、使用和管理的规定》",
  development: "《中国共产党发展党员工作细则》",
  terms: "《关于加强党的基层组织按期换届工作的意见》",
  cqipc: "重庆工业职业技术学院《关于加强和改进党的基层组织建设的实施意见》",
  lnist: "辽宁科技学院《开展“基层党建制度落实年”活动的实施方案》",
  cqmu: "重庆医科大学《关于实施固本强基工程 进一步加强基层党建标准化规范化建设的工作方案》",
  cqjtuArt: "重庆交通大学艺术设计学院《关于加强党组织工作活动基本规范的实施意见》",
} as const;

/** 集中学习培训: the forms of the template's 形式 list held together, not self-study or online courses. */
export const CENTRAL_FORMS = ["集中培训", "专题党课", "专题讲座", "主题党日"];

const national = {
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

const NATIONAL_SOURCES = [DOCUMENTS.branchRules, DOCUMENTS.education, DOCUMENTS.dues, DOCUMENTS.development, DOCUMENTS.terms].join("、");

/** The national baseline with a college's funding standard (the names 100-50 and 200-100). */
const withFunding = (name: string, document: string, staff: number, student: number): Profile =>
  profileSchema.parse({
    ...national,
    name,
    source: `全国性规定（${NATIONAL_SOURCES}），活动经费按${document}：教职工党员每人每年不少于 ${staff} 元、学生党员不少于 ${student} 元`,
    funding: { source: document, staff, student, retireesCountAs: "staff" },
  });

const central = { ...national.training, countedForms: CENTRAL_FORMS };
const noFunding = { staff: 0, student: 0, retireesCountAs: "staff" } as const;

/** A college document's profile: the national baseline wherever the document sets nothing. */
function fromDocument(name: string, document: string, funding: { staff: number; student: number } | null, own: Partial<ProfileInput> = {}): Profile {
  return profileSchema.parse({
    ...national,
    name,
    source: `${document}，其未规定之处按全国基线${funding ? "" : "；未规定按人数下拨的活动经费标准"}`,
    document,
    funding: funding ? { source: document, ...funding, retireesCountAs: "staff" } : noFunding,
    training: central,
    ...own,
  });
}

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = {
  national: profileSchema.parse({ ...national, name: "national", source: `全国基线：${NATIONAL_SOURCES}；未规定按人数下拨的活动经费标准`, funding: noFunding }),
  "100-50": withFunding("100-50", DOCUMENTS.cqipc, 100, 50),
  "200-100": withFunding("200-100", DOCUMENTS.lnist, 200, 100),
  cqipc: fromDocument("cqipc", DOCUMENTS.cqipc, { staff: 100, student: 50 }, {
    training: {
      ...national.training,
      memberHours: 24,
      hoursByCategory: { 教职工: 24, 学生: 16 },
      integrity: { hours: 4, categories: ["教职工", "离退休"], keywords: ["廉政", "反腐倡廉", "警示教育"] },
    },
    meetings: {
      ...national.meetings,
      frequency: { ...national.meetings.frequency, 党课: "half", 主题党日: "half" },
      organisationalLife: { types: ["党员大会", "党小组会", "党课", "主题党日", "组织生活会", "民主评议"], perMonth: { student: 2, staff: 1, retired: 1 } },
    },
  }),
  lnist: fromDocument("lnist", DOCUMENTS.lnist, { staff: 200, student: 100 }),
  cqmu: fromDocument("cqmu", DOCUMENTS.cqmu, null),
  "cqjtu-art": fromDocument("cqjtu-art", DOCUMENTS.cqjtuArt, null),
};

/** The profile used when none is named: the national documents alone. */
export const DEFAULT_PROFILE = "national";

/** What a profile file extends when it names nothing: 100-50, the default before the document profiles. */
const FILE_BASE_PROFILE = "100-50";

/** Whether the profile sets a per-member funding standard (the national documents set none). */
export const hasFundingStandard = (profile: Profile): boolean => profile.funding.staff > 0 || profile.funding.student > 0;

export class ProfileError extends Error {}

/** zod's own messages in Chinese, for the people who write profile files. */
const ZH_CN = z.locales.zhCN();

/**
 * A profile from JSON text: fields left out take the values of the built-in named
 * by `extends` (100-50 when absent, as before the document profiles), so a file
 * may set only what differs. Errors are zh-CN and name the field.
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
  const { extends: parent, ...own } = data as Record<string, unknown>;
  const baseName = parent === undefined ? FILE_BASE_PROFILE : String(parent);
  const base = builtinProfile(baseName);
  if (!base) throw new ProfileError(`${label} 的 extends “${baseName}”不是内置配置（${Object.keys(BUILTIN_PROFILES).join("、")}）`);
  const merged = deepMerge(base, own);
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
