/**
 * The summary model's sheets: 汇总, one consolidated sheet per ledger (columns
 * derived from the ledger definitions), 问题清单 and 未提交 (概览: overview.ts). Plain data; the
 * writer only renders it.
 */
import { SEVERITY_LABEL } from "../codes";
import type { FieldDef, FieldKind } from "../fields";
import { countBySeverity, type Finding } from "../finding";
import type { LedgerDef, LedgerRow, LedgerSheet } from "../ledger";
import { sheetsOf } from "../ledger";
import { LEDGERS } from "../ledgers";
import { maskFinding, maskId, maskPhone, maskText } from "../mask";
import { allIssues, type FileReport } from "../report";
import { cellAt, columnLetter, lastCol, visibleCellAt, type Cell } from "../table";
import { cellText, squeeze } from "../text";
import { BRANCH_SOURCE_LABEL } from "./branch";
import type { Decision } from "./select";
import { collegeMembers, duesMonthsDue, memberCounts, rosterRows, share, type BranchStats, type TermState } from "./stats";
import type { ColumnKind, ColumnLook, ExcludedRow, MergeReport, SummaryColumn, SummarySheet, SummaryValue } from "./types";
import { VERDICT_LABEL } from "./verdict";

export const SHEET_NAMES = { overview: "概览", summary: "汇总", issues: "问题清单", missing: "未提交" } as const;
/** The columns in front of every consolidated sheet (INTERFACES.md "Summary workbook"). */
export const SOURCE_COLUMNS: readonly SummaryColumn[] = [
  { header: "来源文件", kind: "text" },
  { header: "所在支部", kind: "text" },
  { header: "原行号", kind: "integer" },
];
/** Cells of columns that no ledger field maps, kept as `表头=值` so nothing a branch wrote is lost. */
export const EXTRA_COLUMN = "其他列";

type StatColumn = SummaryColumn & { key: keyof BranchStats; look?: ColumnLook["look"] };
const integer = (key: keyof BranchStats, header: string): StatColumn => ({ key, header, kind: "integer" });
const money = (key: keyof BranchStats, header: string): StatColumn => ({ key, header, kind: "amount" });
const rate = (key: keyof BranchStats, header: string): StatColumn => ({ key, header, kind: "rate", look: "bar" });

/** The figures of 汇总, in order: members by type and category, development, money, training, meetings, the term. */
function statColumns(asOf: string): StatColumn[] {
  const months = duesMonthsDue(asOf);
  return [
    integer("members", "党员人数"),
    integer("full", "正式党员"),
    integer("probationary", "预备党员"),
    integer("staff", "教职工"),
    integer("students", "学生"),
    integer("retirees", "离退休"),
    integer("applicants", "入党申请人"),
    integer("activists", "入党积极分子"),
    integer("candidates", "发展对象"),
    money("duesDue", months > 0 ? `党费应缴（1–${months}月）` : "党费应缴"),
    money("duesPaid", "党费实缴"),
    rate("duesRate", "党费缴纳率"),
    money("fundingEntitlement", "经费标准（按人数）"),
    money("fundingIncome", "经费收入"),
    money("fundingSpent", "经费支出"),
    integer("trainingDone", "学时达标人数"),
    rate("trainingRate", "培训达标率"),
    { ...integer("meetingsMissing", "缺少的会议"), look: "alarm" },
    rate("meetingsRate", "三会一课完成率"),
    { key: "termExpiry", header: "届满日期", kind: "date" },
    { key: "termState", header: "换届状态", kind: "text" },
  ];
}

/** The figures of the college: people once by 身份证号 across branches, sums of the rest, rates of the sums. */
function collegeStats(merged: readonly Decision[], stats: readonly BranchStats[]): BranchStats {
  const sum = (key: keyof BranchStats) => Math.round(stats.reduce((t, s) => t + Number(s[key] ?? 0), 0) * 100) / 100;
  const people = memberCounts(collegeMembers(merged.map((d) => rosterRows(d.input.result!.parsed))));
  return {
    ...people,
    applicants: sum("applicants"),
    activists: sum("activists"),
    candidates: sum("candidates"),
    duesDue: sum("duesDue"),
    duesPaid: sum("duesPaid"),
    duesRate: share(sum("duesPaid"), sum("duesDue")),
    fundingEntitlement: sum("fundingEntitlement"),
    fundingIncome: sum("fundingIncome"),
    fundingSpent: sum("fundingSpent"),
    trainingDone: sum("trainingDone"),
    trainingRate: share(sum("trainingDone"), sum("members")),
    meetingsRequired: sum("meetingsRequired"),
    meetingsMissing: sum("meetingsMissing"),
    meetingsRate: share(Math.max(0, sum("meetingsRequired") - sum("meetingsMissing")), sum("meetingsRequired")),
    termExpiry: null,
    termState: null,
  };
}

/** The college's 换届状态: how many branches are overdue or due within six months. */
function termsOfCollege(stats: readonly BranchStats[]): string {
  const count = (state: TermState) => stats.filter((s) => s.termState === state).length;
  return `已超期 ${count("已超期")}，6 个月内到期 ${count("6 个月内到期")}`;
}

export interface SummaryInput {
  decisions: readonly Decision[];
  stats: Map<Decision, BranchStats>;
  report: MergeReport;
  asOf: string;
}

/**
 * 汇总: one row per submission (the superseded ones too) and per missing branch,
 * each with its status, figures and findings; the total row counts every finding
 * the report counts, so its 错误 and 警告 equal the terminal's and the JSON's.
 */
export function summarySheet({ decisions, stats, report, asOf }: SummaryInput): SummarySheet {
  const figures = statColumns(asOf);
  const lead: SummaryColumn[] = [
    { header: "支部", kind: "text" },
    { header: "状态", kind: "text" },
    { header: "支部名称依据", kind: "text" },
    { header: "来源文件", kind: "text" },
  ];
  const tail: SummaryColumn[] = [
    { header: "错误", kind: "integer" },
    { header: "警告", kind: "integer" },
    { header: "备注", kind: "text" },
  ];
  const columns = [...lead, ...figures.map(({ header, kind }) => ({ header, kind })), ...tail];
  const { merge } = report;
  const rows: SummaryValue[][] = decisions.map((d, i) => {
    const s = stats.get(d);
    const { error, warning } = countBySeverity(allIssues(report.files[i]));
    const b = merge.branches[i];
    return [b.branch, VERDICT_LABEL[b.verdict], BRANCH_SOURCE_LABEL[b.identifiedBy], b.file, ...figures.map((f) => (s ? s[f.key] : null)), error, warning, noteOf(d, decisions) || null];
  });
  for (const name of merge.missing) {
    const { error, warning } = countBySeverity(merge.issues.filter((f) => f.value === name));
    rows.push([name, VERDICT_LABEL.missing, null, null, ...figures.map(() => null), error, warning, "没有收到该支部的台账文件"]);
  }
  const merged = decisions.filter((d) => stats.has(d));
  const branchFigures = merged.map((d) => stats.get(d)!);
  const total = collegeStats(merged, branchFigures);
  const counted = merged.reduce((n, d) => n + stats.get(d)!.members, 0);
  rows.push([
    `合计（已汇总 ${merged.length} 个支部）`,
    null,
    null,
    null,
    ...figures.map((f) => (f.key === "termState" ? termsOfCollege(branchFigures) : total[f.key])),
    report.summary.errors,
    report.summary.warnings,
    counted > total.members ? `同一人在两个支部的花名册中只计一次（各支部合计 ${counted} 人）` : null,
  ]);
  const at = (header: string) => columns.findIndex((c) => c.header === header);
  const looks: ColumnLook[] = [
    { column: at("状态"), look: "verdict" },
    ...figures.flatMap((f) => (f.look ? [{ column: at(f.header), look: f.look }] : [])),
    { column: at("错误"), look: "alarm" },
    { column: at("警告"), look: "alarm" },
  ];
  return { name: SHEET_NAMES.summary, columns, rows, filter: true, totalRow: true, looks };
}

/** What the committee should know beside the figures: the name as written, older files, why unreadable. */
function noteOf(d: Decision, decisions: readonly Decision[]): string {
  const { branch } = d.input;
  const notes: string[] = [];
  if (branch.written !== undefined && branch.written !== branch.name) notes.push(`名称写作“${branch.written}”`);
  if (d.status === "unreadable") notes.push(d.reason ?? "");
  if (d.status === "skipped") notes.push(`已有更新的文件“${d.keptInstead?.file ?? ""}”`);
  for (const o of decisions) if (o.keptInstead === d.input) notes.push(`较旧的文件“${o.input.file}”未汇总`);
  return notes.join("；");
}

const COLUMN_KIND: Record<FieldKind, ColumnKind> = {
  text: "text",
  enum: "text",
  id: "id",
  date: "date",
  amount: "amount",
  number: "number",
  integer: "integer",
  rate: "rate",
  phone: "phone",
};

/** One ledger's rows from every merged branch, behind 来源文件, 所在支部 and 原行号. */
export function consolidatedSheet(ledger: LedgerDef, merged: readonly Decision[], mask: boolean): SummarySheet {
  const fields = ledger.fields;
  const sourceHeaders = new Set(SOURCE_COLUMNS.map((c) => c.header));
  const columns: SummaryColumn[] = [
    ...SOURCE_COLUMNS,
    ...fields.map((f) => ({ header: sourceHeaders.has(f.header) ? `${f.header}（原表）` : f.header, kind: COLUMN_KIND[f.kind] })),
  ];
  const rows: SummaryValue[][] = [];
  let hasExtras = false;
  for (const d of merged) {
    for (const sheet of sheetsOf(d.input.result!.parsed, ledger.key)) {
      const extras = extraColumns(sheet);
      for (const row of sheet.rows) {
        const out = new Array<SummaryValue>(SOURCE_COLUMNS.length + fields.length + 1);
        out[0] = d.input.file;
        out[1] = d.input.branch.name;
        out[2] = row.row;
        fields.forEach((f, i) => (out[SOURCE_COLUMNS.length + i] = protect(fieldValue(sheet, row, f), f.kind, mask)));
        const extraText = extrasOf(sheet, row, extras);
        hasExtras ||= extraText !== "";
        out[out.length - 1] = extraText ? (mask ? maskText(extraText) : extraText) : null;
        rows.push(out);
      }
    }
  }
  if (hasExtras) columns.push({ header: EXTRA_COLUMN, kind: "text" });
  else rows.forEach((r) => r.pop());
  return { name: ledger.title, columns, rows, filter: true, totalRow: false };
}

const NO_CELLS: readonly (Cell | null)[] = Object.freeze([]);

/**
 * A validated sheet with only the cells consolidation reads of its grid: the rows
 * down to the header (names of 其他列, branch titles), then per data row the cells
 * of columns no field maps (其他列) and those whose value could not be read (shown
 * as written, fieldValue). A merge holds every branch's sheets until it writes the
 * summary; the other cells – nearly all of them – are let go after validation.
 */
export function keepForSummary(sheet: LedgerSheet): LedgerSheet {
  const { table, columns } = sheet;
  const fieldAt: (string | undefined)[] = [];
  for (const [key, col] of columns) fieldAt[col - table.origin.col] = key;
  const cells: (Cell | null)[][] = table.cells.map((row, r) => (r < sheet.headerRow - table.origin.row ? row : (NO_CELLS as (Cell | null)[])));
  for (const row of sheet.rows) {
    const r = row.row - 1 - table.origin.row;
    const src = table.cells[r] ?? NO_CELLS;
    let kept: (Cell | null)[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const key = fieldAt[c];
      if (src[c] && (key === undefined || row.values[key] === null || row.values[key] === undefined)) (kept ??= [])[c] = src[c];
    }
    if (kept) cells[r] = kept;
  }
  return { ...sheet, table: { ...table, cells } };
}

/** A row's cells in columns no field maps, as `表头=值；…` (blank cells left out). */
function extrasOf(sheet: LedgerSheet, row: LedgerRow, extras: readonly [string, number][]): string {
  let text = "";
  for (const [header, col] of extras) {
    const value = cellText(cellAt(sheet.table, row.row - 1, col));
    if (value !== "") text += `${text ? "；" : ""}${header}=${value}`;
  }
  return text;
}

/** The typed value; when it could not be read (its cell has a finding), the text as written. */
function fieldValue(sheet: LedgerSheet, row: LedgerRow, f: FieldDef): SummaryValue {
  const v = row.values[f.key];
  if (v !== null && v !== undefined) return f.kind === "date" && row.monthOnly.has(f.key) ? String(v).slice(0, 7) : v;
  const col = sheet.columns.get(f.key);
  if (col === undefined) return null;
  return cellText(cellAt(sheet.table, row.row - 1, col)) || null;
}

function protect(value: SummaryValue, kind: FieldKind, mask: boolean): SummaryValue {
  if (!mask || value === null) return value;
  if (kind === "id") return maskId(String(value));
  if (kind === "phone") return maskPhone(String(value));
  return value;
}

const NUMBERING = /^(序号|编号|no\.?)$/i;

/** Columns of a ledger sheet that no field maps, by their header text (序号 aside). */
function extraColumns(sheet: LedgerSheet): [string, number][] {
  const mapped = new Set(sheet.columns.values());
  const out: [string, number][] = [];
  for (let c = sheet.table.origin.col; c <= lastCol(sheet.table); c++) {
    if (mapped.has(c)) continue;
    const header = squeeze(cellText(visibleCellAt(sheet.table, sheet.headerRow - 1, c)));
    if (NUMBERING.test(header)) continue;
    out.push([header || `${columnLetter(c)}列`, c]);
  }
  return out;
}

export function consolidatedSheets(merged: readonly Decision[], mask: boolean): SummarySheet[] {
  return LEDGERS.map((ledger) => consolidatedSheet(ledger, merged, mask));
}

const ISSUE_COLUMNS: SummaryColumn[] = [
  { header: "来源文件", kind: "text" },
  { header: "所在支部", kind: "text" },
  { header: "工作表", kind: "text" },
  { header: "单元格", kind: "text" },
  { header: "级别", kind: "text" },
  { header: "代码", kind: "text" },
  { header: "问题说明", kind: "text" },
  { header: "单元格内容", kind: "text" },
];

/** Every finding of every file (merge findings included), every excluded row with its reason, and the findings about no file. */
export function issuesSheet(
  entries: readonly { file: FileReport; branch: string }[],
  excluded: readonly ExcludedRow[],
  general: readonly Finding[],
  mask: boolean,
): SummarySheet {
  const findingRow = (file: string | null, branch: string | null, finding: Finding): SummaryValue[] => {
    const f = mask ? maskFinding(finding) : finding;
    return [file, branch, f.sheet, f.cell ?? (f.row !== null ? `第 ${f.row} 行` : null), SEVERITY_LABEL[f.severity], f.code, f.message, f.value];
  };
  const rows: SummaryValue[][] = [];
  for (const { file, branch } of entries) {
    for (const sheet of file.sheets) for (const f of sheet.issues) rows.push(findingRow(file.file, branch, f));
  }
  const branchOf = new Map(entries.map((e) => [e.file.file, e.branch]));
  for (const x of excluded) {
    rows.push([x.file, branchOf.get(x.file) ?? null, x.sheet, `第 ${x.row} 行`, SEVERITY_LABEL.info, "merge.superseded", `未汇总：${x.reason}`, null]);
  }
  for (const f of general) rows.push(findingRow(null, f.value, f));
  return { name: SHEET_NAMES.issues, columns: ISSUE_COLUMNS, rows, filter: true, totalRow: false };
}

export function missingSheet(expected: readonly string[] | undefined, missing: readonly string[]): SummarySheet {
  const rows: SummaryValue[][] = expected
    ? missing.map((name) => [name, "没有收到该支部的台账文件"])
    : [["（未提供应交支部名单，未核对哪些支部没有提交）", null]];
  return { name: SHEET_NAMES.missing, columns: [{ header: "支部", kind: "text" }, { header: "说明", kind: "text" }], rows, filter: true, totalRow: false };
}
