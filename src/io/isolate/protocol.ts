/** Messages between the parsing worker and its caller: plain data only. */
import type { Workbook } from "../../core/table";
import type { ReadErrorKind } from "../errors";
import type { PackedWorkbook } from "../packed";

/** Wall-clock limit for parsing one file, in the Node worker and the browser's Web Worker alike (issue 8). */
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface ParseRequest {
  bytes: Uint8Array;
  file: string;
}

type ParseFailure = { ok: false; kind: ReadErrorKind; message: string };

export type ParseReply = { ok: true; workbook: Workbook } | ParseFailure;

/** The worker thread's reply: the workbook packed (packed.ts), as it is cheaper to send. */
export type WorkerReply = { ok: true; packed: PackedWorkbook } | ParseFailure;
