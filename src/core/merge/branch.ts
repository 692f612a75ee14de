/**
 * Which branch a submission belongs to, and how recent it is. Files arrive by
 * mail or chat with names like `三支部台账(终版2).xlsx`, so the name is the
 * last resort: the roster's 所在支部 says it best, then our template marker or
 * a title row such as `计算机学院第三党支部党员花名册`.
 */
import type { IsoDate } from "../dates";
import type { ParsedWorkbook } from "../ledger";
import { sheetsOf, text } from "../ledger";
import { cellAt, lastCol, type TemplateMarker } from "../table";
import { cellText, squeeze } from "../text";
import type { BranchIdentity, BranchSource } from "./types";

/** How the report and the 汇总 sheet name each source. */
export const BRANCH_SOURCE_LABEL: Record<BranchSource, string> = {
  roster: "花名册“所在支部”",
  marker: "模板标记",
  title: "标题行",
  file: "文件名",
};

/** Every name a submission goes by, the most trusted first; the file name always last. */
export function branchCandidates(parsed: ParsedWorkbook | null, marker: TemplateMarker | null, file: string): BranchIdentity[] {
  const found: [string | null, BranchSource][] = [
    [parsed ? mostCommonRosterBranch(parsed) : null, "roster"],
    [marker?.branch ? squeeze(marker.branch) : null, "marker"],
    [parsed ? branchFromTitles(parsed) : null, "title"],
    [branchFromFileName(file), "file"],
  ];
  return found.flatMap(([name, source]) => (name ? [{ name, source }] : []));
}

function mostCommonRosterBranch(parsed: ParsedWorkbook): string | null {
  const counts = new Map<string, number>();
  for (const sheet of sheetsOf(parsed, "roster")) {
    for (const row of sheet.rows) {
      const branch = text(row, "branch");
      if (branch) counts.set(squeeze(branch), (counts.get(squeeze(branch)) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [name, n] of counts) if (best === null || n > counts.get(best)!) best = name;
  return best;
}

const BRANCH_IN_TITLE = /^(.+?(?:党支部|支部))/u;

/** A title row above a ledger's header: `XX党支部党员花名册` → `XX党支部`. */
function branchFromTitles(parsed: ParsedWorkbook): string | null {
  for (const sheet of parsed.sheets) {
    const { table } = sheet;
    for (let r = table.origin.row; r < sheet.headerRow - 1; r++) {
      for (let c = table.origin.col; c <= lastCol(table); c++) {
        const m = BRANCH_IN_TITLE.exec(squeeze(cellText(cellAt(table, r, c))));
        if (m) return m[1];
      }
    }
  }
  return null;
}

/** Words secretaries add to file names that say nothing about the branch. */
const FILE_NAME_NOISE = [
  /[(（【[][^)）】\]]*[)）】\]]/gu, // (终版2)、（修改）、【副本】
  /台账|汇总表|最终版|终版|定稿|修改版|修订版|修改|副本|最新版?|新版|旧版|v\d+|\d{4}年度?|\d{6,8}/giu,
  /[-_—.·\s]+/gu,
];

export function branchFromFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const cleaned = FILE_NAME_NOISE.reduce((s, noise) => s.replace(noise, ""), squeeze(base));
  return cleaned || squeeze(base);
}

/** The latest date recorded in the ledgers (future-allowed fields like 届满日期 aside). */
export function latestLedgerDate(parsed: ParsedWorkbook): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const sheet of parsed.sheets) {
    const dateKeys = sheet.ledger.fields.filter((f) => f.kind === "date" && !f.allowFuture && sheet.columns.has(f.key)).map((f) => f.key);
    for (const row of sheet.rows) {
      for (const key of dateKeys) {
        const d = text(row, key);
        if (d && (latest === null || d > latest)) latest = d;
      }
    }
  }
  return latest;
}

/** Branch names compare without spaces or full-width variants. */
export const branchKey = (name: string): string => squeeze(name);
