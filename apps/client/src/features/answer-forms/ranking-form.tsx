import type { RankingPrompt } from '@candor/shared';
import { useEffect, useRef, useState, type FormEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem, sameOrder, startingOrder } from './answer-drafts';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

type Focus = { id: string; direction: 'up' | 'down' };

export function RankingForm({ prompt, latest, pending, onSubmit }: FormProps<RankingPrompt>) {
  const { t } = useTranslation('participant');
  const ids = prompt.options.map((option) => option.id);
  const saved = latest?.kind === 'ranking' ? latest.order : null;
  const [order, setOrder] = useState<string[]>(() => startingOrder(ids, saved));
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<Focus | null>(null);
  const labelOf = new Map(prompt.options.map((option) => [option.id, option.label]));
  // Before a first save the given order is only a starting point: once touched, it waits for "Save ranking".
  const dirty = saved ? !sameOrder(order, saved) : !sameOrder(order, ids);
  const register = (key: string) => (node: HTMLButtonElement | null) => {
    if (node) buttons.current.set(key, node);
    else buttons.current.delete(key);
  };

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    // Keep focus on the moved option; at the top or bottom its button turns off, so use the other one.
    const index = order.indexOf(target.id);
    const atEdge = target.direction === 'up' ? index === 0 : index === order.length - 1;
    const direction = atEdge ? (target.direction === 'up' ? 'down' : 'up') : target.direction;
    buttons.current.get(`${target.id}:${direction}`)?.focus();
  }, [order]);

  const move = (id: string, to: number, direction?: 'up' | 'down') => {
    const next = moveItem(order, order.indexOf(id), to);
    if (next === order) return;
    if (direction) focusNext.current = { id, direction };
    setOrder(next);
    setAnnouncement(t('form.moved', { label: labelOf.get(id), position: next.indexOf(id) + 1, total: next.length }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ kind: 'ranking', order: [...order] });
  };
  const pass = () => {
    setOrder(ids);
    onSubmit({ kind: 'pass' });
  };

  // Dragging by the handle works with a mouse, a pen or a finger; the buttons do the same for everyone.
  const onHandleDown = (event: ReactPointerEvent<HTMLSpanElement>, id: string) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragging(id);
  };
  const onHandleMove = (event: ReactPointerEvent<HTMLSpanElement>) => {
    if (!dragging) return;
    const over = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>('[data-rank-id]');
    const overId = over?.dataset.rankId;
    if (overId && overId !== dragging) move(dragging, order.indexOf(overId));
  };
  const onHandleUp = () => setDragging(null);

  return (
    <form onSubmit={submit} className="answer-form">
      <p className="hint">{t('form.rankingHint')}</p>
      <ol className="ranking" aria-label={prompt.title}>
        {order.map((id, index) => {
          const label = labelOf.get(id) ?? id;
          return (
            <li key={id} data-rank-id={id} className={dragging === id ? 'is-dragging' : undefined}>
              <span
                className="drag-handle"
                aria-hidden="true"
                onPointerDown={(event) => onHandleDown(event, id)}
                onPointerMove={onHandleMove}
                onPointerUp={onHandleUp}
                onPointerCancel={onHandleUp}
              >
                ⠿
              </span>
              <span className="rank-position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="rank-label">{label}</span>
              <span className="rank-buttons">
                <button
                  type="button"
                  ref={register(`${id}:up`)}
                  aria-label={t('form.moveUpLabel', { label })}
                  disabled={index === 0}
                  onClick={() => move(id, index - 1, 'up')}
                >
                  ↑<span className="sr-only"> {t('form.moveUp')}</span>
                </button>
                <button
                  type="button"
                  ref={register(`${id}:down`)}
                  aria-label={t('form.moveDownLabel', { label })}
                  disabled={index === order.length - 1}
                  onClick={() => move(id, index + 1, 'down')}
                >
                  ↓<span className="sr-only"> {t('form.moveDown')}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <SaveBar pending={pending} dirty={dirty} latest={latest} submitLabel={t('form.saveRanking')} canSubmit onPass={pass} />
    </form>
  );
}
