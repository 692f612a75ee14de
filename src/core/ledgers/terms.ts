import { field } from "../fields";
import { defineLedger } from "../ledger";
import { termsRules } from "../rules/terms";
import { ORG_TYPE_WORDS } from "./options";

/** 换届 (《关于加强党的基层组织按期换届工作的意见》; 重庆医科大学 固本强基工程工作方案; RULES.md terms). */
export const terms = defineLedger({
  key: "terms",
  title: "换届",
  sheetAliases: ["换届台账", "换届选举", "任期"],
  purpose: "党组织的选举日期与任期，提前六个月提醒换届",
  fields: [
    field.text("orgName", "组织名称", { aliases: ["党组织名称", "组织", "党组织", "支部名称", "单位名称"], required: true }),
    field.oneOf("orgType", "组织类型", ORG_TYPE_WORDS, { aliases: ["类型", "党组织类型", "组织类别", "党组织类别"], required: true }),
    field.date("electionDate", "选举日期", { aliases: ["换届日期", "上次换届日期", "上次选举日期", "任命日期", "成立日期", "换届选举日期"], required: true }),
    field.integer("termYears", "任期（年）", { aliases: ["任期年限", "任期年数"] }),
    field.date("expiryDate", "届满日期", { aliases: ["任期届满日期", "到期日期", "应换届日期", "下次换届日期", "任期到期日期"], allowFuture: true }),
  ],
  rules: termsRules,
  needs: {
    "terms.due-soon": [["expiryDate", "termYears"]],
    "terms.overdue": [["expiryDate", "termYears"]],
  },
});
