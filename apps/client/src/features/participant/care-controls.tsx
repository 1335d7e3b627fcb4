import type { SessionMode } from '@candor/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../lib/router';
import { BreathingGuide } from '../care/breathing-guide';

// The participant's own care controls: "I need a moment", withdrawing, and the calm screens that go with
// them and with a facilitator's pause. The question underneath stays mounted, so nothing typed is lost.

// Moves focus to a calm screen's heading when it appears, so that a screen reader says where the person is.
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

type StepOutScreenProps = {
  mode: SessionMode;
  busy: boolean;
  // Set when the signal could not be sent; the screen stays, the person is told plainly.
  problem: string | null;
  onBack: () => void;
  // A couple with a therapist: "I'd like to talk to the therapist alone" (absent elsewhere).
  talkAlone?: TalkAloneProps;
};

type TalkAloneProps = {
  asking: boolean;
  failed: boolean;
  onChange: (asking: boolean) => void;
};

// Behind "I need a moment", where a partner looking on sees only the calm screen: a private request that
// only the therapist hears of, as a count.
function TalkAloneControl({ asking, failed, onChange }: TalkAloneProps) {
  const { t } = useTranslation('participant');
  return (
    <div className="talk-alone" data-testid="talk-alone">
      {asking ? (
        <>
          <p role="status">{t('care.talkAlone.asked')}</p>
          <button type="button" onClick={() => onChange(false)}>
            {t('care.talkAlone.takeBack')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => onChange(true)}>
          {t('care.talkAlone.ask')}
        </button>
      )}
      <p className="hint">{t('care.talkAlone.hint')}</p>
      {failed && (
        <p className="error" role="alert">
          {t('care.talkAlone.failed')}
        </p>
      )}
    </div>
  );
}

export function StepOutScreen({ mode, busy, problem, onBack, talkAlone }: StepOutScreenProps) {
  const { t } = useTranslation('participant');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="away-heading" className="card calm care-screen">
      <h1 id="away-heading" ref={heading} tabIndex={-1}>
        {t('care.stepOut.heading')}
      </h1>
      <p>{t('care.stepOut.text')}</p>
      <BreathingGuide />
      <p className="hint">
        {mode === 'couple' ? t('care.stepOut.couple') : t('care.stepOut.group')} {t('care.stepOut.goesOn')}
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={onBack}>
        {t('care.stepOut.back')}
      </button>
      {talkAlone && <TalkAloneControl {...talkAlone} />}
    </section>
  );
}

export function PausedScreen({ waiting }: { waiting: boolean }) {
  const { t } = useTranslation('participant');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="paused-heading" className="card calm care-screen">
      <h1 id="paused-heading" ref={heading} tabIndex={-1}>
        {t('care.paused.heading')}
      </h1>
      <p>{t('care.paused.text')}</p>
      <BreathingGuide />
      <p className="hint">{t('care.paused.ground')}</p>
      <p className="hint">{waiting ? t('care.paused.waiting') : t('care.paused.idle')}</p>
    </section>
  );
}

type WithdrawProps = {
  mode: SessionMode;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
};

// Two steps: first a plain button, then what will happen and a clear choice.
export function WithdrawControl({ mode, busy, problem, onConfirm }: WithdrawProps) {
  const { t } = useTranslation('participant');
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <div className="withdraw">
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          {t('care.withdraw.button')}
        </button>
      </div>
    );
  }
  return (
    <section aria-labelledby="withdraw-heading" className="card confirm withdraw">
      <h2 id="withdraw-heading" ref={heading} tabIndex={-1}>
        {t('care.withdraw.heading')}
      </h2>
      <ul>
        <li>{t('care.withdraw.deleted')}</li>
        <li>{mode === 'couple' ? t('care.withdraw.couple') : t('care.withdraw.group')}</li>
        <li>{t('care.withdraw.final')}</li>
      </ul>
      <p>{t('care.withdraw.okay')}</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="controls">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {t('care.withdraw.confirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => setAsking(false)}>
          {t('care.withdraw.keep')}
        </button>
      </div>
    </section>
  );
}

export function WithdrawnScreen() {
  const { t } = useTranslation('participant');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="page narrow participant">
      <section aria-labelledby="goodbye-heading" className="card calm care-screen">
        <h1 id="goodbye-heading" ref={heading} tabIndex={-1}>
          {t('care.withdrawn.heading')}
        </h1>
        <p>{t('care.withdrawn.text')}</p>
        <p className="hint">{t('care.withdrawn.hint')}</p>
        <p>
          <Link to="/">{t('care.withdrawn.back')}</Link>
        </p>
      </section>
    </main>
  );
}
