/**
 * The sheets `taizhang merge` adds on request (issue 16): 变化 with
 * `--previous 上次汇总.xlsx`, 考核 and 评分表 with `--assess`. Kept apart
 * from merge.ts, which calls prepareExtras before reading and addExtras after.
 */
import * as path from "node:path";
import type { Command } from "commander";
import type { Profile } from "../../core";
import { assessMerge, tableName, totals } from "../../core/assess";
import { changesSheet, changesSince, formatChanges, summarySnapshot, SummaryFileError, type Changes, type Snapshot } from "../../core/merge/changes";
import type { CheckedInput, MergeOptions, SummaryModel } from "../../core/merge";
import type { LoadOptions } from "../../io/load";
import { OwnFileError, readOwnWorkbook } from "../../io/read-own";
import { UsageError } from "../options";
import { tableOf } from "./assess";

export interface ExtraFlags {
  previous?: string;
  assess?: boolean;
}

export function addMergeExtras(command: Command): Command {
  return command
    .option("--previous <file>", "上次的汇总工作簿：增加“变化”工作表，列出各支部自上次以来的变化")
    .option("--assess", "增加“考核”和“评分表”工作表：按配置的考核评分表据台账给出建议分");
}

export interface Extras {
  previous: { label: string; snapshot: Snapshot } | null;
  assess: boolean;
}

/** Read the last summary and check the assessment table before any ledger is read: a usage error comes first. */
export async function prepareExtras(flags: ExtraFlags, profile: Profile, limits: LoadOptions): Promise<Extras> {
  if (flags.assess) tableOf(profile);
  if (flags.previous === undefined) return { previous: null, assess: flags.assess === true };
  const label = path.basename(flags.previous);
  try {
    const workbook = await readOwnWorkbook(flags.previous, `上次汇总“${label}”`, limits);
    return { previous: { label, snapshot: summarySnapshot(workbook, `上次汇总“${label}”`) }, assess: flags.assess === true };
  } catch (e) {
    if (e instanceof OwnFileError || e instanceof SummaryFileError) throw new UsageError(e.message);
    throw e;
  }
}

/** Append the requested sheets to the summary; the terminal text and the JSON for them. */
export function addExtras(extras: Extras, checked: readonly CheckedInput[], summary: SummaryModel, options: MergeOptions): { text: string; json: object } {
  let text = "";
  const json: { changes?: Changes; assessment?: object[] } = {};
  if (extras.previous) {
    const changes = changesSince(extras.previous, checked, summary, options);
    summary.sheets.push(changesSheet(changes));
    text += formatChanges(changes);
    json.changes = changes;
  }
  if (extras.assess) {
    const { table, assessments, model } = assessMerge(checked, options);
    summary.sheets.push(...model.sheets);
    const lines = assessments.map((a) => {
      const t = totals(a, table);
      return `  ${a.branch}：据台账 ${t.base} 分，${t.grade}`;
    });
    text += `考核评分（${tableName(table)}），待评项目请考核小组在“考核”工作表中填写后用 taizhang assess --scores 重算：\n${lines.join("\n")}\n`;
    json.assessment = assessments.map((a) => ({ branch: a.branch, ...totals(a, table) }));
  }
  return { text, json };
}
