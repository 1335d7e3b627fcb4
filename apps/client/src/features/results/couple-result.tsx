import type { AnswerValue, CoupleResult, Prompt } from '@candor/shared';
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { describeAnswer, splitSideBySide } from './couple-reveal';
import { useFittingCount } from './fitting-count';

// The conversation starters of each moment, by their keys in the results texts (couple.starters.*).
const STARTERS = {
  matches: ['feelGood', 'agree', 'checkIn'],
  explore: ['clearer', 'firstStep', 'know', 'later'],
  sharedChoice: ['draws', 'dayToDay'],
  differentChoice: ['say', 'meet'],
  sideBySide: ['apart', 'understand'],
} as const;

type StarterMoment = keyof typeof STARTERS;
type StarterKey = { [M in StarterMoment]: `${M}.${(typeof STARTERS)[M][number]}` }[StarterMoment];

// 'partner': one of the two, who knows their own answer. 'observer': a therapist, the projector or the
// summary page, who see the same reveal with nothing said per partner.
export type CoupleViewer = 'partner' | 'observer';

type CoupleResultViewProps = {
  prompt: Prompt | null;
  result: CoupleResult;
  viewer: CoupleViewer;
  myAnswer?: AnswerValue;
  headingLevel: 2 | 3 | 4;
  // 'large' for the projector: the lists are cut to what fits the screen, with a count of the rest.
  size?: 'normal' | 'large';
};

// On the projector, at most this many things per list before "and N more".
const PROJECTOR_THINGS = 12;

export function CoupleResultView({ prompt, result, viewer, myAnswer, headingLevel, size = 'normal' }: CoupleResultViewProps) {
  const Heading = `h${headingLevel}` as const;
  const own = viewer === 'partner' ? myAnswer : undefined;

  if (result.policy === 'side-by-side') {
    return <SideBySide prompt={prompt} answers={result.answers ?? []} mine={own} Heading={Heading} />;
  }
  if (result.policy === 'mutual-only' && result.notShared !== null) {
    return <MutualList result={result} viewer={viewer} Heading={Heading} large={size === 'large'} />;
  }
  if (result.policy === 'mutual-only' && (prompt?.kind === 'single' || prompt?.kind === 'multiple')) {
    return <MutualChoice prompt={prompt} result={result} viewer={viewer} mine={own} Heading={Heading} />;
  }
  // Private, and mutual-only for kinds with nothing to match on.
  return <Private prompt={prompt} viewer={viewer} mine={own} Heading={Heading} />;
}

type HeadingTag = 'h2' | 'h3' | 'h4';

type MutualListProps = { result: CoupleResult; viewer: CoupleViewer; Heading: HeadingTag; large: boolean };

function MutualList({ result, viewer, Heading, large }: MutualListProps) {
  const { t } = useTranslation('results');
  const notShared = result.notShared ?? 0;
  // Unique per view: the summary page shows several reveals at once.
  const id = useId();
  // The projector never scrolls: both lists shrink together until the reveal fits (only layout changes:
  // what is counted as "more" is in the same reveal the couple gets).
  const fit = useFittingCount<HTMLDivElement>(PROJECTOR_THINGS, large, JSON.stringify([result.matches, result.explore]));
  const shown = (things: CoupleResult['matches']) => (large ? things.slice(0, fit.count) : things);
  const more = (things: CoupleResult['matches']) => (large ? things.length - shown(things).length : 0);
  return (
    <div className={large ? 'couple-reveal couple-reveal-large' : 'couple-reveal'} ref={fit.ref}>
      <section className="couple-group couple-matches" aria-labelledby={`${id}-matches`}>
        <Heading id={`${id}-matches`}>{t('couple.matches')}</Heading>
        <p className="hint">{viewer === 'partner' ? t('couple.matchesPartner') : t('couple.matchesObserver')}</p>
        <ThingList things={shown(result.matches)} more={more(result.matches)} empty={t('couple.noMatches')} />
        {result.matches.length > 0 && <Starters moment="matches" />}
      </section>
      <section className="couple-group couple-explore" aria-labelledby={`${id}-explore`}>
        <Heading id={`${id}-explore`}>{t('couple.explore')}</Heading>
        <p className="hint">{viewer === 'partner' ? t('couple.explorePartner') : t('couple.exploreObserver')}</p>
        <ThingList things={shown(result.explore)} more={more(result.explore)} empty={t('couple.nothingToExplore')} />
        {result.explore.length > 0 && <Starters moment="explore" />}
      </section>
      <section className="couple-group couple-not-shared" aria-labelledby={`${id}-not-shared`}>
        <Heading id={`${id}-not-shared`}>{t('couple.notShared')}</Heading>
        <p className="not-shared-count" data-testid="not-shared">
          <Trans t={t} i18nKey="couple.notSharedCount" count={notShared} values={{ count: notShared }} components={{ strong: <strong /> }} />
        </p>
        <p className="hint">{t('couple.notSharedHint')}</p>
      </section>
      <p className="plain-note" role="note">
        {viewer === 'partner' ? t('couple.plainNotePartner') : t('couple.plainNoteObserver')}
      </p>
    </div>
  );
}

type ChoiceProps = { prompt: Prompt; result: CoupleResult; viewer: CoupleViewer; mine?: AnswerValue; Heading: HeadingTag };

function MutualChoice({ prompt, result, viewer, mine, Heading }: ChoiceProps) {
  const { t } = useTranslation('results');
  const shared = result.matches.length > 0;
  const partner = viewer === 'partner';
  const id = useId();
  return (
    <div className="couple-reveal">
      <section className="couple-group couple-matches" aria-labelledby={`${id}-choice`}>
        {shared ? (
          <>
            <Heading id={`${id}-choice`}>{partner ? t('couple.bothChosePartner') : t('couple.bothChoseObserver')}</Heading>
            <ThingList things={result.matches} empty="" />
            <Starters moment="sharedChoice" />
          </>
        ) : (
          <>
            <Heading id={`${id}-choice`}>{partner ? t('couple.differentPartner') : t('couple.differentObserver')}</Heading>
            <p className="hint">{partner ? t('couple.differentHintPartner') : t('couple.differentHintObserver')}</p>
            {partner && <Starters moment="differentChoice" />}
          </>
        )}
      </section>
      {mine && <OwnAnswer prompt={prompt} mine={mine} Heading={Heading} title={t('couple.yourAnswer')} />}
    </div>
  );
}

type SideProps = { prompt: Prompt | null; answers: AnswerValue[]; mine?: AnswerValue; Heading: HeadingTag };

function SideBySide({ prompt, answers, mine, Heading }: SideProps) {
  const { t } = useTranslation('results');
  const split = splitSideBySide(answers, mine);
  if (split) {
    return (
      <div className="couple-reveal">
        <div className="side-by-side">
          <AnswerCard prompt={prompt} title={t('couple.you')} value={split.mine} Heading={Heading} />
          <AnswerCard prompt={prompt} title={t('couple.yourPartner')} value={split.partner} Heading={Heading} />
        </div>
        <Starters moment="sideBySide" />
      </div>
    );
  }
  return (
    <div className="couple-reveal">
      <Heading>{t('couple.partnerAnswers')}</Heading>
      <p className="hint">{t('couple.partnerAnswersHint')}</p>
      <ul className="side-by-side unattributed">
        {answers.map((answer, index) => (
          <li key={index} className="answer-card">
            <AnswerLines prompt={prompt} value={answer} />
          </li>
        ))}
      </ul>
      <Starters moment="sideBySide" />
    </div>
  );
}

function Private({ prompt, viewer, mine, Heading }: { prompt: Prompt | null; viewer: CoupleViewer; mine?: AnswerValue; Heading: HeadingTag }) {
  const { t } = useTranslation('results');
  if (viewer === 'observer') {
    return (
      <div className="couple-reveal">
        <Heading>{t('couple.private')}</Heading>
        <p>{t('couple.privateObserver')}</p>
      </div>
    );
  }
  return (
    <div className="couple-reveal">
      <Heading>{t('couple.onlyYou')}</Heading>
      <p className="hint">{t('couple.onlyYouHint')}</p>
      {mine ? (
        <div className="answer-card">
          <AnswerLines prompt={prompt} value={mine} />
        </div>
      ) : (
        <p className="muted">{t('couple.notAnswered')}</p>
      )}
    </div>
  );
}

function OwnAnswer({ prompt, mine, Heading, title }: { prompt: Prompt; mine: AnswerValue; Heading: HeadingTag; title: string }) {
  return (
    <section className="couple-group" aria-label={title}>
      <Heading>{title}</Heading>
      <AnswerLines prompt={prompt} value={mine} />
    </section>
  );
}

function AnswerCard({ prompt, title, value, Heading }: { prompt: Prompt | null; title: string; value: AnswerValue; Heading: HeadingTag }) {
  return (
    <section className="answer-card" aria-label={title}>
      <Heading>{title}</Heading>
      <AnswerLines prompt={prompt} value={value} />
    </section>
  );
}

function AnswerLines({ prompt, value }: { prompt: Prompt | null; value: AnswerValue }) {
  const { t } = useTranslation('results');
  const lines = describeAnswer(prompt, value, t);
  if (lines.length === 1) return <p className="answer-lines">{lines[0]}</p>;
  return (
    <ul className="answer-lines">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function ThingList({ things, empty, more = 0 }: { things: CoupleResult['matches']; empty: string; more?: number }) {
  const { t } = useTranslation('results');
  if (things.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <>
      <p className="sr-only">{t('couple.itemCount', { count: things.length + more })}</p>
      <ul className="couple-things">
        {things.map((thing) => (
          <li key={thing.id}>
            {thing.label}
            {thing.category && <span className="muted couple-category"> · {thing.category}</span>}
          </li>
        ))}
        {more > 0 && <li className="muted couple-more">{t('more', { count: more })}</li>}
      </ul>
    </>
  );
}

function Starters({ moment }: { moment: StarterMoment }) {
  const { t } = useTranslation('results');
  return (
    <div className="starters">
      <p className="starters-title">{t('couple.startersTitle')}</p>
      <ul>
        {STARTERS[moment].map((starter) => (
          <li key={starter}>{t(`couple.starters.${`${moment}.${starter}` as StarterKey}`)}</li>
        ))}
      </ul>
    </div>
  );
}
