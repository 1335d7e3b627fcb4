import { PROTOCOL_VERSION, type Prompt, type SessionPhase, type SessionState } from '@candor/shared';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link } from '../../lib/router';
import { sendCommand, type CandorSocket } from '../../lib/socket';
import { useSessionSocket } from '../../lib/use-session-socket';
import { ResultView } from '../results/result-view';
import { AnswerForm } from './answer-forms';
import { PausedScreen, StepOutScreen, WithdrawControl, WithdrawnScreen } from './care-controls';
import { RevealNote, SelfRunControls, ShareWithPartner } from './couple-controls';
import { latestPending } from './pending-answers';
import { forgetSeatToken, readSeatToken } from './seat-token';
import { useAnswerSync, type AnswerSync } from './use-answer-sync';

export function PlayPage({ sessionId }: { sessionId: string }) {
  const token = useMemo(() => readSeatToken(sessionId), [sessionId]);
  const [withdrawn, setWithdrawn] = useState(false);
  // After withdrawing there is no seat left to connect with.
  const auth = useMemo(
    () => (token && !withdrawn ? { role: 'participant' as const, protocol: PROTOCOL_VERSION, token } : null),
    [token, withdrawn],
  );
  const sync = useAnswerSync();
  const { socket, state, status, refusal, applyState } = useSessionSocket(auth, { onSnapshot: sync.onSnapshot, onDisconnect: sync.onDisconnect });
  const care = useCare(socket, () => {
    forgetSeatToken(sessionId);
    setWithdrawn(true);
  });
  const paused = state?.paused ?? false;
  const { resume } = sync;

  useEffect(() => {
    // Answers refused during a pause wait on this phone; send them the moment it ends.
    if (!paused) resume();
  }, [paused, resume]);

  const seatGone = !token || refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND';
  useEffect(() => {
    // A token the server no longer knows would only get in the way of joining again.
    if (refusal?.code === 'UNAUTHENTICATED' || refusal?.code === 'SESSION_NOT_FOUND') forgetSeatToken(sessionId);
  }, [refusal, sessionId]);

  if (withdrawn) return <WithdrawnScreen />;
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
  const live = state !== null && state.phase !== 'ended';
  // The question stays mounted under a calm screen, hidden and inert, so that a half-made answer survives.
  const covered = live && (care.away || paused);
  return (
    <Shell title={state?.title}>
      {reconnecting && (
        <p className="banner" role="status">
          Reconnecting… your answers are kept on this device until they are saved
        </p>
      )}
      {/* Phase changes replace the page; this persistent region tells screen reader users what happened. */}
      <p className="sr-only" aria-live="polite">
        {state ? announcement(state) : ''}
      </p>
      {live && !care.away && (
        <div className="care-bar">
          <button type="button" className="care-button" disabled={care.busy} onClick={care.stepOut}>
            I need a moment
          </button>
        </div>
      )}
      {live && care.away && <StepOutScreen mode={state.mode} busy={care.busy} problem={care.problem} onBack={care.comeBack} />}
      {live && !care.away && paused && <PausedScreen waiting={sync.queue.length > 0} />}
      <div hidden={covered} inert={covered}>
        {state ? (
          <PhaseView state={state} sync={sync} socket={socket} selfRun={state.selfRun} applyState={applyState} />
        ) : (
          !reconnecting && <p role="status">Connecting…</p>
        )}
        {sync.failure && (
          <p className="error" role="alert">
            {sync.failure}
          </p>
        )}
      </div>
      {live && !care.away && <WithdrawControl mode={state.mode} busy={care.busy} problem={care.withdrawProblem} onConfirm={care.withdraw} />}
    </Shell>
  );
}

type Care = {
  away: boolean;
  busy: boolean;
  problem: string | null;
  withdrawProblem: string | null;
  stepOut: () => void;
  comeBack: () => void;
  withdraw: () => void;
};

// "I need a moment" and withdrawing. The calm screen shows at once; the signal follows.
function useCare(socket: CandorSocket | null, onWithdrawn: () => void): Care {
  const [away, setAway] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [withdrawProblem, setWithdrawProblem] = useState<string | null>(null);
  const withdrawnRef = useRef(onWithdrawn);

  useEffect(() => {
    withdrawnRef.current = onWithdrawn;
  });

  const stepOut = useCallback(() => {
    setAway(true);
    setProblem(null);
    if (!socket) return;
    void sendCommand(socket, 'participant:step-out', { away: true }).then((result) => {
      if (!result.ok) setProblem('The signal could not be sent just now. Take the time you need all the same.');
    });
  }, [socket]);

  const comeBack = useCallback(() => {
    setAway(false);
    setProblem(null);
    // If this does not arrive, the signal lapses by itself after a few minutes.
    if (socket) void sendCommand(socket, 'participant:step-out', { away: false });
  }, [socket]);

  const withdraw = useCallback(() => {
    if (!socket) {
      setWithdrawProblem('Not connected right now. Please try again in a moment.');
      return;
    }
    setBusy(true);
    setWithdrawProblem(null);
    void sendCommand(socket, 'participant:withdraw', {}).then((result) => {
      setBusy(false);
      if (result.ok) withdrawnRef.current();
      else setWithdrawProblem(`Your answers were not deleted: ${result.error.message}`);
    });
  }, [socket]);

  return { away, busy, problem, withdrawProblem, stepOut, comeBack, withdraw };
}

function announcement(state: SessionState): string {
  if (state.paused && state.phase !== 'ended') return 'The session is paused.';
  if (state.mode === 'couple' && state.phase === 'released') return 'Your answers are revealed.';
  return PHASE_ANNOUNCEMENTS[state.phase];
}

const PHASE_ANNOUNCEMENTS: Record<SessionPhase, string> = {
  lobby: '',
  open: 'A new question is open.',
  closed: 'The facilitator has closed this question.',
  released: 'The results for this question are shown.',
  ended: 'This session is over.',
};

type PhaseProps = {
  state: SessionState;
  sync: AnswerSync;
  socket: CandorSocket | null;
  selfRun: boolean;
  applyState: (state: SessionState) => void;
};

function PhaseView(props: PhaseProps) {
  return props.state.mode === 'couple' ? <CouplePhaseView {...props} /> : <GroupPhaseView state={props.state} sync={props.sync} />;
}

function GroupPhaseView({ state, sync }: { state: SessionState; sync: AnswerSync }) {
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

// A couple session: the reveal instead of group results, and in the couple's own session the controls
// that let either partner move on.
function CouplePhaseView({ state, sync, socket, selfRun, applyState }: PhaseProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (command: 'prompt:open' | 'session:end') => {
    if (!socket) return;
    setBusy(true);
    setProblem(null);
    void sendCommand(socket, command, {}).then((result) => {
      setBusy(false);
      if (result.ok) applyState(result.data);
      else setProblem(result.error.message);
    });
  };
  const hasNext = state.promptIndex === null ? state.promptCount > 0 : state.promptIndex + 1 < state.promptCount;
  const bothHere = state.participants >= 2;
  const canOpen = hasNext && ((state.phase === 'lobby' && bothHere) || state.phase === 'closed' || state.phase === 'released');
  const myAnswer = state.prompt ? sync.saved[state.prompt.id] : undefined;

  let body: ReactNode;
  switch (state.phase) {
    case 'lobby':
      body =
        selfRun && !bothHere ? (
          <ShareWithPartner code={state.code} />
        ) : (
          <section className="card calm">
            <h1>{selfRun ? "You're both here" : 'Waiting for the session to start'}</h1>
            <p>
              {selfRun
                ? 'Start when you are both ready. Either of you can move on to the next question, and either of you can end the session.'
                : "You're in. Keep this page open; the first question will appear here by itself."}
            </p>
          </section>
        );
      break;
    case 'open':
      body = state.prompt ? <OpenPrompt key={state.prompt.id} prompt={state.prompt} state={state} sync={sync} couple /> : null;
      break;
    case 'closed':
      body = (
        <section className="card calm">
          <h1>Answers are closed</h1>
          <p>The answers are shown once they are released.</p>
        </section>
      );
      break;
    case 'released':
      body = (
        <section aria-labelledby="result-heading">
          <h1 id="result-heading">{state.prompt?.title ?? 'Your answers'}</h1>
          {state.result ? (
            <ResultView prompt={state.prompt} result={state.result} headingLevel={2} viewer="partner" myAnswer={myAnswer} />
          ) : (
            <p>Nothing to show for this question.</p>
          )}
        </section>
      );
      break;
    case 'ended':
      return (
        <section className="card calm">
          <h1>The session has ended. Thank you both.</h1>
          <p>Nothing more is shown to anyone. You can close this page.</p>
        </section>
      );
  }
  return (
    <>
      {body}
      {selfRun && (
        <SelfRunControls
          busy={busy}
          problem={problem}
          onNext={canOpen ? () => run('prompt:open') : null}
          onEnd={() => run('session:end')}
          lastDone={!hasNext && state.phase === 'released'}
        />
      )}
    </>
  );
}

type OpenPromptProps = { prompt: Prompt; state: SessionState; sync: AnswerSync; couple?: boolean };

function OpenPrompt({ prompt, state, sync, couple = false }: OpenPromptProps) {
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
      {couple && <RevealNote prompt={prompt} />}
      <AnswerForm prompt={prompt} latest={latest} pending={pending !== undefined} onSubmit={submit} context={couple ? 'couple' : 'group'} />
      {couple && sync.saved[prompt.id] && !pending && (
        <p className="hint" role="status">
          Waiting for your partner. You see the answers once you have both answered.
        </p>
      )}
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
