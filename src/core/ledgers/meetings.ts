import { field } from "../fields";
import { defineLedger } from "../ledger";
import { meetingsRules } from "../rules/meetings";
import { MEETING_TYPE_WORDS } from "./options";

/** 三会一课 (《中国共产党支部工作条例（试行）》; 重庆交通大学艺术设计学院 三会一课简表; RULES.md meetings). */
export const meetings = defineLedger({
  key: "meetings",
  title: "三会一课",
  sheetAliases: ["三会一课台账", "会议记录", "组织生活"],
  purpose: "支部党员大会、支委会、党小组会、党课等组织生活的记录，按期核对是否按时召开",
  fields: [
    field.date("date", "日期", { aliases: ["会议日期", "召开日期", "活动日期", "开会日期", "举行日期", "开始日期"], required: true }),
    field.oneOf("type", "类型", MEETING_TYPE_WORDS, { aliases: ["会议类型", "会议类别", "会议形式", "活动类型", "组织生活类型", "类别"], required: true }),
    field.text("topic", "主题", { aliases: ["会议主题", "内容", "议题", "会议内容", "活动主题", "活动内容", "会议议题", "学习内容", "主要内容", "活动名称", "会议名称"], required: true }),
    field.text("host", "主持人/主讲人", { aliases: ["主持人", "主讲人", "主持/主讲", "授课人"] }),
    field.integer("expected", "应到", { aliases: ["应到人数", "应参会人数", "应出席人数"] }),
    field.integer("present", "实到", { aliases: ["实到人数", "出席人数", "参会人数", "实际参会人数", "参加人数"] }),
    field.integer("excused", "请假", { aliases: ["请假人数", "缺席人数"] }),
  ],
  rules: meetingsRules,
  needs: {
    "meetings.missing": ["date", "type"],
    "meetings.lecturer": ["date", "type", "host"],
    "meetings.quorum": ["type", "expected", "present"],
  },
});
