import type { MultipleChoiceResult, SingleChoiceResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { CountShareTable } from './count-share-table';
import { choiceSummary, choiceTalkingPoint, integer, percent } from './result-format';
import { useResultWords } from './result-words';

type ChoiceResultViewProps = {
  result: SingleChoiceResult | MultipleChoiceResult;
  respondents: number;
  caption: string;
  size: 'normal' | 'large';
  // For multiple choice: how many options one person could pick.
  maxPicks?: number;
};

export function ChoiceResultView({ result, respondents, caption, size, maxPicks }: ChoiceResultViewProps) {
  const words = useResultWords();
  const { t, language } = words;
  const table = <CountShareTable caption={caption} heading={t('choice.option')} rows={result.options} />;

  return (
    <>
      <p className="talking-point">{choiceTalkingPoint(result, words)}</p>
      {result.kind === 'multiple' && (
        <p className="hint">
          {maxPicks ? t('choice.upTo', { max: maxPicks }) : t('choice.several')} {t('choice.shares', { count: respondents })}
        </p>
      )}
      <ChartFigure
        table={table}
        bars={result.options.map((option) => ({
          label: option.label,
          value: option.count,
          display: `${integer(option.count, language)} · ${percent(option.share, language)}`,
        }))}
        orientation="horizontal"
        summary={choiceSummary(result, respondents, words)}
        size={size}
        valueAxis={t('choice.valueAxis')}
        max={Math.max(respondents, 1)}
      />
    </>
  );
}
