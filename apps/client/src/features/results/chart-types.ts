// Shared by the lazy chart chunk and the views that use it (types only: no code crosses the split).
export type ChartBar = {
  label: string;
  // Axis label lines, when they should break at fixed places (e.g. "1" over "Very hard").
  lines?: string[];
  value: number;
  // The number written beside the bar, e.g. "2 · 67%".
  display: string;
};

export type BarChartProps = {
  bars: ChartBar[];
  orientation: 'horizontal' | 'vertical';
  // The text alternative: what a screen reader announces for the chart.
  summary: string;
  size: 'normal' | 'large';
  // The title of the value axis, e.g. "People".
  valueAxis: string;
  max?: number;
};
