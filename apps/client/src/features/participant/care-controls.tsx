import type { SessionMode } from '@candor/shared';
import { useEffect, useRef, useState } from 'react';
import { Link } from '../../lib/router';

// The participant's own care controls: "I need a moment", withdrawing, and the calm screens that go with
// them and with a facilitator's pause. The question underneath stays mounted, so nothing typed is lost.

// A slow breathing prompt: the circle grows for about four seconds and shrinks for six. With reduced
// motion it stays still and the words carry the rhythm instead.
export function BreathingGuide() {
  return (
    <div className="breathing-guide">
      <div className="breathing-circle" aria-hidden="true" />
      <p className="breathing-words">
        <span className="motion-only">If it helps, breathe in while the circle grows, and let the breath go while it gets smaller.</span>
        <span className="still-only">If it helps, breathe in slowly while you count to four, and out while you count to six.</span>
      </p>
    </div>
  );
}

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
};

export function StepOutScreen({ mode, busy, problem, onBack }: StepOutScreenProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="away-heading" className="card calm care-screen">
      <h1 id="away-heading" ref={heading} tabIndex={-1}>
        Take the moment you need
      </h1>
      <p>You don't need to explain anything. Nothing here is waiting for you.</p>
      <BreathingGuide />
      <p className="hint">
        {mode === 'couple'
          ? 'Your partner is not told. If a therapist runs this session, they see only that someone is taking a moment.'
          : 'The facilitator sees only how many people are taking a moment, never who.'}{' '}
        The session goes on meanwhile, and you can pass any question when you come back.
      </p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="button" className="primary" disabled={busy} onClick={onBack}>
        I'm back
      </button>
    </section>
  );
}

export function PausedScreen({ waiting }: { waiting: boolean }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="paused-heading" className="card calm care-screen">
      <h1 id="paused-heading" ref={heading} tabIndex={-1}>
        A pause for everyone
      </h1>
      <p>The session is paused for a while. Nothing is asked of you right now.</p>
      <BreathingGuide />
      <p className="hint">You could also notice where your feet meet the floor, or name three things you can see around you.</p>
      <p className="hint">
        {waiting
          ? 'Your last answer is kept on this phone and will be sent as soon as the session goes on.'
          : 'Answering is paused. The question comes back here when the session goes on.'}
      </p>
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
  const [asking, setAsking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (asking) heading.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <div className="withdraw">
        <button type="button" className="link-button" onClick={() => setAsking(true)}>
          Withdraw my answers
        </button>
      </div>
    );
  }
  return (
    <section aria-labelledby="withdraw-heading" className="card confirm withdraw">
      <h2 id="withdraw-heading" ref={heading} tabIndex={-1}>
        Withdraw from this session?
      </h2>
      <ul>
        <li>Every answer you gave in this session is deleted straight away.</li>
        {mode === 'couple' ? (
          <li>What was shown to the two of you is worked out again without your answers. Your partner will see that only one seat is taken.</li>
        ) : (
          <li>The results are worked out again without your answers, also any already shown. Nobody is told who left.</li>
        )}
        <li>You leave the session and this phone forgets its key, so this can't be undone.</li>
      </ul>
      <p>It's okay to stop here. You don't need a reason.</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="controls">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          Yes, delete my answers and leave
        </button>
        <button type="button" disabled={busy} onClick={() => setAsking(false)}>
          Keep my answers
        </button>
      </div>
    </section>
  );
}

export function WithdrawnScreen() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <main className="page narrow participant">
      <section aria-labelledby="goodbye-heading" className="card calm care-screen">
        <h1 id="goodbye-heading" ref={heading} tabIndex={-1}>
          Your answers are deleted
        </h1>
        <p>Thank you for being here for as long as felt right. Leaving is always okay.</p>
        <p className="hint">This phone no longer holds a key to the session. You can close this page.</p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </section>
    </main>
  );
}
