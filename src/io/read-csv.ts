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
    return "gbk";
  }
}

export function decodeCsv(bytes: Uint8Array): string {
  const encoding = detectEncoding(bytes);
  const text =
    encoding === "gbk" ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gbk") : new TextDecoder(encoding).decode(bytes);
  return text.replace(/^\ufeff/, "");
}

export function readCsv(bytes: Uint8Array, file: string): Workbook {
  const text = decodeCsv(bytes);
  if (text.trim() === "") throw readError("empty", file);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, dynamicTyping: false });
  const sheetName = file.replace(/^.*[\\/]/, "").replace(/\.csv$/i, "");
  return { name: file, sheets: [tableFromRows(sheetName, parsed.data)] };
}
