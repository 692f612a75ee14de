/**
 * Step one of a merge, one file at a time (so a caller can show progress and
 * let go of the bytes): validate with the shared rules, name the branch, date
 * the submission, and keep of each sheet only the cells the summary shows
 * (keepForSummary). Never re-implements a rule: validation is reportWorkbook.
 */
import type { ValidateOptions } from "../engine";
import { holdsLedgers, reportWorkbook, unreadableReport } from "../report";
import { branchCandidates, latestLedgerDate } from "./branch";
import { keepForSummary } from "./sheets";
import type { CheckedInput, MergeInput } from "./types";

export function checkInput(input: MergeInput, options: ValidateOptions): CheckedInput {
  const modified = input.modified ?? null;
  if ("error" in input) {
    const candidates = branchCandidates(null, null, input.file);
    return {
      file: input.file,
      modified,
      report: unreadableReport(input.file, input.error),
      result: null,
      marker: null,
      branch: candidates[0],
      candidates,
      latestDate: null,
    };
  }
  const { report, result } = reportWorkbook(input.workbook, options);
  const readable = holdsLedgers(report);
  const marker = input.workbook.marker ?? null;
  const candidates = branchCandidates(readable ? result.parsed : null, marker, input.file);
  return {
    file: input.file,
    modified,
    report: { ...report, file: input.file },
    result: readable ? { ...result, parsed: { ...result.parsed, sheets: result.parsed.sheets.map(keepForSummary), others: [] } } : null,
    marker,
    branch: candidates[0],
    candidates,
    latestDate: readable ? latestLedgerDate(result.parsed) : null,
  };
}
