import { promises as fs } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { allIssues, countBySeverity, type ValidateOptions } from "../../core";
import { maskReport } from "../../core/mask";
import { BRANCH_SOURCE_LABEL, checkInput, mergeChecked, returnPacks, VERDICT_LABEL, VERDICTS, type BranchVerdict, type CheckedInput, type MergeReport } from "../../core/merge";
import { readEach, type LoadOptions } from "../../io/load";
import { decodeCsv } from "../../io/read-csv";
import { writeReturns, writeSummary } from "../../io/summary-file";
import { expandInputs } from "../inputs";
import type { SetExit } from "../main";
import { addReadingOptions, readingSettings, UsageError, VERSION, type ReadingFlags } from "../options";
import { addExtras, addMergeExtras, prepareExtras, type ExtraFlags } from "./merge-extras";

interface MergeFlags extends ReadingFlags, ExtraFlags {
  output: string;
  expect?: string;
  returns?: string;
}

/** `taizhang merge FILE|DIR… -o 学院汇总.xlsx [--expect branches.txt] [--returns 退回/] [--json] [--as-of …] [--profile …] [--mask]` */
export function registerMerge(program: Command, setExit: SetExit): void {
  const command = program
    .command("merge")
    .description("汇总各支部台账：逐个校验，合并成一个学院汇总工作簿（汇总、各台账、问题清单、未提交）")
    .argument("<files...>", "各支部的台账文件或所在文件夹")
    .requiredOption("-o, --output <file>", "汇总工作簿的保存路径，如 学院汇总.xlsx")
    .option("--expect <file>", "应提交的支部名单（文本文件，每行一个支部）")
    .option("--returns <dir>", "为每个有问题的支部写一个退回工作簿（封面 + 问题清单）到该文件夹，如 退回/");
  addMergeExtras(command);
  addReadingOptions(command, {
    json: "以 JSON 输出汇总报告",
    mask: "在汇总工作簿和报告中隐去身份证号（保留前 6 位和后 4 位）和手机号（保留前 3 位和后 4 位）",
  }).action(async (args: string[], flags: MergeFlags) => {
    const { asOf, profile, limits, columns } = await readingSettings(flags);
    const expected = flags.expect !== undefined ? await readExpected(flags.expect) : undefined;
    const extras = await prepareExtras(flags, profile, limits);
    const files = await expandInputs(args);
    if (files.length === 0) throw new UsageError(`在 ${args.join("、")} 中没有找到台账文件（.xlsx、.xls、.csv）`);

    const checked = await checkFiles(files, { profile, asOf, columns }, !flags.json && process.stderr.isTTY === true, limits);
    const options = { profile, asOf, version: VERSION, expected, output: flags.output, mask: flags.mask };
    const { report, summary } = mergeChecked(checked, options);
    const extra = addExtras(extras, checked, summary, options);
    const written = await writeSummary(summary, flags.output).then(
      () => null,
      (e: NodeJS.ErrnoException) => `无法写入汇总文件“${flags.output}”（${e.code ?? e.message}）；若该文件正在 Excel 中打开，请先关闭，或换一个保存路径`,
    );
    const returns = flags.returns;
    const packs = returns === undefined ? [] : returnPacks(report, flags.mask ?? false);
    const returned =
      returns === undefined
        ? null
        : await writeReturns(packs, returns).then(
            () => null,
            (e: NodeJS.ErrnoException) => `无法写入退回工作簿到“${returns}”（${e.code ?? e.message}）；若其中的文件正在 Excel 中打开，请先关闭，或换一个文件夹`,
          );
    // With --mask the JSON report hides the numbers too: it is as likely to be passed on as the workbook.
    const shown = flags.mask ? maskReport(report) : report;
    const returnsLine = returns !== undefined && !returned ? `退回工作簿：${packs.length} 个支部 → ${returns}（${packs.map((p) => p.fileName).join("、") || "没有需要退回的问题"}）\n` : "";
    process.stdout.write(flags.json ? `${JSON.stringify({ ...shown, ...extra.json }, null, 2)}\n` : formatMerge(shown) + returnsLine + extra.text);
    for (const failure of [written, returned]) if (failure) process.stderr.write(`错误：${failure}\n`);
    const unreadable = report.merge.branches.some((b) => b.status === "unreadable");
    setExit(unreadable || written || returned ? 2 : report.summary.errors > 0 ? 1 : 0);
  });
}

/** Read, validate and identify every file, in order; an unreadable file is recorded, the rest go on. */
export async function checkFiles(
  files: string[],
  options: ValidateOptions,
  showProgress: boolean,
  limits: LoadOptions = {},
): Promise<CheckedInput[]> {
  const bar = showProgress ? new SingleBar({ format: "汇总 [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true, clearOnComplete: true }) : null;
  bar?.start(files.length, 0, { file: "" });
  try {
    return await readEach(
      files,
      (input) => {
        const checked = checkInput(input, options);
        bar?.increment({ file: input.file });
        return checked;
      },
      limits,
    );
  } finally {
    bar?.stop();
  }
}

/** The --expect list: one branch a line, UTF-8 or GBK; blank lines and # comments ignored. */
async function readExpected(file: string): Promise<string[]> {
  const bytes = await fs.readFile(file).catch(() => {
    throw new UsageError(`无法读取 --expect 名单“${file}”`);
  });
  return decodeCsv(bytes)
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** One mark per verdict: never ✔ beside a branch with errors. */
const VERDICT_MARK: Record<BranchVerdict, string> = { pass: "✔", return: "✘", missing: "○", unreadable: "✖", superseded: "↷" };

function formatMerge(report: MergeReport): string {
  const { merge, summary } = report;
  const lines = [`汇总 ${merge.branches.length} 个文件 → ${merge.output ?? ""}`];
  merge.branches.forEach((b, i) => {
    const { error, warning } = countBySeverity(allIssues(report.files[i]));
    const name = b.writtenName ? `${b.branch}（写作“${b.writtenName}”，依据${BRANCH_SOURCE_LABEL[b.identifiedBy]}）` : `${b.branch}（依据${BRANCH_SOURCE_LABEL[b.identifiedBy]}）`;
    const head = `  ${VERDICT_MARK[b.verdict]} ${VERDICT_LABEL[b.verdict]}  ${name}  ${b.file}`;
    lines.push(b.status === "merged" ? `${head}  ${b.members} 名党员，${error} 个错误，${warning} 个警告` : `${head}\n      ${b.reason ?? ""}`);
  });
  for (const name of merge.missing) lines.push(`  ${VERDICT_MARK.missing} ${VERDICT_LABEL.missing}  ${name}`);
  lines.push(`支部：${VERDICTS.map((v) => `${VERDICT_LABEL[v]} ${merge.totals[v]}`).join("，")}`);
  const r = merge.reconciliation;
  lines.push(`核对：读入 ${r.inputRows} 行 = 已汇总 ${r.mergedRows} 行 + 未汇总 ${r.excludedRows} 行`);
  lines.push(
    `共 ${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个提示（核对日期 ${report.asOf}，配置 ${report.profile}）；逐条见汇总工作簿的“问题清单”`,
  );
  return `${lines.join("\n")}\n`;
}
