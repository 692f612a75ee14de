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
import type { Table } from "../../core/table";
import { parseAreas } from "../shared/address";
import { isOwnSheet, markKey, RESULTS_SHEET, STORE_SHEET, type CellMark } from "../shared/marks";
import { resultRows } from "../shared/results-sheet";
import {
  annotatedMarks,
  cellsToRead,
  planWrite,
  readingMessage,
  recordEntries,
  refuseOwnSheet,
  refuseTooLarge,
  resultsSummary,
  splitRecord,
  stillOurs,
  unmarkedOn,
  validateTables,
  type Progress,
  type RunOptions as HostRunOptions,
  type RunResult,
} from "../shared/run-plan";
import { tableFromRange } from "../shared/to-table";
import type { Capabilities } from "./capabilities";
import { addinError, runInExcel } from "./errors";
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

export interface RunOptions extends HostRunOptions {
  caps: Capabilities;
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
  refuseOwnSheet(scope, active.name);

  // 2 – how big the used ranges are, before loading any values.
  const used = ledgerSheets.map((s) => (caps.protection ? s.getUsedRange(true) : s.getUsedRange()).load("address,rowCount,columnCount"));
  const storeUsed = storeSheet?.getUsedRange().load("address");
  await context.sync();
  const cells = used.reduce((n, r) => n + r.rowCount * r.columnCount, 0);
  const rows = used.reduce((n, r) => n + r.rowCount, 0);
  refuseTooLarge(rows, cells);
  progress("read", readingMessage(ledgerSheets.length, rows));
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
  progress("validate", `正在校验 ${rows} 行…`);
  await checkCancel();
  const { workbook, report, findings } = validateTables(tables, wbInfo?.name, active.name, options);

  const result = (marked: number, resultsWritten: boolean, notices: string[]): RunResult => ({
    report,
    findings,
    activeSheet: active.name,
    marked,
    notices,
    resultsWritten,
  });
  if (wbInfo?.protection.protected) return result(0, false, [addinError("protected-workbook").message]);
  const states = ledgerSheets.map((s) => ({ name: s.name, protected: caps.protection && s.protection.protected }));
  const { writable, marks, notices } = planWrite(findings, states, scope, active.name, caps.protection);
  await checkCancel();

  // 4 – the fill of every cell to mark or unmark, and where existing notes sit.
  const { replaced, kept } = splitRecord(storeUsed ? storeUsed.values : [], sheets.items.map((s) => s.name), writable);
  const byName = new Map(ledgerSheets.map((s) => [s.name, s]));
  const fills = new Map(cellsToRead(replaced, marks).map((c) => [markKey(c.sheet, c.cell), loadFill(byName.get(c.sheet)!, c.cell, caps)]));
  const places: LoadedAnnotation[][] = notes.map((n, i) => (writable.has(ledgerSheets[i].name) ? loadAnnotationLocations(n) : []));
  await context.sync();

  // 5 – write: the record first (so 清除标记 can always undo), then fills, notes, 校验结果.
  progress("write", `正在标记 ${marks.length} 个单元格…`);
  const notesBySheet = new Map(ledgerSheets.map((s, i) => [s.name, annotationsByCell(places[i] ?? [])]));
  const current = (sheet: string, cell: string) => fillOf(fills.get(markKey(sheet, cell))!, caps);
  const entries = recordEntries(marks, replaced, current, (sheet, cell) => notesBySheet.get(sheet)?.get(cell)?.content, caps.annotation);
  writeStore(context, storeSheet, [...kept, ...entries]);

  for (const [name, sheet] of byName) {
    if (!writable.has(name)) continue;
    restoreMarks(sheet, unmarkedOn(name, replaced, marks), notesBySheet.get(name), stillOurs(current), caps);
    paint(sheet, marks.filter((m) => m.sheet === name).map((m) => ({ cell: m.cell, fill: { color: m.color } })), caps);
    if (caps.annotation !== "none") writeNotes(sheet, annotatedMarks(name, marks, entries), notesBySheet.get(name)!, caps.annotation);
  }

  resultsSheet?.delete();
  const out = wb.worksheets.add(RESULTS_SHEET);
  const table = resultRows(findings, resultsSummary(workbook.name, options, active.name, findings));
  const target = out.getRange(`A1:F${table.length}`);
  target.numberFormat = table.map((r) => r.map(() => "General"));
  target.formulas = table;
  out.getRange("A2:F2").format.font.bold = true;
  await context.sync();
  return result(marks.length, true, notices);
}

function writeNotes(sheet: Excel.Worksheet, marks: readonly CellMark[], existing: Map<string, Excel.Note | Excel.Comment>, kind: "note" | "comment"): void {
  for (const m of marks) {
    const item = existing.get(m.cell);
    if (item) item.content = m.note;
    else if (kind === "note") sheet.notes.add(sheet.getRange(m.cell), m.note);
    else sheet.comments.add(sheet.getRange(m.cell), m.note);
  }
}
