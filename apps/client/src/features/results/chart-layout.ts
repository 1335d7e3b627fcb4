import { wrapLabel } from './result-format';
import type { ChartBar } from './chart-types';

// The geometry of a horizontal bar chart's axis labels, worked out before Chart.js draws it: how labels
// wrap, how tall each bar's slot must be so that wrapped labels never run into the next bar's, and on the
// projector the largest font that fits the height it is given. Pure, so the arithmetic is unit-tested.

// Chart.js draws tick labels with a line height of 1.2 × the font size, centred on the bar's slot.
export const LINE_HEIGHT = 1.2;
// The smallest font the projector may shrink to: still legible from the back of a room.
export const MIN_PROJECTOR_FONT = 14;
// A phone's bar slot is at least this tall: a bar thick enough to see with a number beside it.
const MIN_SLOT = 44;

// The share of the chart's width that the labels may take: more on a phone, where the chart is narrow,
// and on a crowded projector chart ('wide'), where fewer lines per label let more bars fit.
function labelShare(width: number, wide: boolean): number {
  if (wide) return 0.45;
  return width < 500 ? 0.42 : 0.3;
}

// Characters per label line, estimated from an average glyph of 0.6 em (wide, so that lines rather fall
// short of the space than run past it).
export function wrapWidth(chartWidth: number, font: number, large: boolean, wide = false): number {
  const most = wide ? 40 : large ? 28 : 22;
  return Math.max(8, Math.min(most, Math.floor((chartWidth * labelShare(chartWidth, wide)) / (font * 0.6))));
}

export function axisLines(
  bars: readonly Pick<ChartBar, 'label' | 'lines'>[],
  chartWidth: number,
  font: number,
  large: boolean,
  wide = false,
): string[][] {
  const width = wrapWidth(chartWidth, font, large, wide);
  return bars.map((bar) => bar.lines ?? wrapLabel(bar.label, width));
}

// The height of one bar's slot: the tallest label plus a gap of half a line, so that two neighbouring
// labels (each centred on its slot) stay apart.
export function slotHeight(lines: readonly string[][], font: number, minimum = 0): number {
  const tallest = Math.max(1, ...lines.map((label) => label.length));
  return Math.max(minimum, Math.ceil(tallest * font * LINE_HEIGHT + font * 0.6));
}

// The value axis below the bars: its numbers and its title.
export function valueAxisHeight(font: number): number {
  return Math.ceil(2 * font * LINE_HEIGHT + 24);
}

export type HorizontalLayout = { font: number; lines: string[][]; slot: number; height: number };

// A phone's or console's chart: the font is fixed, the chart grows as tall as its labels need.
export function flowingLayout(bars: readonly Pick<ChartBar, 'label' | 'lines'>[], chartWidth: number, font: number): HorizontalLayout {
  const lines = axisLines(bars, chartWidth, font, false);
  const slot = slotHeight(lines, font, MIN_SLOT);
  return { font, lines, slot, height: bars.length * slot + valueAxisHeight(font) };
}

// The projector's chart: the height is what the screen leaves; the font shrinks from `base` (not below
// MIN_PROJECTOR_FONT) until every slot holds its label, at each size trying the labels at their usual
// width first and then wider (fewer lines).
export function fittedLayout(
  bars: readonly Pick<ChartBar, 'label' | 'lines'>[],
  chartWidth: number,
  chartHeight: number,
  base: number,
): HorizontalLayout {
  let layout: HorizontalLayout | null = null;
  for (let font = base; font >= MIN_PROJECTOR_FONT; font -= 1) {
    for (const wide of [false, true]) {
      const lines = axisLines(bars, chartWidth, font, true, wide);
      const slot = slotHeight(lines, font);
      layout = { font, lines, slot, height: bars.length * slot + valueAxisHeight(font) };
      if (layout.height <= chartHeight) return layout;
    }
  }
  return layout ?? { font: base, lines: axisLines(bars, chartWidth, base, true), slot: 0, height: chartHeight };
}

export type Box = { top: number; bottom: number; left: number; right: number };

// Whether two boxes share any area (touching edges do not count).
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
