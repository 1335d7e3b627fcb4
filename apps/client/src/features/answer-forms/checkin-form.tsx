import type { CheckinPrompt } from '@candor/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

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
