import type { Command } from "commander";
import type { SetExit } from "../main";

/** `taizhang merge` – see issue "Consolidation at the party committee". */
export function registerMerge(program: Command, setExit: SetExit): void {
  program
    .command("merge")
    .description("汇总各支部台账（尚未实现）")
    .action(() => {
      process.stderr.write("merge 命令尚未实现\n");
      setExit(2);
    });
}
