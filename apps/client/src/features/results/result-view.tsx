import type { AnswerValue, Prompt, PromptResult } from '@candor/shared';
import { K_MIN } from '@candor/shared/rules';
import { Trans, useTranslation } from 'react-i18next';
import { localizePrompt, localizeResult } from '../../i18n/deck-language';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { CheckinResultView } from './checkin-result';
import { ChoiceResultView } from './choice-result';
import { CoupleResultView, type CoupleViewer } from './couple-result';
import { RankingResultView } from './ranking-result';
import { ResultMethod } from './result-method';
import { ScaleResultView } from './scale-result';
import { TextResultView } from './text-result';
import { YnmResultView } from './ynm-result';

type ResultViewProps = {
  prompt: Prompt | null;
  result: PromptResult;
  // 'large' for the projector.
  size?: 'normal' | 'large';
  headingLevel?: 2 | 3;
  // Couple reveals only: a partner sees their own answer named as theirs; everyone else sees no labels.
  viewer?: CoupleViewer;
  myAnswer?: AnswerValue;
  // The facilitator's console and summary: a "How is this computed?" note under the result.
  explain?: boolean;
};

export function ResultView({
  prompt: deckPrompt,
  result: deckResult,
  size = 'normal',
  headingLevel = 3,
  viewer = 'observer',
  myAnswer,
  explain = false,
}: ResultViewProps) {
  // Labels in the page's language where the deck has them (results come in the deck's language).
  const language = useDeckLanguage();
  const prompt = deckPrompt && localizePrompt(deckPrompt, language);
  const result = localizeResult(deckResult, deckPrompt, language);
  const { t } = useTranslation('results');
  const caption = prompt?.title ?? t('view.caption');
  const couple = result.distribution?.kind === 'couple';
  return (
    <section className={`result result-${size}`} aria-label={t('view.label', { caption })} data-kind={result.distribution?.kind ?? 'hidden'}>
      {/* A couple's reveal is always of two answers; counting them adds nothing. */}
      {!couple && (
        <p className="result-counts">
          <span>
            <Trans t={t} i18nKey="view.answered" values={{ count: result.respondents }} components={{ strong: <strong /> }} />
          </span>
          <span>
            <Trans t={t} i18nKey="view.passed" values={{ count: result.passed }} components={{ strong: <strong /> }} />
          </span>
        </p>
      )}
      <Distribution prompt={prompt} result={result} size={size} headingLevel={headingLevel} caption={caption} viewer={viewer} myAnswer={myAnswer} />
      {explain && result.distribution && <ResultMethod result={result} />}
    </section>
  );
}

type DistributionProps = Required<Omit<ResultViewProps, 'myAnswer' | 'explain'>> & { caption: string; myAnswer?: AnswerValue };

function Distribution({ prompt, result, size, headingLevel, caption, viewer, myAnswer }: DistributionProps) {
  const { t } = useTranslation('results');
  const distribution = result.distribution;
  if (distribution === null && result.k < K_MIN) {
    // Couples carry k = 2, below any group's threshold: a prompt that closed before both answered.
    return <p className="result-hidden">{t('view.hiddenCouple')}</p>;
  }
  if (distribution === null) {
    return <p className="result-hidden">{t('view.hidden', { k: result.k, count: result.respondents })}</p>;
  }
  const respondents = result.respondents;
  switch (distribution.kind) {
    case 'couple':
      return <CoupleResultView prompt={prompt} result={distribution} viewer={viewer} myAnswer={myAnswer} headingLevel={headingLevel} size={size} />;
    case 'ynm':
      return <YnmResultView result={distribution} k={result.k} caption={caption} headingLevel={headingLevel} size={size} />;
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
      return <TextResultView result={distribution} caption={caption} headingLevel={headingLevel} size={size} />;
    case 'checkin':
      return <CheckinResultView result={distribution} respondents={respondents} caption={caption} size={size} headingLevel={headingLevel} />;
  }
}
