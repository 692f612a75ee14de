/**
 * Two files for one branch (a resent 终版2 next to the 终版): keep the newer
 * and report the other as skipped with the reason – never drop one silently.
 * Newer = the later latest date in the ledgers; when those are equal or
 * absent, the later file modification time; when that too is equal, the file
 * given later (directories are read in name order, so `(终版2)` after `(终版)`).
 */
import { formatZh } from "../dates";
import { branchKey } from "./branch";
import type { BranchStatus, CheckedInput } from "./types";

export interface Decision {
  input: CheckedInput;
  status: BranchStatus;
  /** Why skipped or unreadable. */
  reason?: string;
  /** For a skipped file: the file kept instead. */
  keptInstead?: CheckedInput;
}

export function decide(inputs: readonly CheckedInput[]): Decision[] {
  const newest = new Map<string, CheckedInput>();
  for (const input of inputs) {
    if (!input.result) continue;
    const key = branchKey(input.branch.name);
    const current = newest.get(key);
    if (!current || compareRecency(input, current) >= 0) newest.set(key, input);
  }
  return inputs.map((input): Decision => {
    if (!input.result) return { input, status: "unreadable", reason: input.report.error ?? "无法读取" };
    const kept = newest.get(branchKey(input.branch.name))!;
    if (kept === input) return { input, status: "merged" };
    return { input, status: "skipped", reason: skipReason(input, kept), keptInstead: kept };
  });
}

function compareRecency(a: CheckedInput, b: CheckedInput): number {
  const byDate = (a.latestDate ?? "").localeCompare(b.latestDate ?? "");
  if (byDate !== 0) return byDate;
  return (a.modified ?? 0) - (b.modified ?? 0);
}

function skipReason(skipped: CheckedInput, kept: CheckedInput): string {
  const why =
    (kept.latestDate ?? "") !== (skipped.latestDate ?? "")
      ? `台账中最晚的日期为 ${kept.latestDate ? formatZh(kept.latestDate) : "无"}，本文件为 ${skipped.latestDate ? formatZh(skipped.latestDate) : "无"}`
      : (kept.modified ?? 0) !== (skipped.modified ?? 0)
        ? "台账日期相同，该文件修改时间更晚"
        : "台账日期和修改时间都相同，保留排在后面的文件";
  return `“${skipped.branch.name}”另有更新的文件“${kept.file}”（${why}），本文件未汇总`;
}
