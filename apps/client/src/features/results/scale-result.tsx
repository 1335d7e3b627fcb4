import type { ScaleResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { decimal, scaleSummary, scaleTalkingPoint, scaleValueLabel, wrapLabel } from './result-format';

type ScaleResultViewProps = { result: ScaleResult; respondents: number; caption: string; size: 'normal' | 'large' };

export function ScaleResultView({ result, respondents, caption, size }: ScaleResultViewProps) {
  const table = (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col" className="num">
              People
            </th>
          </tr>
        </thead>
        <tbody>
          {result.histogram.map((bin) => (
            <tr key={bin.value}>
              <th scope="row">{scaleValueLabel(result, bin.value)}</th>
              <td className="num">{bin.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <p className="talking-point">{scaleTalkingPoint(result)}</p>
      <dl className="stats">
        <div>
          <dt>Median</dt>
          <dd data-testid="scale-median">{decimal(result.median)}</dd>
        </div>
        <div>
          <dt>Mean</dt>
          <dd data-testid="scale-mean">{decimal(result.mean)}</dd>
        </div>
        <div>
          <dt>Spread</dt>
          <dd data-testid="scale-spread">{decimal(result.spread)}</dd>
        </div>
      </dl>
      <p className="hint">
        Scale: {result.min} = {result.minLabel}, {result.max} = {result.maxLabel}. The median is the middle answer; the spread
        (standard deviation) says how far answers typically lie from the mean.
      </p>
      <ChartFigure
        table={table}
        bars={result.histogram.map((bin) => ({
          label: scaleValueLabel(result, bin.value),
          lines: scaleAxisLines(result, bin.value),
          value: bin.count,
          display: String(bin.count),
        }))}
        orientation="vertical"
        summary={scaleSummary(result, respondents)}
        size={size}
        valueAxis="People"
      />
    </>
  );
}

// The value on the first line, and at the two ends its label below it, wrapped short.
function scaleAxisLines(result: ScaleResult, value: number): string[] {
  if (value === result.min) return [String(value), ...wrapLabel(result.minLabel, 10)];
  if (value === result.max) return [String(value), ...wrapLabel(result.maxLabel, 10)];
  return [String(value)];
}
