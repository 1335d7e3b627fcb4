import type { ScaleResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { decimal, integer, scaleSummary, scaleTalkingPoint, scaleValueLabel, wrapLabel } from './result-format';
import { useResultWords } from './result-words';

type ScaleResultViewProps = { result: ScaleResult; respondents: number; caption: string; size: 'normal' | 'large' };

export function ScaleResultView({ result, respondents, caption, size }: ScaleResultViewProps) {
  const words = useResultWords();
  const { t, language } = words;
  const table = (
    <div className="table-scroll">
      <table className="result-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scale.answer')}</th>
            <th scope="col" className="num">
              {t('scale.people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.histogram.map((bin) => (
            <tr key={bin.value}>
              <th scope="row">{scaleValueLabel(result, bin.value)}</th>
              <td className="num">{integer(bin.count, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <p className="talking-point">{scaleTalkingPoint(result, words)}</p>
      <dl className="stats">
        <div>
          <dt>{t('scale.median')}</dt>
          <dd data-testid="scale-median">{decimal(result.median, language)}</dd>
        </div>
        <div>
          <dt>{t('scale.mean')}</dt>
          <dd data-testid="scale-mean">{decimal(result.mean, language)}</dd>
        </div>
        <div>
          <dt>{t('scale.spread')}</dt>
          <dd data-testid="scale-spread">{decimal(result.spread, language)}</dd>
        </div>
      </dl>
      <p className="hint">
        {t('scale.hint', { min: result.min, minLabel: result.minLabel, max: result.max, maxLabel: result.maxLabel })}
      </p>
      <ChartFigure
        table={table}
        bars={result.histogram.map((bin) => ({
          label: scaleValueLabel(result, bin.value),
          lines: scaleAxisLines(result, bin.value),
          value: bin.count,
          display: integer(bin.count, language),
        }))}
        orientation="vertical"
        summary={scaleSummary(result, respondents, words)}
        size={size}
        valueAxis={t('scale.valueAxis')}
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
