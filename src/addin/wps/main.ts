/**
 * The WPS 加载项's entry page (index.html): the ribbon.xml callbacks
 * OnAddinLoad, OnAction, GetImage and OnGetEnabled on window, as WPS calls
 * them. Each button runs synchronously on WPS's object model and says what
 * it did in a message box; 汇总工作簿 and 打开助手 open the task pane (the
 * same pane as in Excel) with Application.CreateTaskPane.
 */
import { todayInShanghai } from "../../core/dates";
import { LEDGERS } from "../../core/ledgers";
import { BUILTIN_PROFILES, DEFAULT_PROFILE } from "../../core/profile";
import { commandLines, type Scope } from "../shared/run-plan";
import { clearMarksInWps } from "./clear";
import { insertTemplateInWps } from "./template";
import { validateInWps } from "./validate";
import { application } from "./workbook";

/** A button's work; it returns the lines to show (none: nothing to say). */
type Action = () => string[];

/** The buttons that open the task pane (ribbon.xml ids), and the pane view each opens. */
const PANE_VIEWS = { openPane: "", summarize: "merge" } as const;

const profile = () => BUILTIN_PROFILES[DEFAULT_PROFILE];

const validate =
  (scope: Scope): Action =>
  () =>
    commandLines(validateInWps({ scope, profile: profile(), asOf: todayInShanghai() }), scope);

/** The pane (taskpane.html beside this page), created once per view and shown again after. */
function showPane(view: string): string[] {
  const app = application();
  const key = `taizhang.taskpane.${view || "main"}`;
  const known = app.PluginStorage.getItem(key);
  const existing = known ? app.GetTaskPane(known) : null;
  if (existing) {
    existing.Visible = true;
    return [];
  }
  const url = new URL("taskpane.html", window.location.href);
  if (view) url.searchParams.set("view", view);
  const pane = app.CreateTaskPane(url.toString());
  app.PluginStorage.setItem(key, pane.ID);
  pane.Visible = true;
  return [];
}

export const ACTIONS: Record<string, Action> = {
  validateSheet: validate("active"),
  validateAll: validate("all"),
  clearMarks: () => clearMarksInWps().notices,
  ...Object.fromEntries(LEDGERS.map((l): [string, Action] => [`insertTemplate_${l.key}`, () => (insertTemplateInWps(l.key, profile()), [])])),
  ...Object.fromEntries(Object.entries(PANE_VIEWS).map(([id, view]): [string, Action] => [id, () => showPane(view)])),
};

interface RibbonControl {
  Id: string;
}

function onAction(control: RibbonControl): boolean {
  const action = ACTIONS[control.Id];
  if (!action) return false;
  try {
    const lines = action();
    if (lines.length > 0) window.alert(lines.join("\n"));
  } catch (e) {
    window.alert(e instanceof Error ? e.message : String(e));
  }
  return true;
}

const callbacks = {
  /** Nothing to set up: every button reads the workbook when pressed. */
  OnAddinLoad: () => true,
  OnAction: onAction,
  /** Every button has the add-in's icon (assets/ beside this page). */
  GetImage: () => "assets/icon-32.png",
  /** Every button stays enabled: pressed with no workbook open, it says so. */
  OnGetEnabled: () => true,
};

Object.assign(globalThis, callbacks);
