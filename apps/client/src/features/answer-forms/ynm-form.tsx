import type { YnmChoice, YnmItem, YnmPrompt } from '@candor/shared';
import { YNM_CHOICES } from '@candor/shared/rules';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormProps } from './form-props';
import { SaveBar } from './save-bar';

// Labelled by form.choices.<value>.
const CHOICES: readonly YnmChoice[] = YNM_CHOICES;

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

function sameChoices(a: Record<string, YnmChoice>, b: Record<string, YnmChoice>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function groupByCategory(items: YnmItem[]): [string | undefined, YnmItem[]][] {
  const groups = new Map<string | undefined, YnmItem[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups];
}
