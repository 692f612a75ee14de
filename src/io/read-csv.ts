/**
 * .csv → Table through papaparse, with encoding detection: UTF-8 with or
 * without BOM, UTF-16 with BOM, otherwise GBK (what Excel for Chinese Windows
 * writes) through iconv-lite. Every value stays text, so ID numbers survive.
 */
import Papa from "papaparse";
import * as iconv from "iconv-lite";
import { tableFromRows, type Workbook } from "../core/table";
import { readError } from "./errors";

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gbk";

export function detectEncoding(bytes: Uint8Array): CsvEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return mostlyUtf8(bytes) ? "utf-8" : "gbk";
  }
}

/**
 * UTF-8 with a few damaged bytes (a cut copy-paste) is still UTF-8: decoding it
 * as GBK would garble every header. GBK text almost never forms valid UTF-8
 * multi-byte sequences, so ten valid sequences per invalid byte decide it.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid += 1;
      i += length - 1;
    } else {
      invalid += 1;
    }
  }
  return valid >= 10 * invalid;
}

export function decodeCsv(bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  const text =
    encoding === "gbk" ? decodeGbk(bytes) : new TextDecoder(encoding).decode(bytes);
  return text.replace(/^\ufeff/, "");
}

/** In a browser (the add-in's standalone pane) there is no Buffer nor iconv-lite, but TextDecoder knows GBK. */
function decodeGbk(bytes: Uint8Array): string {
  if (typeof Buffer === "undefined") return new TextDecoder("gbk").decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gbk");
}

export function readCsv(bytes: Uint8Array, file: string): Workbook {
  const text = decodeCsv(bytes);
  if (text.trim() === "") throw readError("empty", file);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, dynamicTyping: false });
  const sheetName = file.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
  return { name: file, sheets: [tableFromRows(sheetName, parsed.data)] };
}
