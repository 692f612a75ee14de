/**
 * The workbook's 配置 in WPS: chosen in the ribbon's 配置 menu, saved with the
 * workbook, used by 校验本表, 校验全部 and 插入模板. Excel keeps it in the
 * document settings (../office.ts), which WPS does not have. Here it is a row
 * “profile | name” of a very hidden sheet of ours (./settings.ts), rather than
 * a hidden defined name: the sheet is made, read and written with the calls
 * the mark record already uses, WPS keeps very hidden sheets in .et, .xlsx and
 * .xls alike, and validation, templates and merge already pass over it
 * (core/own-sheets.ts). It holds no ledger data and no cell of the
 * secretary's is touched.
 */
import { BUILTIN_PROFILES, builtinProfile, DEFAULT_PROFILE, type Profile } from "../../core/profile";
import { AddinError } from "../shared/errors";
import { profileLabel } from "../taskpane/wording";
import type { EtApplication } from "./et";
import { readSetting, writeSetting } from "./settings";

const PROFILE_KEY = "profile";

/** cqipc · 重庆工业职业技术学院（经费标准：教职工 100 元、学生 50 元）: the name 校验结果 shows, then the pane's wording. */
export const profileTitle = (profile: Profile): string => `${profile.name} · ${profileLabel(profile)}`;

export interface WorkbookProfile {
  profile: Profile;
  /** zh-CN, when the saved name is no built-in profile (removed, or changed by hand) and the default is used instead. */
  notice: string | null;
}

/** The profile saved with the active workbook; the default when none was chosen or the saved one is unknown. */
export function workbookProfile(app: EtApplication): WorkbookProfile {
  const name = readSetting(app, PROFILE_KEY);
  const saved = name === null ? undefined : builtinProfile(name);
  const fallback = BUILTIN_PROFILES[DEFAULT_PROFILE];
  if (name === null || saved) return { profile: saved ?? fallback, notice: null };
  return {
    profile: fallback,
    notice: `本工作簿保存的配置“${name}”不是内置配置，已按默认配置 ${profileTitle(fallback)} 处理。请在“党建台账 → 配置”中重新选择。`,
  };
}

/**
 * The profile the task pane starts on inside WPS: the active workbook's, as the
 * ribbon uses it; null outside WPS or with no workbook open. The pane changes it
 * only for its own file checks: the workbook's is chosen in the ribbon's 配置.
 */
export function paneProfile(): Profile | null {
  const app = (globalThis as { Application?: EtApplication }).Application;
  return app?.ActiveWorkbook ? workbookProfile(app).profile : null;
}

/** Save this built-in profile with the active workbook. */
export function chooseProfile(app: EtApplication, name: string): Profile {
  const profile = builtinProfile(name);
  if (!profile) throw new AddinError("unexpected", `没有名为“${name}”的内置配置。`);
  writeSetting(app, PROFILE_KEY, name, "工作簿结构受保护，无法保存配置，工作簿没有任何改动。请先在“审阅 → 保护工作簿”中取消保护，再选择配置。");
  return profile;
}
