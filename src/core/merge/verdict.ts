/**
 * Where each expected or submitting branch stands, in one word the committee
 * acts on: 可通过 (no error), 需退回 (errors to fix and resubmit), 未提交,
 * 无法读取, 已被较新文件替代. The terminal, the JSON report, the 汇总 and 概览
 * sheets and the task pane all count from here, so their totals agree.
 */
import type { FileReport } from "../report";
import type { BranchStatus } from "./types";

export type BranchVerdict = "pass" | "return" | "missing" | "unreadable" | "superseded";

export const VERDICTS: readonly BranchVerdict[] = ["pass", "return", "missing", "unreadable", "superseded"];

export const VERDICT_LABEL: Readonly<Record<BranchVerdict, string>> = {
  pass: "可通过",
  return: "需退回",
  missing: "未提交",
  unreadable: "无法读取",
  superseded: "已被较新文件替代",
};

/**
 * The colour of each verdict (ARGB), the same in the written 学院汇总.xlsx and
 * in the sheets the add-in inserts: green passes, red goes back, amber is
 * still to come, grey was replaced.
 */
export const VERDICT_FILL: Readonly<Record<BranchVerdict, string>> = {
  pass: "FFC6EFCE",
  return: "FFFFC7CE",
  missing: "FFFFEB9C",
  unreadable: "FFFFC7CE",
  superseded: "FFD9D9D9",
};

export function verdictOf(status: BranchStatus, file: FileReport): BranchVerdict {
  if (status === "unreadable") return "unreadable";
  if (status === "skipped") return "superseded";
  return file.status === "errors" ? "return" : "pass";
}

export function countVerdicts(verdicts: readonly BranchVerdict[]): Record<BranchVerdict, number> {
  const out = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<BranchVerdict, number>;
  for (const v of verdicts) out[v] += 1;
  return out;
}
