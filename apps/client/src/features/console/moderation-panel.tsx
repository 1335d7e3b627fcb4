import type { ModerationQueue, SessionPhase } from '@candor/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { firstWords } from '../results/result-format';

type ModerationPanelProps = {
  socket: CandorSocket | null;
  promptId: string;
  phase: SessionPhase;
  k: number;
};

// The facilitator's queue of open-text answers: texts without authors, each approved or rejected by hand.
export function ModerationPanel({ socket, promptId, phase, k }: ModerationPanelProps) {
  const [queue, setQueue] = useState<ModerationQueue | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();

  useEffect(() => {
    if (!socket) return;
    let current = true;
    const onUpdated = (updated: ModerationQueue) => {
      if (updated.promptId === promptId) setQueue(updated);
    };
    const request = async () => {
      const result = await sendCommand(socket, 'moderation:list', { promptId });
      if (!current) return;
      if (result.ok) {
        setQueue(result.data);
        setError(null);
      } else {
        setError(result.error);
      }
    };
    const onConnect = () => void request();
    socket.on('moderation:updated', onUpdated);
    // Asked again after a reconnect, and whenever the phase changes (the texts appear once the prompt closes).
    socket.on('connect', onConnect);
    if (socket.connected) void request();
    return () => {
      current = false;
      socket.off('moderation:updated', onUpdated);
      socket.off('connect', onConnect);
    };
  }, [socket, promptId, phase]);

  const moderate = async (ids: string[], status: 'approved' | 'rejected') => {
    if (!socket) return;
    setBusy(true);
    setError(null);
    for (const textId of ids) {
      const result = await sendCommand(socket, 'text:moderate', { promptId, textId, status });
      if (!result.ok) {
        setError(result.error);
        break;
      }
      setQueue(result.data);
    }
    setBusy(false);
  };

  const items = queue?.items ?? null;
  const pending = items?.filter((item) => item.status === 'pending') ?? [];
  const approved = items?.filter((item) => item.status === 'approved').length ?? 0;
  const rejected = items?.filter((item) => item.status === 'rejected').length ?? 0;

  return (
    <section aria-labelledby="moderation-heading" className="card moderation">
      <h2 id="moderation-heading">{t('moderation.heading')}</h2>
      <p className="hint">{t('moderation.hint')}</p>
      {phase === 'open' ? (
        <p>
          {t('moderation.readAfterClose')} {queue ? t('moderation.writtenSoFar', { count: queue.textCount }) : ''}
        </p>
      ) : items === null ? (
        <p>{queue ? t('moderation.tooFew', { count: queue.textCount, k }) : t('moderation.loading')}</p>
      ) : (
        <>
          <p aria-live="polite" data-testid="moderation-counts">
            {t('moderation.counts', { approved, rejected, waiting: pending.length })}
          </p>
          {pending.length > 1 && (
            <div className="controls">
              <button type="button" disabled={busy} onClick={() => void moderate(pending.map((item) => item.id), 'approved')}>
                {t('moderation.approveAll', { waiting: pending.length })}
              </button>
            </div>
          )}
          <ul className="moderation-list">
            {items.map((item) => {
              const words = firstWords(item.text);
              return (
                <li key={item.id} className={`moderation-item is-${item.status}`}>
                  <blockquote>{item.text}</blockquote>
                  <p className="moderation-status">
                    <strong>{t(`moderation.status.${item.status}`)}</strong>
                  </p>
                  <div className="controls">
                    <button
                      type="button"
                      className="small"
                      disabled={busy || item.status === 'approved'}
                      aria-label={t('moderation.approveLabel', { words })}
                      onClick={() => void moderate([item.id], 'approved')}
                    >
                      {t('moderation.approve')}
                    </button>
                    <button
                      type="button"
                      className="small danger-outline"
                      disabled={busy || item.status === 'rejected'}
                      aria-label={t('moderation.rejectLabel', { words })}
                      onClick={() => void moderate([item.id], 'rejected')}
                    >
                      {t('moderation.reject')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
