import type { Deck, PromptKind, RevealPolicy } from '@candor/shared';
import { PROMPT_KINDS, SCALE_BOUNDS, TEXT_LENGTH } from '@candor/shared/rules';
import * as routes from '@candor/shared/routes';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useReducer, useRef, useState, type Dispatch, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useIssueProblems } from '../../i18n/error-text';
import { LANGUAGES } from '../../i18n/i18n';
import { ApiError, call } from '../../lib/api';
import { routeQuery, useLoginRedirect, withQueries } from '../../lib/queries';
import { Link, navigate } from '../../lib/router';
import {
  deckDraftReducer,
  deckInputFromDraft,
  describeIssue,
  draftFromDeck,
  duplicatePromptDraft,
  ENTRY_NOUNS,
  newKey,
  newPromptDraft,
  promptDefaults,
  REVEAL_CHOICES,
  translationLanguages,
  type DeckField,
  type DraftAction,
  type EntryDraft,
  type EntryNoun,
  type PromptDraft,
} from './deck-draft';
import { PromptTranslations, TranslationSummary } from './deck-translations';
import '../../i18n/facilitator-texts';

type SaveProblem = { message: string; issues: string[] };

export const DeckEditorPage = withQueries(function DeckEditorPage({ deckId }: { deckId: string }) {
  const { t } = useTranslation('decks');
  const errorText = useErrorText();
  // The deck, and the library to tell whether it is a built-in one. The editor starts from what they answer
  // when the page opens (nothing is refetched under it while it is being edited).
  const deckQuery = useQuery(routeQuery(routes.getDeck, { params: { deckId } }));
  const library = useQuery(routeQuery(routes.listDecks));
  const deck = deckQuery.data?.deck;
  const loaded = deck && library.data && { deck, builtIn: library.data.decks.some((d) => d.id === deck.id && d.builtIn) };
  // Null until a load fails; a server failure keeps its code, so that it is worded in the language shown.
  const failed = useLoginRedirect(deckQuery.error ?? library.error);
  const loadError = failed ? (failed instanceof ApiError ? { code: failed.code, message: failed.message } : 'unknown') : null;

  if (loadError || !loaded) {
    return (
      <main className="page">
        <BackLink />
        <h1>{t('editor.title')}</h1>
        {loadError ? (
          <p className="error" role="alert">
            {loadError === 'unknown' ? t('editor.loadError') : errorText(loadError)}
          </p>
        ) : (
          <p role="status">{t('loading', { ns: 'common' })}</p>
        )}
      </main>
    );
  }
  if (loaded.builtIn) return <BuiltInNotice deck={loaded.deck} />;
  return <DeckEditor key={loaded.deck.id} deck={loaded.deck} />;
});

function BackLink() {
  const { t } = useTranslation('decks');
  return (
    <p>
      <Link to="/console/decks">{t('editor.back')}</Link>
    </p>
  );
}

function BuiltInNotice({ deck }: { deck: Deck }) {
  const { t } = useTranslation('decks');
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const copy = async () => {
    try {
      const { deck: created } = await call(routes.createDeck, { body: { copyOf: deck.id } });
      navigate(`/console/decks/${encodeURIComponent(created.id)}/edit`, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : t('editor.copyError'));
    }
  };
  return (
    <main className="page">
      <BackLink />
      <h1>{deck.title}</h1>
      <p>{t('editor.builtIn')}</p>
      <button type="button" className="primary" onClick={() => void copy()}>
        {t('editor.copyToEdit')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

function DeckEditor({ deck }: { deck: Deck }) {
  const { t } = useTranslation('decks');
  const errorText = useErrorText();
  const issueProblems = useIssueProblems();
  const [draft, dispatch] = useReducer(deckDraftReducer, deck, draftFromDeck);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(deckInputFromDraft(draftFromDeck(deck))));
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const [newKind, setNewKind] = useState<PromptKind>('single');
  const [undo, setUndo] = useState<{ prompt: PromptDraft; index: number } | null>(null);
  const focusKey = useRef<string | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(deckInputFromDraft(draft)) !== savedJson;
  const languages = translationLanguages(draft, LANGUAGES);

  useEffect(() => {
    if (!dirty) return;
    // Leaving or reloading the page with unsaved changes asks first (the browser words the question).
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    // After adding or duplicating a prompt, put the cursor in its question field.
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    document.getElementById(`title-${key}`)?.focus();
  });

  const setField = (field: DeckField, value: string) => dispatch({ type: 'setDeckField', field, value });

  const movePrompt = (index: number, to: number) => {
    dispatch({ type: 'movePrompt', from: index, to });
    setStatus(t('editor.moved', { from: index + 1, to: to + 1 }));
  };

  const duplicatePrompt = (index: number) => {
    const copy = duplicatePromptDraft(draft.prompts[index], (title) => t('editor.copyTitle', { title }));
    focusKey.current = copy.key;
    dispatch({ type: 'insertPrompt', prompt: copy, index: index + 1 });
    setStatus(t('editor.duplicated', { n: index + 1, copy: index + 2 }));
  };

  const deletePrompt = (index: number) => {
    const prompt = draft.prompts[index];
    setUndo({ prompt, index });
    dispatch({ type: 'removePrompt', key: prompt.key });
    setStatus(prompt.title ? t('editor.deletedTitled', { n: index + 1, title: prompt.title }) : t('editor.deleted', { n: index + 1 }));
  };

  const undoDelete = () => {
    if (!undo) return;
    focusKey.current = undo.prompt.key;
    dispatch({ type: 'insertPrompt', prompt: undo.prompt, index: undo.index });
    setStatus(t('editor.restored', { n: undo.index + 1 }));
    setUndo(null);
  };

  const addPrompt = () => {
    const prompt = newPromptDraft(newKind, promptDefaults(t));
    focusKey.current = prompt.key;
    dispatch({ type: 'insertPrompt', prompt, index: draft.prompts.length });
    setStatus(t('editor.added', { n: draft.prompts.length + 1, kind: t(`kinds.${newKind}`) }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    setStatus('');
    const input = deckInputFromDraft(draft);
    try {
      const { deck: saved } = await call(routes.replaceDeck, { params: { deckId: deck.id }, body: input });
      const next = draftFromDeck(saved);
      dispatch({ type: 'saved', draft: next });
      setSavedJson(JSON.stringify(deckInputFromDraft(next)));
      setUndo(null);
      setStatus(t('editor.saved'));
    } catch (caught) {
      const problems = caught instanceof ApiError ? issueProblems(caught) : [];
      const issues = caught instanceof ApiError && caught.issues ? caught.issues.map((issue, i) => describeIssue(issue, draft, t, problems[i])) : [];
      setProblem({
        message:
          caught instanceof ApiError && caught.code === 'FORBIDDEN'
            ? t('editor.forbidden')
            : caught instanceof ApiError && caught.code === 'INVALID_PAYLOAD'
              ? t('editor.invalid')
              : caught instanceof ApiError
                ? errorText(caught)
                : t('editor.saveFailed'),
        issues,
      });
      // Bring the list of problems into view for everyone; the alert role announces it.
      setTimeout(() => problemRef.current?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="page deck-editor">
      <BackLink />
      <h1>{t('editor.heading', { title: draft.title || t('editor.untitled') })}</h1>

      <form onSubmit={(event) => void save(event)} noValidate>
        <TranslationSummary draft={draft} languages={languages} dispatch={dispatch} />

        <section aria-labelledby="deck-details-heading" className="card">
          <h2 id="deck-details-heading">{t('editor.aboutHeading')}</h2>
          <TextField id="deck-title" label={t('editor.deckTitle')} value={draft.title} onChange={(v) => setField('title', v)} required />
          <TextField
            id="deck-language"
            label={t('editor.language')}
            hint={t('editor.languageHint')}
            value={draft.language}
            onChange={(v) => setField('language', v)}
            short
            required
          />
          <TextArea id="deck-description" label={t('editor.description')} value={draft.description} onChange={(v) => setField('description', v)} />
          <TextArea
            id="deck-content-note"
            label={t('editor.contentNote')}
            hint={t('editor.contentNoteHint')}
            value={draft.contentNote}
            onChange={(v) => setField('contentNote', v)}
          />
        </section>

        <h2>{t('editor.promptsHeading', { count: draft.prompts.length })}</h2>
        <ol className="prompt-list">
          {draft.prompts.map((prompt, index) => (
            <li key={prompt.key}>
              <PromptEditor
                prompt={prompt}
                index={index}
                count={draft.prompts.length}
                languages={languages}
                source={draft.language}
                dispatch={dispatch}
                onMove={(to) => movePrompt(index, to)}
                onDuplicate={() => duplicatePrompt(index)}
                onDelete={() => deletePrompt(index)}
              />
            </li>
          ))}
        </ol>

        <section aria-labelledby="add-heading" className="card">
          <h2 id="add-heading">{t('editor.addHeading')}</h2>
          <label htmlFor="new-kind">{t('editor.kindLabel')}</label>
          <div className="copy-row">
            <select id="new-kind" value={newKind} onChange={(event) => setNewKind(event.target.value as PromptKind)}>
              {PROMPT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={addPrompt}>
              {t('editor.addPrompt')}
            </button>
          </div>
        </section>

        <div className="save-bar editor-save-bar">
          <p className="save-status" aria-live="polite">
            {status}
            {undo && (
              <>
                {' '}
                <button type="button" className="small" onClick={undoDelete}>
                  {t('editor.undoDelete')}
                </button>
              </>
            )}
          </p>
          {problem && (
            <div className="error-box" role="alert" tabIndex={-1} ref={problemRef}>
              <p>{problem.message}</p>
              {problem.issues.length > 0 && (
                <ul>
                  {problem.issues.map((issue, i) => (
                    <li key={i}>{issue}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="controls">
            <button type="submit" className="primary" disabled={saving}>
              {saving ? t('editor.saving') : t('editor.save')}
            </button>
            <span className="muted">{dirty ? t('editor.unsaved') : t('editor.allSaved')}</span>
          </div>
        </div>
      </form>
    </main>
  );
}

type PromptEditorProps = {
  prompt: PromptDraft;
  index: number;
  count: number;
  languages: string[];
  source: string;
  dispatch: Dispatch<DraftAction>;
  onMove: (to: number) => void;
  onDuplicate: () => void;
  onDelete: () => void;
};

function PromptEditor({ prompt, index, count, languages, source, dispatch, onMove, onDuplicate, onDelete }: PromptEditorProps) {
  const { t } = useTranslation('decks');
  const onChange = (patch: Partial<PromptDraft>) => dispatch({ type: 'updatePrompt', key: prompt.key, patch });
  const n = index + 1;
  const id = (field: string) => `${field}-${prompt.key}`;
  const noun = ENTRY_NOUNS[prompt.kind];
  return (
    <fieldset className="card prompt-editor">
      <legend>{t('prompt.legend', { n, kind: t(`kinds.${prompt.kind}`) })}</legend>
      <div className="controls prompt-actions">
        <button type="button" className="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('prompt.moveUpLabel', { n })}>
          {t('prompt.moveUp')}
        </button>
        <button type="button" className="small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('prompt.moveDownLabel', { n })}>
          {t('prompt.moveDown')}
        </button>
        <button type="button" className="small" onClick={onDuplicate} aria-label={t('prompt.duplicateLabel', { n })}>
          {t('prompt.duplicate')}
        </button>
        <button type="button" className="small danger-outline" disabled={count === 1} onClick={onDelete} aria-label={t('prompt.deleteLabel', { n })}>
          {t('prompt.delete')}
        </button>
      </div>

      <TextField id={id('title')} label={t('prompt.question')} value={prompt.title} onChange={(v) => onChange({ title: v })} required />
      <TextArea id={id('body')} label={t('prompt.body')} value={prompt.body} onChange={(v) => onChange({ body: v })} />
      <TextArea
        id={id('note')}
        label={t('prompt.contentNote')}
        hint={t('prompt.contentNoteHint')}
        value={prompt.contentNote}
        onChange={(v) => onChange({ contentNote: v })}
      />

      <label htmlFor={id('reveal')}>{t('prompt.reveal')}</label>
      <select id={id('reveal')} value={prompt.reveal} onChange={(event) => onChange({ reveal: event.target.value as RevealPolicy | '' })}>
        {REVEAL_CHOICES.map((policy) => (
          <option key={policy} value={policy}>
            {t(`reveal.${policy || 'default'}`)}
          </option>
        ))}
      </select>

      {prompt.kind === 'multiple' && (
        <NumberField
          id={id('max-picks')}
          label={t('prompt.maxPicks')}
          value={prompt.maxPicks}
          min={1}
          max={Math.max(1, prompt.entries.length)}
          onChange={(v) => onChange({ maxPicks: v })}
        />
      )}
      {prompt.kind === 'scale' && (
        <div className="field-grid">
          <NumberField id={id('min')} label={t('prompt.min')} value={prompt.min} min={SCALE_BOUNDS.lowest} max={SCALE_BOUNDS.highest} onChange={(v) => onChange({ min: v })} />
          <TextField id={id('min-label')} label={t('prompt.minLabel')} value={prompt.minLabel} onChange={(v) => onChange({ minLabel: v })} required />
          <NumberField id={id('max')} label={t('prompt.max')} value={prompt.max} min={SCALE_BOUNDS.lowest} max={SCALE_BOUNDS.highest} onChange={(v) => onChange({ max: v })} />
          <TextField id={id('max-label')} label={t('prompt.maxLabel')} value={prompt.maxLabel} onChange={(v) => onChange({ maxLabel: v })} required />
          <p className="hint field-wide">{t('prompt.scaleHint')}</p>
        </div>
      )}
      {prompt.kind === 'text' && (
        <NumberField
          id={id('max-length')}
          label={t('prompt.maxLength')}
          value={prompt.maxLength}
          min={TEXT_LENGTH.min}
          max={TEXT_LENGTH.max}
          onChange={(v) => onChange({ maxLength: v })}
        />
      )}
      {prompt.kind === 'checkin' && (
        <>
          <label htmlFor={id('moment')}>{t('prompt.moment')}</label>
          <select id={id('moment')} value={prompt.moment} onChange={(event) => onChange({ moment: event.target.value as 'start' | 'end' })}>
            <option value="start">{t('prompt.momentStart')}</option>
            <option value="end">{t('prompt.momentEnd')}</option>
          </select>
        </>
      )}
      {noun && (
        <EntryList
          noun={noun}
          promptKey={prompt.key}
          entries={prompt.entries}
          withCategory={prompt.kind === 'ynm'}
          hint={prompt.kind === 'checkin' ? t('prompt.levelsHint') : undefined}
          dispatch={dispatch}
        />
      )}
      <PromptTranslations prompt={prompt} n={n} languages={languages} source={source} dispatch={dispatch} />
    </fieldset>
  );
}

type EntryListProps = {
  noun: EntryNoun;
  promptKey: string;
  entries: EntryDraft[];
  withCategory: boolean;
  hint?: string;
  dispatch: Dispatch<DraftAction>;
};

function EntryList({ noun, promptKey, entries, withCategory, hint, dispatch }: EntryListProps) {
  const { t } = useTranslation('decks');
  const datalistId = useId();
  const categories = [...new Set(entries.map((e) => e.category.trim()).filter(Boolean))];
  const focusKey = useRef<string | null>(null);

  useEffect(() => {
    const key = focusKey.current;
    if (!key) return;
    focusKey.current = null;
    document.getElementById(`label-${key}`)?.focus();
  });

  const update = (key: string, patch: Partial<Pick<EntryDraft, 'label' | 'category'>>) => dispatch({ type: 'updateEntry', promptKey, key, patch });
  const move = (from: number, to: number) => dispatch({ type: 'moveEntry', promptKey, from, to });
  const add = () => {
    const key = newKey();
    focusKey.current = key;
    dispatch({ type: 'addEntry', promptKey, key });
  };

  return (
    <div className="entry-list">
      <h3>{t(`entries.${noun}.heading`, { count: entries.length })}</h3>
      {hint && <p className="hint">{hint}</p>}
      {withCategory && (
        <datalist id={datalistId}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      )}
      <ol>
        {entries.map((e, i) => {
          const n = i + 1;
          return (
            <li key={e.key} className="entry-row">
              <div className="entry-fields">
                <div>
                  <label htmlFor={`label-${e.key}`}>{t(`entries.${noun}.label`, { n })}</label>
                  <input id={`label-${e.key}`} type="text" value={e.label} onChange={(event) => update(e.key, { label: event.target.value })} />
                </div>
                {withCategory && (
                  <div>
                    <label htmlFor={`category-${e.key}`}>{t('entries.item.category', { n })}</label>
                    <input
                      id={`category-${e.key}`}
                      type="text"
                      list={datalistId}
                      value={e.category}
                      onChange={(event) => update(e.key, { category: event.target.value })}
                    />
                  </div>
                )}
              </div>
              <div className="controls entry-actions">
                <button type="button" className="small" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={t(`entries.${noun}.moveUp`, { n })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="small"
                  disabled={i === entries.length - 1}
                  onClick={() => move(i, i + 1)}
                  aria-label={t(`entries.${noun}.moveDown`, { n })}
                >
                  ↓
                </button>
                <button type="button" className="small danger-outline" onClick={() => dispatch({ type: 'removeEntry', promptKey, key: e.key })} aria-label={t(`entries.${noun}.remove`, { n })}>
                  {t('entries.remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="small" onClick={add}>
        {t(`entries.${noun}.add`)}
      </button>
    </div>
  );
}

type FieldProps = { id: string; label: string; value: string; onChange: (value: string) => void; hint?: string };

function TextField({ id, label, value, onChange, hint, short, required }: FieldProps & { short?: boolean; required?: boolean }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        className={short ? 'short-input' : undefined}
        value={value}
        required={required}
        aria-invalid={required && value.trim() === '' ? true : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function TextArea({ id, label, value, onChange, hint }: FieldProps) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value)} />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function NumberField({ id, label, value, onChange, min, max }: FieldProps & { min: number; max: number }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        className="short-input"
        step={1}
        min={min}
        max={max}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
