/**
 * The standard 台账 templates as data: sheets, columns (header, width, number
 * format, validation), the 说明 text and the workbook marker – all derived from
 * the ledger definitions and a profile, so a column added to a LedgerDef
 * appears in the templates and the numbers in 说明 are the profile's.
 * Pure: the exceljs writer in src/io/template-writer.ts turns this into .xlsx.
 */
import { CODE_GROUPS, CODES, codesOf, SEVERITY_LABEL, type CodeInfo } from "./codes";
import type { IsoDate } from "./dates";
import type { FieldDef } from "./fields";
import { FREQUENCY_WORDS } from "./periods";
import { displayWidth } from "./text";
import type { LedgerDef, LedgerKey } from "./ledger";
import { LEDGERS, ledgerByKey } from "./ledgers";
import { hasFundingStandard, type Profile } from "./profile";
import { columnLetter, type TemplateMarker } from "./table";

/**
 * Raise when a template's sheets or columns change in a way a submission made
 * from the older one should be told about (merge.stale-template).
 */
export const TEMPLATE_VERSION = "1.0";

/** Rows below the header that carry validations: enough for a real branch. */
export const TEMPLATE_DATA_ROWS = 500;
export { NOTES_SHEET } from "./own-sheets";
/** The combined branch workbook: every ledger as its own sheet. */
export const BRANCH_TEMPLATE = "all";
export const BRANCH_TEMPLATE_TITLE = "支部台账";

export type TemplateKey = LedgerKey | typeof BRANCH_TEMPLATE;
export const TEMPLATE_KEYS: readonly TemplateKey[] = [...LEDGERS.map((l) => l.key), BRANCH_TEMPLATE];

export const isTemplateKey = (value: string): value is TemplateKey => (TEMPLATE_KEYS as readonly string[]).includes(value);

/** Whether a marker's version is older than the current template version (merge.stale-template). */
export function isStaleTemplateVersion(version: string): boolean {
  const parse = (v: string) => v.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  const have = parse(version);
  if (have.some(Number.isNaN)) return true;
  const want = parse(TEMPLATE_VERSION);
  for (let i = 0; i < Math.max(have.length, want.length); i++) {
    const d = (have[i] ?? 0) - (want[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

export type ColumnValidation =
  | { type: "list"; options: readonly string[] }
  /** Excel cannot compare with "today" here; the validator checks future dates (cell.date). */
  | { type: "date"; min: IsoDate; max: IsoDate }
  | { type: "decimal"; min: number; max?: number }
  | { type: "whole"; min: number };

export interface TemplateColumn {
  key: string;
  /** The canonical header: the validator maps the column by it. */
  header: string;
  required: boolean;
  /** Column width in Excel characters (a CJK character counts two). */
  width: number;
  /** Number format of the whole column; "@" keeps 身份证号 and 电话 as text. */
  numFmt: string | null;
  validation: ColumnValidation | null;
  /** What to enter, for 说明 and the cell's input prompt. */
  hint: string;
}

/** A cell of the rows between title and header (the funding entitlement block). */
export type PreambleCell =
  | { kind: "text"; text: string }
  | { kind: "input"; numFmt: string }
  | { kind: "formula"; formula: string; numFmt: string };

export interface TemplateLedgerSheet {
  ledger: LedgerKey;
  name: string;
  title: string;
  /** Rows below the title and above the header. */
  preamble: PreambleCell[][];
  /** 1-based. */
  headerRow: number;
  columns: TemplateColumn[];
  dataRows: number;
}

export type NoteStyle = "title" | "heading" | "columns" | "text";

export interface NoteRow {
  style: NoteStyle;
  cells: string[];
}

export interface TemplateModel {
  key: TemplateKey;
  /** File name without extension, e.g. 党员花名册 or 支部台账. */
  fileName: string;
  sheets: TemplateLedgerSheet[];
  notes: NoteRow[];
  marker: TemplateMarker;
}

export function buildTemplate(key: TemplateKey, profile: Profile): TemplateModel {
  const ledgers = key === BRANCH_TEMPLATE ? LEDGERS : [ledgerByKey(key)];
  return {
    key,
    fileName: key === BRANCH_TEMPLATE ? BRANCH_TEMPLATE_TITLE : ledgers[0].title,
    sheets: ledgers.map((l) => ledgerSheet(l, profile)),
    notes: notesFor(ledgers, profile),
    marker: { template: key, version: TEMPLATE_VERSION, profile: profile.name },
  };
}

/** The marker sheet's key/value rows, as src/io/read-xlsx.ts reads them back. */
export function markerRows(marker: TemplateMarker): [string, string][] {
  return [
    ["template", marker.template],
    ["version", marker.version],
    ["profile", marker.profile],
    ["branch", marker.branch ?? ""],
  ];
}

function ledgerSheet(ledger: LedgerDef, profile: Profile): TemplateLedgerSheet {
  const columns = ledger.fields.map(templateColumn);
  const preamble = ledger.key === "funding" ? entitlementBlock(profile) : [];
  return {
    ledger: ledger.key,
    name: ledger.title,
    title: `${ledger.title}（____党支部）`,
    preamble,
    headerRow: 2 + preamble.length,
    columns,
    dataRows: TEMPLATE_DATA_ROWS,
  };
}

const NUM_FMT: Record<FieldDef["kind"], string | null> = {
  text: null,
  enum: null,
  id: "@",
  phone: "@",
  date: "yyyy-mm-dd",
  amount: "#,##0.00",
  number: "0.0",
  integer: "0",
  rate: "0.0%",
};

const KIND_WIDTH: Record<FieldDef["kind"], number> = {
  text: 14,
  enum: 10,
  id: 22,
  phone: 15,
  date: 12,
  amount: 11,
  number: 9,
  integer: 8,
  rate: 10,
};

function templateColumn(f: FieldDef): TemplateColumn {
  const optionWidth = Math.max(0, ...(f.options ?? []).map(displayWidth));
  return {
    key: f.key,
    header: f.header,
    required: f.required,
    width: Math.max(KIND_WIDTH[f.kind], displayWidth(f.header) + 4, optionWidth + 4),
    numFmt: NUM_FMT[f.kind],
    validation: validationFor(f),
    hint: hintFor(f),
  };
}

function validationFor(f: FieldDef): ColumnValidation | null {
  switch (f.kind) {
    case "enum":
      return { type: "list", options: f.options ?? [] };
    case "date":
      return { type: "date", min: "1900-01-01", max: "2099-12-31" };
    case "amount":
    case "number":
      return { type: "decimal", min: 0 };
    case "integer":
      return { type: "whole", min: 0 };
    case "rate":
      return { type: "decimal", min: 0, max: 1 };
    default:
      return null;
  }
}

function hintFor(f: FieldDef): string {
  const base = {
    text: "文字",
    enum: `从下拉列表选择：${(f.options ?? []).join("/")}`,
    id: "18 位公民身份号码，末位可为 X（本列为文本格式，请勿改为数字）",
    phone: "11 位手机号或固定电话（本列为文本格式）",
    date: f.allowFuture ? "日期，如 2019-07-01；可以是将来的日期" : "日期，如 2019-07-01；不能晚于填表当天",
    amount: "金额（元），不小于 0，保留两位小数",
    number: "数字，不小于 0",
    integer: "整数，不小于 0",
    rate: "百分比，如 1%",
  }[f.kind];
  return f.note ? `${base}；${f.note}` : base;
}

/**
 * The funding entitlement, visible on the sheet: 人数 × 标准 (the standard of the
 * profile's funding document; a profile without one says so),
 * with the profile's rates. The counts are the secretary's input; the formula
 * shows where the number comes from. The rates are a floor (不少于).
 */
function entitlementBlock(profile: Profile): PreambleCell[][] {
  const { staff, student } = profile.funding;
  const text = (t: string): PreambleCell => ({ kind: "text", text: t });
  const row = 3; // title in row 1, this block in rows 2–3
  const staffCell = `${columnLetter(1)}${row}`;
  const studentCell = `${columnLetter(3)}${row}`;
  const counts: PreambleCell[] = [text("教职工党员人数"), { kind: "input", numFmt: "0" }, text("学生党员人数"), { kind: "input", numFmt: "0" }];
  if (!hasFundingStandard(profile)) {
    return [
      [text(`经费标准（配置 ${profile.name}）：本配置依据的文件未规定按党员人数下拨的经费标准；学校有标准的，请选用相应配置（如 100-50、200-100）生成模板`)],
      counts,
    ];
  }
  return [
    [text(`经费标准（配置 ${profile.name}）：应拨经费 = 教职工党员人数 × ${staff} 元 + 学生党员人数 × ${student} 元（每年，不少于此数；${retireeRule(profile)}）`)],
    [...counts, text("应拨经费（元）"), { kind: "formula", formula: `${staffCell}*${staff}+${studentCell}*${student}`, numFmt: "#,##0.00" }],
  ];
}

function retireeRule(profile: Profile): string {
  return { staff: "离退休党员按教职工计", student: "离退休党员按学生计", none: "离退休党员不计入" }[profile.funding.retireesCountAs];
}

// ---- 说明 ----

function notesFor(ledgers: readonly LedgerDef[], profile: Profile): NoteRow[] {
  const rows: NoteRow[] = [];
  const title = (t: string) => rows.push({ style: "title", cells: [t] });
  const heading = (t: string) => rows.push({ style: "heading", cells: [t] });
  const line = (...cells: string[]) => rows.push({ style: "text", cells });
  const columns = (...cells: string[]) => rows.push({ style: "columns", cells });
  const blank = () => line("");

  title("党建台账模板填写说明");
  line(`模板版本 ${TEMPLATE_VERSION}，配置 ${profile.name}${profile.source ? `（${profile.source}）` : ""}。`);
  line("每个台账一张工作表：第 1 行为标题（请把 ____ 改为本支部名称），表头以下逐行填写，一人一行或一事一行。");
  line("请勿修改表头文字和工作表名称，也不要删除隐藏的工作表：校验时按表头识别各列。");
  line("表头为橙色的列（下表中标“必填”）不能为空；日期请写作 2019-07-01；身份证号、联系电话列已设为文本格式，请直接输入。");
  blank();

  heading("本模板采用的标准（来自配置，可由学院统一设置）");
  for (const text of profileLines(profile)) line(text);
  blank();

  for (const ledger of ledgers) {
    heading(`${ledger.title}：${ledger.purpose}`);
    columns("列", "是否必填", "填写说明");
    for (const f of ledger.fields.map(templateColumn)) line(f.header, f.required ? "必填" : "", f.hint);
    blank();
  }

  heading("校验时核对的规则");
  const keys = new Set(ledgers.map((l) => l.key));
  for (const group of CODE_GROUPS.filter((g) => g.ledger === null || keys.has(g.ledger))) {
    columns(group.title, "级别", "规则（依据）");
    for (const code of codesOf(group)) {
      const info: CodeInfo = CODES[code];
      line(code, SEVERITY_LABEL[info.severity], info.source ? `${info.title}（${info.source}）` : info.title);
    }
    blank();
  }
  return rows;
}

const yuan = (n: number) => `${n} 元`;
const percent = (rate: number) => `${Math.round(rate * 10000) / 100}%`;

function bracketsText(brackets: Profile["dues"]["inService"]): string {
  return brackets
    .map((b, i) => {
      const low = i === 0 ? null : brackets[i - 1].upTo;
      const range = b.upTo === null ? `${low} 元以上` : low === null ? `${b.upTo} 元及以下` : `${low}–${b.upTo} 元`;
      return `${range} ${percent(b.rate)}`;
    })
    .join("，");
}

/** The profile's numbers in words: the only place 说明 takes a number from. */
export function profileLines(profile: Profile): string[] {
  const { funding, training, terms, dues, branch, development: dev, meetings } = profile;
  const forms = training.countedForms === null ? "全部形式" : training.countedForms.join("、");
  const byCategory = Object.entries(training.hoursByCategory)
    .map(([category, hours]) => `，${category}党员 ${hours} 学时`)
    .join("");
  const { integrity } = training;
  const integrityText = integrity ? `；${integrity.categories.join("、")}党员其中廉政教育不少于 ${integrity.hours} 学时` : "";
  const { organisationalLife: lifeRule } = meetings;
  const lifeText = lifeRule
    ? `；组织生活每月不少于：学生党支部 ${lifeRule.perMonth.student} 次、在职教职工党支部 ${lifeRule.perMonth.staff} 次、离退休党支部 ${lifeRule.perMonth.retired} 次`
    : "";
  return [
    hasFundingStandard(profile)
      ? `活动经费：教职工党员每人每年不少于 ${yuan(funding.staff)}，学生党员每人每年不少于 ${yuan(funding.student)}；${retireeRule(profile)}${funding.source ? `（${funding.source}）` : ""}。`
      : "活动经费：本配置依据的文件未规定按党员人数下拨的标准，不核对下拨金额。",
    `学习培训：党员每年不少于 ${training.memberHours} 学时${byCategory}；书记、委员每年不少于 ${training.leaderHours} 学时，且至少参加一次${training.centralForm}；单次记录不超过 ${training.maxHoursPerRecord} 学时；计入学时的形式：${forms}${integrityText}。`,
    `换届：党委任期 ${terms.years.党委} 年，党总支 ${terms.years.党总支} 年，党支部 ${terms.years.党支部} 年；届满前 ${terms.remindMonths} 个月提醒；经批准延期或提前不超过 ${terms.maxAdjustYears} 年。`,
    `党费（按月税后收入计，比例适用于全部基数）：在职党员 ${bracketsText(dues.inService)}；离退休党员 ${bracketsText(dues.retired)}；学生党员每月 ${dues.studentMonthly.toFixed(2)} 元；允许误差 ±${dues.tolerance.toFixed(2)} 元；连续 ${dues.unpaidMonthsLimit} 个月未缴视为有自行脱党风险。`,
    `支部规模：正式党员不少于 ${branch.minFullMembers} 人，党员一般不超过 ${branch.maxMembers} 人；${branch.committeeMinMembers} 人以上设支部委员会。`,
    `三会一课：${Object.entries(meetings.frequency).map(([type, period]) => `${type}${FREQUENCY_WORDS[period]}`).join("，")}${lifeText}。`,
    `发展党员：申请时年满 ${dev.minAge} 周岁；申请后 ${dev.talkWithinMonths} 个月内谈话；积极分子培养 ${dev.activistMinYears} 年以上；发展对象培训不少于 ${dev.minTrainingHours} 学时；支部大会后 ${dev.approvalWarnMonths} 个月内上级审批（最迟 ${dev.approvalErrorMonths} 个月）；预备期 ${dev.probationYears} 年，可延长不超过 ${dev.maxExtensionMonths} 个月。`,
  ];
}
