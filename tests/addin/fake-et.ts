/**
 * A fake WPS 表格 (ET) host for tests, modelled on the object model as WPS
 * documents it for JS 加载项 (docs/wps.md lists the sources): everything is
 * synchronous and applied at once; collections are 1-based (Item(1) is the
 * first sheet or comment); Value2 of one cell is a bare value, of several a
 * 2-D array; NumberFormat, MergeCells and each Interior property read null
 * when the cells of the range differ; colours are BGR numbers; setting
 * Interior.Color on an unfilled cell makes it solid, Pattern = xlPatternNone
 * clears the fill; a value written as "=…" is a formula and "'…" is text; a
 * protected sheet refuses every write and a protected workbook structure
 * refuses adding, renaming and deleting sheets; AddComment on a cell that has
 * one fails; ApiEvent listeners run when a test raises their event.
 * `reopened` gives the workbook as saved and opened again. Every
 * object-model access is counted (`calls`).
 *
 * Imports only fake-grid.ts: tests/e2e bundles the two and runs the same
 * fake in the browser as window.Application.
 */
import { cellKey, cellRef, colLetters, colOf, GridWorkbook, parseArea as gridArea, parseCell as gridCell, rowOf, type FakeTableInput, type GridArea } from "./fake-grid";

export interface FakeInterior {
  Color: number;
  Pattern: number;
  PatternColor: number;
  TintAndShade: number;
}

export interface FakeEtCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat: string;
  interior: FakeInterior;
  bold?: boolean;
}

type Area = GridArea;

export interface FakeEtSheet {
  name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  visible: number;
  protectContents: boolean;
  cells: Map<number, FakeEtCell>;
  /** Comment text by cell ("C7"), in the order they were added. */
  comments: Map<string, string>;
  merges: Area[];
  frozenRows: number;
  columnWidths: Map<string, number>;
  validations: Map<string, { type: number; formula1: string }>;
}


export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const NO_INTERIOR: FakeInterior = { Color: 0xffffff, Pattern: XL_PATTERN_NONE, PatternColor: 0, TintAndShade: 0 };

const fail = (message: string) => new Error(message);
const parseCell = (ref: string) => gridCell(ref, fail);
const parseArea = (address: string) => gridArea(address, fail);
const key = cellKey;

export class FakeEtWorkbook extends GridWorkbook<FakeEtCell, FakeEtSheet> {
  protectStructure = false;
  displayAlerts = true;
  /** Sheets deleted while DisplayAlerts was on: WPS would have asked the secretary. */
  prompts = 0;
  /** Object-model accesses (property reads and writes, method calls). */
  calls = 0;
  storage = new Map<string, unknown>();
  panes: { ID: number; url: string; Visible: boolean }[] = [];
  window = { SplitRow: 0, SplitColumn: 0 };

  static fromTables(tables: FakeTableInput[]): FakeEtWorkbook {
    return new FakeEtWorkbook().load(tables);
  }

  protected missing(message: string): Error {
    return new Error(message);
  }

  protected newCell(value: string | number | boolean, numberFormat: string): FakeEtCell {
    return { value, numberFormat, interior: { ...NO_INTERIOR } };
  }

  addSheet(name: string, after = this.sheets.length - 1): FakeEtSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称“${name}”已被占用`);
    const sheet: FakeEtSheet = { name, visible: -1, protectContents: false, cells: new Map(), comments: new Map(), merges: [], frozenRows: 0, columnWidths: new Map(), validations: new Map() };
    this.sheets.splice(after + 1, 0, sheet);
    return sheet;
  }
}

// ---- the object model ----

type Wb = FakeEtWorkbook;

function uniform<T>(values: Iterable<T>): T | null {
  let first: T | undefined;
  let seen = false;
  for (const v of values) {
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) return null;
  }
  return seen ? (first as T) : null;
}

class RangeModel {
  constructor(
    private readonly wb: Wb,
    private readonly sheet: FakeEtSheet,
    private readonly a: Area,
  ) {}

  private touch(): void {
    this.wb.calls += 1;
  }
  private writable(): void {
    this.touch();
    if (this.sheet.protectContents) throw new Error(`工作表“${this.sheet.name}”受保护，不能更改单元格`);
  }
  private *keys(): Generator<number> {
    for (let r = this.a.top; r <= this.a.bottom; r++) for (let c = this.a.left; c <= this.a.right; c++) yield key(r, c);
  }
  private cellAt(k: number): FakeEtCell {
    let c = this.sheet.cells.get(k);
    if (!c) {
      c = { numberFormat: "General", interior: { ...NO_INTERIOR } };
      this.sheet.cells.set(k, c);
    }
    return c;
  }
  private get single(): boolean {
    return this.a.top === this.a.bottom && this.a.left === this.a.right;
  }
  private grid<T>(read: (c: FakeEtCell | undefined) => T): T | T[][] {
    if (this.single) return read(this.sheet.cells.get(key(this.a.top, this.a.left)));
    const out: T[][] = [];
    for (let r = this.a.top; r <= this.a.bottom; r++) {
      const row: T[] = [];
      for (let c = this.a.left; c <= this.a.right; c++) row.push(read(this.sheet.cells.get(key(r, c))));
      out.push(row);
    }
    return out;
  }
  private put(input: unknown, write: (cell: FakeEtCell, v: unknown) => void): void {
    this.writable();
    const rows = this.a.bottom - this.a.top + 1;
    const cols = this.a.right - this.a.left + 1;
    if (!Array.isArray(input)) {
      for (const k of this.keys()) write(this.cellAt(k), input);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) throw new Error("数组的大小与区域不一致");
    input.forEach((row: unknown[], r) => row.forEach((v, c) => write(this.cellAt(key(this.a.top + r, this.a.left + c)), v)));
  }

  get Row(): number {
    this.touch();
    return this.a.top + 1;
  }
  get Column(): number {
    this.touch();
    return this.a.left + 1;
  }
  get Rows(): { Count: number } {
    this.touch();
    return { Count: this.a.bottom - this.a.top + 1 };
  }
  get Columns(): { Count: number } {
    this.touch();
    return { Count: this.a.right - this.a.left + 1 };
  }
  get Value2(): unknown {
    this.touch();
    return this.grid((c) => (c?.formula ? c.value ?? "" : c?.value));
  }
  set Value2(input: unknown) {
    this.put(input, (cell, v) => {
      delete cell.formula;
      if (v === null || v === undefined || v === "") delete cell.value;
      else if (typeof v === "string" && cell.numberFormat !== "@" && v.startsWith("=")) {
        cell.formula = v;
        cell.value = "";
      } else if (typeof v === "string" && cell.numberFormat !== "@" && v.startsWith("'")) cell.value = v.slice(1);
      else cell.value = v as string | number | boolean;
    });
  }
  set Formula(input: unknown) {
    this.Value2 = input;
  }
  get NumberFormat(): string | null {
    this.touch();
    return uniform([...this.keys()].map((k) => this.sheet.cells.get(k)?.numberFormat ?? "General"));
  }
  set NumberFormat(format: string | null) {
    this.put(format, (cell, v) => (cell.numberFormat = String(v)));
  }
  get Interior(): Record<keyof FakeInterior, number | null> {
    this.touch();
    const read = (p: keyof FakeInterior) => uniform([...this.keys()].map((k) => (this.sheet.cells.get(k)?.interior ?? NO_INTERIOR)[p]));
    const set = (apply: (i: FakeInterior) => void) => this.put(null, (cell) => apply(cell.interior));
    return {
      get Color() {
        return read("Color");
      },
      set Color(v: number | null) {
        set((i) => {
          i.Color = v!;
          i.TintAndShade = 0;
          if (i.Pattern === XL_PATTERN_NONE) i.Pattern = XL_PATTERN_SOLID;
        });
      },
      get Pattern() {
        return read("Pattern");
      },
      set Pattern(v: number | null) {
        set((i) => (v === XL_PATTERN_NONE ? Object.assign(i, NO_INTERIOR) : (i.Pattern = v!)));
      },
      get PatternColor() {
        return read("PatternColor");
      },
      set PatternColor(v: number | null) {
        set((i) => (i.PatternColor = v!));
      },
      get TintAndShade() {
        return read("TintAndShade");
      },
      set TintAndShade(v: number | null) {
        set((i) => (i.TintAndShade = v!));
      },
    };
  }
  get Font(): { Bold: boolean } {
    this.touch();
    const range = this;
    return {
      get Bold() {
        return false;
      },
      set Bold(v: boolean) {
        range.put(null, (cell) => (cell.bold = v));
      },
    };
  }
  private mergeOf(row: number, col: number): Area | undefined {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  get MergeCells(): boolean | null {
    this.touch();
    const merged = [...this.keys()].map((k) => this.mergeOf(rowOf(k), colOf(k)) !== undefined);
    return merged.every(Boolean) ? true : merged.some(Boolean) ? null : false;
  }
  get MergeArea(): RangeModel {
    this.touch();
    if (!this.single) throw new Error("MergeArea 只能用于单个单元格");
    return new RangeModel(this.wb, this.sheet, this.mergeOf(this.a.top, this.a.left) ?? this.a);
  }
  set ColumnWidth(width: number) {
    this.writable();
    for (let c = this.a.left; c <= this.a.right; c++) this.sheet.columnWidths.set(colLetters(c), width);
  }
  get Validation(): { Add: (type: number, alert: number, operator: number, formula1: string) => void } {
    this.touch();
    return {
      Add: (type, _alert, _operator, formula1) => {
        this.writable();
        this.sheet.validations.set(`${cellRef(this.a.top, this.a.left)}:${cellRef(this.a.bottom, this.a.right)}`, { type, formula1 });
      },
    };
  }
  AddComment(text: string): CommentModel {
    this.writable();
    if (!this.single) throw new Error("只能在单个单元格上添加批注");
    const at = cellRef(this.a.top, this.a.left);
    if (this.sheet.comments.has(at)) throw new Error(`单元格 ${at} 已有批注`);
    this.sheet.comments.set(at, text ?? "");
    return new CommentModel(this.wb, this.sheet, at);
  }
  Clear(): void {
    this.writable();
    for (const k of [...this.keys()]) this.sheet.cells.delete(k);
  }
}

class CommentModel {
  constructor(
    private readonly wb: Wb,
    private readonly sheet: FakeEtSheet,
    private readonly at: string,
  ) {}
  get Parent(): RangeModel {
    this.wb.calls += 1;
    const { row, col } = parseCell(this.at);
    return new RangeModel(this.wb, this.sheet, { top: row, left: col, bottom: row, right: col });
  }
  Text(text?: string): string {
    this.wb.calls += 1;
    if (text !== undefined) {
      if (this.sheet.protectContents) throw new Error(`工作表“${this.sheet.name}”受保护`);
      this.sheet.comments.set(this.at, text);
    }
    return this.sheet.comments.get(this.at) ?? "";
  }
  Delete(): void {
    this.wb.calls += 1;
    if (this.sheet.protectContents) throw new Error(`工作表“${this.sheet.name}”受保护`);
    this.sheet.comments.delete(this.at);
  }
}

class SheetModel {
  constructor(
    private readonly wb: Wb,
    readonly state: FakeEtSheet,
  ) {}
  get Name(): string {
    this.wb.calls += 1;
    return this.state.name;
  }
  set Name(name: string) {
    this.wb.calls += 1;
    if (this.wb.protectStructure) throw new Error("工作簿结构受保护，不能重命名工作表");
    if (this.wb.sheets.some((s) => s !== this.state && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`工作表名称“${name}”已被占用`);
    if (this.wb.active === this.state.name) this.wb.active = name;
    this.state.name = name;
  }
  get Visible(): number {
    this.wb.calls += 1;
    return this.state.visible;
  }
  set Visible(v: number) {
    this.wb.calls += 1;
    if (this.wb.protectStructure) throw new Error("工作簿结构受保护");
    this.state.visible = v;
  }
  get ProtectContents(): boolean {
    this.wb.calls += 1;
    return this.state.protectContents;
  }
  get UsedRange(): RangeModel {
    this.wb.calls += 1;
    let a: Area | null = null;
    for (const k of this.state.cells.keys()) {
      const r = rowOf(k);
      const c = colOf(k);
      a = a ? { top: Math.min(a.top, r), left: Math.min(a.left, c), bottom: Math.max(a.bottom, r), right: Math.max(a.right, c) } : { top: r, left: c, bottom: r, right: c };
    }
    return new RangeModel(this.wb, this.state, a ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  Range(address: string): RangeModel {
    this.wb.calls += 1;
    return new RangeModel(this.wb, this.state, parseArea(address));
  }
  get Comments(): { Count: number; Item: (i: number) => CommentModel } {
    this.wb.calls += 1;
    const at = [...this.state.comments.keys()];
    return {
      Count: at.length,
      Item: (i: number) => {
        this.wb.calls += 1;
        if (i < 1 || i > at.length) throw new Error(`批注序号 ${i} 超出范围`);
        return new CommentModel(this.wb, this.state, at[i - 1]);
      },
    };
  }
  Activate(): void {
    this.wb.calls += 1;
    this.wb.active = this.state.name;
  }
  Delete(): void {
    this.wb.calls += 1;
    if (this.wb.protectStructure) throw new Error("工作簿结构受保护，不能删除工作表");
    if (this.wb.displayAlerts) this.wb.prompts += 1;
    this.wb.sheets = this.wb.sheets.filter((s) => s !== this.state);
    if (this.wb.active === this.state.name) this.wb.active = this.wb.sheets[0]?.name ?? "";
  }
}

class WorkbookModel {
  constructor(private readonly wb: Wb) {}
  get Name(): string {
    this.wb.calls += 1;
    return this.wb.name;
  }
  get ProtectStructure(): boolean {
    this.wb.calls += 1;
    return this.wb.protectStructure;
  }
  get Worksheets() {
    this.wb.calls += 1;
    const wb = this.wb;
    return {
      get Count() {
        wb.calls += 1;
        return wb.sheets.length;
      },
      Item(index: number | string): SheetModel {
        wb.calls += 1;
        const s = typeof index === "number" ? wb.sheets[index - 1] : wb.sheets.find((x) => x.name.toLowerCase() === index.toLowerCase());
        if (!s) throw new Error(`下标越界：${index}`);
        return new SheetModel(wb, s);
      },
      Add(before?: SheetModel, after?: SheetModel): SheetModel {
        wb.calls += 1;
        if (wb.protectStructure) throw new Error("工作簿结构受保护，不能添加工作表");
        let n = wb.sheets.length + 1;
        while (wb.sheets.some((s) => s.name === `Sheet${n}`)) n++;
        const at = after ? wb.sheets.indexOf(after.state) : before ? wb.sheets.indexOf(before.state) - 1 : wb.active ? wb.sheets.findIndex((s) => s.name === wb.active) - 1 : -1;
        const sheet = wb.addSheet(`Sheet${n}`, at);
        wb.active = sheet.name;
        return new SheetModel(wb, sheet);
      },
    };
  }
}

/**
 * The workbook as WPS would open it again after saving and closing: what the
 * file keeps – the sheets with their visibility, cells, comments and layout,
 * the active sheet, the protection – and nothing of the session (the add-in's
 * PluginStorage, task panes, counted calls).
 */
export function reopened(wb: FakeEtWorkbook): FakeEtWorkbook {
  const copy = new FakeEtWorkbook();
  copy.name = wb.name;
  copy.sheets = structuredClone(wb.sheets);
  copy.active = wb.active;
  copy.protectStructure = wb.protectStructure;
  return copy;
}

/** window.Application of a WPS 表格 with this workbook open (or none). */
export function fakeApplication(wb: FakeEtWorkbook | null) {
  const count = () => wb && (wb.calls += 1);
  const listeners: [string, (...args: unknown[]) => void][] = [];
  return {
    /** Application.ApiEvent: listeners are called with the event's arguments, as WPS documents them. */
    ApiEvent: {
      AddApiEventListener: (event: string, listener: (...args: unknown[]) => void) => void listeners.push([event, listener]),
    },
    /** Test only, not WPS: what WPS does when the event happens. */
    raise(event: string, ...args: unknown[]) {
      for (const [name, listener] of listeners) if (name === event) listener(...args);
    },
    get ActiveWorkbook() {
      count();
      return wb ? new WorkbookModel(wb) : null;
    },
    get ActiveSheet() {
      count();
      const s = wb?.sheets.find((x) => x.name === wb.active);
      return wb && s ? new SheetModel(wb, s) : null;
    },
    get DisplayAlerts() {
      return wb?.displayAlerts ?? true;
    },
    set DisplayAlerts(v: boolean) {
      if (wb) wb.displayAlerts = v;
    },
    get ActiveWindow() {
      count();
      const state = wb!;
      return {
        get SplitRow() {
          return state.window.SplitRow;
        },
        set SplitRow(v: number) {
          state.window.SplitRow = v;
        },
        get SplitColumn() {
          return state.window.SplitColumn;
        },
        set SplitColumn(v: number) {
          state.window.SplitColumn = v;
        },
        set FreezePanes(v: boolean) {
          state.sheet(state.active).frozenRows = v ? state.window.SplitRow : 0;
        },
        get FreezePanes() {
          return state.sheet(state.active).frozenRows > 0;
        },
      };
    },
    PluginStorage: {
      getItem: (k: string) => wb?.storage.get(k) ?? null,
      setItem: (k: string, v: unknown) => wb?.storage.set(k, v),
    },
    CreateTaskPane(url: string) {
      const pane = { ID: (wb?.panes.length ?? 0) + 1, url, Visible: false };
      wb?.panes.push(pane);
      return pane;
    },
    GetTaskPane(id: unknown) {
      return wb?.panes.find((p) => p.ID === id) ?? null;
    },
  };
}

export function installFakeEt(wb: FakeEtWorkbook | null, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  target.Application = fakeApplication(wb);
}
