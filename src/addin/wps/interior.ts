/**
 * Cell fills in WPS: Range.Interior (Color and PatternColor as BGR numbers,
 * Pattern as an XlPattern number, TintAndShade) ⇄ the add-in's Fill, whose
 * colours are "#RRGGBB" and patterns Office.js names – so a mark record
 * written in WPS restores the same fill in Excel, and the other way round.
 * Reads and writes go by column runs of cells, never cell by cell over a sheet.
 */
import { areaAddress, cellAddress, parseArea, runsOf, type Area } from "../shared/address";
import { groupByFill, isNoFill, type Fill } from "../shared/marks";
import type { EtInterior, EtWorksheet } from "./et";

/** XlPattern values and the Office.js FillPattern names of the same patterns. */
const PATTERNS: [number, string][] = [
  [-4142, "None"],
  [1, "Solid"],
  [-4125, "Gray50"],
  [-4126, "Gray75"],
  [-4124, "Gray25"],
  [-4128, "Horizontal"],
  [-4166, "Vertical"],
  [-4121, "Down"],
  [-4162, "Up"],
  [9, "Checker"],
  [10, "SemiGray75"],
  [11, "LightHorizontal"],
  [12, "LightVertical"],
  [13, "LightDown"],
  [14, "LightUp"],
  [15, "Grid"],
  [16, "CrissCross"],
  [17, "Gray16"],
  [18, "Gray8"],
  [4000, "LinearGradient"],
  [4001, "RectangularGradient"],
];
const PATTERN_NAME = new Map(PATTERNS);
const PATTERN_VALUE = new Map(PATTERNS.map(([v, n]) => [n, v]));
export const PATTERN_NONE = -4142;

const hex2 = (n: number) => n.toString(16).padStart(2, "0").toUpperCase();

/** BGR number (R + G·256 + B·65536) → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  return `#${hex2(bgr & 0xff)}${hex2((bgr >> 8) & 0xff)}${hex2((bgr >> 16) & 0xff)}`;
}

export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n >> 16) & 0xff) + (n & 0xff00) + ((n & 0xff) << 16);
}

/** The interior of a range as a Fill, or null when its cells differ. */
function fillOfInterior(i: EtInterior): Fill | null {
  const { Color, Pattern, PatternColor, TintAndShade } = i;
  if (Color == null || Pattern == null || PatternColor == null || TintAndShade == null) return null;
  return { color: bgrToHex(Color), pattern: PATTERN_NAME.get(Pattern) ?? String(Pattern), patternColor: bgrToHex(PatternColor), tintAndShade: TintAndShade };
}

/**
 * The fill of each cell: one read per column run where the run is uniform
 * (the usual case), halving a run whose cells differ.
 */
export function readFills(sheet: EtWorksheet, cells: readonly string[]): Map<string, Fill> {
  const out = new Map<string, Fill>();
  const visit = (a: Area): void => {
    const address = areaAddress(a);
    const fill = fillOfInterior(sheet.Range(address).Interior);
    if (fill) {
      for (let r = a.top; r <= a.bottom; r++) out.set(cellAddress(r, a.left), fill);
      return;
    }
    // Every read comes before the first write: failing here leaves the workbook as it was.
    if (a.top === a.bottom) throw new Error(`WPS 没有给出单元格 ${address} 的填充`);
    const mid = Math.floor((a.top + a.bottom) / 2);
    visit({ ...a, bottom: mid });
    visit({ ...a, top: mid + 1 });
  };
  runsOf(cells).forEach((run) => visit(parseArea(run)));
  return out;
}

function setInterior(i: EtInterior, to: Fill): void {
  if (isNoFill(to)) {
    i.Pattern = PATTERN_NONE;
    return;
  }
  i.Color = hexToBgr(to.color);
  if (to.pattern !== undefined) i.Pattern = PATTERN_VALUE.get(to.pattern) ?? Number(to.pattern);
  if (to.patternColor !== undefined) i.PatternColor = hexToBgr(to.patternColor);
  if (to.tintAndShade !== undefined && to.tintAndShade !== null) i.TintAndShade = to.tintAndShade;
}

/** Paint cells grouped by identical fill, one Range per column run. */
export function paint(sheet: EtWorksheet, cells: readonly { cell: string; fill: Fill }[]): void {
  for (const g of groupByFill(cells)) for (const run of runsOf(g.cells)) setInterior(sheet.Range(run).Interior, g.fill);
}
