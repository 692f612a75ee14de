/**
 * The task pane. In Excel: the ribbon's actions with their results listed by
 * sheet and severity (click → the cell), the profile saved in the workbook,
 * progress with a cancel. Outside Excel (office.js missing or no host): the
 * same pane validates and merges files chosen from disk – standalone mode;
 * inside WPS it also validates the open workbook for its 列对应 step.
 */
import "./taskpane.css";
import packageJson from "../../../package.json";
import { todayInShanghai } from "../../core/dates";
import type { Finding } from "../../core/finding";
import { LEDGERS } from "../../core/ledgers";
import type { LedgerKey } from "../../core/ledger";
import { checkInput, mergeChecked, returnPacks, type MergeInput, type ReturnPack } from "../../core/merge";
import { BUILTIN_PROFILES, DEFAULT_PROFILE, type Profile } from "../../core/profile";
import { reportWorkbook, unreadableReport, type FileReport } from "../../core/report";
import { missingFeatures, type Capabilities } from "../excel/capabilities";
import { clearMarksInExcel } from "../excel/clear";
import { addinError, toAddinError } from "../excel/errors";
import { AddinError } from "../shared/errors";
import { insertSummaryInExcel } from "../excel/summary";
import { insertTemplateInExcel } from "../excel/template";
import { validateInExcel } from "../excel/validate";
import type { RunResult, Scope } from "../shared/run-plan";
import { detectHost, inWps, PROFILE_NAMES, saveColumns, savedColumns, saveProfile, savedProfile } from "../office";
import { proposeColumns, resolveColumnMapping, withChoices, type ColumnMapping, type ColumnMappingInput, type ColumnProposal } from "../../core/columns";
import { READ_LEDGERS } from "../../core/ledgers";
import { renderColumnsStep, type ColumnChoice } from "./columns-step";
import { addMergeExtras } from "./merge-extras";
import { renderMergeOverview } from "./merge-overview";
import { cleanNotice, el, renderNotices, renderReports, setChildren, summaryText, type Notice } from "./view";
import { chosenFilesText, fundingText, profileLabel } from "./wording";
import { saveColumnsInWps } from "../wps/columns";
import { paneProfile, profileTitle } from "../wps/profile";
import { validateWorkbookInWps } from "../wps/run";
import { runInWps } from "../wps/workbook";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let caps: Capabilities | null = null;
let standing: Notice[] = [];
let cancelled = false;
/** The send-back pack of the last merge, for its download button. */
let packs: ReturnPack[] = [];
/** The 列对应 in force: the workbook's own in Excel, this session's standalone (a WPS workbook keeps its own, ../wps/columns.ts). */
let columnsInput: ColumnMappingInput = {};

const columnMapping = (): ColumnMapping => resolveColumnMapping(columnsInput, READ_LEDGERS);

/** Keep the choices for this session, and in Excel with the workbook. */
async function keepColumns(input: ColumnMappingInput): Promise<void> {
  columnsInput = input;
  if (caps) await saveColumns(input);
}

/**
 * After a validation: the 列对应 step for the headers not recognised (those
 * `decided` leaves open); applying it adds the choices to `decided`, saves
 * them and validates again.
 */
function offerColumns(proposals: readonly ColumnProposal[], decided: ColumnMappingInput, save: (input: ColumnMappingInput) => Promise<void> | void, again: () => Promise<void>): void {
  renderColumnsStep($("columns"), proposals, (choices: ColumnChoice[]) =>
    void busy("正在保存列对应并重新校验…", async () => {
      await save(withChoices(decided, choices));
      await again();
    }),
  );
}

const proposalsFor = (reports: readonly FileReport[]): ColumnProposal[] => proposeColumns(reports.flatMap((r) => r.sheets), READ_LEDGERS, columnsInput);

/** The reports listed last, drawn again when 显示完整身份证号 changes. */
let listed: { reports: FileReport[]; selectable: boolean } = { reports: [], selectable: false };

function listReports(): void {
  const fullIds = $<HTMLInputElement>("show-ids").checked;
  renderReports($("results"), listed.reports, fullIds, listed.selectable ? selectCell : undefined);
  $("show-ids").parentElement!.hidden = !listed.reports.some((r) => r.sheets.some((s) => s.issues.length > 0));
}

function show(notices: Notice[], summary = "", reports: FileReport[] = [], selectable = false): void {
  renderNotices($("notices"), [...standing, ...notices]);
  $("summary").textContent = summary;
  listed = { reports, selectable };
  listReports();
}

const failure = (e: unknown): Notice => ({ text: e instanceof AddinError ? e.message : toAddinError(e).message, error: true });

/** Run one action at a time: buttons off, progress on, a cancel that stops before anything is written. */
async function busy(first: string, action: () => Promise<void>): Promise<void> {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>("button:not(#cancel), input, select"));
  buttons.forEach((b) => (b.disabled = true));
  cancelled = false;
  setProgress(first);
  $("progress").hidden = false;
  try {
    await action();
  } catch (e) {
    show([failure(e)]);
  } finally {
    $("progress").hidden = true;
    buttons.forEach((b) => (b.disabled = false));
    $<HTMLButtonElement>("merge-run").disabled = $<HTMLInputElement>("merge-files").files?.length === 0;
    $<HTMLButtonElement>("merge-returns").disabled = packs.length === 0;
  }
}

const setProgress = (text: string) => ($("progress-text").textContent = text);
const checkCancel = () => {
  if (cancelled) throw addinError("cancelled");
};

function profile(): Profile {
  return BUILTIN_PROFILES[$<HTMLSelectElement>("profile").value] ?? BUILTIN_PROFILES[DEFAULT_PROFILE];
}

function asOf(): string {
  return $<HTMLInputElement>("as-of").value || todayInShanghai();
}

async function selectCell(f: Finding): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(f.sheet!);
      sheet.activate();
      sheet.getRange(f.cell ?? `A${f.row ?? 1}`).select();
      await context.sync();
    });
  } catch (e) {
    show([failure(e)]);
  }
}

// ---- in Excel ----

async function validateHere(scope: Scope): Promise<void> {
  const result = await validateInExcel({
    scope,
    profile: profile(),
    asOf: asOf(),
    columns: columnMapping(),
    caps: caps!,
    onProgress: (p) => setProgress(p.message),
    isCancelled: () => cancelled,
  });
  const report = showRun(result, scope, [], "", true);
  offerColumns(proposalsFor([report]), columnsInput, keepColumns, () => validateHere(scope));
}

/** A validation of the open workbook listed: what it could not do, what it found and marked; the report of the scope. */
function showRun(result: RunResult, scope: Scope, notices: readonly string[], followed: string, selectable: boolean): FileReport {
  const where = scope === "all" ? "全部工作表" : `工作表“${result.activeSheet}”`;
  const marked = result.marked > 0 ? `，已在 ${result.marked} 个单元格上标记` : "";
  const report = scope === "all" ? result.report : { ...result.report, sheets: result.report.sheets.filter((s) => s.sheet === result.activeSheet) };
  const said = [...notices, ...result.notices].map((text) => ({ text }));
  show([...said, ...cleanNotice(report.sheets.flatMap((s) => s.issues))], `${where}：${summaryText(result.findings)}${marked}${followed}`, [report], selectable);
  return report;
}

async function clearHere(): Promise<void> {
  const result = await clearMarksInExcel(caps!);
  show(result.notices.map((text) => ({ text })), `已清除 ${result.restored} 个单元格的标记，恢复了原来的填充`);
}

async function insertTemplateHere(): Promise<void> {
  const key = $<HTMLSelectElement>("template-ledger").value as LedgerKey;
  const name = await insertTemplateInExcel(key, profile(), caps!);
  show([], `已插入模板工作表“${name}”`);
}

// ---- in WPS ----

/** 校验全部 on the open WPS workbook, by its own 配置 and 列对应, as the ribbon runs it; the 列对应 step saves into the workbook. */
async function validateWpsWorkbook(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0)); // let the progress show: WPS's calls hold the page until they are done
  const run = validateWorkbookInWps("all", asOf());
  showRun(run.result, "all", run.notices, `（按配置：${profileTitle(run.profile)}）`, false);
  offerColumns(run.proposals, run.columns, (input) => runInWps((app) => saveColumnsInWps(app, input)), validateWpsWorkbook);
}

// ---- files from disk (standalone validation and merge) ----

/**
 * Read the chosen files one by one in the parsing worker, handing each to `use` as
 * soon as it is read, so that its workbook can be let go before the next is read.
 */
async function readFiles<T>(files: File[], use: (input: MergeInput) => T): Promise<T[]> {
  const { chosenFileReader } = await import(/* webpackChunkName: "reader" */ "./files");
  const reader = chosenFileReader();
  const done: T[] = [];
  try {
    for (const [i, file] of files.entries()) {
      setProgress(`正在读取并校验 ${i + 1}/${files.length}：${file.name}`);
      await new Promise((r) => setTimeout(r, 0));
      checkCancel();
      done.push(use(await reader.read(file)));
    }
  } finally {
    reader.close();
  }
  return done;
}

async function validateFiles(files: File[]): Promise<void> {
  const options = { profile: profile(), asOf: asOf(), columns: columnMapping() };
  const reports = await readFiles(files, (input) =>
    "error" in input ? unreadableReport(input.file, input.error) : reportWorkbook(input.workbook, options).report,
  );
  const all = reports.flatMap((r) => r.sheets.flatMap((s) => s.issues));
  const unreadable = reports.filter((r) => r.status === "unreadable").length;
  show(cleanNotice(all, unreadable), `${files.length} 个文件：${summaryText(all)}${unreadable > 0 ? `；${unreadable} 个无法读取` : ""}`, reports);
  offerColumns(proposalsFor(reports), columnsInput, keepColumns, () => validateFiles(files));
}

async function mergeFiles(files: File[]): Promise<void> {
  const options = { profile: profile(), asOf: asOf(), version: packageJson.version, output: "学院汇总.xlsx" };
  const previous = chosen("merge-previous");
  const [last] = previous.length > 0 ? await readFiles(previous, (input) => input) : [null];
  const checked = await readFiles(files, (input) => checkInput(input, options));
  setProgress(`正在汇总 ${checked.length} 个文件…`);
  await new Promise((r) => setTimeout(r, 0));
  checkCancel();
  const outcome = mergeChecked(checked, options);
  const said = addMergeExtras(checked, outcome.summary, options, { previous: last, assess: $<HTMLInputElement>("merge-assess").checked });
  const merged = outcome.report.merge.branches.filter((b) => b.status === "merged").length;
  packs = returnPacks(outcome.report, false);
  renderMergeOverview($("merge-overview"), outcome.report, outcome.summary);
  $("merge-overview").hidden = false;
  $("merge-returns").hidden = packs.length === 0;
  let where: string;
  if (caps) {
    const names = await insertSummaryInExcel(outcome.summary, caps);
    where = `汇总已插入为新工作表：${names.join("、")}`;
  } else {
    const { downloadSummary } = await import(/* webpackChunkName: "writer" */ "./download");
    downloadSummary(outcome.summary, "学院汇总.xlsx");
    where = "汇总已下载为“学院汇总.xlsx”";
  }
  const general = [...said, ...outcome.report.merge.issues.map((f) => f.message)].map((text) => ({ text }));
  show(general, `汇总了 ${merged}/${checked.length} 个支部的台账。${where}`, outcome.report.files, false);
}

// ---- start ----

function fillSelects(current: Profile): void {
  const select = $<HTMLSelectElement>("profile");
  for (const name of PROFILE_NAMES) select.add(new Option(profileLabel(BUILTIN_PROFILES[name]), name));
  select.value = current.name;
  showProfileSource();
  const ledger = $<HTMLSelectElement>("template-ledger");
  for (const l of LEDGERS) ledger.add(new Option(l.title, l.key));
  $<HTMLInputElement>("as-of").value = todayInShanghai();
}

const chosen = (id: string): File[] => Array.from($<HTMLInputElement>(id).files ?? []);

/** Under the profile (whose label the narrow pane may cut off): its funding standard and the documents it follows, by title. */
const showProfileSource = () => ($("profile-source").textContent = `${fundingText(profile())}。依据：${profile().source}`);

/** Each file picker's 未选择文件 / 已选 n 个文件 line, kept up to date. */
function labelFilePickers(): void {
  for (const line of Array.from(document.querySelectorAll<HTMLElement>(".chosen[data-for]"))) {
    const id = line.getAttribute("data-for")!;
    $(id).addEventListener("change", () => (line.textContent = chosenFilesText(chosen(id).map((f) => f.name))));
  }
}

function wire(): void {
  $("cancel").addEventListener("click", () => {
    cancelled = true;
    setProgress("正在取消…");
  });
  $("validate-sheet").addEventListener("click", () => busy("正在校验本表…", () => validateHere("active")));
  $("validate-all").addEventListener("click", () => busy("正在校验全部工作表…", () => validateHere("all")));
  $("clear-marks").addEventListener("click", () => busy("正在清除标记…", clearHere));
  $("wps-columns").addEventListener("click", () => busy("正在校验本工作簿…", validateWpsWorkbook));
  $("insert-template").addEventListener("click", () => busy("正在插入模板…", insertTemplateHere));
  $("files").addEventListener("change", () => {
    const files = chosen("files");
    if (files.length > 0) void busy("正在读取文件…", () => validateFiles(files));
  });
  $("merge-files").addEventListener("change", () => ($<HTMLButtonElement>("merge-run").disabled = chosen("merge-files").length === 0));
  $("merge-run").addEventListener("click", () => busy("正在读取文件…", () => mergeFiles(chosen("merge-files"))));
  $("merge-returns").addEventListener("click", () =>
    busy("正在生成退回工作簿…", async () => {
      const { downloadReturns } = await import(/* webpackChunkName: "writer" */ "./download");
      downloadReturns(packs, "退回.zip");
      show([], `退回工作簿已下载为“退回.zip”（${packs.length} 个支部）`);
    }),
  );
  $("show-ids").addEventListener("change", listReports);
  labelFilePickers();
  $("profile").addEventListener("change", () => {
    showProfileSource();
    if (caps) saveProfile($<HTMLSelectElement>("profile").value).catch((e) => show([failure(e)]));
  });
}

/** taskpane.html?notice=… is the dialog a ribbon command opens to say something. */
function showNoticeOnly(text: string): void {
  const p = el("p", "notice-dialog", text);
  p.style.whiteSpace = "pre-wrap";
  setChildren(document.body, [p]);
}

async function start(): Promise<void> {
  const notice = new URLSearchParams(window.location.search).get("notice");
  if (notice !== null) return showNoticeOnly(notice);
  const host = await detectHost();
  caps = host.kind === "excel" ? host.caps : null;
  columnsInput = caps ? savedColumns() : {};
  fillSelects(caps ? savedProfile() : (paneProfile() ?? BUILTIN_PROFILES[DEFAULT_PROFILE]));
  wire();
  document.body.dataset.mode = host.kind;
  $("excel-actions").hidden = !caps;
  $("wps-actions").hidden = !!caps || !inWps();
  $("file-actions").hidden = !!caps;
  $("mode").textContent = caps ? "在 Excel 中运行" : `独立模式：${host.kind === "standalone" ? host.reason : ""}，可直接选择文件校验和汇总`;
  standing = caps ? missingFeatures(caps).map((text) => ({ text })) : [];
  if (caps && new URLSearchParams(window.location.search).get("view") === "merge") $("merge").scrollIntoView();
  show([]);
}

void start();
