/**
 * The part of the WPS 表格 (ET) object model this add-in calls, as WPS
 * documents it for JS 加载项: synchronous, COM-like, 1-based Item(), 2-D
 * arrays from Value2, colours as BGR numbers. docs/wps.md lists every call
 * with the public page that documents it. Only these members are used.
 */

export interface EtApplication {
  ActiveWorkbook: EtWorkbook | null;
  ActiveSheet: EtWorksheet | null;
  /** Off while we delete our own sheets, so WPS does not ask. */
  DisplayAlerts: boolean;
  ActiveWindow: EtWindow;
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  /** WPS's application events (older WPS may have none). */
  ApiEvent?: { AddApiEventListener(event: "WorkbookActivate", listener: (wb: EtWorkbook) => void): void };
  CreateTaskPane(url: string): EtTaskPane;
  GetTaskPane(id: unknown): EtTaskPane | null;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtTaskPane {
  ID: unknown;
  Visible: boolean;
}

export interface EtWorkbook {
  Name: string;
  ProtectStructure: boolean;
  Worksheets: EtWorksheets;
}

export interface EtWorksheets {
  Count: number;
  Item(index: number | string): EtWorksheet;
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  Visible: number;
  ProtectContents: boolean;
  UsedRange: EtRange;
  Range(address: string): EtRange;
  Comments: { Count: number; Item(index: number): EtComment };
  Activate(): void;
  Delete(): void;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number };
  /** A single cell gives its value, several a 2-D array; an empty cell nothing. */
  Value2: unknown;
  Formula: unknown;
  /** null when the cells differ. */
  NumberFormat: string | null;
  Interior: EtInterior;
  Font: { Bold: boolean };
  /** true when every cell is merged, false when none is, null when some are. */
  MergeCells: boolean | null;
  MergeArea: EtRange;
  ColumnWidth: number;
  Validation: { Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string): void };
  AddComment(text?: string): EtComment;
  Clear(): void;
}

/** Each property is null when the cells of the range differ. */
export interface EtInterior {
  Color: number | null;
  Pattern: number | null;
  PatternColor: number | null;
  TintAndShade: number | null;
}

export interface EtComment {
  Parent: EtRange;
  Text(text?: string): string;
  Delete(): void;
}

/** XlSheetVisibility.xlSheetVeryHidden: not listed in 取消隐藏. */
export const SHEET_VERY_HIDDEN = 2;
/** XlDVType.xlValidateList, XlDVAlertStyle.xlValidAlertStop, XlFormatConditionOperator.xlBetween. */
export const VALIDATE_LIST = 3;
export const ALERT_STOP = 1;
export const OPERATOR_BETWEEN = 1;
