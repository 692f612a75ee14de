/** The pane's merge overview reads the same figures as the 汇总 sheet: one entry per branch row, its status, errors and rates. */
import { branchBars } from "../../src/addin/taskpane/merge-overview";
import { branchBytes, branchData, mergeAndRead, submit } from "../merge/support";

it("has a bar entry per branch of 汇总, with its status, error count and the three completion rates", async () => {
  const faulty = branchData("学生第一党支部", 5, 52, 1);
  faulty.roster[1]["性别"] = "未知";
  const { summary, book } = await mergeAndRead(
    [submit("一.xlsx", branchBytes("教工第一党支部", branchData("教工第一党支部", 6, 51, 0))), submit("二.xlsx", branchBytes("学生第一党支部", faulty))],
    { expected: ["教工第一党支部", "学生第一党支部", "离退休党支部"] },
  );
  const rows = book.records("汇总").slice(0, -1);
  const bars = branchBars(summary);
  expect(bars.map((b) => [b.branch, b.status, b.errors])).toEqual(rows.map((r) => [r["支部"], r["状态"], r["错误"]]));
  expect(bars.map((b) => b.status)).toEqual(["可通过", "需退回", "未提交"]);
  expect(bars[0].rates).toEqual([
    { label: "培训", value: rows[0]["培训达标率"] },
    { label: "党费", value: rows[0]["党费缴纳率"] },
    { label: "会议", value: rows[0]["三会一课完成率"] },
  ]);
  expect(bars[2].rates.every((r) => r.value === null)).toBe(true);
});
