/**
 * templates/ is what the ledger definitions produce now: cell contents, number
 * formats, validations, merges, frozen panes and print setup – not zip bytes.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { templateBuffer } from "../../src/io/template-writer";
import { committedTemplateModels, TEMPLATES_DIR } from "../../scripts/make-templates";

const STALE = "templates/ 与台账定义不一致：请运行 npm run templates 重新生成并提交";

/** What a user of the template sees, sheet by sheet, as plain data. */
async function contentOf(bytes: Buffer): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = book.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow((row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = { value: cell.value, numFmt: cell.numFmt ?? null };
      }),
    );
    const columns = Array.from({ length: ws.columnCount }, (_, i) => {
      const col = ws.getColumn(i + 1);
      return { width: col.width ?? null, numFmt: col.numFmt ?? null };
    });
    const { paperSize, orientation, printTitlesRow, fitToWidth } = ws.pageSetup;
    return {
      name: ws.name,
      state: ws.state,
      cells,
      columns,
      merges: (ws.model as { merges?: string[] }).merges ?? [],
      validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
      views: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit ?? 0 })),
      print: { paperSize, orientation, printTitlesRow, fitToWidth },
    };
  });
  // Plain JSON data: comparable across jest's realms (Date and Array prototypes differ there).
  return JSON.parse(JSON.stringify(sheets));
}

/** The first path at which two values differ, for a message a developer can act on. */
function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (d) return d;
    }
  }
  return `${at}: 已提交 ${JSON.stringify(a)}，应为 ${JSON.stringify(b)}`;
}

describe("the committed templates/", () => {
  const models = committedTemplateModels();

  it("holds exactly one file per ledger and 支部台账.xlsx", async () => {
    const files = (await fs.readdir(TEMPLATES_DIR)).filter((f) => f.endsWith(".xlsx")).sort();
    const expected = models.map((m) => `${m.fileName}.xlsx`).sort();
    if (files.join("、") !== expected.join("、")) throw new Error(`${STALE}（文件：${files.join("、")}，应为：${expected.join("、")}）`);
  });

  it.each(models.map((m) => [`${m.fileName}.xlsx`, m] as const))("%s matches the definitions", async (file, model) => {
    const committed = await fs.readFile(path.join(TEMPLATES_DIR, file)).catch(() => null);
    if (!committed) throw new Error(`${STALE}（缺少 ${file}）`);
    const difference = firstDifference(await contentOf(committed), await contentOf(await templateBuffer(model)));
    if (difference) throw new Error(`${STALE}（${file} ${difference}）`);
  });
});
