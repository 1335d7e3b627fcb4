import type { JoinResult } from '@candor/shared';
import { useState, type FormEvent } from 'react';
import { ApiError, apiPost } from '../../lib/api';
import { navigate } from '../../lib/router';
import { PrivacyStatement } from '../participant/privacy-statement';
import { storeSeatToken } from '../participant/seat-token';
import { COUPLE_DECKS } from './built-in-decks';

// A couple starts a session of their own: no account, a built-in deck. The starter takes the first seat,
// like a join, and shares the code with their partner from the play page.
export function CoupleStart() {
  const [deckId, setDeckId] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!deckId || !agreed) return;
    setBusy(true);
    setError(null);
    try {
      const seat = await apiPost<JoinResult>('/api/join/couple', { deckId });
      storeSeatToken(seat.sessionId, seat.token);
      navigate(`/s/${seat.sessionId}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Could not start the session. Please try again.');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="couple-heading" className="card">
      <h2 id="couple-heading">Start a couple session</h2>
      <p>For two partners, each on their own phone, without a therapist or an account. You answer privately, then see what you share.</p>
      <form onSubmit={(event) => void start(event)}>
        <fieldset className="deck-choice">
          <legend>Choose a deck</legend>
          {COUPLE_DECKS.map((deck) => (
            <label key={deck.id} className="option">
              <input type="radio" name="couple-deck" value={deck.id} checked={deckId === deck.id} onChange={() => setDeckId(deck.id)} />
              <span>
                <strong>{deck.title}</strong>
                <span className="option-about">{deck.about}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {deckId && (
          <>
            <PrivacyStatement mode="couple" k={2} headingId="couple-privacy-heading" />
            <label className="check">
              <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
              <span>I have read this and want to start</span>
            </label>
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={!deckId || !agreed || busy}>
          Start a couple session
        </button>
      </form>
    </section>
  );
}
