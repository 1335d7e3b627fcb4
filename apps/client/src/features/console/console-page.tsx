import type { CreateSession, SessionAccess, SessionMode, SessionState } from '@candor/shared';
import { K_DEFAULT, K_MAX, K_MIN } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { localizeDeckSummary } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { CheckWithHint } from '../../lib/check-with-hint';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import { DeleteSession } from './delete-session';
import { HomeworkAssign, HomeworkRow } from './homework-assign';
import { rememberScreenToken } from './screen-tokens';
import '../../i18n/facilitator-texts';

export const ConsolePage = withQueries(function ConsolePage() {
  // Who is logged in first; the decks and sessions once that is known.
  const me = useQuery(routeQuery(routes.me));
  const decks = useQuery({ ...routeQuery(routes.listDecks), enabled: me.isSuccess });
  const sessions = useQuery({ ...routeQuery(routes.listSessions), enabled: me.isSuccess });
  const data = me.data && decks.data && sessions.data && { facilitator: me.data.facilitator, decks: decks.data.decks, sessions: sessions.data.sessions };
  // What failed: the server's error, or null for one the client noticed itself (none while going to the login).
  const failed = useLoginRedirect(me.error ?? decks.error ?? sessions.error);
  const loadError = failed ? { failure: failed instanceof ApiError ? failed : null } : null;
  const logOutCall = useMutation({ mutationFn: () => call(routes.logOut) });
  const [k, setK] = useState(String(K_DEFAULT));
  const [mode, setMode] = useState<SessionMode>('group');
  const [liveResults, setLiveResults] = useState(false);
  const [blindReveal, setBlindReveal] = useState(false);
  const [error, setError] = useState<{ failure: ApiError | null; kInvalid?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { t, i18n } = useTranslation('facilitator');
  const { t: tc } = useTranslation();
  const { t: th } = useTranslation('homework');
  // Deck titles and session names in the console's language where the deck has them.
  const language = useDeckLanguage();
  const errorText = useErrorText();

  const kValue = Number(k);
  const kValid = Number.isInteger(kValue) && kValue >= K_MIN && kValue <= K_MAX;

  const start = async (deckId: string) => {
    if (mode === 'group' && !kValid) {
      setError({ failure: null, kInvalid: true });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // A couple session has two seats and no k; live results are for groups only.
      const body: Partial<CreateSession> & { deckId: string } = mode === 'couple' ? { deckId, mode, blindReveal } : { deckId, mode, k: kValue, liveResults };
      const created = await call(routes.createSession, { body });
      rememberScreenToken(created.state.id, created.screenToken);
      navigate(`/console/sessions/${created.state.id}`);
    } catch (caught) {
      setError({ failure: caught instanceof ApiError ? caught : null });
      setBusy(false);
    }
  };

  const logOut = async () => {
    try {
      await logOutCall.mutateAsync();
    } catch {
      // The cookie may already be gone; leaving the console is what the person asked for.
    }
    navigate('/', { replace: true });
  };

  if (loadError) {
    return (
      <main className="page">
        <h1>{t('console.title')}</h1>
        <p className="error" role="alert">
          {loadError.failure ? errorText(loadError.failure) : t('console.loadError')}
        </p>
      </main>
    );
  }
  if (!data) {
    return (
      <main className="page">
        <h1>{t('console.title')}</h1>
        <p role="status">{tc('loading')}</p>
      </main>
    );
  }

  // A deck shared with this account only to read starts nothing (the deck library lists it).
  const runnable = data.decks.filter((deck) => deck.shared !== 'view');
  const localized = data.sessions.map((session) => ({ ...session, state: localizeDeckSummary(session.state, language) }));
  const liveSessions = localized.filter((session) => !session.state.homework);
  const homework = localized.filter((session) => session.state.homework);

  return (
    <main className="page">
      <header className="topbar">
        <h1>{t('console.title')}</h1>
        <div className="topbar-actions">
          <Link to="/console/account">{t('console.account')}</Link>
          <span className="muted">{data.facilitator.email}</span>
          <button type="button" onClick={() => void logOut()}>
            {t('console.logOut')}
          </button>
        </div>
      </header>

      <section aria-labelledby="decks-heading" className="card">
        <h2 id="decks-heading">{t('console.start.heading')}</h2>
        <p>
          <Trans t={t} i18nKey="console.start.library" components={{ library: <Link to="/console/decks" /> }} />
        </p>
        <fieldset className="mode-choice">
          <legend>{t('console.start.mode')}</legend>
          <label className="check">
            <input type="radio" name="session-mode" value="group" checked={mode === 'group'} onChange={() => setMode('group')} />
            <span>{t('console.start.modeGroup')}</span>
          </label>
          <label className="check">
            <input type="radio" name="session-mode" value="couple" checked={mode === 'couple'} onChange={() => setMode('couple')} />
            <span>{t('console.start.modeCouple')}</span>
          </label>
        </fieldset>
        {mode === 'group' ? (
          <>
            <label htmlFor="k-threshold">{t('console.start.kLabel')}</label>
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
              {t('console.start.kHint', { min: K_MIN, max: K_MAX })}
            </p>
            <CheckWithHint id="live-hint" label={t('console.start.liveResults')} hint={t('console.start.liveHint')} checked={liveResults} onChange={setLiveResults} />
          </>
        ) : (
          <>
            <p className="hint">{t('console.start.coupleHint')}</p>
            <CheckWithHint id="blind-hint" label={t('console.start.blindReveal')} hint={t('console.start.blindHint')} checked={blindReveal} onChange={setBlindReveal} />
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error.kInvalid
              ? t('console.start.kInvalid', { min: K_MIN, max: K_MAX })
              : error.failure
                ? errorText(error.failure)
                : t('console.start.startError')}
          </p>
        )}
        <ul className="deck-list">
          {runnable.map((summary) => localizeDeckSummary(summary, language)).map((deck) => (
            <li key={deck.id} className="deck">
              <h3>{deck.title}</h3>
              {deck.description && <p>{deck.description}</p>}
              <p className="hint">
                {t('console.start.promptCount', { count: deck.promptCount })}
                {deck.contentNote ? ` · ${t('console.start.contentNote', { note: deck.contentNote })}` : ''}
              </p>
              <button type="button" className="primary" disabled={busy} aria-label={t('console.start.startLabel', { title: deck.title })}
                onClick={() => void start(deck.id)}
              >
                {t('console.start.startButton')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <HomeworkAssign decks={runnable.map((summary) => localizeDeckSummary(summary, language))} />

      <section aria-labelledby="sessions-heading" className="card">
        <h2 id="sessions-heading">{t('console.sessions.heading')}</h2>
        {liveSessions.length === 0 ? (
          <p className="muted">{t('console.sessions.none')}</p>
        ) : (
          <ul className="session-list">
            {liveSessions.map(({ state, createdAt, access }) => (
              <SessionRow key={state.id} state={state} access={access} when={formatDate(createdAt, i18n.resolvedLanguage)} onDeleted={() => void sessions.refetch()} />
            ))}
          </ul>
        )}
      </section>

      {/* Homework has its own list and page: it has no live console, and shows only who has finished. */}
      <section aria-labelledby="homework-list-heading" className="card">
        <h2 id="homework-list-heading">{th('console.list')}</h2>
        {homework.length === 0 ? (
          <p className="muted">{th('console.none')}</p>
        ) : (
          <ul className="session-list">
            {homework.map(({ state, access }) => (
              <HomeworkRow key={state.id} state={state} access={access} onDeleted={() => void sessions.refetch()} />
            ))}
          </ul>
        )}
      </section>
    </main>
  );
});

// One session in the list: where it stands, its summary, and deleting it (asked about first: it takes the
// answers and results with it, for good). A session shared with this account says so, with its role, and
// only its owner may delete it.
function SessionRow({ state, access, when, onDeleted }: { state: SessionState; access: SessionAccess; when: string; onDeleted: () => void }) {
  const { t } = useTranslation('facilitator');
  return (
    <li>
      <Link to={`/console/sessions/${state.id}`}>
        {state.title} — {state.code}
      </Link>
      <span className="muted">
        {' '}
        · {t(state.mode === 'couple' ? 'console.sessions.couple' : 'console.sessions.group')} · {t(`phaseNames.${state.phase}`)} · {when} ·{' '}
      </span>
      <Link to={`/console/sessions/${state.id}/summary`} aria-label={t('console.sessions.summaryLabel', { title: state.title, code: state.code })}>
        {t('console.sessions.summary')}
      </Link>{' '}
      {access === 'owner' ? (
        <DeleteSession sessionId={state.id} label={`${state.title} (${when})`} onDeleted={onDeleted} />
      ) : (
        <span className="badge" data-testid="shared-role">
          {t(access === 'co-run' ? 'console.sessions.sharedCoRun' : 'console.sessions.sharedView')}
        </span>
      )}
    </li>
  );
}

function formatDate(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
