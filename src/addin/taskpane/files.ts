/**
 * Files chosen in the pane (standalone mode, and the merge flow): bytes read
 * in the browser and parsed by the same readers as the CLI. Loaded on demand,
 * so the in-Excel pane does not carry the spreadsheet parser.
 */
import type { MergeInput } from "../../core/merge";
import { ReadError } from "../../io/errors";
import { readWorkbookBytes } from "../../io/read-file";

export async function readChosenFile(file: File): Promise<MergeInput> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { file: file.name, modified: file.lastModified, workbook: readWorkbookBytes(bytes, file.name) };
  } catch (e) {
    return { file: file.name, modified: file.lastModified, error: e instanceof ReadError ? e.message : `${file.name}：文件已损坏，无法打开` };
  }
}
