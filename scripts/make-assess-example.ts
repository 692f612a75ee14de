/**
 * The worked example of README “考核评分” and “变化”: two months of three
 * branches' ledgers (tests/fixtures/assess.ts), deterministic.
 *
 *   npx tsx scripts/make-assess-example.ts inbox out/考核示例
 *       writes 收件箱-11月/ and 收件箱-12月/
 *   npx tsx scripts/make-assess-example.ts fill 考核.xlsx 考核（已评）.xlsx
 *       types the assessment group's scores into the 考核 sheet, as a person would
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import {
  generated,
  moveMember,
  withHoursMet,
  withoutMeeting,
  withoutTraining,
  withPost,
  withProbationer,
  withRemark,
  withUnpaid,
  workbookOf,
} from "../tests/fixtures/assess";
import type { BranchData } from "../tests/fixtures/branch";

const STAFF = "教工第一党支部";
const STUDENTS = "学生第一党支部";
const RETIRED = "离退休党支部";

/** The ledgers as each branch keeps them on `asOf`: November's end short of December's. */
function branches(asOf: string): [string, BranchData][] {
  const staff = withoutMeeting(withPost(withHoursMet(generated(STAFF, 9, 1, 0, 0, asOf)), 3, "纪检委员"), "支委会", 5);
  const students = withHoursMet(generated(STUDENTS, 12, 2, 0.8, 0.15, asOf));
  const retired = withRemark(withHoursMet(generated(RETIRED, 5, 3, 0, 0.15, asOf)), 3, "2026年6月受党内警告处分");
  return [
    [STAFF, withUnpaid(staff, 4, 10)],
    [STUDENTS, withProbationer(withoutTraining(students, [students.roster[6]["姓名"] as string]), 5, "2025-12-01")],
    [RETIRED, retired],
  ];
}

function inbox(dir: string): void {
  const november = branches("2026-11-27").filter(([name]) => name !== RETIRED);
  const [staff, students, retired] = branches("2026-12-20").map(([, data]) => data);
  // Since November: 教工第一党支部 recorded member 4's October dues, member 2 has a new phone, member 8 moved to
  // 学生第一党支部; there the 预备党员 (member 5) became a full member.
  const paid = { ...staff, dues: generated(STAFF, 9, 1, 0, 0).dues, roster: staff.roster.map((m, i) => (i === 2 ? { ...m, 联系电话: "13900001111" } : m)) };
  const [staffNow, studentsNow] = moveMember(paid, withProbationer(students, 5, "2025-12-01", "2026-12-01"), 8, STUDENTS);
  const december: [string, BranchData][] = [
    [STAFF, staffNow],
    [STUDENTS, studentsNow],
    [RETIRED, retired],
  ];
  for (const [month, list] of [["11月", november], ["12月", december]] as const) {
    const folder = path.join(dir, `收件箱-${month}`);
    mkdirSync(folder, { recursive: true });
    for (const [name, data] of list) writeFileSync(path.join(folder, `${name}.xlsx`), workbookOf(name, data));
  }
  console.log(`示例台账已写入 ${dir}`);
}

/** What the group typed, by branch and item number. */
const TYPED: Record<string, Record<number, number>> = {
  [STAFF]: { 2: 5, 3: 4, 4: 5, 5: 5, 8: 3, 9: 9, 11: 5, 12: 5, 14: 5, 15: 9, 16: 9, 17: 1 },
  [STUDENTS]: { 2: 4, 3: 5, 4: 4, 5: 4, 8: 2, 9: 8, 11: 4, 12: 4, 14: 4, 15: 8, 16: 8 },
  [RETIRED]: { 2: 5, 3: 5, 4: 5, 5: 5, 8: 3, 9: 10, 11: 5, 12: 5, 14: 5, 15: 10, 16: 10 },
};

function fill(from: string, to: string): void {
  const book = XLSX.read(readFileSync(from), { type: "buffer" });
  const sheet = book.Sheets["考核"];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
  const header = (rows[0] as string[]).map(String);
  rows.forEach((row, r) => {
    for (const [no, score] of Object.entries(TYPED[String(row[0])] ?? {})) {
      const c = header.findIndex((h) => h.startsWith(`${no}.`) && !h.endsWith("依据"));
      sheet[XLSX.utils.encode_cell({ r, c })] = { t: "n", v: score };
    }
  });
  writeFileSync(to, XLSX.write(book, { type: "buffer", bookType: "xlsx" }));
}

const [command, a, b] = process.argv.slice(2);
if (command === "inbox" && a) inbox(a);
else if (command === "fill" && a && b) fill(a, b);
else {
  console.error("用法：make-assess-example.ts inbox 目录 | fill 考核.xlsx 考核（已评）.xlsx");
  process.exit(2);
}
