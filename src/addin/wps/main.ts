/**
 * The WPS 加载项's entry page (index.html): the ribbon.xml callbacks
 * OnAddinLoad, OnAction, GetLabel, GetImage and OnGetEnabled on window, as WPS
 * calls them. Each button runs synchronously on WPS's object model and says
 * what it did in a message box; 校验本表, 校验全部 and 插入模板 follow the
 * workbook's 配置 (./profile.ts), chosen in the 配置 menu, and the validations
 * its 列对应 (./columns.ts), made in the task pane; 汇总工作簿 and
 * 打开助手 open the task pane (the same pane as in Excel) with
 * Application.CreateTaskPane.
 */
import { todayInShanghai } from "../../core/dates";
import { LEDGERS } from "../../core/ledgers";
import { BUILTIN_PROFILES, type Profile } from "../../core/profile";
import { runSummary, type Scope } from "../shared/run-plan";
import { clearMarksInWps } from "./clear";
import { chooseProfile, profileTitle, workbookProfile } from "./profile";
import { unrecognisedText, validateWorkbookInWps } from "./run";
import { insertTemplateInWps } from "./template";
import { application, runInWps } from "./workbook";

/** A button's work; it returns the lines to show (none: nothing to say). */
type Action = () => string[];

/** The buttons that open the task pane (ribbon.xml ids), and the pane view each opens. */
const PANE_VIEWS = { openPane: "", summarize: "merge" } as const;

/** ribbon.xml: the 配置 menu, and its button for each built-in profile. */
const PROFILE_MENU = "profileMenu";
const PROFILE_BUTTON = "profile_";

/** What OnAddinLoad is given: Invalidate makes WPS ask every getLabel again. */
interface RibbonUI {
  Invalidate(): void;
}

let ribbon: RibbonUI | null = null;

/** What a button says: what could not be used, what it did, the profile it followed, then the rest. */
const said = (notices: readonly string[], profile: Profile, [first, ...rest]: readonly string[]): string[] => [...notices, first, `按配置：${profileTitle(profile)}`, ...rest];

/** Work that follows the workbook's profile, then says which one it followed. */
const withProfile =
  (work: (profile: Profile) => string[]): Action =>
  () => {
    const { profile, notice } = runInWps(workbookProfile);
    return said(notice ? [notice] : [], profile, work(profile));
  };

const validate =
  (scope: Scope): Action =>
  () => {
    const { result, profile, notices, proposals } = validateWorkbookInWps(scope, todayInShanghai());
    return said(notices, profile, [runSummary(result, scope), ...result.notices, ...unrecognisedText(proposals)]);
  };

function choose(name: string): string[] {
  const profile = runInWps((app) => chooseProfile(app, name));
  ribbon?.Invalidate();
  return [`已选择配置：${profileTitle(profile)}。`, "本工作簿的校验和插入的模板将按此配置；保存工作簿后，下次打开仍按此配置。"];
}

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
  ...Object.fromEntries(LEDGERS.map((l): [string, Action] => [`insertTemplate_${l.key}`, withProfile((profile) => [`已插入模板工作表“${insertTemplateInWps(l.key, profile)}”。`])])),
  ...Object.fromEntries(Object.keys(BUILTIN_PROFILES).map((name): [string, Action] => [`${PROFILE_BUTTON}${name}`, () => choose(name)])),
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

/** The active workbook's profile name; null when no workbook is open (a label must not fail). */
function currentProfile(): string | null {
  try {
    return runInWps(workbookProfile).profile.name;
  } catch {
    return null;
  }
}

/** 配置：cqipc on the menu; each profile by name and wording, the workbook's one ticked. */
function getLabel(control: RibbonControl): string {
  const current = currentProfile();
  if (control.Id === PROFILE_MENU) return current ? `配置：${current}` : "配置";
  const name = control.Id.slice(PROFILE_BUTTON.length);
  return `${name === current ? "✔ " : ""}${profileTitle(BUILTIN_PROFILES[name])}`;
}

const callbacks = {
  /** Keep the ribbon, and have the 配置 labels follow the workbook that becomes active. */
  OnAddinLoad: (ribbonUI: RibbonUI) => {
    ribbon = ribbonUI;
    application().ApiEvent?.AddApiEventListener("WorkbookActivate", () => ribbon?.Invalidate());
    return true;
  },
  OnAction: onAction,
  GetLabel: getLabel,
  /** Every button has the add-in's icon (assets/ beside this page). */
  GetImage: () => "assets/icon-32.png",
  /** Every button stays enabled: pressed with no workbook open, it says so. */
  OnGetEnabled: () => true,
};

Object.assign(globalThis, callbacks);
