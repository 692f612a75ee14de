import { PROFILE, profileWith, rosterOfSize, sheet, validate, withCode } from "./process-fixtures";

const HEADERS = ["日期", "类型", "主题", "主持人/主讲人", "应到", "实到", "请假"];

type Meeting = { 日期: string; 类型: string; 主题?: string; "主持人/主讲人"?: string; 应到?: number; 实到?: number; 请假?: number };

const meetingsSheet = (rows: Meeting[]) =>
  sheet("三会一课", HEADERS, rows.map((r) => ({ 主题: `${r.类型}`, "主持人/主讲人": "王芳", 应到: 10, 实到: 9, 请假: 1, ...r })));

const mm = (month: number) => String(month).padStart(2, "0");

/** A branch that held everything on time from January through `lastMonth`. */
function keptUpTo(year: number, lastMonth: number, skip: (type: string, month: number) => boolean = () => false): Meeting[] {
  const rows: Meeting[] = [];
  for (let month = 1; month <= lastMonth; month++) {
    const types = ["支委会", "党小组会", "主题党日", ...(month % 3 === 0 ? ["党员大会"] : [])];
    for (const type of types) if (!skip(type, month)) rows.push({ 日期: `${year}-${mm(month)}-15`, 类型: type });
  }
  for (const type of ["党课", "组织生活会", "民主评议"]) if (!skip(type, 1)) rows.push({ 日期: `${year}-01-20`, 类型: type });
  return rows;
}

const missingMessages = (asOf: string, rows: Meeting[], members = 10) =>
  withCode(validate([meetingsSheet(rows), rosterOfSize(members)], asOf), "meetings.missing").map((f) => f.message.split("：")[0]);

describe("三会一课: meetings.missing", () => {
  it("names the missing period, once, at sheet level", () => {
    const rows = keptUpTo(2026, 9, (type, month) => type === "党员大会" && month === 9);
    const findings = withCode(validate([meetingsSheet(rows), rosterOfSize(10)], "2026-10-08"), "meetings.missing");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: "三会一课", row: null, cell: null, severity: "error" });
    expect(findings[0].message).toMatch(/^2026年第3季度无党员大会：党员大会应每季度至少 1 次/);
  });

  it("names a missing month of the 支委会", () => {
    const rows = keptUpTo(2026, 6, (type, month) => type === "支委会" && month === 5);
    expect(missingMessages("2026-07-01", rows)).toEqual(["2026年5月无支委会"]);
  });

  it("does not report a quarter or month still in progress", () => {
    // As of 20 May: Q2 and May are running; nothing of theirs is held yet.
    expect(missingMessages("2026-05-20", keptUpTo(2026, 4))).toEqual([]);
  });

  it("treats the last day of a quarter as still inside it, and the next day as after it", () => {
    const rows = keptUpTo(2026, 6, (type, month) => type === "党员大会" && month === 6);
    expect(missingMessages("2026-06-30", rows)).toEqual([]);
    expect(missingMessages("2026-07-01", rows)).toEqual(["2026年第2季度无党员大会"]);
  });

  it("does not read a sheet with only its header (a ledger not yet kept) as a year without meetings", () => {
    expect(missingMessages("2026-07-01", [], 10)).toEqual([]);
  });

  it("reports a whole year left out between two years of meetings", () => {
    const rows = [...keptUpTo(2024, 12), ...keptUpTo(2026, 6)];
    const messages = missingMessages("2026-07-01", rows);
    expect(messages.every((m) => m.startsWith("2025年"))).toBe(true);
    expect(messages).toContain("2025年无组织生活会");
    expect(messages).toHaveLength(4 + 3 * 12 + 3);
  });

  it("reports a year's 组织生活会 only once that year has ended", () => {
    const rows = keptUpTo(2026, 12, (type) => type === "组织生活会");
    expect(missingMessages("2026-12-31", rows)).toEqual([]);
    expect(missingMessages("2027-01-01", rows)).toEqual(["2026年无组织生活会"]);
  });

  describe("支委会 only where the branch has a committee (7 members or more)", () => {
    const withoutCommittee = keptUpTo(2026, 6, (type) => type === "支委会");

    it("does not require 支委会 of a branch of 6", () => {
      expect(missingMessages("2026-07-01", withoutCommittee, 6)).toEqual([]);
    });

    it("requires a 支委会 every month of a branch of 7", () => {
      expect(missingMessages("2026-07-01", withoutCommittee, 7)).toEqual([1, 2, 3, 4, 5, 6].map((m) => `2026年${m}月无支委会`));
    });

    it("does not require 支委会 when the workbook has no roster", () => {
      expect(withCode(validate([meetingsSheet(withoutCommittee)], "2026-07-01"), "meetings.missing")).toEqual([]);
    });

    it("reads the threshold from the profile", () => {
      const profile = profileWith((p) => (p.branch.committeeMinMembers = 5));
      expect(withCode(validate([meetingsSheet(withoutCommittee), rosterOfSize(6)], "2026-07-01", profile), "meetings.missing")).toHaveLength(6);
    });
  });

  it("reads the frequencies from the profile", () => {
    const profile = profileWith((p) => (p.meetings.frequency = { ...PROFILE.meetings.frequency, 党小组会: "quarter" }));
    const rows = keptUpTo(2026, 6, (type, month) => type === "党小组会" && month !== 3);
    const findings = withCode(validate([meetingsSheet(rows), rosterOfSize(10)], "2026-07-01", profile), "meetings.missing");
    expect(findings.map((f) => f.message.split("：")[0])).toEqual(["2026年第2季度无党小组会"]);
  });
});

describe("三会一课: meetings.quorum", () => {
  const general = (present: number): Meeting => ({ 日期: "2026-03-20", 类型: "党员大会", 应到: 20, 实到: present, 请假: 0 });

  it("finds a 党员大会 where only half came, on the 实到 cell", () => {
    const findings = withCode(validate([meetingsSheet([general(10)])], "2026-03-31"), "meetings.quorum");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 2, cell: "F2", value: "10", severity: "error" });
    expect(findings[0].message).toContain("至少应到 11 人");
  });

  it("accepts a 党员大会 where more than half came", () => {
    expect(withCode(validate([meetingsSheet([general(11)])], "2026-03-31"), "meetings.quorum")).toEqual([]);
  });

  it("does not apply to other meetings", () => {
    const group: Meeting = { ...general(5), 类型: "党小组会" };
    expect(withCode(validate([meetingsSheet([group])], "2026-03-31"), "meetings.quorum")).toEqual([]);
  });
});

describe("三会一课: meetings.attendance", () => {
  const counts = (present: number, excused: number): Meeting => ({ 日期: "2026-03-12", 类型: "党小组会", 应到: 20, 实到: present, 请假: excused });

  it("finds 实到 + 请假 above 应到", () => {
    const findings = withCode(validate([meetingsSheet([counts(15, 6)])], "2026-03-31"), "meetings.attendance");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "F2", severity: "error" });
    expect(findings[0].message).toContain("21 人，超过应到 20 人");
  });

  it("accepts counts that add up", () => {
    expect(withCode(validate([meetingsSheet([counts(15, 5)])], "2026-03-31"), "meetings.attendance")).toEqual([]);
  });

  it("leaves a negative count to the cell check", () => {
    const findings = validate([meetingsSheet([counts(-3, 5)])], "2026-03-31");
    expect(withCode(findings, "cell.number").map((f) => f.cell)).toEqual(["F2"]);
    expect(withCode(findings, "meetings.attendance")).toEqual([]);
  });
});

describe("三会一课: meetings.lecturer", () => {
  const year2026 = (lecturer: string) =>
    meetingsSheet([...keptUpTo(2026, 12, (type) => type === "党课"), { 日期: "2026-05-18", 类型: "党课", "主持人/主讲人": lecturer }]);

  it("warns when no 党课 of an ended year was given by the roster's 书记", () => {
    const findings = withCode(validate([year2026("李明"), rosterOfSize(10)], "2027-01-10"), "meetings.lecturer");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: null, severity: "warning" });
    expect(findings[0].message).toMatch(/^2026年的 1 次党课都不是支部书记（王芳）主讲/);
  });

  it("accepts a 党课 given by the 书记, however the name is written", () => {
    expect(withCode(validate([year2026("支部书记 王芳"), rosterOfSize(10)], "2027-01-10"), "meetings.lecturer")).toEqual([]);
  });

  it("cannot check without a roster", () => {
    expect(withCode(validate([year2026("李明")], "2027-01-10"), "meetings.lecturer")).toEqual([]);
  });

  it("waits until the year has ended", () => {
    const sheetSoFar = meetingsSheet([{ 日期: "2026-05-18", 类型: "党课", "主持人/主讲人": "李明" }]);
    expect(withCode(validate([sheetSoFar, rosterOfSize(10)], "2026-12-31"), "meetings.lecturer")).toEqual([]);
  });
});
