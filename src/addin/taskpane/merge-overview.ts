/**
 * The merge overview in the pane: branches by status, the most frequent
 * findings and, per branch, its status and a small SVG bar chart of its
 * completion rates – the same figures as the 概览 and 汇总 sheets, read off
 * the summary model. Text goes in with textContent only (branch names come
 * from untrusted workbooks).
 */
import { el, setChildren } from "./view";
import { CODES } from "../../core/codes";
import { frequentCodes, SHEET_NAMES, VERDICT_LABEL, VERDICTS, type MergeReport, type SummaryModel } from "../../core/merge";

/** The rates charted per branch, by their 汇总 headers, with a short label. */
const RATES: readonly [string, string][] = [
  ["培训达标率", "培训"],
  ["党费缴纳率", "党费"],
  ["三会一课完成率", "会议"],
];

export interface BranchBars {
  branch: string;
  status: string;
  errors: number;
  rates: { label: string; value: number | null }[];
}

/** Per branch row of 汇总 (the total row aside): its status, error count and rates. */
export function branchBars(model: SummaryModel): BranchBars[] {
  const sheet = model.sheets.find((s) => s.name === SHEET_NAMES.summary);
  if (!sheet) return [];
  const at = (header: string) => sheet.columns.findIndex((c) => c.header === header);
  const rows = sheet.totalRow ? sheet.rows.slice(0, -1) : sheet.rows;
  return rows.map((row) => ({
    branch: String(row[at("支部")] ?? ""),
    status: String(row[at("状态")] ?? ""),
    errors: Number(row[at("错误")] ?? 0),
    rates: RATES.map(([header, label]) => {
      const v = row[at(header)];
      return { label, value: typeof v === "number" ? v : null };
    }),
  }));
}

const SVG = "http://www.w3.org/2000/svg";
const BAR_WIDTH = 120;
const BAR_HEIGHT = 10;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Three bars, 0–100 %, each labelled; a rate that cannot be computed shows as “无”. */
function ratesChart(bars: BranchBars): SVGSVGElement {
  const chart = svg("svg", { width: BAR_WIDTH + 80, height: bars.rates.length * (BAR_HEIGHT + 4), role: "img", class: "rates" });
  bars.rates.forEach((r, i) => {
    const y = i * (BAR_HEIGHT + 4);
    const label = svg("text", { x: 0, y: y + BAR_HEIGHT - 1, "font-size": 10 });
    label.textContent = r.label;
    chart.appendChild(label);
    chart.appendChild(svg("rect", { x: 28, y, width: BAR_WIDTH, height: BAR_HEIGHT, fill: "#eee" }));
    if (r.value !== null) chart.appendChild(svg("rect", { x: 28, y, width: Math.round(Math.min(1, r.value) * BAR_WIDTH), height: BAR_HEIGHT, fill: r.value >= 1 ? "#5b9bd5" : "#f4b183" }));
    const value = svg("text", { x: 32 + BAR_WIDTH, y: y + BAR_HEIGHT - 1, "font-size": 10 });
    value.textContent = r.value === null ? "无" : `${Math.round(r.value * 100)}%`;
    chart.appendChild(value);
  });
  chart.setAttribute("aria-label", bars.rates.map((r) => `${r.label} ${r.value === null ? "无" : `${Math.round(r.value * 100)}%`}`).join("，"));
  return chart;
}

export function renderMergeOverview(container: HTMLElement, report: MergeReport, model: SummaryModel): void {
  const totals = el("p", "totals", VERDICTS.map((v) => `${VERDICT_LABEL[v]} ${report.merge.totals[v]}`).join(" · "));
  const codes = el("ol", "top-codes");
  // DOM calls IE 11 has (appendChild, no append/replaceChildren): the pane runs in Office 2016's webview too.
  for (const { code, count } of frequentCodes(report)) codes.appendChild(el("li", undefined, `${CODES[code].title}：${count} 处`));
  const list = el("ul", "branch-bars");
  for (const bars of branchBars(model)) {
    const item = el("li");
    item.dataset.status = bars.status;
    for (const part of [el("span", "branch", bars.branch), el("span", "status", bars.status), el("span", "errors", `错误 ${bars.errors}`), ratesChart(bars)]) item.appendChild(part);
    list.appendChild(item);
  }
  setChildren(container, [totals, list, ...(codes.childElementCount > 0 ? [el("h3", undefined, "最常见的问题"), codes] : [])]);
}
