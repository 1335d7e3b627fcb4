import type { JoinInfo } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeDeckSummary } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { PrivacyStatement } from '../privacy/privacy-statement';
import { readSeatToken, storeSeatToken } from '../../lib/seat-token';

// A self-run couple's partner on a new phone moves their seat here (loaded only then).
const ReclaimFlow = lazy(() => import('./seat-move').then((m) => ({ default: m.ReclaimFlow })));

export function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation('participant');
  const errorText = useErrorText();
  const [joinInfo, setInfo] = useState<JoinInfo | null>(null);
  // The session's name and content note in the page's language where the deck has them.
  const language = useDeckLanguage();
  const info = useMemo(() => joinInfo && localizeDeckSummary(joinInfo, language), [joinInfo, language]);
  // Failures are kept as caught and put in words when shown, so that they follow a change of language.
  const [loadError, setLoadError] = useState<{ caught: unknown } | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [joinError, setJoinError] = useState<{ caught: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [moving, setMoving] = useState(false);
  // Asked again when the join limits said to wait (many phones on one network): the load, and the join.
  const [loadAttempt, setLoadAttempt] = useState(0);
  const retry = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(retry.current), []);

  useEffect(() => {
    let current = true;
    call(routes.joinInfo, { params: { code } })
      .then((loaded) => {
        if (!current) return;
        setLoadError(null);
        // This device already has a seat: resume it instead of taking a second one.
        if (readSeatToken(loaded.sessionId)) navigate(`/s/${loaded.sessionId}`, { replace: true });
        else setInfo(loaded);
      })
      .catch((caught: unknown) => {
        if (!current) return;
        setLoadError({ caught });
        const wait = retryAfter(caught);
        if (wait !== undefined) retry.current = setTimeout(() => setLoadAttempt((n) => n + 1), wait * 1000);
      });
    return () => {
      current = false;
      clearTimeout(retry.current);
    };
  }, [code, loadAttempt]);

  const join = async () => {
    setBusy(true);
    setJoinError(null);
    try {
      const seat = await call(routes.join, { body: { code, consent: true } });
      storeSeatToken(seat.sessionId, seat.token);
      navigate(`/s/${seat.sessionId}`, { replace: true });
    } catch (caught) {
      setJoinError({ caught });
      const wait = retryAfter(caught);
      // Still busy while it waits: the phone joins by itself once the limit allows.
      if (wait !== undefined) retry.current = setTimeout(() => void join(), wait * 1000);
      else setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agreed) void join();
  };

  const joinErrorText = (caught: unknown): string => {
    if (!(caught instanceof ApiError)) return t('join.failed');
    switch (caught.code) {
      case 'SESSION_NOT_FOUND':
        return t('join.notFound', { code });
      case 'SESSION_ENDED':
        return t('join.ended');
      case 'SESSION_FULL':
        return t('join.full');
      case 'RATE_LIMITED':
        return t('join.limited', { count: caught.retryAfterSeconds ?? 60 });
      case 'INVALID_PAYLOAD':
        return t('join.badCode', { code });
      default:
        return errorText(caught);
    }
  };

  // Still looking while a limit makes the phone wait; the text says why, without blaming anyone.
  if (loadError && retryAfter(loadError.caught) !== undefined) {
    return (
      <main className="page narrow">
        <h1>{t('join.heading')}</h1>
        <p role="status">{joinErrorText(loadError.caught)}</p>
      </main>
    );
  }
  if (loadError) {
    return (
      <main className="page narrow">
        <h1>{t('join.heading')}</h1>
        <p className="error" role="alert">
          {joinErrorText(loadError.caught)}
        </p>
        <p>
          <Link to="/">{t('join.tryAnother')}</Link>
        </p>
      </main>
    );
  }
  if (!info) {
    return (
      <main className="page narrow">
        <h1>{t('join.heading')}</h1>
        <p role="status">{t('join.lookingUp')}</p>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <p className="eyebrow">{info.mode === 'couple' ? t('join.eyebrowCouple') : t('join.eyebrowGroup')}</p>
      <h1>{info.title}</h1>
      {info.contentNote && (
        <p className="content-note">
          <strong>{t('contentNote')}</strong> {info.contentNote}
        </p>
      )}

      <PrivacyStatement mode={info.mode} k={info.k} liveResults={info.liveResults} />

      <form onSubmit={submit} className="card">
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>{t('join.agree')}</span>
        </label>
        {joinError && retryAfter(joinError.caught) !== undefined && <p role="status">{joinErrorText(joinError.caught)}</p>}
        {joinError && retryAfter(joinError.caught) === undefined && (
          <p className="error" role="alert">
            {joinErrorText(joinError.caught)}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {t('join.submit')}
        </button>
        {/* A couple's own session is full: one of the two may have lost their phone (no facilitator to ask). */}
        {info.selfRun && joinError?.caught instanceof ApiError && joinError.caught.code === 'SESSION_FULL' && !moving && (
          <button type="button" onClick={() => setMoving(true)}>
            {t('seatMove.offer')}
          </button>
        )}
      </form>
      {moving && (
        <Suspense fallback={<p role="status">{t('join.lookingUp')}</p>}>
          <ReclaimFlow code={code} />
        </Suspense>
      )}
    </main>
  );
}

// How long the join limits asked to wait, or undefined for any other failure.
function retryAfter(caught: unknown): number | undefined {
  return caught instanceof ApiError && caught.code === 'RATE_LIMITED' ? (caught.retryAfterSeconds ?? 30) : undefined;
}
