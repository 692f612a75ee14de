/**
 * The assessment workbook (taizhang assess): the 考核 and 评分表 sheets, laid
 * out by the summary writer as the forms src/core/assess marks them – evidence
 * wrapped in narrow columns, the cells the group must fill shaded, the branch
 * column and header frozen, A4 landscape. Values only, never a formula.
 */
import type { SummaryModel } from "../core/merge";
import { writeSummary } from "./summary-file";

/** Write the assessment workbook, creating its folder when needed. */
export const writeAssessment = (model: SummaryModel, file: string): Promise<void> => writeSummary(model, file);
