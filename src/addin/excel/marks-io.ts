/**
 * Queued Office.js operations shared by validate and clear. Each function only
 * queues work on the context; the callers own every context.sync(), so the
 * number of round trips per run stays constant however many cells there are.
 */
import { joinUnderLimit, runsOf } from "../shared/address";
import type { Capabilities } from "./capabilities";
import { groupByFill, isNoFill, isOurNote, STORE_SHEET, storeRows, type AnnotationKind, type Fill, type MarkEntry } from "../shared/marks";

const FILL_PROPS = "color";
const FILL_PROPS_FULL = "color,pattern,patternColor,tintAndShade";

export function loadFill(sheet: Excel.Worksheet, cell: string, caps: Capabilities): Excel.RangeFill {
  return sheet.getRange(cell).format.fill.load(caps.rangeAreas ? FILL_PROPS_FULL : FILL_PROPS);
}

export function fillOf(loaded: Excel.RangeFill, caps: Capabilities): Fill {
  if (!caps.rangeAreas) return { color: loaded.color };
  return { color: loaded.color, pattern: loaded.pattern, patternColor: loaded.patternColor, tintAndShade: loaded.tintAndShade };
}

/** Range objects covering the cells: column runs, joined into getRanges calls (1.9) or one range per run. */
function targets(sheet: Excel.Worksheet, cells: readonly string[], caps: Capabilities): { format: { fill: Excel.RangeFill } }[] {
  const runs = runsOf(cells);
  return caps.rangeAreas ? joinUnderLimit(runs).map((list) => sheet.getRanges(list)) : runs.map((run) => sheet.getRange(run));
}

function setFill(fill: Excel.RangeFill, to: Fill): void {
  if (isNoFill(to)) {
    fill.clear();
    return;
  }
  fill.color = to.color;
  if (to.pattern !== undefined) fill.pattern = to.pattern as Excel.FillPattern;
  if (to.patternColor !== undefined) fill.patternColor = to.patternColor;
  if (to.tintAndShade !== undefined && to.tintAndShade !== null) fill.tintAndShade = to.tintAndShade;
}

/** Paint cells grouped by identical fill. */
export function paint(sheet: Excel.Worksheet, cells: { cell: string; fill: Fill }[], caps: Capabilities): void {
  for (const g of groupByFill(cells)) for (const t of targets(sheet, g.cells, caps)) setFill(t.format.fill, g.fill);
}

/** The notes (1.18) or comments (1.10) of a sheet, whichever this Excel writes. */
export function annotations(sheet: Excel.Worksheet, kind: AnnotationKind): Excel.NoteCollection | Excel.CommentCollection {
  return kind === "note" ? sheet.notes : sheet.comments;
}

export interface LoadedAnnotation {
  item: Excel.Note | Excel.Comment;
  location: Excel.Range;
}

/** Step 1 of 2: the items with their text. */
export function loadAnnotationItems(sheet: Excel.Worksheet, kind: AnnotationKind): Excel.NoteCollection | Excel.CommentCollection {
  return annotations(sheet, kind).load("items/content") as Excel.NoteCollection | Excel.CommentCollection;
}

/** Step 2 of 2: where each item sits. */
export function loadAnnotationLocations(collection: Excel.NoteCollection | Excel.CommentCollection): LoadedAnnotation[] {
  return (collection.items as (Excel.Note | Excel.Comment)[]).map((item) => ({ item, location: item.getLocation().load("address") }));
}

/** Loaded annotations by cell ("C7"). */
export function annotationsByCell(loaded: readonly LoadedAnnotation[]): Map<string, Excel.Note | Excel.Comment> {
  const out = new Map<string, Excel.Note | Excel.Comment>();
  for (const a of loaded) out.set(a.location.address.slice(a.location.address.lastIndexOf("!") + 1).replace(/\$/g, ""), a.item);
  return out;
}

/** Delete the annotation we added on a cell – only while its text is still ours. */
function removeOurAnnotation(existing: Map<string, Excel.Note | Excel.Comment> | undefined, entry: MarkEntry): void {
  if (!entry.annotation) return;
  const item = existing?.get(entry.cell);
  if (item && isOurNote(item.content)) item.delete();
}

/**
 * Undo marks: the original fill where the cell still has our colour (a fill
 * changed by hand since is left alone), and our note wherever it still is.
 */
export function restoreMarks(
  sheet: Excel.Worksheet,
  entries: readonly MarkEntry[],
  existing: Map<string, Excel.Note | Excel.Comment> | undefined,
  stillOurs: (e: MarkEntry) => boolean,
  caps: Capabilities,
): void {
  paint(sheet, entries.filter(stillOurs).map((e) => ({ cell: e.cell, fill: e.original })), caps);
  entries.forEach((e) => removeOurAnnotation(existing, e));
}

/** Replace the store sheet's contents with these entries (or remove the sheet when there are none). */
export function writeStore(context: Excel.RequestContext, existing: Excel.Worksheet | undefined, entries: readonly MarkEntry[]): void {
  const sheets = context.workbook.worksheets;
  if (entries.length === 0) {
    existing?.delete();
    return;
  }
  const sheet = existing ?? sheets.add(STORE_SHEET);
  if (existing) sheet.getRange().clear();
  else sheet.visibility = "VeryHidden";
  const rows = storeRows(entries);
  const range = sheet.getRange(`A1:E${rows.length}`);
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
}
