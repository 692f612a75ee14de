import { field } from "../fields";
import { defineLedger } from "../ledger";
import { trainingRules } from "../rules/training";
import { TRAINING_FORMS } from "./options";

/** 学习培训, one row per attended training (党员教育管理工作条例 第二十条; RULES.md training). */
export const training = defineLedger({
  key: "training",
  title: "学习培训",
  sheetAliases: ["培训", "学习培训台账", "教育培训", "学时"],
  purpose: "每名党员每次参加学习培训的记录，按年统计学时",
  fields: [
    field.text("name", "姓名", { required: true }),
    field.id("idNumber", "身份证号", { aliases: ["身份证号码", "公民身份号码", "身份证"] }),
    field.date("date", "日期", { aliases: ["培训日期", "学习日期", "时间"], required: true }),
    field.text("content", "培训内容", { aliases: ["学习内容", "内容", "培训主题"], required: true }),
    field.oneOf("form", "形式", TRAINING_FORMS, { aliases: ["培训形式", "学习形式"] }),
    field.number("hours", "学时", { aliases: ["学时数", "时长（学时）"], required: true }),
  ],
  signature: ["hours", "content"],
  rules: trainingRules,
});
