/**
 * Any supported file's bytes → Workbook, choosing the reader by content, not
 * by name alone, after the pre-flight checks. Throws ReadError and nothing
 * else: whatever a hostile file makes a parser throw becomes "corrupt" (or
 * "too-big" for a size the engine cannot represent).
 */
import type { Workbook } from "../core/table";
import { ReadError, readError } from "./errors";
import { DEFAULT_LIMITS, preflight, type PreflightLimits } from "./preflight";
import { packWorkbook, unpackWorkbook, type PackedWorkbook } from "./packed";
import { readCsv } from "./read-csv";
import { readXlsxPacked } from "./read-xlsx";

export { sniff, type FileKind } from "./preflight";

export function readWorkbookBytes(bytes: Uint8Array, file: string, limits: PreflightLimits = DEFAULT_LIMITS): Workbook {
  return unpackWorkbook(readPackedBytes(bytes, file, limits));
}

/** As readWorkbookBytes, in the packed form (packed.ts) the parsing worker sends. */
export function readPackedBytes(bytes: Uint8Array, file: string, limits: PreflightLimits = DEFAULT_LIMITS): PackedWorkbook {
  try {
    const kind = preflight(bytes, file, limits);
    return kind === "csv" ? packWorkbook(readCsv(bytes, file)) : readXlsxPacked(bytes, file);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // "Invalid array length", "Invalid string length": a structure too large to hold.
    if (e instanceof RangeError) throw readError("too-big", file);
    throw readError("corrupt", file);
  }
}
