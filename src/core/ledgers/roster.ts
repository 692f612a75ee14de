import { field } from "../fields";
import { defineLedger } from "../ledger";
import { rosterRules } from "../rules/roster";
import { GENDERS, MEMBER_TYPES, PARTY_POSTS, PERSON_CATEGORIES } from "./options";

/** 党员花名册 (seed 000, 003; RULES.md roster). */
export const roster = defineLedger({
  key: "roster",
  title: "党员花名册",
  sheetAliases: ["花名册", "党员名册", "党员信息"],
  purpose: "支部全体党员的基本信息，是其他台账核对人员的依据",
  fields: [
    field.text("name", "姓名", { required: true }),
    field.oneOf("gender", "性别", GENDERS, { required: true }),
    field.text("ethnicity", "民族"),
    field.date("birthDate", "出生日期", { aliases: ["出生年月", "出生年月日"] }),
    field.id("idNumber", "身份证号", { aliases: ["身份证号码", "公民身份号码", "身份证", "证件号码"], required: true }),
    field.text("education", "学历", { aliases: ["文化程度"] }),
    field.oneOf("category", "人员类别", PERSON_CATEGORIES, { aliases: ["类别", "人员类型", "身份"], required: true }),
    field.oneOf("memberType", "党员类型", MEMBER_TYPES, { aliases: ["党员类别", "党员身份"], required: true }),
    field.date("joinDate", "入党时间", { aliases: ["入党日期", "入党年月"], required: true }),
    field.date("fullDate", "转正时间", { aliases: ["转正日期", "转正年月"], allowFuture: true }),
    field.text("branch", "所在支部", { aliases: ["支部", "所在党支部", "支部名称"] }),
    field.oneOf("post", "党内职务", PARTY_POSTS, { aliases: ["党内职务（职位）", "职务"] }),
    field.phone("phone", "联系电话", { aliases: ["电话", "手机", "手机号", "手机号码", "联系方式"] }),
    field.text("remarks", "备注"),
  ],
  signature: ["memberType", "joinDate", "fullDate"],
  rules: rosterRules,
});
