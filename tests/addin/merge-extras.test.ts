import { addMergeExtras } from "../../src/addin/taskpane/merge-extras";
import { mergeChecked } from "../../src/core/merge";
import { readWorkbookBytes } from "../../src/io/read-file";
import { summaryBuffer } from "../../src/io/summary-file";
import { branchBytes, branchData, options, submit } from "../merge/support";

const A = "教工第一党支部";
const data = branchData(A, 6, 1, 0);
const before = [submit(`${A}.xlsx`, branchBytes(A, { ...data, dues: data.dues.map((r, i) => (i === 2 ? { ...r, "10月": null } : r)) }))];
const now = [submit(`${A}.xlsx`, branchBytes(A, data))];

describe("the pane's merge with the last summary and the assessment (same core as the CLI)", () => {
  it("appends 变化, 考核 and 评分表 to the summary it inserts or downloads, and says so", async () => {
    const last = { file: "上次汇总.xlsx", workbook: readWorkbookBytes(await summaryBuffer(mergeChecked(before, options).summary), "上次汇总.xlsx") };
    const { summary } = mergeChecked(now, options);
    const said = addMergeExtras(now, summary, options, { previous: last, assess: true });
    expect(summary.sheets.slice(-3).map((s) => s.name)).toEqual(["变化", "考核", "评分表"]);
    expect(summary.sheets.find((s) => s.name === "变化")!.rows.map((r) => r[1])).toContain("新缴党费");
    expect(said[0]).toMatch(/^与上次汇总“上次汇总.xlsx”相比有 \d+ 条变化（人员按身份证号匹配 6 人/);
    expect(said[1]).toBe("已按重庆工业职业技术学院《基层党支部工作目标管理考核评分表》据台账给出建议分，见“考核”工作表；待评项目请考核小组填写");
  });

  it("says why a last summary it cannot use is refused", () => {
    const { summary } = mergeChecked(now, options);
    expect(() => addMergeExtras(now, summary, options, { previous: { file: "坏.xlsx", error: "坏.xlsx：文件已损坏，无法打开" }, assess: false })).toThrow(
      "无法读取上次汇总：坏.xlsx：文件已损坏，无法打开",
    );
    const ledger = { file: `${A}.xlsx`, workbook: readWorkbookBytes(branchBytes(A, data), `${A}.xlsx`) };
    expect(() => addMergeExtras(now, summary, options, { previous: ledger, assess: false })).toThrow("不是 taizhang 生成的汇总工作簿");
  });
});
