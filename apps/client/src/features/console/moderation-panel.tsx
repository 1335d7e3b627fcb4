import type { ModerationItem, ModerationQueue, SessionPhase } from '@candor/shared';
import { MODERATE_MANY_MAX } from '@candor/shared/rules';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { sendCommand, type CandorSocket, type CommandError } from '../../lib/socket';
import { firstWords } from '../results/result-format';
import { useLatest } from '../../lib/use-latest';
import { isTypingTarget } from './console-shortcuts';

type ModerationPanelProps = {
  socket: CandorSocket | null;
  promptId: string;
  phase: SessionPhase;
  k: number;
};

type Status = 'approved' | 'rejected';

// The queue's keys: move with J/K or the arrows (arrows inside the list only, so the page still scrolls), A approves, H hides.
export const QUEUE_KEYS = {
  next: ['j', 'ArrowDown'],
  previous: ['k', 'ArrowUp'],
  approve: ['a'],
  hide: ['h'],
} as const;
type QueueKey = keyof typeof QUEUE_KEYS;

function queueKeyOf(event: KeyboardEvent, inList: boolean): QueueKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || event.defaultPrevented) return null;
  if (isTypingTarget(event.target as HTMLElement | null)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key.startsWith('Arrow') && !inList) return null;
  // A held key moves on; approving or hiding takes one press each.
  const found = (Object.keys(QUEUE_KEYS) as QueueKey[]).find((name) => (QUEUE_KEYS[name] as readonly string[]).includes(key));
  if (!found || (event.repeat && (found === 'approve' || found === 'hide'))) return null;
  return found;
}

// The facilitator's queue of open-text answers: texts without authors, one dense line each, approved or
// hidden by hand, by key, or all at once (exactly the ones shown: the server gets their ids).
export function ModerationPanel({ socket, promptId, phase, k }: ModerationPanelProps) {
  const [queue, setQueue] = useState<ModerationQueue | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  // Set by a key, so that focus follows the current row then, and never moves by itself otherwise.
  const focusNext = useRef(false);
  const { t } = useTranslation('facilitator');
  const errorText = useErrorText();

  useEffect(() => {
    if (!socket) return;
    let live = true;
    // Every change reaches the console as it happens: texts counted while the prompt is open, decisions
    // from this or another console.
    const onUpdated = (updated: ModerationQueue) => {
      if (updated.promptId === promptId) setQueue(updated);
    };
    const request = async () => {
      const result = await sendCommand(socket, 'moderation:list', { promptId });
      if (!live) return;
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
      live = false;
      socket.off('moderation:updated', onUpdated);
      socket.off('connect', onConnect);
    };
  }, [socket, promptId, phase]);

  const items = queue?.items ?? null;
  const pending = items?.filter((item) => item.status === 'pending') ?? [];
  const approved = items?.filter((item) => item.status === 'approved').length ?? 0;
  const rejected = items?.filter((item) => item.status === 'rejected').length ?? 0;
  const row = items && items.length > 0 ? Math.min(current, items.length - 1) : -1;

  // Several ids in as few messages as the limit allows; each answer is the whole queue as it now stands.
  const moderate = async (ids: string[], status: Status): Promise<boolean> => {
    if (!socket || ids.length === 0) return false;
    setBusy(true);
    setError(null);
    let done = true;
    for (let from = 0; from < ids.length; from += MODERATE_MANY_MAX) {
      const textIds = ids.slice(from, from + MODERATE_MANY_MAX);
      const result =
        textIds.length === 1
          ? await sendCommand(socket, 'text:moderate', {
              promptId,
              textId: textIds[0],
              status,
            })
          : await sendCommand(socket, 'texts:moderate-many', {
              promptId,
              textIds,
              status,
            });
      if (!result.ok) {
        setError(result.error);
        done = false;
        break;
      }
      setQueue(result.data);
    }
    setBusy(false);
    return done;
  };

  // A decision moves on to the next row at once, so that a queue is read and decided top to bottom. (Moved
  // only after the answer, a focus effect of the render in between could take the row back.)
  const decide = (item: ModerationItem, index: number, status: Status) => {
    if (item.status === status) return;
    if (items) setCurrent(Math.min(index + 1, items.length - 1));
    void moderate([item.id], status);
  };

  const latest = useLatest({ items, row, busy, decide });
  const hasItems = items !== null && items.length > 0;
  useEffect(() => {
    if (!hasItems) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const inList = listRef.current?.contains(event.target as Node) ?? false;
      const key = queueKeyOf(event, inList);
      const { items: rows, row: at, busy: working, decide: act } = latest.current;
      if (!key || !rows || at < 0) return;
      event.preventDefault();
      if (key === 'next' || key === 'previous') {
        focusNext.current = true;
        setCurrent(Math.max(0, Math.min(rows.length - 1, at + (key === 'next' ? 1 : -1))));
        return;
      }
      if (working) return;
      focusNext.current = true;
      act(rows[at], at, key === 'approve' ? 'approved' : 'rejected');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [hasItems]);

  useEffect(() => {
    if (!focusNext.current || row < 0) return;
    focusNext.current = false;
    const element = listRef.current?.children[row] as HTMLElement | undefined;
    element?.focus();
  }, [row, queue]);

  return (
    <section aria-labelledby="moderation-heading" className="card moderation">
      <h2 id="moderation-heading">{t('moderation.heading')}</h2>
      <p className="hint">{t('moderation.hint')}</p>
      {phase === 'open' ? (
        <>
          <p aria-live="polite" data-testid="moderation-written">
            {t('moderation.readAfterClose')}{' '}
            {queue ? (queue.textCount === 0 ? t('moderation.writtenFew') : t('moderation.writtenSoFar', { count: queue.textCount })) : ''}
          </p>
          <p className="hint">{t('moderation.writtenHint')}</p>
        </>
      ) : items === null ? (
        <p>{queue ? t('moderation.tooFew', { count: queue.textCount, k }) : t('moderation.loading')}</p>
      ) : (
        <>
          <div className="moderation-bar">
            <p aria-live="polite" data-testid="moderation-counts">
              {t('moderation.counts', {
                approved,
                rejected,
                waiting: pending.length,
              })}
            </p>
            {pending.length > 1 && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() =>
                  void moderate(
                    pending.map((item) => item.id),
                    'approved',
                  )
                }
              >
                {t('moderation.approveAll', { waiting: pending.length })}
              </button>
            )}
          </div>
          <p className="hint" id="moderation-keys" data-testid="moderation-keys">
            {t('moderation.keys.intro')} <kbd>J</kbd>/<kbd>↓</kbd> {t('moderation.keys.next')} · <kbd>K</kbd>/<kbd>↑</kbd> {t('moderation.keys.previous')} ·{' '}
            <kbd>A</kbd> {t('moderation.keys.approve')} · <kbd>H</kbd> {t('moderation.keys.hide')}
          </p>
          <ul className="moderation-list" ref={listRef} aria-label={t('moderation.listLabel')} aria-describedby="moderation-keys">
            {items.map((item, index) => {
              const words = firstWords(item.text);
              const isCurrent = index === row;
              return (
                <li
                  key={item.id}
                  className={`moderation-item is-${item.status}${isCurrent ? ' is-current' : ''}`}
                  tabIndex={isCurrent ? 0 : -1}
                  aria-current={isCurrent ? 'true' : undefined}
                  aria-keyshortcuts="J K ArrowDown ArrowUp A H"
                  onFocus={() => setCurrent(index)}
                  data-testid="moderation-row"
                >
                  <span className="moderation-text">{item.text}</span>
                  <span className="moderation-status">{t(`moderation.status.${item.status}`)}</span>
                  {/* Tab reaches the current row and its two buttons; J/K (or the arrows) move between rows. */}
                  <span className="moderation-actions">
                    <button
                      type="button"
                      className="small"
                      tabIndex={isCurrent ? 0 : -1}
                      disabled={busy || item.status === 'approved'}
                      aria-label={t('moderation.approveLabel', { words })}
                      aria-keyshortcuts={isCurrent ? 'A' : undefined}
                      onClick={() => decide(item, index, 'approved')}
                    >
                      {t('moderation.approve')}
                    </button>
                    <button
                      type="button"
                      className="small danger-outline"
                      tabIndex={isCurrent ? 0 : -1}
                      disabled={busy || item.status === 'rejected'}
                      aria-label={t('moderation.rejectLabel', { words })}
                      aria-keyshortcuts={isCurrent ? 'H' : undefined}
                      onClick={() => decide(item, index, 'rejected')}
                    >
                      {t('moderation.reject')}
                    </button>
                  </span>
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
