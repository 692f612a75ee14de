/**
 * 清除标记: every marked cell gets its original fill back (from the hidden
 * record, so it works after reopening), our notes go, the record and the
 * 校验结果 sheet go. Cells whose fill or note was changed by hand since are
 * left as they are. Four context.sync() calls, reads first, writes last.
 */
import type { Capabilities } from "./capabilities";
import { runInExcel } from "./errors";
import { annotationsByCell, fillOf, loadAnnotationItems, loadAnnotationLocations, loadFill, restoreMarks, writeStore } from "./marks-io";
import { markKey, RESULTS_SHEET, STORE_SHEET } from "../shared/marks";
import { planClear, stillOurs, type ClearResult } from "../shared/run-plan";

export async function clearMarksInExcel(caps: Capabilities): Promise<ClearResult> {
  return runInExcel((context) => clear(context, caps));
}

async function clear(context: Excel.RequestContext, caps: Capabilities): Promise<ClearResult> {
  const sheets = context.workbook.worksheets.load(caps.protection ? "items/name,items/protection/protected" : "items/name");
  await context.sync();
  const store = sheets.items.find((s) => s.name === STORE_SHEET);
  const results = sheets.items.find((s) => s.name === RESULTS_SHEET);
  const stored = store?.getUsedRange().load("values");
  await context.sync();

  const byName = new Map(sheets.items.map((s) => [s.name, s]));
  const states = sheets.items.map((s) => ({ name: s.name, protected: caps.protection && s.protection.protected }));
  const { kept, todo, sheetNames, notices } = planClear(stored ? stored.values : [], states, caps.protection);
  const fills = new Map(todo.map((e) => [markKey(e.sheet, e.cell), loadFill(byName.get(e.sheet)!, e.cell, caps)]));
  const items = caps.annotation !== "none" ? sheetNames.map((n) => loadAnnotationItems(byName.get(n)!, caps.annotation as "note" | "comment")) : [];
  await context.sync();
  const places = items.map(loadAnnotationLocations);
  await context.sync();

  const ours = stillOurs((sheet, cell) => fillOf(fills.get(markKey(sheet, cell))!, caps));
  writeStore(context, store, kept);
  sheetNames.forEach((name, i) => {
    restoreMarks(byName.get(name)!, todo.filter((e) => e.sheet === name), annotationsByCell(places[i] ?? []), ours, caps);
  });
  results?.delete();
  await context.sync();
  return { restored: todo.length, notices };
}
