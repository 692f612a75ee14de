/**
 * One root cause, one finding: the same wrong ID number copied into several
 * ledgers is reported once, at its roster cell (else where first met), with the
 * other places listed in the same finding (“另见 党费收缴 B11，学习培训 B50–B53”).
 */
import type { Finding, Place } from "./finding";
import type { LedgerKey } from "./ledger";
import { personId } from "./rules/people";

export interface FoldSheet {
  sheet: string;
  ledger: LedgerKey | null;
  findings: Finding[];
}

/** Fold the findings of a workbook's sheets in place; sheets in workbook order. */
export function foldFindings(sheets: readonly FoldSheet[]): void {
  const groups = new Map<string, { sheet: FoldSheet; finding: Finding }[]>();
  for (const sheet of sheets) {
    for (const finding of sheet.findings) {
      if (!finding.code.startsWith("id.") || finding.value === null) continue;
      const key = `${finding.code}|${personId(finding.value)}`;
      const group = groups.get(key);
      if (group) group.push({ sheet, finding });
      else groups.set(key, [{ sheet, finding }]);
    }
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keeper = group.find((g) => g.sheet.ledger === "roster") ?? group[0];
    const others = group.filter((g) => g !== keeper);
    const related = others.map(({ finding: f }): Place => ({ sheet: f.sheet!, row: f.row, column: f.column, cell: f.cell }));
    const index = keeper.sheet.findings.indexOf(keeper.finding);
    keeper.sheet.findings[index] = { ...keeper.finding, message: `${keeper.finding.message}；另见 ${describePlaces(related)}`, related };
    for (const { sheet, finding } of others) sheet.findings.splice(sheet.findings.indexOf(finding), 1);
  }
}

/** “党费收缴 B11，学习培训 B50–B53”: by sheet, runs of rows in one column as a range. */
export function describePlaces(places: readonly Place[]): string {
  const bySheet = new Map<string, Place[]>();
  for (const p of places) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  return [...bySheet]
    .map(([sheet, list]) => `${sheet} ${cellRuns(list).join("、")}`)
    .join("，");
}

function cellRuns(places: readonly Place[]): string[] {
  const sorted = [...places].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const runs: { column: string | null; from: number | null; to: number | null }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && p.row !== null && last.to !== null && last.column === p.column && p.row === last.to + 1) last.to = p.row;
    else runs.push({ column: p.column, from: p.row, to: p.row });
  }
  return runs.map(({ column, from, to }) => {
    if (from === null) return "";
    const at = (row: number) => (column ? `${column}${row}` : `第 ${row} 行`);
    return from === to ? at(from) : `${at(from)}–${at(to!)}`;
  });
}
