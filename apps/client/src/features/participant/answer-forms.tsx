import type { AnswerValue, SingleChoicePrompt, YnmChoice, YnmItem, YnmPrompt } from '@candor/shared';
import { useState, type FormEvent } from 'react';

const CHOICES: { value: YnmChoice; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'no', label: 'No' },
  { value: 'pass', label: 'Pass' },
];

type FormProps<P> = {
  prompt: P;
  // The newest answer this seat gave: waiting to be saved if pending, else stored.
  latest: AnswerValue | undefined;
  pending: boolean;
  onSubmit: (value: AnswerValue) => void;
};

export function YnmForm({ prompt, latest, pending, onSubmit }: FormProps<YnmPrompt>) {
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
                  <label key={choice.value} className={`choice choice-${choice.value}`}>
                    <input
                      type="radio"
                      name={`${prompt.id}--${item.id}`}
                      value={choice.value}
                      checked={draft[item.id] === choice.value}
                      onChange={() => setDraft((previous) => ({ ...previous, [item.id]: choice.value }))}
                    />
                    <span>{choice.label}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </section>
      ))}
      <p className="hint">
        {setCount} of {prompt.items.length} answered. You can leave any item out.
      </p>
      <SaveBar pending={pending} dirty={dirty} latest={latest} submitLabel="Save answers" canSubmit={setCount > 0} onPass={pass} />
    </form>
  );
}

export function SingleForm({ prompt, latest, pending, onSubmit }: FormProps<SingleChoicePrompt>) {
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
      <SaveBar pending={pending} dirty={draft !== baseline} latest={latest} submitLabel="Save answer" canSubmit={draft !== null} onPass={pass} />
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
  const status = pending || dirty ? 'Not yet saved' : latest ? 'Saved' : '';
  return (
    <div className="save-bar">
      <p className={`save-status ${status === 'Saved' ? 'is-saved' : ''}`} aria-live="polite" data-testid="save-status">
        {status}
      </p>
      {!dirty && latest?.kind === 'pass' && <p className="hint">You passed this question. That is always fine.</p>}
      <div className="controls">
        <button type="submit" className="primary" disabled={!canSubmit}>
          {submitLabel}
        </button>
        <button type="button" onClick={onPass}>
          Pass this question
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
