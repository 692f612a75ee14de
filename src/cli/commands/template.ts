import type { Command } from "commander";
import { LEDGERS } from "../../core/ledgers";
import { BRANCH_TEMPLATE, BRANCH_TEMPLATE_TITLE, buildTemplate, isTemplateKey, TEMPLATE_KEYS, type TemplateKey } from "../../core/template";
import { writeTemplate } from "../../io/template-writer";
import type { SetExit } from "../main";
import { DEFAULT_PROFILE } from "../../core";
import { loadProfile, PROFILE_HELP, UsageError } from "../options";

interface TemplateFlags {
  output?: string;
  profile?: string;
}

const CHOICES = `${LEDGERS.map((l) => `${l.key}（${l.title}）`).join("、")}、${BRANCH_TEMPLATE}（全部，含${BRANCH_TEMPLATE_TITLE}）`;

/** A ledger key, its Chinese title, or all. */
function templateKeyOf(arg: string): TemplateKey {
  const byTitle = LEDGERS.find((l) => l.title === arg);
  if (byTitle) return byTitle.key;
  if (isTemplateKey(arg)) return arg;
  throw new UsageError(`没有名为“${arg}”的台账模板；可选：${CHOICES}`);
}

/** `all` writes every single-ledger template and the combined branch workbook, as `templates/` holds them. */
const keysFor = (key: TemplateKey): readonly TemplateKey[] => (key === BRANCH_TEMPLATE ? TEMPLATE_KEYS : [key]);

const WRITE_PROBLEMS: Record<string, string> = {
  EEXIST: "已有同名文件，它不是文件夹",
  ENOTDIR: "路径中有一段是文件而不是文件夹",
  EACCES: "没有写入权限",
  EPERM: "没有写入权限",
  EROFS: "磁盘是只读的",
  ENOSPC: "磁盘空间不足",
  EBUSY: "文件正被其他程序（如 Excel）打开，请关闭后重试",
};
const writeProblem = (e: NodeJS.ErrnoException): string => (e.code && WRITE_PROBLEMS[e.code]) || e.message;

/** `taizhang template [LEDGER|all] -o DIR [--profile NAME|PATH]` */
export function registerTemplate(program: Command, setExit: SetExit): void {
  program
    .command("template")
    .description("生成标准台账模板（.xlsx）：每个台账一个文件，all 另加整本《支部台账》")
    .argument("[ledger]", `要生成的台账：${CHOICES}`, BRANCH_TEMPLATE)
    .option("-o, --output <dir>", "输出文件夹（不存在时自动创建）")
    .option("--profile <name|path>", PROFILE_HELP, DEFAULT_PROFILE)
    .action(async (arg: string, flags: TemplateFlags) => {
      const key = templateKeyOf(arg);
      if (!flags.output) throw new UsageError("请用 -o 指定输出文件夹，例如：taizhang template all -o 模板");
      const profile = await loadProfile(flags.profile);
      for (const k of keysFor(key)) {
        const model = buildTemplate(k, profile);
        let file: string;
        try {
          file = await writeTemplate(model, flags.output);
        } catch (e) {
          throw new UsageError(`无法写入文件夹“${flags.output}”：${writeProblem(e as NodeJS.ErrnoException)}`);
        }
        process.stdout.write(`已生成 ${file}\n`);
      }
      setExit(0);
    });
}
