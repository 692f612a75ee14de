/** The text of docs/codes.md, derived from the definitions (a test checks the committed file is current). */
import { CODE_GROUPS, CODES, codesOf, LEDGERS, SEVERITY_LABEL, type FieldKind } from "../src/core";
const KIND: Record<FieldKind, string> = {
  text: "文本",
  enum: "下拉选项",
  id: "身份证号（文本）",
  date: "日期",
  amount: "金额",
  number: "数字",
  integer: "整数",
  rate: "比例",
  phone: "电话（文本）",
};

export function codesCatalogueMarkdown(): string {
  const out: string[] = [
    "# 台账、字段与问题代码",
    "",
    "由 `npm run docs` 根据 `src/core/ledgers/` 和 `src/core/codes.ts` 生成，请勿手改。代码是稳定的接口：只增不改。",
    "",
  ];
  for (const group of CODE_GROUPS) {
    out.push(`## ${group.title}`, "");
    const ledger = LEDGERS.find((l) => l.key === group.ledger);
    if (ledger) {
      out.push(`${ledger.purpose}。工作表名或表头可识别为“${[ledger.title, ...ledger.sheetAliases].join("”“")}”。`, "");
      out.push("| 列 | 必填 | 类型 | 也认作 |", "|---|---|---|---|");
      for (const f of ledger.fields) {
        const kind = f.options ? `${KIND[f.kind]}：${f.options.join("/")}` : KIND[f.kind];
        out.push(`| ${f.header} | ${f.required ? "是" : ""} | ${kind} | ${f.aliases.join("、")} |`);
      }
      out.push("");
    }
    out.push("| 代码 | 级别 | 含义 | 依据 |", "|---|---|---|---|");
    for (const code of codesOf(group)) {
      const info = CODES[code];
      out.push(`| \`${code}\` | ${SEVERITY_LABEL[info.severity]} | ${info.title} | ${info.source} |`);
    }
    out.push("");
  }
  return out.join("\n");
}
