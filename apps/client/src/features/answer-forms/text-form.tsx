import type { TextPrompt } from '@candor/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

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
