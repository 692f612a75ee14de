/**
 * Office.js reads and writes shared by validate and clear, each queued
 * through a Batch (./batch.ts) so that no request passes Excel on the web's
 * size limit: the caller's syncs are the Batch's.
 */
import { areaAddress, joinUnderLimit, parseArea, runsOf, type Area } from "../shared/address";
import type { Capabilities } from "./capabilities";
import { groupByFill, isNoFill, isOurNote, STORE_SHEET, type AnnotationKind, type Fill, type MarkEntry } from "../shared/marks";
import { Batch, FILL_READ_BYTES, isPayloadTooLarge, jsonBytes, OPERATION_BYTES, READ_CELL_BYTES } from "./batch";
import { maxOf } from "../../core/numbers";

const FILL_PROPS = "color";
const FILL_PROPS_FULL = "color,pattern,patternColor,tintAndShade";
/** A note or comment read back: its text (ours are a few hundred characters) and its location. */
const ANNOTATION_READ_BYTES = 2 * OPERATION_BYTES + 1024;

export type Annotation = Excel.Note | Excel.Comment;

/** The fills of these cells, FILL_READ_BYTES each. */
export async function loadFills(batch: Batch, cells: readonly { sheet: Excel.Worksheet; cell: string; key: string }[], caps: Capabilities): Promise<Map<string, Fill>> {
  const loaded: [string, Excel.RangeFill][] = [];
  for (const c of cells) {
    await batch.add(FILL_READ_BYTES);
    loaded.push([c.key, c.sheet.getRange(c.cell).format.fill.load(caps.rangeAreas ? FILL_PROPS_FULL : FILL_PROPS)]);
  }
  await batch.flush();
  return new Map(loaded.map(([key, fill]) => [key, fillOf(fill, caps)]));
}

function fillOf(loaded: Excel.RangeFill, caps: Capabilities): Fill {
  if (!caps.rangeAreas) return { color: loaded.color };
  return { color: loaded.color, pattern: loaded.pattern, patternColor: loaded.patternColor, tintAndShade: loaded.tintAndShade };
}

/**
 * Values (and number formats) of whole ranges, read in row blocks: blocks of
 * several ranges share a sync up to the budget, sized at READ_CELL_BYTES a
 * cell or what the blocks read so far measured, whichever is more; a block
 * Excel still refuses as too large is read again at half the size.
 */
export async function readBlocks(
  batch: Batch,
  ranges: readonly { sheet: Excel.Worksheet; address: string }[],
  withFormats: boolean,
): Promise<{ values: unknown[][]; numberFormat: string[][] }[]> {
  const out = ranges.map(() => ({ values: [] as unknown[][], numberFormat: [] as string[][] }));
  const pending: { index: number; area: Area }[] = ranges.map((r, index) => ({ index, area: parseArea(r.address) }));
  let perCell = READ_CELL_BYTES;
  await batch.flush();
  while (pending.length > 0) {
    const pieces: { index: number; range: Excel.Range; area: Area }[] = [];
    let bytes = 0;
    while (pending.length > 0 && bytes < batch.budget) {
      const { index, area } = pending[0];
      const width = area.right - area.left + 1;
      const fit = Math.max(1, Math.floor((batch.budget - bytes) / (width * perCell)));
      if (pieces.length > 0 && fit < Math.min(area.bottom - area.top + 1, 64)) break;
      const bottom = Math.min(area.bottom, area.top + fit - 1);
      const piece = { ...area, bottom };
      if (bottom === area.bottom) pending.shift();
      else pending[0] = { index, area: { ...area, top: bottom + 1 } };
      const range = ranges[index].sheet.getRange(areaAddress(piece)).load(withFormats ? "values,numberFormat" : "values");
      pieces.push({ index, range, area: piece });
      bytes += (bottom - piece.top + 1) * width * perCell;
    }
    try {
      await batch.context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || pieces.every((p) => p.area.top === p.area.bottom)) throw e;
      pending.unshift(...pieces.map((p) => ({ index: p.index, area: p.area })));
      perCell *= 2;
      continue;
    }
    let measured = 0;
    let cells = 0;
    for (const p of pieces) {
      out[p.index].values.push(...p.range.values);
      if (withFormats) out[p.index].numberFormat.push(...p.range.numberFormat);
      measured += jsonBytes(p.range.values) + (withFormats ? jsonBytes(p.range.numberFormat) : 0);
      cells += (p.area.bottom - p.area.top + 1) * (p.area.right - p.area.left + 1);
    }
    perCell = Math.max(perCell, Math.ceil((measured / cells) * 1.25));
  }
  return out;
}

/** The notes (1.18) or comments (1.10) of a sheet. */
const collection = (sheet: Excel.Worksheet, kind: AnnotationKind): Excel.NoteCollection | Excel.CommentCollection =>
  kind === "note" ? sheet.notes : sheet.comments;

/** Every note or comment of these sheets by cell ("C7"), read item by item under the budget. */
export async function loadAnnotations(batch: Batch, sheets: readonly Excel.Worksheet[], kind: AnnotationKind): Promise<Map<string, Annotation>[]> {
  const counts = [];
  for (const s of sheets) {
    await batch.add(OPERATION_BYTES);
    counts.push(collection(s, kind).getCount());
  }
  await batch.flush();
  const loaded = sheets.map(() => [] as { item: Annotation; location: Excel.Range }[]);
  for (let i = 0; i < sheets.length; i++) {
    for (let k = 0; k < counts[i].value; k++) {
      await batch.add(ANNOTATION_READ_BYTES);
      const item = (collection(sheets[i], kind).getItemAt(k) as Annotation).load("content");
      loaded[i].push({ item, location: item.getLocation().load("address") });
    }
  }
  await batch.flush();
  return loaded.map((list) => new Map(list.map((a) => [a.location.address.slice(a.location.address.lastIndexOf("!") + 1).replace(/\$/g, ""), a.item])));
}

/** Range objects covering the cells: column runs, joined into getRanges calls (1.9) or one range per run. */
function targets(sheet: Excel.Worksheet, cells: readonly string[], caps: Capabilities): { address: string; format: () => { fill: Excel.RangeFill } }[] {
  const runs = runsOf(cells);
  return caps.rangeAreas
    ? joinUnderLimit(runs).map((list) => ({ address: list, format: () => sheet.getRanges(list).format }))
    : runs.map((run) => ({ address: run, format: () => sheet.getRange(run).format }));
}

/** The actions of a fill: a clear, or up to four properties set. */
function setFill(fill: Excel.RangeFill, to: Fill): number {
  if (isNoFill(to)) {
    fill.clear();
    return 1;
  }
  let actions = 1;
  fill.color = to.color;
  if (to.pattern !== undefined) (fill.pattern = to.pattern as Excel.FillPattern), actions++;
  if (to.patternColor !== undefined) (fill.patternColor = to.patternColor), actions++;
  if (to.tintAndShade !== undefined && to.tintAndShade !== null) (fill.tintAndShade = to.tintAndShade), actions++;
  return actions;
}

/** Paint cells grouped by identical fill: each target costs an action per property, each carrying its address. */
export async function paint(batch: Batch, sheet: Excel.Worksheet, cells: { cell: string; fill: Fill }[], caps: Capabilities): Promise<void> {
  for (const g of groupByFill(cells)) {
    for (const t of targets(sheet, g.cells, caps)) {
      await batch.add(4 * (OPERATION_BYTES + t.address.length));
      setFill(t.format().fill, g.fill);
    }
  }
}

/** Delete the annotation we added on a cell – only while its text is still ours, and once. */
async function removeOurAnnotation(batch: Batch, existing: Map<string, Annotation> | undefined, entry: MarkEntry): Promise<void> {
  if (!entry.annotation) return;
  const item = existing?.get(entry.cell);
  if (!item || !isOurNote(item.content)) return;
  await batch.add(OPERATION_BYTES);
  item.delete();
  existing!.delete(entry.cell);
}

/**
 * Undo marks: the original fill where the cell still has our colour (a fill
 * changed by hand since is left alone), and our note wherever it still is.
 */
export async function restoreMarks(
  batch: Batch,
  sheet: Excel.Worksheet,
  entries: readonly MarkEntry[],
  existing: Map<string, Annotation> | undefined,
  stillOurs: (e: MarkEntry) => boolean,
  caps: Capabilities,
): Promise<void> {
  await paint(batch, sheet, entries.filter(stillOurs).map((e) => ({ cell: e.cell, fill: e.original })), caps);
  for (const e of entries) await removeOurAnnotation(batch, existing, e);
}

/** Our note (or comment) on each cell: an old one of ours is rewritten, the others added. */
export async function writeNotes(batch: Batch, sheet: Excel.Worksheet, marks: readonly { cell: string; note: string }[], existing: Map<string, Annotation>, kind: AnnotationKind): Promise<void> {
  for (const m of marks) {
    await batch.add(OPERATION_BYTES + jsonBytes(m.note));
    const item = existing.get(m.cell);
    if (item) item.content = m.note;
    else collection(sheet, kind).add(sheet.getRange(m.cell), m.note);
  }
}

/**
 * Rows written from row `from` (1-based), in chunks under the budget: each
 * chunk's number formats first (text "@" unless `formatAt` says otherwise, so
 * an ID number stays text), then its contents as formulas (plain text in a
 * text cell stays text).
 */
export async function writeRows(batch: Batch, sheet: Excel.Worksheet, rows: readonly string[][], from: number, formatAt: (row: number, col: number) => string = () => "@"): Promise<void> {
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 2 * OPERATION_BYTES;
    while (end < rows.length && (end === start || bytes + 2 * jsonBytes(rows[end]) <= batch.budget)) bytes += 2 * jsonBytes(rows[end++]);
    await batch.add(bytes);
    const chunk = rows.slice(start, end);
    const width = maxOf(chunk.map((r) => r.length));
    const range = sheet.getRange(areaAddress({ top: from - 1 + start, left: 0, bottom: from - 2 + end, right: width - 1 }));
    range.numberFormat = chunk.map((r, i) => r.map((_, c) => formatAt(start + i, c)));
    range.formulas = chunk;
    start = end;
  }
}

/** Rows below `rows` of the store cleared (after it was rewritten shorter). */
export async function clearBelow(batch: Batch, sheet: Excel.Worksheet, rows: number): Promise<void> {
  await batch.add(OPERATION_BYTES);
  sheet.getRange(`A${rows + 1}:E1048576`).clear();
}

/** The record sheet: the existing one, or a new very hidden one. */
export async function storeSheet(batch: Batch, existing: Excel.Worksheet | undefined): Promise<Excel.Worksheet> {
  if (existing) return existing;
  await batch.add(2 * OPERATION_BYTES);
  const sheet = batch.context.workbook.worksheets.add(STORE_SHEET);
  sheet.visibility = "VeryHidden";
  return sheet;
}
