import { BUILTIN_PROFILES, reportWorkbook } from "../src/core";
import { readWorkbookBytes } from "../src/io/read-file";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { makeSamples, SAMPLE_AS_OF } from "./fixtures/samples";

const options = { profile: BUILTIN_PROFILES["100-50"], asOf: SAMPLE_AS_OF };
const samples = makeSamples();

describe.each(samples.map((s) => [s.file, s] as const))("the demo sample %s", (file, sample) => {
  const { report } = reportWorkbook(readWorkbookBytes(sample.bytes, file), options);
  const issues = report.sheets.flatMap((s) => s.issues);

  it("is committed as the generator writes it (run npm run samples)", () => {
    const committed = readWorkbookBytes(readFileSync(path.join(__dirname, "..", "samples", file)), file);
    expect(committed).toEqual(readWorkbookBytes(sample.bytes, file));
  });

  if (sample.planted.length === 0) {
    it("has no error and no warning", () => {
      expect(issues.filter((i) => i.severity !== "info")).toEqual([]);
    });
  } else {
    it.each(sample.planted.map((p) => [p.code, p] as const))("shows the planted %s where it was planted", (_code, planted) => {
      const found = issues.filter((i) => i.code === planted.code && (!planted.sheet || i.sheet === planted.sheet));
      expect(found.length).toBeGreaterThan(0);
      if (planted.cell) expect(found.map((f) => f.cell)).toContain(planted.cell);
    });

    it("has no error that was not planted", () => {
      const plantedCodes = new Set(sample.planted.map((p) => p.code));
      expect(issues.filter((i) => i.severity === "error" && !plantedCodes.has(i.code))).toEqual([]);
    });
  }
});
