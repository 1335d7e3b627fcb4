import type { JoinInfo } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeDeckSummary } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { PrivacyStatement } from '../privacy/privacy-statement';
import { readSeatToken, storeSeatToken } from '../../lib/seat-token';

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

  useEffect(() => {
    let current = true;
    call(routes.joinInfo, { params: { code } })
      .then((loaded) => {
        if (!current) return;
        // This device already has a seat: resume it instead of taking a second one.
        if (readSeatToken(loaded.sessionId)) navigate(`/s/${loaded.sessionId}`, { replace: true });
        else setInfo(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError({ caught });
      });
    return () => {
      current = false;
    };
  }, [code]);

  const join = async (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setBusy(true);
    setJoinError(null);
    try {
      const seat = await call(routes.join, { body: { code, consent: true } });
      storeSeatToken(seat.sessionId, seat.token);
      navigate(`/s/${seat.sessionId}`, { replace: true });
    } catch (caught) {
      setJoinError({ caught });
      setBusy(false);
    }
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
      case 'INVALID_PAYLOAD':
        return t('join.badCode', { code });
      default:
        return errorText(caught);
    }
  };

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

      <form onSubmit={(event) => void join(event)} className="card">
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>{t('join.agree')}</span>
        </label>
        {joinError && (
          <p className="error" role="alert">
            {joinErrorText(joinError.caught)}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {t('join.submit')}
        </button>
      </form>
    </main>
  );
}
