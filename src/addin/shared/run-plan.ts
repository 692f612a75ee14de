/**
 * What 校验本表 / 校验全部 / 清除标记 decide, whatever the host: which sheets
 * may be marked, what the secretary is told, which record entries stay, what
 * each marked cell's original fill is, and the 校验结果 summary line. The host
 * adapters (../excel, ../wps) only read the workbook into these inputs and
 * write the outcome back.
 */
import { countBySeverity, type Finding } from "../../core/finding";
import type { IsoDate } from "../../core/dates";
import type { Profile } from "../../core/profile";
import type { ColumnMapping } from "../../core/columns";
import { allIssues, noLedgerMessage, reportWorkbook, type FileReport } from "../../core/report";
import type { Table, Workbook } from "../../core/table";
import { AddinError } from "./errors";
import { isOurNote, isOwnSheet, markKey, parseStore, planMarks, sameColor, type AnnotationKind, type CellMark, type Fill, type MarkEntry } from "./marks";

/** Beyond this many cells a host cannot hand over the used ranges in one go. */
export const MAX_CELLS = 2_000_000;

export type Scope = "active" | "all";

export interface Progress {
  step: "read" | "validate" | "write";
  message: string;
}

/** What a run validates against. */
export interface RunSettings {
  scope: Scope;
  profile: Profile;
  asOf: IsoDate;
  /** The workbook's 列对应, if any. */
  columns?: ColumnMapping;
}

/** A host that can show progress and take a cancel between its steps. */
export interface RunOptions extends RunSettings {
  onProgress?: (p: Progress) => void;
  isCancelled?: () => boolean;
}

export interface RunResult {
  report: FileReport;
  /** Findings of the scope (the active sheet, or all). */
  findings: Finding[];
  activeSheet: string;
  marked: number;
  /** zh-CN: what was not done and why (protected sheets, marks capped …). */
  notices: string[];
  resultsWritten: boolean;
}

/** A sheet as the plan needs it; `protected` is false where the host cannot tell. */
export interface SheetState {
  name: string;
  protected: boolean;
}

/** 校验本表 on 校验结果 or the record: refuse before reading anything. */
export function refuseOwnSheet(scope: Scope, active: string): void {
  if (scope === "active" && isOwnSheet(active)) {
    throw new AddinError("no-ledger", `“${active}”是校验结果表，不是台账。请切换到要校验的台账工作表，或点“校验全部”。`);
  }
}

export function refuseTooLarge(rows: number, cells: number): void {
  if (cells <= MAX_CELLS) return;
  throw new AddinError(
    "too-large",
    `工作簿的已用区域共 ${rows} 行、${cells} 个单元格，超过加载项一次能读取的 ${MAX_CELLS} 个。请删除表格下方多余的空行或格式后重试，或用命令行 taizhang validate 校验该文件。工作簿没有任何改动。`,
  );
}

export const readingMessage = (sheets: number, rows: number): string => `正在读取 ${sheets} 张工作表，共 ${rows} 行…`;

export interface Validated {
  workbook: Workbook;
  report: FileReport;
  findings: Finding[];
}

/** The core's report on the tables read; a workbook (or active sheet) without a ledger is refused. */
export function validateTables(tables: Table[], workbookName: string | undefined, active: string, options: RunSettings): Validated {
  const workbook: Workbook = { name: workbookName || "当前工作簿", sheets: tables };
  const { report } = reportWorkbook(workbook, options);
  if (report.status === "no-ledger") throw new AddinError("no-ledger", report.error ?? noLedgerMessage(workbook, options));
  const findings = allIssues(report).filter((f) => inScope(options.scope, active, f.sheet));
  if (options.scope === "active" && !report.sheets.some((s) => s.sheet === active && s.ledger !== null)) {
    const table = tables.find((t) => t.name === active);
    throw new AddinError("no-ledger", noLedgerMessage({ name: `工作表“${active}”`, sheets: table ? [table] : [] }, options));
  }
  return { workbook, report, findings };
}

const inScope = (scope: Scope, active: string, sheet: string | null): boolean => scope === "all" || sheet === active;

export interface MarkPlan {
  /** Sheets in scope that take marks. */
  writable: Set<string>;
  marks: CellMark[];
  notices: string[];
}

/**
 * Which sheets take marks: those in scope, when the host can tell they are
 * not protected. A protected sheet's findings are still listed, with a notice.
 */
export function planWrite(findings: readonly Finding[], ledgerSheets: readonly SheetState[], scope: Scope, active: string, knowsProtection: boolean): MarkPlan {
  const notices: string[] = [];
  const here = ledgerSheets.filter((s) => inScope(scope, active, s.name));
  const writable = new Set(here.filter((s) => knowsProtection && !s.protected).map((s) => s.name));
  for (const s of here) {
    if (knowsProtection && s.protected) {
      notices.push(`工作表“${s.name}”受保护，无法在单元格上标记；问题已列在下方和“校验结果”表中。如需标记，请先在“审阅 → 撤消工作表保护”后重新校验。`);
    }
  }
  const { marks, capped } = planMarks(findings.filter((f) => f.sheet !== null && writable.has(f.sheet)));
  if (capped) notices.push(`问题单元格太多，只标记了前 ${marks.length} 个；完整清单见“校验结果”表。`);
  return { writable, marks, notices };
}

/** The record's entries split: those this run replaces (writable sheets) and those it keeps. */
export function splitRecord(values: readonly unknown[][], sheetNames: readonly string[], writable: ReadonlySet<string>): { replaced: MarkEntry[]; kept: MarkEntry[] } {
  const existing = parseStore(values).filter((e) => sheetNames.includes(e.sheet));
  return { replaced: existing.filter((e) => writable.has(e.sheet)), kept: existing.filter((e) => !writable.has(e.sheet)) };
}

/** Every cell whose fill the run must read: the marks to make and the marks to undo. */
export function cellsToRead(replaced: readonly MarkEntry[], marks: readonly CellMark[]): { sheet: string; cell: string }[] {
  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const c of [...replaced, ...marks]) cells.set(markKey(c.sheet, c.cell), { sheet: c.sheet, cell: c.cell });
  return [...cells.values()];
}

export type CurrentFill = (sheet: string, cell: string) => Fill;

/** A marked cell still shows our colour: a fill changed by hand since is left alone. */
export const stillOurs =
  (current: CurrentFill) =>
  (e: MarkEntry): boolean =>
    sameColor(current(e.sheet, e.cell).color, e.markColor);

/**
 * The record of this run: each cell's original fill (kept from the previous
 * run where our colour is still on it, so marking twice never records our own
 * colour as the original), and whether we write a note/comment on it – never
 * over one the secretary wrote.
 */
export function recordEntries(
  marks: readonly CellMark[],
  replaced: readonly MarkEntry[],
  current: CurrentFill,
  annotationAt: (sheet: string, cell: string) => string | undefined,
  annotation: AnnotationKind | "none",
): MarkEntry[] {
  const previous = new Map(replaced.map((e) => [markKey(e.sheet, e.cell), e]));
  const ours = stillOurs(current);
  return marks.map((m) => {
    const before = previous.get(markKey(m.sheet, m.cell));
    const original = before && ours(before) ? before.original : current(m.sheet, m.cell);
    const text = annotationAt(m.sheet, m.cell);
    return { sheet: m.sheet, cell: m.cell, markColor: m.color, original, annotation: annotation === "none" || (text !== undefined && !isOurNote(text)) ? null : annotation };
  });
}

/** Marks of the previous run on this sheet that this run does not make again. */
export function unmarkedOn(sheet: string, replaced: readonly MarkEntry[], marks: readonly CellMark[]): MarkEntry[] {
  const marked = new Set(marks.map((m) => markKey(m.sheet, m.cell)));
  return replaced.filter((e) => e.sheet === sheet && !marked.has(markKey(e.sheet, e.cell)));
}

/** The cells of this run's marks that get our note (entries with an annotation). */
export function annotatedMarks(sheet: string, marks: readonly CellMark[], entries: readonly MarkEntry[]): CellMark[] {
  const ours = new Set(entries.filter((e) => e.sheet === sheet && e.annotation).map((e) => e.cell));
  return marks.filter((m) => m.sheet === sheet && ours.has(m.cell));
}

/** The first line of 校验结果. */
export function resultsSummary(workbookName: string, options: RunSettings, active: string, findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  const where = options.scope === "all" ? "全部工作表" : `工作表“${active}”`;
  return `${workbookName} · ${where} · 核对日期 ${options.asOf} · 配置 ${options.profile.name} · 错误 ${counts.error}、警告 ${counts.warning}、提示 ${counts.info}`;
}

export interface ClearPlan {
  /** Entries on protected sheets: left in the record. */
  kept: MarkEntry[];
  todo: MarkEntry[];
  sheetNames: string[];
  notices: string[];
}

/** What a ribbon button says after a run: 没有发现问题 on a clean sheet, nothing when all went as planned (the marks speak), else a summary and the notices. */
export function commandLines(result: RunResult, scope: Scope): string[] {
  if (result.findings.length > 0 && result.notices.length === 0) return [];
  return [runSummary(result, scope), ...result.notices];
}

/** 全部工作表：没有发现问题。, or the counts, the cells marked and where the list is. */
export function runSummary(result: RunResult, scope: Scope): string {
  const where = scope === "all" ? "全部工作表" : `工作表“${result.activeSheet}”`;
  if (result.findings.length === 0) return `${where}：没有发现问题。`;
  const c = countBySeverity(result.findings);
  return `${where}：错误 ${c.error} 个、警告 ${c.warning} 个、提示 ${c.info} 个，已标记 ${result.marked} 个单元格，清单见“校验结果”表。`;
}

export interface ClearResult {
  restored: number;
  notices: string[];
}

/** 清除标记: every recorded mark on an existing, unprotected sheet is undone. */
export function planClear(values: readonly unknown[][], sheets: readonly SheetState[], knowsProtection: boolean): ClearPlan {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const entries = parseStore(values).filter((e) => byName.has(e.sheet));
  const locked = (e: MarkEntry) => knowsProtection && byName.get(e.sheet)!.protected;
  const kept = entries.filter(locked);
  const todo = entries.filter((e) => !locked(e));
  const notices = [...new Set(kept.map((e) => e.sheet))].map((s) => `工作表“${s}”受保护，其上的标记未能清除；请先撤消工作表保护，再点“清除标记”。`);
  return { kept, todo, sheetNames: [...new Set(todo.map((e) => e.sheet))], notices };
}
