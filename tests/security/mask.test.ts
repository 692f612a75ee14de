/**
 * A committee member forwards a validation report to a branch secretary by
 * chat: with --mask, no full ID number or phone number is in it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { makeIdNumber } from "../../src/core/idnumber";
import { maskId, maskPhone, maskText } from "../../src/core/mask";
import { main } from "../../src/cli/main";
import { closeWorkers } from "../../src/io/isolate";
import { buildWorkbook } from "../fixtures/builder";
import { ROSTER_HEADER, rosterRows } from "../fixtures/bad/make";

describe("masking ID and phone numbers", () => {
  it("keeps the first 6 and last 4 characters of an ID number", () => {
    expect(maskId("11010119900307123X")).toBe("110101********123X");
    expect(maskId("110101900307123")).toBe("110101*****7123");
  });

  it("keeps the first 3 and last 4 digits of a phone number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("hides a value too short to keep both ends", () => {
    expect(maskId("1101011990")).toBe("**********");
    expect(maskPhone("1234567")).toBe("*******");
  });

  it("finds ID and mobile numbers inside free text, also one Excel turned into 1.10101199003071E+17", () => {
    expect(maskText("刘洋（11010119900307123X）与王芳（110101199205171244）重复，电话 13812345678")).toBe(
      "刘洋（110101********123X）与王芳（110101********1244）重复，电话 138****5678",
    );
    expect(maskText("身份证号被存成了数字：1.10101199003071E+17")).toBe("身份证号被存成了数字：1.1010**************");
    expect(maskText("第 12 行，金额 2024.50 元")).toBe("第 12 行，金额 2024.50 元");
  });

  it("masks runs at the start, runs one character apart, and never part of a longer number", () => {
    expect(maskText("11010119900307123X,13812345678")).toBe("110101********123X,138****5678");
    expect(maskText("流水号 1234567890123456789012，编号 913812345678")).toBe("流水号 1234567890123456789012，编号 913812345678");
  });
});

describe("taizhang validate --mask", () => {
  const goodId = makeIdNumber("110101", "1990-03-07", 123, "男");
  // The same person with a mistyped check digit: the finding quotes the number.
  const badId = goodId.slice(0, 17) + (goodId[17] === "1" ? "2" : "1");
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "taizhang-mask-"));
    file = path.join(dir, "一支部.xlsx");
    const rows = rosterRows();
    rows[0][2] = badId;
    writeFileSync(file, buildWorkbook([{ name: "党员花名册", rows: [[...ROSTER_HEADER, "联系电话"], ...rows.map((r) => [...r, "1381234567"])] }]));
  });
  afterAll(async () => {
    await closeWorkers();
    rmSync(dir, { recursive: true, force: true });
  });

  async function validate(...flags: string[]): Promise<string> {
    let out = "";
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await main(["node", "taizhang", "validate", "--as-of", "2026-06-30", ...flags, file]);
    } finally {
      spy.mockRestore();
    }
    return out;
  }

  it("prints the full ID and phone number of a finding without --mask", async () => {
    const out = await validate("--json");
    expect(out).toContain(badId);
    expect(out).toContain("1381234567");
  });

  it("prints no full ID or phone number in the JSON report with --mask", async () => {
    const out = await validate("--json", "--mask");
    expect(out).toContain("id.checksum");
    expect(out).not.toContain(badId);
    expect(out).toContain(maskId(badId));
    expect(out).not.toContain("1381234567");
  });

  it("prints no full ID or phone number in the table with --mask", async () => {
    const out = await validate("--mask");
    expect(out).toContain("id.checksum");
    expect(out).not.toContain(badId);
    expect(out).not.toContain("1381234567");
  });
});
