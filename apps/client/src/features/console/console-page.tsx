import { K_DEFAULT, K_MAX, K_MIN, type CreateSession, type CreatedSession, type SessionMode, type DeckSummary, type Facilitator, type FacilitatorSession } from '@candor/shared';
import { useEffect, useState } from 'react';
import { ApiError, apiGet, apiPost } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { rememberScreenToken } from './screen-tokens';

type ConsoleData = { facilitator: Facilitator; decks: DeckSummary[]; sessions: FacilitatorSession[] };

const PHASE_NAMES = { lobby: 'lobby', open: 'prompt open', closed: 'prompt closed', released: 'results shown', ended: 'ended' } as const;

export function ConsolePage() {
  const [data, setData] = useState<ConsoleData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [k, setK] = useState(String(K_DEFAULT));
  const [mode, setMode] = useState<SessionMode>('group');
  const [liveResults, setLiveResults] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const { facilitator } = await apiGet<{ facilitator: Facilitator }>('/api/auth/me');
        const [{ decks }, { sessions }] = await Promise.all([
          apiGet<{ decks: DeckSummary[] }>('/api/decks'),
          apiGet<{ sessions: FacilitatorSession[] }>('/api/sessions'),
        ]);
        if (current) setData({ facilitator, decks, sessions });
      } catch (caught) {
        if (!current) return;
        if (caught instanceof ApiError && caught.status === 401) navigate('/login', { replace: true });
        else setLoadError(caught instanceof ApiError ? caught.message : 'Could not load your console.');
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, []);

  const kValue = Number(k);
  const kValid = Number.isInteger(kValue) && kValue >= K_MIN && kValue <= K_MAX;

  const start = async (deckId: string) => {
    if (mode === 'group' && !kValid) {
      setError(`The privacy threshold must be a whole number from ${K_MIN} to ${K_MAX}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // A couple session has two seats and no k; live results are for groups only.
      const body: Partial<CreateSession> & { deckId: string } = mode === 'couple' ? { deckId, mode } : { deckId, mode, k: kValue, liveResults };
      const created = await apiPost<CreatedSession>('/api/sessions', body);
      rememberScreenToken(created.state.id, created.screenToken);
      navigate(`/console/sessions/${created.state.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not start the session.');
      setBusy(false);
    }
  };

  const logOut = async () => {
    try {
      await apiPost('/api/auth/logout');
    } catch {
      // The cookie may already be gone; leaving the console is what the person asked for.
    }
    navigate('/', { replace: true });
  };

  if (loadError) {
    return (
      <main className="page">
        <h1>Facilitator console</h1>
        <p className="error" role="alert">
          {loadError}
        </p>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="page">
        <h1>Facilitator console</h1>
        <p role="status">Loading…</p>
      </main>
    );
  }

  return (
    <main className="page">
      <header className="topbar">
        <h1>Facilitator console</h1>
        <div className="topbar-actions">
          <span className="muted">{data.facilitator.email}</span>
          <button type="button" onClick={() => void logOut()}>
            Log out
          </button>
        </div>
      </header>

      <section aria-labelledby="decks-heading" className="card">
        <h2 id="decks-heading">Start a session</h2>
        <p>
          <Link to="/console/decks">Deck library</Link>: make your own decks, edit, import and export them.
        </p>
        <fieldset className="mode-choice">
          <legend>Mode</legend>
          <label className="check">
            <input type="radio" name="session-mode" value="group" checked={mode === 'group'} onChange={() => setMode('group')} />
            <span>Group: a workshop or class; you and the screen see totals only</span>
          </label>
          <label className="check">
            <input type="radio" name="session-mode" value="couple" checked={mode === 'couple'} onChange={() => setMode('couple')} />
            <span>Couple: two partners, with you as their therapist; you see the same reveal as they do</span>
          </label>
        </fieldset>
        {mode === 'group' ? (
          <>
            <label htmlFor="k-threshold">Privacy threshold (k)</label>
            <input
              id="k-threshold"
              type="number"
              inputMode="numeric"
              min={K_MIN}
              max={K_MAX}
              step={1}
              value={k}
              onChange={(event) => setK(event.target.value)}
              aria-describedby="k-hint"
              aria-invalid={kValid ? undefined : true}
              className="short-input"
            />
            <p id="k-hint" className="hint">
              Results of a question stay hidden until at least this many people have answered it ({K_MIN}–{K_MAX}).
            </p>
            <label className="check">
              <input type="checkbox" checked={liveResults} onChange={(event) => setLiveResults(event.target.checked)} aria-describedby="live-hint" />
              <span>Live results</span>
            </label>
            <p id="live-hint" className="hint">
              Off by default: results appear when you release them. When on, they show while a question is open, updating at most once a
              second and only after at least 3 answers changed. You can change this during the session.
            </p>
          </>
        ) : (
          <p className="hint">
            Two seats; a third person with the code is turned away. Each prompt is revealed once both partners have answered, under its
            reveal policy (yes / maybe / no lists: only matches, things worth exploring, and how many items are not shared).
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <ul className="deck-list">
          {data.decks.map((deck) => (
            <li key={deck.id} className="deck">
              <h3>{deck.title}</h3>
              {deck.description && <p>{deck.description}</p>}
              <p className="hint">
                {deck.promptCount} {deck.promptCount === 1 ? 'prompt' : 'prompts'}
                {deck.contentNote ? ` · Content note: ${deck.contentNote}` : ''}
              </p>
              <button type="button" className="primary" disabled={busy} aria-label={`Start session: ${deck.title}`} onClick={() => void start(deck.id)}>
                Start session
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">Your sessions</h2>
        {data.sessions.length === 0 ? (
          <p className="muted">No sessions yet.</p>
        ) : (
          <ul className="session-list">
            {data.sessions.map(({ state, createdAt }) => (
              <li key={state.id}>
                <Link to={`/console/sessions/${state.id}`}>
                  {state.title} — {state.code}
                </Link>
                <span className="muted">
                  {' '}
                  · {PHASE_NAMES[state.phase]} · {formatDate(createdAt)} ·{' '}
                </span>
                <Link to={`/console/sessions/${state.id}/summary`} aria-label={`Summary: ${state.title} — ${state.code}`}>
                  Summary
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
