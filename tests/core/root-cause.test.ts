/**
 * One root cause, one finding (issue: findings a secretary can act on), written as
 * a secretary's branch would be: a duplicated roster row, a bad ID used across
 * ledgers, a negative balance.
 */
import { makeIdNumber } from "../../src/core";
import { onePerPerson } from "../../src/core/members";
import { branch, member, roster, sheet, validate, withCode, type Line } from "./rules/helpers";

const TRAINING = ["姓名", "身份证号", "日期", "培训内容", "形式", "学时"];
const DUES = ["姓名", "身份证号", "人员类别", "缴费基数", "缴纳比例", "月应缴", "1月", "2月", "3月", "4月", "5月", "6月"];

const trainingOf = (people: Line[]) =>
  sheet(
    "学习培训",
    TRAINING,
    people.flatMap((p) =>
      ["2025-03-01", "2025-06-01"].map((日期) => ({ 姓名: p["姓名"], 身份证号: p["身份证号"], 日期, 培训内容: "党章学习", 形式: "集中培训", 学时: 28 })),
    ),
    "2025年学习培训",
  );
const duesOf = (people: Line[]) =>
  sheet(
    "党费收缴",
    DUES,
    people.map((p) => ({ 姓名: p["姓名"], 身份证号: p["身份证号"], 人员类别: "教职工", 缴费基数: 5100, 缴纳比例: "1.5%", 月应缴: 76.5, "1月": 76.5, "2月": 76.5, "3月": 76.5, "4月": 76.5, "5月": 76.5, "6月": 76.5 })),
    "2026年党费收缴",
  );

describe("a roster row written twice", () => {
  const lines = branch();
  const doubled = [...lines, { ...lines[1] }];

  it("is reported once as roster.duplicate-id, and the member is still counted once", () => {
    const found = validate([roster(doubled), trainingOf(lines)]);
    expect(withCode(found, "roster.duplicate-id").map((f) => f.row)).toEqual([5]);
    // The person whose row is repeated is trained: no “0 学时” for the copy.
    expect(withCode(found, "training.hours-short")).toEqual([]);
  });

  it("does not raise the funding entitlement by the copy", () => {
    const funding = sheet("活动经费", ["日期", "摘要", "收入", "支出", "余额"], [{ 日期: "2026-03-05", 摘要: "学院下拨活动经费", 收入: 300, 余额: 300 }]);
    expect(withCode(validate([roster(doubled), funding]), "funding.entitlement")).toEqual([]);
  });

  it("counts people once by ID for the summary", () => {
    const rows = doubled.map((_, i) => ({ row: i + 2, values: { idNumber: doubled[i]["身份证号"] as string }, monthOnly: new Set<string>() }));
    expect(onePerPerson(rows).map((r) => r.row)).toEqual([2, 3, 4]);
  });
});

describe("a wrong ID number copied into every ledger", () => {
  const lines = branch();
  const good = lines[2]["身份证号"] as string;
  const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
  lines[2]["身份证号"] = bad;

  it("is one finding at its roster cell that lists the other places", () => {
    const found = validate([roster(lines), duesOf(lines), trainingOf(lines)]);
    const checksum = withCode(found, "id.checksum");
    expect(checksum.map((f) => [f.sheet, f.cell])).toEqual([["党员花名册", "D4"]]);
    expect(checksum[0].message).toMatch(/；另见 党费收缴 B5，学习培训 B7–B8$/);
    expect(checksum[0].related).toEqual([
      { sheet: "党费收缴", row: 5, column: "B", cell: "B5" },
      { sheet: "学习培训", row: 7, column: "B", cell: "B7" },
      { sheet: "学习培训", row: 8, column: "B", cell: "B8" },
    ]);
  });

  it("leaves findings about a number met once as they were, without a related list", () => {
    const found = withCode(validate([roster(lines)]), "id.checksum");
    expect(found).toHaveLength(1);
    expect(found[0].related).toBeUndefined();
  });
});

describe("a negative balance", () => {
  const book = (balances: number[]) =>
    sheet(
      "活动经费",
      ["日期", "摘要", "收入", "支出", "余额"],
      [
        { 日期: "2026-03-05", 摘要: "学院下拨活动经费", 收入: 300, 余额: balances[0] },
        { 日期: "2026-04-10", 摘要: "参观交通费", 支出: 350, 余额: balances[1] },
      ],
    );

  it("is funding.negative alone, not a generic cell.number nor an overspend besides", () => {
    const found = validate([book([300, -50])]);
    expect(found.map((f) => [f.code, f.cell])).toEqual([["funding.negative", "E3"]]);
  });

  it("is still checked by the arithmetic: a wrongly worked-out negative balance is funding.balance", () => {
    const found = validate([book([300, -60])]);
    expect(withCode(found, "funding.balance").map((f) => [f.cell, f.message])).toEqual([["E3", "余额应为 -50.00 元（上一行余额 + 本行收入 − 支出），实为 -60.00"]]);
    expect(withCode(found, "cell.number")).toEqual([]);
  });
});

describe("ID numbers", () => {
  const check = (id: string, asOf = "2026-06-30") => validate([roster([...branch(), member("赵敏", { 身份证号: id })])], { asOf }).filter((f) => f.code.startsWith("id."));

  it("reports a birth date in the future or before 1900 even when the check digit is right", () => {
    const future = check(makeIdNumber("110101", "2027-01-05", 7, "男"));
    expect(future.map((f) => f.code)).toEqual(["id.birthdate"]);
    expect(future[0].message).toContain("表示出生于 2027年1月5日，晚于核对日期 2026年6月30日");
    const early = check(makeIdNumber("110101", "1899-12-31", 7, "男"));
    expect(early.map((f) => f.code)).toEqual(["id.birthdate"]);
    expect(early[0].message).toContain("早于 1900 年");
  });

  it("checks all six region digits, accepting withdrawn codes older numbers carry", () => {
    expect(check(makeIdNumber("111111", "1990-03-07", 7, "男")).map((f) => f.code)).toEqual(["id.region"]);
    // 110103 崇文区 (merged into 东城区 in 2010), 362324 丰城县 (江西, withdrawn in the 1980s).
    expect(check(makeIdNumber("110103", "1990-03-07", 7, "男"))).toEqual([]);
    expect(check(makeIdNumber("362324", "1980-01-01", 1, "男"))).toEqual([]);
  });

  it("says exactly what is wrong with the length or a character", () => {
    expect(check("11010119900307123")[0].message).toContain("应为 18 位（旧证 15 位），实为 17 位");
    expect(check("1101011990030712A4")[0].message).toContain("第 17 位“A”不是数字（只有第 18 位可以是 X）");
  });
});
