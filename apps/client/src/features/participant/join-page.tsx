import type { JoinInfo, JoinResult } from '@candor/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiGet, apiPost } from '../../lib/api';
import { Link, navigate } from '../../lib/router';
import { PrivacyStatement } from './privacy-statement';
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
      <p className="eyebrow">{info.mode === 'couple' ? 'A session for two partners' : 'You are joining'}</p>
      <h1>{info.title}</h1>
      {info.contentNote && (
        <p className="content-note">
          <strong>Content note:</strong> {info.contentNote}
        </p>
      )}

      <PrivacyStatement mode={info.mode} k={info.k} />

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
    case 'SESSION_FULL':
      return 'Both seats in this couple session are already taken, so nobody else can join. If you are one of the two partners, open the session on the phone you joined with.';
    case 'INVALID_PAYLOAD':
      return `"${code}" doesn't look like a join code. A join code has 6 letters or digits.`;
    default:
      return caught.message;
  }
}
