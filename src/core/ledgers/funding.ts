import { field } from "../fields";
import { defineLedger } from "../ledger";
import { fundingRules } from "../rules/funding";

/** 活动经费 (seed 002, 004; RULES.md funding). */
export const funding = defineLedger({
  key: "funding",
  title: "活动经费",
  sheetAliases: ["经费", "活动经费台账", "党建经费", "经费收支"],
  purpose: "支部党建活动经费的收支流水；下拨标准按党员人数和配置计算",
  fields: [
    field.date("date", "日期", { aliases: ["时间", "收支日期"], required: true }),
    field.text("summary", "摘要", { aliases: ["事项", "内容", "收支事项"], required: true }),
    field.amount("income", "收入", { aliases: ["收入金额", "收入（元）"] }),
    field.amount("expense", "支出", { aliases: ["支出金额", "支出（元）"] }),
    field.amount("balance", "余额", { aliases: ["结余", "余额（元）"], allowNegative: true }),
    field.text("handler", "经办人"),
    field.text("voucher", "凭证号", { aliases: ["凭证编号", "票据号"] }),
  ],
  signature: ["summary", "income", "expense", "balance"],
  rules: fundingRules,
});
