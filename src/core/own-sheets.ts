/**
 * Sheets taizhang itself writes into a workbook: the template's marker and 说明,
 * the add-in's 校验结果 and its record of original fills. The validator passes
 * over them, so a workbook that went through the add-in or came from a
 * template reads the same in the CLI, in merge and in Excel.
 */
export const MARKER_SHEET = "_taizhang";
export const NOTES_SHEET = "说明";
export const RESULTS_SHEET = "校验结果";
export const MARKS_STORE_SHEET = "_taizhang_marks";
export const SETTINGS_SHEET = "_taizhang_settings";

export const isOwnSheet = (name: string): boolean => name === NOTES_SHEET || name === RESULTS_SHEET || name.startsWith(MARKER_SHEET);
