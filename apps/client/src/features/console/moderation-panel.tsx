import type { ModerationItem, ModerationQueue, SessionPhase } from '@candor/shared';
import { useEffect, useState } from 'react';
import { sendCommand, type CandorSocket } from '../../lib/socket';
import { firstWords } from '../results/result-format';

type ModerationPanelProps = {
  socket: CandorSocket | null;
  promptId: string;
  phase: SessionPhase;
  k: number;
};

const STATUS_TEXT: Record<ModerationItem['status'], string> = { pending: 'Waiting', approved: 'Approved', rejected: 'Rejected' };

// The facilitator's queue of open-text answers: texts without authors, each approved or rejected by hand.
export function ModerationPanel({ socket, promptId, phase, k }: ModerationPanelProps) {
  const [queue, setQueue] = useState<ModerationQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
        setError(result.error.message);
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
        setError(result.error.message);
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
      <h2 id="moderation-heading">Open-text answers</h2>
      <p className="hint">
        Nobody else sees these texts until you approve them. Approved texts are shown to the room without names and in shuffled
        order once you release the results (at once, if they are already released). Rejected texts are never shown.
      </p>
      {phase === 'open' ? (
        <p>
          You can read the texts once you close the question. {queue ? `${queue.textCount} written so far.` : ''}
        </p>
      ) : items === null ? (
        <p>
          {queue
            ? `Only ${queue.textCount} ${queue.textCount === 1 ? 'person' : 'people'} wrote a text. With fewer than ${k}, the texts stay hidden, so that nobody can be recognised by what they wrote.`
            : 'Loading the texts…'}
        </p>
      ) : (
        <>
          <p aria-live="polite" data-testid="moderation-counts">
            {approved} approved · {rejected} rejected · {pending.length} waiting
          </p>
          {pending.length > 1 && (
            <div className="controls">
              <button type="button" disabled={busy} onClick={() => void moderate(pending.map((item) => item.id), 'approved')}>
                Approve all {pending.length} waiting
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
                    <strong>{STATUS_TEXT[item.status]}</strong>
                  </p>
                  <div className="controls">
                    <button
                      type="button"
                      className="small"
                      disabled={busy || item.status === 'approved'}
                      aria-label={`Approve: ${words}`}
                      onClick={() => void moderate([item.id], 'approved')}
                    >
                      Approve
                    </button>
                    <button
                      type="button"
                      className="small danger-outline"
                      disabled={busy || item.status === 'rejected'}
                      aria-label={`Reject: ${words}`}
                      onClick={() => void moderate([item.id], 'rejected')}
                    >
                      Reject
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
          {error}
        </p>
      )}
    </section>
  );
}
