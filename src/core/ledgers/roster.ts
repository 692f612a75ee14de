import { field, PERSON } from "../fields";
import { defineLedger } from "../ledger";
import { rosterRules } from "../rules/roster";
import { GENDER_WORDS, MEMBER_TYPE_WORDS, PARTY_POST_WORDS, PERSON_CATEGORY_WORDS } from "./options";

/** 党员花名册 (重庆医科大学 工作方案、重庆交通大学艺术设计学院 台账要求; RULES.md roster). */
export const roster = defineLedger({
  key: "roster",
  title: "党员花名册",
  sheetAliases: ["花名册", "党员名册", "党员信息"],
  purpose: "支部全体党员的基本信息，是其他台账核对人员的依据",
  fields: [
    field.text("name", "姓名", { required: true, evidence: PERSON }),
    field.oneOf("gender", "性别", GENDER_WORDS, { required: true, evidence: PERSON }),
    field.text("ethnicity", "民族", { evidence: PERSON }),
    field.date("birthDate", "出生日期", { evidence: PERSON }),
    field.id("idNumber", "身份证号", { aliases: ["证件号码"], required: true, evidence: PERSON }),
    field.text("education", "学历", { aliases: ["文化程度", "教育程度", "最高学历"], evidence: PERSON }),
    field.oneOf("category", "人员类别", PERSON_CATEGORY_WORDS, { aliases: ["类别", "人员类型", "身份", "人员身份", "党员分类"], required: true, evidence: 0.5 }),
    field.oneOf("memberType", "党员类型", MEMBER_TYPE_WORDS, { aliases: ["党员类别", "党员身份", "党籍状态", "党员状态"], required: true }),
    field.date("joinDate", "入党时间", { required: true }),
    field.date("fullDate", "转正时间", { allowFuture: true }),
    field.text("branch", "所在支部", { aliases: ["支部", "所在党支部", "支部名称", "所在党组织", "党组织名称", "所属支部", "所属党支部", "所属党组织", "所在组织", "组织"], evidence: PERSON }),
    field.oneOf("post", "党内职务", PARTY_POST_WORDS, { aliases: ["职务", "党内职务名称"], evidence: 0.5 }),
    field.phone("phone", "联系电话", { aliases: ["电话", "手机", "手机号", "手机号码", "联系方式", "移动电话", "电话号码"], evidence: PERSON }),
    field.text("remarks", "备注", { evidence: 0 }),
  ],
  recognisedWith: ["name", "idNumber"],
  rules: rosterRules,
  needs: {
    "roster.gender-mismatch": ["gender", "idNumber"],
    "roster.birthdate-mismatch": ["birthDate", "idNumber"],
    "roster.full-date-missing": ["memberType", "fullDate"],
    "roster.full-date-unexpected": ["memberType", "fullDate"],
    "roster.probation-overdue": ["memberType", "joinDate"],
    "roster.probation-length": ["joinDate", "fullDate"],
    "roster.branch-size": ["memberType"],
    "roster.no-secretary": ["post"],
  },
});
