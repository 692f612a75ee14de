/**
 * 校验本表 / 校验全部 inside WPS 表格: read every ledger sheet, validate with
 * the shared core, then write the mark record, the fills, the comments and
 * the 校验结果 sheet – the same plan as in Excel (../shared/run-plan.ts),
 * made with ET calls. Every read comes before the first write; a refusal (no
 * ledger, too large) leaves the workbook as it was. Cell values and formulas
 * of the ledger are never written.
 */
import type { Table } from "../../core/table";
import { isOwnSheet, RESULTS_SHEET, STORE_SHEET, type CellMark } from "../shared/marks";
import { resultFormat, resultRows } from "../shared/results-sheet";
import { neutralError } from "../shared/errors";
import * as plan from "../shared/run-plan";
import type { EtApplication, EtComment, EtWorksheet } from "./et";
import { paint, readFills } from "./interior";
import { readTable, usedArea } from "./read";
import { activeWorkbook, addSheet, commentsByCell, deleteSheet, restoreMarks, runInWps, sheetsOf, storeValues, writeFailure, writeStore } from "./workbook";

export function validateInWps(options: plan.RunSettings): plan.RunResult {
  return runInWps((app) => run(app, options));
}

function run(app: EtApplication, options: plan.RunSettings): plan.RunResult {
  const { scope } = options;
  const wb = activeWorkbook(app);
  const all = sheetsOf(wb);
  const active = app.ActiveSheet?.Name ?? all[0]?.Name ?? "";
  plan.refuseOwnSheet(scope, active);
  const ledgerSheets = all.filter((s) => !isOwnSheet(s.Name));
  const storeSheet = all.find((s) => s.Name === STORE_SHEET);
  const resultsSheet = all.find((s) => s.Name === RESULTS_SHEET);

  const used = ledgerSheets.map(usedArea);
  plan.refuseTooLarge(
    used.reduce((n, u) => n + u.rows, 0),
    used.reduce((n, u) => n + u.cells, 0),
  );
  const tables: Table[] = ledgerSheets.map((s, i) => readTable(s, used[i]));
  const { workbook, report, findings } = plan.validateTables(tables, wb.Name, active, options);
  const result = (marked: number, resultsWritten: boolean, notices: string[]): plan.RunResult => ({ report, findings, activeSheet: active, marked, notices, resultsWritten });
  if (wb.ProtectStructure) return result(0, false, [neutralError("protected-workbook").message]);

  const states = ledgerSheets.map((s) => ({ name: s.Name, protected: s.ProtectContents }));
  const { writable, marks, notices } = plan.planWrite(findings, states, scope, active, true);
  const { replaced, kept } = plan.splitRecord(storeValues(storeSheet), all.map((s) => s.Name), writable);
  const byName = new Map(ledgerSheets.filter((s) => writable.has(s.Name)).map((s) => [s.Name, s]));
  const fills = new Map([...byName].map(([name, sheet]) => [name, readFills(sheet, plan.cellsToRead(replaced, marks).filter((c) => c.sheet === name).map((c) => c.cell))]));
  const comments = new Map([...byName].map(([name, sheet]) => [name, commentsByCell(sheet)]));
  const current = (sheet: string, cell: string) => fills.get(sheet)!.get(cell)!;
  const entries = plan.recordEntries(marks, replaced, current, (sheet, cell) => comments.get(sheet)?.get(cell)?.Text(), "comment");

  try {
    writeStore(app, wb, storeSheet, [...kept, ...entries]);
    for (const [name, sheet] of byName) {
      restoreMarks(sheet, plan.unmarkedOn(name, replaced, marks), comments.get(name)!, plan.stillOurs(current));
      paint(sheet, marks.filter((m) => m.sheet === name).map((m) => ({ cell: m.cell, fill: { color: m.color } })));
      writeComments(sheet, plan.annotatedMarks(name, marks, entries), comments.get(name)!);
    }
    deleteSheet(app, resultsSheet);
    const out = addSheet(wb, RESULTS_SHEET);
    const table = resultRows(findings, plan.resultsSummary(workbook.name, options, active, findings));
    const target = out.Range(`A1:F${table.length}`);
    target.NumberFormat = "@";
    out.Range(`B3:B${table.length}`).NumberFormat = resultFormat(2, 1);
    target.Formula = table;
    out.Range("A2:F2").Font.Bold = true;
  } catch (e) {
    throw writeFailure(e);
  }
  return result(marks.length, true, notices);
}

/** Our comment on each marked cell: an old one of ours is replaced, never a secretary's. */
function writeComments(sheet: EtWorksheet, marks: readonly CellMark[], existing: Map<string, EtComment>): void {
  for (const m of marks) {
    existing.get(m.cell)?.Delete();
    sheet.Range(m.cell).AddComment(m.note);
  }
}
