/**
 * 清除标记: every marked cell gets its original fill back (from the hidden
 * record, so it works after reopening), our notes go, the 校验结果 sheet goes
 * and last the record. Cells whose fill or note was changed by hand since are
 * left as they are. Reads and writes go through a Batch (./batch.ts), so the
 * syncs grow with the marks: about one per ≈ 7,000 fills and ≈ 2,000 notes
 * read, and per 4 MB written. The record goes last, so a clear that fails half
 * way can simply be run again.
 */
import type { Capabilities } from "./capabilities";
import { Batch, OPERATION_BYTES } from "./batch";
import { AddinError } from "../shared/errors";
import { failureReason, runInExcel } from "./errors";
import { loadAnnotations, loadFills, readBlocks, restoreMarks, writeRows, clearBelow } from "./marks-io";
import { markKey, RESULTS_SHEET, STORE_SHEET, storeRows } from "../shared/marks";
import { planClear, stillOurs, type ClearResult } from "../shared/run-plan";

export async function clearMarksInExcel(caps: Capabilities): Promise<ClearResult> {
  return runInExcel((context) => clear(context, caps));
}

async function clear(context: Excel.RequestContext, caps: Capabilities): Promise<ClearResult> {
  const batch = new Batch(context);
  const sheets = context.workbook.worksheets.load(caps.protection ? "items/name,items/protection/protected" : "items/name");
  await context.sync();
  const store = sheets.items.find((s) => s.name === STORE_SHEET);
  const results = sheets.items.find((s) => s.name === RESULTS_SHEET);
  const storeUsed = store?.getUsedRange().load("address");
  await context.sync();
  const stored = store && storeUsed ? (await readBlocks(batch, [{ sheet: store, address: storeUsed.address }], false))[0].values : [];

  const byName = new Map(sheets.items.map((s) => [s.name, s]));
  const states = sheets.items.map((s) => ({ name: s.name, protected: caps.protection && s.protection.protected }));
  const { kept, todo, sheetNames, notices } = planClear(stored, states, caps.protection);
  const fills = await loadFills(batch, todo.map((e) => ({ sheet: byName.get(e.sheet)!, cell: e.cell, key: markKey(e.sheet, e.cell) })), caps);
  const marked = sheetNames.map((n) => byName.get(n)!);
  const annotations = caps.annotation !== "none" ? await loadAnnotations(batch, marked, caps.annotation) : [];

  const ours = stillOurs((sheet, cell) => fills.get(markKey(sheet, cell))!);
  try {
    for (const [i, sheet] of marked.entries()) await restoreMarks(batch, sheet, todo.filter((e) => e.sheet === sheet.name), annotations[i], ours, caps);
    await batch.add(2 * OPERATION_BYTES);
    results?.delete();
    if (store && kept.length === 0) store.delete();
    else if (store) {
      await writeRows(batch, store, storeRows(kept), 1);
      await clearBelow(batch, store, kept.length + 1);
    }
    await batch.flush();
  } catch (e) {
    throw new AddinError("unexpected", `清除标记未能完成（${failureReason(e)}）。已清除一部分，记录仍在：再点一次“清除标记”即可清除其余的标记。`);
  }
  return { restored: todo.length, notices };
}
