/**
 * Acceptance: a realistic branch – 30 members, a year of every ledger – with ten
 * planted mistakes. Each mistake is found, reported once (its own codes, no echo in
 * other ledgers), and the clean branch raises nothing. Built with the generators of
 * tests/fixtures, read back from xlsx bytes as a user's file would be.
 */
import { BUILTIN_PROFILES, validateWorkbook, type Finding } from "../../src/core";
import { readWorkbookBytes } from "../../src/io/read-file";
import { makeBranch, toSheets, type BranchData, type Row } from "../fixtures/branch";
import { buildWorkbook, dateCell } from "../fixtures/builder";

const AS_OF = "2026-11-27";
const BRANCH = "计算机学院第一党支部";
const PAID_MONTHS = 10; // January–October are over by the as-of date

const fresh = (): BranchData => makeBranch({ branch: BRANCH, members: 30, seed: 7, asOf: AS_OF });

function findingsOf(data: BranchData): Finding[] {
  const bytes = buildWorkbook(toSheets(BRANCH, data));
  const result = validateWorkbook(readWorkbookBytes(bytes, `${BRANCH}.xlsx`), { profile: BUILTIN_PROFILES["100-50"], asOf: AS_OF });
  return [...result.findings, ...result.sheets.flatMap((s) => s.findings)];
}

const duesRowOf = (data: BranchData, member: Row): Row => data.dues.find((d) => d["身份证号"] === member["身份证号"])!;
const resum = (row: Row) => {
  row["合计"] = Math.round(Array.from({ length: 12 }, (_, i) => Number(row[`${i + 1}月`] ?? 0)).reduce((a, b) => a + b, 0) * 100) / 100;
};
const flipCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === "1" ? "2" : "1");

interface Planted {
  what: string;
  plant: (data: BranchData) => void;
  /** The findings the mistake should give: code and sheet, once each. */
  expect: [string, string][];
}

/** Members chosen by what they are, so the plan reads as a secretary's mistakes. */
const staff = (data: BranchData, n: number) => data.roster.filter((m, i) => i >= 3 && m["人员类别"] === "教职工")[n];
const student = (data: BranchData, n: number) => data.roster.filter((m) => m["人员类别"] === "学生" && m["党员类型"] === "正式党员")[n];

const MISTAKES: Planted[] = [
  {
    what: "a roster row copied twice",
    plant: (d) => d.roster.push({ ...staff(d, 0) }),
    expect: [["roster.duplicate-id", "党员花名册"]],
  },
  {
    what: "a wrong check digit, copied into the dues and training ledgers",
    plant: (d) => {
      const m = staff(d, 1);
      const wrong = flipCheckDigit(m["身份证号"] as string);
      for (const row of [duesRowOf(d, m), ...d.training.filter((t) => t["身份证号"] === m["身份证号"])]) row["身份证号"] = wrong;
      m["身份证号"] = wrong;
    },
    expect: [["id.checksum", "党员花名册"]],
  },
  {
    what: "a dues rate of 1% for a base in the 1.5% bracket, 月应缴 and payments worked out from it",
    plant: (d) => {
      const row = d.dues.find((r) => r["人员类别"] === "教职工" && Number(r["缴费基数"]) > 5000 && Number(r["缴费基数"]) <= 10000)!;
      const wrong = Math.round(Number(row["缴费基数"]) * 0.01 * 100) / 100;
      row["缴纳比例"] = "1%";
      row["月应缴"] = wrong;
      for (let m = 1; m <= PAID_MONTHS; m++) row[`${m}月`] = wrong;
      resum(row);
    },
    expect: [["dues.rate", "党费收缴"], ["dues.amount", "党费收缴"]],
  },
  {
    what: "one month of dues not paid",
    plant: (d) => {
      const row = duesRowOf(d, student(d, 0));
      row["5月"] = null;
      resum(row);
    },
    expect: [["dues.underpaid", "党费收缴"]],
  },
  {
    what: "a 余额 worked out wrong",
    plant: (d) => {
      d.funding[2]["余额"] = Number(d.funding[2]["余额"]) + 10;
      for (const row of d.funding.slice(3)) row["余额"] = Number(row["余额"]) + 10;
    },
    expect: [["funding.balance", "活动经费"]],
  },
  {
    what: "a 预备党员 whose probation ended almost three years ago",
    plant: (d) => Object.assign(staff(d, 2), { 党员类型: "预备党员", 入党时间: dateCell("2023-12-10"), 转正时间: null }),
    expect: [["roster.probation-overdue", "党员花名册"]],
  },
  {
    what: "性别 typed wrong",
    plant: (d) => {
      const m = student(d, 1);
      m["性别"] = m["性别"] === "男" ? "女" : "男";
    },
    expect: [["roster.gender-mismatch", "党员花名册"]],
  },
  {
    what: "a month's 党小组会 not recorded",
    plant: (d) => {
      d.meetings.splice(d.meetings.findIndex((r) => r["类型"] === "党小组会" && String(r["主题"]).startsWith("4月")), 1);
    },
    expect: [["meetings.missing", "三会一课"]],
  },
  {
    what: "a member's training record left out",
    plant: (d) => {
      const name = student(d, 2)["姓名"];
      d.training.splice(d.training.findIndex((t) => t["姓名"] === name && t["形式"] === "主题党日"), 1);
    },
    expect: [["training.hours-short", "学习培训"]],
  },
  {
    what: "a 届满日期 a year off",
    plant: (d) => {
      d.terms[0]["届满日期"] = dateCell("2029-09-20");
    },
    expect: [["terms.expiry", "换届"]],
  },
];

/** A 预备党员 admitted in May who pays from May: no mistake, and no finding. */
function admittedInMay(d: BranchData): void {
  const m = student(d, 3);
  Object.assign(m, { 党员类型: "预备党员", 入党时间: dateCell("2026-05-12"), 转正时间: null });
  const row = duesRowOf(d, m);
  for (let month = 1; month <= 4; month++) row[`${month}月`] = null;
  resum(row);
}

const codesOf = (found: Finding[]) => found.map((f) => [f.code, f.sheet ?? ""]).sort();

describe("a realistic branch with ten planted mistakes", () => {
  it("raises nothing on the clean branch, with a member admitted in May paying from May", () => {
    const data = fresh();
    admittedInMay(data);
    expect(findingsOf(data)).toEqual([]);
  });

  it.each(MISTAKES.map((m) => [m.what, m] as const))("finds %s, once", (_what, mistake) => {
    const data = fresh();
    admittedInMay(data);
    mistake.plant(data);
    expect(codesOf(findingsOf(data))).toEqual([...mistake.expect].sort());
  });

  it("finds all ten together, each once, and nothing else", () => {
    const data = fresh();
    admittedInMay(data);
    for (const m of MISTAKES) m.plant(data);
    expect(codesOf(findingsOf(data))).toEqual(MISTAKES.flatMap((m) => m.expect).sort());
  });
});
