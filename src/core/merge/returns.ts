/**
 * The send-back pack (`merge --returns 退回/`): for each branch with findings,
 * one workbook named after it – a cover with its status and counts, then its
 * findings with sheet, cell, message and how to fix, sorted by sheet and row.
 * The organiser forwards each file to its branch as it is. Plain data: the
 * summary writer renders each pack like the summary itself.
 */
import { SEVERITY_LABEL, type Code } from "../codes";
import { countBySeverity, type Finding } from "../finding";
import { maskFinding } from "../mask";
import { allIssues, type FileReport } from "../report";
import type { MergeBranch, MergeReport, SummaryModel, SummarySheet, SummaryValue } from "./types";
import { VERDICT_LABEL, type BranchVerdict } from "./verdict";

export interface ReturnPack {
  branch: string;
  /** `<branch>.xlsx`, made safe for a file name and unique within the pack. */
  fileName: string;
  model: SummaryModel;
}

const NEXT_STEP: Record<BranchVerdict, string> = {
  pass: "没有错误，本次台账可以通过；下列警告和提示请核实，需要时改正",
  return: "有错误，请逐条改正“问题清单”中的错误后重新提交整个台账文件",
  missing: "",
  unreadable: "文件无法读取，请在 Excel 中打开并另存为 .xlsx 后重新提交",
  superseded: "",
};

/** How to fix a finding, by its code; the message itself says what is wrong and what it should be. */
const FIX_BY_CODE: Partial<Record<Code, string>> = {
  "header.missing": "在表头行补上缺少的列（可用学院下发的新模板）",
  "merge.unreadable": "在 Excel 中打开并另存为 .xlsx 后重新提交",
  "merge.duplicate-person": "与另一支部核实此人的组织关系，从不该在的支部花名册中删除",
  "merge.branch-name": "把花名册“所在支部”改为应交名单中的支部名称",
  "merge.unexpected-branch": "核对支部名称是否与学院的应交名单一致",
  "merge.stale-template": "下次请用学院下发的新模板填写",
};

const FIX_BY_PREFIX: readonly [string, string][] = [
  ["cell.", "按说明改正该单元格的内容"],
  ["id.", "对照身份证改正身份证号（单元格设为文本格式，以免变成数字）"],
  ["phone.", "改为 11 位手机号或带区号的固定电话"],
];

const FIX_BY_SEVERITY = { error: "按问题说明改正后重新提交", warning: "请核实；确有问题的改正，情况属实的在备注中说明", info: "供参考，无需改动" } as const;

export function howToFix(finding: Finding): string {
  return FIX_BY_CODE[finding.code] ?? FIX_BY_PREFIX.find(([prefix]) => finding.code.startsWith(prefix))?.[1] ?? FIX_BY_SEVERITY[finding.severity];
}

/** A branch name as a file name: no characters Windows forbids, never empty. */
const safeFileName = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim() || "支部";

/** The findings of a file in the order of its sheets (the whole-file ones first), each sheet by row. */
function findingsBySheet(file: FileReport): Finding[] {
  const whole = file.sheets.filter((s) => s.sheet === null);
  const sheets = file.sheets.filter((s) => s.sheet !== null);
  return [...whole, ...sheets].flatMap((s) => s.issues);
}

function coverSheet(branch: MergeBranch, file: FileReport, asOf: string): SummarySheet {
  const { error, warning, info } = countBySeverity(allIssues(file));
  const rows: SummaryValue[][] = [
    ["支部", branch.branch],
    ["来源文件", branch.file],
    ["状态", VERDICT_LABEL[branch.verdict]],
    ["错误", error],
    ["警告", warning],
    ["提示", info],
    ["核对日期", asOf],
    ["下一步", NEXT_STEP[branch.verdict]],
  ];
  const columns = [
    { header: "项目", kind: "text" as const },
    { header: "内容", kind: "text" as const },
  ];
  return { name: "封面", columns, rows, filter: false, totalRow: false, looks: [{ column: 1, look: "verdict" }] };
}

function findingsSheet(findings: readonly Finding[], mask: boolean): SummarySheet {
  const rows = findings.map((raw): SummaryValue[] => {
    const f = mask ? maskFinding(raw) : raw;
    return [f.sheet ?? "（整个文件）", f.cell ?? (f.row !== null ? `第 ${f.row} 行` : null), SEVERITY_LABEL[f.severity], f.code, f.message, howToFix(f), f.value];
  });
  const columns = ["工作表", "单元格", "级别", "代码", "问题说明", "如何改正", "单元格内容"].map((header) => ({ header, kind: "text" as const }));
  return { name: "问题清单", columns, rows, filter: true, totalRow: false };
}

/** One pack per branch with findings; a file superseded by a newer one of its branch gets none. */
export function returnPacks(report: MergeReport, mask: boolean): ReturnPack[] {
  const used = new Set<string>();
  return report.merge.branches.flatMap((branch, i) => {
    const file = report.files[i];
    const findings = findingsBySheet(file);
    if (branch.verdict === "superseded" || findings.length === 0) return [];
    const base = safeFileName(branch.branch);
    let fileName = `${base}.xlsx`;
    for (let n = 2; used.has(fileName); n++) fileName = `${base}（${n}）.xlsx`;
    used.add(fileName);
    return [{ branch: branch.branch, fileName, model: { asOf: report.asOf, sheets: [coverSheet(branch, file, report.asOf), findingsSheet(findings, mask)] } }];
  });
}
