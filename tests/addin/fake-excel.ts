/**
 * A fake Excel host for tests – faithful where our adapter relies on Office.js
 * semantics: operations are queued and run in order at context.sync() (a
 * failing operation rejects the sync and leaves the ones before it applied, as
 * Excel does); a property read before load + sync throws PropertyNotLoaded;
 * Excel in cell-edit mode rejects every sync; a protected sheet refuses writes
 * with AccessDenied; getRanges refuses addresses over 8,192 characters; a note
 * cannot be added where one exists, nor a note where a threaded comment is
 * (or the reverse); conditional formats (ExcelApi 1.6) fail with ApiNotFound
 * on a host that lacks them. Every sync is counted and measured: each operation costs
 * what it would in Excel on the web's request and response (the costs of
 * src/addin/excel/batch.ts: 450 bytes an operation, 600 a fill read, the
 * UTF-8 JSON of every value, format, note and address sent or loaded), and a
 * batch over 5 MB is refused, as Excel on the web does: a request before it
 * runs (RequestPayloadSizeLimitExceeded), one with its response after
 * (ResponsePayloadSizeLimitExceeded). A text written into a General cell that
 * looks like a number becomes one (losing digits past 15, as Excel does).
 *
 * Imports only fake-grid.ts: tests/e2e bundles the two and runs the same
 * fake in the browser behind a fake office.js.
 */
import { areaRef, cellKey, cellRef, cellsOf, colOf, GridWorkbook, parseArea as gridArea, rowOf, type FakeTableInput, type GridArea } from "./fake-grid";

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat: string;
  fill: FakeFill;
  bold?: boolean;
  /** format.wrapText, format.horizontalAlignment and format.verticalAlignment (ExcelApi 1.1), when set. */
  wrap?: boolean;
  horizontal?: string;
  vertical?: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  /** Keyed by cellKey(row, col). */
  cells: Map<number, FakeCell>;
  notes: Map<string, string>;
  comments: Map<string, string>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  frozenRows: number;
  /** Columns frozen by freezePanes.freezeAt (ExcelApi 1.7). */
  frozenColumns: number;
  validations: Map<string, unknown>;
  /** format.columnWidth set on a range (ExcelApi 1.2), keyed by its address. */
  columnWidths: Map<string, number>;
  conditionalFormats: FakeConditionalFormat[];
}

/** A conditional format added to a range (ExcelApi 1.6): its type and each property set on it, by path ("dataBar.upperBoundRule"). */
export interface FakeConditionalFormat {
  address: string;
  type: string;
  settings: Record<string, unknown>;
}


export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: 0 };

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

type Area = GridArea;

export class FakeWorkbook extends GridWorkbook<FakeCell, FakeSheet> {
  protected = false;
  cellEditMode = false;
  syncs = 0;
  /** Operations run by the last sync. */
  lastBatchSize = 0;
  /** Bytes of the last sync's request and response, the most of any sync, and the sum of all. */
  lastBatchBytes = 0;
  maxBatchBytes = 0;
  totalBytes = 0;
  /**
   * Make one sync (numbered like `syncs`, from 1) fail at its operation `at`
   * (0-based) with this error code – the operations before it stay applied,
   * as in Excel when one operation of a batch fails.
   */
  failSync: { sync: number; at: number; code: string } | null = null;
  /** ExcelApi 1.6: false makes this an older Excel, where adding a conditional format fails with ApiNotFound. */
  conditionalFormatsSupported = true;

  static fromTables(tables: FakeTableInput[]): FakeWorkbook {
    return new FakeWorkbook().load(tables);
  }

  protected missing(message: string): Error {
    return new FakeExcelError("ItemNotFound", message);
  }

  protected newCell(value: string | number | boolean, numberFormat: string): FakeCell {
    return { value, numberFormat, fill: { ...NO_FILL } };
  }

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
    }
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      protected: false,
      cells: new Map(),
      notes: new Map(),
      comments: new Map(),
      merges: [],
      frozenRows: 0,
      frozenColumns: 0,
      validations: new Map(),
      columnWidths: new Map(),
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }
}

/** Excel on the web's limit and the per-operation costs (src/addin/excel/batch.ts gives their source). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const OPERATION_BYTES = 450;
export const FILL_READ_BYTES = 600;
const utf8 = new TextEncoder();
const jsonSize = (value: unknown): number => utf8.encode(JSON.stringify(value) ?? "").length;

// ---- addresses ----

const invalid = (message: string) => new FakeExcelError("InvalidArgument", message);
const parseArea = (address: string) => gridArea(address, invalid);
const key = cellKey;
const sheetRef = (name: string) => (/^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);


// ---- the request context and its queue ----

type Op = () => unknown;
/** An operation: what its request costs, and what it runs (a load returns its response's size). */
interface Queued {
  run: Op;
  bytes: number;
  load: boolean;
}

class Context {
  readonly queue: Queued[] = [];
  readonly workbook: WorkbookProxy;
  syncs = 0;
  constructor(readonly state: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    this.syncs += 1;
    this.state.syncs += 1;
    const ops = this.queue.splice(0);
    this.state.lastBatchSize = ops.length;
    const request = ops.reduce((n, o) => n + o.bytes, 0);
    this.state.lastBatchBytes = request;
    if (this.state.cellEditMode) {
      throw new FakeExcelError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    const failure = this.state.failSync?.sync === this.state.syncs ? this.state.failSync : null;
    if (request > PAYLOAD_LIMIT) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${request} bytes) has exceeded the limit.`);
    let response = 0;
    ops.forEach((op, i) => {
      if (failure && i === failure.at) throw new FakeExcelError(failure.code, `Operation ${i} of sync ${failure.sync} failed.`);
      const out = op.run();
      if (op.load) response += out as number;
    });
    this.state.lastBatchBytes = request + response;
    this.state.maxBatchBytes = Math.max(this.state.maxBatchBytes, this.state.lastBatchBytes);
    this.state.totalBytes += this.state.lastBatchBytes;
    if (request + response > PAYLOAD_LIMIT) throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The request and response (${request + response} bytes) have exceeded the limit.`);
  }
  /** Queue an operation whose request carries `extra` bytes of data beyond the operation itself. */
  push(run: Op, extra = 0, load = false): void {
    this.queue.push({ run, bytes: OPERATION_BYTES + extra, load });
  }
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: Context) {}
  /** Queue a load of comma-separated properties or paths ("items/name", "protection/protected"). */
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.context.push(() => this.snapshot(list), 0, true);
    return this;
  }
  /** Load these paths; the size of the response. */
  snapshot(paths: string[]): number {
    let bytes = 0;
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length > 0) bytes += this.child(head).snapshot([rest.join("/")]);
      else {
        const value = this.read(head);
        this.loaded.set(head, value);
        bytes += jsonSize(value);
      }
    }
    return bytes;
  }
  protected child(name: string): Proxy {
    throw new FakeExcelError("InvalidArgument", `No navigation property ${name}`);
  }
  protected abstract read(name: string): unknown;
  protected get(name: string): unknown {
    if (!this.loaded.has(name)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name);
  }
  protected queue(op: Op, extra = 0): void {
    this.context.push(op, extra);
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollection;
  readonly protection: ValueProxy;
  constructor(context: Context) {
    super(context);
    this.worksheets = new WorksheetCollection(context);
    this.protection = new ValueProxy(context, { protected: () => context.state.protected });
  }
  get name() {
    return this.get("name") as string;
  }
  protected override read(name: string) {
    if (name === "name") return this.context.state.name;
    throw new FakeExcelError("InvalidArgument", name);
  }
  protected override child(name: string): Proxy {
    if (name === "protection") return this.protection;
    return super.child(name);
  }
}

/** A proxy over a few read-only values. */
class ValueProxy extends Proxy {
  constructor(
    context: Context,
    private readonly readers: Record<string, () => unknown>,
  ) {
    super(context);
    for (const k of Object.keys(readers)) Object.defineProperty(this, k, { get: () => this.get(k) });
  }
  override snapshot(paths: string[]): number {
    return super.snapshot(this.readers.isNullObject ? ["isNullObject", ...paths] : paths);
  }
  protected override read(name: string) {
    const r = this.readers[name];
    if (!r) throw new FakeExcelError("InvalidArgument", name);
    return r();
  }
}

class WorksheetCollection extends Proxy {
  get items(): Worksheet[] {
    return this.get("items") as Worksheet[];
  }
  override snapshot(paths: string[]): number {
    const items = this.context.state.sheets.map((s) => new Worksheet(this.context, () => this.context.state.sheet(s.name)));
    this.loaded.set("items", items);
    const sub = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((n, item) => n + item.snapshot(sub.length > 0 ? sub : ["name"]), 0);
  }
  protected override read(): unknown {
    return undefined;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.state.sheet(name));
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.state.sheet(this.context.state.active));
  }
  add(name: string): Worksheet {
    let created: FakeSheet | null = null;
    this.queue(() => {
      if (this.context.state.protected) throw new FakeExcelError("AccessDenied", "The workbook is protected.");
      created = this.context.state.addSheet(name);
    });
    return new Worksheet(this.context, () => {
      if (!created) throw new FakeExcelError("ItemNotFound", name);
      return created;
    });
  }
}

function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  return sheet;
}

class Worksheet extends Proxy {
  readonly protection: ValueProxy;
  readonly notes: AnnotationCollection;
  readonly comments: AnnotationCollection;
  readonly freezePanes: { freezeRows: (n: number) => void; freezeAt: (range: string) => void };
  readonly autoFilter: { apply: (range: Range) => void };
  constructor(
    context: Context,
    readonly resolve: () => FakeSheet,
  ) {
    super(context);
    this.protection = new ValueProxy(context, { protected: () => resolve().protected });
    this.notes = new AnnotationCollection(context, this, "notes");
    this.comments = new AnnotationCollection(context, this, "comments");
    this.freezePanes = {
      freezeRows: (n) => this.queue(() => (this.resolve().frozenRows = n)),
      // The cells of the range stay in view: the rows down to its bottom, the columns up to its right.
      freezeAt: (range) =>
        this.queue(() => {
          const a = parseArea(range);
          Object.assign(this.resolve(), { frozenRows: a.bottom + 1, frozenColumns: a.right + 1 });
        }),
    };
    this.autoFilter = { apply: () => this.queue(() => undefined) };
  }
  get name() {
    return this.get("name") as string;
  }
  get visibility() {
    return this.get("visibility") as string;
  }
  set visibility(v: string) {
    this.queue(() => (this.resolve().visibility = v as FakeSheet["visibility"]));
  }
  protected override read(name: string) {
    const s = this.resolve();
    if (name === "name") return s.name;
    if (name === "visibility") return s.visibility;
    throw new FakeExcelError("InvalidArgument", name);
  }
  protected override child(name: string): Proxy {
    if (name === "protection") return this.protection;
    return super.child(name);
  }
  getRange(address?: string): Range {
    return new Range(this.context, this, () => (address ? parseArea(address) : { top: 0, left: 0, bottom: 1_048_575, right: 16_383 }));
  }
  getRanges(addresses: string): RangeAreas {
    if (addresses.length > 8192) throw new FakeExcelError("InvalidArgument", "The address is longer than 8192 characters.");
    return new RangeAreas(this.context, this, addresses.split(",").map((a) => this.getRange(a)), addresses);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    let cached: { sync: number; area: Area } | null = null;
    return new Range(this.context, this, () => {
      // Excel evaluates the used range when the batch runs; one evaluation per sync.
      if (!cached || cached.sync !== this.context.syncs) cached = { sync: this.context.syncs, area: usedArea(this.resolve(), valuesOnly === true) };
      return cached.area;
    });
  }
  delete(): void {
    this.queue(() => {
      const state = this.context.state;
      if (state.protected) throw new FakeExcelError("AccessDenied", "The workbook is protected.");
      const s = this.resolve();
      state.sheets = state.sheets.filter((x) => x !== s);
      if (state.active === s.name) state.active = state.sheets[0]?.name ?? "";
    });
  }
  activate(): void {
    this.queue(() => (this.context.state.active = this.resolve().name));
  }
}

function usedArea(sheet: FakeSheet, valuesOnly: boolean): Area {
  let area: Area | null = null;
  for (const [k, c] of sheet.cells) {
    const formatted = c.numberFormat !== "General" || c.fill.pattern !== "None" || c.bold;
    if (c.value === "" && !c.formula && (valuesOnly || !formatted)) continue;
    const row = rowOf(k);
    const col = colOf(k);
    area = area
      ? { top: Math.min(area.top, row), left: Math.min(area.left, col), bottom: Math.max(area.bottom, row), right: Math.max(area.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return area ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

function cellAt(sheet: FakeSheet, row: number, col: number, create: boolean): FakeCell | undefined {
  const k = key(row, col);
  let c = sheet.cells.get(k);
  if (!c && create) {
    c = { value: "", numberFormat: "General", fill: { ...NO_FILL } };
    sheet.cells.set(k, c);
  }
  return c;
}

/** What Excel shows for a formula we can "evaluate": HYPERLINK's label. */
function formulaValue(formula: string): string {
  const m = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : formula;
}

function enter(cell: FakeCell, input: unknown): void {
  if (typeof input === "string" && input.startsWith("=") && cell.numberFormat !== "@") {
    cell.formula = input;
    cell.value = formulaValue(input);
    return;
  }
  delete cell.formula;
  if (typeof input === "string" && input.startsWith("'")) cell.value = input.slice(1);
  else if (typeof input === "string" && cell.numberFormat !== "@" && /^-?\d+(\.\d+)?$/.test(input)) cell.value = Number(input);
  else cell.value = input as FakeCell["value"];
}

class Range extends Proxy {
  readonly format: RangeFormat;
  readonly dataValidation: { rule: unknown };
  readonly conditionalFormats: { add: (type: string) => ConditionalFormat };
  constructor(
    context: Context,
    readonly sheet: Worksheet,
    readonly area: () => Area,
  ) {
    super(context);
    this.format = new RangeFormat(context, this);
    this.conditionalFormats = { add: (type) => new ConditionalFormat(context, this, type) };
    const range = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        range.write((s, a) => s.validations.set(areaRef(a), rule));
      },
      get rule() {
        return undefined;
      },
    };
  }
  /** Queue a write to this range's sheet (refused on a protected sheet). */
  write(fn: (sheet: FakeSheet, area: Area) => void, extra = 0): void {
    this.queue(() => fn(writable(this.sheet.resolve()), this.area()), extra);
  }
  protected override read(name: string): unknown {
    const sheet = this.sheet.resolve();
    const a = this.area();
    const grid = (f: (c: FakeCell | undefined) => unknown) => {
      const rows: unknown[][] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row: unknown[] = [];
        for (let c = a.left; c <= a.right; c++) row.push(f(sheet.cells.get(key(r, c))));
        rows.push(row);
      }
      return rows;
    };
    switch (name) {
      case "address":
        return `${sheetRef(sheet.name)}!${areaRef(a)}`;
      case "rowCount":
        return a.bottom - a.top + 1;
      case "columnCount":
        return a.right - a.left + 1;
      case "values":
        return grid((c) => c?.value ?? "");
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "formulas":
        return grid((c) => c?.formula ?? c?.value ?? "");
      default:
        throw new FakeExcelError("InvalidArgument", name);
    }
  }
  get address() {
    return this.get("address") as string;
  }
  get rowCount() {
    return this.get("rowCount") as number;
  }
  get columnCount() {
    return this.get("columnCount") as number;
  }
  get values() {
    return this.get("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.setGrid(v, enter);
  }
  get formulas() {
    return this.get("formulas") as unknown[][];
  }
  set formulas(v: unknown[][]) {
    this.setGrid(v, enter);
  }
  get numberFormat() {
    return this.get("numberFormat") as string[][];
  }
  set numberFormat(v: string[][]) {
    this.setGrid(v, (cell, f) => (cell.numberFormat = String(f)));
  }
  private setGrid(grid: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.write((sheet, a) => {
      if (grid.length !== a.bottom - a.top + 1 || grid.some((row) => row.length !== a.right - a.left + 1)) {
        throw new FakeExcelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      cellsOf(a, (r, c) => apply(cellAt(sheet, r, c, true)!, grid[r - a.top][c - a.left]));
    }, jsonSize(grid));
  }
  clear(): void {
    this.write((sheet, a) => {
      for (const k of [...sheet.cells.keys()]) {
        const r = rowOf(k);
        const c = colOf(k);
        if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right) sheet.cells.delete(k);
      }
    });
  }
  select(): void {
    this.queue(() => (this.context.state.active = this.sheet.resolve().name));
  }
  getMergedAreasOrNullObject(): ValueProxy {
    return new ValueProxy(this.context, {
      isNullObject: () => this.mergesInside().length === 0,
      address: () => this.mergesInside().map((m) => `${sheetRef(this.sheet.resolve().name)}!${areaRef(m)}`).join(","),
    });
  }
  private mergesInside(): Area[] {
    const a = this.area();
    return this.sheet.resolve().merges.filter((m) => m.top >= a.top && m.bottom <= a.bottom && m.left >= a.left && m.right <= a.right);
  }
}

/** Many ranges as one object: each property set is one operation carrying every address. */
class RangeAreas {
  readonly format: { fill: { color: string; pattern: string; patternColor: string; tintAndShade: number; clear: () => void } };
  constructor(
    readonly context: Context,
    readonly sheet: Worksheet,
    readonly ranges: Range[],
    addresses: string,
  ) {
    const each = (change: (sheet: FakeSheet, a: Area) => void) =>
      context.push(() => ranges.forEach((r) => change(writable(sheet.resolve()), r.area())), addresses.length);
    const fill = { clear: () => each(clearFill) } as RangeAreas["format"]["fill"];
    for (const prop of ["color", "pattern", "patternColor", "tintAndShade"] as const) {
      Object.defineProperty(fill, prop, {
        set: (v: never) => each(fillChange(prop, v)),
        get: () => {
          throw new FakeExcelError("PropertyNotLoaded", prop);
        },
      });
    }
    this.format = { fill };
  }
}

/** A conditional format being added: the add, then each property set, one operation each. */
class ConditionalFormat {
  readonly dataBar: Record<string, unknown>;
  readonly colorScale: Record<string, unknown>;
  constructor(context: Context, range: Range, type: string) {
    let created: FakeConditionalFormat | null = null;
    range.write((sheet, a) => {
      if (!context.state.conditionalFormatsSupported) throw new FakeExcelError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.");
      created = { address: areaRef(a), type, settings: {} };
      sheet.conditionalFormats.push(created);
    }, jsonSize(type));
    const settable = (path: string, props: string[]): Record<string, unknown> => {
      const target: Record<string, unknown> = {};
      for (const prop of props) {
        Object.defineProperty(target, prop, {
          set: (v: unknown) =>
            context.push(() => {
              if (!created) throw new FakeExcelError("ItemNotFound", "The conditional format was not added.");
              created.settings[`${path}.${prop}`] = v;
            }, jsonSize(v)),
          get: () => {
            throw new FakeExcelError("PropertyNotLoaded", prop);
          },
        });
      }
      return target;
    };
    this.dataBar = Object.assign(settable("dataBar", ["lowerBoundRule", "upperBoundRule"]), { positiveFormat: settable("dataBar.positiveFormat", ["fillColor"]) });
    this.colorScale = settable("colorScale", ["criteria"]);
  }
}

class RangeFormat {
  readonly fill: RangeFill;
  readonly font: { bold: boolean };
  constructor(
    readonly context: Context,
    readonly range: Range,
  ) {
    this.fill = new RangeFill(context, range);
    this.font = {
      set bold(v: boolean) {
        range.write((s, a) => cellsOf(a, (r, c) => (cellAt(s, r, c, true)!.bold = v)));
      },
      get bold() {
        throw new FakeExcelError("PropertyNotLoaded", "bold");
      },
    };
  }
  set columnWidth(width: number) {
    this.range.write((s, a) => s.columnWidths.set(areaRef(a), width));
  }
  set wrapText(v: boolean) {
    this.range.write((s, a) => cellsOf(a, (r, c) => (cellAt(s, r, c, true)!.wrap = v)));
  }
  set horizontalAlignment(v: string) {
    this.range.write((s, a) => cellsOf(a, (r, c) => (cellAt(s, r, c, true)!.horizontal = v)));
  }
  set verticalAlignment(v: string) {
    this.range.write((s, a) => cellsOf(a, (r, c) => (cellAt(s, r, c, true)!.vertical = v)));
  }
  autofitColumns(): void {
    this.range.write(() => undefined);
  }
  autofitRows(): void {
    this.range.write(() => undefined);
  }
}

class RangeFill extends Proxy {
  constructor(
    context: Context,
    readonly range: Range,
  ) {
    super(context);
  }
  protected override read(name: string): unknown {
    const sheet = this.range.sheet.resolve();
    const values = new Set<unknown>();
    cellsOf(this.range.area(), (r, c) => values.add((sheet.cells.get(key(r, c))?.fill ?? NO_FILL)[name as keyof FakeFill]));
    return values.size === 1 ? [...values][0] : null;
  }
  override snapshot(paths: string[]): number {
    super.snapshot(paths);
    const a = this.range.area();
    return FILL_READ_BYTES * (a.bottom - a.top + 1) * (a.right - a.left + 1) - OPERATION_BYTES; // 600 a cell, request included
  }
  private set(prop: keyof FakeFill, v: unknown): void {
    this.range.write(fillChange(prop, v));
  }
  get color() {
    return this.get("color") as string;
  }
  set color(v: string) {
    this.set("color", String(v).toUpperCase());
  }
  get pattern() {
    return this.get("pattern") as string;
  }
  set pattern(v: string) {
    this.set("pattern", v);
  }
  get patternColor() {
    return this.get("patternColor") as string;
  }
  set patternColor(v: string) {
    this.set("patternColor", v);
  }
  get tintAndShade() {
    return this.get("tintAndShade") as number;
  }
  set tintAndShade(v: number) {
    this.set("tintAndShade", v);
  }
  clear(): void {
    this.range.write(clearFill);
  }
}

function fillChange(prop: keyof FakeFill, v: unknown): (sheet: FakeSheet, a: Area) => void {
  return (sheet, a) =>
    cellsOf(a, (r, c) => {
      const cell = cellAt(sheet, r, c, true)!;
      cell.fill = { ...cell.fill, [prop]: prop === "color" ? String(v).toUpperCase() : v };
      if (prop === "color" && cell.fill.pattern === "None") cell.fill.pattern = "Solid";
    });
}

const clearFill = (sheet: FakeSheet, a: Area): void => cellsOf(a, (r, c) => (cellAt(sheet, r, c, true)!.fill = { ...NO_FILL }));

class AnnotationCollection extends Proxy {
  constructor(
    context: Context,
    readonly sheet: Worksheet,
    readonly kind: "notes" | "comments",
  ) {
    super(context);
  }
  private store(): Map<string, string> {
    return this.sheet.resolve()[this.kind];
  }
  get items(): Annotation[] {
    return this.get("items") as Annotation[];
  }
  override snapshot(paths: string[]): number {
    const items = [...this.store().keys()].map((cell) => new Annotation(this.context, this, () => cell));
    this.loaded.set("items", items);
    const sub = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((n, item) => n + item.snapshot(sub), 0);
  }
  getCount(): { value: number } {
    const result = { value: -1 };
    this.context.push(() => (result.value = this.store().size), 0, true);
    return result;
  }
  getItemAt(index: number): Annotation {
    return new Annotation(this.context, this, () => {
      const cell = [...this.store().keys()][index];
      if (cell === undefined) throw new FakeExcelError("ItemNotFound", `No item at ${index}.`);
      return cell;
    });
  }
  protected override read(): unknown {
    return undefined;
  }
  add(cell: Range | string, content: string): Annotation {
    const at = () => {
      const a = typeof cell === "string" ? parseArea(cell) : cell.area();
      if (a.top !== a.bottom || a.left !== a.right) throw new FakeExcelError("InvalidArgument", "A note must be on one cell.");
      return cellRef(a.top, a.left);
    };
    this.queue(() => {
      const sheet = writable(this.sheet.resolve());
      const address = at();
      if (this.store().has(address)) throw new FakeExcelError("InvalidArgument", `The cell ${address} already has a ${this.kind === "notes" ? "note" : "comment"}.`);
      if ((this.kind === "notes" ? sheet.comments : sheet.notes).has(address)) {
        throw new FakeExcelError("InvalidArgument", `The cell ${address} already has a ${this.kind === "notes" ? "threaded comment" : "note"}.`);
      }
      this.store().set(address, content);
    }, jsonSize(content));
    return new Annotation(this.context, this, () => "");
  }
}

class Annotation extends Proxy {
  constructor(
    context: Context,
    readonly collection: AnnotationCollection,
    readonly at: () => string,
  ) {
    super(context);
  }
  private bound: string | undefined;
  /** The item's cell, fixed when first resolved (an item fetched by index stays that item, as in Office.js). */
  get cell(): string {
    return (this.bound ??= this.at());
  }
  private map(): Map<string, string> {
    return this.collection.sheet.resolve()[this.collection.kind];
  }
  protected override read(name: string): unknown {
    if (name === "content") return this.map().get(this.cell);
    throw new FakeExcelError("InvalidArgument", name);
  }
  get content() {
    return this.get("content") as string;
  }
  set content(v: string) {
    this.queue(() => {
      writable(this.collection.sheet.resolve());
      this.map().set(this.cell, v);
    }, jsonSize(v));
  }
  getLocation(): Range {
    return new Range(this.context, this.collection.sheet, () => parseArea(this.cell));
  }
  delete(): void {
    this.queue(() => {
      writable(this.collection.sheet.resolve());
      this.map().delete(this.cell);
    });
  }
}

/** Install `Excel` on the global object, running batches against this workbook. */
export function installFakeExcel(state: FakeWorkbook, target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
  target.Excel = {
    run: async <T>(batch: (context: Context) => Promise<T>): Promise<T> => {
      const context = new Context(state);
      const result = await batch(context);
      if (context.queue.length > 0) await context.sync();
      return result;
    },
  };
}
