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
import { sheetsOf } from "../ledger";
import { buildReport, holdsLedgers, readStatus, type FileReport } from "../report";
import { checkInput } from "./check";
import { duplicatePersonFindings, missingBranches, staleTemplateFindings, supersededFindings, unreadableFindings, type FileFindings } from "./cross";
import { reconcile } from "./reconcile";
import { decide, type Decision } from "./select";
import { consolidatedSheets, issuesSheet, missingSheet, summarySheet } from "./sheets";
import { branchStats, type BranchStats } from "./stats";
import type { CheckedInput, MergeInput, MergeOptions, MergeOutcome, MergeReport, MergeSection, SummaryModel } from "./types";

export { checkInput } from "./check";
export { branchFromFileName, identifyBranch, BRANCH_SOURCE_LABEL } from "./branch";
export { SHEET_NAMES, SOURCE_COLUMNS, EXTRA_COLUMN } from "./sheets";
export * from "./types";

export function mergeWorkbooks(inputs: readonly MergeInput[], options: MergeOptions): MergeOutcome {
  return mergeChecked(
    inputs.map((i) => checkInput(i, options)),
    options,
  );
}

export function mergeChecked(inputs: readonly CheckedInput[], options: MergeOptions): MergeOutcome {
  const decisions = decide(inputs);
  const extra = crossFindings(decisions);
  const files = decisions.map((d) => withFindings(d.input.report, extra.get(d.input) ?? []));
  const { missing, findings: general } = missingBranches(options.expected ?? [], inputs);
  const reconciliation = reconcile(decisions);
  const merge: MergeSection = {
    output: options.output ?? null,
    branches: decisions.map((d) => ({
      branch: d.input.branch.name,
      file: d.input.file,
      status: d.status,
      identifiedBy: d.input.branch.source,
      members: d.input.result ? memberCount(d.input) : 0,
      ...(d.reason ? { reason: d.reason } : {}),
    })),
    missing,
    reconciliation,
    issues: general,
  };
  return { report: mergeReport(files, merge, options), summary: summaryModel(decisions, files, merge, options) };
}

/** The findings of the merge scope, by the file they concern. */
function crossFindings(decisions: readonly Decision[]): FileFindings {
  const extra: FileFindings = new Map();
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

function summaryModel(decisions: readonly Decision[], files: FileReport[], merge: MergeSection, options: MergeOptions): SummaryModel {
  const stats = new Map<Decision, BranchStats>();
  decisions.forEach((d, i) => {
    if (d.status === "merged") stats.set(d, branchStats(d.input.result!.parsed, files[i], options.profile, options.asOf));
  });
  const mask = options.mask ?? false;
  return {
    sheets: [
      summarySheet(decisions, stats, options.asOf),
      ...consolidatedSheets(
        decisions.filter((d) => d.status === "merged"),
        mask,
      ),
      issuesSheet(
        decisions.map((d, i) => ({ file: files[i], branch: d.input.branch.name })),
        merge.reconciliation.excluded,
        merge.issues,
        mask,
      ),
      missingSheet(options.expected, merge.missing),
    ],
  };
}

const memberCount = (input: CheckedInput) => sheetsOf(input.result!.parsed, "roster").reduce((n, s) => n + s.rows.length, 0);

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
