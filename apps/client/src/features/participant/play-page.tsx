import { PROTOCOL_VERSION, type Prompt, type SessionPhase, type SessionState } from '@candor/shared';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../lib/router';
import { useSessionSocket } from '../../lib/use-session-socket';
import { ResultView } from '../results/result-view';
import { AnswerForm } from './answer-forms';
import { latestPending } from './pending-answers';
import { forgetSeatToken, readSeatToken } from './seat-token';
import { useAnswerSync, type AnswerSync } from './use-answer-sync';

export function PlayPage({ sessionId }: { sessionId: string }) {
  const token = useMemo(() => readSeatToken(sessionId), [sessionId]);
  const auth = useMemo(() => (token ? { role: 'participant' as const, protocol: PROTOCOL_VERSION, token } : null), [token]);
  const sync = useAnswerSync();
  const { state, status, refusal } = useSessionSocket(auth, { onSnapshot: sync.onSnapshot, onDisconnect: sync.onDisconnect });

  const seatGone = !token || refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND';
  useEffect(() => {
    // A token the server no longer knows would only get in the way of joining again.
    if (refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND') forgetSeatToken(sessionId);
  }, [refusal, sessionId]);

  if (seatGone) {
    return (
      <Shell>
        <h1>We couldn't find your place in this session</h1>
        <p role="alert">It may have ended, or this browser may not be the one you joined with.</p>
        <p>
          <Link to="/">Back to the start page</Link> to join with a code.
        </p>
      </Shell>
    );
  }
  if (refusal?.code === 'SESSION_ENDED') return <Ended />;
  if (refusal) {
    return (
      <Shell>
        <h1>Something went wrong</h1>
        <p role="alert">
          {refusal.code === 'PROTOCOL_MISMATCH' ? 'This page is out of date. Please reload it.' : refusal.message}
        </p>
        <p>
          <Link to="/">Back to the start page</Link>
        </p>
      </Shell>
    );
  }

  const reconnecting = status === 'reconnecting';
  return (
    <Shell title={state?.title}>
      {reconnecting && (
        <p className="banner" role="status">
          Reconnecting… your answers are kept on this device until they are saved
        </p>
      )}
      {/* Phase changes replace the page; this persistent region tells screen reader users what happened. */}
      <p className="sr-only" aria-live="polite">
        {state ? PHASE_ANNOUNCEMENTS[state.phase] : ''}
      </p>
      {state ? <PhaseView state={state} sync={sync} /> : !reconnecting && <p role="status">Connecting…</p>}
      {sync.failure && (
        <p className="error" role="alert">
          {sync.failure}
        </p>
      )}
    </Shell>
  );
}

const PHASE_ANNOUNCEMENTS: Record<SessionPhase, string> = {
  lobby: '',
  open: 'A new question is open.',
  closed: 'The facilitator has closed this question.',
  released: 'The results for this question are shown.',
  ended: 'This session is over.',
};

function PhaseView({ state, sync }: { state: SessionState; sync: AnswerSync }) {
  switch (state.phase) {
    case 'lobby':
      return (
        <section className="card calm">
          <h1>Waiting for the facilitator to start</h1>
          <p>You're in. Keep this page open; the first question will appear here by itself.</p>
        </section>
      );
    case 'open':
      return state.prompt ? <OpenPrompt key={state.prompt.id} prompt={state.prompt} state={state} sync={sync} /> : null;
    case 'closed':
      return (
        <section className="card calm">
          <h1>Answers are closed</h1>
          <p>The facilitator will share the results with the room in a moment.</p>
          {state.prompt && sync.saved[state.prompt.id] && <p className="hint">Your answer to this question was saved.</p>}
        </section>
      );
    case 'released':
      return (
        <section aria-labelledby="result-heading">
          <h1 id="result-heading">{state.prompt?.title ?? 'Results'}</h1>
          {state.result ? <ResultView prompt={state.prompt} result={state.result} headingLevel={2} /> : <p>No results for this question.</p>}
        </section>
      );
    case 'ended':
      return <EndedMessage />;
  }
}

function OpenPrompt({ prompt, state, sync }: { prompt: Prompt; state: SessionState; sync: AnswerSync }) {
  const pending = latestPending(sync.queue, prompt.id);
  const latest = pending?.value ?? sync.saved[prompt.id];
  const submit = (value: Parameters<AnswerSync['submit']>[1]) => sync.submit(prompt.id, value);
  // Someone who already answered (before a reload, say) has seen the note and chose to go on.
  const [noteRead, setNoteRead] = useState(() => !prompt.contentNote || latest !== undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const revealed = useRef(false);

  useEffect(() => {
    // After "Show the question", move focus to it so that a screen reader reads it next.
    if (noteRead && revealed.current) headingRef.current?.focus();
  }, [noteRead]);

  const eyebrow = state.promptIndex !== null && (
    <p className="eyebrow">
      Question {state.promptIndex + 1} of {state.promptCount}
    </p>
  );

  if (!noteRead && prompt.contentNote) {
    return (
      <section aria-labelledby="note-heading" className="content-gate">
        {eyebrow}
        <h1 id="note-heading">Before this question</h1>
        <p className="content-note">
          <strong>Content note:</strong> {prompt.contentNote}
        </p>
        <p>You decide whether to look at it. Passing is always fine, and nobody sees who passed.</p>
        <div className="controls">
          <button
            type="button"
            className="primary"
            onClick={() => {
              revealed.current = true;
              setNoteRead(true);
            }}
          >
            Show the question
          </button>
          <button type="button" onClick={() => submit({ kind: 'pass' })}>
            Pass this question
          </button>
        </div>
        {latest?.kind === 'pass' && (
          <p className="save-status" aria-live="polite">
            {pending ? 'Not yet saved' : 'You passed this question.'}
          </p>
        )}
      </section>
    );
  }

  return (
    <section aria-labelledby="prompt-heading">
      {eyebrow}
      <h1 id="prompt-heading" ref={headingRef} tabIndex={-1}>
        {prompt.title}
      </h1>
      {prompt.contentNote && (
        <p className="content-note">
          <strong>Content note:</strong> {prompt.contentNote}
        </p>
      )}
      {prompt.body && <p>{prompt.body}</p>}
      <AnswerForm prompt={prompt} latest={latest} pending={pending !== undefined} onSubmit={submit} />
    </section>
  );
}

function EndedMessage() {
  return (
    <section className="card calm">
      <h1>The session has ended. Thank you.</h1>
      <p>Your individual answers are not shown to anyone. You can close this page.</p>
    </section>
  );
}

function Ended() {
  return (
    <Shell>
      <EndedMessage />
    </Shell>
  );
}

function Shell({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <main className="page narrow participant">
      {title && <p className="session-name">{title}</p>}
      {children}
    </main>
  );
}
