/**
 * 校验本表 / 校验全部 inside Excel: read every ledger sheet's values and
 * number formats, validate with the shared core, then write marks, notes, the
 * mark record and the 校验结果 sheet.
 *
 * Every read and write goes through a Batch (./batch.ts) that keeps each
 * request under Excel on the web's 5 MB limit, so the number of
 * context.sync() calls grows with the work: three to find the sheets, their
 * sizes and merged areas, then about one per 4 MB of values and formats, per
 * ≈ 7,000 fills and ≈ 2,000 notes read, and per 4 MB written – a 50,000-row
 * roster with 20,000 marked cells takes 33 (figures in ./batch.ts).
 *
 * Nothing is written until everything is read. The writes run in an order
 * that 清除标记 can always undo: first this run's entries are appended to the
 * record (if that fails they are taken out again and the workbook is as it
 * was), then fills and notes, then 校验结果, and last the record is
 * compacted. A failure after the first step leaves marks that 清除标记
 * removes completely, and the pane shows the findings with a notice saying
 * so. Cell values and formulas of the ledgers are never written.
 */
import type { Table } from "../../core/table";
import { parseArea, parseAreas } from "../shared/address";
import { isOwnSheet, markKey, RESULTS_SHEET, STORE_SHEET, storeRows, type MarkEntry } from "../shared/marks";
import { resultFormat, resultRows } from "../shared/results-sheet";
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
import { Batch, OPERATION_BYTES } from "./batch";
import type { Capabilities } from "./capabilities";
import { addinError, failureReason, runInExcel } from "./errors";
import { clearBelow, loadAnnotations, loadFills, paint, readBlocks, restoreMarks, storeSheet, writeNotes, writeRows, type Annotation } from "./marks-io";

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
  const batch = new Batch(context);

  // Which sheets there are, which are protected, which is active.
  const sheets = wb.worksheets.load(caps.protection ? "items/name,items/protection/protected" : "items/name");
  const active = wb.worksheets.getActiveWorksheet().load("name");
  const wbInfo = caps.workbook ? wb.load("name,protection/protected") : null;
  await context.sync();
  const ledgerSheets = sheets.items.filter((s) => !isOwnSheet(s.name));
  const existingStore = sheets.items.find((s) => s.name === STORE_SHEET);
  const resultsSheet = sheets.items.find((s) => s.name === RESULTS_SHEET);
  refuseOwnSheet(scope, active.name);

  // How big the used ranges are, before loading any values.
  const used = ledgerSheets.map((s) => (caps.protection ? s.getUsedRange(true) : s.getUsedRange()).load("address,rowCount,columnCount"));
  const storeUsed = existingStore?.getUsedRange().load("address");
  await context.sync();
  const cells = used.reduce((n, r) => n + r.rowCount * r.columnCount, 0);
  const rows = used.reduce((n, r) => n + r.rowCount, 0);
  refuseTooLarge(rows, cells);
  progress("read", readingMessage(ledgerSheets.length, rows));
  await checkCancel();

  // Values and number formats in row blocks; merged areas; the mark record.
  const merges = caps.mergedAreas ? used.map((r) => r.getMergedAreasOrNullObject().load("address")) : [];
  await context.sync();
  const loaded = await readBlocks(batch, ledgerSheets.map((s, i) => ({ sheet: s, address: used[i].address })), true);
  const stored = existingStore && storeUsed ? (await readBlocks(batch, [{ sheet: existingStore, address: storeUsed.address }], false))[0].values : [];

  const tables: Table[] = ledgerSheets.map((s, i) =>
    tableFromRange(s.name, { address: used[i].address, ...loaded[i] }, merges[i] && !merges[i].isNullObject ? parseAreas(merges[i].address) : []),
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

  // The fill of every cell to mark or unmark; the notes (and, where notes are written, the threaded comments) of the sheets to mark.
  const { replaced, kept } = splitRecord(stored, sheets.items.map((s) => s.name), writable);
  const byName = new Map(ledgerSheets.map((s) => [s.name, s]));
  const fills = await loadFills(batch, cellsToRead(replaced, marks).map((c) => ({ sheet: byName.get(c.sheet)!, cell: c.cell, key: markKey(c.sheet, c.cell) })), caps);
  const marked = ledgerSheets.filter((s) => writable.has(s.name));
  const ownKind = caps.annotation;
  const own = ownKind !== "none" ? await loadAnnotations(batch, marked, ownKind) : [];
  const others = ownKind === "note" ? await loadAnnotations(batch, marked, "comment") : [];
  const annotationsOf = new Map(marked.map((s, i) => [s.name, own[i] ?? new Map<string, Annotation>()]));
  const othersOf = new Map(marked.map((s, i) => [s.name, others[i] ?? new Map<string, Annotation>()]));
  const current = (sheet: string, cell: string) => fills.get(markKey(sheet, cell))!;
  // Excel holds a note or a threaded comment on a cell, not both: a cell with the other kind gets none of ours (as one with a secretary's note).
  const annotationAt = (sheet: string, cell: string) => (othersOf.get(sheet)?.has(cell) ? "" : annotationsOf.get(sheet)?.get(cell)?.content);
  const entries = recordEntries(marks, replaced, current, annotationAt, ownKind);
  await checkCancel();

  progress("write", `正在标记 ${marks.length} 个单元格…`);
  const storeBefore = storeUsed ? parseArea(storeUsed.address).bottom + 1 : 0;
  const appended = existingStore ? entries.length : entries.length + 1;
  let store: Excel.Worksheet | undefined = existingStore;
  try {
    // 1 – this run's entries appended to the record, so 清除标记 can undo every step after it.
    if (entries.length > 0) {
      store = await storeSheet(batch, existingStore);
      await writeRows(batch, store, existingStore ? storeRows(entries).slice(1) : storeRows(entries), storeBefore + 1);
    }
    await batch.flush();
  } catch (e) {
    return result(0, false, [...notices, await undoAppend(context, existingStore !== undefined, storeBefore, e)]);
  }
  let resultsWritten = false;
  try {
    // 2 – fills and notes: the previous run's marks that no longer apply undone, this run's made.
    for (const sheet of marked) {
      const name = sheet.name;
      await restoreMarks(batch, sheet, unmarkedOn(name, replaced, marks), annotationsOf.get(name), stillOurs(current), caps);
      await paint(batch, sheet, marks.filter((m) => m.sheet === name).map((m) => ({ cell: m.cell, fill: { color: m.color } })), caps);
      if (ownKind !== "none") await writeNotes(batch, sheet, annotatedMarks(name, marks, entries), annotationsOf.get(name)!, ownKind);
    }
    // 3 – 校验结果, every cell text but the links.
    await batch.add(2 * OPERATION_BYTES);
    resultsSheet?.delete();
    const out = wb.worksheets.add(RESULTS_SHEET);
    const table = resultRows(findings, resultsSummary(workbook.name, options, active.name, findings));
    await writeRows(batch, out, table, 1, resultFormat);
    await batch.add(OPERATION_BYTES);
    out.getRange("A2:F2").format.font.bold = true;
    await batch.flush();
    resultsWritten = true;
    // 4 – the record compacted to this run's marks and the other sheets' (each row replaces one it no longer needs).
    await compactRecord(batch, store, [...kept, ...entries], storeBefore + appended);
    await batch.flush();
  } catch (e) {
    return result(0, resultsWritten, [...notices, partialWriteNotice(e)]);
  }
  return result(marks.length, true, notices);
}

/** The record rewritten from its first row, then cut short (or removed when no mark is left). */
async function compactRecord(batch: Batch, store: Excel.Worksheet | undefined, entries: readonly MarkEntry[], rowsNow: number): Promise<void> {
  if (!store) return;
  if (entries.length === 0) {
    await batch.add(OPERATION_BYTES);
    store.delete();
    return;
  }
  const rows = storeRows(entries);
  await writeRows(batch, store, rows, 1);
  if (rowsNow > rows.length) await clearBelow(batch, store, rows.length);
}

/** A failure while appending to the record: take the appended rows out again (or the record sheet it created). */
async function undoAppend(context: Excel.RequestContext, hadStore: boolean, rowsBefore: number, cause: unknown): Promise<string> {
  try {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const store = sheets.items.find((s) => s.name === STORE_SHEET);
    if (store) {
      if (hadStore) store.getRange(`A${rowsBefore + 1}:E1048576`).clear();
      else store.delete();
      await context.sync();
    }
  } catch {
    return partialWriteNotice(cause);
  }
  return `未能在单元格上标记（${failureReason(cause)}），工作簿没有任何改动。问题已列在下方。`;
}

function partialWriteNotice(cause: unknown): string {
  return `标记未能全部写入（${failureReason(cause)}）。已写入的标记可以用“清除标记”完全撤消，表中的数据没有改动；问题已列在下方，“校验结果”表可能不完整。`;
}
