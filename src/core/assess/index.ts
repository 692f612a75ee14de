/**
 * 考核评分 (issue 16): the branches of a merge scored on the profile's
 * assessment table – proposed from the ledgers where they evidence an item,
 * blank for the group elsewhere – then the group's typed scores laid over,
 * totals, grade and veto computed. Pure; the CLI and the merge call it.
 */
import type { IsoDate } from "../dates";
import { branchKey } from "../merge/branch";
import { decide } from "../merge/select";
import type { CheckedInput, SummaryModel } from "../merge/types";
import { allIssues } from "../report";
import type { CheckContext } from "./checks";
import { applyTyped, assessLedgers, unassessed, type BranchAssessment, type TypedRow } from "./score";
import { assessmentSheet, tableSheet } from "./sheet";
import { assessmentTableFor, type AssessmentTable } from "./table";

export { assessmentTableFor, parseAssessmentTable, tableName, AssessmentTableError, BUILTIN_TABLES, type AssessmentTable } from "./table";
export { readTypedScores, ScoresFileError, ASSESS_SHEET, TABLE_SHEET } from "./sheet";
export { totals, type BranchAssessment, type Totals } from "./score";

/** One assessment per branch submitted: its newest file scored, an unreadable file with every item open. */
export function assessInputs(checked: readonly CheckedInput[], table: AssessmentTable, ctx: CheckContext): BranchAssessment[] {
  return decide(checked)
    .filter((d) => d.status !== "skipped")
    .map((d) =>
      d.status === "merged"
        ? assessLedgers(d.input.branch.name, d.input.file, { parsed: d.input.result!.parsed, findings: allIssues(d.input.report) }, table, ctx)
        : unassessed(d.input.branch.name, d.input.file, d.reason ?? "无法读取", table),
    );
}

/**
 * The group's scores over the assessments, matched by branch name. A branch in
 * the scores file but not among the ledgers keeps its row as the group left it.
 */
export function withTypedScores(
  assessments: readonly BranchAssessment[],
  typed: readonly TypedRow[],
  table: AssessmentTable,
  label: string,
): { assessments: BranchAssessment[]; problems: string[] } {
  const byBranch = new Map(typed.map((t) => [branchKey(t.branch), t]));
  const problems: string[] = [];
  const overlay = (a: BranchAssessment, t: TypedRow | undefined) => {
    if (!t) return a;
    const done = applyTyped(a, t, table, label);
    problems.push(...done.problems);
    return done.assessment;
  };
  const known = new Set(assessments.map((a) => branchKey(a.branch)));
  const fromLedgers = assessments.map((a) => overlay(a, byBranch.get(branchKey(a.branch))));
  const onlyTyped = typed
    .filter((t) => !known.has(branchKey(t.branch)))
    .map((t) => overlay(unassessed(t.branch, t.file, assessments.length > 0 ? "本次没有该支部的台账，沿用考核表中已填的内容" : "", table), t))
    .map((a) => ({ ...a, notes: a.notes.filter(Boolean) }));
  return { assessments: [...fromLedgers, ...onlyTyped], problems };
}

/** The assessment of a merge on the profile's table (throws AssessmentTableError for a table that is not valid). */
export function assessMerge(checked: readonly CheckedInput[], ctx: CheckContext): { table: AssessmentTable; assessments: BranchAssessment[]; model: SummaryModel } {
  const table = assessmentTableFor(ctx.profile.assessment);
  const assessments = assessInputs(checked, table, ctx);
  return { table, assessments, model: assessmentModel(assessments, table, ctx.asOf) };
}

/** The assessment workbook: 考核 and 评分表. */
export function assessmentModel(assessments: readonly BranchAssessment[], table: AssessmentTable, asOf: IsoDate): SummaryModel {
  return { asOf, sheets: [assessmentSheet(assessments, table), tableSheet(table)] };
}
