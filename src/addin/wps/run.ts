/**
 * 校验本表 / 校验全部 as the workbook asks, for the ribbon (./main.ts) and the
 * task pane alike: by its 配置 (./profile.ts) and its 列对应 (./columns.ts),
 * then the headers still not recognised, which the pane's 列对应 step offers.
 */
import { proposeColumns, type ColumnMappingInput, type ColumnProposal } from "../../core/columns";
import type { IsoDate } from "../../core/dates";
import { READ_LEDGERS } from "../../core/ledgers";
import type { Profile } from "../../core/profile";
import type { RunResult, Scope } from "../shared/run-plan";
import { workbookColumns } from "./columns";
import { workbookProfile } from "./profile";
import { validateInWps } from "./validate";
import { runInWps } from "./workbook";

export interface WorkbookRun {
  result: RunResult;
  profile: Profile;
  /** The workbook's saved 列对应, which the step's choices are added to. */
  columns: ColumnMappingInput;
  /** zh-CN: a saved 配置 or 列对应 that could not be used. */
  notices: string[];
  /** The headers of the sheets in scope that no field took. */
  proposals: ColumnProposal[];
}

export function validateWorkbookInWps(scope: Scope, asOf: IsoDate): WorkbookRun {
  const saved = runInWps((app) => ({ profile: workbookProfile(app), columns: workbookColumns(app) }));
  const { profile } = saved.profile;
  const result = validateInWps({ scope, profile, asOf, columns: saved.columns.mapping });
  const sheets = result.report.sheets.filter((s) => scope === "all" || s.sheet === result.activeSheet);
  return {
    result,
    profile,
    columns: saved.columns.input,
    notices: [saved.profile.notice, saved.columns.notice].filter((n): n is string => n !== null),
    proposals: proposeColumns(sheets, READ_LEDGERS, saved.columns.input),
  };
}

/** The message box's pointer to the 列对应 step, when some header was not recognised. */
export const unrecognisedText = (proposals: readonly ColumnProposal[]): string[] =>
  proposals.length === 0 ? [] : [`有 ${proposals.length} 个表头未认出，可在“党建台账 → 打开助手”中点“校验本工作簿并对应列”，为它们对应列。`];
