import type { JoinInfo, JoinResult } from '@candor/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiGet, apiPost } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { readSeatToken, storeSeatToken } from './seat-token';

export function JoinPage({ code }: { code: string }) {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    apiGet<JoinInfo>(`/api/join/${encodeURIComponent(code)}`)
      .then((loaded) => {
        if (!current) return;
        // This device already has a seat: resume it instead of taking a second one.
        if (readSeatToken(loaded.sessionId)) navigate(`/s/${loaded.sessionId}`, { replace: true });
        else setInfo(loaded);
      })
      .catch((caught: unknown) => {
        if (current) setLoadError(joinErrorText(caught, code));
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
      const seat = await apiPost<JoinResult>('/api/join', { code, consent: true });
      storeSeatToken(seat.sessionId, seat.token);
      navigate(`/s/${seat.sessionId}`, { replace: true });
    } catch (caught) {
      setJoinError(joinErrorText(caught, code));
      setBusy(false);
    }
  };

  if (loadError) {
    return (
      <main className="page narrow">
        <h1>Join a session</h1>
        <p className="error" role="alert">
          {loadError}
        </p>
        <p>
          <Link to="/">Try another code</Link>
        </p>
      </main>
    );
  }
  if (!info) {
    return (
      <main className="page narrow">
        <h1>Join a session</h1>
        <p role="status">Looking up the session…</p>
      </main>
    );
  }

  return (
    <main className="page narrow">
      <p className="eyebrow">You are joining</p>
      <h1>{info.title}</h1>
      {info.contentNote && (
        <p className="content-note">
          <strong>Content note:</strong> {info.contentNote}
        </p>
      )}

      <section aria-labelledby="privacy-heading" className="card privacy">
        <h2 id="privacy-heading">Your privacy, in plain words</h2>
        <ul>
          <li>You don't give your name, and you don't need an account.</li>
          <li>
            The facilitator and the shared screen only ever see totals, like "8 yes, 3 maybe". They never see what you
            answered.
          </li>
          <li>
            The results of a question stay hidden until at least <strong>{info.k} people</strong> have answered it, so a small
            group can't give anyone away.
          </li>
          <li>You can pass any question. Passing is always fine, and nobody sees who passed.</li>
          <li>While a question is open, you can change your answer as often as you like.</li>
          <li>Your answers are stored without your name, your IP address or details about your device.</li>
          <li>This phone keeps a random key so you can come back if the page reloads. Your answers are never stored on it.</li>
        </ul>
        <p>There are no right or wrong answers here. Answer for yourself, as things are for you today.</p>
      </section>

      <form onSubmit={(event) => void join(event)} className="card">
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>I have read this and want to join</span>
        </label>
        {joinError && (
          <p className="error" role="alert">
            {joinError}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          Join session
        </button>
      </form>
    </main>
  );
}

function joinErrorText(caught: unknown, code: string): string {
  if (!(caught instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (caught.code) {
    case 'SESSION_NOT_FOUND':
      return `There is no session with the code ${code}. Please check the code with your facilitator.`;
    case 'SESSION_ENDED':
      return 'This session has ended. Thank you for coming.';
    case 'INVALID_PAYLOAD':
      return `"${code}" doesn't look like a join code. A join code has 6 letters or digits.`;
    default:
      return caught.message;
  }
}
