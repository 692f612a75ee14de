import { field, PERSON } from "../fields";
import { defineLedger } from "../ledger";
import { trainingRules } from "../rules/training";
import { TRAINING_FORM_WORDS } from "./options";

/** 学习培训, one row per attended training (党员教育管理工作条例 第二十条; RULES.md training). */
export const training = defineLedger({
  key: "training",
  title: "学习培训",
  sheetAliases: ["培训", "学习培训台账", "教育培训", "学时"],
  purpose: "每名党员每次参加学习培训的记录，按年统计学时",
  fields: [
    field.text("name", "姓名", { required: true, evidence: PERSON }),
    field.id("idNumber", "身份证号", { aliases: ["证件号码"], evidence: PERSON }),
    field.date("date", "日期", { aliases: ["培训日期", "学习日期", "参训日期", "活动日期"], required: true }),
    field.text("content", "培训内容", { aliases: ["学习内容", "内容", "培训主题", "培训名称", "课程名称", "学习主题", "培训项目", "活动名称"], required: true }),
    field.oneOf("form", "形式", TRAINING_FORM_WORDS, { aliases: ["培训形式", "学习形式", "培训方式", "学习方式"] }),
    field.number("hours", "学时", { aliases: ["学时数", "时长", "培训学时", "学习学时", "培训时长", "学习时长", "获得学时"], required: true }),
  ],
  recognisedWith: ["name", "idNumber"],
  rules: trainingRules,
  needs: {
    "training.hours-short": ["hours", "date"],
    "training.no-central": ["form"],
  },
});
