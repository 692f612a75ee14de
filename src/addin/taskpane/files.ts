/**
 * Files chosen in the pane (standalone validation, and the merge flow in and
 * out of Excel) → merge inputs: each parsed in a Web Worker with a timeout
 * (isolated-parser.ts) by the same readers as the CLI. A file that cannot be
 * read becomes an input with its zh-CN error; the others proceed. Loaded on
 * demand, so the in-Excel pane does not carry the spreadsheet parser.
 */
import type { MergeInput } from "../../core/merge";
import { ReadError, readError } from "../../io/errors";
import { IsolatedParser, type ParseWorker } from "./isolated-parser";

function spawnParseWorker(): ParseWorker {
  if (typeof Worker === "undefined") throw new Error("no Worker");
  // @ts-ignore TS1343: import.meta is valid in the ES module build webpack bundles (tsconfig.addin.json), not in the root CommonJS type check.
  return new Worker(new URL(/* webpackChunkName: "parse-worker" */ "./parse.worker.ts", import.meta.url)) as unknown as ParseWorker;
}

/** Without a worker the page parses the file itself, loading the readers only then. */
async function parseInPage(file: Blob, name: string) {
  const { readBlob } = await import(/* webpackChunkName: "read-blob" */ "./read-blob");
  return readBlob(file, name);
}

export interface ChosenFileReader {
  read(file: File): Promise<MergeInput>;
  /** Stop the worker after the last file. */
  close(): void;
}

export function chosenFileReader(): ChosenFileReader {
  const parser = new IsolatedParser(spawnParseWorker, parseInPage);
  return {
    async read(file) {
      const source = { file: file.name, modified: file.lastModified };
      try {
        return { ...source, workbook: await parser.parse(file, file.name) };
      } catch (e) {
        return { ...source, error: e instanceof ReadError ? e.message : readError("corrupt", file.name).message };
      }
    },
    close: () => parser.close(),
  };
}
