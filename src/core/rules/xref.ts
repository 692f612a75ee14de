/**
 * Rules across the ledgers of one workbook (RULES.md "Across sheets and files"):
 * the roster is the list of who the branch's members are (花名册; 重庆交通大学艺术设计学院党总支实施意见).
 * Development rows are checked by the development ledger's own rules.
 */
import type { Finding } from "../finding";
import { findingAt, sheetsOf, text, type LedgerKey, type LedgerRow, type LedgerSheet, type WorkbookRule } from "../ledger";
import { nameOf } from "./common";
import { findMember, peopleIndex, personKeys, personName, rosterIndex, type RosterIndex } from "./people";

const LEDGER_NAMES: Partial<Record<LedgerKey, string>> = { dues: "党费", training: "学习培训" };

/** Why a row's person was not found: a different ID under the same name is worth saying. */
function absenceReason(roster: RosterIndex, row: LedgerRow): string {
  const id = text(row, "idNumber");
  const sameName = roster.byName.get(personName(text(row, "name") ?? "")) ?? [];
  if (id && sameName.length > 0) return `花名册中有同名的${nameOf(sameName[0])}（第 ${sameName[0].row} 行），但身份证号不同，请核对`;
  if (!id && sameName.length > 1) return `花名册中有 ${sameName.length} 个同名党员，请填写身份证号以便区分`;
  return "请核对姓名和身份证号，或把此人补入花名册";
}

/** Each person once per sheet (their first row): a dues or training row whose person the roster lacks. */
function notInRoster(sheet: LedgerSheet, roster: RosterIndex): Finding[] {
  const keys = personKeys(sheet.rows);
  const reported = new Set<string>();
  return sheet.rows.flatMap((row) => {
    const key = keys.get(row)!;
    if (reported.has(key) || findMember(roster, text(row, "idNumber"), text(row, "name"))) return [];
    reported.add(key);
    const who = text(row, "idNumber") ? `${nameOf(row)}（${text(row, "idNumber")}）` : nameOf(row);
    return [
      findingAt(
        sheet,
        "xref.not-in-roster",
        `${LEDGER_NAMES[sheet.ledger.key]}台账中的 ${who} 不在本工作簿的党员花名册中：${absenceReason(roster, row)}`,
        { row, field: "name" },
      ),
    ];
  });
}

const notInRosterRule: WorkbookRule = (workbook) => {
  const roster = rosterIndex(workbook);
  if (!roster.present) return [];
  return [...sheetsOf(workbook, "dues"), ...sheetsOf(workbook, "training")].flatMap((sheet) => notInRoster(sheet, roster));
};

/** Every member pays dues (党费规定: 党员应按月交纳党费): a roster member with no dues row, when the workbook has a dues sheet. */
const missingFromDues: WorkbookRule = (workbook) => {
  const duesSheets = sheetsOf(workbook, "dues");
  if (duesSheets.length === 0) return [];
  const payers = peopleIndex(duesSheets.flatMap((s) => s.rows));
  const duesTitle = duesSheets.map((s) => `“${s.table.name}”`).join("、");
  return sheetsOf(workbook, "roster").flatMap((sheet) =>
    sheet.rows.flatMap((member) =>
      findMember(payers, text(member, "idNumber"), text(member, "name"))
        ? []
        : [findingAt(sheet, "xref.missing-from-dues", `${nameOf(member)}在花名册中，但党费台账${duesTitle}中没有此人的缴费记录（《关于中国共产党党费收缴、使用和管理的规定》：党员应按月交纳党费）`, { row: member, field: "name" })],
    ),
  );
};

export const xrefRules: readonly WorkbookRule[] = [notInRosterRule, missingFromDues];
