/**
 * The 列对应 step: after a validation, each header no field took gets a
 * dropdown with the field proposed (or 其他列). The choices become the same
 * mapping `--columns` and a profile's `columns` give (src/core/columns.ts); in
 * Excel the pane saves it in the workbook, standalone it holds for the session.
 */
import type { ColumnProposal } from "../../core/columns";
import { el, setChildren } from "./view";

export interface ColumnChoice {
  ledger: string;
  header: string;
  field: string | null;
}

const OTHER = "";

/** Show the proposals (nothing when there are none); `apply` gets the choices made. */
export function renderColumnsStep(container: HTMLElement, proposals: readonly ColumnProposal[], apply: (choices: ColumnChoice[]) => void): void {
  container.hidden = proposals.length === 0;
  if (proposals.length === 0) return setChildren(container, []);
  const list = el("ul", "column-choices");
  const selects = proposals.map((p) => {
    const item = el("li");
    const label = el("label", undefined, `${p.sheet} ${p.column} 列“${p.header}”`);
    const select = el("select");
    select.setAttribute("data-ledger", p.ledger);
    select.setAttribute("data-header", p.header);
    select.add(new Option("（其他列，不校验）", OTHER));
    for (const c of p.choices) select.add(new Option(c.header, c.key));
    select.value = p.proposed ?? OTHER;
    label.appendChild(select);
    item.appendChild(label);
    list.appendChild(item);
    return select;
  });
  const button = el("button", "primary", "保存列对应并重新校验");
  button.id = "columns-apply";
  button.addEventListener("click", () =>
    apply(selects.map((s) => ({ ledger: s.getAttribute("data-ledger")!, header: s.getAttribute("data-header")!, field: s.value === OTHER ? null : s.value }))),
  );
  setChildren(container, [
    el("h2", undefined, "列对应"),
    el("p", "hint", "以下表头没有认出。为每一列选择它对应的字段（或保留为其他列），保存后重新校验，以后校验这个工作簿也按此读取。"),
    list,
    button,
  ]);
}
