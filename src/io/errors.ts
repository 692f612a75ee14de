/**
 * A file that cannot be read at all. The message is zh-CN, names the file and
 * says what to do; callers report it for that file and go on with the others.
 */
export type ReadErrorKind =
  | "not-spreadsheet"
  | "encrypted"
  | "corrupt"
  | "empty"
  | "too-big"
  | "timeout"
  | "no-ledger"
  | "not-found";

export class ReadError extends Error {
  constructor(
    readonly kind: ReadErrorKind,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

const MESSAGES: Record<ReadErrorKind, string> = {
  "not-spreadsheet": "不是电子表格文件（只支持 .xlsx、.xls 和 .csv）",
  encrypted: "文件已加密（设置了打开密码），请在 Excel 中取消密码后重新提交",
  corrupt: "文件已损坏，无法打开；请在 Excel 中打开并另存为 .xlsx 后重新提交",
  empty: "文件是空的",
  "too-big": "文件过大或结构异常，已跳过",
  timeout: "文件过大或结构异常，已跳过（读取超时）",
  "no-ledger": "没有找到可识别的台账工作表",
  "not-found": "找不到文件",
};

export function readError(kind: ReadErrorKind, file: string, detail?: string): ReadError {
  return new ReadError(kind, file, `${file}：${MESSAGES[kind]}${detail ? `（${detail}）` : ""}`);
}
