import * as path from "node:path";
import type { Command } from "commander";
import { DEFAULT_PROFILE, type Profile } from "../../core";
import {
  assessInputs,
  assessmentModel,
  assessmentTableFor,
  readTypedScores,
  tableName,
  ScoresFileError,
  totals,
  withTypedScores,
  type AssessmentTable,
  type BranchAssessment,
} from "../../core/assess";
import type { CheckedInput } from "../../core/merge";
import type { LoadOptions } from "../../io/load";
import { OwnFileError, readOwnWorkbook } from "../../io/read-own";
import { writeAssessment } from "../../io/assess-file";
import { expandInputs } from "../inputs";
import type { SetExit } from "../main";
import { COLUMNS_HELP, PROFILE_HELP, readingSettings, UsageError, type ReadingFlags } from "../options";
import { checkFiles } from "./merge";

interface AssessFlags extends Omit<ReadingFlags, "mask"> {
  output: string;
  scores?: string;
}

/** `taizhang assess [FILE|DIR…] -o 考核.xlsx [--scores 考核.xlsx] [--as-of …] [--profile …]` */
export function registerAssess(program: Command, setExit: SetExit): void {
  // No --mask: the 考核 table names branches and members, never an ID or phone number.
  program
    .command("assess")
    .description("年终考核评分：按配置的考核评分表，据台账给出建议分和依据，其余项目留给考核小组评定；计算总分、等级和一票否决")
    .argument("[files...]", "各支部的台账文件或所在文件夹（只重算 --scores 考核表时可省略）")
    .requiredOption("-o, --output <file>", "考核表的保存路径，如 考核.xlsx")
    .option("--scores <file>", "考核小组已填写评分的考核表（taizhang assess 生成）：保留所填分数，重算总分和等级")
    .option("--json", "以 JSON 输出各支部的评分")
    .option("--as-of <date>", "核对日期 YYYY-MM-DD（默认今天，北京时间）；按该日所在年度评分")
    .option("--profile <name|path>", PROFILE_HELP, DEFAULT_PROFILE)
    .option("--timeout <seconds>", "每个文件读取的时限（秒，默认 20）")
    .option("--columns <file>", COLUMNS_HELP)
    .action(async (args: string[], flags: AssessFlags) => {
    const { asOf, profile, limits, columns } = await readingSettings(flags);
    const table = tableOf(profile);
    const files = await expandInputs(args);
    if (files.length === 0 && flags.scores === undefined) {
      throw new UsageError(args.length > 0 ? `在 ${args.join("、")} 中没有找到台账文件（.xlsx、.xls、.csv）` : "请给出台账文件或文件夹，或用 --scores 指定已填写的考核表");
    }
    const checked = await checkFiles(files, { profile, asOf, columns }, !flags.json && process.stderr.isTTY === true, limits);
    const scored = await scoreBranches(checked, table, profile, asOf, flags.scores, limits);
    const written = await writeAssessment(assessmentModel(scored.assessments, table, asOf), flags.output).then(
      () => null,
      (e: NodeJS.ErrnoException) => `无法写入考核表“${flags.output}”（${e.code ?? e.message}）；若该文件正在 Excel 中打开，请先关闭，或换一个保存路径`,
    );
    process.stdout.write(flags.json ? `${JSON.stringify(jsonOf(scored.assessments, table), null, 2)}\n` : formatAssess(scored.assessments, table, flags.output, asOf));
    for (const p of scored.problems) process.stderr.write(`注意：${p}\n`);
    if (written) process.stderr.write(`错误：${written}\n`);
    const unreadable = checked.some((c) => c.result === null);
    setExit(unreadable || written ? 2 : scored.problems.length > 0 ? 1 : 0);
  });
}

/** The profile's assessment table; a table that is not valid is a usage error naming what is wrong. */
export function tableOf(profile: Profile): AssessmentTable {
  try {
    return assessmentTableFor(profile.assessment);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The branches scored from their ledgers, with what the group typed in `scores` laid over. */
async function scoreBranches(
  checked: readonly CheckedInput[],
  table: AssessmentTable,
  profile: Profile,
  asOf: string,
  scores: string | undefined,
  limits: LoadOptions,
): Promise<{ assessments: BranchAssessment[]; problems: string[] }> {
  const assessments = assessInputs(checked, table, { profile, asOf });
  if (scores === undefined) return { assessments, problems: [] };
  const label = path.basename(scores);
  try {
    const typed = readTypedScores(await readOwnWorkbook(scores, `考核表“${label}”`, limits), table, label);
    return withTypedScores(assessments, typed, table, label);
  } catch (e) {
    if (e instanceof OwnFileError || e instanceof ScoresFileError) throw new UsageError(e.message);
    throw e;
  }
}

function jsonOf(assessments: readonly BranchAssessment[], table: AssessmentTable) {
  return {
    table: tableName(table),
    branches: assessments.map((a) => ({ ...a, ...totals(a, table) })),
  };
}

function formatAssess(assessments: readonly BranchAssessment[], table: AssessmentTable, output: string, asOf: string): string {
  const lines = [`考核评分（${tableName(table)}，核对日期 ${asOf}）→ ${output}`];
  for (const a of assessments) {
    const t = totals(a, table);
    lines.push(`  ${a.branch}  基本分 ${t.base}，附加分 ${t.bonus}，总分 ${t.total}  ${t.grade}${t.vetoed ? "（一票否决）" : ""}`);
    for (const n of a.notes) lines.push(`      ${n}`);
  }
  lines.push("据台账的建议分和依据见考核表；待评项目由考核小组填写后，用 --scores 指定该表再运行一次，重算总分和等级");
  return `${lines.join("\n")}\n`;
}
