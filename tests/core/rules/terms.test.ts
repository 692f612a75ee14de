import { profileWith, sheet, validate, withCode } from "./process-fixtures";

const HEADERS = ["组织名称", "组织类型", "选举日期", "任期（年）", "届满日期"];

type Term = { 组织名称?: string; 组织类型?: string; 选举日期: string; "任期（年）"?: number | null; 届满日期?: string | null };

const termsSheet = (rows: Term[]) => sheet("换届", HEADERS, rows.map((r) => ({ 组织名称: "计算机学院第一党支部", 组织类型: "党支部", ...r })));

const check = (rows: Term[], asOf = "2026-06-01") => validate([termsSheet(rows)], asOf);

describe("换届: terms.length", () => {
  it("finds a 党支部 elected for 5 years, on the 任期 cell", () => {
    const findings = withCode(check([{ 选举日期: "2025-09-20", "任期（年）": 5, 届满日期: "2030-09-20" }]), "terms.length");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 2, cell: "D2", severity: "error" });
    expect(findings[0].message).toContain("党支部每届任期应为 3 年，实为 5 年");
  });

  it("accepts 3 years for a 党支部 and 5 for a 党委", () => {
    const rows = [
      { 选举日期: "2025-09-20", "任期（年）": 3, 届满日期: "2028-09-20" },
      { 组织名称: "计算机学院党委", 组织类型: "党委", 选举日期: "2025-09-20", "任期（年）": 5, 届满日期: "2030-09-20" },
    ];
    expect(withCode(check(rows), "terms.length")).toEqual([]);
  });
});

describe("换届: terms.expiry", () => {
  it("finds a 届满日期 that is not 选举日期 + 任期", () => {
    const findings = withCode(check([{ 选举日期: "2025-09-20", "任期（年）": 3, 届满日期: "2028-06-30" }]), "terms.expiry");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "E2", severity: "error" });
    expect(findings[0].message).toContain("届满日期应为 2028年9月20日");
  });

  it("accepts the anniversary, the day before it, or the month alone", () => {
    const rows = ["2028-09-20", "2028-09-19", "2028.09"].map((end) => ({ 选举日期: "2025-09-20", "任期（年）": 3, 届满日期: end }));
    expect(withCode(check(rows), "terms.expiry")).toEqual([]);
  });

  it("uses the profile's length when 任期 is blank", () => {
    const findings = withCode(check([{ 选举日期: "2025-09-20", "任期（年）": null, 届满日期: "2030-09-20" }]), "terms.expiry");
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("任期 3 年")]);
  });
});

describe("换届: terms.due-soon", () => {
  it("reminds a branch whose term ends in 5 months", () => {
    const findings = withCode(check([{ 选举日期: "2023-11-01", "任期（年）": 3, 届满日期: "2026-11-01" }]), "terms.due-soon");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "E2", severity: "warning" });
    expect(findings[0].message).toContain("将于 2026年11月1日 届满（还有 5 个月）");
  });

  it("does not remind a branch whose term ends in 7 months", () => {
    expect(withCode(check([{ 选举日期: "2024-01-01", "任期（年）": 3, 届满日期: "2027-01-01" }]), "terms.due-soon")).toEqual([]);
  });

  it("reads the reminder window from the profile", () => {
    const profile = profileWith((p) => (p.terms.remindMonths = 3));
    const rows = [{ 选举日期: "2023-11-01", "任期（年）": 3, 届满日期: "2026-11-01" }];
    expect(withCode(validate([termsSheet(rows)], "2026-06-01", profile), "terms.due-soon")).toEqual([]);
  });

  it("reminds on the election date when the sheet has no 届满日期 column", () => {
    const table = sheet("换届", ["组织名称", "组织类型", "选举日期", "任期（年）"], [
      { 组织名称: "第一党支部", 组织类型: "党支部", 选举日期: "2023-11-01", "任期（年）": 3 },
    ]);
    expect(withCode(validate([table], "2026-06-01"), "terms.due-soon").map((f) => f.cell)).toEqual(["C2"]);
  });
});

describe("换届: terms.overdue", () => {
  it("finds a term that ended 3 months ago and says an extension needs approval", () => {
    const findings = withCode(check([{ 选举日期: "2023-03-01", "任期（年）": 3, 届满日期: "2026-03-01" }]), "terms.overdue");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "E2", severity: "error" });
    expect(findings[0].message).toContain("已超期 3 个月未换届");
    expect(findings[0].message).toContain("须报上级党组织批准，延期一般不超过 1 年");
    expect(findings[0].message).not.toContain("严重超期");
  });

  it("calls a term overdue by more than the allowed year the graver case", () => {
    const findings = withCode(check([{ 选举日期: "2022-03-01", "任期（年）": 3, 届满日期: "2025-03-01" }]), "terms.overdue");
    expect(findings[0].message).toContain("已超期 1 年 3 个月未换届");
    expect(findings[0].message).toContain("已超过最长 1 年的延期期限");
    expect(findings[0].message).toContain("严重超期");
  });

  it("counts the lawful term, not a longer one written on the sheet", () => {
    const findings = withCode(check([{ 选举日期: "2022-03-01", "任期（年）": 5, 届满日期: "2027-03-01" }]), "terms.overdue");
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("任期已于 2025年3月1日 届满")]);
  });

  it("leaves a term that is still running alone", () => {
    const findings = check([{ 选举日期: "2024-09-01", "任期（年）": 3, 届满日期: "2027-09-01" }]);
    expect(withCode(findings, "terms.overdue")).toEqual([]);
    expect(withCode(findings, "terms.due-soon")).toEqual([]);
  });
});
