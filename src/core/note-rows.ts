/**
 * Rows that are not data: the instructions and notes that import templates and
 * secretaries put in a sheet ("注意：…", "填写注意事项：…", "填表人：…"), often
 * merged across the table and over several lines. They are skipped and reported
 * once per sheet, never read as a person.
 */
import { squeeze } from "./text";
import type { Cell } from "./table";

const NOTE_START = /^(注意|注|说明|填写|填表|备注|提示|温馨提示|特别提示|要求|示例|例)[^:：]{0,8}[:：]/u;
/** Stamp and signature lines under a table: 党委(总支)公章, 年 月 日, 填表人：, 审核人： */
const SIGNATURE = /^(.*(公章|盖章|签章|签字|签名)[)）]?|年月日|(填表人|审核人|负责人|联系人|制表人|填报人|经办人|填报日期|制表日期)[:：].*)$/u;
/** Long, or over several lines: no value of a ledger's cell reads like that. */
const LONG_NOTE = 40;

/** One text, alone in its row (or merged across it), that reads as an instruction. */
export function isNoteRow(cells: readonly (Cell | null)[]): boolean {
  let note: string | null = null;
  for (const cell of cells) {
    const v = cell?.value;
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string") return false;
    const text = v.trim();
    if (text === "") continue;
    if (note !== null && text !== note) return false;
    note = text;
  }
  if (note === null) return false;
  const start = squeeze(note.slice(0, 24));
  return NOTE_START.test(start) || SIGNATURE.test(squeeze(note)) || note.includes("\n") || [...note].length >= LONG_NOTE;
}
