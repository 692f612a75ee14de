/**
 * A file chosen in the pane → Workbook, with the CLI's hardened readers: the
 * size is checked before the bytes are read into memory (the pre-flight of
 * src/io/preflight.ts then checks what they are). Throws ReadError only. Runs
 * in the parsing Web Worker (parse.worker.ts), or in the page where there is none.
 */
import type { Workbook } from "../../core/table";
import { readError } from "../../io/errors";
import { MAX_FILE_BYTES } from "../../io/preflight";
import { readWorkbookBytes } from "../../io/read-file";

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Blob.arrayBuffer() is missing in the Internet Explorer 11 and EdgeHTML webviews, and core-js cannot add it: FileReader there. */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export async function readBlob(file: Blob, name: string): Promise<Workbook> {
  if (file.size > MAX_FILE_BYTES) throw readError("too-big", name, `${mb(file.size)}，上限 ${mb(MAX_FILE_BYTES)}`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await bytesOf(file));
  } catch {
    // The file was moved or changed on disk after it was chosen.
    throw readError("not-found", name);
  }
  return readWorkbookBytes(bytes, name);
}
