/**
 * The catalogue of finding codes. Codes are stable API:
 * add a code when a new rule needs one, never reuse or rename one.
 * `severity` is the default; a rule whose code has two severities picks one.
 */
export type Severity = "error" | "warning" | "info";

/** The zh-CN word for a severity, as reports and sheets show it. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };

export interface CodeInfo {
  severity: Severity;
  /** Short zh-CN title, used in lists and the README. */
  title: string;
  /** Where the rule comes from: a document by its title, as the 说明 sheet and docs/codes.md show it. */
  source: string;
}

const code = (severity: Severity, title: string, source = ""): CodeInfo => ({ severity, title, source });

export const CODES = {
  // Cells (any ledger)
  "cell.required": code("error", "必填项为空", "台账格式"),
  "cell.enum": code("error", "不是允许的取值", "台账格式"),
  "cell.date": code("error", "日期无效", "台账格式"),
  "cell.number": code("error", "数字无效", "台账格式"),
  "phone.format": code("warning", "电话号码格式不对", "台账格式"),
  "header.missing": code("error", "缺少必需的列", "台账格式"),
  "sheet.unrecognized": code("info", "不是已知的台账", "台账格式"),
  "sheet.empty": code("info", "台账还没有数据", "台账格式"),
  "sheet.notes": code("info", "填表说明或备注行，已跳过", "台账格式"),
  "sheet.ledger-choice": code("info", "按得分最高的台账读取", "台账格式"),
  "header.other-columns": code("info", "未识别的列，作为其他列保留", "台账格式"),
  // Identity (GB 11643-1999)
  "id.format": code("error", "身份证号格式错误", "GB 11643-1999《公民身份号码》"),
  "id.checksum": code("error", "身份证号校验位错误", "GB 11643-1999《公民身份号码》"),
  "id.birthdate": code("error", "身份证号中的出生日期无效", "GB 11643-1999《公民身份号码》"),
  "id.precision-lost": code("error", "身份证号被存成了数字", "Excel 数字精度 15 位"),
  "id.legacy-15": code("warning", "15 位旧身份证号", "GB 11643-1999《公民身份号码》"),
  "id.region": code("warning", "身份证号地区码无效", "GB/T 2260《中华人民共和国行政区划代码》"),
  // 党员花名册
  "roster.duplicate-id": code("error", "花名册中身份证号重复", "花名册"),
  "roster.gender-mismatch": code("error", "性别与身份证号不符", "GB 11643-1999《公民身份号码》"),
  "roster.birthdate-mismatch": code("error", "出生日期与身份证号不符", "GB 11643-1999《公民身份号码》"),
  "roster.join-age": code("error", "入党时未满 18 周岁", "《中国共产党发展党员工作细则》"),
  "roster.date-order": code("error", "日期先后顺序错误", "《中国共产党发展党员工作细则》"),
  "roster.probation-length": code("error", "预备期不是一年", "《中国共产党发展党员工作细则》"),
  "roster.full-date-missing": code("warning", "正式党员缺转正时间", "《中国共产党发展党员工作细则》"),
  "roster.full-date-unexpected": code("error", "预备党员已有转正时间", "《中国共产党发展党员工作细则》"),
  "roster.probation-overdue": code("warning", "预备期已满未转正", "《中国共产党发展党员工作细则》"),
  "roster.branch-size": code("error", "支部人数不符合规定", "《中国共产党支部工作条例（试行）》"),
  "roster.no-secretary": code("warning", "没有支部书记", "《中国共产党支部工作条例（试行）》"),
  // 党费收缴
  "dues.rate": code("error", "缴纳比例与基数档次不符", "《关于中国共产党党费收缴、使用和管理的规定》"),
  "dues.amount": code("error", "月应缴金额计算错误", "《关于中国共产党党费收缴、使用和管理的规定》"),
  "dues.total": code("error", "合计与各月之和不符", "《关于中国共产党党费收缴、使用和管理的规定》"),
  "dues.underpaid": code("warning", "当月少缴", "《关于中国共产党党费收缴、使用和管理的规定》"),
  "dues.unpaid-6": code("error", "连续六个月未缴党费", "《中国共产党章程》"),
  // 活动经费
  "funding.balance": code("error", "余额计算错误", "经费收支账目"),
  "funding.negative": code("error", "余额为负", "经费收支账目"),
  "funding.overspend": code("error", "支出超过收入", "经费收支账目"),
  "funding.entitlement": code("warning", "下拨经费低于标准", "配置所依据的学校文件（如重庆工业职业技术学院、辽宁科技学院的文件）"),
  // 学习培训
  "training.hours": code("error", "单次学时不合理", "《中国共产党党员教育管理工作条例》；《2019—2023年全国党员教育培训工作规划》"),
  "training.hours-short": code("warning", "年度学时不足", "《中国共产党党员教育管理工作条例》；或配置所依据的学校文件"),
  "training.integrity-short": code("warning", "年度廉政教育学时不足", "重庆工业职业技术学院《关于加强和改进党的基层组织建设的实施意见》附件"),
  "training.no-central": code("warning", "书记/委员无集中培训记录", "《中国共产党党员教育管理工作条例》；《2019—2023年全国党员教育培训工作规划》"),
  // 三会一课
  "meetings.missing": code("error", "缺少应开的会议", "《中国共产党支部工作条例（试行）》；或配置所依据的学校文件"),
  "meetings.quorum": code("error", "党员大会实到人数未过半", "《中国共产党支部工作条例（试行）》"),
  "meetings.attendance": code("error", "出勤人数不合理", "《中国共产党支部工作条例（试行）》"),
  "meetings.lecturer": code("warning", "书记全年未讲党课", "《中国共产党支部工作条例（试行）》"),
  // 换届
  "terms.length": code("error", "任期年限不符", "《关于加强党的基层组织按期换届工作的意见》"),
  "terms.expiry": code("error", "届满日期计算错误", "《关于加强党的基层组织按期换届工作的意见》"),
  "terms.due-soon": code("warning", "即将届满", "《关于加强党的基层组织按期换届工作的意见》"),
  "terms.overdue": code("error", "已到期未换届", "《关于加强党的基层组织按期换届工作的意见》"),
  // 发展党员
  "dev.age": code("error", "申请时未满 18 周岁", "《中国共产党发展党员工作细则》"),
  "dev.talk-late": code("warning", "谈话晚于申请一个月", "《中国共产党发展党员工作细则》"),
  "dev.activist-short": code("error", "积极分子培养不足一年", "《中国共产党发展党员工作细则》"),
  "dev.training-short": code("error", "发展对象培训不足 24 学时", "《中国共产党发展党员工作细则》"),
  "dev.order": code("error", "发展环节日期顺序错误", "《中国共产党发展党员工作细则》"),
  "dev.approval-late": code("warning", "上级审批超期", "《中国共产党发展党员工作细则》"),
  "dev.probation": code("error", "转正早于预备期满", "《中国共产党发展党员工作细则》"),
  // Across sheets and files
  "xref.not-in-roster": code("warning", "不在花名册中", "花名册"),
  "xref.missing-from-dues": code("warning", "党费台账中没有此人", "《关于中国共产党党费收缴、使用和管理的规定》"),
  "xref.dev-already-member": code("warning", "发展中的人员在花名册中已是正式党员", "《中国共产党发展党员工作细则》"),
  "merge.duplicate-person": code("error", "同一人出现在两个支部", "组织关系"),
  "merge.unreadable": code("error", "文件无法读取", "汇总"),
  "merge.missing-branch": code("warning", "支部未提交", "汇总"),
  "merge.stale-template": code("warning", "使用了旧版模板", "汇总"),
  "merge.superseded": code("warning", "同一支部有更新的文件，本文件未汇总", "汇总"),
  "merge.branch-name": code("warning", "支部名称与应交名单相近，已按名单中的名称汇总", "汇总"),
  "merge.unexpected-branch": code("warning", "支部不在应交名单中", "汇总"),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

/** Code groups: a prefix, a zh-CN title and, for a ledger's own rules, its key. */
export const CODE_GROUPS = [
  { prefixes: ["cell.", "phone.", "header.", "sheet."], title: "单元格与表头（所有台账）", ledger: null },
  { prefixes: ["id."], title: "身份证号（GB 11643-1999）", ledger: null },
  { prefixes: ["roster."], title: "党员花名册", ledger: "roster" },
  { prefixes: ["dues."], title: "党费收缴", ledger: "dues" },
  { prefixes: ["funding."], title: "活动经费", ledger: "funding" },
  { prefixes: ["training."], title: "学习培训", ledger: "training" },
  { prefixes: ["meetings."], title: "三会一课", ledger: "meetings" },
  { prefixes: ["terms."], title: "换届", ledger: "terms" },
  { prefixes: ["dev."], title: "发展党员", ledger: "development" },
  { prefixes: ["xref."], title: "跨工作表核对", ledger: null },
  { prefixes: ["merge."], title: "汇总（跨文件）", ledger: null },
] as const;

/** The codes of a group, in catalogue order. */
export function codesOf(group: (typeof CODE_GROUPS)[number]): Code[] {
  return (Object.keys(CODES) as Code[]).filter((c) => group.prefixes.some((p) => c.startsWith(p)));
}
