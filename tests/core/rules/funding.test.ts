import { BUILTIN_PROFILES } from "../../../src/core";
import { branch, member, roster, sheet, validate, withCode, type Line } from "./helpers";

const HEADERS = ["日期", "摘要", "收入", "支出", "余额", "经办人"];
type Entry = [string, string, number | null, number | null, number | null];
const book = (entries: Entry[]) =>
  sheet(
    "活动经费",
    HEADERS,
    entries.map(([日期, 摘要, 收入, 支出, 余额]): Line => ({ 日期, 摘要, 收入, 支出, 余额, 经办人: "王芳" })),
    "2026年支部活动经费收支台账",
  );

/** Three staff members: ¥300 a year under the 100-50 profile, ¥600 under 200-100. */
const correct = (): Entry[] => [
  ["2025-12-31", "上年结转", null, null, 120],
  ["2026-03-05", "学院下拨2026年活动经费", 300, null, 420],
  ["2026-03-20", "党费拨返", 50, null, 470],
  ["2026-04-10", "主题党日参观交通费", null, 200, 270],
];

describe("活动经费", () => {
  it("finds nothing in a correct cash book with the roster alongside", () => {
    expect(validate([roster(branch()), book(correct())])).toEqual([]);
  });

  it("reports the row whose 余额 is wrong, and only that row", () => {
    const entries = correct();
    entries[2][4] = 480;
    entries[3][4] = 280; // right, carried on from the recorded 480
    const found = withCode(validate([book(entries)]), "funding.balance");
    expect(found.map((f) => f.cell)).toEqual(["E5"]);
    expect(found[0].message).toBe("余额应为 470.00 元（上一行余额 + 本行收入 − 支出），实为 480.00");
  });

  it("checks a first row without carry-over as 收入 − 支出", () => {
    const found = withCode(validate([book([["2026-03-05", "学院下拨经费", 300, null, 320]])]), "funding.balance");
    expect(found.map((f) => f.cell)).toEqual(["E3"]);
    expect(found[0].message).toContain("本行收入 − 支出");
  });

  it("reports where the 余额 first goes below zero", () => {
    const entries: Entry[] = [
      ["2026-03-05", "学院下拨经费", 300, null, 300],
      ["2026-04-10", "购书", null, 350, -50],
      ["2026-04-11", "打印", null, 10, -60],
    ];
    const found = withCode(validate([book(entries)]), "funding.negative");
    expect(found.map((f) => f.cell)).toEqual(["E4"]);
  });

  it("reports spending above the money received, on the row that passes it, when the 余额 does not show it", () => {
    const entries = correct();
    entries.push(["2026-05-10", "红色教育基地门票", null, 300, 0]);
    const found = withCode(validate([book(entries)]), "funding.overspend");
    expect(found.map((f) => f.cell)).toEqual(["D7"]);
    expect(found[0].message).toContain("支出合计 500.00 元，超过可用经费 470.00 元");
  });

  it("leaves a 余额 below zero to funding.negative alone (one root cause, one finding)", () => {
    const entries = correct();
    entries.push(["2026-05-10", "红色教育基地门票", null, 300, -30]);
    expect(validate([book(entries)]).map((f) => [f.code, f.cell])).toEqual([["funding.negative", "E7"]]);
  });

  it("measures spending against the entitlement when no income is recorded, and skips it without a roster", () => {
    const spending: Entry[] = [
      ["2026-04-10", "主题党日交通费", null, 200, null],
      ["2026-05-10", "学习资料", null, 150, null],
    ];
    const found = withCode(validate([roster(branch()), book(spending)]), "funding.overspend");
    expect(found.map((f) => f.cell)).toEqual(["D4"]);
    expect(found[0].message).toContain("教职工 3 人 × 100 元");
    expect(withCode(validate([book(spending)]), "funding.overspend")).toEqual([]);
    expect(withCode(validate([roster(branch()), book(spending.slice(0, 1))]), "funding.overspend")).toEqual([]);
  });

  describe("entitlement (不少于 the profile's rates)", () => {
    const students = [...branch(), member("李娜", { 人员类别: "学生" }), member("钱坤", { 人员类别: "离退休" })];

    it("warns when the allocation is below staff × rate + students × rate", () => {
      const entries: Entry[] = [["2026-03-05", "学院核定下拨经费", 400, null, 400]];
      const found = withCode(validate([roster(students), book(entries)]), "funding.entitlement");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ row: null, severity: "warning" });
      expect(found[0].message).toContain("低于标准 450.00 元：教职工 4 人 × 100 元 + 学生 1 人 × 50 元 = 450.00 元（离退休党员按教职工计）");
    });

    it("accepts an allocation at or above the floor, and does not count 党费拨返 as allocation", () => {
      const enough: Entry[] = [["2026-03-05", "学院下拨经费", 450, null, 450]];
      expect(withCode(validate([roster(students), book(enough)]), "funding.entitlement")).toEqual([]);
      const returned: Entry[] = [...enough.map((e): Entry => [e[0], e[1], 400, null, 400]), ["2026-03-06", "党费拨返", 100, null, 500]];
      expect(withCode(validate([roster(students), book(returned)]), "funding.entitlement")).toHaveLength(1);
    });

    it("follows the profile: 200-100 doubles the floor", () => {
      const found = withCode(validate([roster(branch()), book(correct())], { profile: BUILTIN_PROFILES["200-100"] }), "funding.entitlement");
      expect(found[0].message).toContain("低于标准 600.00 元");
    });

    it("is not checked without a roster in the workbook", () => {
      expect(withCode(validate([book([["2026-03-05", "学院下拨经费", 1, null, 1]])]), "funding.entitlement")).toEqual([]);
    });
  });
});
