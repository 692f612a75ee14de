/**
 * Excel's failures (Office.js error codes) as AddinErrors with zh-CN messages
 * (../shared/errors.ts): Excel runs a failed batch's earlier operations, so
 * every run checks before it writes and nothing has been changed.
 */
import { AddinError, HOST_NEUTRAL_MESSAGES, withDetail } from "../shared/errors";

const MESSAGES = {
  ...HOST_NEUTRAL_MESSAGES,
  "cell-edit": "Excel 正处于单元格编辑状态，无法校验。请先按 Enter 或 Esc 结束编辑，再点一次。工作簿没有任何改动。",
  "old-excel": "此版本 Excel 过旧，不支持加载项所需的 ExcelApi 1.1。请升级到 Excel 2016 或更新版本，或使用网页版 Excel；也可以在浏览器中打开助手，直接选择文件校验。",
  busy: "Excel 正忙（可能有对话框未关闭或正在计算），请稍后再试。工作簿没有任何改动。",
};

export const addinError = (kind: keyof typeof MESSAGES, detail?: string): AddinError =>
  new AddinError(kind, withDetail(MESSAGES[kind], detail));

/** An Office.js rejection (OfficeExtension.Error has a string `code`) → AddinError. */
export function toAddinError(e: unknown): AddinError {
  if (e instanceof AddinError) return e;
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return addinError("cell-edit");
    case "ApiNotFound":
    case "NotImplemented":
      return addinError("old-excel");
    case "ActivityLimitReached":
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new AddinError("too-large", "要读取或写入的数据超过了 Excel 单次请求的上限。请分表校验（“校验本表”），或用命令行 taizhang validate 校验该文件。工作簿没有任何改动。");
    case "GeneralException":
    case "ServiceUnavailable":
      return addinError("busy");
    default:
      return addinError("unexpected", code || (e instanceof Error ? e.message : String(e)));
  }
}

/** Why a write failed, in a few words, for a message that goes on to say what was written (not "没有任何改动"). */
export function failureReason(e: unknown): string {
  const code = typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
  if (/PayloadSizeLimitExceeded/.test(code)) return "超过了 Excel 单次请求的上限";
  if (code === "InvalidOperationInCellEditMode") return "Excel 进入了单元格编辑状态";
  if (code === "AccessDenied") return "工作表或工作簿受保护";
  if (code === "GeneralException" || code === "ServiceUnavailable") return "Excel 正忙";
  return code || (e instanceof Error ? e.message : String(e));
}

/** Excel.run with every rejection turned into an AddinError (zh-CN). */
export async function runInExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    throw toAddinError(e);
  }
}
