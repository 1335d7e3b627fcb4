import type {
  AnswerValue,
  CheckinPrompt,
  MultipleChoicePrompt,
  Prompt,
  RankingPrompt,
  ScalePrompt,
  SingleChoicePrompt,
  TextPrompt,
  YnmChoice,
  YnmItem,
  YnmPrompt,
} from '@candor/shared';
import { YNM_CHOICES } from '@candor/shared/rules';
import { useEffect, useId, useRef, useState, type FormEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem, sameOrder, sameSet, scaleValues, startingOrder, togglePick } from './answer-drafts';

// Labelled by form.choices.<value>.
const CHOICES: readonly YnmChoice[] = YNM_CHOICES;

type FormProps<P> = {
  prompt: P;
  // The newest answer this seat gave: waiting to be saved if pending, else stored.
  latest: AnswerValue | undefined;
  pending: boolean;
  onSubmit: (value: AnswerValue) => void;
  // Where the answer goes, for the words about who reads it; a group session when absent.
  context?: AnswerContext;
};

// Who reads an open-text answer is said under form.textPrivacy.<context>.
export type AnswerContext = 'group' | 'couple' | 'solo';

// One form per prompt kind; the key resets a form's draft when the prompt changes.
export function AnswerForm(props: FormProps<Prompt>) {
  const { prompt, ...rest } = props;
  switch (prompt.kind) {
    case 'ynm':
      return <YnmForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'single':
      return <SingleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'multiple':
      return <MultipleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'scale':
      return <ScaleForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'ranking':
      return <RankingForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'text':
      return <TextForm key={prompt.id} prompt={prompt} {...rest} />;
    case 'checkin':
      return <CheckinForm key={prompt.id} prompt={prompt} {...rest} />;
  }
}

export function YnmForm({ prompt, latest, pending, onSubmit }: FormProps<YnmPrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState<Record<string, YnmChoice>>(() => (latest?.kind === 'ynm' ? latest.items : {}));
  const baseline = latest?.kind === 'ynm' ? latest.items : {};
  const dirty = !sameChoices(draft, baseline);
  const setCount = Object.keys(draft).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setCount > 0) onSubmit({ kind: 'ynm', items: { ...draft } });
  };
  const pass = () => {
    setDraft({});
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      {groupByCategory(prompt.items).map(([category, items]) => (
        <section key={category ?? ''} className="ynm-group">
          {category && <h3>{category}</h3>}
          {items.map((item) => (
            <div key={item.id} className="ynm-item">
              <p className="ynm-label">{item.label}</p>
              <div role="radiogroup" aria-label={item.label} className="choices">
                {CHOICES.map((choice) => (
                  <label key={choice} className={`choice choice-${choice}`}>
                    <input
                      type="radio"
                      name={`${prompt.id}--${item.id}`}
                      value={choice}
                      checked={draft[item.id] === choice}
                      onChange={() => setDraft((previous) => ({ ...previous, [item.id]: choice }))}
                    />
                    <span>{t(`form.choices.${choice}`)}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </section>
      ))}
      <p className="hint">
        {t('form.ynmCount', { answered: setCount, total: prompt.items.length })}
      </p>
      <SaveBar pending={pending} dirty={dirty} latest={latest} submitLabel={t('form.saveAnswers')} canSubmit={setCount > 0} onPass={pass} />
    </form>
  );
}

export function SingleForm({ prompt, latest, pending, onSubmit }: FormProps<SingleChoicePrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState<string | null>(() => (latest?.kind === 'single' ? latest.optionId : null));
  const baseline = latest?.kind === 'single' ? latest.optionId : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) onSubmit({ kind: 'single', optionId: draft });
  };
  const pass = () => {
    setDraft(null);
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      <div role="radiogroup" aria-label={prompt.title} className="options">
        {prompt.options.map((option) => (
          <label key={option.id} className="option">
            <input type="radio" name={prompt.id} value={option.id} checked={draft === option.id} onChange={() => setDraft(option.id)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <SaveBar pending={pending} dirty={draft !== baseline} latest={latest} submitLabel={t('form.saveAnswer')} canSubmit={draft !== null} onPass={pass} />
    </form>
  );
}

export function MultipleForm({ prompt, latest, pending, onSubmit }: FormProps<MultipleChoicePrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState<string[]>(() => (latest?.kind === 'multiple' ? latest.optionIds : []));
  const [refused, setRefused] = useState(false);
  const baseline = latest?.kind === 'multiple' ? latest.optionIds : [];
  const hintId = useId();
  const full = draft.length >= prompt.maxPicks;

  const toggle = (optionId: string) => {
    const next = togglePick(draft, optionId, prompt.maxPicks);
    if (next === null) {
      // Refused here, not by the server: the box stays unticked and the person is told why.
      setRefused(true);
      return;
    }
    setRefused(false);
    setDraft(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Sent in the prompt's order, whatever order the boxes were ticked in.
    const optionIds = prompt.options.filter((option) => draft.includes(option.id)).map((option) => option.id);
    if (optionIds.length > 0) onSubmit({ kind: 'multiple', optionIds });
  };
  const pass = () => {
    setDraft([]);
    setRefused(false);
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      <p id={hintId} className="pick-hint">
        {prompt.maxPicks === 1 ? t('form.pickOne') : t('form.pickUpTo', { max: prompt.maxPicks })}
      </p>
      <div role="group" aria-label={prompt.title} aria-describedby={hintId} className="options">
        {prompt.options.map((option) => {
          const checked = draft.includes(option.id);
          const blocked = full && !checked;
          return (
            <label key={option.id} className={`option${blocked ? ' is-blocked' : ''}`}>
              <input
                type="checkbox"
                name={prompt.id}
                value={option.id}
                checked={checked}
                aria-disabled={blocked || undefined}
                onChange={() => toggle(option.id)}
              />
              <span>{option.label}</span>
            </label>
          );
        })}
      </div>
      <p className="hint" aria-live="polite">
        {t('form.picked', { picked: draft.length, max: prompt.maxPicks })}
      </p>
      <p className="refusal" role="status">
        {refused ? t('form.pickRefused', { max: prompt.maxPicks }) : ''}
      </p>
      <SaveBar
        pending={pending}
        dirty={!sameSet(draft, baseline)}
        latest={latest}
        submitLabel={t('form.saveAnswer')}
        canSubmit={draft.length > 0}
        onPass={pass}
      />
    </form>
  );
}

export function ScaleForm({ prompt, latest, pending, onSubmit }: FormProps<ScalePrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState<number | null>(() => (latest?.kind === 'scale' ? latest.value : null));
  const baseline = latest?.kind === 'scale' ? latest.value : null;
  const endsId = useId();
  const values = scaleValues(prompt.min, prompt.max);
  // Up to 6 in one row; longer scales wrap into two even rows, which fits a 360-px phone.
  const columns = values.length <= 6 ? values.length : Math.ceil(values.length / 2);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft !== null) onSubmit({ kind: 'scale', value: draft });
  };
  const pass = () => {
    setDraft(null);
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      <p id={endsId} className="scale-ends">
        <span>
          <strong>{prompt.min}</strong> {t('form.scaleMeans', { label: prompt.minLabel })}
        </span>
        <span>
          <strong>{prompt.max}</strong> {t('form.scaleMeans', { label: prompt.maxLabel })}
        </span>
      </p>
      <div role="radiogroup" aria-label={prompt.title} aria-describedby={endsId} className="scale" style={{ ['--cols' as string]: columns }}>
        {values.map((value) => (
          <label key={value} className="choice scale-choice">
            <input type="radio" name={prompt.id} value={value} checked={draft === value} onChange={() => setDraft(value)} />
            <span>{value}</span>
          </label>
        ))}
      </div>
      <SaveBar pending={pending} dirty={draft !== baseline} latest={latest} submitLabel={t('form.saveAnswer')} canSubmit={draft !== null} onPass={pass} />
    </form>
  );
}

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

export function TextForm({ prompt, latest, pending, onSubmit, context = 'group' }: FormProps<TextPrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState(() => (latest?.kind === 'text' ? latest.text : ''));
  const baseline = latest?.kind === 'text' ? latest.text : '';
  const fieldId = useId();
  const counterId = useId();
  const privacyId = useId();
  const left = prompt.maxLength - draft.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (text.length > 0) onSubmit({ kind: 'text', text });
  };
  const pass = () => {
    setDraft('');
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      <label htmlFor={fieldId}>{t('form.yourAnswer')}</label>
      <textarea
        id={fieldId}
        className="text-answer"
        rows={5}
        maxLength={prompt.maxLength}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        aria-describedby={`${counterId} ${privacyId}`}
      />
      <p id={counterId} className={`char-counter${left <= 20 ? ' is-near' : ''}`}>
        {t('form.characters', { length: draft.length, max: prompt.maxLength })}
      </p>
      {/* Announced only near the limit, not on every keystroke. */}
      <p className="sr-only" aria-live="polite">
        {left <= 20 ? t('form.charactersLeft', { left }) : ''}
      </p>
      <p id={privacyId} className="hint">
        {t(`form.textPrivacy.${context}`)}
      </p>
      <SaveBar
        pending={pending}
        dirty={draft.trim() !== baseline}
        latest={latest}
        submitLabel={t('form.saveAnswer')}
        canSubmit={draft.trim().length > 0}
        onPass={pass}
      />
    </form>
  );
}

export function CheckinForm({ prompt, latest, pending, onSubmit }: FormProps<CheckinPrompt>) {
  const { t } = useTranslation('participant');
  const [draft, setDraft] = useState<string | null>(() => (latest?.kind === 'checkin' ? latest.levelId : null));
  const baseline = latest?.kind === 'checkin' ? latest.levelId : null;
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) onSubmit({ kind: 'checkin', levelId: draft });
  };
  const pass = () => {
    setDraft(null);
    onSubmit({ kind: 'pass' });
  };

  return (
    <form onSubmit={submit} className="answer-form">
      <p id={hintId} className="hint">
        {t('form.checkinHint')}
      </p>
      <div role="radiogroup" aria-label={prompt.title} aria-describedby={hintId} className="options levels">
        {prompt.levels.map((level, index) => (
          <label key={level.id} className="option level">
            <input type="radio" name={prompt.id} value={level.id} checked={draft === level.id} onChange={() => setDraft(level.id)} />
            <span>
              <span className="level-step" aria-hidden="true">
                {index + 1}
              </span>
              {level.label}
            </span>
          </label>
        ))}
      </div>
      <SaveBar pending={pending} dirty={draft !== baseline} latest={latest} submitLabel={t('form.saveAnswer')} canSubmit={draft !== null} onPass={pass} />
    </form>
  );
}

type SaveBarProps = {
  pending: boolean;
  dirty: boolean;
  latest: AnswerValue | undefined;
  submitLabel: string;
  canSubmit: boolean;
  onPass: () => void;
};

function SaveBar({ pending, dirty, latest, submitLabel, canSubmit, onPass }: SaveBarProps) {
  const { t } = useTranslation('participant');
  const status = pending || dirty ? 'notYetSaved' : latest ? 'saved' : null;
  return (
    <div className="save-bar">
      <p className={`save-status ${status === 'saved' ? 'is-saved' : ''}`} aria-live="polite" data-testid="save-status">
        {status && t(`form.${status}`)}
      </p>
      {!dirty && latest?.kind === 'pass' && <p className="hint">{t('form.passed')}</p>}
      <div className="controls">
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
        <button type="button" onClick={onPass}>
          {t('form.pass')}
        </button>
      </div>
    </div>
  );
}

function sameChoices(a: Record<string, YnmChoice>, b: Record<string, YnmChoice>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function groupByCategory(items: YnmItem[]): [string | undefined, YnmItem[]][] {
  const groups = new Map<string | undefined, YnmItem[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups];
}
