/**
 * 概览, the summary's first sheet: branches by status (with their names), the
 * college's figures as the 汇总 total row has them, and the five most frequent
 * finding codes. Read off the report and the 汇总 sheet, never computed again,
 * so the numbers are the same wherever they appear.
 */
import { CODES, type Code } from "../codes";
import type { Finding } from "../finding";
import { allIssues } from "../report";
import { SHEET_NAMES } from "./sheets";
import type { MergeReport, SummarySheet, SummaryValue } from "./types";
import { VERDICT_LABEL, VERDICTS, type BranchVerdict } from "./verdict";

const ADVICE: Record<BranchVerdict, string> = {
  pass: "没有错误",
  return: "有错误，需按退回清单改正后重新提交",
  missing: "没有收到台账",
  unreadable: "文件无法读取，需重新提交",
  superseded: "同一支部另有更新的文件，此文件未汇总",
};

/** The 汇总 figures the overview repeats, by their headers there. */
const COLLEGE_FIGURES = [
  "党员人数",
  "正式党员",
  "预备党员",
  "入党申请人",
  "入党积极分子",
  "发展对象",
  "党费缴纳率",
  "培训达标率",
  "三会一课完成率",
  "换届状态",
  "错误",
  "警告",
];

export const TOP_CODES = 5;

/** Finding codes by how often they occur (every file and the findings about no file), most frequent first. */
export function frequentCodes(report: MergeReport, limit = TOP_CODES): { code: Code; count: number }[] {
  const counts = new Map<Code, number>();
  const all: Finding[] = [...report.files.flatMap(allIssues), ...report.merge.issues];
  for (const f of all) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** Names of the branches with each verdict (a superseded one by its file). */
export function branchesByVerdict(report: MergeReport): Record<BranchVerdict, string[]> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, [] as string[]])) as Record<BranchVerdict, string[]>;
  for (const b of report.merge.branches) out[b.verdict].push(b.verdict === "superseded" ? `${b.branch}（${b.file}）` : b.branch);
  out.missing.push(...report.merge.missing);
  return out;
}

export function overviewSheet(report: MergeReport, summary: SummarySheet): SummarySheet {
  const named = branchesByVerdict(report);
  const rows: SummaryValue[][] = VERDICTS.map((v) => [`支部：${VERDICT_LABEL[v]}`, report.merge.totals[v], [ADVICE[v], ...named[v]].join("；")]);
  const total = summary.rows[summary.rows.length - 1];
  for (const header of COLLEGE_FIGURES) {
    const i = summary.columns.findIndex((c) => c.header === header);
    const value = total[i];
    rows.push([`全院：${header}`, summary.columns[i].kind === "rate" && typeof value === "number" ? `${(value * 100).toFixed(1)}%` : value, `见“${SHEET_NAMES.summary}”合计行`]);
  }
  frequentCodes(report).forEach(({ code, count }, i) => rows.push([`常见问题 ${i + 1}：${CODES[code].title}`, count, code]));
  return {
    name: SHEET_NAMES.overview,
    columns: [
      { header: "项目", kind: "text" },
      { header: "数量", kind: "number" },
      { header: "说明", kind: "text" },
    ],
    rows,
    filter: false,
    totalRow: false,
  };
}
