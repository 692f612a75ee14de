import { tableFromRows } from "../../../src/core";
import { duesMonths } from "../../../src/core/dues-months";
import { branch, member, roster, validate, withCode } from "./helpers";

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const HEADERS = ["姓名", "人员类别", "缴费基数", "缴纳比例", "月应缴", ...MONTHS, "合计"];

type Paid = (number | string | null)[];
/** A dues line; `paid` lists January onward, the 合计 is their sum unless given. */
function line(name: string, category: string, base: number | null, rate: string | number | null, due: number, paid: Paid, total?: number) {
  const months = MONTHS.map((_, i) => paid[i] ?? null);
  const sum = paid.reduce<number>((s, p) => s + (typeof p === "number" ? p : 0), 0);
  return [name, category, base, rate, due, ...months, total ?? Math.round(sum * 100) / 100];
}

const halfYear = (amount: number): Paid => Array(6).fill(amount);

function duesSheet(lines: ReturnType<typeof line>[], title = "计算机学院第一党支部2026年党费收缴台账", name = "党费收缴") {
  return tableFromRows(name, [[title], HEADERS, ...lines]);
}

const check = (lines: ReturnType<typeof line>[], asOf?: string) => validate([duesSheet(lines)], { asOf });

const correct = () => [
  line("刘洋", "教职工", 5100, "1.5%", 76.5, halfYear(76.5)),
  line("王芳", "离退休", 5100, "1%", 51, halfYear(51)),
  line("张伟", "学生", null, null, 0.2, halfYear(0.2)),
  line("李娜", "教职工", 2800, 0.005, 14, halfYear(14)),
];

describe("党费收缴", () => {
  it("finds nothing in a correct half year of dues", () => {
    expect(check(correct())).toEqual([]);
  });

  it("reports a 缴纳比例 that is not the bracket, saying what it should be", () => {
    const lines = correct();
    lines[1] = line("王芳", "离退休", 5100, "0.5%", 51, halfYear(51));
    const found = withCode(check(lines), "dues.rate");
    expect(found.map((f) => f.cell)).toEqual(["D4"]);
    expect(found[0].message).toMatch(/^比例应为 1%：/);
    expect(found[0].message).toContain("离退休党员月收入 5000 元以上档");
  });

  it("reads the upper bound of a bracket as inclusive (5000 → 1%)", () => {
    const lines = [line("刘洋", "教职工", 5000, "1%", 50, halfYear(50))];
    expect(withCode(check(lines), "dues.rate")).toEqual([]);
  });

  it("reports a wrong 月应缴 and shows the working", () => {
    const lines = correct();
    lines[1] = line("王芳", "离退休", 5100, "1%", 50, halfYear(50));
    const found = withCode(check(lines), "dues.amount");
    expect(found.map((f) => f.cell)).toEqual(["E4"]);
    expect(found[0].message).toBe("月应缴应为 51.00 元：基数 5100 × 1% = 51.00（《关于中国共产党党费收缴、使用和管理的规定》），实为 50.00");
  });

  it("keeps a student at the flat ¥0.20 with a blank 比例, and reports anything else", () => {
    const lines = correct();
    lines[2] = line("张伟", "学生", null, null, 0.5, halfYear(0.5));
    const found = withCode(check(lines), "dues.amount");
    expect(found[0].message).toContain("学生党员每月 0.20 元");
    expect(withCode(check(lines), "dues.rate")).toEqual([]);
  });

  it("tolerates a cent of rounding", () => {
    const lines = [line("刘洋", "教职工", 5101, "1.5%", 76.51, halfYear(76.51))]; // 76.515
    expect(withCode(check(lines), "dues.amount")).toEqual([]);
  });

  it("reports a 合计 that is not the sum of the months", () => {
    const lines = correct();
    lines[0] = line("刘洋", "教职工", 5100, "1.5%", 76.5, halfYear(76.5), 450);
    const found = withCode(check(lines), "dues.total");
    expect(found.map((f) => f.cell)).toEqual(["R3"]);
    expect(found[0].message).toContain("合计应为 459.00 元");
  });

  it("warns once per person about the months paid below 月应缴, listing them", () => {
    const lines = correct();
    lines[0] = line("刘洋", "教职工", 5100, "1.5%", 76.5, [76.5, 50, 76.5, 76.5, 70, 76.5]);
    const found = withCode(check(lines), "dues.underpaid");
    expect(found.map((f) => [f.cell, f.severity])).toEqual([["G3", "warning"]]);
    expect(found[0].message).toContain("刘洋 2026年2月实缴 50.00 元，5月实缴 70.00 元，少于月应缴 76.50 元");
  });

  it("reports a single month left blank or 0, and lists the months missed together", () => {
    const lines = correct();
    lines[3] = line("李娜", "教职工", 2800, 0.005, 14, [14, 14, null, 14, 14, 0]);
    const found = withCode(check(lines), "dues.underpaid");
    expect(found.map((f) => f.cell)).toEqual(["H6"]);
    expect(found[0].message).toMatch(/^李娜 2026年3月、6月未缴：党员应按月足额交纳党费（《关于中国共产党党费收缴、使用和管理的规定》）$/);
  });

  it("gives a wrong rate its dues.rate and dues.amount, not a shortfall every month", () => {
    const lines = correct();
    lines[0] = line("刘洋", "教职工", 5100, "1%", 51, halfYear(51));
    const found = check(lines).filter((f) => f.row === 3);
    expect(found.map((f) => f.code)).toEqual(["dues.rate", "dues.amount"]);
  });

  it("measures the months against the worked-out due, so a wrong 月应缴 is one finding, not one per month", () => {
    const lines = correct();
    lines[0] = line("刘洋", "教职工", 5100, "1.5%", 80, [76.5, 76.5, 76.5, 76.5, 76.5, 76.5]);
    const found = check(lines).filter((f) => f.row === 3);
    expect(found.map((f) => f.code)).toEqual(["dues.amount"]);
  });

  describe("six months unpaid (党章 第九条)", () => {
    it("reports a run of six unpaid months once, at its last month", () => {
      const lines = correct();
      lines[0] = line("刘洋", "教职工", 5100, "1.5%", 76.5, [null, 0, null, null, null, null]);
      const found = withCode(check(lines), "dues.unpaid-6");
      expect(found.map((f) => f.cell)).toEqual(["K3"]);
      expect(found[0].message).toContain("2026年1月至6月连续 6 个月未缴党费");
    });

    it("counts only the months over by the as-of date (its last day included)", () => {
      const lines = correct();
      lines[0] = line("刘洋", "教职工", 5100, "1.5%", 76.5, [null, null, null, null, null]);
      expect(withCode(check(lines, "2026-06-29"), "dues.unpaid-6")).toEqual([]);
      expect(withCode(check(lines, "2026-06-30"), "dues.unpaid-6")).toHaveLength(1);
    });

    it("does not list the months of the run again as single missed months", () => {
      const lines = correct();
      lines[0] = line("刘洋", "教职工", 5100, "1.5%", 76.5, [null, 0, null, null, null, null]);
      expect(withCode(check(lines), "dues.underpaid")).toEqual([]);
    });

    it("counts all twelve months of a past year named in the title", () => {
      const lines = [line("刘洋", "教职工", 5100, "1.5%", 76.5, [...Array(6).fill(76.5), null, null, null, null, null, null])];
      const found = withCode(validate([duesSheet(lines, "2025年度党费收缴台账")]), "dues.unpaid-6");
      expect(found.map((f) => f.cell)).toEqual(["Q3"]);
    });

    it("takes the year from the sheet name when the title has none", () => {
      const lines = [line("刘洋", "教职工", 5100, "1.5%", 76.5, halfYear(76.5))];
      expect(withCode(validate([duesSheet(lines, "党费收缴台账", "2025年党费")]), "dues.unpaid-6")).toHaveLength(1);
      expect(withCode(validate([duesSheet(lines, "党费收缴台账", "党费")]), "dues.unpaid-6")).toEqual([]);
    });

    it("does not count five months, nor a member exempt with 月应缴 0", () => {
      const lines = [
        line("刘洋", "教职工", 5100, "1.5%", 76.5, [76.5, null, null, null, null, null]),
        line("王芳", "离退休", 5100, "1%", 0, []),
      ];
      expect(withCode(check(lines), "dues.unpaid-6")).toEqual([]);
    });
  });

  it("reads a two-row header with 缴纳情况 merged over 1月…12月", () => {
    const top = ["姓名", "人员类别", "缴费基数", "缴纳比例", "月应缴", "缴纳情况", ...Array(11).fill(null), "合计"];
    const bottom = [null, null, null, null, null, ...MONTHS, null];
    const merges = [
      { top: 1, left: 5, bottom: 1, right: 16 },
      ...[0, 1, 2, 3, 4, 17].map((c) => ({ top: 1, left: c, bottom: 2, right: c })),
    ];
    const table = tableFromRows("党费", [["2026年党费收缴台账"], top, bottom, line("刘洋", "教职工", 5100, "1.5%", 76.5, [76.5, 60])], merges);
    const found = validate([table]);
    expect(withCode(found, "dues.underpaid").map((f) => f.cell)).toEqual(["G4"]);
  });

  it("skips the 合计 row under the members", () => {
    const lines = [...correct(), ["合计", null, null, null, 847.2]];
    expect(check(lines as ReturnType<typeof line>[])).toEqual([]);
  });
});

describe("党费 and 花名册 in one workbook", () => {
  const members = branch();
  const paying = (names: string[]) =>
    duesSheet(names.map((n) => line(n, "教职工", 5100, "1.5%", 76.5, halfYear(76.5))));

  it("warns about a roster member with no dues line", () => {
    const found = withCode(validate([roster(members), paying(["刘洋", "王芳"])]), "xref.missing-from-dues");
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["党员花名册", "A4"]]);
    expect(found[0].message).toContain("张伟");
  });

  it("warns about a dues line of someone not in the roster", () => {
    const found = withCode(validate([roster(members), paying(["刘洋", "王芳", "张伟", "陈刚"])]), "xref.not-in-roster");
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["党费收缴", "A6"]]);
  });

  it("expects a member admitted in May to pay from May, not from January", () => {
    const admitted = [...members, member("赵敏", { 党员类型: "预备党员", 入党时间: "2026-05-12", 转正时间: null, 人员类别: "学生" }, "2004-03-01", "女")];
    const lines = [...["刘洋", "王芳", "张伟"].map((n) => line(n, "教职工", 5100, "1.5%", 76.5, halfYear(76.5))), line("赵敏", "学生", null, null, 0.2, [null, null, null, null, 0.2, null])];
    const found = withCode(validate([roster(admitted), duesSheet(lines)]), "dues.underpaid");
    expect(found.map((f) => [f.sheet, f.cell])).toEqual([["党费收缴", "K6"]]);
    expect(found[0].message).toContain("赵敏 2026年6月未缴（5月入党，此前的月份不计）");
  });

  it("finds nothing across sheets when both agree, and nothing without a dues sheet", () => {
    const both = validate([roster(members), paying(["刘洋", "王芳", "张伟"])]);
    expect(both.filter((f) => f.code.startsWith("xref."))).toEqual([]);
    expect(withCode(validate([roster(members)]), "xref.missing-from-dues")).toEqual([]);
  });
});

describe("the months a member is expected to pay (the summary's 应缴 follows them)", () => {
  it("runs from January, or the admission month, to the last month over by the as-of date", () => {
    expect(duesMonths(2026, "2026-06-30")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(duesMonths(2026, "2026-06-29")).toEqual([1, 2, 3, 4, 5]);
    expect(duesMonths(2026, "2026-06-30", "2026-05-12")).toEqual([5, 6]);
    expect(duesMonths(2026, "2026-06-30", "2019-07-01")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(duesMonths(2025, "2026-06-30")).toHaveLength(12);
    expect(duesMonths(2026, "2026-06-30", "2026-08-01")).toEqual([]);
  });
});
