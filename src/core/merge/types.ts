/**
 * Types of the consolidation (issue 6): branch workbooks in, the merge report
 * (INTERFACES.md "Merge report") and a host-free summary model out. The model
 * is plain data; src/io/summary-xlsx.ts and the add-in render it.
 */
import type { IsoDate } from "../dates";
import type { WorkbookResult } from "../engine";
import type { Finding } from "../finding";
import type { LedgerKey } from "../ledger";
import type { Profile } from "../profile";
import type { FileReport, ValidationReport } from "../report";
import type { TemplateMarker, Workbook } from "../table";
import type { BranchVerdict } from "./verdict";

/** One submitted file: the workbook read from it, or why it could not be read. */
export type MergeInput =
  | { file: string; /** File modification time, ms since epoch (from io). */ modified?: number; workbook: Workbook }
  | { file: string; modified?: number; error: string };

/** Where the branch name of a submission was found. */
export type BranchSource = "roster" | "marker" | "title" | "file";

/** How a submission's name matched the list of expected branches (--expect). */
export type BranchMatch = "exact" | "normalised" | "fuzzy";

export interface BranchIdentity {
  name: string;
  source: BranchSource;
  /** The name as the submission wrote it, when it was matched to a listed name. */
  written?: string;
  match?: BranchMatch;
}

/** A submission after validation: what the merge decides on. */
export interface CheckedInput {
  file: string;
  modified: number | null;
  /** The validation report of this file (status unreadable when it could not be read). */
  report: FileReport;
  /** null when the file could not be read or holds no ledger. */
  result: WorkbookResult | null;
  marker: TemplateMarker | null;
  branch: BranchIdentity;
  /** Every name the submission was found under, the most trusted first (branch is the first, or the listed name it matched). */
  candidates: BranchIdentity[];
  /** The latest (non-future) date in the workbook's ledgers: how recent the submission is. */
  latestDate: IsoDate | null;
}

export interface MergeOptions {
  profile: Profile;
  asOf: IsoDate;
  /** Tool version, for the report. */
  version: string;
  /** Branches expected this period (--expect); none = no missing-branch check. */
  expected?: readonly string[];
  /** Name of the summary workbook, for the report. */
  output?: string | null;
  /** Mask ID numbers and phone numbers in the summary model. */
  mask?: boolean;
}

export type BranchStatus = "merged" | "unreadable" | "skipped";

export interface MergeBranch {
  branch: string;
  file: string;
  status: BranchStatus;
  /** Where the branch name was found: roster 所在支部, template marker, title row or file name. */
  identifiedBy: BranchSource;
  /** Roster rows of the file (0 when unreadable). */
  members: number;
  /** Where the branch stands: pass (可通过), return (需退回), unreadable, superseded. */
  verdict: BranchVerdict;
  /** How its name matched the --expect list, and the name as written when that differs. */
  match?: BranchMatch;
  writtenName?: string;
  /** Why a file was skipped or could not be read. */
  reason?: string;
}

export interface RowCounts {
  inputRows: number;
  mergedRows: number;
  excludedRows: number;
}

/** A data row read but not merged, and why. */
export interface ExcludedRow {
  file: string;
  sheet: string;
  ledger: LedgerKey;
  row: number;
  reason: string;
}

export interface Reconciliation extends RowCounts {
  ledgers: Record<LedgerKey, RowCounts>;
  excluded: ExcludedRow[];
}

export interface MergeSection {
  output: string | null;
  branches: MergeBranch[];
  missing: string[];
  /** Branches by verdict, the missing ones included: the totals every view shows. */
  totals: Record<BranchVerdict, number>;
  reconciliation: Reconciliation;
  /** Findings about no single file (merge.missing-branch). */
  issues: Finding[];
}

export interface MergeReport extends ValidationReport {
  merge: MergeSection;
}

/** How a summary column is written: text, ID text (@), amounts with two decimals … */
export type ColumnKind = "text" | "id" | "phone" | "date" | "amount" | "number" | "integer" | "rate";

/** The number format of each kind, the same in the written file and in the sheets the add-in inserts. */
export const COLUMN_FORMAT: Readonly<Record<ColumnKind, string>> = {
  text: "@",
  id: "@",
  phone: "@",
  date: "yyyy-mm-dd",
  amount: "0.00",
  number: "General",
  integer: "0",
  rate: "0.00%",
};

export interface SummaryColumn {
  header: string;
  kind: ColumnKind;
  /** A set width, its text wrapped within it; fitted to the content when not given. */
  width?: ColumnWidth;
  /** Its empty cells are for the reader to fill in: shaded, as the templates mark what to fill. */
  toFill?: boolean;
}

/** narrow: a score to read or type; prose: evidence and notes; long: a passage (an item's full text). */
export type ColumnWidth = "narrow" | "prose" | "long";

/** The widths a column may ask for, in characters: the same in the written file and in the sheets the add-in inserts. */
export const SET_WIDTH: Readonly<Record<ColumnWidth, number>> = { narrow: 11, prose: 36, long: 60 };

export type SummaryValue = string | number | null;

export interface SummarySheet {
  name: string;
  columns: SummaryColumn[];
  rows: SummaryValue[][];
  /** Autofilter over the header (every consolidated sheet and the lists). */
  filter: boolean;
  /** The last row is a total row (written bold). */
  totalRow: boolean;
  /** Columns shown at a glance (conditional formats), over the rows above any total row. */
  looks?: ColumnLook[];
  /** A sheet to read on paper and fill in (the assessment's 考核 and 评分表): laid out as a form. */
  form?: FormLayout;
}

/** A form: every cell wrapped and top-aligned, each row as tall as its text, the header centred. */
export interface FormLayout {
  /** Columns frozen beside the header row (the branch column of 考核). */
  frozenColumns: number;
  /** Pages wide when printed: more than 1 for a sheet too wide to read on one. */
  pagesWide: number;
}

/**
 * bar: a data bar over a rate (培训达标率 …); alarm: a colour scale from white to
 * red over a count of problems; verdict: each status label in its colour.
 */
export interface ColumnLook {
  column: number;
  look: "bar" | "alarm" | "verdict";
}

/** The colours of the looks (ARGB), the same in the written file and in the sheets the add-in inserts. */
export const LOOK_COLOR = {
  /** The data bar over a rate. */
  bar: "FF5B9BD5",
  /** The colour scale over a count of problems, from none to the most. */
  alarmLow: "FFFFFFFF",
  alarmHigh: "FFF8696B",
  /** The empty cells of a form the reader fills in: a pale yellow, as the templates mark what to fill. */
  toFill: "FFFFF2CC",
} as const;

export interface SummaryModel {
  /** The as-of date, printed in every page footer. */
  asOf: IsoDate;
  sheets: SummarySheet[];
}

export interface MergeOutcome {
  report: MergeReport;
  summary: SummaryModel;
}
