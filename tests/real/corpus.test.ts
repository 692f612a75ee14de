/**
 * The corpus of real sheets (tests/fixtures/real/README.md): import templates
 * and exports that other people published. Each sheet must be read as the
 * ledger expected.json names, at its header row, with its data rows, and show
 * no error but the true problems of the file listed there – what a secretary
 * who opens such a file sees. The goal of issue 12: at least 90% of the files
 * read fully right.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { BUILTIN_PROFILES, DEFAULT_PROFILE, validateWorkbook, type Finding, type IsoDate, type WorkbookResult } from "../../src/core";
import { readWorkbookBytes } from "../../src/io/read-file";
import corpus from "../fixtures/real/expected.json";

interface ExpectedFinding {
  code: string;
  cell?: string;
  field?: string;
}

interface ExpectedSheet {
  sheet: string;
  ledger: string | null;
  headerRow: number | null;
  rows: number;
  findings: ExpectedFinding[];
  /** Codes whose findings are true but whose number depends on the rules' tables, with the reason. */
  tolerated?: Record<string, string>;
}

interface ExpectedFile {
  file: string;
  sheets: ExpectedSheet[];
}

/** The files are not committed (README.md says why and where they come from); a folder may be given instead. */
const FOLDER = process.env.TAIZHANG_REAL_CORPUS ?? path.join(__dirname, "..", "fixtures", "real", "files");
const FILES: readonly ExpectedFile[] = corpus.files;
const OPTIONS = { profile: BUILTIN_PROFILES[DEFAULT_PROFILE], asOf: corpus.asOf as IsoDate };

const keyOf = (f: { code: string; cell?: string | null; field?: string | null }) => `${f.code}@${f.cell ?? f.field ?? ""}`;

/** What differs from the expectation for one sheet, first cause first; empty when read right. */
function sheetMismatches(result: WorkbookResult, expected: ExpectedSheet): string[] {
  const sheet = result.sheets.find((s) => s.sheet === expected.sheet);
  if (!sheet) return [`sheet ${expected.sheet} not read`];
  const problems: string[] = [];
  if (sheet.ledger !== expected.ledger) problems.push(`read as ${sheet.ledger ?? "no ledger"}, expected ${expected.ledger ?? "no ledger"}`);
  if (expected.ledger !== null && sheet.ledger === expected.ledger) {
    if (sheet.headerRow !== expected.headerRow) problems.push(`header row ${sheet.headerRow}, expected ${expected.headerRow}`);
    if (sheet.rows !== expected.rows) problems.push(`${sheet.rows} data rows, expected ${expected.rows}`);
  }
  const tolerated = new Set(Object.keys(expected.tolerated ?? {}));
  const errors = sheet.findings.filter((f) => f.severity === "error" && !tolerated.has(f.code));
  const wanted = new Set(expected.findings.map(keyOf));
  for (const f of errors) if (!wanted.has(keyOf(f))) problems.push(`unexpected ${explain(f)}`);
  const found = new Set(errors.map(keyOf));
  for (const f of expected.findings) if (!found.has(keyOf(f))) problems.push(`missing expected ${keyOf(f)}`);
  return problems;
}

function explain(f: Finding): string {
  return `${f.code}${f.cell ? ` ${f.cell}` : f.field ? ` (${f.field})` : ""}: ${f.message}`;
}

type Outcome = { file: string; bySheet: Map<string, string[]>; workbook: string[] };

function check(expected: ExpectedFile): Outcome {
  const file = path.join(FOLDER, expected.file);
  if (!existsSync(file)) return { file: expected.file, bySheet: new Map(), workbook: [`file missing from ${FOLDER}`] };
  let result: WorkbookResult;
  try {
    result = validateWorkbook(readWorkbookBytes(readFileSync(file), expected.file), OPTIONS);
  } catch (e) {
    return { file: expected.file, bySheet: new Map(), workbook: [`not read: ${(e as Error).message}`] };
  }
  const bySheet = new Map(expected.sheets.map((s) => [s.sheet, sheetMismatches(result, s)] as const));
  const workbook = result.findings.filter((f) => f.severity === "error").map((f) => `unexpected ${explain(f)}`);
  return { file: expected.file, bySheet, workbook };
}

const outcomes = FILES.map(check);
const readRight = (o: Outcome) => o.workbook.length === 0 && [...o.bySheet.values()].every((p) => p.length === 0);

describe.each(outcomes.map((o) => [o.file, o] as const))("the real sheet %s", (_file, outcome) => {
  it("opens without an error about the whole workbook", () => {
    expect(outcome.workbook).toEqual([]);
  });

  it.each([...outcome.bySheet.entries()])("sheet %s is read as expected.json says", (_sheet, problems) => {
    expect(problems).toEqual([]);
  });
});

it("reads at least 90% of the corpus fully right (the figure is printed)", () => {
  const sheets = outcomes.flatMap((o) => [...o.bySheet.entries()].map(([sheet, problems]) => ({ file: o.file, sheet, problems })));
  const goodFiles = outcomes.filter(readRight).length;
  const goodSheets = sheets.filter((s) => s.problems.length === 0).length;
  const lines = [
    `real corpus: ${goodFiles}/${outcomes.length} files (${Math.round((100 * goodFiles) / outcomes.length)}%) and ${goodSheets}/${sheets.length} sheets read fully right`,
    ...outcomes.filter((o) => o.workbook.length > 0).map((o) => `  ${o.file}: ${o.workbook[0]}`),
    ...sheets.filter((s) => s.problems.length > 0).map((s) => `  ${s.file} / ${s.sheet}: ${s.problems[0]}`),
  ];
  console.log(lines.join("\n"));
  expect(goodFiles / outcomes.length).toBeGreaterThanOrEqual(0.9);
});
