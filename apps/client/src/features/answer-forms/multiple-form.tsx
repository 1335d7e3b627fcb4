import type { MultipleChoicePrompt } from '@candor/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sameSet, togglePick } from './answer-drafts';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

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
