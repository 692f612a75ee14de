/**
 * Build a branch workbook from plain rows and validate it, so each test shows
 * the ledger lines it is about.
 */
import { BUILTIN_PROFILES, makeIdNumber, tableFromRows, validateWorkbook, type Finding, type Profile, type Table } from "../../../src/core";

export const AS_OF = "2026-06-30";

export type Line = Partial<Record<string, string | number | null>>;

/** A sheet from a header and lines given as objects keyed by header. */
export function sheet(name: string, headers: string[], lines: Line[], title?: string): Table {
  const rows = lines.map((line) => headers.map((h) => (line[h] === undefined ? null : line[h])));
  return tableFromRows(name, title ? [[title], headers, ...rows] : [headers, ...rows]);
}

export function validate(tables: Table[], opts: { asOf?: string; profile?: Profile } = {}): Finding[] {
  const result = validateWorkbook(
    { name: "一支部.xlsx", sheets: tables },
    { profile: opts.profile ?? BUILTIN_PROFILES["100-50"], asOf: opts.asOf ?? AS_OF },
  );
  return [...result.findings, ...result.sheets.flatMap((s) => s.findings)];
}

export const withCode = (findings: Finding[], code: string): Finding[] => findings.filter((f) => f.code === code);

export const ROSTER_HEADERS = ["姓名", "性别", "出生日期", "身份证号", "人员类别", "党员类型", "入党时间", "转正时间", "党内职务"];

let sequence = 100;
/** A correct roster line: a staff 正式党员 born 1990-03-07 who joined 2015-07-01 and was 转正 a year later. */
export function member(name: string, overrides: Line = {}, birth = "1990-03-07", gender: "男" | "女" = "男"): Line {
  sequence += 2;
  return {
    姓名: name,
    性别: gender,
    出生日期: birth,
    身份证号: makeIdNumber("110101", birth, sequence, gender),
    人员类别: "教职工",
    党员类型: "正式党员",
    入党时间: "2015-07-01",
    转正时间: "2016-07-01",
    党内职务: "无",
    ...overrides,
  };
}

/** A branch of three correct members: 书记 刘洋, 王芳, 张伟. */
export function branch(): Line[] {
  return [member("刘洋", { 党内职务: "书记" }), member("王芳", {}, "1992-05-20", "女"), member("张伟")];
}

export const roster = (lines: Line[], title?: string): Table => sheet("党员花名册", ROSTER_HEADERS, lines, title);
