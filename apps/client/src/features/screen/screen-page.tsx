import { PROTOCOL_VERSION, type SessionState } from '@candor/shared';
import { useMemo } from 'react';
import { useSessionSocket } from '../../lib/use-session-socket';
import { joinUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { BreathingGuide } from '../participant/care-controls';
import { ResultView } from '../results/result-view';

export function ScreenPage({ hash }: { hash: string }) {
  // The presenter token rides in the fragment, so it never reaches server logs or a Referer header.
  const token = hash.replace(/^#/, '');
  const auth = useMemo(() => (token ? { role: 'screen' as const, protocol: PROTOCOL_VERSION, token } : null), [token]);
  const { state, status, refusal } = useSessionSocket(auth);

  if (!token || refusal) {
    return (
      <main className="screen">
        <h1>This presenter link does not work</h1>
        <p role="alert">
          {!token || refusal?.code === 'UNAUTHENTICATED'
            ? 'It may be incomplete or replaced by a newer one. Ask the facilitator for a new presenter link.'
            : refusal?.message}
        </p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="screen">
        <p role="status" className="screen-status">
          Connecting…
        </p>
      </main>
    );
  }

  return (
    <main className="screen">
      {status !== 'connected' && (
        <p className="banner" role="status">
          Reconnecting…
        </p>
      )}
      {state.paused && state.phase !== 'ended' ? <ScreenPause /> : <ScreenBody state={state} />}
      {state.phase !== 'lobby' && state.phase !== 'ended' && (
        <footer className="screen-footer">
          Join at {joinUrl(state.code)} with code <strong>{state.code}</strong>
        </footer>
      )}
    </main>
  );
}

// The facilitator's pause reaches the room too: a calm screen instead of the prompt or its results.
function ScreenPause() {
  return (
    <section className="screen-lobby screen-pause" aria-live="polite">
      <h1 className="screen-title">A short pause</h1>
      <BreathingGuide />
    </section>
  );
}

function ScreenBody({ state }: { state: SessionState }) {
  switch (state.phase) {
    case 'lobby':
      return (
        <section className="screen-lobby" aria-live="polite">
          <h1>{state.title}</h1>
          <div className="screen-join">
            <div>
              <p className="screen-label">Join at</p>
              <p className="screen-link">{joinUrl(state.code)}</p>
              <p className="screen-label">with the code</p>
              <p className="join-code huge">{state.code}</p>
            </div>
            <JoinQr url={joinUrl(state.code)} size={320} />
          </div>
          <p className="screen-count">
            <strong>{state.participants}</strong> joined · No names. Nobody sees your own answers.
          </p>
        </section>
      );
    case 'open':
      return (
        <section>
          {state.prompt?.contentNote && (
            <p className="content-note">
              <strong>Content note:</strong> {state.prompt.contentNote}
            </p>
          )}
          <h1 className="screen-title">{state.prompt?.title}</h1>
          <p className="screen-count huge-count">
            <strong>{state.answered}</strong> answered
          </p>
        </section>
      );
    case 'closed':
      return (
        <section aria-live="polite">
          <h1 className="screen-title">{state.prompt?.title}</h1>
          <p className="screen-message">Answers closed — results coming</p>
        </section>
      );
    case 'released':
      return (
        <section>
          <h1 className="screen-title">{state.prompt?.title}</h1>
          {state.result && <ResultView prompt={state.prompt} result={state.result} size="large" headingLevel={2} />}
        </section>
      );
    case 'ended':
      return (
        <section className="screen-lobby">
          <h1 className="screen-title">Thank you</h1>
        </section>
      );
  }
}
