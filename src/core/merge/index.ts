/**
 * Consolidation (issue 6): branch workbooks in, the merge report and the
 * summary model out. Pure – the CLI (src/cli/commands/merge.ts) and the add-in
 * read files their own way and call the same functions.
 *
 *   checkInput(file)      validate with the shared rules, name the branch, date it
 *   mergeChecked(checked) pick one file per branch, cross-branch checks,
 *                         reconciliation, 汇总 / ledgers / 问题清单 / 未提交
 */
import { compareFindings, countBySeverity, type Finding } from "../finding";
import { buildReport, holdsLedgers, readStatus, type FileReport } from "../report";
import { checkInput } from "./check";
import { duplicatePersonFindings, missingBranches, staleTemplateFindings, supersededFindings, unreadableFindings, type FileFindings } from "./cross";
import { reconcile } from "./reconcile";
import { decide, type Decision } from "./select";
import { resolveBranches } from "./identity";
import { overviewSheet } from "./overview";
import { consolidatedSheets, issuesSheet, missingSheet, summarySheet } from "./sheets";
import { branchStats, rosterRows, type BranchStats } from "./stats";
import { onePerPerson } from "../members";
import type { CheckedInput, MergeBranch, MergeInput, MergeOptions, MergeOutcome, MergeReport, MergeSection, SummaryModel } from "./types";
import { countVerdicts, verdictOf, type BranchVerdict } from "./verdict";

export { checkInput } from "./check";
export { branchFromFileName, branchCandidates, BRANCH_SOURCE_LABEL } from "./branch";
export { matchExpected, normaliseBranchName } from "./identity";
export { SHEET_NAMES, SOURCE_COLUMNS, EXTRA_COLUMN } from "./sheets";
export { returnPacks, howToFix, type ReturnPack } from "./returns";
export { branchesByVerdict, frequentCodes } from "./overview";
export * from "./types";
export { VERDICT_FILL, VERDICT_LABEL, VERDICTS, type BranchVerdict } from "./verdict";

export function mergeWorkbooks(inputs: readonly MergeInput[], options: MergeOptions): MergeOutcome {
  return mergeChecked(
    inputs.map((i) => checkInput(i, options)),
    options,
  );
}

export function mergeChecked(checked: readonly CheckedInput[], options: MergeOptions): MergeOutcome {
  const { inputs, findings: naming } = resolveBranches(checked, options.expected);
  const decisions = decide(inputs);
  const extra = crossFindings(decisions, naming);
  const files = decisions.map((d) => withFindings(d.input.report, extra.get(d.input) ?? []));
  const { missing, findings: general } = missingBranches(options.expected ?? [], inputs);
  const reconciliation = reconcile(decisions);
  const branches: MergeBranch[] = decisions.map((d, i) => {
    const { branch } = d.input;
    return {
      branch: branch.name,
      file: d.input.file,
      status: d.status,
      identifiedBy: branch.source,
      members: d.input.result ? onePerPerson(rosterRows(d.input.result.parsed)).length : 0,
      verdict: verdictOf(d.status, files[i]),
      ...(branch.match ? { match: branch.match } : {}),
      ...(branch.written !== undefined && branch.written !== branch.name ? { writtenName: branch.written } : {}),
      ...(d.reason ? { reason: d.reason } : {}),
    };
  });
  const merge: MergeSection = {
    output: options.output ?? null,
    branches,
    missing,
    totals: countVerdicts([...branches.map((b) => b.verdict), ...missing.map((): BranchVerdict => "missing")]),
    reconciliation,
    issues: general,
  };
  const report = mergeReport(files, merge, options);
  return { report, summary: summaryModel(decisions, report, options) };
}

/** The findings of the merge scope, by the file they concern (naming: those of resolveBranches). */
function crossFindings(decisions: readonly Decision[], naming: FileFindings): FileFindings {
  const extra: FileFindings = new Map(naming);
  unreadableFindings(decisions, extra);
  supersededFindings(decisions, extra);
  staleTemplateFindings(decisions, extra);
  duplicatePersonFindings(decisions, extra);
  return extra;
}

/** The validation report of every input plus the merge section; the counts include the findings about no file. */
function mergeReport(files: FileReport[], merge: MergeSection, options: MergeOptions): MergeReport {
  const validation = buildReport({ version: options.version, asOf: options.asOf, profile: options.profile.name }, files);
  const general = countBySeverity(merge.issues);
  const { summary } = validation;
  return {
    ...validation,
    summary: { ...summary, errors: summary.errors + general.error, warnings: summary.warnings + general.warning, infos: summary.infos + general.info },
    merge,
  };
}

function summaryModel(decisions: readonly Decision[], report: MergeReport, options: MergeOptions): SummaryModel {
  const stats = new Map<Decision, BranchStats>();
  decisions.forEach((d, i) => {
    if (d.status === "merged") stats.set(d, branchStats(d.input.result!.parsed, report.files[i], options.profile, options.asOf));
  });
  const mask = options.mask ?? false;
  const { merge } = report;
  const summary = summarySheet({ decisions, stats, report, asOf: options.asOf });
  return {
    asOf: options.asOf,
    sheets: [
      overviewSheet(report, summary),
      summary,
      ...consolidatedSheets(
        decisions.filter((d) => d.status === "merged"),
        mask,
      ),
      issuesSheet(
        decisions.map((d, i) => ({ file: report.files[i], branch: d.input.branch.name })),
        merge.reconciliation.excluded,
        merge.issues,
        mask,
      ),
      missingSheet(options.expected, merge.missing),
    ],
  };
}


/** The file's report with the merge findings placed in their sheets (or the whole-file group). */
function withFindings(report: FileReport, findings: readonly Finding[]): FileReport {
  if (findings.length === 0) return report;
  const sheets = report.sheets.map((s) => ({ ...s, issues: [...s.issues] }));
  for (const f of findings) {
    let target = sheets.find((s) => s.sheet === f.sheet);
    if (!target) {
      target = { sheet: null, ledger: null, headerRow: null, rows: 0, issues: [] };
      sheets.push(target);
    }
    target.issues.push(f);
  }
  for (const s of sheets) s.issues.sort(compareFindings);
  const status = holdsLedgers(report) ? readStatus(sheets) : report.status;
  return { ...report, status, sheets };
}
