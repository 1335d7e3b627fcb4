import { describe, expect, it } from 'vitest';
import { fittedLayout, flowingLayout, LINE_HEIGHT, MIN_PROJECTOR_FONT, overlaps, slotHeight, type Box, type HorizontalLayout } from './chart-layout';

const LONG = 'Something else entirely, which I would rather describe in my own words';
const options = [{ label: 'Talking it through' }, { label: LONG }, { label: 'A walk' }, { label: `${LONG}, or not at all` }];

// The label blocks as Chart.js draws them: each centred on its slot, one line height per line.
function labelBoxes(layout: HorizontalLayout): Box[] {
  return layout.lines.map((lines, index) => {
    const middle = (index + 0.5) * layout.slot;
    const half = (lines.length * layout.font * LINE_HEIGHT) / 2;
    return { top: middle - half, bottom: middle + half, left: 0, right: 100 };
  });
}

describe('flowingLayout', () => {
  it('wraps long labels on a phone and makes every slot tall enough that labels never touch', () => {
    const layout = flowingLayout(options, 330, 14);
    expect(layout.lines[1].length).toBeGreaterThan(2);
    expect(Math.max(...layout.lines.flat().map((line) => line.length))).toBeLessThanOrEqual(22);
    const boxes = labelBoxes(layout);
    for (let i = 1; i < boxes.length; i += 1) {
      expect(overlaps(boxes[i - 1], boxes[i])).toBe(false);
      expect(boxes[i].top - boxes[i - 1].bottom).toBeGreaterThanOrEqual(14 * 0.5);
    }
    // The chart grows to hold them: the old fixed 44 px per bar could not.
    expect(layout.height).toBeGreaterThan(options.length * 44 + 50);
  });

  it('keeps short labels on one line with the minimum bar slot', () => {
    const layout = flowingLayout([{ label: 'Yes' }, { label: 'No' }], 330, 14);
    expect(layout.lines).toEqual([['Yes'], ['No']]);
    expect(layout.slot).toBe(44);
  });

  it('keeps fixed line breaks as given', () => {
    expect(flowingLayout([{ label: '1 (Very hard)', lines: ['1', 'Very hard'] }], 330, 14).lines).toEqual([['1', 'Very hard']]);
  });
});

describe('fittedLayout', () => {
  it('uses the full font when the labels fit the height', () => {
    const layout = fittedLayout([{ label: 'Rest' }, { label: 'Talk' }], 1100, 500, 22);
    expect(layout.font).toBe(22);
    expect(layout.height).toBeLessThanOrEqual(500);
  });

  it('shrinks the font until every wrapped label fits its slot, never below the legible minimum', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ label: `${LONG} ${i}` }));
    const layout = fittedLayout(many, 1100, 420, 22);
    expect(layout.font).toBeLessThan(22);
    expect(layout.font).toBeGreaterThanOrEqual(MIN_PROJECTOR_FONT);
    expect(layout.height).toBeLessThanOrEqual(420);
    expect(layout.slot).toBeGreaterThanOrEqual(slotHeight(layout.lines, layout.font));
  });
});

describe('overlaps', () => {
  it('counts shared area, not touching edges', () => {
    const a = { top: 0, bottom: 10, left: 0, right: 10 };
    expect(overlaps(a, { top: 10, bottom: 20, left: 0, right: 10 })).toBe(false);
    expect(overlaps(a, { top: 9, bottom: 20, left: 5, right: 15 })).toBe(true);
  });
});
