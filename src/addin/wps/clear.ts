/**
 * 清除标记 in WPS: every marked cell gets its original fill back (from the
 * hidden record, so it works after reopening), our comments go, the record
 * and the 校验结果 sheet go – the plan of ../shared/run-plan.ts. Cells whose
 * fill or comment was changed by hand since are left as they are.
 */
import { RESULTS_SHEET, STORE_SHEET } from "../shared/marks";
import { planClear, stillOurs, type ClearResult } from "../shared/run-plan";
import type { EtApplication } from "./et";
import { readFills } from "./interior";
import { activeWorkbook, commentsByCell, deleteSheet, restoreMarks, runInWps, sheetsOf, storeValues, writeFailure, writeStore } from "./workbook";

export function clearMarksInWps(): ClearResult {
  return runInWps(clear);
}

function clear(app: EtApplication): ClearResult {
  const wb = activeWorkbook(app);
  const sheets = sheetsOf(wb);
  const store = sheets.find((s) => s.Name === STORE_SHEET);
  const byName = new Map(sheets.map((s) => [s.Name, s]));
  const { kept, todo, sheetNames, notices } = planClear(storeValues(store), sheets.map((s) => ({ name: s.Name, protected: s.ProtectContents })), true);
  const work = sheetNames.map((name) => {
    const sheet = byName.get(name)!;
    const entries = todo.filter((e) => e.sheet === name);
    return { sheet, entries, fills: readFills(sheet, entries.map((e) => e.cell)), comments: commentsByCell(sheet) };
  });
  try {
    writeStore(app, wb, store, kept);
    for (const w of work) restoreMarks(w.sheet, w.entries, w.comments, stillOurs((_, cell) => w.fills.get(cell)!));
    deleteSheet(app, byName.get(RESULTS_SHEET));
  } catch (e) {
    throw writeFailure(e);
  }
  return { restored: todo.length, notices };
}
