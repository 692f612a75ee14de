/** `taizhang validate | template | merge | assess | columns` – thin: parse arguments, call core and io, print. */
import { Command, CommanderError } from "commander";
import { registerAssess } from "./commands/assess";
import { registerColumns } from "./commands/columns";
import { registerMerge } from "./commands/merge";
import { registerTemplate } from "./commands/template";
import { registerValidate } from "./commands/validate";
import { UsageError, VERSION } from "./options";

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("taizhang")
    .description("党建台账助手：校验党支部台账、生成标准模板、汇总各支部台账")
    .version(VERSION, "-V, --version", "显示版本号")
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [command]", "显示某个命令的帮助")
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(translateCommanderError(text)) });
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerValidate(program, setExit);
  registerTemplate(program, setExit);
  registerMerge(program, setExit);
  registerAssess(program, setExit);
  registerColumns(program, setExit);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`错误：${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`内部错误：${(e as Error)?.message ?? String(e)}\n请把这条信息和所用文件（去除个人信息后）反馈给维护者。\n`);
    return EXIT.usage;
  }
  return exitCode;
}

export type SetExit = (code: number) => void;

/** commander speaks English; the people who run this read Chinese. */
const COMMANDER_ERRORS: [RegExp, string][] = [
  [/^error: missing required argument '(.+)'/, "错误：缺少参数 $1（用 --help 查看用法）"],
  [/^error: unknown option '(.+)'/, "错误：不认识的选项 $1（用 --help 查看用法）"],
  [/^error: unknown command '(.+)'/, "错误：不认识的命令 $1，可用的命令：validate、template、merge、assess、columns"],
  [/^error: option '(.+)' argument missing/, "错误：选项 $1 缺少取值"],
  [/^error: required option '(.+)' not specified/, "错误：缺少必需的选项 $1（用 --help 查看用法）"],
  [/^error: too many arguments/, "错误：参数过多（用 --help 查看用法）"],
];

export function translateCommanderError(text: string): string {
  for (const [pattern, zh] of COMMANDER_ERRORS) {
    if (pattern.test(text)) return text.replace(pattern, zh);
  }
  return text;
}
