import { promises as fs } from "node:fs";
import { dirname } from "node:path";
import type { Command } from "commander";
import { reportWorkbook, unreadableReport, type FileReport } from "../../core";
import { NO_MAPPING, proposeColumns, withChoices, type ColumnMappingInput, type ColumnProposal } from "../../core/columns";
import { READ_LEDGERS } from "../../core/ledgers";
import { DEFAULT_PROFILE } from "../../core/profile";
import { readEach } from "../../io/load";
import { expandInputs } from "../inputs";
import type { SetExit } from "../main";
import { COLUMNS_HELP, loadProfile, parseAsOf, parseTimeout, PROFILE_HELP, readColumnsFile, TIMEOUT_HELP } from "../options";

interface ColumnsFlags {
  output: string;
  columns?: string;
  profile?: string;
  asOf?: string;
  timeout?: string;
}

/** One header to decide, once however many files have it: where it was first seen and in how many files. */
interface Proposal extends ColumnProposal {
  file: string;
  files: number;
}

/**
 * `taizhang columns FILE… -o 对应.json [--columns 已有.json]`: the 列对应 step
 * of the task pane for the command line. Every header the vocabulary does not
 * know, in the ledger sheets of the files, with the field proposed for it (the
 * closest, or 其他列), written as a mapping file to check and pass to
 * validate, merge and assess with --columns; an existing file's decisions are kept.
 */
export function registerColumns(program: Command, setExit: SetExit): void {
  program
    .command("columns")
    .description("列出台账中认不出的表头并建议对应的列，写成列对应 JSON 文件（检查后用 --columns 校验、汇总）")
    .argument("<files...>", "台账文件或文件夹")
    .requiredOption("-o, --output <file>", "写出的列对应 JSON 文件")
    .option("--columns <file>", `已有的${COLUMNS_HELP}；其中已定的表头保留，只补充新的`)
    .option("--profile <name|path>", PROFILE_HELP, DEFAULT_PROFILE)
    .option("--as-of <date>", "核对日期 YYYY-MM-DD（默认今天，北京时间）")
    .option("--timeout <seconds>", TIMEOUT_HELP)
    .action(async (args: string[], flags: ColumnsFlags) => {
      const existing = flags.columns === undefined ? { input: {}, mapping: NO_MAPPING } : await readColumnsFile(flags.columns);
      const options = { profile: await loadProfile(flags.profile), asOf: parseAsOf(flags.asOf), columns: existing.mapping };
      const files: FileReport[] = await readEach(
        await expandInputs(args),
        (input) => ("error" in input ? unreadableReport(input.file, input.error) : reportWorkbook(input.workbook, options).report),
        parseTimeout(flags.timeout),
      );
      const proposals = onePerHeader(files, existing.input);
      const mapping = withChoices(
        existing.input,
        proposals.map((p) => ({ ledger: p.ledger, header: p.header, field: p.choices.find((c) => c.key === p.proposed)?.header ?? null })),
      );
      await fs.mkdir(dirname(flags.output), { recursive: true });
      await fs.writeFile(flags.output, `${JSON.stringify(mapping, null, 2)}\n`);
      process.stdout.write(foundText(files, proposals, flags.output));
      setExit(files.some((f) => f.status === "unreadable") ? 2 : 0);
    });
}

function onePerHeader(files: readonly FileReport[], decided: ColumnMappingInput): Proposal[] {
  const byKey = new Map<string, Proposal>();
  for (const file of files) {
    const seen = new Set<string>();
    for (const p of proposeColumns(file.sheets, READ_LEDGERS, decided)) {
      const key = `${p.ledger}\u0000${p.header}`;
      const known = byKey.get(key);
      if (!known) byKey.set(key, { ...p, file: file.file, files: 1 });
      else if (!seen.has(key)) known.files += 1;
      seen.add(key);
    }
  }
  return [...byKey.values()];
}

/** What was found and written, in zh-CN: per ledger each header with where it was seen and the column proposed. */
function foundText(files: readonly FileReport[], proposals: readonly Proposal[], output: string): string {
  const lines: string[] = [];
  for (const f of files) {
    if (f.status === "unreadable") lines.push(`✖ ${f.file}：无法读取（${f.error ?? ""}）`);
    if (f.status === "no-ledger") lines.push(`⚠ ${f.file}：没有可识别的台账，${f.error ?? ""}`);
  }
  if (proposals.length === 0) {
    lines.push(`各台账的表头都已认出（或已在列对应中确定），没有需要对应的表头。已写出 ${output}。`);
    return `${lines.join("\n")}\n`;
  }
  for (const ledger of [...new Set(proposals.map((p) => p.ledger))]) {
    const own = proposals.filter((p) => p.ledger === ledger);
    lines.push(`${ledger}：`);
    for (const p of own) {
      const where = `${p.file} 工作表“${p.sheet}” ${p.column} 列${p.files > 1 ? `，共 ${p.files} 个文件` : ""}`;
      const field = p.choices.find((c) => c.key === p.proposed)?.header;
      lines.push(`  “${p.header}”（${where}）→ ${field ? `“${field}”` : "其他列（不校验）"}`);
    }
    lines.push(`  可选的列：${own[0].choices.map((c) => c.header).join("、")}`);
  }
  const mapped = proposals.filter((p) => p.proposed !== null).length;
  lines.push(
    `已写出 ${output}：${proposals.length} 个表头，其中 ${mapped} 个建议对应到某一列，${proposals.length - mapped} 个作为其他列。`,
    `请检查、修改（值写列名，null 表示其他列），再用 --columns ${output} 校验或汇总。`,
  );
  return `${lines.join("\n")}\n`;
}
