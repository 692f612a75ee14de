import type { Command } from "commander";
import type { SetExit } from "../main";

/** `taizhang template` – see issue "Standard 台账 templates". */
export function registerTemplate(program: Command, setExit: SetExit): void {
  program
    .command("template")
    .description("生成标准台账模板（尚未实现）")
    .action(() => {
      process.stderr.write("template 命令尚未实现\n");
      setExit(2);
    });
}
