/**
 * The Office host, if any: whether we run inside Excel, what it supports, and
 * the workbook-level settings (the profile travels with the workbook).
 */
import { BUILTIN_PROFILES, DEFAULT_PROFILE, type Profile } from "../core/profile";
import { columnMappingSchema, type ColumnMappingInput } from "../core/columns";
import { detectCapabilities, type Capabilities } from "./excel/capabilities";

export type Host = { kind: "excel"; caps: Capabilities } | { kind: "standalone"; reason: string };

/** The pane inside a WPS 加载项: WPS gives every page window.Application (src/addin/wps). */
export const inWps = (): boolean => typeof (globalThis as { Application?: { ActiveWorkbook?: unknown } }).Application?.ActiveWorkbook !== "undefined";

/**
 * Excel, or standalone when office.js is absent (offline, WPS) or says there is
 * no Office host (a plain browser: onReady answers with host null). Inside
 * Office onReady is waited for however long a slow desktop Excel takes: a
 * timeout would drop it into standalone mode for the whole session.
 */
export async function detectHost(): Promise<Host> {
  if (typeof Office === "undefined") return { kind: "standalone", reason: inWps() ? "在 WPS 中运行（校验和标记请用功能区的按钮；表头对应列请点“校验本工作簿并对应列”）" : "未能加载 office.js（离线或在普通浏览器中打开）" };
  const info = await Office.onReady();
  if (!info.host) return { kind: "standalone", reason: "在普通浏览器中打开，不在 Office 中" };
  if (info.host !== Office.HostType.Excel) return { kind: "standalone", reason: "不在 Excel 中运行" };
  const isSetSupported = (name: string, version: string) => Office.context.requirements.isSetSupported(name, version);
  if (!isSetSupported("ExcelApi", "1.1")) return { kind: "standalone", reason: "此版本 Excel 不支持 ExcelApi 1.1" };
  return { kind: "excel", caps: detectCapabilities(isSetSupported) };
}

const PROFILE_SETTING = "taizhang.profile";

export const PROFILE_NAMES = Object.keys(BUILTIN_PROFILES);

/** The workbook's profile (Office.context.document.settings), else the default. */
export function savedProfile(): Profile {
  const name = typeof Office !== "undefined" ? (Office.context?.document?.settings?.get(PROFILE_SETTING) as unknown) : null;
  return (typeof name === "string" && BUILTIN_PROFILES[name]) || BUILTIN_PROFILES[DEFAULT_PROFILE];
}

export const saveProfile = (name: string): Promise<void> => saveSetting(PROFILE_SETTING, name);

const COLUMNS_SETTING = "taizhang.columns";

/** The workbook's 列对应 (header → field per ledger), saved by the pane's 列对应 step; {} when none or not in Excel. */
export function savedColumns(): ColumnMappingInput {
  const raw = typeof Office !== "undefined" ? (Office.context?.document?.settings?.get(COLUMNS_SETTING) as unknown) : null;
  const parsed = columnMappingSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

export const saveColumns = (input: ColumnMappingInput): Promise<void> => saveSetting(COLUMNS_SETTING, input);

/** A workbook setting, saved with the workbook (Office.context.document.settings). */
function saveSetting(key: string, value: unknown): Promise<void> {
  const settings = Office.context.document.settings;
  settings.set(key, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
  );
}
