/**
 * The sheets the pane's merge adds on request, as `taizhang merge --previous
 * / --assess` does (issue 16), by the same core functions: 变化 against the
 * last summary chosen, 考核 and 评分表. Returns what to tell the user.
 */
import { assessMerge, tableName } from "../../core/assess";
import { changesSheet, changesSince, matchingWords, summarySnapshot } from "../../core/merge/changes";
import type { CheckedInput, MergeInput, MergeOptions, SummaryModel } from "../../core/merge";

export function addMergeExtras(
  checked: readonly CheckedInput[],
  summary: SummaryModel,
  options: MergeOptions,
  request: { previous: MergeInput | null; assess: boolean },
): string[] {
  const said: string[] = [];
  if (request.previous) {
    const label = request.previous.file;
    if ("error" in request.previous) throw new Error(`无法读取上次汇总：${request.previous.error}`);
    const snapshot = summarySnapshot(request.previous.workbook, `上次汇总“${label}”`);
    const changes = changesSince({ snapshot, label }, checked, summary, options);
    summary.sheets.push(changesSheet(changes));
    said.push(`与上次汇总“${label}”相比有 ${changes.changes.length} 条变化（${matchingWords(changes)}），见“变化”工作表`, ...changes.gaps);
  }
  if (request.assess) {
    const { table, model } = assessMerge(checked, options);
    summary.sheets.push(...model.sheets);
    said.push(`已按${tableName(table)}据台账给出建议分，见“考核”工作表；待评项目请考核小组填写`);
  }
  return said;
}
