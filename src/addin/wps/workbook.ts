/**
 * Workbook-level calls of the WPS adapter: the open workbook, its sheets,
 * adding and deleting our own sheets, the hidden mark record, comments, and
 * failures turned into zh-CN messages.
 */
import { areaAddress, cellAddress } from "../shared/address";
import { AddinError, neutralError } from "../shared/errors";
import { isOurNote, STORE_SHEET, storeRows, type MarkEntry } from "../shared/marks";
import { SHEET_VERY_HIDDEN, type EtApplication, type EtComment, type EtWorkbook, type EtWorksheet } from "./et";
import { paint } from "./interior";
import { valueRows } from "./read";

/** WPS's Application: window.Application in every page of a JS 加载项. */
export function application(): EtApplication {
  const app = (globalThis as { Application?: EtApplication }).Application;
  if (!app) throw new AddinError("unexpected", "未在 WPS 中运行：找不到 WPS 的 Application 对象。");
  return app;
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new AddinError("no-ledger", "没有打开的工作簿。请先打开要校验的台账，再点按钮。");
  return wb;
}

/** Every sheet, in order (Worksheets.Item is 1-based). */
export function sheetsOf(wb: EtWorkbook): EtWorksheet[] {
  const sheets = wb.Worksheets;
  return Array.from({ length: sheets.Count }, (_, i) => sheets.Item(i + 1));
}

/** A new sheet after the last one, with this name. */
export function addSheet(wb: EtWorkbook, name: string): EtWorksheet {
  const sheets = wb.Worksheets;
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count));
  sheet.Name = name;
  return sheet;
}

/** Delete one of our own sheets without WPS asking the secretary to confirm. */
export function deleteSheet(app: EtApplication, sheet: EtWorksheet | undefined): void {
  if (!sheet) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

export function storeValues(store: EtWorksheet | undefined): unknown[][] {
  if (!store) return [];
  const used = store.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  return valueRows(used, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
}

/**
 * One of our very hidden sheets (not listed in 取消隐藏), added without taking
 * the secretary away from her sheet: WPS activates a sheet it adds.
 */
export function addHiddenSheet(app: EtApplication, wb: EtWorkbook, name: string): EtWorksheet {
  const active = app.ActiveSheet;
  const sheet = addSheet(wb, name);
  sheet.Visible = SHEET_VERY_HIDDEN;
  active?.Activate();
  return sheet;
}

/** Rows written from column A of row `top` (0-based) as text, in one write: nothing WPS would read as a number or a date. */
export function writeTextRows(sheet: EtWorksheet, rows: readonly (readonly string[])[], top = 0): void {
  const range = sheet.Range(areaAddress({ top, left: 0, bottom: top + rows.length - 1, right: rows[0].length - 1 }));
  range.NumberFormat = "@";
  range.Value2 = rows;
}

/** Replace the record with these entries (or remove it when there are none). */
export function writeStore(app: EtApplication, wb: EtWorkbook, existing: EtWorksheet | undefined, entries: readonly MarkEntry[]): void {
  if (entries.length === 0) {
    deleteSheet(app, existing);
    return;
  }
  const sheet = existing ?? addHiddenSheet(app, wb, STORE_SHEET);
  if (existing) sheet.UsedRange.Clear();
  writeTextRows(sheet, storeRows(entries));
}

/** A sheet's comments by cell ("C7"). */
export function commentsByCell(sheet: EtWorksheet): Map<string, EtComment> {
  const out = new Map<string, EtComment>();
  const comments = sheet.Comments;
  for (let i = 1; i <= comments.Count; i++) {
    const c = comments.Item(i);
    out.set(cellAddress(c.Parent.Row - 1, c.Parent.Column - 1), c);
  }
  return out;
}

/**
 * Undo marks: the original fill where the cell still has our colour (a fill
 * changed by hand since is left alone), and our comment wherever it still is.
 */
export function restoreMarks(sheet: EtWorksheet, entries: readonly MarkEntry[], existing: Map<string, EtComment>, ours: (e: MarkEntry) => boolean): void {
  paint(sheet, entries.filter(ours).map((e) => ({ cell: e.cell, fill: e.original })));
  for (const e of entries) {
    const c = e.annotation ? existing.get(e.cell) : undefined;
    if (c && isOurNote(c.Text())) c.Delete();
  }
}

/**
 * Run one button's work. WPS applies each call at once (there is no batch to
 * drop), so the runs read everything first and write the mark record before
 * any mark: a failure while writing is undone by 清除标记.
 */
export function runInWps<T>(work: (app: EtApplication) => T): T {
  try {
    return work(application());
  } catch (e) {
    if (e instanceof AddinError) throw e;
    throw neutralError("unexpected", e instanceof Error ? e.message : String(e));
  }
}

/** A failure after the first write: say what may have been written and how to undo it. */
export function writeFailure(e: unknown): AddinError {
  const detail = e instanceof Error ? e.message : String(e);
  return new AddinError("unexpected", `写入标记时出错（${detail}）。单元格的值没有改动；已写入的颜色和批注可点“清除标记”撤消。`);
}
