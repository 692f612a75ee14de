/** The human-readable findings table: grouped by file and sheet, zh-CN. */
import { countBySeverity } from "../core/finding";
import { allIssues, type FileReport, type ValidationReport } from "../core/report";
import { SEVERITY_LABEL } from "../core/codes";
import { displayWidth } from "../core/text";
import { maxOf } from "../core/numbers";

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

export function formatFile(file: FileReport): string {
  const lines: string[] = [];
  if (file.status === "unreadable") {
    lines.push(`✖ ${file.file}：无法读取`, `  ${file.error ?? ""}`);
    return lines.join("\n");
  }
  if (file.status === "no-ledger") {
    lines.push(`⚠ ${file.file}：没有可识别的台账`, `  ${file.error ?? ""}`);
    return lines.join("\n");
  }
  const { error, warning } = countBySeverity(allIssues(file));
  lines.push(`${error > 0 ? "✖" : "✔"} ${file.file}：${error} 个错误，${warning} 个警告`);
  for (const sheet of file.sheets) {
    const title = sheet.sheet === null ? "（整个工作簿）" : `工作表“${sheet.sheet}”`;
    const what = sheet.ledger ? `（${sheet.rows} 行数据，表头在第 ${sheet.headerRow} 行）` : "";
    if (sheet.issues.length === 0) {
      lines.push(`  ${title}${what}：没有发现问题`);
      continue;
    }
    lines.push(`  ${title}${what}`);
    const place = (i: (typeof sheet.issues)[number]) => i.cell ?? (i.row !== null ? `第${i.row}行` : "—");
    const placeWidth = maxOf(sheet.issues.map((i) => displayWidth(place(i))), 6);
    const codeWidth = maxOf(sheet.issues.map((i) => i.code.length));
    for (const issue of sheet.issues) {
      lines.push(`    ${padEnd(place(issue), placeWidth)}  ${SEVERITY_LABEL[issue.severity]}  ${padEnd(issue.code, codeWidth)}  ${issue.message}`);
    }
  }
  return lines.join("\n");
}

export function formatReport(report: ValidationReport): string {
  const { summary } = report;
  const body = report.files.map(formatFile).join("\n\n");
  const unreadable = report.files.filter((f) => f.status === "unreadable").length;
  const noLedger = report.files.filter((f) => f.status === "no-ledger").length;
  const apart = [unreadable ? `${unreadable} 个无法读取` : "", noLedger ? `${noLedger} 个没有可识别的台账` : ""].filter(Boolean).join("，");
  const tail = `共 ${summary.files} 个文件${apart ? `（${apart}）` : ""}：${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个提示（核对日期 ${report.asOf}，配置 ${report.profile}）`;
  return `${body}\n\n${tail}\n`;
}
