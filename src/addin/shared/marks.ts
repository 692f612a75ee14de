/**
 * Marks, planned as data: which cells get which colour and note, and the
 * record of each marked cell's original fill that lets 清除标记 restore it –
 * kept in a very hidden sheet, so it survives saving and reopening.
 */
import type { Severity } from "../../core/codes";
import type { Finding } from "../../core/finding";

/** The hidden sheet holding the originals (validation skips it and every sheet we own). */
export { MARKS_STORE_SHEET as STORE_SHEET, RESULTS_SHEET, isOwnSheet } from "../../core/own-sheets";

/** Excel's own light red / yellow / blue (条件格式 “浅红填充” …). */
export const MARK_COLORS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Every note or comment we write starts with this, so we delete ours and never a secretary's. */
export const NOTE_PREFIX = "【党建台账校验】";

/** Marks written per run at most; the 校验结果 sheet and the pane still list every finding. */
export const MAX_MARKS = 20_000;

export interface Fill {
  color: string;
  /** ExcelApi 1.9 only; "None" means no fill. */
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
}

export type AnnotationKind = "note" | "comment";

export interface MarkEntry {
  sheet: string;
  cell: string;
  /** The colour we painted: a cell whose fill is no longer this was changed by hand and is left alone. */
  markColor: string;
  original: Fill;
  /** The note/comment we added on the cell, if any. */
  annotation: AnnotationKind | null;
}

export interface CellMark {
  sheet: string;
  cell: string;
  color: string;
  note: string;
}

export const markKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One mark per cell: the worst severity's colour and every message of the cell in the note. */
export function planMarks(findings: readonly Finding[], limit = MAX_MARKS): { marks: CellMark[]; capped: boolean } {
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; messages: string[] }>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null) continue;
    const key = markKey(f.sheet, f.cell);
    const m = byCell.get(key);
    if (!m) byCell.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity, messages: [f.message] });
    else {
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
      m.messages.push(f.message);
    }
  }
  const all = [...byCell.values()];
  return {
    marks: all.slice(0, limit).map((m) => ({ sheet: m.sheet, cell: m.cell, color: MARK_COLORS[m.severity], note: noteText(m.messages) })),
    capped: all.length > limit,
  };
}

export const noteText = (messages: readonly string[]): string => `${NOTE_PREFIX}\n${messages.join("\n")}`;
export const isOurNote = (content: string): boolean => content.startsWith(NOTE_PREFIX);

/** No fill at all (ExcelApi 1.9 says pattern None; before it, white is all we can tell). */
export const isNoFill = (fill: Fill): boolean =>
  fill.pattern !== undefined ? fill.pattern === "None" : fill.color.toUpperCase() === "#FFFFFF";

/** Cells grouped by identical fill, so 5,000 red cells are painted in a handful of operations. */
export function groupByFill(cells: readonly { cell: string; fill: Fill }[]): { fill: Fill; cells: string[] }[] {
  const groups = new Map<string, { fill: Fill; cells: string[] }>();
  for (const c of cells) {
    const key = JSON.stringify(c.fill);
    (groups.get(key) ?? groups.set(key, { fill: c.fill, cells: [] }).get(key)!).cells.push(c.cell);
  }
  return [...groups.values()];
}

export const sameColor = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

const STORE_HEADER = ["工作表", "单元格", "标记颜色", "原填充", "批注"];

/** Store rows (header first); every cell is text so nothing is read as a formula or number. */
export function storeRows(entries: readonly MarkEntry[]): string[][] {
  return [STORE_HEADER, ...entries.map((e) => [e.sheet, e.cell, e.markColor, JSON.stringify(e.original), e.annotation ?? ""])];
}

export function parseStore(values: readonly unknown[][]): MarkEntry[] {
  const out: MarkEntry[] = [];
  for (const row of values.slice(1)) {
    const [sheet, cell, markColor, original, annotation] = row.map((v) => String(v ?? ""));
    if (!sheet || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    let fill: Fill;
    try {
      fill = JSON.parse(original) as Fill;
    } catch {
      continue;
    }
    if (typeof fill?.color !== "string") continue;
    out.push({ sheet, cell, markColor, original: fill, annotation: annotation === "note" || annotation === "comment" ? annotation : null });
  }
  return out;
}
