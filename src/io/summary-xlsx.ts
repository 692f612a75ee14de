/**
 * The summary model (src/core/merge) as an .xlsx, written directly as
 * SpreadsheetML, rows laid out in chunks; zipped natively in Node (summary-zip.ts)
 * or with fflate in the browser: a college of 100 branches is written in a
 * fraction of the time exceljs took. Frozen header row, autofilter, ID numbers as text (@), amounts
 * with two decimals, dates as dates, widths to read by; conditional formats
 * (data bars, colour scales, status fills); A4 landscape, one page wide, the
 * header repeated, a footer with sheet, page and as-of date. A sheet the model
 * marks as a form (the assessment's 考核 and 评分表, in the summary or a workbook
 * of their own) is wrapped in the widths its columns ask for, rows as tall as
 * their text, the empty cells to fill in shaded. Every value is written as a
 * value – never a formula, whatever the text. Browser-safe.
 */
import { zipSync, type Zippable } from "fflate";
import { toExcelSerial } from "../core/dates";
import { columnLetter } from "../core/table";
import { displayWidth } from "../core/text";
import {
  LOOK_COLOR,
  SET_WIDTH,
  VERDICT_FILL,
  VERDICT_LABEL,
  VERDICTS,
  type ColumnKind,
  type ColumnLook,
  type SummaryModel,
  type SummarySheet,
  type SummaryValue,
} from "../core/merge";
import { footerText } from "./summary-print";

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Rows laid out into one string at a time: long strings are slow to grow, many small ones slow to join. */
const CHUNK_ROWS = 2000;

/** Points per line of wrapped text: the default row height of 11-point text. Readers do not grow a row for wrapped text themselves. */
const LINE_HEIGHT = 15;

/** Number formats: built-in ids where Excel has one, 164 for the date. */
const NUM_FMT: Readonly<Record<ColumnKind, number>> = { text: 49, id: 49, phone: 49, date: 164, amount: 2, number: 0, integer: 1, rate: 10 };
const KINDS = Object.keys(NUM_FMT) as ColumnKind[];

const WRAP = '<alignment vertical="top" wrapText="1"/>';
/**
 * How a cell looks besides its number format: bold for headers and total rows;
 * in a form, wrapped, the empty cells to fill in shaded, the header centred.
 * Font 1 is bold, fill 2 the shading.
 */
const LOOKS = {
  plain: { font: 0, fill: 0, alignment: "" },
  bold: { font: 1, fill: 0, alignment: "" },
  wrap: { font: 0, fill: 0, alignment: WRAP },
  toFill: { font: 0, fill: 2, alignment: WRAP },
  heading: { font: 1, fill: 0, alignment: '<alignment horizontal="center" vertical="center" wrapText="1"/>' },
} as const;
type Look = keyof typeof LOOKS;
const LOOK_NAMES = Object.keys(LOOKS) as Look[];
/** Style index of a kind in a look (0 is the default style). */
const styleOf = (kind: ColumnKind, look: Look): number => 1 + KINDS.indexOf(kind) * LOOK_NAMES.length + LOOK_NAMES.indexOf(look);

const utf8 = new TextEncoder();
const strToU8 = (text: string): Uint8Array => utf8.encode(text);

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const NEEDS_ESCAPE = /[&<>"_\u0000-\u001f\ufffe\uffff]/;

/**
 * Text as XML character data. Characters XML cannot carry (controls) are written
 * the way Excel does, _xHHHH_; a literal `_x…_` in the text is escaped so that
 * it is not read as one.
 */
export function xmlText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function cellXml(ref: string, value: SummaryValue, kind: ColumnKind, style: number): string {
  if (value === null || value === undefined) return "";
  if (kind === "date" && typeof value === "string" && ISO_DATE.test(value)) return `<c r="${ref}" s="${style}"><v>${toExcelSerial(value)}</v></c>`;
  if (typeof value === "number" && kind !== "text" && kind !== "id" && kind !== "phone") return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
}

/** How the rows of a sheet are written, worked out once for all of them. */
interface RowLayout {
  kinds: readonly ColumnKind[];
  letters: readonly string[];
  widths: readonly number[];
  /** Style of an empty cell, by column: shaded where the reader fills it in; null writes no cell. */
  empty: readonly (number | null)[];
  /** Each row as tall as its wrapped text (a form). */
  fitHeights: boolean;
}

function rowXml(r: number, values: readonly SummaryValue[], layout: RowLayout, styles: readonly number[]): string {
  let cells = "";
  for (let c = 0; c < values.length; c++) {
    if (values[c] !== null) cells += cellXml(layout.letters[c] + r, values[c], layout.kinds[c], styles[c]);
    else if (layout.empty[c] !== null) cells += `<c r="${layout.letters[c]}${r}" s="${layout.empty[c]}"/>`;
  }
  const height = layout.fitHeights ? ` ht="${rowHeight(values, layout.widths)}" customHeight="1"` : "";
  return `<row r="${r}"${height}>${cells}</row>`;
}

/** The height of a row whose cells wrap: as many lines as its longest cell takes in its column. */
function rowHeight(values: readonly SummaryValue[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((v, c) => {
    if (v === null) return;
    const perLine = Math.max(1, widths[c] - 1);
    const n = String(v)
      .split("\n")
      .reduce((t, line) => t + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0);
    if (n > lines) lines = n;
  });
  return lines * LINE_HEIGHT;
}

function columnWidth(header: string, rows: readonly SummaryValue[][], index: number): number {
  let width = displayWidth(header);
  // A column repeats its texts (file and branch names, options): each is measured once.
  const seen = new Set<string>();
  for (const row of rows) {
    const v = row[index];
    if (v === null || v === undefined) continue;
    if (typeof v === "string") {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    const w = typeof v === "number" ? String(Math.round(v * 100) / 100).length + 1 : displayWidth(v);
    if (w > width) width = w;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
}

/** The conditional formats of a sheet, priorities counted across it. */
function conditionalXml(sheet: SummarySheet): string {
  const last = sheet.rows.length + 1 - (sheet.totalRow ? 1 : 0);
  if (last < 2) return "";
  let priority = 0;
  return (sheet.looks ?? [])
    .map((look: ColumnLook) => {
      const letter = columnLetter(look.column);
      const rules =
        look.look === "bar"
          ? `<cfRule type="dataBar" priority="${++priority}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${LOOK_COLOR.bar}"/></dataBar></cfRule>`
          : look.look === "alarm"
            ? `<cfRule type="colorScale" priority="${++priority}"><colorScale><cfvo type="num" val="0"/><cfvo type="max"/><color rgb="${LOOK_COLOR.alarmLow}"/><color rgb="${LOOK_COLOR.alarmHigh}"/></colorScale></cfRule>`
            : VERDICTS.map((v, i) => `<cfRule type="expression" dxfId="${i}" priority="${++priority}"><formula>${xmlText(`${letter}2="${VERDICT_LABEL[v]}"`)}</formula></cfRule>`).join("");
      return `<conditionalFormatting sqref="${letter}2:${letter}${last}">${rules}</conditionalFormatting>`;
    })
    .join("");
}

/** The header row frozen, and as many columns as the sheet asks for beside it. */
function paneXml(frozenColumns: number): string {
  const corner = `${columnLetter(frozenColumns)}2`;
  const pane = frozenColumns > 0 ? "bottomRight" : "bottomLeft";
  const xSplit = frozenColumns > 0 ? `xSplit="${frozenColumns}" ` : "";
  return `<pane ${xSplit}ySplit="1" topLeftCell="${corner}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${corner}" sqref="${corner}"/>`;
}

/** One worksheet, as its XML in chunks of rows. */
function sheetXml(sheet: SummarySheet, asOf: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const form = sheet.form;
  const kinds = sheet.columns.map((c) => c.kind);
  const regular = kinds.map((k) => styleOf(k, form ? "wrap" : "plain"));
  const bold = kinds.map((k) => styleOf(k, "bold"));
  const letters = sheet.columns.map((_, i) => columnLetter(i));
  const widths = sheet.columns.map((c, i) => (c.width ? SET_WIDTH[c.width] : columnWidth(c.header, sheet.rows, i)));
  const layout: RowLayout = { kinds, letters, widths, empty: sheet.columns.map((c) => (c.toFill ? styleOf(c.kind, "toFill") : null)), fitHeights: form !== undefined };
  const lastLetter = letters[letters.length - 1] ?? "A";
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const headers = sheet.columns.map((c) => c.header);
  const header = rowXml(1, headers, { ...layout, kinds: headers.map(() => "text") }, headers.map(() => styleOf("text", form ? "heading" : "bold")));
  chunks.push(
    strToU8(
      `${XML_HEAD}<worksheet ${MAIN_NS} ${REL_NS}><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${lastLetter}${sheet.rows.length + 1}"/>` +
        `<sheetViews><sheetView workbookViewId="0">${paneXml(form?.frozenColumns ?? 0)}</sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/><cols>${cols}</cols><sheetData>${header}`,
    ),
  );
  for (let start = 0; start < sheet.rows.length; start += CHUNK_ROWS) {
    let xml = "";
    const end = Math.min(sheet.rows.length, start + CHUNK_ROWS);
    for (let i = start; i < end; i++) xml += rowXml(i + 2, sheet.rows[i], layout, sheet.totalRow && i === sheet.rows.length - 1 ? bold : regular);
    chunks.push(strToU8(xml));
  }
  const filter = sheet.filter ? `<autoFilter ref="A1:${lastLetter}1"/>` : "";
  chunks.push(
    strToU8(
      `</sheetData>${filter}${conditionalXml(sheet)}<printOptions horizontalCentered="1"/>` +
        '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>' +
        `<pageSetup paperSize="9" orientation="landscape" fitToWidth="${form?.pagesWide ?? 1}" fitToHeight="0"/>` +
        `<headerFooter><oddFooter>${xmlText(footerText(`核对日期 ${asOf}`))}</oddFooter></headerFooter></worksheet>`,
    ),
  );
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function stylesXml(): string {
  const xfs = KINDS.flatMap((kind) =>
    LOOK_NAMES.map((name) => {
      const { font, fill, alignment } = LOOKS[name];
      const applied = `${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}`;
      const open = `<xf numFmtId="${NUM_FMT[kind]}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyNumberFormat="1"${applied}`;
      return alignment ? `${open} applyAlignment="1">${alignment}</xf>` : `${open}/>`;
    }),
  );
  const dxfs = VERDICTS.map((v) => `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${VERDICT_FILL[v]}"/></patternFill></fill></dxf>`);
  return (
    `${XML_HEAD}<styleSheet ${MAIN_NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${LOOK_COLOR.toFill}"/><bgColor indexed="64"/></patternFill></fill></fills>` +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs.join("")}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    `<dxfs count="${dxfs.length}">${dxfs.join("")}</dxfs></styleSheet>`
  );
}

/** A sheet name inside a formula reference: quoted, its apostrophes doubled. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(model: SummaryModel): string {
  const sheets = model.sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const titles = model.sheets.map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quotedSheet(s.name)}!$1:$1`)}</definedName>`).join("");
  return `${XML_HEAD}<workbook ${MAIN_NS} ${REL_NS}><bookViews><workbookView/></bookViews><sheets>${sheets}</sheets><definedNames>${titles}</definedNames></workbook>`;
}

function packageParts(model: SummaryModel): [string, string][] {
  const n = model.sheets.length;
  const sheetTypes = model.sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("");
  const sheetRels = model.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes}</Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    ["xl/workbook.xml", workbookXml(model)],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", stylesXml()],
  ];
}

/** The parts of the .xlsx, by their paths in the zip: to be zipped by fflate (summaryXlsx) or by Node's zlib (summary-zip.ts). */
export function summaryParts(model: SummaryModel): [string, Uint8Array][] {
  return [
    ...packageParts(model).map(([name, xml]): [string, Uint8Array] => [name, strToU8(xml)]),
    ...model.sheets.map((sheet, i): [string, Uint8Array] => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet, model.asOf)]),
  ];
}

/** The whole .xlsx in the browser: the task pane's downloads. */
export function summaryXlsx(model: SummaryModel): Uint8Array<ArrayBuffer> {
  const files: Zippable = Object.fromEntries(summaryParts(model));
  // Level 1: the XML still shrinks about tenfold, in a fraction of the time of the default.
  // fflate allocates a plain ArrayBuffer; its declaration only leaves room for a shared one.
  return zipSync(files, { level: 1 }) as Uint8Array<ArrayBuffer>;
}
