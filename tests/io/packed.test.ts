import { tableFromRows, type Workbook } from "../../src/core/table";
import { closeWorkers, parseIsolated } from "../../src/io/isolate";
import { packWorkbook, unpackWorkbook } from "../../src/io/packed";
import { readWorkbookBytes } from "../../src/io/read-file";
import { buildWorkbook, dateCell } from "../fixtures/builder";

afterAll(() => closeWorkers());

describe("a workbook crossing from the parsing worker in packed form", () => {
  it("comes back cell for cell: values, number formats, empty cells, ragged rows and merges", () => {
    const workbook: Workbook = {
      name: "一支部.xlsx",
      sheets: [
        tableFromRows(
          "党费收缴",
          [
            ["姓名", "缴费日期", "金额", "已核对"],
            ["刘洋", { value: 46000, format: "yyyy-mm-dd" }, { value: 51, format: "0.00" }, true],
            [],
            ["张伟", undefined, null],
          ],
          [{ top: 0, left: 0, bottom: 0, right: 1 }],
        ),
        { name: "空表", origin: { row: 3, col: 2 }, cells: [], merges: [] },
      ],
      marker: { template: "taizhang", version: "1", profile: "100-50", branch: "一支部" },
    };
    expect(unpackWorkbook(packWorkbook(workbook))).toStrictEqual(workbook);
  });

  it("reads an .xlsx in the worker exactly as in the calling thread", async () => {
    const bytes = buildWorkbook([
      {
        name: "党员花名册",
        rows: [
          ["一支部党员花名册"],
          ["姓名", "入党时间", "缴费基数"],
          ["刘洋", dateCell("2015-07-01"), 5100],
          ["张伟", "2016.07", { t: "n", v: 4800.5, z: "0.00" }],
        ],
        merges: ["A1:C1"],
      },
    ]);
    const inWorker = await parseIsolated(new Uint8Array(bytes), "一支部.xlsx");
    expect(inWorker).toEqual(readWorkbookBytes(bytes, "一支部.xlsx"));
    expect(inWorker.sheets[0].cells[2][1]).toEqual({ value: expect.any(Number), format: expect.stringMatching(/y/) });
  });
});
