import type { AnswerValue, CoupleResult, Prompt } from '@candor/shared';
import { useId } from 'react';
import {
  describeAnswer,
  itemCount,
  PLAIN_NOTE_OBSERVER,
  PLAIN_NOTE_PARTNER,
  splitSideBySide,
  STARTERS,
} from './couple-reveal';

// 'partner': one of the two, who knows their own answer. 'observer': a therapist, the projector or the
// summary page, who see the same reveal with nothing said per partner.
export type CoupleViewer = 'partner' | 'observer';

type CoupleResultViewProps = {
  prompt: Prompt | null;
  result: CoupleResult;
  viewer: CoupleViewer;
  myAnswer?: AnswerValue;
  headingLevel: 2 | 3;
};

export function CoupleResultView({ prompt, result, viewer, myAnswer, headingLevel }: CoupleResultViewProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const own = viewer === 'partner' ? myAnswer : undefined;

  if (result.policy === 'side-by-side') {
    return <SideBySide prompt={prompt} answers={result.answers ?? []} mine={own} Heading={Heading} />;
  }
  if (result.policy === 'mutual-only' && result.notShared !== null) {
    return <MutualList result={result} viewer={viewer} Heading={Heading} />;
  }
  if (result.policy === 'mutual-only' && (prompt?.kind === 'single' || prompt?.kind === 'multiple')) {
    return <MutualChoice prompt={prompt} result={result} viewer={viewer} mine={own} Heading={Heading} />;
  }
  // Private, and mutual-only for kinds with nothing to match on.
  return <Private prompt={prompt} viewer={viewer} mine={own} Heading={Heading} />;
}

type HeadingTag = 'h2' | 'h3';

function MutualList({ result, viewer, Heading }: { result: CoupleResult; viewer: CoupleViewer; Heading: HeadingTag }) {
  const notShared = result.notShared ?? 0;
  // Unique per view: the summary page shows several reveals at once.
  const id = useId();
  return (
    <div className="couple-reveal">
      <section className="couple-group couple-matches" aria-labelledby={`${id}-matches`}>
        <Heading id={`${id}-matches`}>Matches</Heading>
        <p className="hint">{viewer === 'partner' ? 'You both said yes.' : 'Both said yes.'}</p>
        <ThingList things={result.matches} empty="No matches this time, and that is fine." />
        {result.matches.length > 0 && <Starters starters={STARTERS.matches} />}
      </section>
      <section className="couple-group couple-explore" aria-labelledby={`${id}-explore`}>
        <Heading id={`${id}-explore`}>Worth exploring</Heading>
        <p className="hint">{viewer === 'partner' ? 'One of you said yes and the other maybe, or you both said maybe.' : 'A yes and a maybe, or two maybes.'}</p>
        <ThingList things={result.explore} empty="Nothing to explore here right now." />
        {result.explore.length > 0 && <Starters starters={STARTERS.explore} />}
      </section>
      <section className="couple-group couple-not-shared" aria-labelledby={`${id}-not-shared`}>
        <Heading id={`${id}-not-shared`}>Not shared</Heading>
        <p className="not-shared-count" data-testid="not-shared">
          <strong>{notShared}</strong> {notShared === 1 ? 'item' : 'items'} not shared
        </p>
        <p className="hint">Only the number is shown: not which items, and never who said no or passed.</p>
      </section>
      <p className="plain-note" role="note">
        {viewer === 'partner' ? PLAIN_NOTE_PARTNER : PLAIN_NOTE_OBSERVER}
      </p>
    </div>
  );
}

type ChoiceProps = { prompt: Prompt; result: CoupleResult; viewer: CoupleViewer; mine?: AnswerValue; Heading: HeadingTag };

function MutualChoice({ prompt, result, viewer, mine, Heading }: ChoiceProps) {
  const shared = result.matches.length > 0;
  const partner = viewer === 'partner';
  const id = useId();
  return (
    <div className="couple-reveal">
      <section className="couple-group couple-matches" aria-labelledby={`${id}-choice`}>
        {shared ? (
          <>
            <Heading id={`${id}-choice`}>{partner ? 'You both chose' : 'Both chose'}</Heading>
            <ThingList things={result.matches} empty="" />
            <Starters starters={STARTERS.sharedChoice} />
          </>
        ) : (
          <>
            <Heading id={`${id}-choice`}>{partner ? 'You chose differently' : 'No choice in common'}</Heading>
            <p className="hint">
              {partner ? 'Or one of you passed. ' : ''}Nothing is shown about what {partner ? 'your partner' : 'either partner'} chose.
            </p>
            {partner && <Starters starters={STARTERS.differentChoice} />}
          </>
        )}
      </section>
      {mine && <OwnAnswer prompt={prompt} mine={mine} Heading={Heading} title="Your answer" />}
    </div>
  );
}

type SideProps = { prompt: Prompt | null; answers: AnswerValue[]; mine?: AnswerValue; Heading: HeadingTag };

function SideBySide({ prompt, answers, mine, Heading }: SideProps) {
  const split = splitSideBySide(answers, mine);
  if (split) {
    return (
      <div className="couple-reveal">
        <div className="side-by-side">
          <AnswerCard prompt={prompt} title="You" value={split.mine} Heading={Heading} />
          <AnswerCard prompt={prompt} title="Your partner" value={split.partner} Heading={Heading} />
        </div>
        <Starters starters={STARTERS.sideBySide} />
      </div>
    );
  }
  return (
    <div className="couple-reveal">
      <Heading>Partner answers</Heading>
      <p className="hint">Both answers, in an order that does not say whose is whose.</p>
      <ul className="side-by-side unattributed">
        {answers.map((answer, index) => (
          <li key={index} className="answer-card">
            <AnswerLines prompt={prompt} value={answer} />
          </li>
        ))}
      </ul>
      <Starters starters={STARTERS.sideBySide} />
    </div>
  );
}

function Private({ prompt, viewer, mine, Heading }: { prompt: Prompt | null; viewer: CoupleViewer; mine?: AnswerValue; Heading: HeadingTag }) {
  if (viewer === 'observer') {
    return (
      <div className="couple-reveal">
        <Heading>Private</Heading>
        <p>Each partner sees only their own answer. Nothing is shown here.</p>
      </div>
    );
  }
  return (
    <div className="couple-reveal">
      <Heading>Only you see your answer</Heading>
      <p className="hint">Your partner sees only their own. You can share yours in your own words, if and when you want to.</p>
      {mine ? (
        <div className="answer-card">
          <AnswerLines prompt={prompt} value={mine} />
        </div>
      ) : (
        <p className="muted">You did not answer this one.</p>
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
  const lines = describeAnswer(prompt, value);
  if (lines.length === 1) return <p className="answer-lines">{lines[0]}</p>;
  return (
    <ul className="answer-lines">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function ThingList({ things, empty }: { things: CoupleResult['matches']; empty: string }) {
  if (things.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <>
      <p className="sr-only">{itemCount(things.length)}</p>
      <ul className="couple-things">
        {things.map((thing) => (
          <li key={thing.id}>
            {thing.label}
            {thing.category && <span className="muted"> · {thing.category}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

function Starters({ starters }: { starters: readonly string[] }) {
  return (
    <div className="starters">
      <p className="starters-title">To talk about</p>
      <ul>
        {starters.map((starter) => (
          <li key={starter}>{starter}</li>
        ))}
      </ul>
    </div>
  );
}
