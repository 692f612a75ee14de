/**
 * Checks across submissions (RULES.md "Across sheets and files"): the merge
 * scope of the rules. Each returns findings; the merge places them in the file
 * they concern (or in merge.issues when they concern no file).
 */
import { makeFinding, type Finding } from "../finding";
import { sheetsOf, text } from "../ledger";
import { personId } from "../rules/people";
import { columnLetter } from "../table";
import { isStaleTemplateVersion, TEMPLATE_VERSION } from "../template";
import type { Decision } from "./select";
import type { CheckedInput } from "./types";

export type FileFindings = Map<CheckedInput, Finding[]>;

const add = (map: FileFindings, input: CheckedInput, finding: Finding) => map.set(input, [...(map.get(input) ?? []), finding]);

/** merge.unreadable: the file is reported and the others still merge. */
export function unreadableFindings(decisions: readonly Decision[], out: FileFindings): void {
  for (const d of decisions) {
    if (d.status !== "unreadable") continue;
    add(out, d.input, makeFinding("merge.unreadable", `${d.reason}；该文件未汇总，其他文件照常汇总`));
  }
}

/** merge.superseded: an older file of a branch that sent two is named, not dropped. */
export function supersededFindings(decisions: readonly Decision[], out: FileFindings): void {
  for (const d of decisions) {
    if (d.status === "skipped") add(out, d.input, makeFinding("merge.superseded", d.reason ?? ""));
  }
}

interface Place {
  input: CheckedInput;
  sheet: string;
  row: number;
  column: string | null;
  name: string | null;
  id: string;
}

/**
 * merge.duplicate-person: one 身份证号 in the rosters of two branches. A member's
 * organisational relation is in one branch only (党章 第八条; 组织关系); each
 * place gets a finding that names the other.
 */
export function duplicatePersonFindings(decisions: readonly Decision[], out: FileFindings): void {
  const byId = new Map<string, Place[]>();
  for (const d of decisions) {
    if (d.status !== "merged" || !d.input.result) continue;
    for (const sheet of sheetsOf(d.input.result.parsed, "roster")) {
      const col = sheet.columns.get("idNumber");
      for (const row of sheet.rows) {
        const id = text(row, "idNumber");
        if (!id) continue;
        const key = personId(id);
        const place = { input: d.input, sheet: sheet.table.name, row: row.row, column: col === undefined ? null : columnLetter(col), name: text(row, "name"), id };
        byId.set(key, [...(byId.get(key) ?? []), place]);
      }
    }
  }
  for (const places of byId.values()) {
    if (new Set(places.map((p) => p.input)).size < 2) continue;
    for (const here of places) {
      const elsewhere = places.filter((p) => p.input !== here.input).map(describe).join("；");
      const who = here.name ? `“${here.name}”` : "此人";
      add(
        out,
        here.input,
        makeFinding("merge.duplicate-person", `${who}的身份证号同时出现在 ${elsewhere}；一名党员的组织关系只能在一个党支部，请核实后从其中一个支部的花名册中删除`, {
          sheet: here.sheet,
          row: here.row,
          column: here.column,
          field: "idNumber",
          value: here.id,
        }),
      );
    }
  }
}

const describe = (p: Place) => `“${p.input.branch.name}”（${p.input.file}，${p.sheet} 第 ${p.row} 行${p.name ? `，${p.name}` : ""}）`;

/** merge.stale-template: filled in from an older version of our template (its marker says which). */
export function staleTemplateFindings(decisions: readonly Decision[], out: FileFindings): void {
  for (const d of decisions) {
    const marker = d.input.marker;
    if (d.status === "unreadable" || !marker || !isStaleTemplateVersion(marker.version)) continue;
    add(
      out,
      d.input,
      makeFinding(
        "merge.stale-template",
        `本文件用 ${marker.version || "未知"} 版模板填写，当前模板为 ${TEMPLATE_VERSION} 版；列或规则可能已有变化，下次请用新模板（taizhang template）`,
      ),
    );
  }
}

/**
 * merge.missing-branch: an expected branch that sent nothing at all (an unreadable
 * file is not “nothing”). The inputs carry the listed names they matched (identity.ts).
 */
export function missingBranches(expected: readonly string[], inputs: readonly CheckedInput[]): { missing: string[]; findings: Finding[] } {
  const sent = new Set(inputs.map((i) => i.branch.name));
  const missing = expected.filter((name) => !sent.has(name));
  return {
    missing,
    findings: missing.map((name) => makeFinding("merge.missing-branch", `应提交的“${name}”没有提交台账（按 --expect 名单核对）`, { value: name })),
  };
}
