import type { MultipleChoiceResult, SingleChoiceResult } from '@candor/shared';
import { ChartFigure } from './chart-figure';
import { CountShareTable } from './count-share-table';
import { choiceSummary, choiceTalkingPoint, percent } from './result-format';

type ChoiceResultViewProps = {
  result: SingleChoiceResult | MultipleChoiceResult;
  respondents: number;
  caption: string;
  size: 'normal' | 'large';
  // For multiple choice: how many options one person could pick.
  maxPicks?: number;
};

export function ChoiceResultView({ result, respondents, caption, size, maxPicks }: ChoiceResultViewProps) {
  const table = <CountShareTable caption={caption} heading="Option" rows={result.options} />;

  return (
    <>
      <p className="talking-point">{choiceTalkingPoint(result)}</p>
      {result.kind === 'multiple' && (
        <p className="hint">
          {maxPicks ? `Each person could pick up to ${maxPicks}. ` : 'Each person could pick several. '}
          Shares are of the {respondents} people who answered, so together they can add up to more than 100%.
        </p>
      )}
      <ChartFigure
        table={table}
        bars={result.options.map((option) => ({ label: option.label, value: option.count, display: `${option.count} · ${percent(option.share)}` }))}
        orientation="horizontal"
        summary={choiceSummary(result, respondents)}
        size={size}
        valueAxis="People"
        max={Math.max(respondents, 1)}
      />
    </>
  );
}
