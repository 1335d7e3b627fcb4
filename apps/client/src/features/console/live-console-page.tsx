import { PROTOCOL_VERSION, type FacilitatorSession, type SessionPhase, type SessionState } from '@candor/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, apiGet, apiPost } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { sendCommand, type CandorSocket, type CommandResult } from '../../lib/socket';
import { useSessionSocket } from '../../lib/use-session-socket';
import { joinUrl, presenterUrl } from '../join-links/join-links';
import { JoinQr } from '../join-links/join-qr';
import { ResultView } from '../results/result-view';
import { ModerationPanel } from './moderation-panel';
import { rememberScreenToken, screenTokenFor } from './screen-tokens';

const PHASE_LABELS: Record<SessionPhase, string> = {
  lobby: 'Lobby: waiting to start',
  open: 'Prompt open',
  closed: 'Prompt closed',
  released: 'Results released',
  ended: 'Ended',
};

type Command = 'prompt:open' | 'prompt:close' | 'results:release' | 'session:end';

export function LiveConsolePage({ sessionId }: { sessionId: string }) {
  const auth = useMemo(() => ({ role: 'facilitator' as const, protocol: PROTOCOL_VERSION, sessionId }), [sessionId]);
  const { socket, state, status, refusal, applyState } = useSessionSocket(auth);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  // How many participants are taking a moment; null until the server first says (it tells on changes only).
  const [away, setAway] = useState<number | null>(null);

  useEffect(() => {
    if (!socket) return;
    const onAway = ({ away: count }: { away: number }) => setAway(count);
    socket.on('stepout:updated', onAway);
    return () => {
      socket.off('stepout:updated', onAway);
    };
  }, [socket]);

  useEffect(() => {
    let current = true;
    apiGet<FacilitatorSession>(`/api/sessions/${encodeURIComponent(sessionId)}`)
      .then((session) => {
        if (current) applyState(session.state);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        if (caught instanceof ApiError && caught.status === 401) navigate('/login', { replace: true });
        else setLoadError(caught instanceof ApiError ? caught.message : 'Could not load this session.');
      });
    return () => {
      current = false;
    };
  }, [sessionId, applyState]);

  useEffect(() => {
    if (refusal?.code === 'UNAUTHENTICATED') navigate('/login', { replace: true });
  }, [refusal]);

  const send = async (command: (target: CandorSocket) => Promise<CommandResult<SessionState>>) => {
    if (!socket) return;
    setBusy(true);
    setCommandError(null);
    const result = await command(socket);
    setBusy(false);
    setConfirmEnd(false);
    if (result.ok) applyState(result.data);
    else setCommandError(result.error.message);
  };
  const run = (command: Command) => send((target) => sendCommand(target, command, {}));
  const setPaused = (paused: boolean) => send((target) => sendCommand(target, 'session:pause', { paused }));
  const setLiveResults = (liveResults: boolean) => send((target) => sendCommand(target, 'session:settings', { liveResults }));

  const problem = loadError ?? (refusal && refusal.code !== 'UNAUTHENTICATED' ? refusal.message : null);
  if (problem) {
    return (
      <main className="page">
        <p>
          <Link to="/console">← Console</Link>
        </p>
        <h1>Session</h1>
        <p className="error" role="alert">
          {problem}
        </p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="page">
        <h1>Session</h1>
        <p role="status">Connecting…</p>
      </main>
    );
  }

  const connected = status === 'connected';
  const can = allowedCommands(state);
  const ready = connected && !busy;

  return (
    <main className="page wide">
      <nav className="breadcrumbs" aria-label="Console">
        <Link to="/console">← Console</Link>
        <span aria-hidden="true"> · </span>
        <Link to={`/console/sessions/${encodeURIComponent(state.id)}/summary`}>Session summary</Link>
      </nav>
      <h1>{state.title}</h1>
      {!connected && (
        <p className="banner" role="status">
          Reconnecting to the server…
        </p>
      )}

      <div className="console-grid">
        <section aria-labelledby="join-heading" className="card">
          <h2 id="join-heading">How people join</h2>
          <p className="join-code-label">Join code</p>
          <p className="join-code">{state.code}</p>
          <p>
            Join link: <a href={joinUrl(state.code)}>{joinUrl(state.code)}</a>
          </p>
          <JoinQr url={joinUrl(state.code)} size={180} />
          <PresenterLink sessionId={state.id} />
        </section>

        <section aria-labelledby="run-heading" className="card">
          <h2 id="run-heading">Run the session</h2>
          <dl className="facts">
            <div>
              <dt>Phase</dt>
              <dd data-testid="phase" aria-live="polite">{PHASE_LABELS[state.phase]}</dd>
            </div>
            <div>
              <dt>Prompt</dt>
              <dd>
                {state.prompt && state.promptIndex !== null
                  ? `${state.promptIndex + 1} of ${state.promptCount}: ${state.prompt.title}`
                  : `None yet (${state.promptCount} in this deck)`}
              </dd>
            </div>
            <div>
              <dt>Answers</dt>
              <dd data-testid="answered">
                {state.answered} of {state.participants} answered
              </dd>
            </div>
            <div>
              <dt>Taking a moment</dt>
              <dd data-testid="away" aria-live="polite">
                {awayText(away)}
              </dd>
            </div>
          </dl>
          <p className="hint">You see how many people tapped "I need a moment", never who. Each signal lapses after 5 minutes.</p>

          <div className="controls">
            <button type="button" className="primary" disabled={!ready || !can.open} onClick={() => void run('prompt:open')}>
              Open next prompt
            </button>
            <button type="button" disabled={!ready || !can.close} onClick={() => void run('prompt:close')}>
              Close prompt
            </button>
            <button type="button" disabled={!ready || !can.release} onClick={() => void run('results:release')}>
              Release results
            </button>
          </div>
          <div className="controls">
            {confirmEnd ? (
              <>
                <button type="button" className="danger" disabled={!ready} onClick={() => void run('session:end')}>
                  Yes, end session
                </button>
                <button type="button" onClick={() => setConfirmEnd(false)}>
                  Keep going
                </button>
              </>
            ) : (
              <button type="button" className="danger-outline" disabled={!ready || !can.end} onClick={() => setConfirmEnd(true)}>
                End session
              </button>
            )}
          </div>
          {confirmEnd && <p className="hint">Ending closes the session for everyone. It cannot be reopened.</p>}
          {state.phase !== 'ended' && (
            <div className="controls">
              <button type="button" aria-pressed={state.paused} disabled={!ready} onClick={() => void setPaused(!state.paused)}>
                {state.paused ? 'Resume' : 'Pause for everyone'}
              </button>
            </div>
          )}
          {state.paused && state.phase !== 'ended' && (
            <p className="banner" role="status">
              Paused: everyone sees a calm screen with a slow breathing prompt, and answering is frozen. Answers not yet saved wait on
              the phones and are sent when you resume.
            </p>
          )}
          {commandError && (
            <p className="error" role="alert">
              {commandError}
            </p>
          )}
        </section>
      </div>

      <PrivacySettings state={state} ready={ready} onLiveResults={(on) => void setLiveResults(on)} />

      {state.phase === 'open' && state.liveResults && state.result && (
        <section aria-labelledby="live-result-heading" className="card">
          <h2 id="live-result-heading">Live results</h2>
          <p className="hint">Updated at most once a second, and only after at least 3 answers changed.</p>
          <ResultView prompt={state.prompt} result={state.result} />
        </section>
      )}

      {state.prompt?.kind === 'text' && (state.phase === 'open' || state.phase === 'closed' || state.phase === 'released') && (
        <ModerationPanel socket={socket} promptId={state.prompt.id} phase={state.phase} k={state.k} />
      )}

      {state.phase === 'released' && state.result && (
        <section aria-labelledby="result-heading" className="card">
          <h2 id="result-heading">Result</h2>
          <ResultView prompt={state.prompt} result={state.result} />
        </section>
      )}
      {state.phase === 'ended' && (
        <p>
          <Link to={`/console/sessions/${encodeURIComponent(state.id)}/summary`}>Open the session summary</Link> to print or download
          every released result.
        </p>
      )}
    </main>
  );
}

function awayText(away: number | null): string {
  if (away === null) return 'Nobody since you opened this page';
  if (away === 0) return 'Nobody right now';
  return away === 1 ? '1 person needs a moment' : `${away} people need a moment`;
}

// Which privacy rules are in force, in words, and the one setting that can change during a session.
function PrivacySettings({ state, ready, onLiveResults }: { state: SessionState; ready: boolean; onLiveResults: (on: boolean) => void }) {
  const couple = state.mode === 'couple';
  return (
    <section aria-labelledby="privacy-settings-heading" className="card">
      <h2 id="privacy-settings-heading">Privacy in force</h2>
      <dl className="facts" data-testid="privacy-settings">
        <div>
          <dt>Mode</dt>
          <dd>{couple ? 'Couple: two seats, compared under each prompt’s reveal policy' : 'Group: totals only, never one person’s answer'}</dd>
        </div>
        <div>
          <dt>Privacy threshold</dt>
          <dd>
            {couple
              ? 'Not used: the reveal shows only what the policy allows, once both partners answered'
              : `k = ${state.k}: a question’s results stay hidden until ${state.k} people answered it`}
          </dd>
        </div>
        <div>
          <dt>Live results</dt>
          <dd data-testid="live-results">
            {couple
              ? 'Not used: each prompt reveals itself once both partners answered'
              : state.liveResults
                ? 'On: results update while a question is open'
                : 'Off: results appear only when you release them'}
          </dd>
        </div>
      </dl>
      {couple ? (
        <p className="hint">You see the same reveal as the couple: matches, worth exploring and how many items are not shared, never who answered what.</p>
      ) : (
        state.phase !== 'ended' && (
          <>
            <label className="check">
              <input
                type="checkbox"
                role="switch"
                checked={state.liveResults}
                disabled={!ready}
                onChange={(event) => onLiveResults(event.target.checked)}
                aria-describedby="live-results-rule"
              />
              <span>Live results</span>
            </label>
            <p id="live-results-rule" className="hint">
              When on, results show while a question is open, still only from {state.k} answers on. So that nobody can tell what the
              person who just tapped chose, they update at most once a second and only after at least 3 answers changed (or when
              the question closes).
            </p>
          </>
        )
      )}
    </section>
  );
}

function PresenterLink({ sessionId }: { sessionId: string }) {
  const [token, setToken] = useState(() => screenTokenFor(sessionId));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const renew = async () => {
    setError(null);
    try {
      const { screenToken } = await apiPost<{ screenToken: string }>(`/api/sessions/${encodeURIComponent(sessionId)}/screen-link`);
      rememberScreenToken(sessionId, screenToken);
      setToken(screenToken);
      setNote('New presenter link ready. Any older presenter link no longer works.');
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not make a presenter link.');
    }
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setNote('Presenter link copied.');
    } catch {
      // Clipboard access needs a secure context and permission; fall back to a selection.
      inputRef.current?.select();
      setNote('Link selected: press Ctrl+C (or ⌘C) to copy it.');
    }
  };

  const url = token ? presenterUrl(sessionId, token) : null;
  return (
    <div className="presenter">
      <h3>Presenter screen</h3>
      {url ? (
        <>
          <label htmlFor="presenter-link">Presenter link</label>
          <div className="copy-row">
            <input id="presenter-link" ref={inputRef} readOnly value={url} onFocus={(event) => event.target.select()} />
            <button type="button" onClick={() => void copy(url)}>
              Copy
            </button>
          </div>
          <p className="hint">
            Open it on the projector. It shows the prompt and released results only.{' '}
            <a href={url} target="_blank" rel="noopener noreferrer">
              Open presenter view
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="hint">For safety the presenter link is shown only once. Make a new one to show it again; the old one stops working.</p>
          <button type="button" onClick={() => void renew()}>
            New presenter link
          </button>
        </>
      )}
      <p className="hint" aria-live="polite">
        {note}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function allowedCommands(state: SessionState) {
  const hasNext = state.promptIndex === null ? state.promptCount > 0 : state.promptIndex + 1 < state.promptCount;
  const between = state.phase === 'lobby' || state.phase === 'closed' || state.phase === 'released';
  return {
    open: between && hasNext,
    close: state.phase === 'open',
    release: state.phase === 'closed',
    end: state.phase !== 'ended',
  };
}

