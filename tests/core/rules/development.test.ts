import { idOf, profileWith, roster, sheet, validate, withCode } from "./process-fixtures";

const HEADERS = [
  "姓名",
  "身份证号",
  "出生日期",
  "申请入党日期",
  "谈话日期",
  "确定积极分子日期",
  "确定发展对象日期",
  "培训学时",
  "支部大会日期",
  "上级批准日期",
  "转正日期",
];

type Person = Partial<Record<(typeof HEADERS)[number], string | number | null>>;

const AS_OF = "2026-06-01";

/** 赵磊, born 2000: a timeline that follows 发展细则 to the letter, from application to 转正. */
const onTime: Person = {
  姓名: "赵磊",
  身份证号: idOf(7, "2000-05-01"),
  出生日期: "2000-05-01",
  申请入党日期: "2023-03-01",
  谈话日期: "2023-03-20",
  确定积极分子日期: "2023-06-01",
  确定发展对象日期: "2024-07-01",
  培训学时: 32,
  支部大会日期: "2024-09-01",
  上级批准日期: "2024-10-15",
  转正日期: "2025-09-01",
};

/** An applicant who has had the talk and nothing more yet. */
const NOT_YET_ACTIVIST: Person = { 确定积极分子日期: null, 确定发展对象日期: null, 培训学时: null, 支部大会日期: null, 上级批准日期: null, 转正日期: null };

const devSheet = (people: Person[]) => sheet("发展党员", HEADERS, people);
const check = (people: Person[], asOf = AS_OF) => validate([devSheet(people)], asOf);
const codeOf = (code: Parameters<typeof withCode>[1], person: Person, asOf = AS_OF) => withCode(check([person], asOf), code);

describe("发展党员: a timeline that follows the rules", () => {
  it("has no findings", () => {
    expect(check([onTime])).toEqual([]);
  });
});

describe("发展党员: dev.order", () => {
  it("finds a stage dated before the one it follows, on the later cell", () => {
    const findings = codeOf("dev.order", { ...onTime, 确定积极分子日期: "2023-03-10" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 2, cell: "F2", field: "activistDate", severity: "error" });
    expect(findings[0].message).toContain("“确定积极分子日期”2023年3月10日 早于“谈话日期”2023年3月20日");
  });

  it("finds approval before the 支部大会", () => {
    expect(codeOf("dev.order", { ...onTime, 上级批准日期: "2024-08-15" }).map((f) => f.cell)).toEqual(["J2"]);
  });

  it("accepts two stages on the same day and skips stages not reached yet", () => {
    const person = { ...onTime, ...NOT_YET_ACTIVIST, 谈话日期: "2023-03-01", 确定积极分子日期: "2023-06-01" };
    expect(codeOf("dev.order", person)).toEqual([]);
  });
});

describe("发展党员: dev.age", () => {
  const young = { ...onTime, 身份证号: idOf(8, "2007-05-01"), 出生日期: "2007-05-01" };

  it("finds an applicant under 18 by the birth date in the ID", () => {
    const findings = codeOf("dev.age", { ...young, 申请入党日期: "2025-03-01", 谈话日期: "2025-03-20", ...NOT_YET_ACTIVIST });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "D2", severity: "error" });
    expect(findings[0].message).toContain("未满 18 周岁（出生于 2007年5月1日，时年 17 岁）");
  });

  it("accepts an applicant who turned 18 on the day", () => {
    expect(codeOf("dev.age", { ...young, 申请入党日期: "2025-05-01", 谈话日期: "2025-05-20", ...NOT_YET_ACTIVIST })).toEqual([]);
  });

  it("falls back to 出生日期 when the ID cannot be read", () => {
    const person = { ...onTime, 身份证号: "5001032007", 出生日期: "2007-05-01", 申请入党日期: "2024-06-01", 谈话日期: "2024-06-20", ...NOT_YET_ACTIVIST };
    const findings = check([person]);
    expect(withCode(findings, "id.format")).toHaveLength(1);
    expect(withCode(findings, "dev.age").map((f) => f.message)).toEqual([expect.stringContaining("时年 17 岁")]);
  });
});

describe("发展党员: dev.talk-late", () => {
  it("finds a talk more than a month after the application", () => {
    const findings = codeOf("dev.talk-late", { ...onTime, 谈话日期: "2023-04-15" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "E2", severity: "warning" });
    expect(findings[0].message).toContain("2023年4月1日 前");
  });

  it("accepts a talk on the last day of the month", () => {
    expect(codeOf("dev.talk-late", { ...onTime, 谈话日期: "2023-04-01" })).toEqual([]);
  });

  const applicant = (applied: string): Person => ({ 姓名: "钱多", 身份证号: idOf(9, "2001-02-03"), 申请入党日期: applied });

  it("finds an applicant still waiting for the talk after a month", () => {
    const findings = codeOf("dev.talk-late", applicant("2026-03-02"));
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("申请入党已超过 1 个月仍未谈话")]);
    expect(findings[0].cell).toBe("E2");
  });

  it("gives a fresh applicant the month", () => {
    expect(codeOf("dev.talk-late", applicant("2026-05-10"))).toEqual([]);
  });

  it("leaves an unreadable 谈话日期 to the cell check", () => {
    const findings = check([{ ...applicant("2026-03-02"), 谈话日期: "2026.02.30" }]);
    expect(withCode(findings, "cell.date").map((f) => f.cell)).toEqual(["E2"]);
    expect(withCode(findings, "dev.talk-late")).toEqual([]);
  });
});

describe("发展党员: dev.activist-short", () => {
  it("finds a 发展对象 determined less than a year after becoming 积极分子", () => {
    const findings = codeOf("dev.activist-short", { ...onTime, 确定发展对象日期: "2024-05-20" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "G2", severity: "error" });
    expect(findings[0].message).toContain("最早 2024年6月1日 方可确定为发展对象");
  });

  it("accepts exactly one year", () => {
    expect(codeOf("dev.activist-short", { ...onTime, 确定发展对象日期: "2024-06-01" })).toEqual([]);
  });

  it("gives a month-only date the benefit of the doubt", () => {
    expect(codeOf("dev.activist-short", { ...onTime, 确定积极分子日期: "2023.06", 确定发展对象日期: "2024-06-15" })).toEqual([]);
  });
});

describe("发展党员: dev.training-short", () => {
  it("finds a 发展对象 with 16 hours of training", () => {
    const findings = codeOf("dev.training-short", { ...onTime, 培训学时: 16 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "H2", value: "16", severity: "error" });
    expect(findings[0].message).toContain("培训学时 16 不足 24 学时");
  });

  it("accepts 24 hours", () => {
    expect(codeOf("dev.training-short", { ...onTime, 培训学时: 24 })).toEqual([]);
  });

  it("finds blank hours once the 支部大会 has voted, not before", () => {
    expect(codeOf("dev.training-short", { ...onTime, 培训学时: null }).map((f) => f.cell)).toEqual(["H2"]);
    const candidate = { ...onTime, 培训学时: null, 支部大会日期: null, 上级批准日期: null, 转正日期: null };
    expect(codeOf("dev.training-short", candidate)).toEqual([]);
  });

  it("reads the minimum from the profile (seed 002 schools may ask for more)", () => {
    const profile = profileWith((p) => (p.development.minTrainingHours = 40));
    expect(withCode(validate([devSheet([onTime])], AS_OF, profile), "dev.training-short")).toHaveLength(1);
  });
});

describe("发展党员: dev.approval-late", () => {
  const approved = (on: string) => codeOf("dev.approval-late", { ...onTime, 上级批准日期: on, 转正日期: null });

  it("warns of approval 4 months after the 支部大会", () => {
    const findings = approved("2025-01-05");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "J2", severity: "warning" });
    expect(findings[0].message).toContain("超过 3 个月");
  });

  it("finds approval 7 months after the 支部大会 an error", () => {
    expect(approved("2025-04-05")).toEqual([expect.objectContaining({ severity: "error", cell: "J2" })]);
  });

  it("accepts approval within 3 months", () => {
    expect(approved("2024-12-01")).toEqual([]);
  });

  const waiting = (meeting: string) =>
    codeOf("dev.approval-late", { ...onTime, 支部大会日期: meeting, 上级批准日期: null, 转正日期: null });

  it("counts the wait up to the as-of date while approval is missing", () => {
    expect(waiting("2026-02-01")).toEqual([expect.objectContaining({ severity: "warning", cell: "J2" })]);
    expect(waiting("2025-11-20")).toEqual([expect.objectContaining({ severity: "error" })]);
    expect(waiting("2026-04-01")).toEqual([]);
  });
});

describe("发展党员: dev.probation", () => {
  it("finds 转正 before a year of probation from the 支部大会", () => {
    const findings = codeOf("dev.probation", { ...onTime, 转正日期: "2025-08-01" });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "K2", severity: "error" });
    expect(findings[0].message).toContain("早于预备期满（2025年9月1日）");
  });

  it("accepts 转正 on the anniversary", () => {
    expect(codeOf("dev.probation", onTime)).toEqual([]);
  });
});

describe("发展党员 across sheets", () => {
  const inProcess: Person = { ...onTime, 姓名: "孙悦", 身份证号: idOf(11, "2001-08-08"), 出生日期: "2001-08-08", 转正日期: null };

  it("warns of someone still in the process whom the roster lists as 正式党员", () => {
    const table = roster([{ name: "王芳", post: "书记" }, { name: "孙悦", id: idOf(11, "2001-08-08"), memberType: "正式党员" }]);
    const findings = withCode(validate([devSheet([inProcess]), table], AS_OF), "xref.dev-already-member");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: "发展党员", cell: "A2", severity: "warning" });
  });

  it("accepts a 预备党员 in the roster, a finished timeline, and a workbook without roster", () => {
    const probationer = roster([{ name: "孙悦", id: idOf(11, "2001-08-08"), memberType: "预备党员" }]);
    expect(withCode(validate([devSheet([inProcess]), probationer], AS_OF), "xref.dev-already-member")).toEqual([]);
    const member = roster([{ name: "赵磊", id: onTime["身份证号"] as string }]);
    expect(withCode(validate([devSheet([onTime]), member], AS_OF), "xref.dev-already-member")).toEqual([]);
    expect(withCode(check([inProcess]), "xref.dev-already-member")).toEqual([]);
  });

  it("warns of an approved 预备党员 missing from the roster", () => {
    const findings = withCode(validate([devSheet([inProcess]), roster([{ name: "王芳", post: "书记" }])], AS_OF), "xref.not-in-roster");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: "发展党员", cell: "A2", severity: "warning" });
    expect(findings[0].message).toContain("已于 2024年10月15日 经上级党委批准为预备党员");
  });

  it("does not expect an applicant without approval in the roster", () => {
    const applicant = { ...inProcess, 确定发展对象日期: null, 支部大会日期: null, 上级批准日期: null };
    expect(withCode(validate([devSheet([applicant]), roster([{ name: "王芳", post: "书记" }])], AS_OF), "xref.not-in-roster")).toEqual([]);
  });
});
