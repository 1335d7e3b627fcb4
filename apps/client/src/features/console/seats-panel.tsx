import type { SeatLinkResult, SessionSeats } from '@candor/shared';
import * as routes from '@candor/shared/routes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { ApiError, call } from '../../lib/api';
import { copyLink } from '../../lib/copy-link';
import { JoinQr } from '../join-links/join-qr';
import '../../i18n/facilitator-texts';

const WAITING_POLL_MS = 3000;

type SeatsPanelProps = {
  sessionId: string;
  // 'client': a client's homework (one seat); otherwise the seats are a couple's partners.
  audience?: 'couple' | 'client';
  // Bumped by the page when seats may have changed (a partner joined), to read them again.
  refresh?: unknown;
};

// A couple's or a homework's seats, named without names ("Partner A"), each with "Issue a new link" for a
// lost phone (issue 14). Facilitator pages only (lazy chunks); the homework console can mount it too.
// The new link carries a one-time invitation, shown once: the facilitator never holds a seat token.
export function SeatsPanel({ sessionId, audience = 'couple', refresh }: SeatsPanelProps) {
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();
  const [seats, setSeats] = useState<SessionSeats['seats'] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [link, setLink] = useState<SeatLinkResult | null>(null);
  const [failure, setFailure] = useState<{ caught: unknown } | null>(null);
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const nameOf = (seat: number) => (audience === 'client' ? t('seats.client') : t(`seats.label.${seat === 1 ? '1' : '2'}`));

  const load = useCallback(() => {
    call(routes.sessionSeats, { params: { id: sessionId } }).then(
      (loaded) => {
        setSeats(loaded.seats);
        setLoadFailed(false);
      },
      () => setLoadFailed(true),
    );
  }, [sessionId]);
  useEffect(load, [load, refresh]);
  // While a new link waits to be opened, look again now and then: the console hears of no claim.
  const waiting = seats?.some((s) => !s.opened) ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(load, WAITING_POLL_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  const issue = async (seat: number) => {
    setConfirming(null);
    setFailure(null);
    setCopied(false);
    try {
      setLink(
        await call(routes.seatLink, {
          params: { id: sessionId },
          body: { seat },
        }),
      );
      load();
    } catch (caught) {
      setFailure({ caught });
    }
  };
  const url = link ? `${window.location.origin}${link.path}#${link.invite}` : null;
  const copy = async () => {
    if (!url) return;
    setCopied((await copyLink(url, inputRef.current)) === 'copied');
  };

  return (
    <section aria-labelledby="seats-heading" className="card seats-panel">
      <h2 id="seats-heading">{t('seats.heading')}</h2>
      <p className="hint">{t('seats.hint')}</p>
      {loadFailed && (
        <p className="error" role="alert">
          {t('seats.loadFailed')}
        </p>
      )}
      <ul className="seat-list">
        {(seats ?? []).map(({ seat, opened }) => (
          <li key={seat} data-seat={seat}>
            <strong>{nameOf(seat)}</strong> <span className="hint">{opened ? t('seats.opened') : t('seats.waiting')}</span>{' '}
            {confirming === seat ? (
              <>
                <span>{t('seats.confirm', { seat: nameOf(seat) })}</span>{' '}
                <button type="button" className="danger" onClick={() => void issue(seat)}>
                  {t('seats.issue')}
                </button>
              </>
            ) : (
              <button type="button" aria-label={t('seats.issueFor', { seat: nameOf(seat) })} onClick={() => setConfirming(seat)}>
                {t('seats.issue')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {failure && (
        <p className="error" role="alert">
          {t('seats.failed', {
            reason: failure.caught instanceof ApiError ? errorText(failure.caught) : '',
          })}
        </p>
      )}
      {link && url && (
        <div className="seat-link" data-testid="seat-link">
          <h3>{t('seats.linkHeading', { seat: nameOf(link.seat) })}</h3>
          <p className="hint">{t('seats.linkHint')}</p>
          <div className="copy-row">
            <input ref={inputRef} readOnly value={url} aria-label={t('seats.linkHeading', { seat: nameOf(link.seat) })} onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copy()}>
              {copied ? t('seats.copied') : t('seats.copy')}
            </button>
          </div>
          <JoinQr url={url} size={180} />
        </div>
      )}
    </section>
  );
}
