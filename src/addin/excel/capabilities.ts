/**
 * What this Excel can do. The manifest asks for ExcelApi 1.1 only – reading a
 * used range's values and number formats, setting fills and adding sheets is
 * all the core path needs – and everything newer is detected here
 * (Office.context.requirements.isSetSupported) and degrades with a message.
 */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

export interface Capabilities {
  /** ExcelApi 1.2: worksheet protection (a protected sheet gets no marks), getUsedRange(valuesOnly) and column widths (format.columnWidth). */
  protection: boolean;
  /** ExcelApi 1.6: conditional formats (data bars and colour scales in an inserted summary). */
  conditionalFormats: boolean;
  /** ExcelApi 1.7: workbook name and structure protection, freeze panes. */
  workbook: boolean;
  /** ExcelApi 1.8: dropdown lists in inserted templates. */
  dataValidation: boolean;
  /** ExcelApi 1.9: getRanges (many cells in one range object) and fill pattern/tint (exact restore). */
  rangeAreas: boolean;
  /** ExcelApi 1.13: merged areas (merged header cells). */
  mergedAreas: boolean;
  /** Where a finding's message goes on its cell: a note (1.18), a comment (1.10), or nowhere. */
  annotation: "note" | "comment" | "none";
}

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const api = (v: string) => isSetSupported("ExcelApi", v);
  return {
    protection: api("1.2"),
    conditionalFormats: api("1.6"),
    workbook: api("1.7"),
    dataValidation: api("1.8"),
    rangeAreas: api("1.9"),
    mergedAreas: api("1.13"),
    annotation: api("1.18") ? "note" : api("1.10") ? "comment" : "none",
  };
}

/** Every capability, for tests and for a host that answers yes to all. */
export const ALL_CAPABILITIES: Capabilities = {
  protection: true,
  conditionalFormats: true,
  workbook: true,
  dataValidation: true,
  rangeAreas: true,
  mergedAreas: true,
  annotation: "note",
};

/** zh-CN lines for the pane: what this Excel lacks and what the add-in does instead. */
export function missingFeatures(caps: Capabilities): string[] {
  const out: string[] = [];
  if (!caps.protection) out.push("此版本 Excel 不支持 ExcelApi 1.2，无法检测工作表保护：为免写入一半，校验结果只列在助手和“校验结果”表中，不在单元格上标记");
  if (caps.annotation === "comment") out.push("此版本 Excel 不支持“备注”（ExcelApi 1.18），问题说明改写在批注中");
  if (caps.annotation === "none") out.push("此版本 Excel 不支持备注和批注（ExcelApi 1.10），单元格只标颜色，问题说明请看“校验结果”表");
  if (!caps.rangeAreas) out.push("此版本 Excel 不支持 ExcelApi 1.9：标记按连续区域逐块写入；清除标记时只能恢复原填充颜色，不能恢复图案");
  if (!caps.mergedAreas) out.push("此版本 Excel 不支持读取合并单元格（ExcelApi 1.13），合并的表头按左上角单元格读取");
  if (!caps.protection) out.push("此版本 Excel 不支持设置列宽（ExcelApi 1.2），插入的模板使用默认列宽");
  if (!caps.conditionalFormats) out.push("此版本 Excel 不支持条件格式（ExcelApi 1.6），插入的汇总表只按状态标色，没有数据条和色阶");
  if (!caps.workbook) out.push("此版本 Excel 不支持 ExcelApi 1.7：无法检测工作簿结构保护，插入的模板不冻结表头");
  if (!caps.dataValidation) out.push("此版本 Excel 不支持数据验证（ExcelApi 1.8），插入的模板没有下拉列表");
  return out;
}
