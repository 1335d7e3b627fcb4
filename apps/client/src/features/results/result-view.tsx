import type { Prompt, PromptResult } from '@candor/shared';
import { CheckinResultView } from './checkin-result';
import { ChoiceResultView } from './choice-result';
import { RankingResultView } from './ranking-result';
import { ScaleResultView } from './scale-result';
import { TextResultView } from './text-result';
import { YnmResultView } from './ynm-result';

type ResultViewProps = {
  prompt: Prompt | null;
  result: PromptResult;
  // 'large' for the projector.
  size?: 'normal' | 'large';
  headingLevel?: 2 | 3;
};

export function ResultView({ prompt, result, size = 'normal', headingLevel = 3 }: ResultViewProps) {
  const caption = prompt?.title ?? 'Results';
  return (
    <section className={`result result-${size}`} aria-label={`Results: ${caption}`} data-kind={result.distribution?.kind ?? 'hidden'}>
      <p className="result-counts">
        <span>
          <strong>{result.respondents}</strong> answered
        </span>
        <span>
          <strong>{result.passed}</strong> passed
        </span>
      </p>
      <Distribution prompt={prompt} result={result} size={size} headingLevel={headingLevel} caption={caption} />
    </section>
  );
}

function Distribution({ prompt, result, size, headingLevel, caption }: Required<ResultViewProps> & { caption: string }) {
  const distribution = result.distribution;
  if (distribution === null) {
    return (
      <p className="result-hidden">
        Results are hidden until at least {result.k} people have answered ({result.respondents} so far).
      </p>
    );
  }
  const respondents = result.respondents;
  switch (distribution.kind) {
    case 'ynm':
      return <YnmResultView result={distribution} k={result.k} caption={caption} headingLevel={headingLevel} />;
    case 'single':
    case 'multiple':
      return (
        <ChoiceResultView
          result={distribution}
          respondents={respondents}
          caption={caption}
          size={size}
          maxPicks={prompt?.kind === 'multiple' ? prompt.maxPicks : undefined}
        />
      );
    case 'scale':
      return <ScaleResultView result={distribution} respondents={respondents} caption={caption} size={size} />;
    case 'ranking':
      return <RankingResultView result={distribution} respondents={respondents} caption={caption} size={size} />;
    case 'text':
      return <TextResultView result={distribution} caption={caption} headingLevel={headingLevel} />;
    case 'checkin':
      return <CheckinResultView result={distribution} respondents={respondents} caption={caption} size={size} headingLevel={headingLevel} />;
  }
}
