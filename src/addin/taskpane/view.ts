/**
 * The pane's findings list: files → sheets → severities, each finding a button
 * (click selects its cell in Excel). Text goes in with textContent only: cell
 * values come from untrusted workbooks.
 */
import type { Severity } from "../../core/codes";
import { countBySeverity, type Finding } from "../../core/finding";
import { holdsLedgers, type FileReport } from "../../core/report";
import { SEVERITY_LABEL } from "../../core/codes";

export type SelectCell = (finding: Finding) => void;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function summaryText(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  return c.error + c.warning + c.info === 0 ? "未发现问题" : `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`;
}

/** A finding: a button that selects its cell when the pane runs in Excel, plain text otherwise. */
function findingItem(f: Finding, onSelect?: SelectCell): HTMLElement {
  const selectable = onSelect !== undefined && f.sheet !== null;
  const item = el(selectable ? "button" : "div", `finding ${f.severity}`);
  item.dataset.code = f.code;
  if (f.sheet) item.dataset.sheet = f.sheet;
  if (f.cell) item.dataset.cell = f.cell;
  item.append(el("span", "cell", f.cell ?? (f.row !== null ? `第 ${f.row} 行` : "整表")), el("span", "message", f.message), el("span", "code", f.code));
  if (selectable) item.addEventListener("click", () => onSelect(f));
  return item;
}

function sheetBlock(name: string, findings: readonly Finding[], onSelect?: SelectCell): HTMLElement {
  const block = el("details", "sheet");
  block.open = findings.some((f) => f.severity !== "info");
  block.append(el("summary", undefined, `${name}：${summaryText(findings)}`));
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    block.append(el("div", `group-title ${severity}`, `${SEVERITY_LABEL[severity]}（${group.length}）`));
    for (const f of group) block.append(findingItem(f, onSelect));
  }
  return block;
}

export function renderReports(container: HTMLElement, files: readonly FileReport[], onSelect?: SelectCell): void {
  container.replaceChildren(
    ...files.map((file) => {
      const section = el("section", "file-report");
      section.dataset.file = file.file;
      section.append(el("h3", undefined, file.file));
      if (!holdsLedgers(file)) {
        section.append(el("p", "unreadable", file.error ?? "无法读取"));
        return section;
      }
      const all = file.sheets.flatMap((s) => s.issues);
      if (all.length === 0) section.append(el("p", "clean", "未发现问题"));
      for (const sheet of file.sheets) {
        if (sheet.issues.length > 0) section.append(sheetBlock(sheet.sheet ?? "整个工作簿", sheet.issues, onSelect));
      }
      return section;
    }),
  );
}

export function renderNotices(list: HTMLElement, notices: readonly { text: string; error?: boolean }[]): void {
  list.replaceChildren(...notices.map((n) => el("li", n.error ? "error" : undefined, n.text)));
}
