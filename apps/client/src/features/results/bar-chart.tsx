import { BarController, BarElement, CategoryScale, Chart, LinearScale, type ChartConfiguration, type Plugin } from 'chart.js';
import { useEffect, useRef } from 'react';
import { axisLines, fittedLayout, flowingLayout, LINE_HEIGHT, type Box } from './chart-layout';
import type { BarChartProps } from './chart-types';

// Loaded on demand (see chart-figure.tsx): phones get this chunk only once a result is shown.
// Only what a bar chart needs is registered, so the rest of Chart.js is left out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

type Palette = { bar: string; text: string; grid: string };

// Numbers next to every bar: the chart never relies on bar length or colour alone.
const valueLabels: Plugin<'bar'> = {
  id: 'candorValueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const texts = (chart.options.plugins as { candorValueLabels?: { texts: string[]; color: string } }).candorValueLabels;
    if (!texts) return;
    const horizontal = chart.options.indexAxis === 'y';
    ctx.save();
    ctx.fillStyle = texts.color;
    ctx.font = `600 ${fontSize(chart)}px system-ui, sans-serif`;
    meta.data.forEach((bar, index) => {
      const text = texts.texts[index] ?? '';
      const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
      if (horizontal) {
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(text, x + 6, y);
      } else {
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.fillText(text, x, y - 4);
      }
    });
    ctx.restore();
  },
};

function fontSize(chart: Chart): number {
  const size = chart.options.font?.size;
  return typeof size === 'number' ? size : 14;
}

// Paper is white whatever the screen's colour scheme.
const PRINT_PALETTE: Palette = { bar: '#555555', text: '#000000', grid: '#bbbbbb' };

function palette(element: HTMLElement): Palette {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { bar: read('--accent', '#6a3fb5'), text: read('--text', '#1f1d1a'), grid: read('--border', '#d9d3ca') };
}

// Where Chart.js put each axis label (its lines centred on the bar's slot, right-aligned to the axis) and
// each bar, in canvas pixels, written to data-layout: what a layout test checks for overlaps.
function recordLayout(chart: Chart<'bar'>, canvas: HTMLCanvasElement, font: number) {
  const scale = chart.scales.y;
  const { ctx } = chart;
  ctx.save();
  ctx.font = `${font}px system-ui, sans-serif`;
  const labels: Box[] = scale.ticks.map((tick, index) => {
    const lines = Array.isArray(tick.label) ? tick.label.map(String) : [String(tick.label ?? '')];
    const middle = scale.getPixelForTick(index);
    const half = (lines.length * font * LINE_HEIGHT) / 2;
    const textWidth = Math.max(...lines.map((line) => ctx.measureText(line).width));
    const right = scale.right - ((scale.options as { ticks?: { padding?: number } }).ticks?.padding ?? 0);
    return { top: middle - half, bottom: middle + half, left: right - textWidth, right };
  });
  ctx.restore();
  const bars: Box[] = chart.getDatasetMeta(0).data.map((bar) => {
    const { x, y, base, height } = bar.getProps(['x', 'y', 'base', 'height'], true) as { x: number; y: number; base: number; height: number };
    return { top: y - height / 2, bottom: y + height / 2, left: Math.min(base, x), right: Math.max(base, x) };
  });
  canvas.dataset.layout = JSON.stringify({ width: chart.width, height: chart.height, labels, bars });
}

export default function BarChart({ bars, orientation, summary, size, valueAxis, max }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const large = size === 'large';
  const baseFont = large ? 22 : 14;
  const horizontal = orientation === 'horizontal';
  // Fingerprint of what is drawn, so the chart is rebuilt only when the data or the look changes.
  const key = JSON.stringify({ bars, orientation, size, valueAxis, max });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const data = JSON.parse(key) as Pick<BarChartProps, 'bars' | 'max' | 'valueAxis'>;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
    let chart: Chart<'bar'> | null = null;

    const build = (printing = false) => {
      chart?.destroy();
      const colours = printing ? PRINT_PALETTE : palette(canvas);
      const box = canvas.parentElement;
      const width = box?.clientWidth ?? 600;
      // A horizontal chart's slots are as tall as its wrapped labels need (see chart-layout.ts): on a phone
      // the chart grows to that height; on the projector it has the height the screen leaves it, and the
      // labels shrink (not below a legible 14 px) until every wrapped label fits beside its bar.
      let font = baseFont;
      let labels = axisLines(data.bars, width, font, large);
      if (horizontal) {
        const layout = large ? fittedLayout(data.bars, width, box?.clientHeight ?? 400, baseFont) : flowingLayout(data.bars, width, baseFont);
        font = layout.font;
        labels = layout.lines;
        if (!large && box) box.style.height = `${layout.height}px`;
      }
      // Room for the longest number label beside (or above) its bar.
      const longest = Math.max(...data.bars.map((bar) => bar.display.length), 1);
      const config: ChartConfiguration<'bar'> = {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              data: data.bars.map((bar) => bar.value),
              backgroundColor: colours.bar,
              borderColor: colours.text,
              borderWidth: 1,
              borderRadius: 3,
              maxBarThickness: large ? 56 : 36,
            },
          ],
        },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: reduceMotion.matches ? false : { duration: 300 },
          font: { size: font },
          color: colours.text,
          layout: { padding: horizontal ? { right: longest * font * 0.62 + 10 } : { top: font + 10 } },
          events: [],
          plugins: { candorValueLabels: { texts: data.bars.map((bar) => bar.display), color: colours.text } } as never,
          scales: {
            [horizontal ? 'x' : 'y']: {
              beginAtZero: true,
              max: data.max,
              ticks: { precision: 0, color: colours.text, font: { size: font } },
              grid: { color: colours.grid },
              title: { display: true, text: data.valueAxis, color: colours.text, font: { size: font } },
            },
            [horizontal ? 'y' : 'x']: {
              // Never slanted: long labels wrap onto more lines instead.
              ticks: { color: colours.text, font: { size: font }, autoSkip: false, maxRotation: 0 },
              grid: { display: false },
            },
          },
        },
        plugins: [valueLabels],
      };
      chart = new Chart(canvas, config);
      if (horizontal) recordLayout(chart, canvas, font);
    };

    const rebuild = () => build();
    // Charts keep their bitmap size and colours when printed: redraw them for the paper, and back after.
    const forPrint = () => build(true);
    rebuild();
    // A turned phone wraps its labels anew.
    const resized = () => {
      if (canvas.parentElement && canvas.parentElement.clientWidth !== lastWidth) rebuild();
      lastWidth = canvas.parentElement?.clientWidth ?? 0;
    };
    let lastWidth = canvas.parentElement?.clientWidth ?? 0;
    window.addEventListener('resize', resized);
    window.addEventListener('beforeprint', forPrint);
    window.addEventListener('afterprint', rebuild);
    darkScheme.addEventListener('change', rebuild);
    return () => {
      window.removeEventListener('beforeprint', forPrint);
      window.removeEventListener('afterprint', rebuild);
      darkScheme.removeEventListener('change', rebuild);
      window.removeEventListener('resize', resized);
      chart?.destroy();
    };
  }, [key, baseFont, horizontal, large]);

  return (
    // On the projector the chart takes the height the screen leaves it (see .screen .chart-box).
    <div className="chart-box" style={large ? undefined : { height: horizontal ? undefined : 240 }}>
      <canvas ref={canvasRef} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  );
}
