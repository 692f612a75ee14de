import { field, PERSON } from "../fields";
import { defineLedger } from "../ledger";
import { duesRules } from "../rules/dues";
import { PERSON_CATEGORY_WORDS } from "./options";

/** The twelve month columns, 1月…12月 (key m1…m12). */
export const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);

/** 党费收缴 (党费规定 中组发〔2008〕3号; RULES.md dues). */
export const dues = defineLedger({
  key: "dues",
  title: "党费收缴",
  sheetAliases: ["党费", "党费台账", "党费收缴台账", "党费缴纳"],
  purpose: "按月记录每名党员应缴和实缴党费，核对缴费基数、比例与合计",
  fields: [
    field.text("name", "姓名", { required: true, evidence: PERSON }),
    field.id("idNumber", "身份证号", { aliases: ["证件号码"], evidence: PERSON }),
    field.oneOf("category", "人员类别", PERSON_CATEGORY_WORDS, { aliases: ["类别", "人员类型"], required: true }),
    field.amount("base", "缴费基数", { aliases: ["月缴费基数", "基数", "税后月收入", "党费基数", "计缴基数", "月工资收入"], note: "每月税后收入（元）" }),
    field.rate("rate", "缴纳比例", { aliases: ["比例", "缴费比例", "缴纳党费比例", "党费比例"], note: "如 1%" }),
    field.amount("monthlyDue", "月应缴", { aliases: ["每月应缴", "月应缴党费", "应缴金额", "月缴纳额", "每月应缴党费", "月缴党费", "月交纳党费", "应交党费", "每月缴纳党费金额"], required: true }),
    ...MONTH_KEYS.map((key, i) => field.amount(key, `${i + 1}月`)),
    field.amount("total", "合计", { aliases: ["全年合计", "实缴合计", "年度合计", "合计金额", "全年实缴", "已缴合计"] }),
  ],
  recognisedWith: ["name", "idNumber"],
  rules: duesRules,
  needs: {
    "dues.rate": ["base", "rate", "category"],
    "dues.amount": ["base", "monthlyDue"],
    "dues.total": ["total", MONTH_KEYS],
    "dues.underpaid": ["monthlyDue", MONTH_KEYS],
    "dues.unpaid-6": [MONTH_KEYS],
  },
});
