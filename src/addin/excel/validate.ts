/**
 * 校验本表 / 校验全部 inside Excel: read every ledger sheet (one load of values
 * and number formats), validate with the shared core, then write marks, notes,
 * the mark record and the 校验结果 sheet in one final batch.
 *
 * Five context.sync() calls per run, whatever the size: 1 sheets, 2 used-range
 * sizes, 3 values/formats/mark record/notes, 4 current fills and note places,
 * 5 every write. Nothing is written before the last one, so a failure, a
 * cancel or a refusal (cell-edit mode, no ledger, too large) leaves the
 * workbook as it was. Cell values and formulas are never written.
 */
import { noLedgerMessage, reportWorkbook, type FileReport } from "../../core/report";
import { allIssues } from "../../core/report";
import { countBySeverity, type Finding } from "../../core/finding";
import type { IsoDate } from "../../core/dates";
import type { Profile } from "../../core/profile";
import type { Table, Workbook } from "../../core/table";
import { parseAreas } from "./address";
import type { Capabilities } from "./capabilities";
import { AddinError, addinError, runInExcel } from "./errors";
import {
  annotationsByCell,
  fillOf,
  loadAnnotationItems,
  loadAnnotationLocations,
  loadFill,
  paint,
  restoreMarks,
  writeStore,
  type LoadedAnnotation,
} from "./marks-io";
import { isOurNote, isOwnSheet, markKey, parseStore, planMarks, RESULTS_SHEET, sameColor, STORE_SHEET, type Fill, type MarkEntry } from "./marks";
import { resultRows } from "./results-sheet";
import { tableFromRange } from "./to-table";

/** Beyond this many cells Excel cannot hand over a used range in one request. */
export const MAX_CELLS = 2_000_000;

export type Scope = "active" | "all";

export interface Progress {
  step: "read" | "validate" | "write";
  message: string;
}

export interface RunOptions {
  scope: Scope;
  profile: Profile;
  asOf: IsoDate;
  caps: Capabilities;
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

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function validateInExcel(options: RunOptions): Promise<RunResult> {
  return runInExcel((context) => run(context, options));
}

async function run(context: Excel.RequestContext, options: RunOptions): Promise<RunResult> {
  const { caps, scope } = options;
  const progress = (step: Progress["step"], message: string) => options.onProgress?.({ step, message });
  const checkCancel = async () => {
    await pause();
    if (options.isCancelled?.()) throw addinError("cancelled");
  };
  const wb = context.workbook;

  // 1 – which sheets there are, which are protected, which is active.
  const sheets = wb.worksheets.load(caps.protection ? "items/name,items/protection/protected" : "items/name");
  const active = wb.worksheets.getActiveWorksheet().load("name");
  const wbInfo = caps.workbook ? wb.load("name,protection/protected") : null;
  await context.sync();
  const ledgerSheets = sheets.items.filter((s) => !isOwnSheet(s.name));
  const storeSheet = sheets.items.find((s) => s.name === STORE_SHEET);
  const resultsSheet = sheets.items.find((s) => s.name === RESULTS_SHEET);
  if (scope === "active" && isOwnSheet(active.name)) {
    throw new AddinError("no-ledger", `“${active.name}”是校验结果表，不是台账。请切换到要校验的台账工作表，或点“校验全部”。`);
  }

  // 2 – how big the used ranges are, before loading any values.
  const used = ledgerSheets.map((s) => (caps.protection ? s.getUsedRange(true) : s.getUsedRange()).load("address,rowCount,columnCount"));
  const storeUsed = storeSheet?.getUsedRange().load("address");
  await context.sync();
  const cells = used.reduce((n, r) => n + r.rowCount * r.columnCount, 0);
  const rows = used.reduce((n, r) => n + r.rowCount, 0);
  if (cells > MAX_CELLS) {
    throw new AddinError(
      "too-large",
      `工作簿的已用区域共 ${rows} 行、${cells} 个单元格，超过加载项一次能读取的 ${MAX_CELLS} 个。请删除表格下方多余的空行或格式后重试，或用命令行 taizhang validate 校验该文件。工作簿没有任何改动。`,
    );
  }
  progress("read", `正在读取 ${ledgerSheets.length} 张工作表，共 ${rows} 行…`);
  await checkCancel();

  // 3 – values and number formats in one load; the mark record; existing notes.
  used.forEach((r) => r.load("values,numberFormat"));
  const merges = caps.mergedAreas ? used.map((r) => r.getMergedAreasOrNullObject().load("address")) : [];
  storeUsed?.load("values");
  const notes = caps.annotation !== "none" ? ledgerSheets.map((s) => loadAnnotationItems(s, caps.annotation as "note" | "comment")) : [];
  await context.sync();

  const tables: Table[] = ledgerSheets.map((s, i) =>
    tableFromRange(s.name, used[i], merges[i] && !merges[i].isNullObject ? parseAreas(merges[i].address) : []),
  );
  const workbook: Workbook = { name: wbInfo?.name || "当前工作簿", sheets: tables };
  progress("validate", `正在校验 ${rows} 行…`);
  await checkCancel();
  const { report } = reportWorkbook(workbook, options);
  if (report.status === "no-ledger") throw new AddinError("no-ledger", report.error ?? noLedgerMessage(workbook, options));
  const inScope = (sheet: string | null) => scope === "all" || sheet === active.name;
  const findings = allIssues(report).filter((f) => inScope(f.sheet));
  if (scope === "active" && !report.sheets.some((s) => s.sheet === active.name && s.ledger !== null)) {
    const table = tables.find((t) => t.name === active.name);
    throw new AddinError("no-ledger", noLedgerMessage({ name: `工作表“${active.name}”`, sheets: table ? [table] : [] }, options));
  }

  const notices: string[] = [];
  const result = (marked: number, resultsWritten: boolean): RunResult => ({
    report,
    findings,
    activeSheet: active.name,
    marked,
    notices,
    resultsWritten,
  });
  if (wbInfo?.protection.protected) {
    notices.push(addinError("protected-workbook").message);
    return result(0, false);
  }
  const writable = new Set(
    ledgerSheets.filter((s) => inScope(s.name) && caps.protection && !s.protection.protected).map((s) => s.name),
  );
  for (const s of ledgerSheets) {
    if (inScope(s.name) && caps.protection && s.protection.protected) {
      notices.push(`工作表“${s.name}”受保护，无法在单元格上标记；问题已列在下方和“校验结果”表中。如需标记，请先在“审阅 → 撤消工作表保护”后重新校验。`);
    }
  }
  const { marks, capped } = planMarks(findings.filter((f) => f.sheet !== null && writable.has(f.sheet)));
  if (capped) notices.push(`问题单元格太多，只标记了前 ${marks.length} 个；完整清单见“校验结果”表。`);
  await checkCancel();

  // 4 – the fill of every cell to mark or unmark, and where existing notes sit.
  const existing = parseStore(storeUsed ? storeUsed.values : []).filter((e) => sheets.items.some((s) => s.name === e.sheet));
  const replaced = existing.filter((e) => writable.has(e.sheet));
  const kept = existing.filter((e) => !writable.has(e.sheet));
  const byName = new Map(ledgerSheets.map((s) => [s.name, s]));
  const fillCells = new Map<string, { sheet: string; cell: string }>();
  for (const c of [...replaced, ...marks]) fillCells.set(markKey(c.sheet, c.cell), c);
  const fills = new Map([...fillCells].map(([k, c]) => [k, loadFill(byName.get(c.sheet)!, c.cell, caps)]));
  const places: LoadedAnnotation[][] = notes.map((n, i) => (writable.has(ledgerSheets[i].name) ? loadAnnotationLocations(n) : []));
  await context.sync();

  // 5 – write: the record first (so 清除标记 can always undo), then fills, notes, 校验结果.
  progress("write", `正在标记 ${marks.length} 个单元格…`);
  const notesBySheet = new Map(ledgerSheets.map((s, i) => [s.name, annotationsByCell(places[i] ?? [])]));
  const current = (sheet: string, cell: string): Fill => fillOf(fills.get(markKey(sheet, cell))!, caps);
  const previous = new Map(replaced.map((e) => [markKey(e.sheet, e.cell), e]));
  const stillOurs = (e: MarkEntry) => sameColor(current(e.sheet, e.cell).color, e.markColor);

  const entries: MarkEntry[] = marks.map((m) => {
    const before = previous.get(markKey(m.sheet, m.cell));
    const original = before && stillOurs(before) ? before.original : current(m.sheet, m.cell);
    const note = notesBySheet.get(m.sheet)?.get(m.cell);
    const annotation = caps.annotation === "none" || (note && !isOurNote(note.content)) ? null : caps.annotation;
    return { sheet: m.sheet, cell: m.cell, markColor: m.color, original, annotation };
  });
  writeStore(context, storeSheet, [...kept, ...entries]);

  const marked = new Set(marks.map((m) => markKey(m.sheet, m.cell)));
  for (const [name, sheet] of byName) {
    if (!writable.has(name)) continue;
    const unmarked = replaced.filter((e) => e.sheet === name && !marked.has(markKey(e.sheet, e.cell)));
    restoreMarks(sheet, unmarked, notesBySheet.get(name), stillOurs, caps);
    const mine = marks.filter((m) => m.sheet === name);
    paint(sheet, mine.map((m) => ({ cell: m.cell, fill: { color: m.color } })), caps);
    if (caps.annotation !== "none") writeNotes(sheet, mine, entries, notesBySheet.get(name)!, caps.annotation);
  }

  resultsSheet?.delete();
  const counts = countBySeverity(findings);
  const summary = `${workbook.name} · ${scope === "all" ? "全部工作表" : `工作表“${active.name}”`} · 核对日期 ${options.asOf} · 配置 ${options.profile.name} · 错误 ${counts.error}、警告 ${counts.warning}、提示 ${counts.info}`;
  const out = wb.worksheets.add(RESULTS_SHEET);
  const table = resultRows(findings, summary);
  const target = out.getRange(`A1:F${table.length}`);
  target.numberFormat = table.map((r) => r.map(() => "General"));
  target.formulas = table;
  out.getRange("A2:F2").format.font.bold = true;
  await context.sync();
  return result(marks.length, true);
}

function writeNotes(
  sheet: Excel.Worksheet,
  marks: readonly { cell: string; note: string }[],
  entries: readonly MarkEntry[],
  existing: Map<string, Excel.Note | Excel.Comment>,
  kind: "note" | "comment",
): void {
  const ours = new Set(entries.filter((e) => e.sheet === sheet.name && e.annotation).map((e) => e.cell));
  for (const m of marks) {
    if (!ours.has(m.cell)) continue;
    const item = existing.get(m.cell);
    if (item) item.content = m.note;
    else if (kind === "note") sheet.notes.add(sheet.getRange(m.cell), m.note);
    else sheet.comments.add(sheet.getRange(m.cell), m.note);
  }
}
