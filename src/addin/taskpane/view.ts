/**
 * The pane's findings list: files → sheets → severities. Each finding shows
 * its cell and message – a button that selects the cell in Excel – and a small
 * 依据 toggle that reveals its code and source document. ID numbers are masked
 * unless the pane's 显示完整身份证号 is ticked; the finding behind stays whole.
 * Text goes in with textContent only (cell values come from untrusted
 * workbooks), and nodes with appendChild, which every Office webview has.
 */
import type { Severity } from "../../core/codes";
import { countBySeverity, type Finding } from "../../core/finding";
import { holdsLedgers, type FileReport } from "../../core/report";
import { SEVERITY_LABEL } from "../../core/codes";
import { findingText } from "./wording";

export type SelectCell = (finding: Finding) => void;

/** A message bar's kind: Fluent's warning (the default), error and success intents. */
export interface Notice {
  text: string;
  error?: boolean;
  success?: boolean;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The container's children replaced by `nodes`. */
export function setChildren(container: HTMLElement, nodes: readonly Node[]): void {
  while (container.firstChild) container.removeChild(container.firstChild);
  for (const node of nodes) container.appendChild(node);
}

export function summaryText(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  return c.error + c.warning + c.info === 0 ? "没有发现问题" : `错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`;
}

/** The success notice of a validation that found nothing (and read every file); none otherwise. */
export const cleanNotice = (findings: readonly Finding[], unreadable = 0): Notice[] =>
  findings.length === 0 && unreadable === 0 ? [{ text: "没有发现问题：所校验的台账符合所选配置的各项规定。", success: true }] : [];

let basisIds = 0;

/** A finding: its place and message (a button that selects the cell when the pane runs in Excel) and its 依据 disclosure. */
function findingItem(f: Finding, fullIds: boolean, onSelect?: SelectCell): HTMLElement {
  const text = findingText(f, fullIds);
  const item = el("div", `finding ${f.severity}`);
  item.setAttribute("data-code", f.code);
  if (f.sheet) item.setAttribute("data-sheet", f.sheet);
  if (f.cell) item.setAttribute("data-cell", f.cell);
  const selectable = onSelect !== undefined && f.sheet !== null;
  const target = el(selectable ? "button" : "div", "finding-target");
  if (selectable) {
    target.setAttribute("type", "button");
    target.setAttribute("title", "定位到此单元格");
    target.addEventListener("click", () => onSelect(f));
  }
  target.appendChild(el("span", "cell", text.place));
  target.appendChild(el("span", "message", text.message));
  const basis = el("div", "basis");
  basis.id = `basis-${++basisIds}`;
  basis.hidden = true;
  basis.appendChild(el("span", "code", text.code));
  if (text.source) basis.appendChild(el("span", "source", text.source));
  const toggle = el("button", "basis-toggle", "依据");
  toggle.setAttribute("type", "button");
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", basis.id);
  toggle.addEventListener("click", () => {
    basis.hidden = !basis.hidden;
    toggle.setAttribute("aria-expanded", String(!basis.hidden));
  });
  item.appendChild(target);
  item.appendChild(toggle);
  item.appendChild(basis);
  return item;
}

function sheetBlock(name: string, findings: readonly Finding[], fullIds: boolean, onSelect?: SelectCell): HTMLElement {
  const block = el("details", "sheet");
  block.open = findings.some((f) => f.severity !== "info");
  block.appendChild(el("summary", undefined, `${name}：${summaryText(findings)}`));
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    block.appendChild(el("div", `group-title ${severity}`, `${SEVERITY_LABEL[severity]}（${group.length}）`));
    for (const f of group) block.appendChild(findingItem(f, fullIds, onSelect));
  }
  return block;
}

export function renderReports(container: HTMLElement, files: readonly FileReport[], fullIds: boolean, onSelect?: SelectCell): void {
  setChildren(
    container,
    files.map((file) => {
      const section = el("section", "file-report");
      section.setAttribute("data-file", file.file);
      section.appendChild(el("h3", undefined, file.file));
      if (!holdsLedgers(file)) {
        section.appendChild(el("p", "unreadable", file.error ?? "无法读取"));
        return section;
      }
      const all = file.sheets.flatMap((s) => s.issues);
      if (all.length === 0) section.appendChild(el("p", "clean", "没有发现问题"));
      for (const sheet of file.sheets) {
        if (sheet.issues.length > 0) section.appendChild(sheetBlock(sheet.sheet ?? "整个工作簿", sheet.issues, fullIds, onSelect));
      }
      return section;
    }),
  );
}

export function renderNotices(list: HTMLElement, notices: readonly Notice[]): void {
  setChildren(
    list,
    notices.map((n) => el("li", n.error ? "error" : n.success ? "success" : "warning", n.text)),
  );
}
