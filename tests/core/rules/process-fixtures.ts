/**
 * Small workbooks for the process-ledger tests (三会一课, 换届, 发展党员): sheets
 * are built from plain rows as a secretary would type them and validated
 * through validateWorkbook, so a test sees the sheet, row and cell a user sees.
 */
import { BUILTIN_PROFILES, makeIdNumber, profileSchema, type Finding, type Profile, type Table } from "../../../src/core";
import { sheet, validate as validateAll, withCode } from "./helpers";

export const PROFILE = BUILTIN_PROFILES["100-50"];

/** A profile with a few settings changed, schema-checked like a profile file. */
export const profileWith = (change: (p: Profile) => void): Profile => {
  const copy = structuredClone(PROFILE);
  change(copy);
  return profileSchema.parse(copy);
};

/** Every finding of a workbook, across its sheets and at workbook level. */
export const validate = (sheets: Table[], asOf: string, profile: Profile = PROFILE): Finding[] => validateAll(sheets, { asOf, profile });

export { sheet, withCode };

export interface Member {
  name: string;
  post?: string;
  memberType?: "正式党员" | "预备党员";
  id?: string;
}

/** A valid 身份证号 for the n-th fixture person. */
export const idOf = (n: number, birth = "1990-01-01"): string => makeIdNumber("500103", birth, 100 + n * 2, "男");

/** 党员花名册 with the given members (the 书记 is whoever has post 书记). */
export function roster(members: Member[]): Table {
  const headers = ["姓名", "性别", "身份证号", "人员类别", "党员类型", "入党时间", "转正时间", "党内职务"];
  return sheet(
    "党员花名册",
    headers,
    members.map((m, i) => ({
      姓名: m.name,
      性别: "男",
      身份证号: m.id ?? idOf(i + 1),
      人员类别: "教职工",
      党员类型: m.memberType ?? "正式党员",
      入党时间: "2015-07-01",
      转正时间: m.memberType === "预备党员" ? null : "2016-07-01",
      党内职务: m.post ?? "无",
    })),
  );
}

/** A roster of n members, the first of them 书记 王芳. */
export const rosterOfSize = (n: number): Table =>
  roster(Array.from({ length: n }, (_, i) => ({ name: i === 0 ? "王芳" : `党员${i}`, post: i === 0 ? "书记" : "无" })));
