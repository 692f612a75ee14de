/**
 * What the pane says, as pure functions (no DOM, tested in node): a profile by
 * its institution and funding standard, the files chosen in a picker, and a
 * finding as shown – its ID numbers masked unless asked for in full, its code
 * and source kept for the 依据 disclosure.
 */
import { CODES } from "../../core/codes";
import type { Finding } from "../../core/finding";
import { maskFinding } from "../../core/mask";
import { hasFundingStandard, type Profile } from "../../core/profile";

/** The institution of a document title (重庆工业职业技术学院《…》 → 重庆工业职业技术学院); no document = the national baseline. */
const institution = (document: string): string => (document === "" ? "全国基线" : document.split("《")[0] || document);

/** 经费标准：教职工 100 元、学生 50 元 (按 the college whose document sets it, when the profile follows another), or 未规定经费标准. */
export function fundingText(profile: Profile): string {
  if (!hasFundingStandard(profile)) return "未规定经费标准";
  const { staff, student, source } = profile.funding;
  const by = source !== "" && source !== profile.document ? `按${institution(source)}` : "";
  return `经费标准${by}：教职工 ${staff} 元、学生 ${student} 元`;
}

/** 全国基线（未规定经费标准）, 重庆工业职业技术学院（经费标准：教职工 100 元、学生 50 元）, 全国基线（经费标准按重庆工业职业技术学院：…）. */
export const profileLabel = (profile: Profile): string => `${institution(profile.document)}（${fundingText(profile)}）`;

/** 未选择文件, the one file's name, or 已选 3 个文件：a.xlsx、b.xlsx、c.xls. */
export function chosenFilesText(names: readonly string[]): string {
  if (names.length === 0) return "未选择文件";
  if (names.length === 1) return names[0];
  return `已选 ${names.length} 个文件：${names.join("、")}`;
}

export interface FindingText {
  /** The cell, else the row, else the whole sheet. */
  place: string;
  message: string;
  /** 依据: the code with its title, and the source document by its title. */
  code: string;
  source: string;
}

/** A finding as the list shows it; ID and phone numbers masked unless `fullIds`. */
export function findingText(finding: Finding, fullIds: boolean): FindingText {
  const shown = fullIds ? finding : maskFinding(finding);
  const { title, source } = CODES[finding.code];
  return {
    place: finding.cell ?? (finding.row !== null ? `第 ${finding.row} 行` : "整表"),
    message: shown.message,
    code: `${finding.code}（${title}）`,
    source,
  };
}
