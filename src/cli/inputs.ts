/** Expand FILE|DIR arguments into the spreadsheet files to read, in a stable order. */
import { promises as fs } from "node:fs";
import * as path from "node:path";

const SPREADSHEET = /\.(xlsx|xlsm|xls|csv)$/i;
/** Excel's lock files (~$一支部.xlsx) are not workbooks. */
const LOCK_FILE = /^~\$/;

export async function expandInputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const stat = await fs.stat(arg).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(arg)).filter((n) => SPREADSHEET.test(n) && !LOCK_FILE.test(n)).sort((a, b) => a.localeCompare(b, "zh-CN"));
      files.push(...names.map((n) => path.join(arg, n)));
    } else {
      files.push(arg);
    }
  }
  return files;
}
