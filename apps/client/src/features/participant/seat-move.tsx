import type { ReclaimStarted } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { navigate } from '../../lib/router';
import { storeSeatToken } from '../../lib/seat-token';
import { PrivacyStatement } from '../privacy/privacy-statement';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import '../../i18n/seat-move-texts';

// A lost phone is not a lost seat (issue 14): loaded on demand, a phone needs it only when a seat moves.

const POLL_MS = 2000;

// A facilitator's new link (/s/<sessionId>#<invite>): the invitation becomes this phone's own token, once.
export function SeatClaimPage({ sessionId, invite }: { sessionId: string; invite: string }) {
  const { t } = useTranslation('seatmove');
  const { t: tp } = useTranslation('participant');
  const reason = useReason();
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return;
    setBusy(true);
    setFailure(null);
    call(routes.claimSeat, { body: { invite, consent: true } }).then(
      (seat) => {
        storeSeatToken(seat.sessionId, seat.token);
        // The invitation leaves the address bar and the history: it opens nothing any more.
        navigate(`/s/${seat.sessionId}`, { replace: true });
      },
      (caught: unknown) => {
        setBusy(false);
        setFailure(caught);
      },
    );
  };
  return (
    <main className="page narrow">
      <h1>{t('claimHeading')}</h1>
      <p>{t('claimText')}</p>
      <PrivacyStatement mode="couple" k={2} liveResults={false} />
      <form className="card" onSubmit={submit} data-session={sessionId}>
        <label className="check">
          <input type="checkbox" checked={agreed} onChange={(event) => setAgreed(event.target.checked)} />
          <span>{tp('join.agree')}</span>
        </label>
        {failure !== null && (
          <p className="error" role="alert">
            {t('claimFailed', { reason: reason(failure) })}
          </p>
        )}
        <button type="submit" className="primary" disabled={!agreed || busy}>
          {t('claimSubmit')}
        </button>
      </form>
    </main>
  );
}

type Asked = {
  started: ReclaimStarted;
  status: 'pending' | 'declined' | 'void';
};

// A self-run couple's new phone: it asks with the join code, shows a code for the partner to type, and
// waits; once the partner confirmed, the token it got with its request opens the seat.
export function ReclaimFlow({ code }: { code: string }) {
  const { t } = useTranslation('seatmove');
  const reason = useReason();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setFailure(null);
    call(routes.startReclaim, { body: { code, consent: true } }).then(
      (started) => current && setAsked({ started, status: 'pending' }),
      (caught: unknown) => current && setFailure(caught),
    );
    return () => {
      current = false;
    };
  }, [code, attempt]);

  const started = asked?.status === 'pending' ? asked.started : null;
  useEffect(() => {
    if (!started) return;
    const timer = setInterval(() => {
      void call(routes.reclaimStatus, {
        body: { reclaimId: started.reclaimId, token: started.token },
      })
        .then(({ status }) => {
          if (status === 'moved') {
            clearInterval(timer);
            storeSeatToken(started.sessionId, started.token);
            navigate(`/s/${started.sessionId}`, { replace: true });
          } else if (status !== 'pending') {
            clearInterval(timer);
            setAsked({ started, status });
          }
        })
        // A missed poll is asked again at the next tick.
        .catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [started]);

  const again = (
    <button type="button" onClick={() => (setAsked(null), setAttempt((n) => n + 1))}>
      {t('again')}
    </button>
  );
  return (
    <section className="card" aria-live="polite">
      <h2>{t('askHeading')}</h2>
      {failure !== null && (
        <>
          <p className="error" role="alert">
            {t('askFailed', { reason: reason(failure) })}
          </p>
          {again}
        </>
      )}
      {started && (
        <>
          <p>{t('askText')}</p>
          <p className="reclaim-code" data-testid="reclaim-code">
            {started.confirmCode}
          </p>
          <p role="status">{t('askWaiting')}</p>
          <p className="hint">{t('askExpires')}</p>
        </>
      )}
      {asked && asked.status !== 'pending' && (
        <>
          <p role="alert">{asked.status === 'declined' ? t('declined') : t('void')}</p>
          {again}
        </>
      )}
    </section>
  );
}

// A refusal in words (in the page's language), or the general sentence for anything that is no refusal.
function useReason(): (caught: unknown) => string {
  const { t } = useTranslation('participant');
  const errorText = useErrorText();
  return (caught) => (caught instanceof ApiError ? errorText(caught) : t('join.failed'));
}

// A self-run couple: a new phone asks to take a seat. The partner types the code it shows (the other seat,
// never this one, moves there), or says it is not their partner's phone.
export function ReclaimConfirm({ socket, onDone }: { socket: CandorSocket; onDone: () => void }) {
  const { t } = useTranslation('seatmove');
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answer = (sent: Promise<{ ok: true } | { ok: false; error: CommandError }>) => {
    setBusy(true);
    setProblem(null);
    void sent.then((result) => {
      setBusy(false);
      if (result.ok) return onDone();
      // A wrong code may be typed again; a void request is over.
      setProblem(t('confirmFailed', { reason: errorText(result.error) }));
      if (result.error.code === 'RECLAIM_VOID') setCode('');
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer(sendCommand(socket, 'seat:confirm-reclaim', { code: code.trim() }));
  };
  return (
    <section className="card reclaim" aria-labelledby="reclaim-heading" role="alertdialog">
      <h2 id="reclaim-heading">{t('partnerHeading')}</h2>
      <p>{t('partnerText')}</p>
      <form onSubmit={submit}>
        <label htmlFor="reclaim-code">{t('codeLabel')}</label>
        <input id="reclaim-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || code.trim().length !== 6}>
          {t('confirm')}
        </button>
        <button type="button" disabled={busy} onClick={() => answer(sendCommand(socket, 'seat:decline-reclaim', {}))}>
          {t('decline')}
        </button>
      </form>
    </section>
  );
}
