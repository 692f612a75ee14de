/**
 * What a header text names, composed rather than listed (issue: read the 台账
 * secretaries already have). A field names its concept once (申请入党日期); the
 * words below turn every usual variant into the same concept key:
 *   提交书面申请书时间 → 申请入党@日期, 确定为入党积极分子时间 → 确定积极分子@日期,
 *   党籍状态（正式党员或预备党员） → 党籍状态, 正式/预备党员 → 党籍状态,
 *   学时（小时） → 学时 in hours, 4月实缴 → @4月.
 */
import { headerKey } from "../text";

/** The unit a bracket (or the header itself) gives a number column: 时长（分钟） is read in hours ÷ 60. */
export type HeaderUnit = "hours" | "minutes";

export interface HeaderConcept {
  /** The concept key a header and a field's names are matched by. */
  key: string;
  unit?: HeaderUnit;
  /** A qualifier that makes the column a second choice (计划会议时间 beside 实际会议时间). */
  planned: boolean;
}

/** The date words a header ends with: 日期, 时间, 年月, 年月日 all name a date. */
const DATE_SUFFIX = /(日期|时间|年月日|年月|年份月份)$/u;
export const DATE_MARK = "@日期";

/** Month columns of a dues sheet: 1月, 01月, 一月, 3月份, 2026年3月, 4月实缴, 十二月党费. */
const MONTH_HEADER = /^(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:实缴|已缴|缴纳|缴费|缴纳金额|缴费金额|党费|实缴党费|金额)?$/u;
const CHINESE_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  if (text.startsWith("十")) return 10 + (CHINESE_DIGITS[text[1]] ?? NaN);
  if (text.endsWith("十")) return (CHINESE_DIGITS[text[0]] ?? NaN) * 10;
  return text.length === 1 ? (CHINESE_DIGITS[text] ?? NaN) : NaN;
}

/** The concept key of the month column `month` (1–12). */
export const monthConcept = (month: number): string => `@${month}月`;

/**
 * Phrases with one meaning, longest first (加入党组织 = 入党, 转为正式党员 = 转正,
 * 入党申请书 = 申请入党 …). Applied until nothing changes.
 */
const SYNONYMS: readonly (readonly [RegExp, string])[] = [
  [/加入中国共产党|加入党组织|加入党/gu, "入党"],
  [/转为正式党员|预备党员转正|成为正式党员/gu, "转正"],
  [/(递交|提交)?(书面)?入党申请书|(递交|提交)?书面申请书|(递交|提交)入党申请|入党申请/gu, "申请入党"],
  [/确定为|被确定为|列为|成为/gu, "确定"],
  [/重点发展对象|重点对象/gu, "发展对象"],
  [/入党积极分子/gu, "积极分子"],
  [/接收为/gu, "接收"],
  [/身份证件号码|身份证号码|公民身份号码|公民身份证号|身份证号|身份证/gu, "身份证号"],
  // A column headed by its two values: 正式/预备党员 (its slash already dropped), 正式或预备党员.
  [/^(正式党员|正式)或?(预备党员|预备)$|^(预备党员|预备)或?(正式党员|正式)$/gu, "党籍状态"],
];

/** Qualifiers in front that do not change what the column is: 本届选举日期, 实际会议时间. */
const QUALIFIER = /^(本届|本次|实际|具体|提交|递交)/u;
/** Qualifiers of a plan: still the concept, but a second choice. */
const PLANNED = /^(计划|预计|拟)/u;

/** Brackets anywhere hold hints or units: 党籍状态（正式党员或预备党员）, 学时（小时）. */
const BRACKETED = /[([{【<《]([^)\]}】>》]*)[)\]}】>》]/gu;
const PUNCTUATION = /[:：、,，.。;；"'“”‘’!！?？·•_\-—–~/\\|]/gu;
const LEADING_NUMBER = /^(\d{1,2}|[一二三四五六七八九十]{1,2}|[①-⑳])[.、．)）]\s*/u;

function unitOf(hint: string): HeaderUnit | undefined {
  if (/^(小时|学时|h|hour|hours|课时)$/.test(hint)) return "hours";
  if (/^(分钟|分|min|mins|minutes)$/.test(hint)) return "minutes";
  return undefined;
}

/** The concept a header names. Pure; callers memoise it (headers recur across sheets and files). */
export function headerConcept(raw: string): HeaderConcept {
  let unit: HeaderUnit | undefined;
  let text = headerKey(raw.replace(LEADING_NUMBER, ""));
  text = text.replace(BRACKETED, (_, hint: string) => {
    unit ??= unitOf(hint);
    return "";
  });
  text = text.replace(PUNCTUATION, "");
  const month = MONTH_HEADER.exec(text);
  if (month) {
    const n = chineseNumber(month[1]);
    if (n >= 1 && n <= 12) return { key: monthConcept(n), planned: false };
  }
  let planned = false;
  for (let pass = 0; pass < 3; pass++) {
    const before = text;
    for (const [pattern, to] of SYNONYMS) text = text.replace(pattern, to);
    text = text.replace(QUALIFIER, "");
    if (PLANNED.test(text)) {
      planned = true;
      text = text.replace(PLANNED, "");
    }
    if (text === before) break;
  }
  if (text === "") return { key: "", unit, planned };
  const key = DATE_SUFFIX.test(text) ? text.replace(DATE_SUFFIX, "") + DATE_MARK : text;
  return { key, unit, planned };
}
