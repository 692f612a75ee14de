/**
 * The workbook's 列对应 in WPS (header → field per ledger, src/core/columns.ts):
 * made in the task pane's 列对应 step, saved with the workbook as the row
 * “columns | {JSON}” of the settings sheet (./settings.ts), read by 校验本表
 * and 校验全部 as Excel reads its document setting `taizhang.columns`. A
 * saved mapping that cannot be read is ignored with a notice: the headers are
 * then read by the vocabulary alone.
 */
import { ColumnMappingError, NO_MAPPING, resolveColumnMapping, type ColumnMapping, type ColumnMappingInput } from "../../core/columns";
import { READ_LEDGERS } from "../../core/ledgers";
import type { EtApplication } from "./et";
import { readSetting, writeSetting } from "./settings";

const COLUMNS_KEY = "columns";

export interface WorkbookColumns {
  /** The saved choices, as the 列对应 step adds to them ({} when none, or unreadable). */
  input: ColumnMappingInput;
  mapping: ColumnMapping;
  /** zh-CN, when a saved mapping could not be read and is ignored. */
  notice: string | null;
}

/** The 列对应 saved with the active workbook. */
export function workbookColumns(app: EtApplication): WorkbookColumns {
  const saved = readSetting(app, COLUMNS_KEY);
  if (saved === null || saved === "") return { input: {}, mapping: NO_MAPPING, notice: null };
  try {
    const input = JSON.parse(saved) as ColumnMappingInput;
    return { input, mapping: resolveColumnMapping(input, READ_LEDGERS), notice: null };
  } catch (e) {
    const why = e instanceof ColumnMappingError ? e.message : "保存的内容不是有效的 JSON";
    return {
      input: {},
      mapping: NO_MAPPING,
      notice: `本工作簿保存的列对应无法读取（${why}），已忽略，表头只按词表识别。可在“党建台账 → 打开助手”中重新对应列，保存时将替换它。`,
    };
  }
}

/** Save the 列对应 with the active workbook, replacing the one saved before. */
export function saveColumnsInWps(app: EtApplication, input: ColumnMappingInput): void {
  writeSetting(app, COLUMNS_KEY, JSON.stringify(input), "工作簿结构受保护，无法保存列对应，工作簿没有任何改动。请先在“审阅 → 保护工作簿”中取消保护，再保存列对应。");
}
