import type { ScalePrompt } from '@candor/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleValues } from './answer-drafts';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

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
