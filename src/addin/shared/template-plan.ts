/**
 * 插入模板 as data: a ledger's template sheet (src/core/template.ts, the same
 * model the `taizhang template` files are written from) laid out as the cell
 * writes any host makes – title, preamble, header, column formats and widths,
 * dropdown lists, frozen header. Text from the model goes through asText.
 */
import type { LedgerKey } from "../../core/ledger";
import type { Profile } from "../../core/profile";
import { columnLetter } from "../../core/table";
import { buildTemplate } from "../../core/template";
import { asText } from "./results-sheet";

/** A name not yet taken: 党员花名册, 党员花名册 (2), … */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** One cell above the header: a text, an empty input cell with its format, or a formula. */
export type PreambleWrite =
  | { cell: string; kind: "text"; text: string }
  | { cell: string; kind: "input"; numFmt: string }
  | { cell: string; kind: "formula"; formula: string; numFmt: string };

export interface ColumnWrite {
  /** "E" */
  letter: string;
  /** Width in characters (a CJK character counts two). */
  width: number;
  /** The data cells below the header ("E3:E502"). */
  data: string;
  numFmt: string | null;
  /** Comma-separated dropdown options, if the column has a list. */
  list: string | null;
}

export interface TemplatePlan {
  name: string;
  title: string;
  preamble: PreambleWrite[];
  /** "A2:N2" */
  header: string;
  headers: string[];
  headerFill: string;
  columns: ColumnWrite[];
  dataRows: number;
  freezeRows: number;
}

export const TITLE_CELL = "A1";

export function templatePlan(key: LedgerKey, profile: Profile, taken: readonly string[]): TemplatePlan {
  const [model] = buildTemplate(key, profile).sheets;
  const firstData = model.headerRow + 1;
  const lastData = model.headerRow + model.dataRows;
  const preamble = model.preamble.flatMap((cells, i) =>
    cells.map((cell, c): PreambleWrite => {
      const at = `${columnLetter(c)}${i + 2}`;
      if (cell.kind === "text") return { cell: at, kind: "text", text: asText(cell.text) };
      if (cell.kind === "input") return { cell: at, kind: "input", numFmt: cell.numFmt };
      return { cell: at, kind: "formula", formula: `=${cell.formula}`, numFmt: cell.numFmt };
    }),
  );
  return {
    name: freeName(model.name, taken),
    title: asText(model.title),
    preamble,
    header: `A${model.headerRow}:${columnLetter(model.columns.length - 1)}${model.headerRow}`,
    headers: model.columns.map((c) => c.header),
    headerFill: "#FCE4D6",
    columns: model.columns.map((c, i) => {
      const letter = columnLetter(i);
      return {
        letter,
        width: c.width,
        data: `${letter}${firstData}:${letter}${lastData}`,
        numFmt: c.numFmt,
        list: c.validation?.type === "list" ? c.validation.options.join(",") : null,
      };
    }),
    dataRows: model.dataRows,
    freezeRows: model.headerRow,
  };
}
