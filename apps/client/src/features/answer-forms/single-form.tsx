import type { SingleChoicePrompt } from '@candor/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

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
