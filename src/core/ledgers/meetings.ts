import { field } from "../fields";
import { defineLedger } from "../ledger";
import { meetingsRules } from "../rules/meetings";
import { MEETING_TYPES } from "./options";

/** 三会一课 (支部条例; seed 003 frequency table; RULES.md meetings). */
export const meetings = defineLedger({
  key: "meetings",
  title: "三会一课",
  sheetAliases: ["三会一课台账", "会议记录", "组织生活"],
  purpose: "支部党员大会、支委会、党小组会、党课等组织生活的记录，按期核对是否按时召开",
  fields: [
    field.date("date", "日期", { aliases: ["会议日期", "时间", "召开日期"], required: true }),
    field.oneOf("type", "类型", MEETING_TYPES, { aliases: ["会议类型", "会议类别"], required: true }),
    field.text("topic", "主题", { aliases: ["会议主题", "内容", "议题"], required: true }),
    field.text("host", "主持人/主讲人", { aliases: ["主持人", "主讲人", "主持/主讲"] }),
    field.integer("expected", "应到", { aliases: ["应到人数"] }),
    field.integer("present", "实到", { aliases: ["实到人数", "出席人数"] }),
    field.integer("excused", "请假", { aliases: ["请假人数"] }),
  ],
  signature: ["type", "expected", "present"],
  rules: meetingsRules,
});
