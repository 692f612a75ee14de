/**
 * Any supported file's bytes → Workbook, choosing the reader by content, not
 * by name alone, after the pre-flight checks. Throws ReadError and nothing
 * else: whatever a hostile file makes a parser throw becomes "corrupt" (or
 * "too-big" for a size the engine cannot represent).
 */
import type { Workbook } from "../core/table";
import { ReadError, readError } from "./errors";
import { DEFAULT_LIMITS, preflight, type PreflightLimits } from "./preflight";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";

export { sniff, type FileKind } from "./preflight";

export function readWorkbookBytes(bytes: Uint8Array, file: string, limits: PreflightLimits = DEFAULT_LIMITS): Workbook {
  try {
    const kind = preflight(bytes, file, limits);
    return kind === "csv" ? readCsv(bytes, file) : readXlsx(bytes, file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // "Invalid array length", "Invalid string length": a structure too large to hold.
    if (e instanceof RangeError) throw readError("too-big", file);
    throw readError("corrupt", file);
  }
}
