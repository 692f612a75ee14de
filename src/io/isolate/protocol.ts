/** Messages between the parsing worker and its caller: plain data only. */
import type { Workbook } from "../../core/table";
import type { ReadErrorKind } from "../errors";

export interface ParseRequest {
  bytes: Uint8Array;
  file: string;
}

export type ParseReply = { ok: true; workbook: Workbook } | { ok: false; kind: ReadErrorKind; message: string };
