/**
 * Step one of a merge, one file at a time (so a caller can show progress and
 * let go of the bytes): validate with the shared rules, name the branch, date
 * the submission, and keep of each sheet only the cells the summary shows
 * (keepForSummary). Never re-implements a rule: validation is reportWorkbook.
 */
import type { ValidateOptions } from "../engine";
import { holdsLedgers, reportWorkbook, unreadableReport } from "../report";
import { identifyBranch, latestLedgerDate } from "./branch";
import { keepForSummary } from "./sheets";
import type { CheckedInput, MergeInput } from "./types";

export function checkInput(input: MergeInput, options: ValidateOptions): CheckedInput {
  const modified = input.modified ?? null;
  if ("error" in input) {
    return {
      file: input.file,
      modified,
      report: unreadableReport(input.file, input.error),
      result: null,
      marker: null,
      branch: identifyBranch(null, null, input.file),
      latestDate: null,
    };
  }
  const { report, result } = reportWorkbook(input.workbook, options);
  const readable = holdsLedgers(report);
  const marker = input.workbook.marker ?? null;
  return {
    file: input.file,
    modified,
    report: { ...report, file: input.file },
    result: readable ? { ...result, parsed: { ...result.parsed, sheets: result.parsed.sheets.map(keepForSummary), others: [] } } : null,
    marker,
    branch: identifyBranch(readable ? result.parsed : null, marker, input.file),
    latestDate: readable ? latestLedgerDate(result.parsed) : null,
  };
}
