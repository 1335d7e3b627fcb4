import type { AnswerValue, ScalePrompt, ScaleResult } from '@candor/shared';

export function aggregateScale(prompt: ScalePrompt, answers: readonly AnswerValue[]): ScaleResult {
  const values = answers
    .flatMap((a) => (a.kind === 'scale' && a.value >= prompt.min && a.value <= prompt.max ? [a.value] : []))
    .sort((a, b) => a - b);
  const histogram = [];
  for (let value = prompt.min; value <= prompt.max; value += 1) {
    histogram.push({ value, count: values.filter((v) => v === value).length });
  }
  const n = values.length;
  const mean = n === 0 ? 0 : values.reduce((s, v) => s + v, 0) / n;
  const median = n === 0 ? 0 : n % 2 === 1 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  const spread = n === 0 ? 0 : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  return {
    kind: 'scale',
    histogram,
    median,
    mean,
    spread,
    min: prompt.min,
    max: prompt.max,
    minLabel: prompt.minLabel,
    maxLabel: prompt.maxLabel,
  };
}
