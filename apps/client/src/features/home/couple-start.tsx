import * as routes from '@candor/shared/routes';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeDeckSummary } from '../../i18n/deck-language';
import { useErrorText } from '../../i18n/error-text';
import { useDeckLanguage } from '../../i18n/use-deck-language';
import { ApiError, call } from '../../lib/api';
import { CheckWithHint } from '../../lib/check-with-hint';
import { navigate } from '../../lib/router';
import { PrivacyStatement } from '../privacy/privacy-statement';
import { storeSeatToken } from '../../lib/seat-token';
import { COUPLE_DECKS, type CoupleDeckId } from './built-in-decks';

// A couple starts a session of their own: no account, a built-in deck. The starter takes the first seat,
// like a join, and shares the code with their partner from the play page.
export function CoupleStart() {
  const { t } = useTranslation('home');
  const language = useDeckLanguage();
  const errorText = useErrorText();
  const [deckId, setDeckId] = useState<CoupleDeckId | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [blindReveal, setBlindReveal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!deckId || !agreed) return;
    setBusy(true);
    setError(null);
    try {
      const seat = await call(routes.startCouple, { body: { deckId, blindReveal } });
      storeSeatToken(seat.sessionId, seat.token);
      navigate(`/s/${seat.sessionId}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : t('couple.startFailed'));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="couple-heading" className="card">
      <h2 id="couple-heading">{t('couple.heading')}</h2>
      <p>{t('couple.intro')}</p>
      <form onSubmit={(event) => void start(event)}>
        <fieldset className="deck-choice">
          <legend>{t('couple.chooseDeck')}</legend>
          {COUPLE_DECKS.map((coupleDeck) => localizeDeckSummary(coupleDeck, language)).map((deck) => (
            <label key={deck.id} className="option">
              <input type="radio" name="couple-deck" value={deck.id} checked={deckId === deck.id} onChange={() => setDeckId(deck.id)} />
              <span>
                <strong>{deck.title}</strong>
                <span className="option-about">{t(`couple.deckAbout.${deck.id}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {deckId && (
          <>
            <CheckWithHint id="couple-blind-hint" label={t('couple.blindReveal')} hint={t('couple.blindHint')} checked={blindReveal} onChange={setBlindReveal} />
            <PrivacyStatement mode="couple" k={2} headingId="couple-privacy-heading" />
            <label className="check">
              <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
              <span>{t('couple.agree')}</span>
            </label>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!deckId || !agreed || busy}>
          {t('couple.submit')}
        </button>
      </form>
    </section>
  );
}
