/**
 * A secretary fills the standard templates: as delivered they validate clean,
 * filled with a real branch's rows they stay clean, and one planted mistake per
 * ledger is found at its cell.
 */
import { BUILTIN_PROFILES, columnLetter, reportWorkbook, type Finding, type LedgerKey } from "../../src/core";
import { LEDGERS, ledgerByKey } from "../../src/core/ledgers";
import { buildTemplate, TEMPLATE_KEYS, type TemplateKey, type TemplateModel } from "../../src/core/template";
import { readWorkbookBytes } from "../../src/io/read-file";
import { templateBuffer } from "../../src/io/template-writer";
import { makeBranch, type BranchData } from "../fixtures/branch";
import { fillTemplate, recordRow } from "./fill";

const asOf = "2026-11-30";
const profile = BUILTIN_PROFILES["100-50"];

function validate(bytes: Buffer, file: string) {
  return reportWorkbook(readWorkbookBytes(bytes, file), { profile, asOf }).report;
}

const issuesOf = (report: ReturnType<typeof validate>): Finding[] => report.sheets.flatMap((s) => s.issues);
const errorsOf = (report: ReturnType<typeof validate>) =>
  issuesOf(report)
    .filter((i) => i.severity === "error")
    .map((i) => `${i.sheet}!${i.cell ?? ""} ${i.code} ${i.message}`);

const models = new Map<TemplateKey, TemplateModel>(TEMPLATE_KEYS.map((k) => [k, buildTemplate(k, profile)]));
const buffers = new Map<TemplateKey, Promise<Buffer>>(TEMPLATE_KEYS.map((k) => [k, templateBuffer(models.get(k)!)]));

describe.each(TEMPLATE_KEYS.map((k) => [models.get(k)!.fileName, k] as const))("the empty template %s", (_name, key) => {
  it("validates with no errors and recognises every ledger sheet", async () => {
    const report = validate(await buffers.get(key)!, `${models.get(key)!.fileName}.xlsx`);
    expect(report.status).toBe("clean");
    expect(errorsOf(report)).toEqual([]);
    const ledgers = report.sheets.filter((s) => s.ledger !== null).map((s) => s.ledger);
    expect(ledgers).toEqual(models.get(key)!.sheets.map((s) => s.ledger));
  });

  it("passes over its own 说明 and marker sheets: nothing is reported about them", async () => {
    const report = validate(await buffers.get(key)!, "t.xlsx");
    expect(report.sheets.map((s) => s.sheet)).not.toContain("说明");
    expect(report.sheets.filter((s) => s.ledger === null)).toEqual([]);
  });
});

describe("a template filled with a real branch's rows", () => {
  const data: BranchData = makeBranch({ branch: "计算机学院第一党支部", members: 12, seed: 11, asOf });
  const sheetsFor = (keys: readonly LedgerKey[], d: BranchData) => keys.map((k) => ({ sheet: ledgerByKey(k).title, records: d[k] }));

  it.each(LEDGERS.map((l) => [l.title, l.key] as const))("the %s template filled alone has no errors", async (title, key) => {
    const filled = await fillTemplate(await buffers.get(key)!, sheetsFor([key], data));
    const report = validate(filled, `${title}.xlsx`);
    expect(errorsOf(report)).toEqual([]);
    expect(report.sheets.find((s) => s.ledger === key)?.rows).toBe(data[key].length);
  });

  it("the whole 支部台账 has no errors", async () => {
    const filled = await fillTemplate(await buffers.get("all")!, sheetsFor(LEDGERS.map((l) => l.key), data));
    expect(errorsOf(validate(filled, "支部台账.xlsx"))).toEqual([]);
  });

  describe("with one mistake planted in each ledger", () => {
    /** Each plant: the ledger, the record changed, the column whose cell the finding names, the code. */
    const plants: { ledger: LedgerKey; index: number; header: string; code: string; change: (d: BranchData, i: number) => void }[] = [
      { ledger: "roster", index: 3, header: "性别", code: "roster.gender-mismatch", change: (d, i) => (d.roster[i]["性别"] = d.roster[i]["性别"] === "男" ? "女" : "男") },
      { ledger: "dues", index: 2, header: "合计", code: "dues.total", change: (d, i) => (d.dues[i]["合计"] = Number(d.dues[i]["合计"]) + 10) },
      { ledger: "funding", index: 3, header: "余额", code: "funding.balance", change: (d, i) => (d.funding[i]["余额"] = Number(d.funding[i]["余额"]) + 50) },
      { ledger: "training", index: 0, header: "学时", code: "training.hours", change: (d, i) => (d.training[i]["学时"] = 30) },
      {
        ledger: "meetings",
        index: -1, // the first 党员大会
        header: "实到",
        code: "meetings.quorum",
        change: (d, i) => {
          d.meetings[i]["实到"] = 1;
          d.meetings[i]["请假"] = 0;
        },
      },
      { ledger: "terms", index: 0, header: "届满日期", code: "terms.expiry", change: (d, i) => (d.terms[i]["届满日期"] = { t: "n", v: 47000, z: "yyyy-mm-dd" }) },
      { ledger: "development", index: 0, header: "培训学时", code: "dev.training-short", change: (d, i) => (d.development[i]["培训学时"] = 10) },
    ];
    const planted: BranchData = structuredClone(data);
    const resolved = plants.map((p) => {
      const index = p.index >= 0 ? p.index : planted.meetings.findIndex((m) => m["类型"] === "党员大会");
      p.change(planted, index);
      const sheet = models.get("all")!.sheets.find((s) => s.ledger === p.ledger)!;
      const col = sheet.columns.findIndex((c) => c.header === p.header);
      return { ...p, sheet: sheet.name, cell: `${columnLetter(col)}${recordRow(sheet.headerRow, index)}` };
    });
    let issues: Finding[] = [];
    beforeAll(async () => {
      const filled = await fillTemplate(await buffers.get("all")!, sheetsFor(LEDGERS.map((l) => l.key), planted));
      issues = issuesOf(validate(filled, "支部台账.xlsx"));
    });

    it.each(resolved.map((p) => [p.code, `${p.sheet}!${p.cell}`, p] as const))("finds %s at %s", (_code, _where, p) => {
      const found = issues.filter((i) => i.code === p.code).map((i) => `${i.sheet}!${i.cell}`);
      expect(found).toContain(`${p.sheet}!${p.cell}`);
    });
  });
});
