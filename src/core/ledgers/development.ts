import { field, PERSON } from "../fields";
import { defineLedger } from "../ledger";
import { developmentRules } from "../rules/development";

/** 发展党员 (《中国共产党发展党员工作细则》; 重庆工业职业技术学院 实施意见; RULES.md development). */
export const development = defineLedger({
  key: "development",
  title: "发展党员",
  sheetAliases: ["发展党员台账", "发展对象", "入党积极分子"],
  purpose: "从申请入党到转正的各环节日期，核对年龄、培养期、培训学时和审批时限",
  fields: [
    field.text("name", "姓名", { required: true, evidence: PERSON }),
    field.id("idNumber", "身份证号", { aliases: ["证件号码"], required: true, evidence: PERSON }),
    field.date("birthDate", "出生日期", { evidence: PERSON }),
    field.date("applicationDate", "申请入党日期", { aliases: ["申请日期"], required: true }),
    field.date("talkDate", "谈话日期", { aliases: ["派人谈话日期", "谈心谈话日期", "首次组织谈话日期", "首次谈话日期", "组织谈话日期"] }),
    field.date("activistDate", "确定积极分子日期", { aliases: ["积极分子日期"] }),
    field.date("candidateDate", "确定发展对象日期", { aliases: ["发展对象日期"] }),
    field.number("trainingHours", "培训学时", { aliases: ["集中培训学时", "发展对象培训学时", "培训时长", "集中培训时长"] }),
    field.date("branchMeetingDate", "支部大会日期", { aliases: ["支部大会讨论日期", "接收预备党员日期", "支部大会讨论通过日期", "吸收预备党员日期", "确定预备党员日期", "支部党员大会日期", "发展为预备党员日期"] }),
    field.date("approvalDate", "上级批准日期", { aliases: ["上级党委批准日期", "党委审批日期", "审批日期", "批准日期", "上级党组织审批日期", "上级党委审批日期"] }),
    field.date("fullDate", "转正日期"),
  ],
  recognisedWith: ["name", "idNumber"],
  rules: developmentRules,
  needs: {
    "dev.talk-late": ["talkDate"],
    "dev.activist-short": ["activistDate", "candidateDate"],
    "dev.training-short": ["trainingHours"],
    "dev.approval-late": ["approvalDate"],
    "dev.probation": ["fullDate"],
  },
});
