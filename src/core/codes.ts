/**
 * The catalogue of finding codes (../shared/spec/RULES.md). Codes are stable API:
 * add a code when a new rule needs one, never reuse or rename one.
 * `severity` is the default; a rule whose code has two severities picks one.
 */
export type Severity = "error" | "warning" | "info";

export interface CodeInfo {
  severity: Severity;
  /** Short zh-CN title, used in lists and the README. */
  title: string;
}

const code = (severity: Severity, title: string): CodeInfo => ({ severity, title });

export const CODES = {
  // Cells (any ledger)
  "cell.required": code("error", "必填项为空"),
  "cell.enum": code("error", "不是允许的取值"),
  "cell.date": code("error", "日期无效"),
  "cell.number": code("error", "数字无效"),
  "phone.format": code("warning", "电话号码格式不对"),
  "header.missing": code("error", "缺少必需的列"),
  "sheet.unrecognized": code("info", "不是已知的台账"),
  // Identity (GB 11643-1999)
  "id.format": code("error", "身份证号格式错误"),
  "id.checksum": code("error", "身份证号校验位错误"),
  "id.birthdate": code("error", "身份证号中的出生日期无效"),
  "id.precision-lost": code("error", "身份证号被存成了数字"),
  "id.legacy-15": code("warning", "15 位旧身份证号"),
  "id.region": code("warning", "身份证号地区码无效"),
  // 党员花名册
  "roster.duplicate-id": code("error", "花名册中身份证号重复"),
  "roster.gender-mismatch": code("error", "性别与身份证号不符"),
  "roster.birthdate-mismatch": code("error", "出生日期与身份证号不符"),
  "roster.join-age": code("error", "入党时未满 18 周岁"),
  "roster.date-order": code("error", "日期先后顺序错误"),
  "roster.probation-length": code("error", "预备期不是一年"),
  "roster.full-date-missing": code("warning", "正式党员缺转正时间"),
  "roster.full-date-unexpected": code("error", "预备党员已有转正时间"),
  "roster.probation-overdue": code("warning", "预备期已满未转正"),
  "roster.branch-size": code("error", "支部人数不符合规定"),
  "roster.no-secretary": code("warning", "没有支部书记"),
  // 党费收缴
  "dues.rate": code("error", "缴纳比例与基数档次不符"),
  "dues.amount": code("error", "月应缴金额计算错误"),
  "dues.total": code("error", "合计与各月之和不符"),
  "dues.underpaid": code("warning", "当月少缴"),
  "dues.unpaid-6": code("error", "连续六个月未缴党费"),
  // 活动经费
  "funding.balance": code("error", "余额计算错误"),
  "funding.negative": code("error", "余额为负"),
  "funding.overspend": code("error", "支出超过收入"),
  "funding.entitlement": code("warning", "下拨经费低于标准"),
  // 学习培训
  "training.hours": code("error", "单次学时不合理"),
  "training.hours-short": code("warning", "年度学时不足"),
  "training.no-central": code("warning", "书记/委员无集中培训记录"),
  // 三会一课
  "meetings.missing": code("error", "缺少应开的会议"),
  "meetings.quorum": code("error", "党员大会实到人数未过半"),
  "meetings.attendance": code("error", "出勤人数不合理"),
  "meetings.lecturer": code("warning", "书记全年未讲党课"),
  // 换届
  "terms.length": code("error", "任期年限不符"),
  "terms.expiry": code("error", "届满日期计算错误"),
  "terms.due-soon": code("warning", "即将届满"),
  "terms.overdue": code("error", "已到期未换届"),
  // 发展党员
  "dev.age": code("error", "申请时未满 18 周岁"),
  "dev.talk-late": code("warning", "谈话晚于申请一个月"),
  "dev.activist-short": code("error", "积极分子培养不足一年"),
  "dev.training-short": code("error", "发展对象培训不足 24 学时"),
  "dev.order": code("error", "发展环节日期顺序错误"),
  "dev.approval-late": code("warning", "上级审批超期"),
  "dev.probation": code("error", "转正早于预备期满"),
  // Across sheets and files
  "xref.not-in-roster": code("warning", "不在花名册中"),
  "xref.missing-from-dues": code("warning", "党费台账中没有此人"),
  "merge.duplicate-person": code("error", "同一人出现在两个支部"),
  "merge.unreadable": code("error", "文件无法读取"),
  "merge.missing-branch": code("warning", "支部未提交"),
  "merge.stale-template": code("warning", "使用了旧版模板"),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const isCode = (value: string): value is Code => Object.prototype.hasOwnProperty.call(CODES, value);
