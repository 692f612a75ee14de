/**
 * The pane's parsing Web Worker: one chosen file in, a Workbook or a
 * ReadError's fields out (plain data, the same replies as the CLI's worker
 * thread, src/io/isolate). A hostile file can hang or crash this worker, never
 * the pane: isolated-parser.ts terminates it after the timeout.
 */
import type { ParseReply } from "../../io/isolate/protocol";
import { ReadError } from "../../io/errors";
import type { BrowserParseRequest } from "./isolated-parser";
import { readBlob } from "./read-blob";

// The DOM typings describe a window; in a dedicated worker `self` has this shape.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BrowserParseRequest>) => void) | null;
  postMessage: (reply: ParseReply) => void;
};

scope.onmessage = async (event) => {
  const { file, name } = event.data;
  let reply: ParseReply;
  try {
    reply = { ok: true, workbook: await readBlob(file, name) };
  } catch (e) {
    reply = e instanceof ReadError ? { ok: false, kind: e.kind, message: e.message } : { ok: false, kind: "corrupt", message: "" };
  }
  scope.postMessage(reply);
};
