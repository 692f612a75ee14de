import type { Command } from "commander";
import { buildReport, reportWorkbook, unreadableReport, type FileReport } from "../../core";
import { maskReport } from "../../core/mask";
import { readEach } from "../../io/load";
import { formatReport } from "../format";
import { expandInputs } from "../inputs";
import type { SetExit } from "../main";
import { addReadingOptions, readingSettings, VERSION, type ReadingFlags } from "../options";


/** `taizhang validate FILE… [--json] [--as-of YYYY-MM-DD] [--profile NAME|PATH] [--mask] [--timeout SECONDS] [--columns FILE]` */
export function registerValidate(program: Command, setExit: SetExit): void {
  const command = program
    .command("validate")
    .description("校验台账文件（.xlsx、.xls、.csv），指出哪个单元格有什么问题")
    .argument("<files...>", "台账文件或文件夹");
  addReadingOptions(command, {
    json: "以 JSON 输出校验报告",
    mask: "报告中的身份证号只显示前 6 位和后 4 位，电话只显示前 3 位和后 4 位",
  }).action(async (args: string[], flags: ReadingFlags) => {
    const { asOf, profile, limits, columns } = await readingSettings(flags);
    const files: FileReport[] = await readEach(
      await expandInputs(args),
      (input) => ("error" in input ? unreadableReport(input.file, input.error) : reportWorkbook(input.workbook, { profile, asOf, columns }).report),
      limits,
    );
    const built = buildReport({ version: VERSION, asOf, profile: profile.name }, files);
    const report = flags.mask ? maskReport(built) : built;
    process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    setExit(files.some((f) => f.status === "unreadable") ? 2 : report.summary.errors > 0 ? 1 : 0);
  });
}
