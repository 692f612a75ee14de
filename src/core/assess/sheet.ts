/**
 * The 考核 sheet (one row per branch, one column per item, the evidence beside
 * the items the ledgers score, totals, 受处分, grade) and the 评分表 sheet (the
 * table itself, and how each item is scored); and reading back the 考核 sheet
 * the assessment group filled in. Plain data: the summary writer renders it.
 */
import type { ColumnWidth, SummaryColumn, SummarySheet, SummaryValue } from "../merge/types";
import { cellText, squeeze } from "../text";
import type { Table, Workbook } from "../table";
import { totals, itemMode, type BranchAssessment, type ItemScore, type TypedRow } from "./score";
import { itemPoints, itemsOf, tableName, type AssessmentItem, type AssessmentTable } from "./table";

export const ASSESS_SHEET = "考核";
export const TABLE_SHEET = "评分表";

const MODE_MARK = { ledgers: "", partly: "，部分待评", group: "，待评" } as const;
const itemHeader = (item: AssessmentItem) => `${item.no}.${item.short}（${itemPoints(item)}分${MODE_MARK[itemMode(item)]}）`;
const evidenceHeader = (no: number) => `${no}.依据`;
const bonusHeader = (b: { no: number; short: string }) => `${b.no}.${b.short}（附加分，待评）`;
const FIXED = { branch: "支部", file: "来源文件", base: "基本分", bonus: "附加分", total: "总分", sanction: "受处分", grade: "等级", notes: "说明" } as const;

const text = (header: string, width?: ColumnWidth): SummaryColumn => (width ? { header, kind: "text", width } : { header, kind: "text" });
const number = (header: string): SummaryColumn => ({ header, kind: "number" });
/** An item's score: narrow, and shaded when empty where the group scores it (待评). */
const score = (header: string, toFill: boolean): SummaryColumn => ({ header, kind: "number", width: "narrow", toFill });

const scoreCell = (s: ItemScore): SummaryValue => s.score ?? s.typed ?? null;

export function assessmentSheet(assessments: readonly BranchAssessment[], table: AssessmentTable): SummarySheet {
  const items = itemsOf(table);
  const bonus = table.bonus?.items ?? [];
  const columns: SummaryColumn[] = [text(FIXED.branch), text(FIXED.file)];
  for (const item of items) {
    columns.push(score(itemHeader(item), itemMode(item) !== "ledgers"));
    if (itemMode(item) !== "group") columns.push(text(evidenceHeader(item.no), "prose"));
  }
  columns.push(...bonus.map((b) => score(bonusHeader(b), true)));
  columns.push(number(FIXED.base), number(FIXED.bonus), number(FIXED.total), text(FIXED.sanction), text(FIXED.grade), text(FIXED.notes, "prose"));
  const rows = assessments.map((a): SummaryValue[] => {
    const t = totals(a, table);
    const row: SummaryValue[] = [a.branch, a.file];
    items.forEach((item, i) => {
      row.push(scoreCell(a.items[i]));
      if (itemMode(item) !== "group") row.push(a.items[i].evidence);
    });
    row.push(...a.bonus.map(scoreCell));
    const notes = [...a.notes];
    if (a.sanctioned.length > 0) notes.push(`花名册备注记有处分：${a.sanctioned.join("、")}`);
    if (t.vetoed) notes.push(`${table.veto!.text}`);
    row.push(t.base, t.bonus, t.total, t.vetoed ? "是" : "否", t.grade, notes.join("；") || null);
    return row;
  });
  // Two columns to most items: three pages wide on paper, the branch column frozen beside the scores.
  return { name: ASSESS_SHEET, columns, rows, filter: true, totalRow: false, form: { frozenColumns: 1, pagesWide: 3 } };
}

/** The table as the group reads it: every item, its measures, and whether the ledgers score it. */
export function tableSheet(table: AssessmentTable): SummarySheet {
  const how = (item: AssessmentItem) =>
    item.measures.map((m) => `${m.name} ${m.points} 分：${m.check ? "据台账建议" : "考核小组评定"}`).join("；");
  const rows: SummaryValue[][] = table.sections.flatMap((s) =>
    s.items.map((item): SummaryValue[] => [`${s.name}（${s.points}分）`, item.no, item.text, itemPoints(item), how(item)]),
  );
  for (const b of table.bonus?.items ?? []) rows.push([`${table.bonus!.name}（附加分）`, b.no, b.text, null, "考核小组评定"]);
  rows.push([`等级`, null, table.grades.map((g) => `${g.grade}：${g.min} 分及以上`).join("；"), null, "总分（基本分 + 附加分）由 taizhang 计算"]);
  if (table.veto) rows.push(["一票否决", null, table.veto.text, null, `花名册备注含“${table.veto.words.join("、")}”或“受处分”填“是”，等级为${table.veto.grade}`]);
  rows.push(["出处", null, `${tableName(table)}${table.source ? `（${table.source}）` : ""}`, null, null]);
  return {
    name: TABLE_SHEET,
    columns: [text("一级指标"), number("序号"), text("二级指标及内容", "long"), number("分值"), text("测评要素与评分方式", "prose")],
    rows,
    filter: false,
    totalRow: false,
    form: { frozenColumns: 0, pagesWide: 1 },
  };
}

export class ScoresFileError extends Error {}

/** Rows searched for the 考核 header (a title row or two above it are fine). */
const HEADER_ROWS = 5;

/**
 * The 考核 sheet of a scores file the group filled in: per branch the cells it
 * typed, by item number. Refused with a zh-CN message when the sheet is not
 * there or its columns are not those of the table.
 */
export function readTypedScores(workbook: Workbook, table: AssessmentTable, label: string): TypedRow[] {
  const sheet = workbook.sheets.find((s) => s.name === ASSESS_SHEET);
  if (!sheet) throw new ScoresFileError(`${label} 中没有“${ASSESS_SHEET}”工作表：请用 taizhang assess 生成的考核表填写评分`);
  const grid = sheet.cells.map((row) => row.map((c) => squeeze(cellText(c))));
  const headerAt = grid.slice(0, HEADER_ROWS).findIndex((row) => row.includes(FIXED.branch) && row.includes(FIXED.grade));
  if (headerAt < 0) throw new ScoresFileError(`${label} 的“${ASSESS_SHEET}”工作表前 ${HEADER_ROWS} 行中没有表头（支部 … 等级）`);
  const header = grid[headerAt];
  const col = (name: string) => header.indexOf(name);
  const names = new Map<number, string>([...itemsOf(table), ...(table.bonus?.items ?? [])].map((i) => [i.no, i.short]));
  const itemCols = new Map<number, number>();
  const evidenceCols = new Map<number, number>();
  const unknown: string[] = [];
  header.forEach((h, c) => {
    const m = /^(\d+)\.(.*)$/.exec(h);
    if (!m) return;
    const no = Number(m[1]);
    if (m[2] === "依据") evidenceCols.set(no, c);
    else if (names.has(no) && m[2].startsWith(names.get(no)!)) itemCols.set(no, c);
    else unknown.push(h);
  });
  const missing = [...names.keys()].filter((no) => !itemCols.has(no));
  if (missing.length > 0 || unknown.length > 0) {
    const what = [missing.length > 0 ? `缺少第 ${missing.join("、")} 项的列` : "", unknown.length > 0 ? `表中的“${unknown.join("”“")}”不是该评分表的项目` : ""];
    throw new ScoresFileError(`${label} 的“${ASSESS_SHEET}”工作表与${tableName(table)}不符：${what.filter(Boolean).join("；")}（是否用了另一份评分表的配置？）`);
  }
  const out: TypedRow[] = [];
  for (let r = headerAt + 1; r < sheet.cells.length; r++) {
    const raw = (c: number) => cellText(sheet.cells[r]?.[c] ?? null).trim();
    const branch = raw(col(FIXED.branch));
    if (branch === "") continue;
    const cells = new Map<number, string | number | boolean>();
    for (const [no, c] of itemCols) {
      const value = valueAt(sheet, r, c);
      if (value !== null) cells.set(no, value);
    }
    const evidence = new Map<number, string>();
    for (const [no, c] of evidenceCols) if (raw(c)) evidence.set(no, raw(c));
    out.push({
      branch,
      file: col(FIXED.file) >= 0 ? raw(col(FIXED.file)) || null : null,
      cells,
      evidence,
      sanction: col(FIXED.sanction) >= 0 && grid[r][col(FIXED.sanction)] === "是",
      row: sheet.origin.row + r + 1,
    });
  }
  return out;
}

function valueAt(sheet: Table, r: number, c: number): string | number | boolean | null {
  const v = sheet.cells[r]?.[c]?.value ?? null;
  return typeof v === "string" && v.trim() === "" ? null : v;
}
