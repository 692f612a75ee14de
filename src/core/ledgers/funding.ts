import { field } from "../fields";
import { defineLedger } from "../ledger";
import { fundingRules } from "../rules/funding";

/** 活动经费 (重庆工业职业技术学院 实施意见、辽宁科技学院 实施方案; RULES.md funding). */
export const funding = defineLedger({
  key: "funding",
  title: "活动经费",
  sheetAliases: ["经费", "活动经费台账", "党建经费", "经费收支"],
  purpose: "支部党建活动经费的收支流水；下拨标准按党员人数和配置计算",
  fields: [
    field.date("date", "日期", { aliases: ["收支日期", "发生日期", "报销日期"], required: true }),
    field.text("summary", "摘要", { aliases: ["事项", "内容", "收支事项", "用途", "开支事项", "经费用途"], required: true }),
    field.amount("income", "收入", { aliases: ["收入金额", "下拨金额", "拨入"] }),
    field.amount("expense", "支出", { aliases: ["支出金额", "开支金额", "报销金额"] }),
    field.amount("balance", "余额", { aliases: ["结余", "结余金额"], allowNegative: true }),
    field.text("handler", "经办人"),
    field.text("voucher", "凭证号", { aliases: ["凭证编号", "票据号"] }),
  ],
  rules: fundingRules,
  needs: {
    "funding.balance": ["balance"],
    "funding.overspend": ["expense"],
  },
});
