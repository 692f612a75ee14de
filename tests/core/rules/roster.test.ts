import { makeIdNumber } from "../../../src/core";
import { branch, member, roster, validate, withCode } from "./helpers";

const findingsOf = (lines: ReturnType<typeof branch>, asOf?: string) => validate([roster(lines, "一支部党员花名册")], { asOf });

describe("a correct roster", () => {
  it("has no finding at all", () => {
    expect(findingsOf(branch())).toEqual([]);
  });
});

describe("党员花名册 rules", () => {
  it("reports the second line of a 身份证号 entered twice, naming the first", () => {
    const lines = branch();
    lines.push(member("刘洋二", { 身份证号: lines[0]["身份证号"] }));
    const found = withCode(findingsOf(lines), "roster.duplicate-id");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: 6, column: "D", severity: "error" });
    expect(found[0].message).toContain("第 3 行（刘洋）");
  });

  it("reports a 性别 that contradicts the ID's 17th digit", () => {
    const lines = branch();
    lines[2]["性别"] = "女"; // 张伟's ID is a man's
    const found = withCode(findingsOf(lines), "roster.gender-mismatch");
    expect(found.map((f) => f.cell)).toEqual(["B5"]);
    expect(found[0].message).toMatch(/第 17 位是 \d（奇数为男、偶数为女），应为“男”/);
  });

  it("reports a 出生日期 that differs from the ID, but accepts a matching 出生年月", () => {
    const lines = branch();
    lines[1]["出生日期"] = "1992-05-21";
    lines[2]["出生日期"] = "1990.03"; // month only: agrees with 19900307
    const found = withCode(findingsOf(lines), "roster.birthdate-mismatch");
    expect(found.map((f) => f.cell)).toEqual(["C4"]);
    expect(found[0].message).toContain("1992年5月21日 与身份证号中的 1992年5月20日 不符");
  });

  it("compares a month-only 出生年月 at month precision", () => {
    const lines = branch();
    lines[2]["出生日期"] = "1990.04";
    expect(withCode(findingsOf(lines), "roster.birthdate-mismatch").map((f) => f.cell)).toEqual(["C5"]);
  });

  it("reports joining before 18, and accepts joining on the 18th birthday", () => {
    const young = member("李娜", { 人员类别: "学生", 入党时间: "2024-03-06", 转正时间: "2025-03-06" }, "2006-03-07", "女");
    const ofAge = member("赵敏", { 人员类别: "学生", 入党时间: "2024-03-07", 转正时间: "2025-03-07" }, "2006-03-07", "女");
    const found = withCode(findingsOf([...branch(), young, ofAge]), "roster.join-age");
    expect(found.map((f) => f.cell)).toEqual(["G6"]);
    expect(found[0].message).toContain("时年 17 岁");
  });

  it("reports a 转正时间 before the 入党时间", () => {
    const lines = branch();
    lines[1]["转正时间"] = "2014-07-01";
    const found = withCode(findingsOf(lines), "roster.date-order");
    expect(found.map((f) => f.cell)).toEqual(["H4"]);
  });

  it("reports an 入党时间 before the birth", () => {
    const lines = branch();
    lines[1]["入党时间"] = "1980-07-01";
    lines[1]["转正时间"] = "1981-07-01";
    expect(withCode(findingsOf(lines), "roster.date-order").map((f) => f.cell)).toEqual(["G4"]);
  });

  describe("预备期 of one year", () => {
    const withFullDate = (full: string, join = "2015-07-01") => {
      const lines = branch();
      lines[2]["入党时间"] = join;
      lines[2]["转正时间"] = full;
      return withCode(findingsOf(lines), "roster.probation-length");
    };

    it("accepts exactly one year, also written as months only", () => {
      expect(withFullDate("2016-07-01")).toEqual([]);
      expect(withFullDate("2016.07", "2015.07")).toEqual([]);
    });

    it("warns about an extension of 6–12 months (发展细则 第三十条)", () => {
      const found = withFullDate("2017-01-01");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ cell: "H5", severity: "warning" });
      expect(withFullDate("2017-07-01")[0].severity).toBe("warning");
    });

    it("is an error for anything else: a day early, 3 months late, 2 years", () => {
      for (const full of ["2016-06-30", "2016-10-01", "2017-07-02"]) {
        const found = withFullDate(full);
        expect(found.map((f) => f.severity)).toEqual(["error"]);
      }
      expect(withFullDate("2016-06-30")[0].message).toContain("转正时间应为 2016年7月1日");
    });
  });

  it("warns when a 正式党员 has no 转正时间", () => {
    const lines = branch();
    lines[1]["转正时间"] = null;
    const found = withCode(findingsOf(lines), "roster.full-date-missing");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([["H4", "warning"]]);
  });

  it("reports a 预备党员 with a 转正时间 in the past, not one planned ahead", () => {
    const past = member("李娜", { 党员类型: "预备党员", 入党时间: "2025-03-01", 转正时间: "2026-03-01" });
    const planned = member("赵敏", { 党员类型: "预备党员", 入党时间: "2025-09-01", 转正时间: "2026-09-01" });
    const found = withCode(findingsOf([...branch(), past, planned]), "roster.full-date-unexpected");
    expect(found.map((f) => f.row)).toEqual([6]);
  });

  it("warns about a 预备党员 whose year ended before the as-of date", () => {
    const overdue = member("李娜", { 党员类型: "预备党员", 入党时间: "2025-06-29", 转正时间: null });
    const running = member("赵敏", { 党员类型: "预备党员", 入党时间: "2025-06-30", 转正时间: null });
    const monthOnly = member("钱坤", { 党员类型: "预备党员", 入党时间: "2025.06", 转正时间: null });
    const found = withCode(findingsOf([...branch(), overdue, running, monthOnly]), "roster.probation-overdue");
    expect(found.map((f) => [f.row, f.severity])).toEqual([[6, "warning"]]);
  });

  it("makes probation overdue beyond the 12-month extension limit an error", () => {
    const withinExtension = member("李娜", { 党员类型: "预备党员", 入党时间: "2024-07-01", 转正时间: null });
    const beyond = member("赵敏", { 党员类型: "预备党员", 入党时间: "2023-07-20", 转正时间: null });
    const found = withCode(findingsOf([...branch(), withinExtension, beyond]), "roster.probation-overdue");
    expect(found.map((f) => [f.row, f.severity])).toEqual([[6, "warning"], [7, "error"]]);
    expect(found[1].message).toContain("即使延长预备期（最长 12 个月）也已于 2025年7月20日 届满");
  });

  it("reports a branch with fewer than 3 正式党员 as an error on the sheet", () => {
    const lines = branch();
    lines[2]["党员类型"] = "预备党员";
    lines[2]["转正时间"] = null;
    lines[2]["入党时间"] = "2026-01-10";
    const found = withCode(findingsOf(lines), "roster.branch-size");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ row: null, severity: "error" });
    expect(found[0].message).toContain("只有 2 名正式党员");
  });

  it("warns about a branch of more than 50 members", () => {
    const many = [...branch(), ...Array.from({ length: 47 }, (_, i) => member(`党员${i}`))];
    expect(withCode(findingsOf(many), "roster.branch-size")).toEqual([]);
    const found = withCode(findingsOf([...many, member("多一人")]), "roster.branch-size");
    expect(found.map((f) => f.severity)).toEqual(["warning"]);
  });

  it("warns when nobody holds 书记", () => {
    const lines = branch();
    lines[0]["党内职务"] = "组织委员";
    const found = withCode(findingsOf(lines), "roster.no-secretary");
    expect(found).toHaveLength(1);
    expect(found[0].row).toBeNull();
  });

  it("reads a 15-digit legacy number for gender and birth date", () => {
    const lines = branch();
    const first17 = makeIdNumber("110101", "1990-03-07", 124, "女");
    lines[2]["身份证号"] = first17.slice(0, 6) + first17.slice(8, 17); // 15 digits, a woman's
    const found = validate([roster(lines)]);
    expect(withCode(found, "id.legacy-15")).toHaveLength(1);
    expect(withCode(found, "roster.gender-mismatch")[0].message).toContain("第 15 位");
  });
});
