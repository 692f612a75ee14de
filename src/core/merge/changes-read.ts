/**
 * A summary workbook (this merge's model, or the last one read back from its
 * file) as a snapshot to compare: per branch its status, people, dues months
 * paid, training hours, meetings and findings. Columns are found by the
 * ledger definitions' headers – the ones the summary writes – so a summary
 * of an older version with fewer sheets or columns is read for what it has.
 */
import { VERDICT_LABEL } from "./verdict";
import { fromExcelSerial, type IsoDate } from "../dates";
import type { LedgerDef } from "../ledger";
import { dues, meetings, roster, training } from "../ledgers";
import { MONTH_KEYS } from "../ledgers/dues";
import { maskText } from "../mask";
import { tableFromRows, type Cell, type Table, type Workbook } from "../table";
import { cellText, squeeze } from "../text";
import { branchKey } from "./branch";
import { SHEET_NAMES, SOURCE_COLUMNS } from "./sheets";
import type { SummaryModel } from "./types";

export interface PersonSnap {
  name: string;
  /** The ID number when written in full (not masked). */
  id: string | null;
  birthDate: IsoDate | null;
  branch: string;
  memberType: string | null;
  category: string | null;
  post: string | null;
  phone: string | null;
}

export interface BranchSnap {
  name: string;
  /** Merged in this summary (汇总 状态 可通过 or 需退回). */
  merged: boolean;
  /** Person (by name) → months paid. */
  duesPaid: Map<string, { name: string; months: Set<number> }>;
  /** Person → training hours recorded. */
  hours: Map<string, { name: string; hours: number }>;
  /** Meetings as 日期 类型：主题. */
  meetings: Set<string>;
  /** Findings as 工作表｜代码｜问题说明 → the text shown. */
  findings: Map<string, string>;
}

export interface Snapshot {
  branches: Map<string, BranchSnap>;
  people: PersonSnap[];
  /** What could not be compared, in zh-CN (an older summary without a sheet or column). */
  gaps: string[];
}

export class SummaryFileError extends Error {}

const HEADER_ROWS = 5;
const BRANCH = SOURCE_COLUMNS[1].header;
/** The 状态 of a merged branch: 可通过 or 需退回 now, 已汇总 in summaries of earlier versions. */
const STATUS_MERGED: ReadonlySet<string> = new Set([VERDICT_LABEL.pass, VERDICT_LABEL.return, "已汇总"]);

/** This merge's model as the workbook it writes (dates as ISO text, which the reader takes as they are). */
export function modelWorkbook(model: SummaryModel, name: string): Workbook {
  return { name, sheets: model.sheets.map((s) => tableFromRows(s.name, [s.columns.map((c) => c.header), ...s.rows])) };
}

interface SheetReader {
  rows: (Cell | null)[][];
  /** 0-based grid column of a header, or undefined. */
  col: (header: string) => number | undefined;
}

function readerOf(table: Table | undefined, must: string): SheetReader | null {
  if (!table) return null;
  const at = table.cells.slice(0, HEADER_ROWS).findIndex((row) => row.some((c) => squeeze(cellText(c)) === must));
  if (at < 0) return null;
  const columns = new Map<string, number>();
  table.cells[at].forEach((c, i) => {
    const h = squeeze(cellText(c));
    if (h && !columns.has(h)) columns.set(h, i);
  });
  return { rows: table.cells.slice(at + 1), col: (header) => columns.get(squeeze(header)) };
}

/** A ledger field's column: its header, or `header（原表）` where a source column took the name. */
function fieldCol(reader: SheetReader, ledger: LedgerDef, key: string): number | undefined {
  const header = ledger.fields.find((f) => f.key === key)!.header;
  return SOURCE_COLUMNS.some((c) => c.header === header) ? reader.col(`${header}（原表）`) : reader.col(header);
}

const textAt = (row: (Cell | null)[], col: number | undefined): string | null => (col === undefined ? null : cellText(row[col] ?? null).trim() || null);

function dateAt(row: (Cell | null)[], col: number | undefined): IsoDate | null {
  if (col === undefined) return null;
  const v = row[col]?.value;
  if (typeof v === "number") return fromExcelSerial(v);
  return typeof v === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(v.trim()) ? v.trim() : null;
}

function numberAt(row: (Cell | null)[], col: number | undefined): number | null {
  if (col === undefined) return null;
  const v = row[col]?.value;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** An ID written in full: a masked one (110101********1234) identifies no one. */
const fullId = (id: string | null): string | null => (id && !id.includes("*") ? squeeze(id).toUpperCase() : null);

/**
 * The snapshot of a summary. Refused (SummaryFileError, zh-CN) when the file is
 * no taizhang summary: without 汇总 and 党员花名册 there is nothing to compare.
 */
export function summarySnapshot(workbook: Workbook, label: string): Snapshot {
  const sheet = (name: string) => workbook.sheets.find((s) => s.name === name);
  const summary = readerOf(sheet(SHEET_NAMES.summary), "状态");
  const members = readerOf(sheet(roster.title), BRANCH);
  if (!summary || !members || fieldCol(members, roster, "name") === undefined) {
    throw new SummaryFileError(
      `${label} 不是 taizhang 生成的汇总工作簿（没有带表头的“${SHEET_NAMES.summary}”和“${roster.title}”工作表），无法比较变化；请指定上次用 taizhang merge 生成的汇总文件`,
    );
  }
  const gaps: string[] = [];
  const gap: Gap = (title, what) => gaps.push(`${label} 没有“${title}”工作表，未比较${what}`);
  const branches = new Map<string, BranchSnap>();
  const branchOf = (name: string): BranchSnap => {
    const key = branchKey(name);
    let b = branches.get(key);
    if (!b) branches.set(key, (b = { name, merged: false, duesPaid: new Map(), hours: new Map(), meetings: new Set(), findings: new Map() }));
    return b;
  };

  const branchCol = summary.col("支部");
  const statusCol = summary.col("状态");
  for (const row of summary.rows) {
    const name = textAt(row, branchCol);
    if (!name || name.startsWith("合计")) continue;
    const b = branchOf(name);
    b.merged ||= STATUS_MERGED.has(textAt(row, statusCol) ?? "");
  }

  const people = readPeople(members);
  readDues(readerOf(sheet(dues.title), BRANCH), branchOf, gap);
  readTraining(readerOf(sheet(training.title), BRANCH), branchOf, gap);
  readMeetings(readerOf(sheet(meetings.title), BRANCH), branchOf, gap);
  readFindings(readerOf(sheet(SHEET_NAMES.issues), "代码"), branchOf, gap);
  if (fieldCol(members, roster, "idNumber") === undefined && fieldCol(members, roster, "birthDate") === undefined) {
    gaps.push(`${label} 的党员花名册没有身份证号和出生日期，只能按姓名比较`);
  }
  return { branches, people, gaps };
}

function readPeople(r: SheetReader): PersonSnap[] {
  const col = (key: string) => fieldCol(r, roster, key);
  const [name, id, birth, type, category, post, phone] = ["name", "idNumber", "birthDate", "memberType", "category", "post", "phone"].map(col);
  const branch = r.col(BRANCH);
  return r.rows.flatMap((row): PersonSnap[] => {
    const n = textAt(row, name);
    if (!n) return [];
    return [
      {
        name: n,
        id: fullId(textAt(row, id)),
        birthDate: dateAt(row, birth),
        branch: textAt(row, branch) ?? "",
        memberType: textAt(row, type),
        category: textAt(row, category),
        post: textAt(row, post),
        phone: textAt(row, phone),
      },
    ];
  });
}

type BranchOf = (name: string) => BranchSnap;
/** Within a branch, dues and training rows are compared by name: an ID may be masked on one side. */
const personKey = (name: string) => squeeze(name);
type Gap = (title: string, what: string) => void;

/** Each row of a per-person sheet that names its branch and person, with the key of that person in the branch. */
function eachPersonRow(r: SheetReader, ledger: LedgerDef, branchOf: BranchOf, visit: (branch: BranchSnap, key: string, name: string, row: (Cell | null)[]) => void): void {
  for (const row of r.rows) {
    const branch = textAt(row, r.col(BRANCH));
    const name = textAt(row, fieldCol(r, ledger, "name"));
    if (branch && name) visit(branchOf(branch), personKey(name), name, row);
  }
}

function readDues(r: SheetReader | null, branchOf: BranchOf, gap: Gap): void {
  if (!r) return gap(dues.title, "党费");
  const months = MONTH_KEYS.map((k) => fieldCol(r, dues, k));
  eachPersonRow(r, dues, branchOf, (branch, key, name, row) => {
    const entry = branch.duesPaid.get(key) ?? { name, months: new Set<number>() };
    months.forEach((c, i) => {
      if ((numberAt(row, c) ?? 0) > 0) entry.months.add(i + 1);
    });
    branch.duesPaid.set(key, entry);
  });
}

function readTraining(r: SheetReader | null, branchOf: BranchOf, gap: Gap): void {
  if (!r) return gap(training.title, "学时");
  const hours = fieldCol(r, training, "hours");
  eachPersonRow(r, training, branchOf, (branch, key, name, row) => {
    const entry = branch.hours.get(key) ?? { name, hours: 0 };
    entry.hours += numberAt(row, hours) ?? 0;
    branch.hours.set(key, entry);
  });
}

function readMeetings(r: SheetReader | null, branchOf: BranchOf, gap: Gap): void {
  if (!r) return gap(meetings.title, "会议");
  for (const row of r.rows) {
    const branch = textAt(row, r.col(BRANCH));
    if (!branch) continue;
    const date = dateAt(row, fieldCol(r, meetings, "date")) ?? textAt(row, fieldCol(r, meetings, "date")) ?? "";
    branchOf(branch).meetings.add(`${date} ${textAt(row, fieldCol(r, meetings, "type")) ?? ""}：${textAt(row, fieldCol(r, meetings, "topic")) ?? ""}`);
  }
}

/**
 * A finding the same from one summary to the next: compared masked (a summary written with --mask
 * compares with one without) and without its dates as written (截至 the as-of date changes each run).
 */
const findingKey = (message: string): string => maskText(message).replace(/\d{4}-\d{2}-\d{2}/g, "");

function readFindings(r: SheetReader | null, branchOf: BranchOf, gap: Gap): void {
  if (!r) return gap(SHEET_NAMES.issues, "问题");
  const [sheet, code, message] = ["工作表", "代码", "问题说明"].map((h) => r.col(h));
  for (const row of r.rows) {
    const branch = textAt(row, r.col(BRANCH));
    const c = textAt(row, code);
    // merge.* findings are about the merge itself (a superseded file, a missing branch), not the branch's ledgers.
    if (!branch || !c || c.startsWith("merge.")) continue;
    const text = textAt(row, message) ?? "";
    branchOf(branch).findings.set(`${textAt(row, sheet) ?? ""}｜${c}｜${findingKey(text)}`, `${textAt(row, sheet) ?? ""}：${text}`);
  }
}
