/**
 * Failures a secretary can hit inside a spreadsheet host (Excel or WPS), each
 * with a zh-CN message that says what happened and what to do. Every run
 * checks before it writes, so when one of these is raised before the write
 * step nothing has been changed in the workbook.
 */
export type AddinErrorKind =
  | "cell-edit"
  | "protected-workbook"
  | "no-ledger"
  | "too-large"
  | "cancelled"
  | "old-excel"
  | "busy"
  | "unexpected";

export class AddinError extends Error {
  constructor(
    readonly kind: AddinErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "AddinError";
  }
}

/** The messages that read the same in every host. */
export const HOST_NEUTRAL_MESSAGES = {
  "protected-workbook": "工作簿结构受保护，无法添加“校验结果”表和标记记录。问题已列在助手中；如需在单元格上标记，请先在“审阅 → 保护工作簿”中取消保护。",
  cancelled: "已取消，工作簿没有任何改动。",
  unexpected: "操作未完成，工作簿没有任何改动。",
} as const;

export type NeutralKind = keyof typeof HOST_NEUTRAL_MESSAGES;

export const withDetail = (message: string, detail?: string): string => (detail ? `${message}（${detail}）` : message);

export const neutralError = (kind: NeutralKind, detail?: string): AddinError => new AddinError(kind, withDetail(HOST_NEUTRAL_MESSAGES[kind], detail));
