import { field } from "../fields";
import { defineLedger } from "../ledger";
import { termsRules } from "../rules/terms";
import { ORG_TYPES } from "./options";

/** 换届 (关于加强党的基层组织按期换届工作的意见; seed 000; RULES.md terms). */
export const terms = defineLedger({
  key: "terms",
  title: "换届",
  sheetAliases: ["换届台账", "换届选举", "任期"],
  purpose: "党组织的选举日期与任期，提前六个月提醒换届",
  fields: [
    field.text("orgName", "组织名称", { aliases: ["党组织名称", "组织"], required: true }),
    field.oneOf("orgType", "组织类型", ORG_TYPES, { aliases: ["类型", "党组织类型"], required: true }),
    field.date("electionDate", "选举日期", { aliases: ["换届日期", "上次换届日期", "选举时间", "换届时间"], required: true }),
    field.integer("termYears", "任期（年）", { aliases: ["任期", "任期年限"] }),
    field.date("expiryDate", "届满日期", { aliases: ["任期届满日期", "届满时间", "任期届满时间", "到期日期"], allowFuture: true }),
  ],
  signature: ["orgName", "electionDate", "termYears", "expiryDate"],
  rules: termsRules,
});
