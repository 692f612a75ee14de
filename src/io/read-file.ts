/** Any supported file's bytes → Workbook, choosing the reader by content, not by name alone. */
import type { Workbook } from "../core/table";
import { readError } from "./errors";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type FileKind = "xlsx" | "cfb" | "csv" | "unknown";

export function sniff(bytes: Uint8Array, file: string): FileKind {
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, CFB)) return "cfb";
  if (/\.(csv|txt)$/i.test(file) && !bytes.subarray(0, 4096).includes(0)) return "csv";
  return "unknown";
}

export function readWorkbookBytes(bytes: Uint8Array, file: string): Workbook {
  if (bytes.length === 0) throw readError("empty", file);
  switch (sniff(bytes, file)) {
    case "xlsx":
    case "cfb":
      return readXlsx(bytes, file);
    case "csv":
      return readCsv(bytes, file);
    default:
      throw readError("not-spreadsheet", file);
  }
}
